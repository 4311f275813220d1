//! Sign-in, the signed-in person, password and language changes, agency sign-up.

use crate::{AgencyId, AgencyStatus, ClientId, ClientStatus, Locale, PortalRole, StaffRole, UserId};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignInRequest {
    #[cfg_attr(feature = "openapi", schema(max_length = 254))]
    pub email: String,
    #[cfg_attr(feature = "openapi", schema(max_length = 128))]
    pub password: String,
    /// Needed only when the same email and password open accounts in several agencies.
    #[serde(default)]
    pub agency_slug: Option<String>,
}

/// One agency to choose from when an email has accounts in several.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgencyChoice {
    pub slug: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgencySummary {
    pub id: AgencyId,
    pub name: String,
    pub slug: String,
    pub status: AgencyStatus,
    pub default_locale: Locale,
    pub time_zone: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientRef {
    pub id: ClientId,
    pub name: String,
    pub status: ClientStatus,
}

/// What kind of person is signed in, with what they belong to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Membership {
    Platform,
    Staff { agency: AgencySummary, role: StaffRole },
    Contact { agency: AgencySummary, client: ClientRef, portal_role: PortalRole },
}

/// The signed-in person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub user_id: UserId,
    pub name: String,
    pub email: String,
    pub locale: Locale,
    pub membership: Membership,
}

impl Me {
    pub fn agency(&self) -> Option<&AgencySummary> {
        match &self.membership {
            Membership::Platform => None,
            Membership::Staff { agency, .. } | Membership::Contact { agency, .. } => Some(agency),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangePasswordRequest {
    #[cfg_attr(feature = "openapi", schema(max_length = 128))]
    pub current_password: String,
    #[cfg_attr(feature = "openapi", schema(max_length = 128))]
    pub new_password: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetLocaleRequest {
    pub locale: Locale,
}

/// Self-service sign-up: a new agency and its owner (only when `ACCORD_SIGNUP=open`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignUpRequest {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Name::schema))]
    pub agency_name: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 40, pattern = "^[a-z0-9][a-z0-9-]*[a-z0-9]$"))]
    pub agency_slug: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Name::schema))]
    pub owner_name: String,
    #[cfg_attr(feature = "openapi", schema(max_length = 254))]
    pub email: String,
    #[cfg_attr(feature = "openapi", schema(max_length = 128))]
    pub password: String,
    #[serde(default)]
    pub locale: Locale,
}

/// Public facts the sign-in page needs before anyone is signed in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicConfig {
    pub signup_open: bool,
    pub password_min_len: u32,
    pub password_max_len: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UpdateProfileRequest {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Name::schema))]
    pub name: String,
}
