//! `survey_segment_ratings`: an agency's ratings of one criterion in one month from answers that
//! recorded one segment value, summed (importance, satisfaction, how many); kept by triggers on
//! `survey_ratings` (migration 000024), read only. `dim` and `value` as in
//! `survey_segment_tallies`.

use accord_api::AgencyId;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_segment_ratings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub agency_id: AgencyId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub month: Date,
    #[sea_orm(primary_key, auto_increment = false)]
    pub dim: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub value: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub criterion_key: String,
    pub importance: i64,
    pub satisfaction: i64,
    pub n: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
