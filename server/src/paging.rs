//! `?page=&per_page=&q=` for list endpoints. The page number is bounded before any offset is
//! computed (a huge page is a 422, never an overflow), `per_page` is clamped, and the search
//! text is parsed like any single-line input.

use crate::domain::Field;
use crate::error::{ApiError, ApiResult};
use accord_api::error::Code;
use accord_api::input::{self, PAGE_MAX, PER_PAGE_MAX};
use accord_api::Page;
use serde::Deserialize;

#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// 1-based page number (default 1).
    #[param(minimum = 1, maximum = 1_000_000)]
    pub page: Option<u64>,
    /// Items per page, 1–100 (default 25).
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<u64>,
    /// Case-insensitive search text.
    #[param(max_length = 200)]
    pub q: Option<String>,
}

/// `?page=&per_page=` for lists without search.
#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageOnly {
    /// 1-based page number (default 1).
    #[param(minimum = 1, maximum = 1_000_000)]
    pub page: Option<u64>,
    /// Items per page, 1–100.
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<u64>,
}

impl PageQuery {
    pub fn paging(&self) -> ApiResult<Paging> {
        Paging::parse(self.page, self.per_page, 25)
    }

    pub fn search(&self) -> ApiResult<Option<String>> {
        search(self.q.as_deref())
    }
}

/// A checked page: `page` in 1..=PAGE_MAX, `per_page` in 1..=PER_PAGE_MAX.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    pub page: u64,
    pub per_page: u64,
}

impl Paging {
    pub fn parse(page: Option<u64>, per_page: Option<u64>, default_per_page: u64) -> ApiResult<Self> {
        let page = page.unwrap_or(1).max(1);
        if page > PAGE_MAX {
            return Err(ApiError::invalid("page", Code::ValidationFailed, format!("Use a page from 1 to {PAGE_MAX}.")));
        }
        Ok(Self { page, per_page: per_page.unwrap_or(default_per_page).clamp(1, PER_PAGE_MAX) })
    }

    /// Rows to skip: at most (PAGE_MAX − 1) × PER_PAGE_MAX, far inside i64.
    pub fn offset(self) -> u64 {
        (self.page - 1) * self.per_page
    }

    pub fn limit(self) -> u64 {
        self.per_page
    }

    pub fn page_of<T>(self, items: Vec<T>, total: u64) -> Page<T> {
        Page { items, total, page: self.page, per_page: self.per_page }
    }
}

/// A list's search text: trimmed, one line, at most 200 characters; blank is no search.
pub fn search(q: Option<&str>) -> ApiResult<Option<String>> {
    input::Search::parse_optional(q).field("q")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_are_bounded_before_arithmetic() {
        assert_eq!(Paging::parse(None, None, 25).unwrap(), Paging { page: 1, per_page: 25 });
        assert_eq!(Paging::parse(Some(0), Some(0), 25).unwrap(), Paging { page: 1, per_page: 1 });
        assert_eq!(Paging::parse(Some(3), Some(1000), 25).unwrap().offset(), 200);
        assert!(Paging::parse(Some(u64::MAX), None, 25).is_err());
        assert!(Paging::parse(Some(PAGE_MAX + 1), None, 25).is_err());
        let last = Paging::parse(Some(PAGE_MAX), Some(u64::MAX), 25).unwrap();
        assert!(i64::try_from(last.offset()).is_ok());
    }

    #[test]
    fn search_text_refuses_nul() {
        assert_eq!(search(Some("  ")).unwrap(), None);
        assert_eq!(search(Some(" Ромашка ")).unwrap().as_deref(), Some("Ромашка"));
        assert!(search(Some("a\0b")).is_err());
        assert!(search(Some(&"x".repeat(201))).is_err());
    }
}
