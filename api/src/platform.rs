//! The platform operator's view: agencies and their usage, never their content.

use crate::auth::AgencySummary;
use crate::Locale;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgencyUsage {
    pub agency: AgencySummary,
    pub created_at: DateTime<Utc>,
    pub staff_count: u64,
    pub client_count: u64,
    pub contact_count: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateAgencyRequest {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Name::schema))]
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 40, pattern = "^[a-z0-9][a-z0-9-]*[a-z0-9]$"))]
    pub slug: String,
    #[serde(default)]
    pub default_locale: Locale,
    /// IANA zone, e.g. `Europe/Moscow`.
    pub time_zone: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Name::schema))]
    pub owner_name: String,
    #[cfg_attr(feature = "openapi", schema(max_length = 254))]
    pub owner_email: String,
    #[cfg_attr(feature = "openapi", schema(max_length = 128))]
    pub owner_password: String,
}
