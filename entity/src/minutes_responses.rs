//! `minutes_responses`: A client approver's answer to a revision: acknowledged, or a decision disputed with a comment.

use accord_api::{AgencyId, ClientId, ContactId, MeetingId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "minutes_responses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub meeting_id: MeetingId,
    pub revision: i32,
    pub contact_id: ContactId,
    pub acknowledged: bool,
    pub decision_number: Option<i32>,
    pub comment: Option<String>,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
