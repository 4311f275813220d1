//! A client's projects and the touchpoint log.

use crate::{ClientId, ContactId, Money, ProjectKind, ProjectStatus, StaffRef, TouchpointKind, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProjectView {
    pub id: crate::ProjectId,
    pub client_id: ClientId,
    pub name: String,
    pub kind: ProjectKind,
    pub status: ProjectStatus,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub budget: Option<Money>,
    pub budget_shared: bool,
    pub team: Vec<StaffRef>,
    /// Agreed backlog items not yet started (agreed or scheduled).
    pub agreed_not_started: u32,
    /// Active and below the two-agreed-items standard.
    pub below_standard: bool,
}

/// Creates or replaces a project (the form sends every field).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProjectInput {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Name::schema))]
    pub name: String,
    pub kind: ProjectKind,
    pub status: ProjectStatus,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Day::optional_schema))]
    pub starts_on: Option<NaiveDate>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Day::optional_schema))]
    pub ends_on: Option<NaiveDate>,
    #[serde(default)]
    pub budget: Option<Money>,
    #[serde(default)]
    pub budget_shared: bool,
    #[serde(default)]
    pub team: Vec<UserId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactRef {
    pub id: ContactId,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TouchpointView {
    pub id: crate::TouchpointId,
    pub kind: TouchpointKind,
    pub occurred_at: DateTime<Utc>,
    pub contact: Option<ContactRef>,
    pub summary: String,
    pub created_by: StaffRef,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewTouchpoint {
    pub kind: TouchpointKind,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Instant::schema))]
    pub occurred_at: DateTime<Utc>,
    #[serde(default)]
    pub contact_id: Option<ContactId>,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Message::schema))]
    pub summary: String,
}
