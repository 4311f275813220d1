//! Why a roadmap change is refused, as data. Services raise these; `From<RoadmapError> for
//! ApiError` picks the stable code and the field at fault, and `ApiError::status_of` the HTTP
//! status.

use crate::error::FeatureError;
use accord_api::error::Code;

#[derive(Debug, thiserror::Error)]
pub enum RoadmapError {
    /// The goal or stage is not this client's.
    #[error("Not found.")]
    NotFound,
    /// Someone saved points A and B since the editor loaded them.
    #[error("Someone saved points A and B while you were editing. Reload them and try again.")]
    PointsChanged,
    /// A KPI figure (`baseline`, `target`, `value`) that is not a finite number.
    #[error("Enter a number.")]
    NotANumber { field: &'static str },
    #[error("A value cannot be measured in the future.")]
    MeasuredInFuture,
    #[error("The end cannot come before the start.")]
    EndsBeforeStart,
}

impl FeatureError for RoadmapError {
    /// The code the caller sees.
    fn code(&self) -> Code {
        match self {
            RoadmapError::NotFound => Code::NotFound,
            RoadmapError::PointsChanged => Code::StaleVersion,
            RoadmapError::NotANumber { .. } | RoadmapError::MeasuredInFuture | RoadmapError::EndsBeforeStart => {
                Code::ValidationFailed
            }
        }
    }

    /// The request field at fault, for refusals of one field.
    fn field(&self) -> Option<&'static str> {
        match self {
            RoadmapError::NotANumber { field } => Some(field),
            RoadmapError::MeasuredInFuture => Some("measured_on"),
            RoadmapError::EndsBeforeStart => Some("ends_on"),
            RoadmapError::NotFound | RoadmapError::PointsChanged => None,
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
        let cases: [(RoadmapError, u16, &str, &str, Option<&str>); 5] = [
            (RoadmapError::NotFound, 404, "not_found", "Not found.", None),
            (
                RoadmapError::PointsChanged,
                409,
                "stale_version",
                "Someone saved points A and B while you were editing. Reload them and try again.",
                None,
            ),
            (RoadmapError::NotANumber { field: "target" }, 422, "validation_failed", "Enter a number.", Some("target")),
            (
                RoadmapError::MeasuredInFuture,
                422,
                "validation_failed",
                "A value cannot be measured in the future.",
                Some("measured_on"),
            ),
            (
                RoadmapError::EndsBeforeStart,
                422,
                "validation_failed",
                "The end cannot come before the start.",
                Some("ends_on"),
            ),
        ];
        crate::error::check_refusals(cases);
        assert_eq!(ApiError::from(RoadmapError::NotFound).message(), ApiError::not_found().message());
    }
}
