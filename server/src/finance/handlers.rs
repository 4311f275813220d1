//! HTTP handlers of the money documents: finance settings, contracts, invoices and payments,
//! billable change requests, closing documents, the agency-wide invoice list and the CSV import
//! and export. Staff only: owners and admins for every client, account managers for the clients
//! they manage; specialists are refused every one (403).

use super::{contracts, documents, invoices, settings, transfer};
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::backlog::ImportRequest;
use accord_api::finance::{
    BillableItem, ClosingDocumentInput, ClosingDocumentView, ContractInput, ContractView, FinanceSettingsInput,
    FinanceSettingsView, InvoiceImportResult, InvoiceInput, InvoiceQuery, InvoiceView, PaymentInput,
};
use accord_api::{ClientId, ClosingDocumentId, ContractId, ErrorBody, InvoiceId, Page, PaymentId};
use actix_web::http::header;
use actix_web::{delete, get, post, put, web, HttpResponse};

// ---- Settings ----

/// The agency's finance settings (base currency, days an act may stay unsigned).
#[utoipa::path(tag = "finance", responses(
    (status = 200, body = FinanceSettingsView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/staff/finance-settings")]
pub(super) async fn get_settings(
    state: web::Data<AppState>,
    staff: Staff,
) -> ApiResult<web::Json<FinanceSettingsView>> {
    Ok(web::Json(settings::get(&state, &staff).await?))
}

/// Saves the finance settings (owners and admins).
#[utoipa::path(tag = "finance", request_body = FinanceSettingsInput, responses(
    (status = 200, body = FinanceSettingsView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/staff/finance-settings")]
pub(super) async fn save_settings(
    state: web::Data<AppState>,
    staff: Staff,
    body: web::Json<FinanceSettingsInput>,
) -> ApiResult<web::Json<FinanceSettingsView>> {
    Ok(web::Json(settings::save(&state, &staff, body.into_inner()).await?))
}

// ---- Contracts ----

/// A client's contracts: active first, then drafts and ended ones.
#[utoipa::path(tag = "finance", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = Vec<ContractView>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/contracts")]
pub(super) async fn list_contracts(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<Vec<ContractView>>> {
    Ok(web::Json(contracts::list(&state, &staff, id.into_inner()).await?))
}

/// Adds a contract.
#[utoipa::path(tag = "finance", params(("id" = ClientId, Path, description = "Client id")), request_body = ContractInput, responses(
    (status = 201, body = ContractView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/contracts")]
pub(super) async fn create_contract(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    body: web::Json<ContractInput>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(contracts::create(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// Changes a contract.
#[utoipa::path(tag = "finance", params(("contract" = ContractId, Path, description = "Contract id")), request_body = ContractInput, responses(
    (status = 200, body = ContractView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/staff/contracts/{contract}")]
pub(super) async fn update_contract(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ContractId>,
    body: web::Json<ContractInput>,
) -> ApiResult<web::Json<ContractView>> {
    Ok(web::Json(contracts::update(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// Deletes a contract no invoice links to (409 `conflict` otherwise).
#[utoipa::path(tag = "finance", params(("contract" = ContractId, Path, description = "Contract id")), responses(
    (status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
#[delete("/staff/contracts/{contract}")]
pub(super) async fn delete_contract(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ContractId>,
) -> ApiResult<HttpResponse> {
    contracts::delete(&state, &staff, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

// ---- Invoices and payments ----

/// The agency's invoices with filters, a page at a time (account managers: their clients).
#[utoipa::path(tag = "finance", params(InvoiceQuery), responses(
    (status = 200, body = Page<InvoiceView>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[get("/staff/invoices")]
pub(super) async fn list_invoices(
    state: web::Data<AppState>,
    staff: Staff,
    query: web::Query<InvoiceQuery>,
) -> ApiResult<web::Json<Page<InvoiceView>>> {
    Ok(web::Json(invoices::list(&state, &staff, &query).await?))
}

/// The filtered invoices and their payments as CSV, in the import's columns.
#[utoipa::path(tag = "finance", params(InvoiceQuery), responses(
    (status = 200, content_type = "text/csv", body = String), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[get("/staff/invoices/export.csv")]
pub(super) async fn export_invoices(
    state: web::Data<AppState>,
    staff: Staff,
    query: web::Query<InvoiceQuery>,
) -> ApiResult<HttpResponse> {
    let csv = transfer::export(&state, &staff, &query).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((header::CONTENT_DISPOSITION, "attachment; filename=\"invoices.csv\""))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(csv))
}

/// Imports historical invoices and payments from CSV (owners and admins): all rows or none.
#[utoipa::path(tag = "finance", request_body = ImportRequest, responses(
    (status = 200, body = InvoiceImportResult), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/invoices/import")]
pub(super) async fn import_invoices(
    state: web::Data<AppState>,
    staff: Staff,
    payload: web::Payload,
) -> ApiResult<web::Json<InvoiceImportResult>> {
    let body: ImportRequest = crate::error::json_body(payload, transfer::MAX_BYTES).await?;
    Ok(web::Json(transfer::import(&state, &staff, &body.csv).await?))
}

/// A client's invoices with their payments, newest first.
#[utoipa::path(tag = "finance", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = Vec<InvoiceView>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/invoices")]
pub(super) async fn client_invoices(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<Vec<InvoiceView>>> {
    Ok(web::Json(invoices::client_list(&state, &staff, id.into_inner()).await?))
}

/// Issues an invoice (optionally billing approved change requests).
#[utoipa::path(tag = "finance", params(("id" = ClientId, Path, description = "Client id")), request_body = InvoiceInput, responses(
    (status = 201, body = InvoiceView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/invoices")]
pub(super) async fn create_invoice(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    body: web::Json<InvoiceInput>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(invoices::create(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// Approved change requests with a price not billed yet.
#[utoipa::path(tag = "finance", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = Vec<BillableItem>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/billable")]
pub(super) async fn billable(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<Vec<BillableItem>>> {
    Ok(web::Json(invoices::billable(&state, &staff, id.into_inner()).await?))
}

/// Changes an invoice (not a cancelled one).
#[utoipa::path(tag = "finance", params(("invoice" = InvoiceId, Path, description = "Invoice id")), request_body = InvoiceInput, responses(
    (status = 200, body = InvoiceView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/staff/invoices/{invoice}")]
pub(super) async fn update_invoice(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<InvoiceId>,
    body: web::Json<InvoiceInput>,
) -> ApiResult<web::Json<InvoiceView>> {
    Ok(web::Json(invoices::update(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// Cancels an invoice without payments (409 `conflict` with payments).
#[utoipa::path(tag = "finance", params(("invoice" = InvoiceId, Path, description = "Invoice id")), responses(
    (status = 200, body = InvoiceView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
#[post("/staff/invoices/{invoice}/cancel")]
pub(super) async fn cancel_invoice(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<InvoiceId>,
) -> ApiResult<web::Json<InvoiceView>> {
    Ok(web::Json(invoices::cancel(&state, &staff, id.into_inner()).await?))
}

/// Records a payment; answers with the invoice as it is now.
#[utoipa::path(tag = "finance", params(("invoice" = InvoiceId, Path, description = "Invoice id")), request_body = PaymentInput, responses(
    (status = 201, body = InvoiceView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/invoices/{invoice}/payments")]
pub(super) async fn add_payment(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<InvoiceId>,
    body: web::Json<PaymentInput>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(invoices::add_payment(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// Deletes a payment; answers with its invoice as it is now.
#[utoipa::path(tag = "finance", params(("payment" = PaymentId, Path, description = "Payment id")), responses(
    (status = 200, body = InvoiceView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[delete("/staff/payments/{payment}")]
pub(super) async fn delete_payment(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<PaymentId>,
) -> ApiResult<web::Json<InvoiceView>> {
    Ok(web::Json(invoices::delete_payment(&state, &staff, id.into_inner()).await?))
}

// ---- Closing documents ----

/// A client's closing documents, newest first, the long-unsigned ones flagged.
#[utoipa::path(tag = "finance", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = Vec<ClosingDocumentView>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/documents")]
pub(super) async fn list_documents(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<Vec<ClosingDocumentView>>> {
    Ok(web::Json(documents::list(&state, &staff, id.into_inner()).await?))
}

/// Adds a closing document (act or УПД).
#[utoipa::path(tag = "finance", params(("id" = ClientId, Path, description = "Client id")), request_body = ClosingDocumentInput, responses(
    (status = 201, body = ClosingDocumentView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/documents")]
pub(super) async fn create_document(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    body: web::Json<ClosingDocumentInput>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(documents::create(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// Changes a closing document; signing it is setting `signed_on`.
#[utoipa::path(tag = "finance", params(("document" = ClosingDocumentId, Path, description = "Closing document id")), request_body = ClosingDocumentInput, responses(
    (status = 200, body = ClosingDocumentView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/staff/documents/{document}")]
pub(super) async fn update_document(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClosingDocumentId>,
    body: web::Json<ClosingDocumentInput>,
) -> ApiResult<web::Json<ClosingDocumentView>> {
    Ok(web::Json(documents::update(&state, &staff, id.into_inner(), body.into_inner()).await?))
}
