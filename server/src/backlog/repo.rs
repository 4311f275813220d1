//! Loading backlog rows inside a tenant transaction and turning them into wire shapes, with
//! every lookup done in bulk (a page of items costs the same few queries as one item).

use super::{rules, BacklogError};
use crate::clients::view::staff_names;
use crate::db::{ClientTx, ClientView, Scoped};
use crate::error::{ApiError, ApiResult};
use crate::rich;
use accord_api::backlog::{CommentView, ItemEvent};
use accord_api::clients::FieldChange;
use accord_api::{
    BacklogItemId, BacklogSource, BacklogStatus, ItemEventKind, Priority, ProjectId, Side, StageId, UserId,
};
use accord_entity::{backlog_comments, backlog_events, backlog_items, backlog_tallies, projects, roadmap_stages};
use chrono::Utc;
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect, Select};
use std::collections::HashMap;

/// A new item at `rank` of `project` with every optional field empty: an internal idea of
/// normal priority unless the caller sets more.
pub fn new_item(
    project: &projects::Model,
    title: &str,
    status: BacklogStatus,
    rank: i64,
    author: Option<UserId>,
) -> backlog_items::Model {
    let now = Utc::now();
    backlog_items::Model {
        id: BacklogItemId::new(),
        agency_id: project.agency_id,
        client_id: project.client_id,
        project_id: project.id,
        title: title.to_string(),
        title_search: crate::domain::search_key(title),
        description: String::new(),
        description_html: String::new(),
        // Not rendered: whoever sets a description without `set_description` still gets HTML.
        html_version: 0,
        benefit: String::new(),
        estimate_minutes: None,
        price_minor: None,
        currency: project.currency.clone(),
        rank,
        priority: Priority::Normal,
        source: BacklogSource::AgencyIdea,
        status,
        change_request: false,
        stage_id: None,
        version: 1,
        decision_kind: None,
        decided_by: None,
        decided_at: None,
        decision_comment: None,
        frozen_estimate_minutes: None,
        frozen_price_minor: None,
        has_previous: false,
        previous_estimate_minutes: None,
        previous_price_minor: None,
        done_at: (status == BacklogStatus::Done).then_some(now),
        created_by: author,
        created_at: now,
        updated_at: now,
    }
}

/// Sets the Markdown description and its sanitized HTML (rendered once, here, on write).
pub fn set_description(item: &mut backlog_items::Model, markdown: String) {
    item.description_html = rich::render(&markdown);
    item.html_version = rich::VERSION;
    item.description = markdown;
}

/// A project of the transaction's client, or 404.
pub async fn project(tx: &ClientTx, project: ProjectId) -> ApiResult<projects::Model> {
    let found = tx.find::<projects::Entity>().filter(projects::Column::Id.eq(project)).one().await?;
    Ok(found.ok_or(BacklogError::NotFound)?)
}

pub async fn item(tx: &ClientTx, project: ProjectId, item: BacklogItemId) -> ApiResult<backlog_items::Model> {
    let found = tx
        .find::<backlog_items::Entity>()
        .filter(backlog_items::Column::Id.eq(item))
        .filter(backlog_items::Column::ProjectId.eq(project))
        .one()
        .await?;
    Ok(found.ok_or(BacklogError::NotFound)?)
}

/// How many items `project` holds (in `status`, when given), from the tallies the database
/// keeps (migration 000019), as a scalar sub-select of another statement: a few rows summed,
/// however large the project (NULL when it has none).
pub fn project_total(v: &ClientView, project: ProjectId, status: Option<BacklogStatus>) -> SimpleExpr {
    let mut q = v.find::<backlog_tallies::Entity>().filter(backlog_tallies::Column::ProjectId.eq(project));
    if let Some(s) = status {
        q = q.filter(backlog_tallies::Column::Status.eq(s));
    }
    q.select_only().column_as(Expr::col(backlog_tallies::Column::N).sum(), "n").sub_select()
}

/// A stage of this client, or [`BacklogError::UnknownStage`].
pub async fn stage(tx: &ClientTx, stage: Option<StageId>) -> ApiResult<Option<roadmap_stages::Model>> {
    let Some(stage) = stage else { return Ok(None) };
    let found = tx.find::<roadmap_stages::Entity>().filter(roadmap_stages::Column::Id.eq(stage)).one().await?;
    Ok(Some(found.ok_or(BacklogError::UnknownStage)?))
}

/// An item's comments, oldest first; `client_visible_only` leaves internal ones out.
pub async fn comments(tx: &ClientTx, item: BacklogItemId, client_visible_only: bool) -> ApiResult<Vec<CommentView>> {
    let mut q = tx.find::<backlog_comments::Entity>().filter(backlog_comments::Column::ItemId.eq(item));
    if client_visible_only {
        q = q.filter(backlog_comments::Column::Internal.eq(false));
    }
    let rows = q.order_by_asc(backlog_comments::Column::CreatedAt).all().await?;
    let names = staff_names(tx.agency(), rows.iter().map(|c| c.author_id).collect::<Vec<_>>()).await?;
    Ok(rows.iter().map(|c| super::view::comment_view(c, &names)).collect())
}

/// An item's history, newest first.
pub async fn history(tx: &ClientTx, item: BacklogItemId) -> ApiResult<Vec<ItemEvent>> {
    let rows = tx
        .find::<backlog_events::Entity>()
        .filter(backlog_events::Column::ItemId.eq(item))
        .order_by_desc(backlog_events::Column::At)
        .all()
        .await?;
    let names = staff_names(tx.agency(), rows.iter().filter_map(|e| e.actor_id).collect::<Vec<_>>()).await?;
    rows.iter()
        .map(|e| {
            Ok(ItemEvent {
                kind: e.kind,
                actor: e.actor_id.and_then(|a| names.get(&a).cloned()).unwrap_or_default(),
                side: e.side,
                changes: serde_json::from_str(&e.changes).map_err(ApiError::internal)?,
                at: e.at,
            })
        })
        .collect()
}

