//! `backlog_comments`: comments on items; internal ones never reach the portal.

use accord_api::{AgencyId, BacklogItemId, ClientId, CommentId, Side, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "backlog_comments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: CommentId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub item_id: BacklogItemId,
    /// A staff user or a contact's user.
    pub author_id: UserId,
    pub side: Side,
    pub internal: bool,
    pub body: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
