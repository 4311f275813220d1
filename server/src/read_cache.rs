//! Built pages kept in memory and served again while their client's revision holds.
//!
//! The database raises a client's revision (`client_revisions`, migration 000023) on every
//! change to what its backlog pages show, whoever writes and on whichever instance. A page is
//! kept as its JSON bytes beside the revision it was read at (the revision is a sub-select of
//! the page's own statement, or read first in the page's transaction, so the pair is never
//! newer in its number than in its rows). A request reads the revision (one short statement,
//! with the caller's access check in it) and, when the kept page has that number, answers with
//! its bytes without reading or encoding a row. Every instance keeps its own pages; none is
//! ever served at a revision other than the one the database holds at that moment.
//!
//! The pages are held up to a budget of bytes (`ACCORD_READ_CACHE_MB`); past it the pages
//! used least recently go. A budget of 0 keeps nothing.

use crate::db::{ClientView, Scoped};
use accord_api::ClientId;
use accord_entity::client_revisions;
use actix_web::web::Bytes;
use sea_orm::sea_query::{Expr, Func, SimpleExpr};
use sea_orm::{QuerySelect, Select};
use std::collections::HashMap;
use std::sync::Mutex;

/// Which page a kept body is.
#[derive(Clone, Copy, Debug, Hash, PartialEq, Eq)]
pub enum PageKind {
    /// A staff page of one project's backlog (`detail`: the project and the query).
    StaffBacklog,
    /// The portal backlog (`detail`: whether the contact may decide).
    PortalBacklog,
}

/// A kept page's name: the kind, the client and what else the page depends on. The caller's
/// right to read it is checked on every request, never by the key.
#[derive(Clone, Debug, Hash, PartialEq, Eq)]
pub struct PageKey {
    kind: PageKind,
    client: ClientId,
    detail: String,
}

impl PageKey {
    pub fn new(kind: PageKind, client: ClientId, detail: String) -> Self {
        Self { kind, client, detail }
    }

    fn weight(&self, body: &Bytes) -> usize {
        body.len() + self.detail.len() + 96
    }
}

struct Kept {
    rev: i64,
    body: Bytes,
    used: u64,
}

#[derive(Default)]
struct Pages {
    kept: HashMap<PageKey, Kept>,
    bytes: usize,
    tick: u64,
}

pub struct ReadCache {
    budget: usize,
    pages: Mutex<Pages>,
}

impl ReadCache {
    pub fn new(megabytes: u64) -> Self {
        let budget = usize::try_from(megabytes.saturating_mul(1 << 20)).unwrap_or(usize::MAX);
        Self { budget, pages: Mutex::default() }
    }

    pub fn enabled(&self) -> bool {
        self.budget > 0
    }

    fn pages(&self) -> std::sync::MutexGuard<'_, Pages> {
        // A panic while holding the lock leaves whole entries behind (every change below is one
        // insert or remove), so the map is still sound.
        self.pages.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The page kept under `key` if it was built at revision `rev`.
    pub fn get(&self, key: &PageKey, rev: i64) -> Option<Bytes> {
        if !self.enabled() {
            return None;
        }
        let mut pages = self.pages();
        pages.tick += 1;
        let tick = pages.tick;
        let kept = pages.kept.get_mut(key)?;
        if kept.rev != rev {
            return None;
        }
        kept.used = tick;
        Some(kept.body.clone())
    }

    /// Keeps `body`, built at revision `rev`, under `key` (replacing what was there unless that
    /// was built at a later revision). A page larger than an eighth of the budget is not kept.
    pub fn put(&self, key: PageKey, rev: i64, body: Bytes) {
        let weight = key.weight(&body);
        if !self.enabled() || weight > self.budget / 8 {
            return;
        }
        let mut pages = self.pages();
        if pages.kept.get(&key).is_some_and(|k| k.rev > rev) {
            return;
        }
        pages.tick += 1;
        let used = pages.tick;
        if let Some(old) = pages.kept.insert(key.clone(), Kept { rev, body, used }) {
            pages.bytes -= key.weight(&old.body);
        }
        pages.bytes += weight;
        if pages.bytes > self.budget {
            Self::shed(&mut pages, self.budget / 4 * 3);
        }
    }

