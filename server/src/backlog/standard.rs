//! The two-agreed-items standard (seed 001): every active project keeps at least two items
//! agreed with the client and not yet started.

use super::repo;
use crate::clients::access;
use crate::clients::view::{staff_names, staff_ref};
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::backlog::BelowStandard;
use accord_api::{ClientId, ProjectStatus};
use accord_entity::{backlog_items, clients, projects};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// Agreed items not yet started that an active project should keep.
pub const AGREED_ITEMS_STANDARD: u32 = 2;

pub fn below(status: ProjectStatus, agreed_not_started: u32) -> bool {
    status == ProjectStatus::Active && agreed_not_started < AGREED_ITEMS_STANDARD
}

/// Every active project (of clients the caller sees, not archived) below the standard.
pub async fn list(state: &AppState, staff: &Staff) -> ApiResult<Vec<BelowStandard>> {
    let tx = state.db.tenant_read(staff).await?;
    let visible = access::VisibleClients::of(&tx, staff).await?;
    let q = tx.find_in::<clients::Entity>(&visible).filter(clients::Column::ArchivedAt.is_null());
    let clients: HashMap<ClientId, clients::Model> = q.all().await?.into_iter().map(|c| (c.id, c)).collect();
    let projects = if clients.is_empty() {
        Vec::new()
    } else {
        tx.find_in::<projects::Entity>(&visible)
            .filter(projects::Column::Status.eq(ProjectStatus::Active))
            .filter(projects::Column::ClientId.is_in(clients.keys().copied()))
            .order_by_asc(projects::Column::Name)
            .all()
            .await?
    };
    let counts = repo::agreed_counts(
        tx.find_in::<backlog_items::Entity>(&visible),
        &projects.iter().map(|p| p.id).collect::<Vec<_>>(),
    )
    .await?;
    let managers = staff_names(&tx, clients.values().filter_map(|c| c.account_manager_id).collect::<Vec<_>>()).await?;
    tx.commit().await?;
    let mut out: Vec<BelowStandard> = projects
        .into_iter()
        .filter_map(|p| {
            let n = counts.get(&p.id).copied().unwrap_or(0);
            let c = clients.get(&p.client_id)?;
            below(p.status, n).then(|| BelowStandard {
                client_id: c.id,
                client_name: c.name.clone(),
                project_id: p.id,
                project_name: p.name,
                account_manager: staff_ref(c.account_manager_id, &managers),
                agreed_not_started: n,
            })
        })
        .collect();
    out.sort_by(|a, b| a.agreed_not_started.cmp(&b.agreed_not_started).then_with(|| a.client_name.cmp(&b.client_name)));
    Ok(out)
}
