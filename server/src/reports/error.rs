//! Why a report change is refused, as data: the stable code and the field at fault.

use crate::error::FeatureError;
use accord_api::error::Code;

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("Not found.")]
    NotFound,
    #[error("A report of this kind for this period already exists. Open it instead.")]
    Exists,
    #[error("A report covers a period that has begun.")]
    FuturePeriod,
    #[error("Choose a project of this client.")]
    UnknownProject,
    #[error("Choose contacts of this client.")]
    UnknownContact,
    #[error("Choose a client's question on this report.")]
    UnknownQuestion,
    #[error("A report has 1 to 12 sections.")]
    SectionCount,
    #[error("Show at least one section with text before publishing.")]
    NothingVisible,
    #[error("Someone changed this report meanwhile. Reload it and try again.")]
    Stale,
    #[error("A published report stays; edit it and publish a new revision instead.")]
    Published,
    #[error("This question already became a backlog idea.")]
    AlreadyIdea,
}

impl FeatureError for ReportError {
    fn code(&self) -> Code {
        use ReportError::*;
        match self {
            NotFound => Code::NotFound,
            Exists => Code::AlreadyExists,
            Stale => Code::StaleVersion,
            Published | AlreadyIdea => Code::InvalidTransition,
            _ => Code::ValidationFailed,
        }
    }

    fn field(&self) -> Option<&'static str> {
        use ReportError::*;
        match self {
            Exists | FuturePeriod => Some("period_of"),
            UnknownProject => Some("project_id"),
            UnknownContact => Some("notify"),
            UnknownQuestion => Some("question_id"),
            SectionCount | NothingVisible => Some("sections"),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ReportError;
    use crate::error::check_refusals;

    #[test]
    fn refusals_carry_their_status_code_and_field() {
        check_refusals([
            (ReportError::NotFound, 404, "not_found", "Not found.", None),
            (
                ReportError::Exists,
                409,
                "already_exists",
                "A report of this kind for this period already exists. Open it instead.",
                Some("period_of"),
            ),
            (
                ReportError::Stale,
                409,
                "stale_version",
                "Someone changed this report meanwhile. Reload it and try again.",
                None,
            ),
            (
                ReportError::NothingVisible,
                422,
                "validation_failed",
                "Show at least one section with text before publishing.",
                Some("sections"),
            ),
        ]);
    }
}
