//! The two-agreed-items standard (seed 001): every active project keeps at least two items
//! agreed with the client and not yet started.

use super::repo;
use crate::clients::access;
use crate::clients::view::{staff_names, staff_ref};
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::backlog::BelowStandard;
use accord_api::{ClientId, ProjectId, ProjectStatus, UserId};
use accord_entity::{backlog_items, clients, projects};
use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;

/// Agreed items not yet started that an active project should keep.
pub const AGREED_ITEMS_STANDARD: u32 = 2;

pub fn below(status: ProjectStatus, agreed_not_started: u32) -> bool {
    status == ProjectStatus::Active && agreed_not_started < AGREED_ITEMS_STANDARD
}

/// A client as the list needs it.
type ClientRow = (ClientId, String, Option<UserId>);

/// Every active project (of clients the caller sees, not archived) below the standard. Four
/// narrow statements whatever the agency's size: the visible clients, their active projects,
/// the agreed-not-started counts of the agency's projects grouped in the database, and the
/// managers' names.
pub async fn list(state: &AppState, staff: &Staff) -> ApiResult<Vec<BelowStandard>> {
    let tx = state.db.tenant_read(staff).await?;
    let visible = access::VisibleClients::of(&tx, staff).await?;
    let clients: HashMap<ClientId, ClientRow> = tx
        .find_in::<clients::Entity>(&visible)
        .select_only()
        .column(clients::Column::Id)
        .column(clients::Column::Name)
        .column(clients::Column::AccountManagerId)
        .filter(clients::Column::ArchivedAt.is_null())
        .into_tuple::<ClientRow>()
        .all()
        .await?
        .into_iter()
        .map(|c| (c.0, c))
        .collect();
    if clients.is_empty() {
        tx.commit().await?;
        return Ok(Vec::new());
    }
    let projects: Vec<(ProjectId, ClientId, String)> = tx
        .find_in::<projects::Entity>(&visible)
        .select_only()
        .column(projects::Column::Id)
        .column(projects::Column::ClientId)
        .column(projects::Column::Name)
        .filter(projects::Column::Status.eq(ProjectStatus::Active))
        .into_tuple()
        .all()
        .await?;
    let projects: Vec<_> = projects.into_iter().filter(|p| clients.contains_key(&p.1)).collect();
    let counts = repo::agreed_counts_in(tx.find_in::<backlog_items::Entity>(&visible)).await?;
    let managers = staff_names(&tx, clients.values().filter_map(|c| c.2).collect::<Vec<_>>()).await?;
    tx.commit_agency_wide_read().await?;
    let mut out: Vec<BelowStandard> = projects
        .into_iter()
        .filter_map(|(project_id, client_id, project_name)| {
            let n = counts.get(&project_id).copied().unwrap_or(0);
            let (_, client_name, manager) = clients.get(&client_id)?;
            below(ProjectStatus::Active, n).then(|| BelowStandard {
                client_id,
                client_name: client_name.clone(),
                project_id,
                project_name,
                account_manager: staff_ref(*manager, &managers),
                agreed_not_started: n,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        a.agreed_not_started
            .cmp(&b.agreed_not_started)
            .then_with(|| a.client_name.cmp(&b.client_name))
            .then_with(|| a.project_name.cmp(&b.project_name))
            .then_with(|| a.project_id.cmp(&b.project_id))
    });
    Ok(out)
}
