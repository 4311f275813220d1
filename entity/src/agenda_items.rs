//! `agenda_items`: A question or topic on a meeting's agenda, added by staff or a client contact.

use accord_api::meetings::AgendaStatus;
use accord_api::{AgencyId, AgendaItemId, BacklogItemId, ClientId, MeetingId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "agenda_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: AgendaItemId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub meeting_id: MeetingId,
    pub position: i32,
    pub title: String,
    pub details: Option<String>,
    pub backlog_item_id: Option<BacklogItemId>,
    pub added_by: UserId,
    pub added_by_client: bool,
    pub status: AgendaStatus,
    pub carried_from_on: Option<Date>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
