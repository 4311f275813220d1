//! `scorecard_criteria`: an agency's profitability criteria (the six defaults are written on first use); `key` is stable, `name` is empty for a default (the UI names it in the reader's language).

use accord_api::{AgencyId, CriterionId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "scorecard_criteria")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: CriterionId,
    pub agency_id: AgencyId,
    pub key: String,
    pub name: String,
    pub position: i32,
    pub archived: bool,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
