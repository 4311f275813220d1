//! `services`: an agency's service catalogue: what it sells, for which project kinds (comma-separated `ProjectKind` names, empty = any).

use accord_api::{AgencyId, ServiceId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "services")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: ServiceId,
    pub agency_id: AgencyId,
    pub name: String,
    pub description: String,
    pub project_kinds: String,
    pub position: i32,
    pub archived: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
