//! Why an invitation is refused — when it is sent or managed, and when its link is followed —
//! as data. Services raise these; `From<InvitationError> for ApiError` picks the stable code and
//! the field at fault, and `ApiError::status_of` the HTTP status (managing a revoked invitation
//! is its one named exception: `ApiError::link_conflict`).

use crate::error::{ApiError, FeatureError};
use accord_api::error::Code;

#[derive(Debug, thiserror::Error)]
pub enum InvitationError {
    /// The invitation, or the contact to invite, is not this agency's (or not visible).
    #[error("Not found.")]
    NotFound,
    /// Only an owner invites an owner.
    #[error("You do not have access to this.")]
    OwnerInvitesOwner,
    #[error("Someone in this agency already signs in with this email.")]
    EmailSignsIn,
    #[error("An invitation to this email is already waiting; resend it instead.")]
    AlreadyWaiting,
    #[error("This contact already has portal access.")]
    ContactHasAccess,
    /// Resending or revoking an invitation someone accepted.
    #[error("This invitation was already accepted.")]
    AlreadyAccepted,
    /// Resending a revoked invitation (a conflict with its state, not a dead link: 409).
    #[error("This invitation was revoked.")]
    Revoked,
    /// The link's token names no invitation.
    #[error("This link is not valid. Ask for a new invitation.")]
    LinkInvalid,
    #[error("This invitation has expired. Ask the person who invited you to send a new one.")]
    LinkExpired,
    #[error("This invitation was already used. Sign in instead.")]
    LinkUsed,
    /// Following the link of a revoked invitation.
    #[error("This invitation was withdrawn.")]
    LinkWithdrawn,
    #[error("This agency's access is suspended.")]
    AgencySuspended,
    /// Accepting when an account with the invited email already exists in the agency.
    #[error("An account with this email already exists. Sign in instead.")]
    AccountExists,
}

impl FeatureError for InvitationError {
    /// The code the caller sees.
    fn code(&self) -> Code {
        match self {
            InvitationError::NotFound => Code::NotFound,
            InvitationError::OwnerInvitesOwner => Code::Forbidden,
            InvitationError::EmailSignsIn | InvitationError::ContactHasAccess | InvitationError::AccountExists => {
                Code::AlreadyHasAccess
            }
            InvitationError::AlreadyWaiting => Code::AlreadyExists,
            InvitationError::AlreadyAccepted | InvitationError::LinkUsed => Code::LinkUsed,
            InvitationError::Revoked | InvitationError::LinkWithdrawn => Code::LinkRevoked,
            InvitationError::LinkInvalid => Code::LinkInvalid,
            InvitationError::LinkExpired => Code::LinkExpired,
            InvitationError::AgencySuspended => Code::AgencySuspended,
        }
    }

    /// The request field at fault, for refusals of one field.
    fn field(&self) -> Option<&'static str> {
        match self {
            InvitationError::EmailSignsIn | InvitationError::AlreadyWaiting => Some("email"),
            _ => None,
        }
    }

    fn into_base(self, code: Code, message: String) -> ApiError {
        match self {
            InvitationError::Revoked => ApiError::link_conflict(code, message),
            _ => ApiError::of(code, message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes, messages, fields and statuses sent before these errors were data.
    #[test]
    fn each_refusal_answers_as_before() {
        let cases: [(InvitationError, u16, &str, &str, Option<&str>); 13] = [
            (InvitationError::NotFound, 404, "not_found", "Not found.", None),
            (InvitationError::OwnerInvitesOwner, 403, "forbidden", "You do not have access to this.", None),
            (
                InvitationError::EmailSignsIn,
                409,
                "already_has_access",
                "Someone in this agency already signs in with this email.",
                Some("email"),
            ),
            (
                InvitationError::AlreadyWaiting,
                409,
                "already_exists",
                "An invitation to this email is already waiting; resend it instead.",
                Some("email"),
            ),
            (
                InvitationError::ContactHasAccess,
                409,
                "already_has_access",
                "This contact already has portal access.",
                None,
            ),
            (InvitationError::AlreadyAccepted, 409, "link_used", "This invitation was already accepted.", None),
            (InvitationError::Revoked, 409, "link_revoked", "This invitation was revoked.", None),
            (
                InvitationError::LinkInvalid,
                404,
                "link_invalid",
                "This link is not valid. Ask for a new invitation.",
                None,
            ),
            (
                InvitationError::LinkExpired,
                410,
                "link_expired",
                "This invitation has expired. Ask the person who invited you to send a new one.",
                None,
            ),
            (InvitationError::LinkUsed, 409, "link_used", "This invitation was already used. Sign in instead.", None),
            (InvitationError::LinkWithdrawn, 410, "link_revoked", "This invitation was withdrawn.", None),
            (InvitationError::AgencySuspended, 403, "agency_suspended", "This agency's access is suspended.", None),
            (
                InvitationError::AccountExists,
                409,
                "already_has_access",
                "An account with this email already exists. Sign in instead.",
                None,
            ),
        ];
        crate::error::check_refusals(cases);
        assert_eq!(ApiError::from(InvitationError::NotFound).message(), ApiError::not_found().message());
        assert_eq!(ApiError::from(InvitationError::OwnerInvitesOwner).message(), ApiError::forbidden().message());
    }
}
