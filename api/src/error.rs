//! The one error body every failing API call answers with.

use serde::{Deserialize, Serialize};

/// `{ "code": "snake_case_code", "message": "…" }`; `code` is stable and meant for programs,
/// `message` is for people. `field` names the offending input field when there is one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
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

/// Stable error codes, shared so the SPA can translate them.
pub mod codes {
    pub const UNAUTHENTICATED: &str = "unauthenticated";
    pub const INVALID_CREDENTIALS: &str = "invalid_credentials";
    pub const AGENCY_CHOICE_REQUIRED: &str = "agency_choice_required";
    pub const AGENCY_SUSPENDED: &str = "agency_suspended";
    pub const FORBIDDEN: &str = "forbidden";
    pub const CSRF_REJECTED: &str = "csrf_rejected";
    pub const NOT_FOUND: &str = "not_found";
    pub const CONFLICT: &str = "conflict";
    pub const ALREADY_EXISTS: &str = "already_exists";
    pub const VALIDATION: &str = "validation_failed";
    pub const MALFORMED_JSON: &str = "malformed_json";
    /// The request body is larger than the endpoint accepts (256 KB; a CSV import 10 MB).
    pub const TOO_LARGE: &str = "too_large";
    pub const RATE_LIMITED: &str = "rate_limited";
    pub const PASSWORD_TOO_SHORT: &str = "password_too_short";
    pub const PASSWORD_TOO_LONG: &str = "password_too_long";
    pub const PASSWORD_TOO_COMMON: &str = "password_too_common";
    pub const WRONG_PASSWORD: &str = "wrong_password";
    pub const SIGNUP_CLOSED: &str = "signup_closed";
    pub const LAST_OWNER: &str = "last_owner";
    pub const ACCOUNT_DISABLED: &str = "account_disabled";
    pub const CANNOT_CHANGE_SELF: &str = "cannot_change_self";
    pub const LINK_EXPIRED: &str = "link_expired";
    pub const LINK_USED: &str = "link_used";
    pub const LINK_REVOKED: &str = "link_revoked";
    pub const LINK_INVALID: &str = "link_invalid";
    pub const ALREADY_HAS_ACCESS: &str = "already_has_access";
    /// A change was made from an old copy: someone else saved the record meanwhile.
    pub const STALE_VERSION: &str = "stale_version";
    /// A backlog status change the state machine does not allow.
    pub const INVALID_TRANSITION: &str = "invalid_transition";
    /// A change request cannot be scheduled or started before the client approved its price.
    pub const CHANGE_REQUEST_NOT_APPROVED: &str = "change_request_not_approved";
    /// The estimate of a started or finished item cannot change.
    pub const ESTIMATE_LOCKED: &str = "estimate_locked";
    /// Only a proposed item waits for the client's decision.
    pub const NOT_AWAITING_DECISION: &str = "not_awaiting_decision";
    /// A decline needs a reason.
    pub const REASON_REQUIRED: &str = "reason_required";
    /// A change request must carry a price.
    pub const PRICE_REQUIRED: &str = "price_required";
    /// A CSV import had bad rows; `rows` lists them and nothing was imported.
    pub const IMPORT_REJECTED: &str = "import_rejected";
    pub const INTERNAL: &str = "internal_error";
    pub const UNAVAILABLE: &str = "unavailable";
}
