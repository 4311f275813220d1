//! Moving a project's backlog in and out as CSV: the export of its items, and an import that
//! writes every row or none, in one transaction, with history and the approvers' mail.

use super::csv::{self, COLUMNS};
use super::{notify, repo, service, BacklogError};
use crate::clients::access::{self, Need};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::backlog::ImportResult;
use accord_api::clients::FieldChange;
use accord_api::{BacklogStatus, ClientId, ItemEventKind, ProjectId, Side};
use accord_entity::{backlog_events, backlog_items};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};

/// The header and one row per item, in rank order.
pub async fn export(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    project: ProjectId,
) -> ApiResult<Vec<Vec<String>>> {
    let tx = access::open_read(state, staff, client).await?;
    repo::project(&tx, project).await?;
    let rows = tx
        .find::<backlog_items::Entity>()
        .filter(backlog_items::Column::ProjectId.eq(project))
        .order_by_asc(backlog_items::Column::Rank)
        .all()
        .await?;
    tx.commit().await?;
    let mut out = vec![COLUMNS.iter().map(|c| c.to_string()).collect::<Vec<_>>()];
    out.extend(rows.into_iter().map(csv::row));
    Ok(out)
}

/// Imports items at the end of the backlog: every row valid, or nothing written (422
/// `import_rejected` with each bad row).
#[tracing::instrument(skip(state, text))]
pub async fn import(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    project: ProjectId,
    text: &str,
) -> ApiResult<ImportResult> {
    let tx = access::open(state, staff, client, Need::Manage).await?;
    let p = repo::project(&tx, project).await?;
    let rows = csv::parse_file(text).map_err(BacklogError::ImportRejected)?;
    let mut rank = service::next_rank(&tx, project).await?;
    let now = tx.now();
    let mut proposed = Vec::new();
    let mut items = Vec::with_capacity(rows.len());
    let mut events = Vec::with_capacity(rows.len());
    for r in rows {
        let item = service::new_row(&p, r.fields, None, rank, r.status, staff.user());
        rank += 1;
        if r.status == BacklogStatus::Proposed {
            proposed.push(item.title.clone());
        }
        events.push(backlog_events::ActiveModel::from(backlog_events::Model {
            id: uuid::Uuid::new_v4(),
            agency_id: tx.agency_id(),
            client_id: item.client_id,
            item_id: item.id,
            kind: ItemEventKind::Imported,
            actor_id: Some(staff.user()),
            side: Side::Agency,
            changes: serde_json::to_string(&[FieldChange {
                field: "status".into(),
                old: None,
                new: Some(r.status.as_str().into()),
            }])
            .map_err(ApiError::internal)?,
            at: now,
        }));
        items.push(backlog_items::ActiveModel::from(item));
    }
    let imported = items.len() as u32;
    // Batches keep each statement under SQLite's bound-parameter limit.
    for chunk in items.chunks(500) {
        tx.insert_many(chunk.to_vec()).await?;
    }
    for chunk in events.chunks(500) {
        tx.insert_many(chunk.to_vec()).await?;
    }
    notify::approvers(&tx, state, proposed).await?;
    tx.commit().await?;
    Ok(ImportResult { imported })
}
