//! The one error body every failing API call answers with.

use serde::{Deserialize, Serialize};

/// `{ "code": "snake_case_code", "message": "…" }`; `code` is stable and meant for programs,
/// `message` is for people. `field` names the offending input field when there is one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    /// A [`Code`] as its wire string; kept a string so a client older than the server still
    /// reads codes it does not know yet (and falls back to `message`).
    #[cfg_attr(feature = "openapi", schema(value_type = Code))]
    pub code: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Only with `agency_choice_required`: the agencies whose account matched the password.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<crate::auth::AgencyChoice>,
    /// Only with `import_rejected`: every row that failed, so nothing was imported.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<RowError>,
}

/// One bad row of an imported file (rows count from 1 after the header line).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RowError {
    pub row: u32,
    pub field: String,
    pub message: String,
}

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $text:literal,)+) => {
        /// Stable error codes, shared so the SPA can translate them. The server picks the HTTP
        /// status of each in one place (`server/src/error.rs`); the SPA's text for each is an
        /// exhaustive match, so a new code without texts does not build.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum Code {
            $($(#[$doc])* $variant,)+
        }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant),+];

            /// The wire string, e.g. `"validation_failed"`.
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $text),+ }
            }

            /// The code a wire string names; `None` for a code this build does not know.
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some(Code::$variant),)+ _ => None }
            }
        }
    };
}

codes! {
    Unauthenticated = "unauthenticated",
    InvalidCredentials = "invalid_credentials",
    AgencyChoiceRequired = "agency_choice_required",
    AgencySuspended = "agency_suspended",
    Forbidden = "forbidden",
    CsrfRejected = "csrf_rejected",
    NotFound = "not_found",
    Conflict = "conflict",
    AlreadyExists = "already_exists",
    /// The input does not parse or break a rule; `field` names it when there is one.
    ValidationFailed = "validation_failed",
    MalformedJson = "malformed_json",
    /// The request body is larger than the endpoint accepts (256 KB; a CSV import 10 MB).
    TooLarge = "too_large",
    RateLimited = "rate_limited",
    PasswordTooShort = "password_too_short",
    PasswordTooLong = "password_too_long",
    PasswordTooCommon = "password_too_common",
    WrongPassword = "wrong_password",
    SignupClosed = "signup_closed",
    LastOwner = "last_owner",
    AccountDisabled = "account_disabled",
    CannotChangeSelf = "cannot_change_self",
    LinkExpired = "link_expired",
    LinkUsed = "link_used",
    LinkRevoked = "link_revoked",
    LinkInvalid = "link_invalid",
    AlreadyHasAccess = "already_has_access",
    /// A change was made from an old copy: someone else saved the record meanwhile.
    StaleVersion = "stale_version",
    /// A backlog status change the state machine does not allow.
    InvalidTransition = "invalid_transition",
    /// A change request cannot be scheduled or started before the client approved its price.
    ChangeRequestNotApproved = "change_request_not_approved",
    /// The estimate of a started or finished item cannot change.
    EstimateLocked = "estimate_locked",
    /// Only a proposed item waits for the client's decision.
    NotAwaitingDecision = "not_awaiting_decision",
    /// A decline needs a reason.
    ReasonRequired = "reason_required",
    /// A change request must carry a price.
    PriceRequired = "price_required",
    /// A promise's new date is agreed only before the old one passed.
    TooLate = "too_late",
    /// An incident step out of order (notify, assess, plan, carry out, prevent).
    WrongStep = "wrong_step",
    /// An incident's fix plan is acknowledged only once one is proposed.
    NoPlan = "no_plan",
    /// The fix plan was acknowledged already.
    AlreadyAcknowledged = "already_acknowledged",
    /// A CSV import had bad rows; `rows` lists them and nothing was imported.
    ImportRejected = "import_rejected",
    InternalError = "internal_error",
    Unavailable = "unavailable",
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Code;

    /// The wire strings are a contract: this list is what clients already read.
    #[test]
    fn wire_strings_do_not_change() {
        let wire: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(
            wire,
            [
                "unauthenticated",
                "invalid_credentials",
                "agency_choice_required",
                "agency_suspended",
                "forbidden",
                "csrf_rejected",
                "not_found",
                "conflict",
                "already_exists",
                "validation_failed",
                "malformed_json",
                "too_large",
                "rate_limited",
                "password_too_short",
                "password_too_long",
                "password_too_common",
                "wrong_password",
                "signup_closed",
                "last_owner",
                "account_disabled",
                "cannot_change_self",
                "link_expired",
                "link_used",
                "link_revoked",
                "link_invalid",
                "already_has_access",
                "stale_version",
                "invalid_transition",
                "change_request_not_approved",
                "estimate_locked",
                "not_awaiting_decision",
                "reason_required",
                "price_required",
                "too_late",
                "wrong_step",
                "no_plan",
                "already_acknowledged",
                "import_rejected",
                "internal_error",
                "unavailable",
            ]
        );
    }

    #[test]
    fn every_code_parses_back() {
        for &code in Code::ALL {
            assert_eq!(Code::parse(code.as_str()), Some(code));
            assert_eq!(code.to_string(), code.as_str());
        }
        assert_eq!(Code::parse("no_such_code"), None);
    }
}
