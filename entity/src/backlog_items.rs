//! `backlog_items`: a project's backlog. The decision columns hold the client's latest answer;
//! `frozen_*` are the estimate and price the approver saw; `previous_*` the approved values
//! before the agency changed them (shown to the client as "was X, now Y").

use accord_api::{
    AgencyId, BacklogItemId, BacklogSource, BacklogStatus, ClientId, ContactId, DecisionKind, Priority, ProjectId,
    StageId, UserId,
};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "backlog_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: BacklogItemId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub project_id: ProjectId,
    pub title: String,
    /// The title case-folded in Rust, so search is Unicode-aware on SQLite too.
    pub title_search: String,
    pub description: String,
    /// Sanitized HTML of the description, rendered on write by renderer `html_version`
    /// (0: not rendered yet; readers render it then).
    pub description_html: String,
    pub html_version: i32,
    pub benefit: String,
    pub estimate_minutes: Option<i64>,
    pub price_minor: Option<i64>,
    pub currency: String,
    pub rank: i64,
    pub priority: Priority,
    pub source: BacklogSource,
    pub status: BacklogStatus,
    pub change_request: bool,
    pub stage_id: Option<StageId>,
    pub version: i32,
    pub decision_kind: Option<DecisionKind>,
    /// The contact who decided.
    pub decided_by: Option<ContactId>,
    pub decided_at: Option<DateTimeUtc>,
    pub decision_comment: Option<String>,
    pub frozen_estimate_minutes: Option<i64>,
    pub frozen_price_minor: Option<i64>,
    pub has_previous: bool,
    pub previous_estimate_minutes: Option<i64>,
    pub previous_price_minor: Option<i64>,
    /// When it became done (the last move to done).
    pub done_at: Option<DateTimeUtc>,
    pub created_by: Option<UserId>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
