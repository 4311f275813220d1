//! `contacts`: people at a client; `user_id` is set once they have a portal account.

use accord_api::{AgencyId, ClientId, ContactId, PortalRole, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "contacts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: ContactId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub user_id: Option<UserId>,
    pub name: String,
    pub email: String,
    pub portal_role: PortalRole,
    pub created_at: DateTimeUtc,
    pub position: Option<String>,
    pub phone: Option<String>,
    pub decision_maker: bool,
    /// Set when the person left the client; the row stays as history.
    pub left_at: Option<DateTimeUtc>,
    pub replaced_by: Option<ContactId>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::clients::Entity", from = "Column::ClientId", to = "super::clients::Column::Id")]
    Client,
    #[sea_orm(belongs_to = "super::users::Entity", from = "Column::UserId", to = "super::users::Column::Id")]
    User,
}

impl Related<super::clients::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Client.def()
    }
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
