//! `touchpoints`: contacts with the client: calls, meetings, emails, chats, gifts, newsletters.

use accord_api::{AgencyId, ClientId, ContactId, TouchpointId, TouchpointKind, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "touchpoints")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: TouchpointId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub kind: TouchpointKind,
    pub occurred_at: DateTimeUtc,
    pub contact_id: Option<ContactId>,
    pub summary: String,
    pub created_by: UserId,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
