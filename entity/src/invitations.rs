//! `invitations`: one-time links that bring a staff member or a client contact in.
//! Only the SHA-256 of the token is stored.

use accord_api::invitations::InvitationKind;
use accord_api::{AgencyId, ClientId, ContactId, InvitationId, Locale, StaffRole, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invitations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: InvitationId,
    pub agency_id: AgencyId,
    /// `staff` or `contact`.
    pub kind: InvitationKind,
    pub email: String,
    pub name: String,
    pub staff_role: Option<StaffRole>,
    pub contact_id: Option<ContactId>,
    /// The contact's client (contact invitations only): lists and checks filter by it.
    pub client_id: Option<ClientId>,
    pub locale: Locale,
    #[sea_orm(unique)]
    pub token_hash: String,
    pub expires_at: DateTimeUtc,
    pub accepted_at: Option<DateTimeUtc>,
    pub revoked_at: Option<DateTimeUtc>,
    pub created_by: UserId,
    pub created_at: DateTimeUtc,
    pub sent_count: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
