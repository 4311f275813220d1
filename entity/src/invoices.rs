//! `invoices`: an invoice (счёт) issued to a client. `rate_micro` is the agency's base currency per one unit of `currency` × 1,000,000, stored on the invoice; `base_minor` is `amount_minor` converted with it. `paid_minor` is kept equal to the sum of its payments and `status` follows from it (unless cancelled).

use accord_api::finance::InvoiceStatus;
use accord_api::{AgencyId, ClientId, ContractId, InvoiceId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invoices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: InvoiceId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub contract_id: Option<ContractId>,
    pub number: String,
    pub issued_on: Date,
    pub due_on: Date,
    pub amount_minor: i64,
    pub currency: String,
    pub rate_micro: i64,
    pub base_minor: i64,
    pub status: InvoiceStatus,
    pub paid_minor: i64,
    pub paid_on: Option<Date>,
    pub note: String,
    pub created_by: Option<UserId>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
