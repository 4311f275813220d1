//! Project backlogs in the staff app: the filtered list, items, status moves, order, comments,
//! CSV export and import, the stages an item can belong to, and the projects below the
//! two-agreed-items standard.

use super::{encode, get_json, send_json, ApiError};
use accord_api::backlog::{
    BacklogItemDetail, BacklogItemUpdate, BacklogItemView, BelowStandard, CommentView, ImportRequest, ImportResult,
    MoveItem, NewBacklogItem, NewComment, StatusChange,
};
use accord_api::roadmap::{RoadmapView, StageView};
use accord_api::{BacklogItemId, BacklogSource, BacklogStatus, ClientId, Page, Priority, ProjectId};

/// Filters of a project's backlog; also what the backlog page keeps in its URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BacklogQuery {
    pub status: Option<BacklogStatus>,
    pub priority: Option<Priority>,
    pub source: Option<BacklogSource>,
    /// `Some(true)`: change requests only; `Some(false)`: everything else.
    pub change_request: Option<bool>,
    pub q: String,
}

impl BacklogQuery {
    /// The non-default parts as `key=value` pairs (values percent-encoded).
    pub fn to_query_string(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut push = |key: &str, value: &str| parts.push(format!("{key}={}", encode(value)));
        if let Some(s) = self.status {
            push("status", s.as_str());
        }
        if let Some(p) = self.priority {
            push("priority", p.as_str());
        }
        if let Some(s) = self.source {
            push("source", s.as_str());
        }
        if let Some(cr) = self.change_request {
            push("change_request", if cr { "true" } else { "false" });
        }
        if !self.q.trim().is_empty() {
            push("q", self.q.trim());
        }
        parts.join("&")
    }

    /// Reads the filters back from URL parameters; unknown values fall back to "any".
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        BacklogQuery {
            status: get("status").and_then(|s| BacklogStatus::parse(&s)),
            priority: get("priority").and_then(|s| Priority::parse(&s)),
            source: get("source").and_then(|s| BacklogSource::parse(&s)),
            change_request: match get("change_request").as_deref() {
                Some("true") => Some(true),
                Some("false") => Some(false),
                _ => None,
            },
            q: get("q").unwrap_or_default(),
        }
    }

    /// Whether anything narrows the list (for "nothing found" versus "no items yet").
    pub fn narrows(&self) -> bool {
        *self != BacklogQuery::default()
    }
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
    let rest = query.to_query_string();
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
