//! Why a project change is refused, as data. Services raise these; `From<ProjectError> for
//! ApiError` picks the stable code and the field at fault, and `ApiError::status_of` the HTTP
//! status.

use crate::error::FeatureError;
use accord_api::error::Code;

#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    /// The project is not this client's.
    #[error("Not found.")]
    NotFound,
    #[error("The end cannot come before the start.")]
    EndsBeforeStart,
    /// A team member who is not active staff of this agency.
    #[error("The team can only hold active staff of this agency.")]
    TeamNotStaff,
}

impl FeatureError for ProjectError {
    /// The code the caller sees.
    fn code(&self) -> Code {
        match self {
            ProjectError::NotFound => Code::NotFound,
            ProjectError::EndsBeforeStart | ProjectError::TeamNotStaff => Code::ValidationFailed,
        }
    }

    /// The request field at fault, for refusals of one field.
    fn field(&self) -> Option<&'static str> {
        match self {
            ProjectError::NotFound => None,
            ProjectError::EndsBeforeStart => Some("ends_on"),
            ProjectError::TeamNotStaff => Some("team"),
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
        let cases: [(ProjectError, u16, &str, &str, Option<&str>); 3] = [
            (ProjectError::NotFound, 404, "not_found", "Not found.", None),
            (
                ProjectError::EndsBeforeStart,
                422,
                "validation_failed",
                "The end cannot come before the start.",
                Some("ends_on"),
            ),
            (
                ProjectError::TeamNotStaff,
                422,
                "validation_failed",
                "The team can only hold active staff of this agency.",
                Some("team"),
            ),
        ];
        crate::error::check_refusals(cases);
        assert_eq!(ApiError::from(ProjectError::NotFound).message(), ApiError::not_found().message());
    }
}
