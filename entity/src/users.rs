//! `users`: everyone who signs in. `agency_id` is NULL only for platform operators;
//! `staff_role` is set only for staff.

use accord_api::{AgencyId, Locale, PrincipalKind, StaffRole, UserId, UserStatus};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: UserId,
    pub agency_id: Option<AgencyId>,
    pub kind: PrincipalKind,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub locale: Locale,
    pub status: UserStatus,
    pub staff_role: Option<StaffRole>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::agencies::Entity", from = "Column::AgencyId", to = "super::agencies::Column::Id")]
    Agency,
}

impl Related<super::agencies::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Agency.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
