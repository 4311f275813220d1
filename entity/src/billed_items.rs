//! `billed_items`: a backlog change request billed on an invoice (each item once).

use accord_api::{AgencyId, BacklogItemId, BilledItemId, ClientId, InvoiceId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "billed_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: BilledItemId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub invoice_id: InvoiceId,
    pub backlog_item_id: BacklogItemId,
    pub amount_minor: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
