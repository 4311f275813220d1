//! Mail about backlog decisions, written to the outbox in the change's own transaction.

use crate::db::{ClientTx, TenantTx};
use crate::error::ApiResult;
use crate::mail::{self, templates};
use crate::state::AppState;
use accord_api::{PortalRole, UserId, UserStatus};
use accord_entity::{agencies, backlog_items, contacts, users};
use sea_orm::{ColumnTrait, QueryFilter};

async fn agency_name(tx: &TenantTx) -> ApiResult<String> {
    Ok(tx.find::<agencies::Entity>().one().await?.map(|a| a.name).unwrap_or_default())
}

/// Tells the client's approvers (with an active portal account) that items await them.
pub async fn approvers(tx: &ClientTx, state: &AppState, titles: Vec<String>) -> ApiResult<()> {
    if titles.is_empty() {
        return Ok(());
    }
    let user_ids: Vec<UserId> = tx
        .find::<contacts::Entity>()
        .filter(contacts::Column::PortalRole.eq(PortalRole::Approver))
        .filter(contacts::Column::LeftAt.is_null())
        .all()
        .await?
        .into_iter()
        .filter_map(|c| c.user_id)
        .collect();
    if user_ids.is_empty() {
        return Ok(());
    }
    let people = tx
        .agency()
        .find::<users::Entity>()
        .filter(users::Column::Id.is_in(user_ids))
        .filter(users::Column::Status.eq(UserStatus::Active))
        .all()
        .await?;
    let agency = agency_name(tx.agency()).await?;
    let link = format!("{}/portal/backlog", state.settings.public_url);
    for u in people {
        let m = templates::items_await_decision((&u.email, &u.name), u.locale, &agency, &titles, &link);
        mail::enqueue(tx, Some(tx.agency_id()), m).await?;
    }
    Ok(())
}

/// Tells the account manager that the client decided.
pub async fn manager(
    tx: &ClientTx,
    state: &AppState,
    item: &backlog_items::Model,
    contact_name: &str,
    approved: bool,
) -> ApiResult<()> {
    let client = tx.client();
    let Some(manager) = client.account_manager_id else { return Ok(()) };
    let Some(u) = tx
        .agency()
        .find::<users::Entity>()
        .filter(users::Column::Id.eq(manager))
        .filter(users::Column::Status.eq(UserStatus::Active))
        .one()
        .await?
    else {
        return Ok(());
    };
    let link = format!(
        "{}/app/clients/{}/projects/{}/backlog/{}",
        state.settings.public_url, item.client_id, item.project_id, item.id
    );
    let m = templates::client_decided(
        (&u.email, &u.name),
        u.locale,
        templates::Decided {
            client: &client.name,
            contact: contact_name,
            title: &item.title,
            approved,
            reason: item.decision_comment.as_deref(),
        },
        &link,
    );
    mail::enqueue(tx, Some(tx.agency_id()), m).await
}
