//! `survey_day_tallies`: an agency's survey answers of one day summed (NPS classes, answers with
//! a CSI), kept by triggers on `survey_answers` (migration 000021); read only, never written by
//! the application.

use accord_api::AgencyId;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_day_tallies")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub agency_id: AgencyId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub answered_on: Date,
    pub promoters: i32,
    pub passives: i32,
    pub detractors: i32,
    pub csi_n: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
