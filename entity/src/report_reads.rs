//! `report_reads`: Who of the client's contacts opened a published report: first and last time, how often.

use accord_api::{AgencyId, ClientId, ContactId, ReportId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "report_reads")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub report_id: ReportId,
    pub contact_id: ContactId,
    pub first_at: DateTimeUtc,
    pub last_at: DateTimeUtc,
    pub opens: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
