//! Why a touchpoint is refused, as data. The service raises these; `From<TouchpointError> for
//! ApiError` picks the stable code and the field at fault, and `ApiError::status_of` the HTTP
//! status.

use crate::error::FeatureError;
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

impl FeatureError for TouchpointError {
    /// The code the caller sees.
    fn code(&self) -> Code {
        Code::ValidationFailed
    }

    /// The request field at fault.
    fn field(&self) -> Option<&'static str> {
        Some(match self {
            TouchpointError::InFuture => "occurred_at",
            TouchpointError::UnknownContact => "contact_id",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        crate::error::check_refusals(cases);
    }
}
