//! The portal home: the contact's client and agency, their account manager, the projects with
//! what the agency shares of them (a budget only when shared), and what waits on the client:
//! items to decide and minutes to acknowledge (counts, so the home page stays small).

use crate::auth::me::client_ref;
use crate::clients::access;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::tenancy::PortalContact;
use accord_api::meetings::AckState;
use accord_api::portal::{ManagerCard, PortalHome, PortalProject};
use accord_api::Money;
use accord_entity::{agencies, meetings, projects, users};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};

/// Seven queries, whatever the number of projects.
pub async fn home(state: &AppState, contact: &PortalContact) -> ApiResult<PortalHome> {
    let tx = access::open_portal_read(state, contact).await?;
    let agency = tx.agency().find::<agencies::Entity>().one().await?.ok_or_else(ApiError::not_found)?;
    let client = tx.client().clone();
    let me = crate::clients::repo::contact(&tx, contact.contact()).await?.ok_or_else(ApiError::not_found)?;
    let account_manager = match client.account_manager_id {
        Some(id) => tx
            .agency()
            .find::<users::Entity>()
            .filter(users::Column::Id.eq(id))
            .one()
            .await?
            .map(|u| ManagerCard { name: u.name, email: u.email }),
        None => None,
    };
    let projects = tx.find::<projects::Entity>().order_by_asc(projects::Column::CreatedAt).all().await?;
    let awaiting = crate::backlog::portal::awaiting_count(&tx).await?;
    let unacknowledged = tx
        .find::<meetings::Entity>()
        .filter(meetings::Column::Revision.gt(0))
        .filter(meetings::Column::Ack.is_in([AckState::Awaiting, AckState::Disputed]))
        .count()
        .await?;
    let unread_reports = crate::reports::portal::unread_count(&tx, contact.contact()).await?;
    let open_surveys = crate::surveys::respond::open_for(&tx, contact).await?;
    tx.commit().await?;
    let count = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
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
        agency_name: agency.name,
        client: client_ref(&client),
        contact_name: me.name,
        portal_role: contact.portal_role(),
        account_manager,
        projects,
        awaiting_decision: count(awaiting),
        minutes_to_acknowledge: count(unacknowledged),
        unread_reports: count(unread_reports),
        open_surveys,
    })
}
