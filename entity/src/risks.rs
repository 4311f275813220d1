//! `risks`: a client's risk register (optionally per project); client-visible ones appear
//! read-only in the portal.

use accord_api::risks::{RiskCategory, RiskStatus};
use accord_api::{AgencyId, ClientId, ProjectId, RiskId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "risks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: RiskId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub project_id: Option<ProjectId>,
    pub title: String,
    pub category: RiskCategory,
    /// 1–5.
    pub probability: i32,
    /// 1–5.
    pub impact: i32,
    pub mitigation: String,
    pub owner_id: Option<UserId>,
    pub due_on: Option<Date>,
    pub status: RiskStatus,
    pub client_visible: bool,
    pub created_by: UserId,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
