//! Why a touchpoint is refused, as data. The service raises these; `From<TouchpointError> for
//! ApiError` picks the stable code and the field at fault, and `ApiError::status_of` the HTTP
//! status.

use crate::error::ApiError;
use accord_api::error::Code;

#[derive(Debug, thiserror::Error)]
pub enum TouchpointError {
    /// Later than a few minutes from now (clocks drift).
    #[error("A touchpoint cannot be in the future.")]
    InFuture,
    /// The contact is not one of this client's.
    #[error("Choose a contact of this client.")]
    UnknownContact,
}

impl TouchpointError {
    /// The code the caller sees.
    pub fn code(&self) -> Code {
        Code::ValidationFailed
    }

    /// The request field at fault.
    fn field(&self) -> &'static str {
        match self {
            TouchpointError::InFuture => "occurred_at",
            TouchpointError::UnknownContact => "contact_id",
        }
    }
}

impl From<TouchpointError> for ApiError {
    fn from(err: TouchpointError) -> Self {
        ApiError::of(err.code(), err.to_string()).with_field(err.field())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::ResponseError;

    /// The codes, messages, fields and statuses sent before these errors were data.
    #[test]
    fn each_refusal_answers_as_before() {
        let cases: [(TouchpointError, u16, &str, &str, Option<&str>); 2] = [
            (
                TouchpointError::InFuture,
                422,
                "validation_failed",
                "A touchpoint cannot be in the future.",
                Some("occurred_at"),
            ),
            (
                TouchpointError::UnknownContact,
                422,
                "validation_failed",
                "Choose a contact of this client.",
                Some("contact_id"),
            ),
        ];
        for (err, status, code, message, field) in cases {
            let api = ApiError::from(err);
            assert_eq!(
                (api.status_code().as_u16(), api.code().as_str(), api.message(), api.field()),
                (status, code, message, field)
            );
        }
    }
}
