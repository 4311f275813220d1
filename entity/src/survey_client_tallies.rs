//! `survey_client_tallies`: a client's survey answers of one year (`span` `y`) or one month (`m`)
//! counted (answers, those with an NPS, those with a CSI), kept by triggers on `survey_answers`
//! (migration 000024); read only, never written by the application. `start` is the period's
//! first day.

use accord_api::{AgencyId, ClientId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_client_tallies")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub agency_id: AgencyId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub span: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub start: Date,
    #[sea_orm(primary_key, auto_increment = false)]
    pub client_id: ClientId,
    pub answers: i32,
    pub nps_n: i32,
    pub csi_n: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
