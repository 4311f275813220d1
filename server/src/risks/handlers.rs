//! HTTP handlers of the risk and incident endpoints.

use super::{incidents, portal, register};
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::{PortalContact, Staff};
use accord_api::risks::{
    IncidentView, NewIncident, PortalIncident, PortalRisks, RiskInput, RiskRegister, RiskView, StepInput,
};
use accord_api::{ClientId, ErrorBody, IncidentId, RiskId};
use actix_web::{delete, get, post, put, web, HttpResponse};

// ---- Risks ----

/// A client's risk register: every risk (open ones first, by exposure) and the matrix of the
/// open ones.
#[utoipa::path(tag = "risks", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = RiskRegister), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/risks")]
pub(super) async fn risk_register(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<RiskRegister>> {
    Ok(web::Json(register::register(&state, &staff, id.into_inner()).await?))
}

/// Adds a risk (owners, admins, the client's account manager).
#[utoipa::path(tag = "risks", params(("id" = ClientId, Path, description = "Client id")), request_body = RiskInput, responses(
    (status = 201, body = RiskView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/risks")]
pub(super) async fn create_risk(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    body: web::Json<RiskInput>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(register::create(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// Changes a risk.
#[utoipa::path(tag = "risks", params(("rk" = RiskId, Path, description = "Risk id")), request_body = RiskInput, responses(
    (status = 200, body = RiskView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/staff/risks/{rk}")]
pub(super) async fn update_risk(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<RiskId>,
    body: web::Json<RiskInput>,
) -> ApiResult<web::Json<RiskView>> {
    Ok(web::Json(register::update(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// Deletes a risk.
#[utoipa::path(tag = "risks", params(("rk" = RiskId, Path, description = "Risk id")), responses(
    (status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[delete("/staff/risks/{rk}")]
pub(super) async fn delete_risk(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<RiskId>,
) -> ApiResult<HttpResponse> {
    register::delete(&state, &staff, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

// ---- Incidents ----

/// A client's incidents, the most recently detected first.
#[utoipa::path(tag = "risks", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = Vec<IncidentView>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/incidents")]
pub(super) async fn list_incidents(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<Vec<IncidentView>>> {
    Ok(web::Json(incidents::list(&state, &staff, id.into_inner()).await?))
}

/// Records a mistake (internal until step 1 tells the client).
#[utoipa::path(tag = "risks", params(("id" = ClientId, Path, description = "Client id")), request_body = NewIncident, responses(
    (status = 201, body = IncidentView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/incidents")]
pub(super) async fn create_incident(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    body: web::Json<NewIncident>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(incidents::create(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// One incident with every step taken so far.
#[utoipa::path(tag = "risks", params(("inc" = IncidentId, Path, description = "Incident id")), responses(
    (status = 200, body = IncidentView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/incidents/{inc}")]
pub(super) async fn incident(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<IncidentId>,
) -> ApiResult<web::Json<IncidentView>> {
    Ok(web::Json(incidents::get(&state, &staff, id.into_inner()).await?))
}

/// Takes an incident's next step, in order (409 `wrong_step` otherwise); step 1 mails the
/// client's approvers.
#[utoipa::path(tag = "risks", params(("inc" = IncidentId, Path, description = "Incident id")), request_body = StepInput, responses(
    (status = 200, body = IncidentView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/incidents/{inc}/steps")]
pub(super) async fn incident_step(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<IncidentId>,
    body: web::Json<StepInput>,
) -> ApiResult<web::Json<IncidentView>> {
    Ok(web::Json(incidents::step(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

// ---- Portal ----

/// The client-visible risks and the incidents the client was told about.
#[utoipa::path(tag = "portal", responses(
    (status = 200, body = PortalRisks), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/portal/risks")]
pub(super) async fn portal_risks(
    state: web::Data<AppState>,
    contact: PortalContact,
) -> ApiResult<web::Json<PortalRisks>> {
    Ok(web::Json(portal::page(&state, &contact).await?))
}

/// An approver acknowledges an incident's fix plan (once; 409 `no_plan` before there is one,
/// `already_acknowledged` after).
#[utoipa::path(tag = "portal", params(("inc" = IncidentId, Path, description = "Incident id")), responses(
    (status = 200, body = PortalIncident), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
#[post("/portal/incidents/{inc}/acknowledge")]
pub(super) async fn acknowledge_plan(
    state: web::Data<AppState>,
    contact: PortalContact,
    id: web::Path<IncidentId>,
) -> ApiResult<web::Json<PortalIncident>> {
    Ok(web::Json(portal::acknowledge(&state, &contact, id.into_inner()).await?))
}
