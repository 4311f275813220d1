//! The two-agreed-items standard (seed 001): every active project keeps at least two items
//! agreed with the client and not yet started.

use crate::clients::access;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::backlog::BelowStandard;
use accord_api::StaffRef;
use accord_api::{BacklogStatus, ClientId, ProjectId, ProjectStatus, UserId};
use accord_entity::{backlog_tallies, clients, projects, users};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};

/// Agreed items not yet started that an active project should keep.
pub const AGREED_ITEMS_STANDARD: u32 = 2;

pub fn below(status: ProjectStatus, agreed_not_started: u32) -> bool {
    status == ProjectStatus::Active && agreed_not_started < AGREED_ITEMS_STANDARD
}

/// A project below the standard as the statement returns it: the project, its client's name
/// and account manager, and its agreed-not-started count.
type Row = (ProjectId, ClientId, String, Option<String>, Option<UserId>, Option<String>, Option<i64>);

/// Every active project (of clients the caller sees, not archived) below the standard, in one
/// statement that returns only those projects, however many the agency has: each active
/// project's agreed-not-started count is summed from its tallies (a row per status, kept by the
/// database) in the `WHERE`, and the client's name, its manager and the manager's name are
/// sub-selects of the rows that pass. At full size (the largest agency: 4,215 clients, 5,620
/// active projects) the three lists it replaced crossed about 15,000 rows from SQLite per view.
pub async fn list(state: &AppState, staff: &Staff) -> ApiResult<Vec<BelowStandard>> {
    let tx = state.db.tenant_read(staff).await?;
    let visible = access::VisibleClients::of(&tx, staff).await?;
    let of_project = |c: projects::Column| Expr::col((projects::Entity, c));
    let of_client = || {
        tx.find_in::<clients::Entity>(&visible)
            .filter(Expr::col((clients::Entity, clients::Column::Id)).eq(of_project(projects::Column::ClientId)))
    };
    let manager = || of_client().select_only().column(clients::Column::AccountManagerId).sub_select();
    let agreed = || {
        let waiting = BacklogStatus::ALL.iter().copied().filter(|s| s.is_agreed_not_started());
        tx.find_in::<backlog_tallies::Entity>(&visible)
            .select_only()
            .column_as(Expr::col((backlog_tallies::Entity, backlog_tallies::Column::N)).sum(), "n")
            .filter(
                Expr::col((backlog_tallies::Entity, backlog_tallies::Column::ProjectId))
                    .eq(of_project(projects::Column::Id)),
            )
            .filter(backlog_tallies::Column::Status.is_in(waiting))
            .sub_select()
    };
    let current = tx
        .find_in::<clients::Entity>(&visible)
        .select_only()
        .column(clients::Column::Id)
        .filter(clients::Column::ArchivedAt.is_null())
        .in_list();
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
        .expr_as(agreed(), "agreed")
        .filter(projects::Column::Status.eq(ProjectStatus::Active))
        .filter(projects::Column::ClientId.in_subquery(current))
        .filter(Expr::expr(Func::coalesce([agreed(), Expr::val(0).into()])).lt(i64::from(AGREED_ITEMS_STANDARD)))
        .into_tuple::<Row>()
        .all()
        .await?;
    tx.commit_agency_wide_read().await?;
    let mut out: Vec<BelowStandard> = rows
        .into_iter()
        .map(|(project_id, client_id, project_name, client_name, manager, manager_name, n)| BelowStandard {
            client_id,
            client_name: client_name.unwrap_or_default(),
            project_id,
            project_name,
            account_manager: manager.map(|id| StaffRef { id, name: manager_name.unwrap_or_default() }),
            agreed_not_started: u32::try_from(n.unwrap_or_default()).unwrap_or(u32::MAX),
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
