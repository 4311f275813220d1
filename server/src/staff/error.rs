//! Why a change to the agency's people is refused, as data. The service raises these;
//! `From<StaffError> for ApiError` picks the stable code, and `ApiError::status_of` the HTTP
//! status.

use crate::error::FeatureError;
use accord_api::error::Code;

#[derive(Debug, thiserror::Error)]
pub enum StaffError {
    /// The person is not on this agency's staff (or the agency is gone).
    #[error("Not found.")]
    NotFound,
    #[error("You cannot change your own role or access.")]
    CannotChangeSelf,
    /// Only an owner grants the owner role or changes an owner.
    #[error("You do not have access to this.")]
    OwnerOnly,
    /// Taking the owner role from the last active owner.
    #[error("The agency needs at least one owner.")]
    LastOwner,
    /// Disabling the last active owner.
    #[error("The agency needs at least one active owner.")]
    LastActiveOwner,
}

impl FeatureError for StaffError {
    /// The code the caller sees.
    fn code(&self) -> Code {
        match self {
            StaffError::NotFound => Code::NotFound,
            StaffError::CannotChangeSelf => Code::CannotChangeSelf,
            StaffError::OwnerOnly => Code::Forbidden,
            StaffError::LastOwner | StaffError::LastActiveOwner => Code::LastOwner,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ApiError;
    use actix_web::ResponseError;

    /// The codes, messages, fields and statuses sent before these errors were data.
    #[test]
    fn each_refusal_answers_as_before() {
        let cases: [(StaffError, u16, &str, &str); 5] = [
            (StaffError::NotFound, 404, "not_found", "Not found."),
            (StaffError::CannotChangeSelf, 409, "cannot_change_self", "You cannot change your own role or access."),
            (StaffError::OwnerOnly, 403, "forbidden", "You do not have access to this."),
            (StaffError::LastOwner, 409, "last_owner", "The agency needs at least one owner."),
            (StaffError::LastActiveOwner, 409, "last_owner", "The agency needs at least one active owner."),
        ];
        for (err, status, code, message) in cases {
            let api = ApiError::from(err);
            assert_eq!(
                (api.status_code().as_u16(), api.code().as_str(), api.message(), api.field()),
                (status, code, message, None)
            );
        }
        assert_eq!(ApiError::from(StaffError::OwnerOnly).message(), ApiError::forbidden().message());
    }
}
