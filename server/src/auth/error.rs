//! Why signing in, signing up, a password change or a password reset is refused, as data.
//! Services raise these; `From<AuthError> for ApiError` picks the stable code, the field at fault
//! and the extras (agency choices, Retry-After), and `ApiError::status_of` the HTTP status. The
//! messages are part of the sign-in contract: they do not change.

use crate::error::{ApiError, FeatureError};
use accord_api::auth::AgencyChoice;
use accord_api::error::Code;

use super::password::{MAX_LEN, MIN_LEN};

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// Unknown email and wrong password answer alike.
    #[error("Wrong email or password.")]
    InvalidCredentials,
    /// The password matched accounts in several agencies: the caller picks one.
    #[error("This account exists in several agencies; choose one.")]
    AgencyChoice(Vec<AgencyChoice>),
    #[error("This account is disabled. Ask your agency's administrator.")]
    AccountDisabled,
    #[error("This agency's access is suspended.")]
    AgencySuspended,
    /// Too many failed sign-ins from this address (or for this account from it).
    #[error("Too many failed attempts. Try again later.")]
    Throttled { retry_after_secs: u64 },
    /// The session's account or agency is gone.
    #[error("Sign in to continue.")]
    NotSignedIn,
    #[error("The current password is wrong.")]
    WrongPassword,
    #[error("Sign-up is closed. Ask the platform operator.")]
    SignupClosed,
    #[error("Use at least {} characters.", MIN_LEN)]
    PasswordTooShort { field: &'static str },
    #[error("Use at most {} characters.", MAX_LEN)]
    PasswordTooLong { field: &'static str },
    /// On the bundled list of common passwords.
    #[error("This password is too common; choose another.")]
    PasswordTooCommon { field: &'static str },
    /// A reset link whose token names no reset.
    #[error("This link is not valid. Ask for a new one.")]
    ResetLinkInvalid,
    #[error("This link was already used. Ask for a new one.")]
    ResetLinkUsed,
    #[error("This link has expired. Ask for a new one.")]
    ResetLinkExpired,
}

impl FeatureError for AuthError {
    /// The code the caller sees (and the audit trail records for a refused sign-in).
    fn code(&self) -> Code {
        match self {
            AuthError::InvalidCredentials => Code::InvalidCredentials,
            AuthError::AgencyChoice(_) => Code::AgencyChoiceRequired,
            AuthError::AccountDisabled => Code::AccountDisabled,
            AuthError::AgencySuspended => Code::AgencySuspended,
            AuthError::Throttled { .. } => Code::RateLimited,
            AuthError::NotSignedIn => Code::Unauthenticated,
            AuthError::WrongPassword => Code::WrongPassword,
            AuthError::SignupClosed => Code::SignupClosed,
            AuthError::PasswordTooShort { .. } => Code::PasswordTooShort,
            AuthError::PasswordTooLong { .. } => Code::PasswordTooLong,
            AuthError::PasswordTooCommon { .. } => Code::PasswordTooCommon,
            AuthError::ResetLinkInvalid => Code::LinkInvalid,
            AuthError::ResetLinkUsed => Code::LinkUsed,
            AuthError::ResetLinkExpired => Code::LinkExpired,
        }
    }

    /// The request field at fault, for refusals of one field.
    fn field(&self) -> Option<&'static str> {
        match self {
            AuthError::WrongPassword => Some("current_password"),
            AuthError::PasswordTooShort { field }
            | AuthError::PasswordTooLong { field }
            | AuthError::PasswordTooCommon { field } => Some(field),
            _ => None,
        }
    }

    fn into_base(self, code: Code, message: String) -> ApiError {
        match self {
            AuthError::AgencyChoice(choices) => ApiError::agency_choice(choices),
            AuthError::Throttled { retry_after_secs } => ApiError::rate_limited(retry_after_secs),
            _ => ApiError::of(code, message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header;
    use actix_web::ResponseError;

    /// The codes, messages, fields and statuses sent before these errors were data: the sign-in,
    /// throttle and reset texts byte for byte.
    #[test]
    fn each_refusal_answers_as_before() {
        let cases: [(AuthError, u16, &str, &str, Option<&str>); 14] = [
            (AuthError::InvalidCredentials, 401, "invalid_credentials", "Wrong email or password.", None),
            (
                AuthError::AgencyChoice(Vec::new()),
                409,
                "agency_choice_required",
                "This account exists in several agencies; choose one.",
                None,
            ),
            (
                AuthError::AccountDisabled,
                403,
                "account_disabled",
                "This account is disabled. Ask your agency's administrator.",
                None,
            ),
            (AuthError::AgencySuspended, 403, "agency_suspended", "This agency's access is suspended.", None),
            (
                AuthError::Throttled { retry_after_secs: 30 },
                429,
                "rate_limited",
                "Too many failed attempts. Try again later.",
                None,
            ),
            (AuthError::NotSignedIn, 401, "unauthenticated", "Sign in to continue.", None),
            (
                AuthError::WrongPassword,
                422,
                "wrong_password",
                "The current password is wrong.",
                Some("current_password"),
            ),
            (AuthError::SignupClosed, 403, "signup_closed", "Sign-up is closed. Ask the platform operator.", None),
            (
                AuthError::PasswordTooShort { field: "password" },
                422,
                "password_too_short",
                "Use at least 10 characters.",
                Some("password"),
            ),
            (
                AuthError::PasswordTooLong { field: "new_password" },
                422,
                "password_too_long",
                "Use at most 128 characters.",
                Some("new_password"),
            ),
            (
                AuthError::PasswordTooCommon { field: "owner_password" },
                422,
                "password_too_common",
                "This password is too common; choose another.",
                Some("owner_password"),
            ),
            (AuthError::ResetLinkInvalid, 404, "link_invalid", "This link is not valid. Ask for a new one.", None),
            (AuthError::ResetLinkUsed, 409, "link_used", "This link was already used. Ask for a new one.", None),
            (AuthError::ResetLinkExpired, 410, "link_expired", "This link has expired. Ask for a new one.", None),
        ];
        crate::error::check_refusals(cases);
        assert_eq!(ApiError::from(AuthError::NotSignedIn).message(), ApiError::unauthenticated().message());
        let throttled = ApiError::from(AuthError::Throttled { retry_after_secs: 0 }).error_response();
        assert_eq!(throttled.headers().get(header::RETRY_AFTER).and_then(|v| v.to_str().ok()), Some("1"));
    }
}
