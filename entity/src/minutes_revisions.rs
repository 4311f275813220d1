//! `minutes_revisions`: A published revision of the minutes: what the portal shows (decisions and attendees as JSON).

use accord_api::{AgencyId, ClientId, MeetingId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "minutes_revisions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub meeting_id: MeetingId,
    pub revision: i32,
    pub attendees: String,
    pub notes_html: String,
    pub decisions: String,
    pub published_by: UserId,
    pub published_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
