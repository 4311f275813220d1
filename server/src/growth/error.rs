//! Why a growth change is refused, as data. `FeatureError` picks the stable code and the field
//! at fault, and `ApiError::status_of` the HTTP status.

use crate::error::FeatureError;
use accord_api::error::Code;
use accord_api::growth::UpsellStatus;

#[derive(Debug, thiserror::Error)]
pub enum GrowthError {
    #[error("Not found.")]
    NotFound,
    #[error("Use a mark from −2 to +2.")]
    BadMark,
    #[error("No such criterion on the scorecard.")]
    UnknownCriterion,
    #[error("Each criterion once.")]
    DuplicateCriterion,
    #[error("Keep between 1 and 20 criteria.")]
    CriteriaCount,
    #[error("Name the criterion.")]
    CriterionName,
    #[error("Use a number from 0 to 100.")]
    BadProbability,
    #[error("An upsell moves idea → proposed → won or lost; it cannot go from {from} to {to}.")]
    Transition { from: UpsellStatus, to: UpsellStatus },
    #[error("Say why the upsell was lost.")]
    LostReasonRequired,
    #[error("Choose an active staff member of the agency.")]
    UnknownOwner,
    #[error("Choose a backlog item of this client.")]
    UnknownBacklogItem,
    #[error("Choose a contract of this client.")]
    UnknownContract,
    #[error("Choose a project of this client.")]
    UnknownProject,
    #[error("Choose a service of the catalogue.")]
    UnknownService { field: &'static str },
    #[error("A service cannot require itself, directly or through others.")]
    PrerequisiteCycle,
    #[error("The end cannot be before the start.")]
    EndsBeforeStart,
    #[error("Give a title in at least one language.")]
    TitleRequired,
}

impl FeatureError for GrowthError {
    fn code(&self) -> Code {
        use GrowthError::*;
        match self {
            NotFound => Code::NotFound,
            Transition { .. } => Code::InvalidTransition,
            LostReasonRequired => Code::ReasonRequired,
            BadMark
            | UnknownCriterion
            | DuplicateCriterion
            | CriteriaCount
            | CriterionName
            | BadProbability
            | UnknownOwner
            | UnknownBacklogItem
            | UnknownContract
            | UnknownProject
            | UnknownService { .. }
            | PrerequisiteCycle
            | EndsBeforeStart
            | TitleRequired => Code::ValidationFailed,
        }
    }

    fn field(&self) -> Option<&'static str> {
        use GrowthError::*;
        match self {
            BadMark | UnknownCriterion | DuplicateCriterion => Some("marks"),
            CriteriaCount | CriterionName => Some("criteria"),
            BadProbability => Some("probability"),
            Transition { .. } => Some("status"),
            LostReasonRequired => Some("lost_reason"),
            UnknownOwner => Some("owner_id"),
            UnknownBacklogItem => Some("backlog_item_id"),
            UnknownContract => Some("contract_id"),
            UnknownProject => Some("project_id"),
            UnknownService { field } => Some(field),
            PrerequisiteCycle => Some("prerequisites"),
            EndsBeforeStart => Some("ended_on"),
            TitleRequired => Some("title_ru"),
            NotFound => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_answer_with_their_codes() {
        let cases: [(GrowthError, u16, &str, &str, Option<&str>); 5] = [
            (GrowthError::BadMark, 422, "validation_failed", "Use a mark from −2 to +2.", Some("marks")),
            (
                GrowthError::Transition { from: UpsellStatus::Idea, to: UpsellStatus::Won },
                409,
                "invalid_transition",
                "An upsell moves idea → proposed → won or lost; it cannot go from idea to won.",
                Some("status"),
            ),
            (
                GrowthError::LostReasonRequired,
                422,
                "reason_required",
                "Say why the upsell was lost.",
                Some("lost_reason"),
            ),
            (
                GrowthError::PrerequisiteCycle,
                422,
                "validation_failed",
                "A service cannot require itself, directly or through others.",
                Some("prerequisites"),
            ),
            (GrowthError::NotFound, 404, "not_found", "Not found.", None),
        ];
        crate::error::check_refusals(cases);
    }
}
