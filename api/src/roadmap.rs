//! A client's roadmap ("карта развития"): point A, point B, goals with KPIs, stages.

use crate::backlog::ItemRef;
use crate::{ClientId, GoalId, StaffRef, StageId, StageStatus};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Markdown as written, and the sanitized HTML the server rendered from it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RichText {
    pub markdown: String,
    pub html: String,
}

/// The whole roadmap. The portal gets the same shape without ideas among the stage items.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoadmapView {
    pub client_id: ClientId,
    /// Where the client's business is today.
    pub point_a: RichText,
    /// Where it wants to be.
    pub point_b: RichText,
    pub updated_at: Option<DateTime<Utc>>,
    pub updated_by: Option<StaffRef>,
    /// In the order they were added.
    pub goals: Vec<GoalView>,
    /// By start date.
    pub stages: Vec<StageView>,
}

/// Point A and point B, as Markdown (at most 20,000 characters each).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PointsInput {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Markdown::schema))]
    pub point_a: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Markdown::schema))]
    pub point_b: String,
    /// The roadmap's `updated_at` as the editor loaded it (`None`: it had never been saved).
    /// If someone saved in between, the answer is 409 `stale_version` and nothing changes.
    /// Leaving the field out skips the check.
    #[serde(default, skip_serializing_if = "Seen::is_unchecked")]
    pub seen: Seen,
}

/// What an editor saw before saving (see [`PointsInput::seen`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "kind", content = "at")]
pub enum Seen {
    /// No check (API clients that do not care).
    #[default]
    Unchecked,
    /// The roadmap had never been saved.
    Nothing,
    /// The roadmap as saved at this moment.
    SavedAt(DateTime<Utc>),
}

impl Seen {
    pub fn is_unchecked(&self) -> bool {
        *self == Seen::Unchecked
    }

    pub fn of(updated_at: Option<DateTime<Utc>>) -> Self {
        updated_at.map_or(Seen::Nothing, Seen::SavedAt)
    }
}

/// A goal with its KPI. `progress_pct` = (current − baseline) / (target − baseline), clamped
/// to 0..100; `None` before the first measured value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GoalView {
    pub id: GoalId,
    pub name: String,
    pub unit: String,
    pub baseline: f64,
    pub target: f64,
    pub current: Option<f64>,
    pub progress_pct: Option<u8>,
    /// Oldest first (for the trend chart).
    pub values: Vec<GoalValue>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GoalValue {
    pub value: f64,
    pub measured_on: NaiveDate,
    pub recorded_by: Option<StaffRef>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GoalInput {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Name::schema))]
    pub name: String,
    /// "%", "₽", "leads/month"… may be empty.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Unit::schema))]
    pub unit: String,
    pub baseline: f64,
    pub target: f64,
}

/// A measured value of a goal's KPI; a second value on the same day replaces the first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewGoalValue {
    pub value: f64,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Day::schema))]
    pub measured_on: NaiveDate,
}

/// A stage. Progress = share of linked items done, over the linked items that are neither
/// ideas nor declined; `None` without such items.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StageView {
    pub id: StageId,
    pub title: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub status: StageStatus,
    pub items_counted: u32,
    pub items_done: u32,
    pub progress_pct: Option<u8>,
    /// Linked backlog items by rank (staff: all; portal: no ideas).
    pub items: Vec<ItemRef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StageInput {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Name::schema))]
    pub title: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Day::schema))]
    pub starts_on: NaiveDate,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Day::schema))]
    pub ends_on: NaiveDate,
    pub status: StageStatus,
}

/// A stage named by a backlog item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StageRef {
    pub id: StageId,
    pub title: String,
}
