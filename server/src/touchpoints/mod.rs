//! The touchpoint log of a client: calls, meetings, emails, chats, gifts, newsletters.
//! Logging one moves the client's `last_touch_at`, which drives the silence warning.

use crate::clients::access::{self, Need};
use crate::clients::view::{contact_names, staff_names};
use crate::domain::{self, DisplayName, Field};
use crate::error::{ApiError, ApiResult};
use crate::paging::PageQuery;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::error::codes;
use accord_api::input;
use accord_api::projects::{ContactRef, NewTouchpoint, TouchpointView};
use accord_api::{ClientId, ContactId, ErrorBody, Page, StaffRef, TouchpointId, TouchpointKind, UserId};
use accord_entity::{clients, contacts, touchpoints};
use actix_web::{get, post, web, HttpResponse};
use chrono::{Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;
use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(list_touchpoints).service(log_touchpoint);
}

fn view(
    t: &touchpoints::Model,
    contacts: &HashMap<uuid::Uuid, String>,
    staff: &HashMap<uuid::Uuid, String>,
) -> ApiResult<TouchpointView> {
    Ok(TouchpointView {
        id: TouchpointId(t.id),
        kind: TouchpointKind::parse(&t.kind).ok_or_else(|| ApiError::internal("bad touchpoint kind"))?,
        occurred_at: t.occurred_at,
        contact: t
            .contact_id
            .map(|c| ContactRef { id: ContactId(c), name: contacts.get(&c).cloned().unwrap_or_default() }),
        summary: t.summary.clone(),
        created_by: StaffRef { id: UserId(t.created_by), name: staff.get(&t.created_by).cloned().unwrap_or_default() },
    })
}

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
    let client = id.into_inner();
    let paging = query.paging()?;
    let tx = state.db.tenant_read(&staff).await?;
    access::client(&tx, &staff, client, Need::Read).await?;
    let q = tx.find::<touchpoints::Entity>().filter(touchpoints::Column::ClientId.eq(client.0));
    let total = q.clone().count(tx.conn()).await?;
    let rows = q
        .order_by_desc(touchpoints::Column::OccurredAt)
        .offset(paging.offset())
        .limit(paging.limit())
        .all(tx.conn())
        .await?;
    let contact_names = contact_names(&tx, client).await?;
    let staff_names = staff_names(&tx, rows.iter().map(|t| t.created_by)).await?;
    tx.commit().await?;
    let items = rows.iter().map(|t| view(t, &contact_names, &staff_names)).collect::<ApiResult<_>>()?;
    Ok(web::Json(paging.page_of(items, total)))
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
    let client = id.into_inner();
    let input = body.into_inner();
    let summary = input::Message::parse(&input.summary).field("summary")?;
    domain::instant("occurred_at", input.occurred_at)?;
    if input.occurred_at > Utc::now() + Duration::minutes(5) {
        return Err(ApiError::invalid("occurred_at", codes::VALIDATION, "A touchpoint cannot be in the future."));
    }
    let tx = state.db.tenant(&staff).await?;
    let row_client = access::client(&tx, &staff, client, Need::Log).await?;
    let mut contact_names = HashMap::new();
    if let Some(contact) = input.contact_id {
        let c = tx
            .find::<contacts::Entity>()
            .filter(contacts::Column::Id.eq(contact.0))
            .filter(contacts::Column::ClientId.eq(client.0))
            .one(tx.conn())
            .await?
            .ok_or_else(|| ApiError::invalid("contact_id", codes::VALIDATION, "Choose a contact of this client."))?;
        contact_names.insert(c.id, DisplayName::parse("contact_id", &c.name)?.into_inner());
    }
    let row = touchpoints::Model {
        id: uuid::Uuid::new_v4(),
        agency_id: tx.agency_id().0,
        client_id: client.0,
        kind: input.kind.as_str().into(),
        occurred_at: input.occurred_at,
        contact_id: input.contact_id.map(|c| c.0),
        summary,
        created_by: staff.user.0,
        created_at: Utc::now(),
    };
    touchpoints::Entity::insert(touchpoints::ActiveModel::from(row.clone())).exec_without_returning(tx.conn()).await?;
    if row_client.last_touch_at.is_none_or(|t| t < row.occurred_at) {
        clients::Entity::update_many()
            .col_expr(clients::Column::LastTouchAt, Expr::value(row.occurred_at))
            .filter(tx.owned::<clients::Entity>())
            .filter(clients::Column::Id.eq(client.0))
            .exec(tx.conn())
            .await?;
    }
    let names = staff_names(&tx, [staff.user.0]).await?;
    tx.commit().await?;
    Ok(HttpResponse::Created().json(view(&row, &contact_names, &names)?))
}
