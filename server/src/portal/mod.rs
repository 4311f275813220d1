//! The client portal's `/api/portal` endpoints: only the contact's own client, never internals.

use crate::auth::me::client_ref;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::tenancy::PortalContact;
use accord_api::portal::PortalHome;
use accord_api::ErrorBody;
use accord_entity::{agencies, clients, contacts};
use actix_web::{get, web};
use sea_orm::{ColumnTrait, QueryFilter};
use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(home);
}

/// The contact's portal home: their client and agency.
#[utoipa::path(tag = "portal", responses(
    (status = 200, body = PortalHome), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/portal/home")]
pub(super) async fn home(state: web::Data<AppState>, contact: PortalContact) -> ApiResult<web::Json<PortalHome>> {
    let tx = state.db.tenant(&contact).await?;
    let agency = tx.find::<agencies::Entity>().one(tx.conn()).await?.ok_or_else(ApiError::not_found)?;
    let client = tx
        .find::<clients::Entity>()
        .filter(clients::Column::Id.eq(contact.client.0))
        .one(tx.conn())
        .await?
        .ok_or_else(ApiError::not_found)?;
    let me = tx
        .find::<contacts::Entity>()
        .filter(contacts::Column::Id.eq(contact.contact.0))
        .one(tx.conn())
        .await?
        .ok_or_else(ApiError::not_found)?;
    tx.commit().await?;
    Ok(web::Json(PortalHome {
        agency_name: agency.name,
        client: client_ref(&client)?,
        contact_name: me.name,
        portal_role: contact.portal_role,
    }))
}
