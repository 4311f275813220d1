//! The two-agreed-items standard (seed 001): every active project keeps at least two items
//! agreed with the client and not yet started.

use crate::clients::access;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::backlog::BelowStandard;
use accord_api::StaffRef;
use accord_api::{ClientId, ProjectId, ProjectStatus, UserId};
use accord_entity::{clients, projects, users};
use sea_orm::sea_query::{Alias, Expr};
use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};

/// Agreed items not yet started that an active project should keep.
pub const AGREED_ITEMS_STANDARD: u32 = 2;

pub fn below(status: ProjectStatus, agreed_not_started: u32) -> bool {
    status == ProjectStatus::Active && agreed_not_started < AGREED_ITEMS_STANDARD
}

/// A project below the standard as the statement returns it: the project, its client's name
/// and account manager, and its agreed-not-started count.
type Row = (ProjectId, ClientId, String, Option<String>, Option<UserId>, Option<String>, i32);

/// The project's agreed-not-started count, kept by the database (`projects.agreed_waiting`,
/// migration 000028: triggers on `backlog_tallies`). Not a field of the `projects` entity, so
/// no application write can set it.
pub fn agreed_waiting() -> Expr {
    Expr::col((projects::Entity, Alias::new("agreed_waiting")))
}

/// Every active project (of clients the caller sees, not archived) below the standard, in one
/// statement that reads only those projects, however many the agency has: the count is kept on
/// the project, and `ix_projects_waiting` (active projects by agency and count, a partial index)
/// holds the ones below the line in one index range; the client's name, its manager and
/// the manager's name are sub-selects of the rows that pass. At full size (the largest agency:
/// 4,215 clients, 5,620 active projects) summing every active project's tallies took ~22 ms of
/// the core a request; reading the few below the line takes well under one.
pub async fn list(state: &AppState, staff: &Staff) -> ApiResult<Vec<BelowStandard>> {
    let tx = state.db.tenant_read(staff).await?;
    let visible = access::VisibleClients::of(&tx, staff).await?;
    let of_project = |c: projects::Column| Expr::col((projects::Entity, c));
    let of_client = || {
        tx.find_in::<clients::Entity>(&visible)
            .filter(Expr::col((clients::Entity, clients::Column::Id)).eq(of_project(projects::Column::ClientId)))
    };
    let manager = || of_client().select_only().column(clients::Column::AccountManagerId).sub_select();
    // Whether the project's client is current, asked of the client row of each project that
    // passes (a correlated EXISTS): as `client_id IN (current clients)` SQLite built the list of
    // all the agency's current clients first (4,215 at full size, ~2 ms) to keep six projects.
    let current =
        of_client().select_only().column(clients::Column::Id).filter(clients::Column::ArchivedAt.is_null()).exists();
    let rows: Vec<Row> = tx
        .find_in::<projects::Entity>(&visible)
        .select_only()
        .column(projects::Column::Id)
        .column(projects::Column::ClientId)
        .column(projects::Column::Name)
        .expr_as(of_client().select_only().column(clients::Column::Name).sub_select(), "client_name")
        .expr_as(manager(), "manager")
        .expr_as(
            tx.find::<users::Entity>()
                .select_only()
                .column(users::Column::Name)
                .filter(Expr::col((users::Entity, users::Column::Id)).eq(manager()))
                .sub_select(),
            "manager_name",
        )
        .expr_as(agreed_waiting(), "agreed")
        // The status as a literal (spelled by the enum, never input), so the partial index
        // `ix_projects_waiting` (active projects) can be used.
        .filter(
            Expr::col((projects::Entity, projects::Column::Status))
                .eq(Expr::cust(format!("'{}'", ProjectStatus::Active.as_str()))),
        )
        .filter(agreed_waiting().lt(i64::from(AGREED_ITEMS_STANDARD)))
        .filter(current)
        .into_tuple::<Row>()
        .all()
        .await?;
    tx.commit().await?;
    let mut out: Vec<BelowStandard> = rows
        .into_iter()
        .map(|(project_id, client_id, project_name, client_name, manager, manager_name, n)| BelowStandard {
            client_id,
            client_name: client_name.unwrap_or_default(),
            project_id,
            project_name,
            account_manager: manager.map(|id| StaffRef { id, name: manager_name.unwrap_or_default() }),
            agreed_not_started: u32::try_from(n).unwrap_or_default(),
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
