//! Why the backlog refuses something, as data. Services raise these; `From<BacklogError> for
//! ApiError` picks the stable code (and the field at fault), and `ApiError::status_of` — the one
//! place — the HTTP status.

use crate::error::{ApiError, FeatureError};
use accord_api::error::{Code, RowError};
use accord_api::BacklogStatus;

#[derive(Debug, thiserror::Error)]
pub enum BacklogError {
    /// The project or item is not this client's (or, in the portal, not visible to the client).
    #[error("Not found.")]
    NotFound,
    /// Someone saved the item since the caller loaded it.
    #[error("Someone changed this item meanwhile. Reload it and try again.")]
    VersionConflict,
    /// proposed → agreed / declined is the client's decision, never a staff move.
    #[error("Only the client's approver approves or declines a proposed item, in the portal.")]
    ClientDecides,
    #[error("An item cannot go from {from} to {to}.")]
    InvalidTransition { from: BacklogStatus, to: BacklogStatus },
    /// A change request may be scheduled or started only once the client approved its price.
    #[error("This change request has no client-approved price yet: no work before the client approves it.")]
    ChangeRequestNotApproved,
    #[error("Work on this item has started: its estimate and price can no longer change.")]
    EstimateLocked,
    /// Only the client's approvers decide; viewers read.
    #[error("Only the client's approvers decide on backlog items.")]
    NotApprover,
    /// A decision on an item that is not proposed.
    #[error("This item is not waiting for a decision.")]
    NotDecidable { status: BacklogStatus },
    #[error("Tell the agency why you decline it.")]
    ReasonRequired,
    #[error("A change request is out of scope: give it a price for the client to approve.")]
    PriceRequired,
    #[error("The estimate must be 0–100,000 hours.")]
    EstimateOutOfRange,
    #[error("Choose a stage of this client's roadmap.")]
    UnknownStage,
    /// Every bad row of an import (nothing was written).
    #[error("Some rows are invalid; nothing was imported.")]
    ImportRejected(Vec<RowError>),
}

impl FeatureError for BacklogError {
    /// The code the caller sees.
    fn code(&self) -> Code {
        match self {
            BacklogError::NotFound => Code::NotFound,
            BacklogError::VersionConflict => Code::StaleVersion,
            BacklogError::ClientDecides | BacklogError::InvalidTransition { .. } => Code::InvalidTransition,
            BacklogError::ChangeRequestNotApproved => Code::ChangeRequestNotApproved,
            BacklogError::EstimateLocked => Code::EstimateLocked,
            BacklogError::NotApprover => Code::Forbidden,
            BacklogError::NotDecidable { .. } => Code::NotAwaitingDecision,
            BacklogError::ReasonRequired => Code::ReasonRequired,
            BacklogError::PriceRequired => Code::PriceRequired,
            BacklogError::EstimateOutOfRange | BacklogError::UnknownStage => Code::ValidationFailed,
            BacklogError::ImportRejected(_) => Code::ImportRejected,
        }
    }

    /// The request field at fault, for refusals of one field.
    fn field(&self) -> Option<&'static str> {
        match self {
            BacklogError::ReasonRequired => Some("comment"),
            BacklogError::PriceRequired => Some("price"),
            BacklogError::EstimateOutOfRange => Some("estimate_minutes"),
            BacklogError::UnknownStage => Some("stage_id"),
            _ => None,
        }
    }

    fn into_base(self, code: Code, message: String) -> ApiError {
        match self {
            BacklogError::ImportRejected(rows) => ApiError::import_rejected(rows),
            _ => ApiError::of(code, message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::ResponseError;

    /// The codes, messages, fields and statuses sent before these errors were data.
    #[test]
    fn each_refusal_answers_as_before() {
        let cases: [(BacklogError, u16, &str, Option<&str>); 6] = [
            (BacklogError::NotFound, 404, "not_found", None),
            (BacklogError::VersionConflict, 409, "stale_version", None),
            (BacklogError::NotApprover, 403, "forbidden", None),
            (BacklogError::NotDecidable { status: BacklogStatus::Idea }, 409, "not_awaiting_decision", None),
            (BacklogError::ReasonRequired, 422, "reason_required", Some("comment")),
            (BacklogError::UnknownStage, 422, "validation_failed", Some("stage_id")),
        ];
        for (err, status, code, field) in cases {
            let api = ApiError::from(err);
            assert_eq!((api.status_code().as_u16(), api.code().as_str(), api.field()), (status, code, field));
        }
        let moved =
            ApiError::from(BacklogError::InvalidTransition { from: BacklogStatus::Idea, to: BacklogStatus::Done });
        assert_eq!(moved.message(), "An item cannot go from idea to done.");
        assert_eq!(ApiError::from(BacklogError::NotFound).message(), ApiError::not_found().message());
    }
}
