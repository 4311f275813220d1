//! `backlog_events`: an item's history; `changes` is a JSON array of {field, old, new}.

use accord_api::{AgencyId, BacklogItemId, ClientId, ItemEventKind, Side, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "backlog_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub item_id: BacklogItemId,
    pub kind: ItemEventKind,
    pub actor_id: Option<UserId>,
    pub side: Side,
    pub changes: String,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
