//! `health_settings`: an agency's health weights (JSON list of `Weight`) and thresholds (one
//! row, once saved; until then the built-in ones apply).

use accord_api::{AgencyId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "health_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub agency_id: AgencyId,
    pub weights: String,
    pub corridor: i32,
    pub at_risk_below: i32,
    pub drop_points: i32,
    pub drop_days: i32,
    pub incident_days: i32,
    pub updated_by: UserId,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
