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

/// The model from a row whose first columns are the entity's, in declaration order (what
/// `Entity::find()` selects; a query may add its own columns after them). Reads each column by
/// position: the derived `FromQueryResult` looks every column up by name, formatting the name
/// into a new string for each column of each row and a `NULL` column's name into an error it
/// then drops. On the portal backlog (40 items of 33 columns) decoding fell from 21 % to 13 % of
/// the server's time; what is left is the values themselves (text copied, dates parsed).
/// Field expressions are evaluated in the order written, so the fields below must stay in the
/// struct's order: the integration test `backlog::items_read_by_position_are_the_items_read_by_name`
/// checks it on both databases.
pub fn from_row(row: &QueryResult) -> Result<Model, DbErr> {
    let mut column = 0usize;
    let mut next = || {
        column += 1;
        column - 1
    };
    Ok(Model {
        id: row.try_get_by_index(next())?,
        agency_id: row.try_get_by_index(next())?,
        client_id: row.try_get_by_index(next())?,
        project_id: row.try_get_by_index(next())?,
        title: row.try_get_by_index(next())?,
        title_search: row.try_get_by_index(next())?,
        description: row.try_get_by_index(next())?,
        description_html: row.try_get_by_index(next())?,
        html_version: row.try_get_by_index(next())?,
        benefit: row.try_get_by_index(next())?,
        estimate_minutes: row.try_get_by_index(next())?,
        price_minor: row.try_get_by_index(next())?,
        currency: row.try_get_by_index(next())?,
        rank: row.try_get_by_index(next())?,
        priority: row.try_get_by_index(next())?,
        source: row.try_get_by_index(next())?,
        status: row.try_get_by_index(next())?,
        change_request: row.try_get_by_index(next())?,
        stage_id: row.try_get_by_index(next())?,
        version: row.try_get_by_index(next())?,
        decision_kind: row.try_get_by_index(next())?,
        decided_by: row.try_get_by_index(next())?,
        decided_at: row.try_get_by_index(next())?,
        decision_comment: row.try_get_by_index(next())?,
        frozen_estimate_minutes: row.try_get_by_index(next())?,
        frozen_price_minor: row.try_get_by_index(next())?,
        has_previous: row.try_get_by_index(next())?,
        previous_estimate_minutes: row.try_get_by_index(next())?,
        previous_price_minor: row.try_get_by_index(next())?,
        done_at: row.try_get_by_index(next())?,
        created_by: row.try_get_by_index(next())?,
        created_at: row.try_get_by_index(next())?,
        updated_at: row.try_get_by_index(next())?,
    })
}
