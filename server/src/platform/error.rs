//! Why the operator's (or a sign-up's) change to an agency is refused, as data. The service
//! raises these; `From<PlatformError> for ApiError` picks the stable code and the field at
//! fault, and `ApiError::status_of` the HTTP status.

use crate::error::FeatureError;
use accord_api::error::Code;

#[derive(Debug, thiserror::Error)]
pub enum PlatformError {
    /// No agency with this id.
    #[error("Not found.")]
    NotFound,
    /// Another agency has this address.
    #[error("This address (slug) is taken.")]
    SlugTaken,
}

impl FeatureError for PlatformError {
    /// The code the caller sees.
    fn code(&self) -> Code {
        match self {
            PlatformError::NotFound => Code::NotFound,
            PlatformError::SlugTaken => Code::AlreadyExists,
        }
    }

    /// The request field at fault, for refusals of one field.
    fn field(&self) -> Option<&'static str> {
        match self {
            PlatformError::NotFound => None,
            PlatformError::SlugTaken => Some("slug"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ApiError;

    /// The codes, messages, fields and statuses sent before these errors were data.
    #[test]
    fn each_refusal_answers_as_before() {
        let cases: [(PlatformError, u16, &str, &str, Option<&str>); 2] = [
            (PlatformError::NotFound, 404, "not_found", "Not found.", None),
            (PlatformError::SlugTaken, 409, "already_exists", "This address (slug) is taken.", Some("slug")),
        ];
        crate::error::check_refusals(cases);
        assert_eq!(ApiError::from(PlatformError::NotFound).message(), ApiError::not_found().message());
    }
}
