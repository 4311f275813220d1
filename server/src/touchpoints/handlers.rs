//! HTTP in and out for touchpoints.

use super::service;
use crate::error::ApiResult;
use crate::paging::PageQuery;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::projects::{NewTouchpoint, TouchpointView};
use accord_api::{ClientId, ErrorBody, Page};
use actix_web::{get, post, web, HttpResponse};

/// A client's touchpoints, newest first.
#[utoipa::path(tag = "touchpoints", params(("id" = ClientId, Path, description = "Client id"), PageQuery), responses(
    (status = 200, body = Page<TouchpointView>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/touchpoints")]
pub(super) async fn list_touchpoints(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    query: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<TouchpointView>>> {
    Ok(web::Json(service::list(&state, &staff, id.into_inner(), &query).await?))
}

/// Logs a touchpoint (anyone who works with the client).
#[utoipa::path(tag = "touchpoints", params(("id" = ClientId, Path, description = "Client id")), request_body = NewTouchpoint, responses(
    (status = 201, body = TouchpointView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/touchpoints")]
pub(super) async fn log_touchpoint(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    body: web::Json<NewTouchpoint>,
) -> ApiResult<HttpResponse> {
    let view = service::log(&state, &staff, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(view))
}
