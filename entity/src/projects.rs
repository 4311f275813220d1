//! `projects`: a client's projects (site, SEO, ads, app, …) with dates and budget in minor units.

use accord_api::{AgencyId, ClientId, ProjectId, ProjectKind, ProjectStatus};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "projects")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: ProjectId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub name: String,
    pub kind: ProjectKind,
    pub status: ProjectStatus,
    pub starts_on: Option<Date>,
    pub ends_on: Option<Date>,
    pub budget_minor: Option<i64>,
    pub currency: String,
    /// Whether the client's portal may show the budget.
    pub budget_shared: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
