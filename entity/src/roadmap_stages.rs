//! `roadmap_stages`: the stages of a client's roadmap, each a period with a status.

use accord_api::{AgencyId, ClientId, StageId, StageStatus};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "roadmap_stages")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: StageId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub title: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub status: StageStatus,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
