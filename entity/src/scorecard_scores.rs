//! `scorecard_scores`: a client's mark (−2..+2) on one profitability criterion (by its key).

use accord_api::{AgencyId, ClientId, ScorecardScoreId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "scorecard_scores")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: ScorecardScoreId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub criterion: String,
    pub score: i32,
    pub updated_by: UserId,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
