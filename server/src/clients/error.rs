//! Why a client account or contact request is refused, as data. Services raise these (and so
//! does `access`, for every feature that opens a client); `From<ClientError> for ApiError` picks
//! the stable code and the field at fault, and `ApiError::status_of` the HTTP status.

use crate::error::FeatureError;
use accord_api::error::Code;

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The client is not visible to the caller (or another agency's), or the contact is not
    /// this client's.
    #[error("Not found.")]
    NotFound,
    /// The caller sees the client but may not do this to it.
    #[error("You do not have access to this.")]
    NotAllowed,
    /// Only owners and admins give an account to someone else (an account manager's new client
    /// is theirs).
    #[error("You do not have access to this.")]
    ManagerChoiceNotAllowed,
    #[error("Choose an active owner, admin or account manager.")]
    ManagerNotEligible,
    #[error("The end cannot come before the start.")]
    EndsBeforeStart,
    #[error("Use 1–365 days.")]
    CadenceOutOfRange,
    /// More scope points than a profile keeps (`included` or `excluded`).
    #[error("At most 50 points of up to 300 characters each.")]
    TooManyPoints { field: &'static str },
    /// The list's `manager` filter is neither `none` nor a user id.
    #[error("Use a staff id or `none`.")]
    UnknownManagerFilter,
    #[error("Unknown sort.")]
    UnknownSort,
    #[error("This client already has a contact with this email.")]
    ContactEmailTaken,
    /// A contact with a portal account signs in with their email.
    #[error("This person signs in with this email; it cannot change here.")]
    SignInEmailFixed,
    #[error("This contact has already left.")]
    ContactAlreadyLeft,
    /// A contact cannot replace themselves.
    #[error("Choose someone else.")]
    SuccessorIsSelf,
    #[error("Choose a current contact of this client.")]
    UnknownSuccessor,
}

impl FeatureError for ClientError {
    /// The code the caller sees.
    fn code(&self) -> Code {
        match self {
            ClientError::NotFound => Code::NotFound,
            ClientError::NotAllowed | ClientError::ManagerChoiceNotAllowed => Code::Forbidden,
            ClientError::ManagerNotEligible
            | ClientError::EndsBeforeStart
            | ClientError::CadenceOutOfRange
            | ClientError::TooManyPoints { .. }
            | ClientError::UnknownManagerFilter
            | ClientError::UnknownSort
            | ClientError::SignInEmailFixed
            | ClientError::SuccessorIsSelf
            | ClientError::UnknownSuccessor => Code::ValidationFailed,
            ClientError::ContactEmailTaken => Code::AlreadyExists,
            ClientError::ContactAlreadyLeft => Code::Conflict,
        }
    }

    /// The request field at fault, for refusals of one field.
    fn field(&self) -> Option<&'static str> {
        match self {
            ClientError::ManagerNotEligible => Some("account_manager_id"),
            ClientError::EndsBeforeStart => Some("ended_on"),
            ClientError::CadenceOutOfRange => Some("contact_cadence_days"),
            ClientError::TooManyPoints { field } => Some(field),
            ClientError::UnknownManagerFilter => Some("manager"),
            ClientError::UnknownSort => Some("sort"),
            ClientError::ContactEmailTaken | ClientError::SignInEmailFixed => Some("email"),
            ClientError::SuccessorIsSelf | ClientError::UnknownSuccessor => Some("replaced_by"),
            ClientError::NotFound
            | ClientError::NotAllowed
            | ClientError::ManagerChoiceNotAllowed
            | ClientError::ContactAlreadyLeft => None,
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
        let cases: [(ClientError, u16, &str, &str, Option<&str>); 14] = [
            (ClientError::NotFound, 404, "not_found", "Not found.", None),
            (ClientError::NotAllowed, 403, "forbidden", "You do not have access to this.", None),
            (ClientError::ManagerChoiceNotAllowed, 403, "forbidden", "You do not have access to this.", None),
            (
                ClientError::ManagerNotEligible,
                422,
                "validation_failed",
                "Choose an active owner, admin or account manager.",
                Some("account_manager_id"),
            ),
            (
                ClientError::EndsBeforeStart,
                422,
                "validation_failed",
                "The end cannot come before the start.",
                Some("ended_on"),
            ),
            (ClientError::CadenceOutOfRange, 422, "validation_failed", "Use 1–365 days.", Some("contact_cadence_days")),
            (
                ClientError::TooManyPoints { field: "excluded" },
                422,
                "validation_failed",
                "At most 50 points of up to 300 characters each.",
                Some("excluded"),
            ),
            (ClientError::UnknownManagerFilter, 422, "validation_failed", "Use a staff id or `none`.", Some("manager")),
            (ClientError::UnknownSort, 422, "validation_failed", "Unknown sort.", Some("sort")),
            (
                ClientError::ContactEmailTaken,
                409,
                "already_exists",
                "This client already has a contact with this email.",
                Some("email"),
            ),
            (
                ClientError::SignInEmailFixed,
                422,
                "validation_failed",
                "This person signs in with this email; it cannot change here.",
                Some("email"),
            ),
            (ClientError::ContactAlreadyLeft, 409, "conflict", "This contact has already left.", None),
            (ClientError::SuccessorIsSelf, 422, "validation_failed", "Choose someone else.", Some("replaced_by")),
            (
                ClientError::UnknownSuccessor,
                422,
                "validation_failed",
                "Choose a current contact of this client.",
                Some("replaced_by"),
            ),
        ];
        crate::error::check_refusals(cases);
        assert_eq!(ApiError::from(ClientError::NotFound).message(), ApiError::not_found().message());
        assert_eq!(ApiError::from(ClientError::NotAllowed).message(), ApiError::forbidden().message());
    }
}
