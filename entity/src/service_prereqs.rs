//! `service_prereqs`: "`service_id` comes after `requires_id`" in an agency's catalogue.

use accord_api::{AgencyId, PrerequisiteId, ServiceId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "service_prereqs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: PrerequisiteId,
    pub agency_id: AgencyId,
    pub service_id: ServiceId,
    pub requires_id: ServiceId,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
