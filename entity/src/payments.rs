//! `payments`: a payment received against an invoice (several per invoice); `base_minor` is the amount in the agency's base currency at the invoice's rate, so revenue is one sum.

use accord_api::{AgencyId, ClientId, InvoiceId, PaymentId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "payments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: PaymentId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub invoice_id: InvoiceId,
    pub paid_on: Date,
    pub amount_minor: i64,
    pub base_minor: i64,
    pub note: String,
    pub created_by: Option<UserId>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
