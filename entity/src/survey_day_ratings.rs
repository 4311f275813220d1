//! `survey_day_ratings`: an agency's ratings of one criterion on one day summed (importance,
//! satisfaction, how many), kept by triggers on `survey_ratings` (migration 000021); read only,
//! never written by the application.

use accord_api::AgencyId;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_day_ratings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub agency_id: AgencyId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub answered_on: Date,
    #[sea_orm(primary_key, auto_increment = false)]
    pub criterion_key: String,
    pub importance: i64,
    pub satisfaction: i64,
    pub n: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
