//! `closing_documents`: a closing document (акт, УПД) for an invoice or a contract, signed by the client or not yet.

use accord_api::finance::ClosingKind;
use accord_api::{AgencyId, ClientId, ClosingDocumentId, ContractId, InvoiceId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "closing_documents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: ClosingDocumentId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub invoice_id: Option<InvoiceId>,
    pub contract_id: Option<ContractId>,
    pub kind: ClosingKind,
    pub number: String,
    pub issued_on: Date,
    pub amount_minor: i64,
    pub currency: String,
    pub signed_on: Option<Date>,
    pub created_by: Option<UserId>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
