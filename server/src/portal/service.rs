//! The portal home: the contact's client and agency, their account manager, the projects with
//! what the agency shares of them (a budget only when shared), and what waits on the client:
//! items to decide and minutes to acknowledge (counts, so the home page stays small).

use crate::clients::access;
use crate::db::{ClientView, Scoped, StatementCache};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::surveys::respond;
use crate::tenancy::PortalContact;
use accord_api::auth::ClientRef;
use accord_api::meetings::AckState;
use accord_api::portal::{ManagerCard, PortalHome, PortalProject};
use accord_api::{Money, ProjectId};
use accord_entity::{agencies, clients, contacts, meetings, projects, users};
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect, Select};

/// The page's statement, the same shape for every contact: kept after the first request
/// (`ClientView::rows_cached`). Building and rendering its query tree on every request halved
/// the page's throughput.
static HOME: StatementCache = StatementCache::new();

/// The home's query: the client row with every figure as a sub-select, its projects joined.
fn home_query<'a>(view: &'a ClientView, contact: &PortalContact) -> Scoped<'a, Select<clients::Entity>> {
    let manager = |col: users::Column| -> SimpleExpr {
        view.agency()
            .find::<users::Entity>()
            .select_only()
            .column(col)
            .filter(
                Expr::col((users::Entity, users::Column::Id))
                    .equals((clients::Entity, clients::Column::AccountManagerId)),
            )
            .sub_select()
    };
    let contact_name = view
        .find::<contacts::Entity>()
        .select_only()
        .column(contacts::Column::Name)
        .filter(contacts::Column::Id.eq(contact.contact()))
        .sub_select();
    let agency_name =
        view.agency().find::<agencies::Entity>().select_only().column(agencies::Column::Name).sub_select();
    let unacknowledged = view
        .find::<meetings::Entity>()
        .filter(meetings::Column::Revision.gt(0))
        .filter(meetings::Column::Ack.is_in([AckState::Awaiting, AckState::Disputed]))
        .count_sub_select();
    let base = access::own_client_row(view)
        .select_only()
        .column(clients::Column::Id)
        .column(clients::Column::Name)
        .column(clients::Column::Status)
        .expr_as(contact_name, "contact_name")
        .expr_as(agency_name, "agency_name")
        .expr_as(manager(users::Column::Name), "manager_name")
        .expr_as(manager(users::Column::Email), "manager_email")
        .expr_as(crate::backlog::portal::awaiting_count(view), "awaiting")
        .expr_as(unacknowledged, "unacknowledged")
        .expr_as(crate::reports::portal::unread_count(view, contact.contact()), "unread")
        .expr_as(respond::pending_count(view, contact), "pending_surveys");
    view.left_join_own::<projects::Entity, _>(base)
        .column_as(projects::Column::Id, "p_id")
        .column_as(projects::Column::Name, "p_name")
        .column_as(projects::Column::Kind, "p_kind")
        .column_as(projects::Column::Status, "p_status")
        .column_as(projects::Column::StartsOn, "p_starts_on")
        .column_as(projects::Column::EndsOn, "p_ends_on")
        .column_as(projects::Column::BudgetMinor, "p_budget_minor")
        .column_as(projects::Column::Currency, "p_currency")
        .column_as(projects::Column::BudgetShared, "p_budget_shared")
        .order_by_asc(projects::Column::CreatedAt)
        .order_by_asc(projects::Column::Id)
}

/// One statement on SQLite (two more, BEGIN and COMMIT, on PostgreSQL), whatever the number of
/// projects: the contact's client with every figure of the page as sub-selects (contact, agency,
/// account manager, the counts) and its projects joined, a row per project; the open surveys
/// follow in a read of their own only when some invitation is pending.
pub async fn home(state: &AppState, contact: &PortalContact) -> ApiResult<PortalHome> {
    let view = access::open_portal_single(state, contact).await?;
    // Besides the scope and "now": the contact (their name, their unread reports and surveys).
    let rows = view.rows_cached(&HOME, &[contact.contact().into()], |v| home_query(v, contact)).await?;
    view.finish().await?;
    let first = rows.first().ok_or_else(ApiError::not_found)?;
    let client = ClientRef {
        id: first.try_get("", "id")?,
        name: first.try_get("", "name")?,
        status: first.try_get("", "status")?,
    };
    let contact_name: Option<String> = first.try_get("", "contact_name")?;
    let agency_name: Option<String> = first.try_get("", "agency_name")?;
    let manager_name: Option<String> = first.try_get("", "manager_name")?;
    let manager_email: Option<String> = first.try_get("", "manager_email")?;
    let figure = |name: &str| -> ApiResult<i64> { Ok(first.try_get::<Option<i64>>("", name)?.unwrap_or_default()) };
    let (awaiting, unacknowledged, unread_reports, surveys) =
        (figure("awaiting")?, figure("unacknowledged")?, figure("unread")?, figure("pending_surveys")?);
    let account_manager = match (manager_name, manager_email) {
        (Some(name), Some(email)) => Some(ManagerCard { name, email }),
        _ => None,
    };
    let mut projects = Vec::new();
    for row in &rows {
        let Some(id) = row.try_get::<Option<ProjectId>>("", "p_id")? else { continue };
        let shared: bool = row.try_get("", "p_budget_shared")?;
        let amount: Option<i64> = row.try_get("", "p_budget_minor")?;
        projects.push(PortalProject {
            id,
            name: row.try_get("", "p_name")?,
            kind: row.try_get("", "p_kind")?,
            status: row.try_get("", "p_status")?,
            starts_on: row.try_get("", "p_starts_on")?,
            ends_on: row.try_get("", "p_ends_on")?,
            // Internal unless the agency chose to share it.
            budget: match (shared, amount) {
                (true, Some(amount_minor)) => Some(Money { amount_minor, currency: row.try_get("", "p_currency")? }),
                _ => None,
            },
        });
    }
    let open_surveys = if surveys > 0 {
        let tx = access::open_portal_read(state, contact).await?;
        let open = respond::open_for(&tx, contact).await?;
        tx.commit().await?;
        open
    } else {
        Vec::new()
    };
    let count = |n: i64| u32::try_from(n).unwrap_or(if n < 0 { 0 } else { u32::MAX });
    Ok(PortalHome {
        agency_name: agency_name.ok_or_else(ApiError::not_found)?,
        client,
        contact_name: contact_name.ok_or_else(ApiError::not_found)?,
        portal_role: contact.portal_role(),
        account_manager,
        projects,
        awaiting_decision: count(awaiting),
        minutes_to_acknowledge: count(unacknowledged),
        unread_reports: count(unread_reports),
        open_surveys,
    })
}
