//! Why a risk or incident change is refused, as data. `FeatureError` picks the stable code and
//! the field at fault, and `ApiError::status_of` the HTTP status.

use crate::error::FeatureError;
use accord_api::error::Code;
use accord_api::risks::IncidentStep;

#[derive(Debug, thiserror::Error)]
pub enum RiskError {
    #[error("Not found.")]
    NotFound,
    #[error("Use a number from 1 to 5.")]
    BadScale { field: &'static str },
    #[error("Choose an active staff member of the agency.")]
    UnknownOwner,
    #[error("Choose a project of this client.")]
    UnknownProject,
    #[error("A mistake cannot be found in the future.")]
    DetectedInFuture,
    #[error("Describe the damage on at least one axis: timeline, quality, result or reputation.")]
    NoDamage,
    #[error("Steps go in order: notify, assess, plan, carry out, prevent; this incident is {0}.")]
    WrongStep(IncidentStep),
    #[error("Only the client's approvers can acknowledge a fix plan.")]
    NotApprover,
    #[error("No fix plan has been proposed yet.")]
    NoPlan,
    #[error("The fix plan has been acknowledged already.")]
    AlreadyAcknowledged,
}

impl FeatureError for RiskError {
    fn code(&self) -> Code {
        use RiskError::*;
        match self {
            NotFound => Code::NotFound,
            NotApprover => Code::Forbidden,
            WrongStep(_) => Code::WrongStep,
            NoPlan => Code::NoPlan,
            AlreadyAcknowledged => Code::AlreadyAcknowledged,
            BadScale { .. } | UnknownOwner | UnknownProject | DetectedInFuture | NoDamage => Code::ValidationFailed,
        }
    }

    fn field(&self) -> Option<&'static str> {
        use RiskError::*;
        match self {
            BadScale { field } => Some(field),
            UnknownOwner => Some("owner_id"),
            UnknownProject => Some("project_id"),
            DetectedInFuture => Some("detected_at"),
            NoDamage => Some("damage"),
            NotFound | WrongStep(_) | NotApprover | NoPlan | AlreadyAcknowledged => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_answer_with_their_codes() {
        let cases: [(RiskError, u16, &str, &str, Option<&str>); 6] = [
            (
                RiskError::BadScale { field: "impact" },
                422,
                "validation_failed",
                "Use a number from 1 to 5.",
                Some("impact"),
            ),
            (
                RiskError::UnknownOwner,
                422,
                "validation_failed",
                "Choose an active staff member of the agency.",
                Some("owner_id"),
            ),
            (
                RiskError::WrongStep(IncidentStep::Detected),
                409,
                "wrong_step",
                "Steps go in order: notify, assess, plan, carry out, prevent; this incident is detected.",
                None,
            ),
            (RiskError::NoPlan, 409, "no_plan", "No fix plan has been proposed yet.", None),
            (
                RiskError::AlreadyAcknowledged,
                409,
                "already_acknowledged",
                "The fix plan has been acknowledged already.",
                None,
            ),
            (RiskError::NotApprover, 403, "forbidden", "Only the client's approvers can acknowledge a fix plan.", None),
        ];
        crate::error::check_refusals(cases);
    }
}
