//! `health_scores`: every recomputation of a client's health score (on change, daily, or
//! backfilled), with its parts — the history the chart and the corridor are drawn from.

use accord_api::{AgencyId, ClientId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "health_scores")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    /// The day in the agency's time zone.
    pub day: Date,
    /// 0–100; `None` when no signal had data.
    pub score: Option<i32>,
    /// JSON `HealthScore` parts and left-out signals.
    pub parts: String,
    /// `change`, `daily`, `settings` or `backfill`.
    pub cause: String,
    pub computed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
