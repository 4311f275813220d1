//! Project backlogs: items, the client's decisions, change requests, comments and history.

use crate::clients::FieldChange;
use crate::projects::ContactRef;
use crate::roadmap::StageRef;
use crate::{
    BacklogItemId, BacklogSource, BacklogStatus, ClientId, CommentId, DecisionKind, ItemEventKind, Money, Priority,
    ProjectId, Side, StaffRef, StageId,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// An item as a link: stages list them, the portal groups them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ItemRef {
    pub id: BacklogItemId,
    pub project_id: ProjectId,
    pub title: String,
    pub status: BacklogStatus,
}

/// The client's decision on an item. When approved, `estimate_minutes` and `price` are the
/// values frozen at that moment (what the approver was shown).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Decision {
    pub kind: DecisionKind,
    pub by: ContactRef,
    pub at: DateTime<Utc>,
    /// The decline reason or the approver's note.
    pub comment: Option<String>,
    pub estimate_minutes: Option<i64>,
    pub price: Option<Money>,
}

/// The approved values before the agency changed them: the client sees "was X, now Y".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreviousEstimate {
    pub estimate_minutes: Option<i64>,
    pub price: Option<Money>,
}

/// A backlog item as the staff app shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BacklogItemView {
    pub id: BacklogItemId,
    pub client_id: ClientId,
    pub project_id: ProjectId,
    pub title: String,
    /// Markdown source and sanitized HTML.
    pub description: crate::roadmap::RichText,
    pub benefit: String,
    pub estimate_minutes: Option<i64>,
    pub price: Option<Money>,
    /// 1 = first; the order inside the project.
    pub rank: i64,
    pub priority: Priority,
    pub source: BacklogSource,
    pub status: BacklogStatus,
    /// Out of scope: priced, and never started before the client approved the price.
    pub change_request: bool,
    pub stage: Option<StageRef>,
    /// Send it back with every change; a stale one answers 409 `stale_version`.
    pub version: i32,
    /// The latest client decision (cleared when the item is proposed again).
    pub decision: Option<Decision>,
    pub previous: Option<PreviousEstimate>,
    pub comment_count: u32,
    pub created_by: Option<StaffRef>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Filters and page of a project's backlog list: the query string of
/// `GET /api/staff/clients/{id}/projects/{project_id}/backlog`. The SPA keeps the filters in
/// its URL too ([`BacklogQuery::filter_pairs`], [`BacklogQuery::from_params`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct BacklogQuery {
    pub status: Option<BacklogStatus>,
    pub priority: Option<Priority>,
    pub source: Option<BacklogSource>,
    // `Some(true)`: change requests only; `Some(false)`: everything else. (A plain comment: a
    // doc comment would become the parameter's description in the OpenAPI document.)
    pub change_request: Option<bool>,
    /// Case-insensitive search in titles.
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub q: Option<String>,
    /// 1-based (default 1).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 1_000_000))]
    pub page: Option<u64>,
    /// 1–100 (default 50).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub per_page: Option<u64>,
}

impl BacklogQuery {
    /// The filters that are set, as `(key, value)` pairs not yet URL-encoded (paging aside).
    pub fn filter_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(s) = self.status {
            pairs.push(("status", s.as_str().to_string()));
        }
        if let Some(p) = self.priority {
            pairs.push(("priority", p.as_str().to_string()));
        }
        if let Some(s) = self.source {
            pairs.push(("source", s.as_str().to_string()));
        }
        if let Some(cr) = self.change_request {
            pairs.push(("change_request", cr.to_string()));
        }
        if let Some(q) = self.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
            pairs.push(("q", q.to_string()));
        }
        pairs
    }

    /// Reads the filters back from URL parameters (paging aside); unknown values fall back to
    /// "any", where the server would refuse them.
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
            q: get("q").filter(|q| !q.trim().is_empty()),
            page: None,
            per_page: None,
        }
    }

    /// Whether any filter narrows the list (for "nothing found" versus "no items yet").
    pub fn narrows(&self) -> bool {
        !self.filter_pairs().is_empty()
    }
}

/// Creates an item (status `idea`, or `proposed` when `propose` is set) or, in
/// [`BacklogItemUpdate`], replaces its fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BacklogItemInput {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Name::schema))]
    pub title: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Markdown::schema))]
    pub description: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Note::schema))]
    pub benefit: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 6_000_000))]
    pub estimate_minutes: Option<i64>,
    #[serde(default)]
    pub price: Option<Money>,
    pub priority: Priority,
    pub source: BacklogSource,
    #[serde(default)]
    pub change_request: bool,
    #[serde(default)]
    pub stage_id: Option<StageId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewBacklogItem {
    #[serde(flatten)]
    pub item: BacklogItemInput,
    /// Propose it to the client right away instead of keeping it as an internal idea.
    #[serde(default)]
    pub propose: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BacklogItemUpdate {
    pub version: i32,
    #[serde(flatten)]
    pub item: BacklogItemInput,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusChange {
    pub to: BacklogStatus,
    pub version: i32,
}

/// Moves an item to a 1-based position in its project's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MoveItem {
    pub position: i64,
    pub version: i32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewComment {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Message::schema))]
    pub body: String,
    /// Internal comments never reach the portal.
    #[serde(default)]
    pub internal: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommentView {
    pub id: CommentId,
    /// Who wrote it (a staff member or a contact's user), so a reader can mark their own.
    pub author_id: crate::UserId,
    pub author: String,
    pub side: Side,
    pub internal: bool,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// One entry of an item's history: who changed which fields, when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ItemEvent {
    pub kind: ItemEventKind,
    pub actor: String,
    pub side: Side,
    pub changes: Vec<FieldChange>,
    pub at: DateTime<Utc>,
}

