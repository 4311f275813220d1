//! Project backlogs in the staff app: the filtered list, items, status moves, order, comments,
//! CSV export and import, the stages an item can belong to, and the projects below the
//! two-agreed-items standard.

use super::{encode, get_json, send_json, ApiError};
use accord_api::backlog::{
    BacklogItemDetail, BacklogItemUpdate, BacklogItemView, BelowStandard, CommentView, ImportRequest, ImportResult,
    MoveItem, NewBacklogItem, NewComment, StatusChange,
};
use accord_api::roadmap::{RoadmapView, StageView};
use accord_api::{BacklogItemId, ClientId, Page, ProjectId};

/// Filters of a project's backlog (the server's own query type); also what the backlog page
/// keeps in its URL.
pub use accord_api::backlog::BacklogQuery;

/// The filters that are set as `key=value` pairs (values percent-encoded), paging aside.
pub fn query_string(query: &BacklogQuery) -> String {
    query.filter_pairs().iter().map(|(key, value)| format!("{key}={}", encode(value))).collect::<Vec<_>>().join("&")
}

fn base(client: ClientId, project: ProjectId) -> String {
    format!("/api/staff/clients/{client}/projects/{project}/backlog")
}

/// By rank.
pub async fn list(
    client: ClientId,
    project: ProjectId,
    query: &BacklogQuery,
    page: u64,
    per_page: u64,
) -> Result<Page<BacklogItemView>, ApiError> {
    let mut url = format!("{}?page={page}&per_page={per_page}", base(client, project));
    let rest = query_string(query);
    if !rest.is_empty() {
        url.push('&');
        url.push_str(&rest);
    }
    get_json(&url).await
}

pub async fn create(client: ClientId, project: ProjectId, item: &NewBacklogItem) -> Result<BacklogItemView, ApiError> {
    send_json("POST", &base(client, project), item).await
}

pub async fn detail(client: ClientId, project: ProjectId, item: BacklogItemId) -> Result<BacklogItemDetail, ApiError> {
    get_json(&format!("{}/{item}", base(client, project))).await
}

/// Replaces the item's fields; 409 `stale_version` when someone saved it meanwhile.
pub async fn update(
    client: ClientId,
    project: ProjectId,
    item: BacklogItemId,
    update: &BacklogItemUpdate,
) -> Result<BacklogItemView, ApiError> {
    send_json("PUT", &format!("{}/{item}", base(client, project)), update).await
}

pub async fn change_status(
    client: ClientId,
    project: ProjectId,
    item: BacklogItemId,
    change: &StatusChange,
) -> Result<BacklogItemView, ApiError> {
    send_json("POST", &format!("{}/{item}/status", base(client, project)), change).await
}

/// Moves the item to a 1-based position in the project's order.
pub async fn move_to(
    client: ClientId,
    project: ProjectId,
    item: BacklogItemId,
    to: &MoveItem,
) -> Result<BacklogItemView, ApiError> {
    send_json("POST", &format!("{}/{item}/move", base(client, project)), to).await
}

pub async fn comment(
    client: ClientId,
    project: ProjectId,
    item: BacklogItemId,
    comment: &NewComment,
) -> Result<CommentView, ApiError> {
    send_json("POST", &format!("{}/{item}/comments", base(client, project)), comment).await
}

/// The CSV download (a plain link: the browser sends the session cookie).
pub fn export_url(client: ClientId, project: ProjectId) -> String {
    format!("/api/staff/clients/{client}/projects/{project}/backlog.csv")
}

/// Imports a CSV file's text; on bad rows 422 `import_rejected` with `rows`, nothing imported.
pub async fn import_csv(client: ClientId, project: ProjectId, csv: String) -> Result<ImportResult, ApiError> {
    send_json("POST", &export_url(client, project), &ImportRequest { csv }).await
}

/// The client's roadmap stages (what an item can be linked to), by start date.
pub async fn stages(client: ClientId) -> Result<Vec<StageView>, ApiError> {
    let roadmap: RoadmapView = get_json(&format!("/api/staff/clients/{client}/roadmap")).await?;
    Ok(roadmap.stages)
}

/// Active projects (of the clients this person sees) with fewer than two agreed items not yet started.
pub async fn below_standard() -> Result<Vec<BelowStandard>, ApiError> {
    get_json("/api/staff/backlog/below-standard").await
}
