//! Money a client brings, as documents: contracts, invoices with their payments, the backlog
//! change requests billed on them, closing documents, the finance settings, and the CSV import
//! and export of invoices and payments. Staff only: owners and admins for every client, account
//! managers for the clients they manage; specialists and contacts none (403). Every change to
//! invoices or payments queues what depends on paid revenue (`revenue::payments_changed`).

mod contracts;
pub mod demo;
mod documents;
mod error;
mod handlers;
mod invoices;
pub(crate) mod settings;
mod transfer;
mod view;

pub use error::FinanceError;

use crate::clients::access::{self, Need};
use crate::db::{ClientOwned, ClientTx};
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::ClientId;
use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::get_settings)
        .service(handlers::save_settings)
        .service(handlers::list_contracts)
        .service(handlers::create_contract)
        .service(handlers::update_contract)
        .service(handlers::delete_contract)
        .service(handlers::list_invoices)
        .service(handlers::export_invoices)
        .service(handlers::import_invoices)
        .service(handlers::client_invoices)
        .service(handlers::create_invoice)
        .service(handlers::billable)
        .service(handlers::update_invoice)
        .service(handlers::cancel_invoice)
        .service(handlers::add_payment)
        .service(handlers::delete_payment)
        .service(handlers::list_documents)
        .service(handlers::create_document)
        .service(handlers::update_document);
}

/// Money is for owners, admins and account managers; specialists are refused (403) before
/// anything is looked up.
pub(crate) fn require_money(staff: &Staff) -> ApiResult<()> {
    staff.require_client_manager()
}

/// One client's money, for those who manage it (an account manager's other clients: 404, or
/// 403 when managers may read every client).
pub(crate) async fn open_client(state: &AppState, staff: &Staff, client: ClientId, write: bool) -> ApiResult<ClientTx> {
    require_money(staff)?;
    if write {
        access::open(state, staff, client, Need::Manage).await
    } else {
        let tx = access::open_read(state, staff, client).await?;
        access::require_on(&tx, staff, Need::Manage)?;
        Ok(tx)
    }
}

/// The client a money record (contract, invoice, payment, document) belongs to, opened for a
/// change as [`open_client`] does.
pub(crate) async fn open_owned<E: ClientOwned>(
    state: &AppState,
    staff: &Staff,
    id_column: E::Column,
    id: impl Into<sea_orm::Value>,
) -> ApiResult<ClientTx> {
    require_money(staff)?;
    access::open_owner::<E>(state, staff, id_column, id, Need::Manage).await
}
