//! `report_revisions`: A published revision of a report: what the portal shows (visible sections, KPI rows and facts as JSON).

use accord_api::{AgencyId, ClientId, ReportId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "report_revisions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub report_id: ReportId,
    pub revision: i32,
    pub title: String,
    pub sections: String,
    pub kpis: String,
    pub stats: String,
    pub published_by: UserId,
    pub published_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