/// The item page: the item, all comments (internal ones marked), history newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BacklogItemDetail {
    pub item: BacklogItemView,
    pub project_name: String,
    pub comments: Vec<CommentView>,
    pub history: Vec<ItemEvent>,
}

/// A CSV import: the file's text (the header names the columns; see the export).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportRequest {
    pub csv: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportResult {
    pub imported: u32,
}

/// An active project with fewer than two agreed items not yet started.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BelowStandard {
    pub client_id: ClientId,
    pub client_name: String,
    pub project_id: ProjectId,
    pub project_name: String,
    pub account_manager: Option<StaffRef>,
    pub agreed_not_started: u32,
}

// ---- Portal ----

/// An item as the client sees it: never an idea, never internal comments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortalItem {
    pub id: BacklogItemId,
    pub project_id: ProjectId,
    pub project_name: String,
    pub title: String,
    pub description_html: String,
    pub benefit: String,
    pub estimate_minutes: Option<i64>,
    pub price: Option<Money>,
    pub status: BacklogStatus,
    pub change_request: bool,
    pub stage: Option<StageRef>,
    pub version: i32,
    pub decision: Option<Decision>,
    pub previous: Option<PreviousEstimate>,
    pub comment_count: u32,
    pub updated_at: DateTime<Utc>,
}

/// Approved change requests of one month (by approval date), per currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthTotal {
    /// `YYYY-MM`
    pub month: String,
    pub total: Money,
    pub count: u32,
}

/// How many items of each section [`PortalBacklog`] carries; the rest come page by page from
/// `GET /api/portal/backlog/sections/{section}`.
pub const PORTAL_SECTION_SHOWN: u32 = 25;

/// The sections of the portal backlog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PortalSection {
    /// Proposed, by project and rank.
    Awaiting,
    /// Agreed, scheduled and in progress, by project and rank.
    Planned,
    /// Done, most recent first.
    Done,
    /// Declined, by project and rank.
    Declined,
}

impl PortalSection {
    pub fn as_str(self) -> &'static str {
        match self {
            PortalSection::Awaiting => "awaiting",
            PortalSection::Planned => "planned",
            PortalSection::Done => "done",
            PortalSection::Declined => "declined",
        }
    }

    /// The section an item of this status is shown in; ideas are never shown to the client.
    pub fn of(status: BacklogStatus) -> Option<PortalSection> {
        match status {
            BacklogStatus::Idea => None,
            BacklogStatus::Proposed => Some(PortalSection::Awaiting),
            BacklogStatus::Agreed | BacklogStatus::Scheduled | BacklogStatus::InProgress => {
                Some(PortalSection::Planned)
            }
            BacklogStatus::Done => Some(PortalSection::Done),
            BacklogStatus::Declined => Some(PortalSection::Declined),
        }
    }
}

/// The portal backlog, in the sections the client reads it in: each with its first
/// [`PORTAL_SECTION_SHOWN`] items and its total.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortalBacklog {
    /// Whether this contact may approve or decline (approver role).
    pub can_decide: bool,
    /// Proposed items, by project and rank.
    pub awaiting: Vec<PortalItem>,
    pub awaiting_total: u32,
    /// Agreed, scheduled and in progress.
    pub planned: Vec<PortalItem>,
    pub planned_total: u32,
    /// Done, most recent first.
    pub done: Vec<PortalItem>,
    pub done_total: u32,
    pub declined: Vec<PortalItem>,
    pub declined_total: u32,
    /// Newest month first.
    pub change_requests_by_month: Vec<MonthTotal>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortalItemDetail {
    pub can_decide: bool,
    pub item: PortalItem,
    /// Client-visible comments only, oldest first.
    pub comments: Vec<CommentView>,
}

/// An approver's decision. `version` is the one shown, so the approval freezes exactly what
/// the approver saw; a decline needs `comment` (the reason).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DecisionRequest {
    pub decision: DecisionKind,
    pub version: i32,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::OptionalMessage::optional_schema))]
    pub comment: Option<String>,
}

/// A client's comment or question on an item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortalComment {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Message::schema))]
    pub body: String,
}
