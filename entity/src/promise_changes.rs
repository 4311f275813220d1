//! `promise_changes`: A renegotiation of a promise's date: proposed by staff, agreed by a client approver (one row each).

use accord_api::{ActionItemId, AgencyId, ClientId, ContactId, MeetingId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "promise_changes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub action_item_id: ActionItemId,
    pub from_on: Date,
    pub to_on: Date,
    pub reason: String,
    pub proposed_by: UserId,
    pub proposed_at: DateTimeUtc,
    pub agreed_by: Option<ContactId>,
    pub agreed_at: Option<DateTimeUtc>,
    /// The meeting whose minutes record the new date as a decision; acknowledging a revision
    /// that holds `minutes_text` agrees it.
    pub meeting_id: Option<MeetingId>,
    pub minutes_text: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
