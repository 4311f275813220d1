//! HTTP in and out for the portal home.

use super::service;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::PortalContact;
use accord_api::portal::PortalHome;
use accord_api::ErrorBody;
use actix_web::{get, web};

/// The contact's portal home: their client and agency.
#[utoipa::path(tag = "portal", responses(
    (status = 200, body = PortalHome), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/portal/home")]
pub(super) async fn home(state: web::Data<AppState>, contact: PortalContact) -> ApiResult<web::Json<PortalHome>> {
    Ok(web::Json(service::home(&state, &contact).await?))
}
