//! Following an invitation link: preview it, then accept it with a password. The token is the
//! credential here, so lookups go through the platform escape hatch by token hash.

use super::repo::state_of;
use super::InvitationError;
use crate::audit::{Action, Entry};
use crate::auth::password::NewPassword;
use crate::auth::session::{self, hash_token, ClientInfo, NewSession};
use crate::db::PlatformTx;
use crate::error::ApiResult;
use crate::state::AppState;
use accord_api::invitations::{InvitationKind, InvitationPreview, InvitationState};
use accord_api::{AgencyStatus, ContactId, PrincipalKind, UserId, UserStatus};
use accord_entity::{agencies, clients, contacts, invitations, users};
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

/// Refuses links that are no longer usable, each with its own code the page can explain.
fn usable(row: &invitations::Model) -> ApiResult<()> {
    match state_of(row, Utc::now()) {
        InvitationState::Pending => Ok(()),
        InvitationState::Expired => Err(InvitationError::LinkExpired.into()),
        InvitationState::Accepted => Err(InvitationError::LinkUsed.into()),
        InvitationState::Revoked => Err(InvitationError::LinkWithdrawn.into()),
    }
}

async fn by_token(tx: &PlatformTx, token: &str) -> ApiResult<invitations::Model> {
    if token.is_empty() || token.len() > 100 {
        return Err(InvitationError::LinkInvalid.into());
    }
    let found =
        invitations::Entity::find().filter(invitations::Column::TokenHash.eq(hash_token(token))).one(tx.conn()).await?;
    Ok(found.ok_or(InvitationError::LinkInvalid)?)
}

async fn client_name(tx: &PlatformTx, row: &invitations::Model) -> ApiResult<Option<(ContactId, String)>> {
    let Some(contact) = row.contact_id else { return Ok(None) };
    let c = contacts::Entity::find_by_id(contact).one(tx.conn()).await?.ok_or(InvitationError::LinkInvalid)?;
    let client = clients::Entity::find_by_id(c.client_id).one(tx.conn()).await?.ok_or(InvitationError::LinkInvalid)?;
    Ok(Some((c.id, client.name)))
}

pub async fn preview(state: &AppState, token: &str) -> ApiResult<InvitationPreview> {
    let tx = state.db.unscoped("invitation preview by token").await?;
    let row = by_token(&tx, token).await?;
    let agency =
        agencies::Entity::find_by_id(row.agency_id).one(tx.conn()).await?.ok_or(InvitationError::LinkInvalid)?;
    let client = client_name(&tx, &row).await?;
    tx.commit().await?;
    Ok(InvitationPreview {
        kind: row.kind,
        state: state_of(&row, Utc::now()),
        agency_id: agency.id,
        agency_name: agency.name,
        client_name: client.map(|(_, n)| n),
        email: row.email,
        name: row.name,
        locale: row.locale,
    })
}

/// Creates the account, links a contact to it, marks the invitation used and signs in.
pub async fn accept(state: &AppState, token: &str, password: &str, client: &ClientInfo) -> ApiResult<NewSession> {
    // Check the link before the (slow) hash so a dead link answers at once.
    {
        let tx = state.db.unscoped("invitation check").await?;
        usable(&by_token(&tx, token).await?)?;
        tx.commit().await?;
    }
    let hash = NewPassword::parse("password", password)?.hash().await?;
    let tx = state.db.unscoped("invitation accept").await?;
    let row = by_token(&tx, token).await?;
    usable(&row)?; // again: it may have changed while hashing
    let agency =
        agencies::Entity::find_by_id(row.agency_id).one(tx.conn()).await?.ok_or(InvitationError::LinkInvalid)?;
    if agency.status != AgencyStatus::Active {
        return Err(InvitationError::AgencySuspended.into());
    }
    let taken = users::Entity::find()
        .filter(users::Column::AgencyId.eq(row.agency_id))
        .filter(users::Column::Email.eq(row.email.as_str()))
        .count(tx.conn())
        .await?;
    if taken > 0 {
        return Err(InvitationError::AccountExists.into());
    }
    let now = Utc::now();
    let user = users::Model {
        id: UserId::new(),
        agency_id: Some(row.agency_id),
        kind: match row.kind {
            InvitationKind::Staff => PrincipalKind::Staff,
            InvitationKind::Contact => PrincipalKind::Contact,
        },
        email: row.email.clone(),
        name: row.name.clone(),
        password_hash: hash,
        locale: row.locale,
        status: UserStatus::Active,
        staff_role: row.staff_role,
        created_at: now,
        updated_at: now,
    };
    users::Entity::insert(users::ActiveModel::from(user.clone())).exec_without_returning(tx.conn()).await?;
    if let Some(contact) = row.contact_id {
        let linked = contacts::Entity::update_many()
            .col_expr(contacts::Column::UserId, Expr::value(user.id))
            .filter(contacts::Column::Id.eq(contact))
            .filter(contacts::Column::UserId.is_null())
            .exec(tx.conn())
            .await?;
        if linked.rows_affected != 1 {
            return Err(InvitationError::ContactHasAccess.into());
        }
    }
    invitations::Entity::update_many()
        .col_expr(invitations::Column::AcceptedAt, Expr::value(now))
        .filter(invitations::Column::Id.eq(row.id))
        .exec(tx.conn())
        .await?;
    let agency_id = Some(row.agency_id);
    Entry::new(Action::InvitationAccepted)
        .agency(agency_id)
        .actor(user.id)
        .subject(row.id)
        .ip(client.ip.as_deref())
        .write(&tx)
        .await?;
    let session = session::open(&tx, state, user.id, agency_id, client).await?;
    tx.commit().await?;
    Ok(session)
}
