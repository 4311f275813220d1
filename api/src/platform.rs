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
    pub name: String,
    pub slug: String,
    #[serde(default)]
    pub default_locale: Locale,
    /// IANA zone, e.g. `Europe/Moscow`.
    pub time_zone: String,
    pub owner_name: String,
    pub owner_email: String,
    pub owner_password: String,
}
