//! Server-side sessions: a random 256-bit token in an HttpOnly cookie, its SHA-256 in the
//! database, idle and absolute expiry, and immediate revocation. The cookie itself is built by
//! the handlers (`handlers.rs`) from the [`NewSession`] opened here.

use crate::db::PlatformTx;
use crate::error::ApiError;
use crate::state::AppState;
use accord_api::{AgencyId, UserId};
use accord_entity::sessions;
use base64::Engine;
use chrono::Duration;
use rand::RngCore;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use sha2::{Digest, Sha256};

pub fn cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-accord_session"
    } else {
        "accord_session"
    }
}

pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Where a session was opened from, for the audit trail and the session row.
#[derive(Clone, Debug, Default)]
pub struct ClientInfo {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

/// A session just opened: the token the browser's cookie carries and how long that cookie lives
/// (the session's absolute lifetime). No `Debug`: the token is a credential.
pub struct NewSession {
    pub token: String,
    pub max_age: Duration,
}

/// Opens a session and returns its token, for the cookie that carries it.
pub async fn open(
    tx: &PlatformTx,
    state: &AppState,
    user: UserId,
    agency: Option<AgencyId>,
    client: &ClientInfo,
) -> Result<NewSession, ApiError> {
    let token = new_token();
    let now = tx.now();
    let max_age = Duration::hours(state.settings.session_absolute_hours);
    let row = sessions::ActiveModel {
        token_hash: Set(hash_token(&token)),
        user_id: Set(user),
        agency_id: Set(agency),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(now + max_age),
        ip: Set(client.ip.clone()),
        user_agent: Set(client.user_agent.as_ref().map(|ua| ua.chars().take(300).collect())),
    };
    sessions::Entity::insert(row).exec_without_returning(tx.conn()).await?;
    Ok(NewSession { token, max_age })
}

/// Ends one session.
pub async fn end(tx: &PlatformTx, token_hash: &str) -> Result<(), ApiError> {
    sessions::Entity::delete_many().filter(sessions::Column::TokenHash.eq(token_hash)).exec(tx.conn()).await?;
    Ok(())
}

/// Ends every session of a user (password change, disabling).
pub async fn end_all_for_user(conn: &impl ConnectionTrait, user: UserId) -> Result<u64, ApiError> {
    Ok(sessions::Entity::delete_many().filter(sessions::Column::UserId.eq(user)).exec(conn).await?.rows_affected)
}

/// Ends every session of an agency's people (suspension).
pub async fn end_all_for_agency(tx: &PlatformTx, agency: AgencyId) -> Result<u64, ApiError> {
    Ok(sessions::Entity::delete_many()
        .filter(sessions::Column::AgencyId.eq(agency))
        .exec(tx.conn())
        .await?
        .rows_affected)
}
