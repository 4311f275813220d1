//! `survey_segment_tallies`: an agency's survey answers of one month that recorded one segment
//! value summed (answers, NPS classes, answers with a CSI), kept by triggers on `survey_answers`
//! (migration 000024); read only, never written by the application. `dim` is `m` (account
//! manager: `value` is the manager's id, hyphenated or as 32 hex digits), `t` (temperament),
//! `a` (activity) or `v` (value tier); `value` is `''` where the client had none.

use accord_api::AgencyId;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_segment_tallies")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub agency_id: AgencyId,
    /// The first day of the month.
    #[sea_orm(primary_key, auto_increment = false)]
    pub month: Date,
    #[sea_orm(primary_key, auto_increment = false)]
    pub dim: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub value: String,
    pub answers: i32,
    pub promoters: i32,
    pub passives: i32,
    pub detractors: i32,
    pub csi_n: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
