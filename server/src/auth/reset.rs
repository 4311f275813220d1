//! Password reset by email: a one-hour, single-use link. Asking answers the same whether or
//! not the address exists; at most three links per account per hour.

use super::password::NewPassword;
use super::session::{self, hash_token, new_token, ClientInfo, NewSession};
use super::AuthError;
use crate::audit::{Action, Entry};
use crate::error::ApiResult;
use crate::mail::{self, templates};
use crate::state::AppState;
use accord_api::invitations::{InvitationState, ResetTokenState};
use accord_api::{AgencyStatus, UserStatus};
use accord_entity::{agencies, password_resets, users};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

const VALID_MINUTES: i64 = 60;
const MAX_PER_HOUR: u64 = 3;

/// Creates a link for every active account with this email and mails it. Always `Ok`.
pub async fn request(state: &AppState, email: &str, client: &ClientInfo) -> ApiResult<()> {
    let email = crate::domain::lookup_email("email", email)?;
    if email.is_empty() {
        return Ok(());
    }
    let tx = state.db.unscoped("password reset request").await?;
    let accounts = users::Entity::find()
        .filter(users::Column::Email.eq(email.as_str()))
        .filter(users::Column::Status.eq(UserStatus::Active))
        .find_also_related(agencies::Entity)
        .all(tx.conn())
        .await?;
    let now = tx.now();
    for (user, agency) in accounts {
        if agency.as_ref().is_some_and(|a| a.status != AgencyStatus::Active) {
            continue;
        }
        let recent = password_resets::Entity::find()
            .filter(password_resets::Column::UserId.eq(user.id))
            .filter(password_resets::Column::CreatedAt.gt(now - Duration::hours(1)))
            .count(tx.conn())
            .await?;
        if recent >= MAX_PER_HOUR {
            tracing::info!(user = %user.id, "password reset throttled");
            continue;
        }
        let token = new_token();
        let row = password_resets::ActiveModel {
            id: sea_orm::ActiveValue::Set(uuid::Uuid::new_v4()),
            user_id: sea_orm::ActiveValue::Set(user.id),
            agency_id: sea_orm::ActiveValue::Set(user.agency_id),
            token_hash: sea_orm::ActiveValue::Set(hash_token(&token)),
            expires_at: sea_orm::ActiveValue::Set(now + Duration::minutes(VALID_MINUTES)),
            used_at: sea_orm::ActiveValue::Set(None),
            created_at: sea_orm::ActiveValue::Set(now),
        };
        password_resets::Entity::insert(row).exec_without_returning(tx.conn()).await?;
        let link = format!("{}/reset-password#{token}", state.settings.public_url);
        let agency_name = agency.as_ref().map(|a| a.name.as_str());
        let m = templates::password_reset(&user.email, &user.name, user.locale, agency_name, &link);
        mail::enqueue(&tx, user.agency_id, m).await?;
        Entry::new(Action::PasswordResetRequested)
            .agency(user.agency_id)
            .actor(user.id)
            .ip(client.ip.as_deref())
            .write(&tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

fn state_of(row: &password_resets::Model, now: DateTime<Utc>) -> InvitationState {
    if row.used_at.is_some() {
        InvitationState::Accepted
    } else if row.expires_at <= now {
        InvitationState::Expired
    } else {
        InvitationState::Pending
    }
}

async fn by_token(tx: &crate::db::PlatformTx, token: &str) -> ApiResult<password_resets::Model> {
    if token.is_empty() || token.len() > 100 {
        return Err(AuthError::ResetLinkInvalid.into());
    }
    let found = password_resets::Entity::find()
        .filter(password_resets::Column::TokenHash.eq(hash_token(token)))
        .one(tx.conn())
        .await?;
    Ok(found.ok_or(AuthError::ResetLinkInvalid)?)
}

pub async fn check(state: &AppState, token: &str) -> ApiResult<ResetTokenState> {
    let tx = state.db.unscoped("password reset check").await?;
    let row = by_token(&tx, token).await?;
    let now = tx.now();
    tx.commit().await?;
    Ok(ResetTokenState { state: state_of(&row, now) })
}

fn usable(row: &password_resets::Model, now: DateTime<Utc>) -> ApiResult<()> {
    match state_of(row, now) {
        InvitationState::Pending => Ok(()),
        InvitationState::Accepted => Err(AuthError::ResetLinkUsed.into()),
        _ => Err(AuthError::ResetLinkExpired.into()),
    }
}

/// Sets the new password, ends every session of the account and signs this browser in.
pub async fn complete(state: &AppState, token: &str, password: &str, client: &ClientInfo) -> ApiResult<NewSession> {
    {
        let tx = state.db.unscoped("password reset precheck").await?;
        usable(&by_token(&tx, token).await?, tx.now())?;
        tx.commit().await?;
    }
    let hash = NewPassword::parse("password", password)?.hash().await?;
    let tx = state.db.unscoped("password reset").await?;
    let row = by_token(&tx, token).await?;
    let now = tx.now();
    usable(&row, now)?;
    users::Entity::update_many()
        .col_expr(users::Column::PasswordHash, Expr::value(hash))
        .col_expr(users::Column::UpdatedAt, Expr::value(now))
        .filter(users::Column::Id.eq(row.user_id))
        .exec(tx.conn())
        .await?;
    password_resets::Entity::update_many()
        .col_expr(password_resets::Column::UsedAt, Expr::value(now))
        .filter(password_resets::Column::UserId.eq(row.user_id))
        .filter(password_resets::Column::UsedAt.is_null())
        .exec(tx.conn())
        .await?;
    let user = row.user_id;
    session::end_all_for_user(tx.conn(), user).await?;
    let agency = row.agency_id;
    Entry::new(Action::PasswordReset).agency(agency).actor(user).ip(client.ip.as_deref()).write(&tx).await?;
    let session = session::open(&tx, state, user, agency, client).await?;
    tx.commit().await?;
    Ok(session)
}
