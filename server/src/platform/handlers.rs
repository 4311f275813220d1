//! HTTP in and out for `/api/platform`.

use super::operator;
use super::service::{NewAgency, OPERATOR_FIELDS};
use crate::error::ApiResult;
use crate::http::client_info;
use crate::paging::PageQuery;
use crate::state::AppState;
use crate::tenancy::PlatformOperator;
use accord_api::platform::{AgencyUsage, CreateAgencyRequest};
use accord_api::{AgencyId, AgencyStatus, ErrorBody, Page};
use actix_web::{get, post, web, HttpRequest, HttpResponse};

/// Every agency with its usage counts.
#[utoipa::path(tag = "platform", params(PageQuery), responses(
    (status = 200, body = Page<AgencyUsage>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/platform/agencies")]
pub(super) async fn list_agencies(
    state: web::Data<AppState>,
    _op: PlatformOperator,
    query: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<AgencyUsage>>> {
    Ok(web::Json(operator::list(&state, query.paging()?).await?))
}

/// Creates an agency with its owner.
#[utoipa::path(tag = "platform", request_body = CreateAgencyRequest, responses(
    (status = 201, body = AgencyUsage), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/platform/agencies")]
pub(super) async fn create_agency(
    state: web::Data<AppState>,
    op: PlatformOperator,
    body: web::Json<CreateAgencyRequest>,
) -> ApiResult<HttpResponse> {
    let b = body.into_inner();
    let input = NewAgency::parse(
        &b.name,
        &b.slug,
        b.default_locale,
        &b.time_zone,
        &b.owner_name,
        &b.owner_email,
        &b.owner_password,
        &OPERATOR_FIELDS,
    )?;
    Ok(HttpResponse::Created().json(operator::create(&state, &op, input).await?))
}

async fn change_status(
    state: &AppState,
    req: &HttpRequest,
    op: &PlatformOperator,
    id: AgencyId,
    status: AgencyStatus,
) -> ApiResult<web::Json<AgencyUsage>> {
    let client = client_info(req);
    Ok(web::Json(operator::change_status(state, op, id, status, client.ip.as_deref()).await?))
}

/// Suspends an agency: its people are signed out and cannot sign in; data is kept.
#[utoipa::path(tag = "platform", params(("id" = AgencyId, Path, description = "Agency id")), responses(
    (status = 200, body = AgencyUsage), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[post("/platform/agencies/{id}/suspend")]
pub(super) async fn suspend_agency(
    state: web::Data<AppState>,
    req: HttpRequest,
    op: PlatformOperator,
    id: web::Path<AgencyId>,
) -> ApiResult<web::Json<AgencyUsage>> {
    change_status(&state, &req, &op, id.into_inner(), AgencyStatus::Suspended).await
}

/// Lets a suspended agency's people sign in again.
#[utoipa::path(tag = "platform", params(("id" = AgencyId, Path, description = "Agency id")), responses(
    (status = 200, body = AgencyUsage), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[post("/platform/agencies/{id}/reactivate")]
pub(super) async fn reactivate_agency(
    state: web::Data<AppState>,
    req: HttpRequest,
    op: PlatformOperator,
    id: web::Path<AgencyId>,
) -> ApiResult<web::Json<AgencyUsage>> {
    change_status(&state, &req, &op, id.into_inner(), AgencyStatus::Active).await
}
