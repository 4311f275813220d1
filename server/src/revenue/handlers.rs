//! HTTP handlers of the money figures (staff only).

use super::service;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::revenue::{ClientMoney, MoneyOverview, TierState};
use accord_api::{ClientId, ErrorBody, UserId};
use actix_web::{get, post, web};
use serde::Deserialize;

/// Narrows the overview to one account manager's clients.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(super) struct ManagerQuery {
    /// An account manager's user id.
    #[serde(default)]
    manager: Option<UserId>,
}

/// A client's money: LTV, lifetime, ACV, unpaid and overdue totals, the 12-month trend and the
/// ABC tier (owners, admins and the client's account manager).
#[utoipa::path(tag = "revenue", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = ClientMoney), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/money")]
pub(super) async fn client_money(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<ClientMoney>> {
    Ok(web::Json(service::client_money(&state, &staff, id.into_inner()).await?))
}

/// The money overview: totals, the 12-month trend, overdue invoices, unsigned closing
/// documents and the ABC table (owners and admins: the agency or one manager's clients;
/// account managers: their clients).
#[utoipa::path(tag = "revenue", params(ManagerQuery), responses(
    (status = 200, body = MoneyOverview), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[get("/staff/money")]
pub(super) async fn overview(
    state: web::Data<AppState>,
    staff: Staff,
    query: web::Query<ManagerQuery>,
) -> ApiResult<web::Json<MoneyOverview>> {
    // Refused before waiting for a turn (the service checks again).
    staff.require_client_manager()?;
    let _turn = state.heavy.turn(staff.agency()).await;
    Ok(web::Json(service::overview(&state, &staff, query.manager).await?))
}

/// Ends a client's manual tier: its tier is the computed one again (owners and admins).
#[utoipa::path(tag = "revenue", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = TierState), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[post("/staff/clients/{id}/tier/clear")]
pub(super) async fn clear_tier(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<TierState>> {
    Ok(web::Json(service::clear_tier(&state, &staff, id.into_inner()).await?))
}