/// Appends to an item's history.
pub async fn record(
    tx: &ClientTx,
    item: &backlog_items::Model,
    kind: ItemEventKind,
    actor: UserId,
    side: Side,
    changes: Vec<FieldChange>,
) -> ApiResult<()> {
    let row = backlog_events::Model {
        id: uuid::Uuid::new_v4(),
        agency_id: tx.agency_id(),
        client_id: item.client_id,
        item_id: item.id,
        kind,
        actor_id: Some(actor),
        side,
        changes: serde_json::to_string(&changes).map_err(ApiError::internal)?,
        at: Utc::now(),
    };
    tx.insert(backlog_events::ActiveModel::from(row)).await?;
    Ok(())
}

/// Saves `after` over `before` only if nobody saved the item meanwhile; bumps the version.
pub async fn save(
    tx: &ClientTx,
    before: &backlog_items::Model,
    mut after: backlog_items::Model,
) -> ApiResult<backlog_items::Model> {
    after.version = before.version + 1;
    after.updated_at = Utc::now();
    // An older renderer's HTML is made again; a newer one's (a later release beside this one)
    // is left as it is.
    if after.description != before.description || after.html_version < rich::VERSION {
        let markdown = std::mem::take(&mut after.description);
        set_description(&mut after, markdown);
    }
    let result = tx
        .update_many::<backlog_items::Entity>()
        .set(sea_orm::ActiveModelTrait::reset_all(backlog_items::ActiveModel::from(after.clone())))
        .filter(backlog_items::Column::Id.eq(before.id))
        .filter(backlog_items::Column::Version.eq(before.version))
        .exec()
        .await?;
    if result.rows_affected == 0 {
        return Err(BacklogError::VersionConflict.into());
    }
    Ok(after)
}

/// The caller saw this version of the item, or someone saved it since.
pub fn check_version(item: &backlog_items::Model, version: i32) -> Result<(), BacklogError> {
    if item.version == version {
        Ok(())
    } else {
        Err(BacklogError::VersionConflict)
    }
}

/// Agreed-and-not-started counts of the given projects, in one grouped query. `items` is where
/// to look: one client's items (`ClientTx::find`) or the visible clients' (`TenantTx::find_in`).
pub async fn agreed_counts(
    tallies: Scoped<'_, Select<backlog_tallies::Entity>>,
    projects: &[ProjectId],
) -> ApiResult<HashMap<ProjectId, u32>> {
    if projects.is_empty() {
        return Ok(HashMap::new());
    }
    agreed_counts_in(tallies.filter(backlog_tallies::Column::ProjectId.is_in(projects.iter().copied()))).await
}

/// Agreed-and-not-started counts of every project `tallies` reaches (the visible clients'
/// projects across the agency), summed from the tallies the database keeps (a row per project
/// and status, `ix_backlog_tallies_agency`) rather than counted item by item; projects with
/// none are absent.
pub async fn agreed_counts_in(
    tallies: Scoped<'_, Select<backlog_tallies::Entity>>,
) -> ApiResult<HashMap<ProjectId, u32>> {
    let waiting = BacklogStatus::ALL.iter().copied().filter(|s| s.is_agreed_not_started());
    Ok(tallies
        .select_only()
        .column(backlog_tallies::Column::ProjectId)
        .column_as(Expr::col(backlog_tallies::Column::N).sum(), "n")
        .filter(backlog_tallies::Column::Status.is_in(waiting))
        .group_by(backlog_tallies::Column::ProjectId)
        .into_tuple::<(ProjectId, Option<i64>)>()
        .all()
        .await?
        .into_iter()
        .filter_map(|(id, n)| {
            let n = u32::try_from(n.unwrap_or_default()).unwrap_or(u32::MAX);
            (n > 0).then_some((id, n))
        })
        .collect())
}

/// Field-level differences for the history.
pub fn diff(
    before: &backlog_items::Model,
    after: &backlog_items::Model,
    stage_titles: &HashMap<StageId, String>,
) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let mut push = |field: &str, old: Option<String>, new: Option<String>| {
        if old != new {
            out.push(FieldChange { field: field.into(), old, new });
        }
    };
    push("title", Some(before.title.clone()), Some(after.title.clone()));
    push(
        "description",
        Some(before.description.clone()).filter(|s| !s.is_empty()),
        Some(after.description.clone()).filter(|s| !s.is_empty()),
    );
    push(
        "benefit",
        Some(before.benefit.clone()).filter(|s| !s.is_empty()),
        Some(after.benefit.clone()).filter(|s| !s.is_empty()),
    );
    push("estimate", rules::hours(before.estimate_minutes), rules::hours(after.estimate_minutes));
    push("price", rules::price(before.price_minor, &before.currency), rules::price(after.price_minor, &after.currency));
    push("priority", Some(before.priority.to_string()), Some(after.priority.to_string()));
    push("source", Some(before.source.to_string()), Some(after.source.to_string()));
    push("change_request", Some(before.change_request.to_string()), Some(after.change_request.to_string()));
    let stage = |id: Option<StageId>| id.map(|id| stage_titles.get(&id).cloned().unwrap_or_else(|| id.to_string()));
    push("stage", stage(before.stage_id), stage(after.stage_id));
    push("status", Some(before.status.to_string()), Some(after.status.to_string()));
    push("rank", Some(before.rank.to_string()), Some(after.rank.to_string()));
    out
}
