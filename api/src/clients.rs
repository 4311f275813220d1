//! Client accounts and their contacts (the minimal shape; the full profile comes later), and the
//! query string of the clients list.

use crate::{
    Activity, ClientId, ClientStatus, ContactId, InvitationId, PortalRole, ReportCadence, StaffRef, Temperament,
    UserId, ValueTier,
};
use chrono::NaiveDate;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

mod query;
pub use query::{ClientQuery, ClientSort, ManagerFilter};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientView {
    pub id: ClientId,
    pub name: String,
    pub status: ClientStatus,
    pub contact_count: u64,
    pub created_at: DateTime<Utc>,
    pub account_manager: Option<StaffRef>,
    pub temperament: Option<Temperament>,
    pub activity: Option<Activity>,
    /// The tier in force: the computed ABC tier unless `tier_override`.
    pub value_tier: Option<ValueTier>,
    /// The tier 12-month paid revenue gives (ABC by Pareto); `None` before the first computation.
    #[serde(default)]
    pub abc_tier: Option<ValueTier>,
    /// `value_tier` was set by hand and stays until an owner or admin clears it.
    #[serde(default)]
    pub tier_override: bool,
    pub contact_cadence_days: Option<u32>,
    pub last_touch_at: Option<DateTime<Utc>>,
    /// Whole days since the last touchpoint; `None` when there was none.
    pub days_since_touch: Option<i64>,
    /// Silence has lasted longer than the agreed cadence (or there was never a touchpoint).
    pub touch_overdue: bool,
    pub archived: bool,
}

/// The whole client account as staff see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientProfile {
    #[serde(flatten)]
    pub summary: ClientView,
    pub started_on: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
    pub business_model: Option<String>,
    pub audience: Option<String>,
    pub market: Option<String>,
    pub product_role: Option<String>,
    pub included: Vec<String>,
    pub excluded: Vec<String>,
    pub report_cadence: Option<ReportCadence>,
    /// Whether the caller may change this account.
    pub can_edit: bool,
}

/// Replaces the editable profile (the form sends every field).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UpdateClientRequest {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Name::schema))]
    pub name: String,
    pub status: ClientStatus,
    #[serde(default)]
    pub account_manager_id: Option<UserId>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Day::optional_schema))]
    pub started_on: Option<NaiveDate>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Day::optional_schema))]
    pub ended_on: Option<NaiveDate>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Note::optional_schema))]
    pub business_model: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Note::optional_schema))]
    pub audience: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Note::optional_schema))]
    pub market: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Note::optional_schema))]
    pub product_role: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::ListPoint::list_schema))]
    pub included: Vec<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::ListPoint::list_schema))]
    pub excluded: Vec<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 365))]
    pub contact_cadence_days: Option<u32>,
    #[serde(default)]
    pub report_cadence: Option<ReportCadence>,
    #[serde(default)]
    pub temperament: Option<Temperament>,
    #[serde(default)]
    pub activity: Option<Activity>,
    #[serde(default)]
    pub value_tier: Option<ValueTier>,
}

/// One change of a client's status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusChange {
    pub from: Option<ClientStatus>,
    pub to: ClientStatus,
    pub changed_by: Option<StaffRef>,
    pub changed_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateClientRequest {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Name::schema))]
    pub name: String,
    #[serde(default = "default_status")]
    pub status: ClientStatus,
    #[serde(default)]
    pub account_manager_id: Option<UserId>,
}

fn default_status() -> ClientStatus {
    ClientStatus::Onboarding
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactView {
    pub id: ContactId,
    pub client_id: ClientId,
    pub name: String,
    pub email: String,
    pub portal_role: PortalRole,
    pub portal_access: PortalAccess,
    pub created_at: DateTime<Utc>,
    pub position: Option<String>,
    pub phone: Option<String>,
    pub decision_maker: bool,
    /// Set once the person left the client; they stay listed as history.
    pub left_at: Option<DateTime<Utc>>,
    pub replaced_by: Option<ContactId>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateContactRequest {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Name::schema))]
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(max_length = 254))]
    pub email: String,
    pub portal_role: PortalRole,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Line::optional_schema))]
    pub position: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Phone::optional_schema))]
    pub phone: Option<String>,
    #[serde(default)]
    pub decision_maker: bool,
}

/// Marks a contact as gone, optionally naming who took over.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactLeftRequest {
    #[serde(default)]
    pub replaced_by: Option<ContactId>,
}

/// One entry of a client's people history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactEvent {
    pub contact_id: ContactId,
    pub contact_name: String,
    /// `added`, `updated`, `left`, `replaced`.
    pub kind: String,
    /// For `replaced`: the successor's name.
    pub detail: Option<String>,
    /// For `updated`: which fields changed, so the UI can name them in the reader's language.
    #[serde(default)]
    pub changes: Vec<FieldChange>,
    pub actor: Option<StaffRef>,
    pub at: DateTime<Utc>,
}

/// Where a contact stands with the portal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum PortalAccess {
    NotInvited,
    Invited { invitation_id: InvitationId, expires_at: DateTime<Utc> },
    InvitationExpired { invitation_id: InvitationId },
    Active,
    Disabled,
}

/// One changed field of a record: `field` is the wire name (`name`, `email`, `portal_role`, …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}
