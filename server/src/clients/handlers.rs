//! HTTP in and out for `/api/staff/clients` and its contacts.

use super::{contacts, export, service};
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::{SignedIn, Staff};
use accord_api::clients::{
    ClientProfile, ClientQuery, ClientView, ContactEvent, ContactLeftRequest, ContactView, CreateClientRequest,
    CreateContactRequest, StatusChange, UpdateClientRequest,
};
use accord_api::{ClientId, ContactId, ErrorBody, Page};
use actix_web::http::header;
use actix_web::{get, post, put, web, HttpResponse};

/// A CSV download (the text from `export::csv`).
pub(crate) fn csv_attachment(name: &str, body: String) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")))
        .body(body)
}

/// Every client the caller may see, as CSV.
#[utoipa::path(tag = "clients", responses(
    (status = 200, content_type = "text/csv", body = String), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/staff/exports/clients.csv")]
pub(super) async fn export_clients(state: web::Data<AppState>, staff: Staff, who: SignedIn) -> ApiResult<HttpResponse> {
    let rows = export::clients(&state, &staff).await?;
    Ok(csv_attachment("clients.csv", export::csv(rows, export::separator(who.0.locale))))
}

/// Every contact of the clients the caller may see, as CSV.
#[utoipa::path(tag = "contacts", responses(
    (status = 200, content_type = "text/csv", body = String), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/staff/exports/contacts.csv")]
pub(super) async fn export_contacts(
    state: web::Data<AppState>,
    staff: Staff,
    who: SignedIn,
) -> ApiResult<HttpResponse> {
    let rows = export::contacts(&state, &staff).await?;
    Ok(csv_attachment("contacts.csv", export::csv(rows, export::separator(who.0.locale))))
}

/// The clients the caller may see: search, filters, sort, pagination.
#[utoipa::path(tag = "clients", params(ClientQuery), responses(
    (status = 200, body = Page<ClientView>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[get("/staff/clients")]
pub(super) async fn list_clients(
    state: web::Data<AppState>,
    staff: Staff,
    query: web::Query<ClientQuery>,
) -> ApiResult<web::Json<Page<ClientView>>> {
    Ok(web::Json(service::list(&state, &staff, &query).await?))
}

/// Adds a client account (owner, admin, account manager — whose new client is theirs).
#[utoipa::path(tag = "clients", request_body = CreateClientRequest, responses(
    (status = 201, body = ClientView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients")]
pub(super) async fn create_client(
    state: web::Data<AppState>,
    staff: Staff,
    body: web::Json<CreateClientRequest>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(service::create(&state, &staff, body.into_inner()).await?))
}

/// The whole client account.
#[utoipa::path(tag = "clients", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = ClientProfile), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}")]
pub(super) async fn get_client(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<ClientProfile>> {
    Ok(web::Json(service::get(&state, &staff, id.into_inner()).await?))
}

/// Replaces the editable profile; a status change lands in the history.
#[utoipa::path(tag = "clients", params(("id" = ClientId, Path, description = "Client id")), request_body = UpdateClientRequest, responses(
    (status = 200, body = ClientProfile), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/staff/clients/{id}")]
pub(super) async fn update_client(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    body: web::Json<UpdateClientRequest>,
) -> ApiResult<web::Json<ClientProfile>> {
    Ok(web::Json(service::update(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// Archives the client (kept with its history; hidden from the default list).
#[utoipa::path(tag = "clients", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = ClientProfile), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[post("/staff/clients/{id}/archive")]
pub(super) async fn archive_client(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<ClientProfile>> {
    Ok(web::Json(service::set_archived(&state, &staff, id.into_inner(), true).await?))
}

/// Brings an archived client back.
#[utoipa::path(tag = "clients", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = ClientProfile), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[post("/staff/clients/{id}/unarchive")]
pub(super) async fn unarchive_client(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<ClientProfile>> {
    Ok(web::Json(service::set_archived(&state, &staff, id.into_inner(), false).await?))
}

/// Every status the client has had: who changed it and when.
#[utoipa::path(tag = "clients", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = Vec<StatusChange>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/status-history")]
pub(super) async fn status_history(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<Vec<StatusChange>>> {
    Ok(web::Json(service::status_history(&state, &staff, id.into_inner()).await?))
}

/// A client's contacts, current ones first, then those who left.
#[utoipa::path(tag = "contacts", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = Vec<ContactView>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/contacts")]
pub(super) async fn list_contacts(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<Vec<ContactView>>> {
    Ok(web::Json(contacts::list(&state, &staff, id.into_inner()).await?))
}

/// Adds a contact to a client (portal access comes by invitation).
#[utoipa::path(tag = "contacts", params(("id" = ClientId, Path, description = "Client id")), request_body = CreateContactRequest, responses(
    (status = 201, body = ContactView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/contacts")]
pub(super) async fn create_contact(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    body: web::Json<CreateContactRequest>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(contacts::add(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// Changes a contact's details.
#[utoipa::path(tag = "contacts", params(
    ("id" = ClientId, Path, description = "Client id"), ("contact_id" = ContactId, Path, description = "Contact id")),
    request_body = CreateContactRequest, responses(
    (status = 200, body = ContactView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/staff/clients/{id}/contacts/{contact_id}")]
pub(super) async fn update_contact(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<(ClientId, ContactId)>,
    body: web::Json<CreateContactRequest>,
) -> ApiResult<web::Json<ContactView>> {
    let (client, contact) = path.into_inner();
    Ok(web::Json(contacts::update(&state, &staff, client, contact, body.into_inner()).await?))
}

/// Records that a contact left the client (optionally who replaced them); their portal access ends.
#[utoipa::path(tag = "contacts", params(
    ("id" = ClientId, Path, description = "Client id"), ("contact_id" = ContactId, Path, description = "Contact id")),
    request_body = ContactLeftRequest, responses(
    (status = 200, body = ContactView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/contacts/{contact_id}/leave")]
pub(super) async fn contact_left(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<(ClientId, ContactId)>,
    body: web::Json<ContactLeftRequest>,
) -> ApiResult<web::Json<ContactView>> {
    let (client, contact) = path.into_inner();
    Ok(web::Json(contacts::leave(&state, &staff, client, contact, body.into_inner()).await?))
}

/// The history of the client's people.
#[utoipa::path(tag = "contacts", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = Vec<ContactEvent>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/contacts/history")]
pub(super) async fn contact_history(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<Vec<ContactEvent>>> {
    Ok(web::Json(contacts::history(&state, &staff, id.into_inner()).await?))
}
