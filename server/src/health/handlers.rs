//! HTTP handlers of the health endpoints (staff only).

use super::{cockpit as board, settings, view};
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::health::{ClientHealth, Cockpit, HealthOverview, HealthPreview, HealthSettings};
use accord_api::{ClientId, ErrorBody, UserId};
use actix_web::{get, post, put, web};
use serde::Deserialize;

/// Narrows a list to one account manager's clients.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(super) struct ManagerQuery {
    /// An account manager's user id.
    #[serde(default)]
    manager: Option<UserId>,
}

/// A client's health: the score computed now with its parts and reasons, a year of daily
/// history with the corridor, and whether it is at risk (owners, admins, account managers).
#[utoipa::path(tag = "health", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = ClientHealth), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/health")]
pub(super) async fn client_health(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<ClientHealth>> {
    Ok(web::Json(view::client(&state, &staff, id.into_inner()).await?))
}

/// The at-risk list, managers' portfolios and every watched client's latest score.
#[utoipa::path(tag = "health", params(ManagerQuery), responses(
    (status = 200, body = HealthOverview), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[get("/staff/health")]
pub(super) async fn overview(
    state: web::Data<AppState>,
    staff: Staff,
    query: web::Query<ManagerQuery>,
) -> ApiResult<web::Json<HealthOverview>> {
    // Refused before waiting for a turn (the service checks again).
    staff.require_client_manager()?;
    let _turn = state.heavy.turn(staff.agency()).await;
    Ok(web::Json(view::overview(&state, &staff, query.manager).await?))
}

/// The agency's health weights and thresholds (built-in until saved).
#[utoipa::path(tag = "health", responses(
    (status = 200, body = HealthSettings), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/staff/health-settings")]
pub(super) async fn get_settings(state: web::Data<AppState>, staff: Staff) -> ApiResult<web::Json<HealthSettings>> {
    staff.require_client_manager()?;
    let tx = state.db.tenant_read(&staff).await?;
    let s = settings::load(&tx).await?;
    tx.commit().await?;
    Ok(web::Json(s))
}

/// Saves the weights and thresholds (owners and admins); every score is recomputed.
#[utoipa::path(tag = "health", request_body = HealthSettings, responses(
    (status = 200, body = HealthSettings), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/staff/health-settings")]
pub(super) async fn save_settings(
    state: web::Data<AppState>,
    staff: Staff,
    body: web::Json<HealthSettings>,
) -> ApiResult<web::Json<HealthSettings>> {
    Ok(web::Json(super::save_settings(&state, &staff, body.into_inner()).await?))
}

/// What proposed settings would do to the portfolio's scores; nothing is saved.
#[utoipa::path(tag = "health", request_body = HealthSettings, responses(
    (status = 200, body = HealthPreview), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/health-settings/preview")]
pub(super) async fn preview(
    state: web::Data<AppState>,
    staff: Staff,
    body: web::Json<HealthSettings>,
) -> ApiResult<web::Json<HealthPreview>> {
    Ok(web::Json(view::preview(&state, &staff, body.into_inner()).await?))
}

/// The staff home: what needs doing across the caller's clients, or one manager's.
#[utoipa::path(tag = "health", params(ManagerQuery), responses(
    (status = 200, body = Cockpit), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[get("/staff/cockpit")]
pub(super) async fn cockpit(
    state: web::Data<AppState>,
    staff: Staff,
    query: web::Query<ManagerQuery>,
) -> ApiResult<web::Json<Cockpit>> {
    // Refused before waiting for a turn (the service checks again).
    staff.require_client_manager()?;
    let _turn = state.heavy.turn(staff.agency()).await;
    Ok(web::Json(board::cockpit(&state, &staff, query.manager).await?))
}
