//! HTTP in and out for backlogs (staff and portal).

use super::service;
use super::{csv, portal, standard, transfer, workflow};
use crate::clients::csv_attachment;
use crate::clients::export::{csv as write_csv, separator};
use crate::error::ApiResult;
use crate::paging::PageOnly;
use crate::state::AppState;
use crate::tenancy::{PortalContact, SignedIn, Staff};
use accord_api::backlog::{
    BacklogItemDetail, BacklogItemUpdate, BacklogItemView, BacklogQuery, BelowStandard, CommentView, DecisionRequest,
    ImportRequest, ImportResult, MoveItem, NewBacklogItem, NewComment, PortalBacklog, PortalComment, PortalItem,
    PortalItemDetail, PortalSection, StatusChange,
};
use accord_api::{BacklogItemId, ClientId, ErrorBody, Page, ProjectId};
use actix_web::{get, post, put, web, HttpRequest, HttpResponse};

type ItemPath = web::Path<(ClientId, ProjectId, BacklogItemId)>;

/// Active projects below the two-agreed-items standard, among the clients the caller sees.
#[utoipa::path(tag = "backlog", responses(
    (status = 200, body = Vec<BelowStandard>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/staff/backlog/below-standard")]
pub(super) async fn below_standard(
    state: web::Data<AppState>,
    staff: Staff,
) -> ApiResult<web::Json<Vec<BelowStandard>>> {
    // No turn of `state.heavy`: the list reads only the projects below the line.
    Ok(web::Json(standard::list(&state, &staff).await?))
}

/// A project's backlog by rank, filtered and paginated.
#[utoipa::path(tag = "backlog", params(
    ("id" = ClientId, Path, description = "Client id"), ("project_id" = ProjectId, Path, description = "Project id"), BacklogQuery),
    responses((status = 200, body = Page<BacklogItemView>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
    (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/projects/{project_id}/backlog")]
pub(super) async fn list_items(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<(ClientId, ProjectId)>,
    query: web::Query<BacklogQuery>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let (client, project) = path.into_inner();
    Ok(service::list_json(&state, &staff, client, project, query.into_inner()).await?.respond(&req))
}

/// Adds an item at the end of the backlog, as an internal idea or proposed to the client.
#[utoipa::path(tag = "backlog", params(
    ("id" = ClientId, Path, description = "Client id"), ("project_id" = ProjectId, Path, description = "Project id")),
    request_body = NewBacklogItem, responses(
    (status = 201, body = BacklogItemView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/projects/{project_id}/backlog")]
pub(super) async fn create_item(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<(ClientId, ProjectId)>,
    body: web::Json<NewBacklogItem>,
) -> ApiResult<HttpResponse> {
    let (client, project) = path.into_inner();
    Ok(HttpResponse::Created().json(service::create(&state, &staff, client, project, body.into_inner()).await?))
}

/// An item with all its comments and its history.
#[utoipa::path(tag = "backlog", params(
    ("id" = ClientId, Path, description = "Client id"), ("project_id" = ProjectId, Path, description = "Project id"),
    ("item_id" = BacklogItemId, Path, description = "Item id")), responses(
    (status = 200, body = BacklogItemDetail), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/projects/{project_id}/backlog/{item_id}")]
pub(super) async fn get_item(
    state: web::Data<AppState>,
    staff: Staff,
    path: ItemPath,
) -> ApiResult<web::Json<BacklogItemDetail>> {
    let (client, project, item) = path.into_inner();
    Ok(web::Json(service::detail(&state, &staff, client, project, item).await?))
}

/// Replaces an item's fields (409 `stale_version` if it changed meanwhile). A new estimate
/// or price on an agreed or scheduled item sends it back to the client.
#[utoipa::path(tag = "backlog", params(
    ("id" = ClientId, Path, description = "Client id"), ("project_id" = ProjectId, Path, description = "Project id"),
    ("item_id" = BacklogItemId, Path, description = "Item id")), request_body = BacklogItemUpdate, responses(
    (status = 200, body = BacklogItemView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/staff/clients/{id}/projects/{project_id}/backlog/{item_id}")]
pub(super) async fn update_item(
    state: web::Data<AppState>,
    staff: Staff,
    path: ItemPath,
    body: web::Json<BacklogItemUpdate>,
) -> ApiResult<web::Json<BacklogItemView>> {
    let (client, project, item) = path.into_inner();
    Ok(web::Json(service::update(&state, &staff, client, project, item, body.into_inner()).await?))
}

/// Moves an item along the status machine (409 `invalid_transition` otherwise).
#[utoipa::path(tag = "backlog", params(
    ("id" = ClientId, Path, description = "Client id"), ("project_id" = ProjectId, Path, description = "Project id"),
    ("item_id" = BacklogItemId, Path, description = "Item id")), request_body = StatusChange, responses(
    (status = 200, body = BacklogItemView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/projects/{project_id}/backlog/{item_id}/status")]
pub(super) async fn change_status(
    state: web::Data<AppState>,
    staff: Staff,
    path: ItemPath,
    body: web::Json<StatusChange>,
) -> ApiResult<web::Json<BacklogItemView>> {
    let (client, project, item) = path.into_inner();
    Ok(web::Json(workflow::change_status(&state, &staff, client, project, item, body.into_inner()).await?))
}

/// Moves an item to another place in the project's order.
#[utoipa::path(tag = "backlog", params(
    ("id" = ClientId, Path, description = "Client id"), ("project_id" = ProjectId, Path, description = "Project id"),
    ("item_id" = BacklogItemId, Path, description = "Item id")), request_body = MoveItem, responses(
    (status = 200, body = BacklogItemView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/projects/{project_id}/backlog/{item_id}/move")]
pub(super) async fn move_item(
    state: web::Data<AppState>,
    staff: Staff,
    path: ItemPath,
    body: web::Json<MoveItem>,
) -> ApiResult<web::Json<BacklogItemView>> {
    let (client, project, item) = path.into_inner();
    Ok(web::Json(workflow::move_item(&state, &staff, client, project, item, body.into_inner()).await?))
}

/// Adds a comment, internal (never shown to the client) or client-visible.
#[utoipa::path(tag = "backlog", params(
    ("id" = ClientId, Path, description = "Client id"), ("project_id" = ProjectId, Path, description = "Project id"),
    ("item_id" = BacklogItemId, Path, description = "Item id")), request_body = NewComment, responses(
    (status = 201, body = CommentView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/projects/{project_id}/backlog/{item_id}/comments")]
pub(super) async fn add_comment(
    state: web::Data<AppState>,
    staff: Staff,
    path: ItemPath,
    body: web::Json<NewComment>,
) -> ApiResult<HttpResponse> {
    let (client, project, item) = path.into_inner();
    Ok(HttpResponse::Created().json(workflow::comment(&state, &staff, client, project, item, body.into_inner()).await?))
}

/// The client's backlog: awaiting decision, agreed and planned, done, declined; approved
/// change requests per month. Never ideas.
#[utoipa::path(tag = "portal", responses(
    (status = 200, body = PortalBacklog), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/portal/backlog")]
pub(super) async fn portal_backlog(
    state: web::Data<AppState>,
    contact: PortalContact,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    Ok(portal::backlog_json(&state, &contact).await?.respond(&req))
}

/// One page of one section of the client's backlog (beyond the first items the backlog shows).
#[utoipa::path(tag = "portal", params(("section" = PortalSection, Path, description = "awaiting, planned, done or declined"), PageOnly), responses(
    (status = 200, body = Page<PortalItem>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[get("/portal/backlog/sections/{section}")]
pub(super) async fn portal_section(
    state: web::Data<AppState>,
    contact: PortalContact,
    section: web::Path<PortalSection>,
    query: web::Query<PageOnly>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    Ok(portal::section_json(&state, &contact, section.into_inner(), &query).await?.respond(&req))
}

/// One item with its client-visible comments.
#[utoipa::path(tag = "portal", params(("item_id" = BacklogItemId, Path, description = "Item id")), responses(
    (status = 200, body = PortalItemDetail), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/portal/backlog/{item_id}")]
pub(super) async fn portal_item(
    state: web::Data<AppState>,
    contact: PortalContact,
    item: web::Path<BacklogItemId>,
) -> ApiResult<web::Json<PortalItemDetail>> {
    Ok(web::Json(portal::item(&state, &contact, item.into_inner()).await?))
}

/// An approver approves (freezing the estimate and price shown) or declines (with a reason).
#[utoipa::path(tag = "portal", params(("item_id" = BacklogItemId, Path, description = "Item id")), request_body = DecisionRequest, responses(
    (status = 200, body = PortalItemDetail), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/portal/backlog/{item_id}/decision")]
pub(super) async fn portal_decide(
    state: web::Data<AppState>,
    contact: PortalContact,
    item: web::Path<BacklogItemId>,
    body: web::Json<DecisionRequest>,
) -> ApiResult<web::Json<PortalItemDetail>> {
    Ok(web::Json(portal::decide(&state, &contact, item.into_inner(), body.into_inner()).await?))
}

/// A client's comment or question on an item.
#[utoipa::path(tag = "portal", params(("item_id" = BacklogItemId, Path, description = "Item id")), request_body = PortalComment, responses(
    (status = 201, body = CommentView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/portal/backlog/{item_id}/comments")]
pub(super) async fn portal_comment(
    state: web::Data<AppState>,
    contact: PortalContact,
    item: web::Path<BacklogItemId>,
    body: web::Json<PortalComment>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(portal::comment(&state, &contact, item.into_inner(), body.into_inner()).await?))
}

/// A project's backlog as CSV (UTF-8 with BOM; `;` for Russian users, `,` for English).
#[utoipa::path(tag = "backlog", params(
    ("id" = ClientId, Path, description = "Client id"), ("project_id" = ProjectId, Path, description = "Project id")), responses(
    (status = 200, content_type = "text/csv", body = String), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/projects/{project_id}/backlog.csv")]
pub(super) async fn export_csv(
    state: web::Data<AppState>,
    staff: Staff,
    who: SignedIn,
    path: web::Path<(ClientId, ProjectId)>,
) -> ApiResult<HttpResponse> {
    let (client, project) = path.into_inner();
    let rows = transfer::export(&state, &staff, client, project).await?;
    Ok(csv_attachment("backlog.csv", write_csv(rows, separator(who.0.locale))))
}

/// Imports items at the end of the backlog: every row valid, or nothing written (422
/// `import_rejected` with each bad row). The body may be up to 10 MB (413 `too_large` beyond).
#[utoipa::path(tag = "backlog", params(
    ("id" = ClientId, Path, description = "Client id"), ("project_id" = ProjectId, Path, description = "Project id")),
    request_body = ImportRequest, responses(
    (status = 200, body = ImportResult), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/projects/{project_id}/backlog.csv")]
pub(super) async fn import_csv(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<(ClientId, ProjectId)>,
    payload: web::Payload,
) -> ApiResult<web::Json<ImportResult>> {
    let (client, project) = path.into_inner();
    let body: ImportRequest = crate::error::json_body(payload, csv::MAX_BYTES).await?;
    Ok(web::Json(transfer::import(&state, &staff, client, project, &body.csv).await?))
}
