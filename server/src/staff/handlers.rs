//! HTTP in and out for `/api/staff/members`.

use super::service;
use crate::error::ApiResult;
use crate::http::client_info;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::staff::{AgencySettings, ChangeRoleRequest, SetStatusRequest, StaffMember};
use accord_api::{ErrorBody, UserId};
use actix_web::{get, put, web, HttpRequest};

/// The agency's staff (owner and admin).
#[utoipa::path(tag = "staff", responses(
    (status = 200, body = Vec<StaffMember>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/staff/members")]
pub(super) async fn list_members(state: web::Data<AppState>, staff: Staff) -> ApiResult<web::Json<Vec<StaffMember>>> {
    Ok(web::Json(service::list(&state, &staff).await?))
}

/// Changes a staff member's role.
#[utoipa::path(tag = "staff", params(("id" = UserId, Path, description = "Staff user id")), request_body = ChangeRoleRequest, responses(
    (status = 200, body = StaffMember), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
#[put("/staff/members/{id}/role")]
pub(super) async fn change_role(
    state: web::Data<AppState>,
    req: HttpRequest,
    staff: Staff,
    id: web::Path<UserId>,
    body: web::Json<ChangeRoleRequest>,
) -> ApiResult<web::Json<StaffMember>> {
    let ip = client_info(&req).ip;
    Ok(web::Json(service::change_role(&state, &staff, id.into_inner(), body.role, ip.as_deref()).await?))
}

/// Disables (signing them out at once) or re-enables a staff member.
#[utoipa::path(tag = "staff", params(("id" = UserId, Path, description = "Staff user id")), request_body = SetStatusRequest, responses(
    (status = 200, body = StaffMember), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
#[put("/staff/members/{id}/status")]
pub(super) async fn set_status(
    state: web::Data<AppState>,
    req: HttpRequest,
    staff: Staff,
    id: web::Path<UserId>,
    body: web::Json<SetStatusRequest>,
) -> ApiResult<web::Json<StaffMember>> {
    let ip = client_info(&req).ip;
    Ok(web::Json(service::set_status(&state, &staff, id.into_inner(), body.status, ip.as_deref()).await?))
}

/// Agency-wide settings (owner/admin).
#[utoipa::path(tag = "staff", responses(
    (status = 200, body = AgencySettings), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/staff/agency/settings")]
pub(super) async fn get_settings(state: web::Data<AppState>, staff: Staff) -> ApiResult<web::Json<AgencySettings>> {
    Ok(web::Json(service::settings(&state, &staff, None).await?))
}

/// Changes agency-wide settings (owner/admin).
#[utoipa::path(tag = "staff", request_body = AgencySettings, responses(
    (status = 200, body = AgencySettings), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[put("/staff/agency/settings")]
pub(super) async fn put_settings(
    state: web::Data<AppState>,
    staff: Staff,
    body: web::Json<AgencySettings>,
) -> ApiResult<web::Json<AgencySettings>> {
    Ok(web::Json(service::settings(&state, &staff, Some(body.into_inner())).await?))
}

/// Active colleagues of the agency (any staff member), for pickers: account manager, team.
#[utoipa::path(tag = "staff", responses(
    (status = 200, body = Vec<StaffMember>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/staff/directory")]
pub(super) async fn directory(state: web::Data<AppState>, staff: Staff) -> ApiResult<web::Json<Vec<StaffMember>>> {
    Ok(web::Json(service::directory(&state, &staff).await?))
}