    /// Drops the pages used least recently until at most `to` bytes are kept.
    fn shed(pages: &mut Pages, to: usize) {
        let mut by_use: Vec<(u64, PageKey)> = pages.kept.iter().map(|(k, v)| (v.used, k.clone())).collect();
        by_use.sort_unstable_by_key(|(used, _)| *used);
        for (_, key) in by_use {
            if pages.bytes <= to {
                break;
            }
            if let Some(old) = pages.kept.remove(&key) {
                pages.bytes -= key.weight(&old.body);
            }
        }
    }

    /// How many pages and bytes are kept (for tests and the benchmark).
    pub fn size(&self) -> (usize, usize) {
        let pages = self.pages();
        (pages.kept.len(), pages.bytes)
    }
}

/// The view's client's revision as a sub-select of another statement of the same view (0
/// when nothing has changed since migration 000023).
pub fn revision(v: &ClientView) -> SimpleExpr {
    let rev = v.find::<client_revisions::Entity>().select_only().column(client_revisions::Column::Rev).sub_select();
    Func::coalesce([rev, Expr::val(0i64).into()]).into()
}

/// `q` with the view's client's revision as its column `l_rev` (see [`rev_of`]).
pub fn with_revision<'a, E: sea_orm::EntityTrait>(
    v: &'a ClientView,
    q: Scoped<'a, Select<E>>,
) -> Scoped<'a, Select<E>> {
    q.expr_as(revision(v), "l_rev")
}

/// The `l_rev` column of a row of a [`with_revision`] query.
pub fn rev_of(row: &sea_orm::QueryResult) -> Result<i64, sea_orm::DbErr> {
    row.try_get::<i64>("", "l_rev")
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static CLIENT: ClientId = ClientId::new();
    }

    fn key(n: u8) -> PageKey {
        PageKey::new(PageKind::PortalBacklog, CLIENT.with(|c| *c), n.to_string())
    }

    #[test]
    fn a_page_is_served_only_at_its_revision() {
        let cache = ReadCache::new(1);
        cache.put(key(1), 3, Bytes::from_static(b"three"));
        assert_eq!(cache.get(&key(1), 3).as_deref(), Some(&b"three"[..]));
        assert_eq!(cache.get(&key(1), 4), None);
        assert_eq!(cache.get(&key(2), 3), None);
        // An older page never replaces a newer one.
        cache.put(key(1), 2, Bytes::from_static(b"two"));
        assert_eq!(cache.get(&key(1), 3).as_deref(), Some(&b"three"[..]));
        cache.put(key(1), 4, Bytes::from_static(b"four"));
        assert_eq!(cache.get(&key(1), 4).as_deref(), Some(&b"four"[..]));
        assert_eq!(cache.size().0, 1);
    }

    #[test]
    fn past_the_budget_the_least_recently_used_pages_go() {
        let cache = ReadCache::new(1);
        let page = Bytes::from(vec![b'x'; 100 << 10]);
        for n in 0..12 {
            cache.put(key(n), 1, page.clone());
            // Page 0 is read after every other put: it stays.
            assert!(cache.get(&key(0), 1).is_some());
        }
        let (pages, bytes) = cache.size();
        assert!(bytes <= 1 << 20, "{bytes}");
        assert!(pages < 12);
        assert!(cache.get(&key(0), 1).is_some(), "the page in use stays");
        assert!(cache.get(&key(1), 1).is_none(), "the oldest unused page went");
        assert!(cache.get(&key(11), 1).is_some());
    }

    #[test]
    fn a_budget_of_zero_keeps_nothing_and_big_pages_are_not_kept() {
        let off = ReadCache::new(0);
        off.put(key(1), 1, Bytes::from_static(b"x"));
        assert_eq!(off.get(&key(1), 1), None);
        let small = ReadCache::new(1);
        small.put(key(1), 1, Bytes::from(vec![0; 200 << 10]));
        assert_eq!(small.get(&key(1), 1), None);
    }
}
