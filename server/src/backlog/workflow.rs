//! Moving items along the status machine, reordering them, and comments — the staff side of
//! an item's life after it was written.

use super::notify;
use super::service::next_rank;
use super::{repo, view};
use super::{rules, BacklogError};
use crate::clients::access::{self, Need};
use crate::db::ClientTx;
use crate::domain::Field;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::backlog::{BacklogItemView, CommentView, MoveItem, NewComment, StatusChange};
use accord_api::clients::FieldChange;
use accord_api::input;
use accord_api::{BacklogItemId, BacklogStatus, ClientId, CommentId, ItemEventKind, ProjectId, Side, UserId};
use accord_entity::{backlog_comments, backlog_items};
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter};
use std::collections::HashMap;

#[tracing::instrument(skip(state))]
pub async fn change_status(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    project: ProjectId,
    item: BacklogItemId,
    input: StatusChange,
) -> ApiResult<BacklogItemView> {
    // Opened for reading: readers learn nothing beyond what they may read; the move's own need
    // is checked below, once the item's status is known.
    let tx = access::open(state, staff, client, Need::Read).await?;
    repo::project(&tx, project).await?;
    let before = repo::item(&tx, project, item).await?;
    let from = before.status;
    access::require_on(&tx, staff, rules::staff_move(from, input.to)?)?;
    repo::check_version(&before, input.version)?;
    if matches!(input.to, BacklogStatus::Scheduled | BacklogStatus::InProgress)
        && !rules::change_request_cleared(&before)
    {
        return Err(BacklogError::ChangeRequestNotApproved.into());
    }
    let mut after = before.clone();
    after.status = input.to;
    after.done_at = (input.to == BacklogStatus::Done).then(|| tx.now());
    if input.to == BacklogStatus::Proposed && from == BacklogStatus::Declined {
        // Offered again: the old decline stays in the history, not on the item.
        after.decision_kind = None;
        after.decided_by = None;
        after.decided_at = None;
        after.decision_comment = None;
    }
    let changes = vec![FieldChange {
        field: "status".into(),
        old: Some(from.as_str().into()),
        new: Some(input.to.as_str().into()),
    }];
    let after = repo::save(&tx, &before, after).await?;
    repo::record(&tx, &after, ItemEventKind::StatusChanged, staff.user(), Side::Agency, changes).await?;
    if input.to == BacklogStatus::Proposed {
        notify::approvers(&tx, state, vec![after.title.clone()]).await?;
    }
    let l = view::lookups(&tx, std::slice::from_ref(&after), false).await?;
    tx.commit().await?;
    Ok(view::staff_view(&after, &l))
}

#[tracing::instrument(skip(state))]
pub async fn move_item(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    project: ProjectId,
    item: BacklogItemId,
    input: MoveItem,
) -> ApiResult<BacklogItemView> {
    let tx = access::open(state, staff, client, Need::Manage).await?;
    repo::project(&tx, project).await?;
    let before = repo::item(&tx, project, item).await?;
    repo::check_version(&before, input.version)?;
    let last = next_rank(&tx, project).await? - 1;
    let to = input.position.clamp(1, last.max(1));
    if to == before.rank {
        let l = view::lookups(&tx, std::slice::from_ref(&before), false).await?;
        tx.commit().await?;
        return Ok(view::staff_view(&before, &l));
    }
    // Shift the items between the old and the new place by one, in one statement.
    let (shift, low, high) = if to < before.rank { (1, to, before.rank - 1) } else { (-1, before.rank + 1, to) };
    tx.update_many::<backlog_items::Entity>()
        .col_expr(backlog_items::Column::Rank, Expr::col(backlog_items::Column::Rank).add(shift))
        .filter(backlog_items::Column::ProjectId.eq(project))
        .filter(backlog_items::Column::Rank.between(low, high))
        .exec()
        .await?;
    let mut after = before.clone();
    after.rank = to;
    let changes = repo::diff(&before, &after, &HashMap::new());
    let after = repo::save(&tx, &before, after).await?;
    repo::record(&tx, &after, ItemEventKind::Moved, staff.user(), Side::Agency, changes).await?;
    let l = view::lookups(&tx, std::slice::from_ref(&after), false).await?;
    tx.commit().await?;
    Ok(view::staff_view(&after, &l))
}

pub fn parse_comment(body: &str) -> ApiResult<String> {
    input::Message::parse(body).field("body")
}

pub async fn insert_comment(
    tx: &ClientTx,
    item: &backlog_items::Model,
    author: UserId,
    side: Side,
    internal: bool,
    body: String,
) -> ApiResult<backlog_comments::Model> {
    let row = backlog_comments::Model {
        id: CommentId::new(),
        agency_id: tx.agency_id(),
        client_id: item.client_id,
        item_id: item.id,
        author_id: author,
        side,
        internal,
        body,
        created_at: Utc::now(),
    };
    tx.insert(backlog_comments::ActiveModel::from(row.clone())).await?;
    Ok(row)
}

#[tracing::instrument(skip(state, input))]
pub async fn comment(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    project: ProjectId,
    item: BacklogItemId,
    input: NewComment,
) -> ApiResult<CommentView> {
    let body = parse_comment(&input.body)?;
    let tx = access::open(state, staff, client, Need::Log).await?;
    repo::project(&tx, project).await?;
    let row = repo::item(&tx, project, item).await?;
    let c = insert_comment(&tx, &row, staff.user(), Side::Agency, input.internal, body).await?;
    let names = crate::clients::view::staff_names(tx.agency(), [staff.user()]).await?;
    tx.commit().await?;
    Ok(view::comment_view(&c, &names))
}
