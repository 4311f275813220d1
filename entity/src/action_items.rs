//! `action_items`: An action item of minutes or a promise made outside a meeting. Agency-side items are promises; `original_due_on` is never overwritten.

use accord_api::meetings::Side;
use accord_api::{ActionItemId, AgencyId, ClientId, ContactId, MeetingId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "action_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: ActionItemId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub meeting_id: Option<MeetingId>,
    pub position: i32,
    pub title: String,
    pub side: Side,
    pub assignee_user: Option<UserId>,
    pub assignee_contact: Option<ContactId>,
    pub promised_to: Option<String>,
    pub original_due_on: Date,
    pub due_on: Date,
    pub done_on: Option<Date>,
    /// For an item with no assignee: the account manager when it fell due (stamped when the
    /// manager changes; until then the current manager owns it).
    pub due_owner: Option<UserId>,
    pub created_by: UserId,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
