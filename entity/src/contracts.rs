//! `contracts`: a contract with a client: a retainer (`amount_minor` is the monthly fee) or a project (`amount_minor` is the total).

use accord_api::finance::{ContractKind, ContractStatus};
use accord_api::{AgencyId, ClientId, ContractId, ProjectId, ServiceId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "contracts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: ContractId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub project_id: Option<ProjectId>,
    pub service_id: Option<ServiceId>,
    pub title: String,
    pub kind: ContractKind,
    pub currency: String,
    pub amount_minor: i64,
    pub starts_on: Date,
    pub ends_on: Option<Date>,
    pub renews_on: Option<Date>,
    pub status: ContractStatus,
    pub note: String,
    pub created_by: UserId,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
