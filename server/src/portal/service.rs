//! The portal home: the contact's client and agency, their account manager, the projects with
//! what the agency shares of them (a budget only when shared), and what waits on the client:
//! items to decide and minutes to acknowledge (counts, so the home page stays small).

use crate::auth::me::client_ref;
use crate::clients::access;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::surveys::respond;
use crate::tenancy::PortalContact;
use accord_api::meetings::AckState;
use accord_api::portal::{ManagerCard, PortalHome, PortalProject};
use accord_api::Money;
use accord_entity::{agencies, contacts, meetings, projects, users};
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect, Value};

/// Three queries after the client itself, whatever the number of projects: the contact's row
/// with every figure of the page as sub-selects (agency, account manager, the counts), the
/// projects, and the open surveys only when some invitation is pending (three more then).
pub async fn home(state: &AppState, contact: &PortalContact) -> ApiResult<PortalHome> {
    let tx = access::open_portal_read(state, contact).await?;
    let client = tx.client().clone();
    let manager = |col: users::Column| -> SimpleExpr {
        match client.account_manager_id {
            Some(id) => tx
                .agency()
                .find::<users::Entity>()
                .select_only()
                .column(col)
                .filter(users::Column::Id.eq(id))
                .sub_select(),
            None => Expr::value(Value::String(None)),
        }
    };
    let agency_name = tx.agency().find::<agencies::Entity>().select_only().column(agencies::Column::Name).sub_select();
    let unacknowledged = tx
        .find::<meetings::Entity>()
        .filter(meetings::Column::Revision.gt(0))
        .filter(meetings::Column::Ack.is_in([AckState::Awaiting, AckState::Disputed]))
        .count_sub_select();
    type Header = (String, Option<String>, Option<String>, Option<String>, i64, i64, i64, i64);
    let header: Option<Header> = tx
        .find::<contacts::Entity>()
        .select_only()
        .column(contacts::Column::Name)
        .expr_as(agency_name, "agency_name")
        .expr_as(manager(users::Column::Name), "manager_name")
        .expr_as(manager(users::Column::Email), "manager_email")
        .expr_as(crate::backlog::portal::awaiting_count(&tx), "awaiting")
        .expr_as(unacknowledged, "unacknowledged")
        .expr_as(crate::reports::portal::unread_count(&tx, contact.contact()), "unread")
        .expr_as(respond::pending_count(&tx, contact), "pending_surveys")
        .filter(contacts::Column::Id.eq(contact.contact()))
        .into_tuple()
        .one()
        .await?;
    let (contact_name, agency_name, manager_name, manager_email, awaiting, unacknowledged, unread_reports, surveys) =
        header.ok_or_else(ApiError::not_found)?;
    let account_manager = match (manager_name, manager_email) {
        (Some(name), Some(email)) => Some(ManagerCard { name, email }),
        _ => None,
    };
    let projects = tx.find::<projects::Entity>().order_by_asc(projects::Column::CreatedAt).all().await?;
    let open_surveys = if surveys > 0 { respond::open_for(&tx, contact).await? } else { Vec::new() };
    tx.commit().await?;
    let count = |n: i64| u32::try_from(n).unwrap_or(if n < 0 { 0 } else { u32::MAX });
    let projects = projects
        .into_iter()
        .map(|p| PortalProject {
            id: p.id,
            kind: p.kind,
            status: p.status,
            starts_on: p.starts_on,
            ends_on: p.ends_on,
            // Internal unless the agency chose to share it.
            budget: match (p.budget_shared, p.budget_minor) {
                (true, Some(amount_minor)) => Some(Money { amount_minor, currency: p.currency.clone() }),
                _ => None,
            },
            name: p.name,
        })
        .collect();
    Ok(PortalHome {
        agency_name: agency_name.ok_or_else(ApiError::not_found)?,
        client: client_ref(&client),
        contact_name,
        portal_role: contact.portal_role(),
        account_manager,
        projects,
        awaiting_decision: count(awaiting),
        minutes_to_acknowledge: count(unacknowledged),
        unread_reports: count(unread_reports),
        open_surveys,
    })
}
