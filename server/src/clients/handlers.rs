//! HTTP in and out for `/api/staff/clients`.

use super::service;
use crate::error::ApiResult;
use crate::paging::PageQuery;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::clients::{ClientView, ContactView, CreateClientRequest, CreateContactRequest};
use accord_api::{ClientId, ErrorBody, Page};
use actix_web::{get, post, web, HttpResponse};

/// The agency's clients, searchable and paginated.
#[utoipa::path(tag = "clients", params(PageQuery), responses(
    (status = 200, body = Page<ClientView>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/staff/clients")]
pub(super) async fn list_clients(
    state: web::Data<AppState>,
    staff: Staff,
    query: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<ClientView>>> {
    Ok(web::Json(service::list(&state, &staff, &query).await?))
}

/// Adds a client account (owner, admin, account manager).
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

/// One client account.
#[utoipa::path(tag = "clients", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = ClientView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}")]
pub(super) async fn get_client(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<ClientView>> {
    Ok(web::Json(service::get(&state, &staff, id.into_inner()).await?))
}

/// A client's contacts.
#[utoipa::path(tag = "clients", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = Vec<ContactView>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/contacts")]
pub(super) async fn list_contacts(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<Vec<ContactView>>> {
    Ok(web::Json(service::contacts(&state, &staff, id.into_inner()).await?))
}

/// Adds a contact to a client (portal access comes by invitation).
#[utoipa::path(tag = "clients", params(("id" = ClientId, Path, description = "Client id")), request_body = CreateContactRequest, responses(
    (status = 201, body = ContactView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/contacts")]
pub(super) async fn create_contact(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    body: web::Json<CreateContactRequest>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(service::add_contact(&state, &staff, id.into_inner(), body.into_inner()).await?))
}
