//! `backlog_tallies`: how many items a project holds in one status, kept by triggers on
//! `backlog_items` (migration 000019); read only, never written by the application.

use accord_api::{AgencyId, BacklogStatus, ClientId, ProjectId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "backlog_tallies")]
pub struct Model {
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    /// With `status` the table's primary key; the entity names only this half (it is read in
    /// sums, never fetched or saved by key).
    #[sea_orm(primary_key, auto_increment = false)]
    pub project_id: ProjectId,
    pub status: BacklogStatus,
    pub n: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
