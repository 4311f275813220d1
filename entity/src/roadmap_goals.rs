//! `roadmap_goals`: a client's goals with a KPI (unit, baseline, target).

use accord_api::{AgencyId, ClientId, GoalId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "roadmap_goals")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: GoalId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub name: String,
    pub unit: String,
    pub baseline: f64,
    pub target: f64,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
