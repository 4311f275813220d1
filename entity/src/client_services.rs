//! `client_services`: a service a client has had or has, with its dates (optionally from a project or contract).

use accord_api::{AgencyId, ClientId, ClientServiceId, ContractId, ProjectId, ServiceId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "client_services")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: ClientServiceId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub service_id: ServiceId,
    pub started_on: Date,
    pub ended_on: Option<Date>,
    pub project_id: Option<ProjectId>,
    pub contract_id: Option<ContractId>,
    pub created_by: UserId,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
