//! Sign-in throttling, shared by every app instance through the database.
//!
//! Two counters of failures inside a sliding window: per (account, address) and per address.
//! There is deliberately no account-wide counter: an attacker spraying one account from many
//! addresses must not lock its owner out of their own address.

use super::AuthError;
use crate::config::Settings;
use crate::db::PlatformTx;
use crate::error::ApiError;
use accord_entity::login_attempts;
use chrono::Duration;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use sha2::{Digest, Sha256};

pub struct Keys {
    account: String,
    address: String,
}

impl Keys {
    pub fn new(email: &str, ip: &str) -> Self {
        // The email is hashed: the table is about counting, not about who tried.
        let email_hash = hex::encode(Sha256::digest(email.as_bytes()));
        Self { account: format!("acct:{}|ip:{ip}", &email_hash[..32]), address: format!("ip:{ip}") }
    }
}

/// Refuses with 429 and a Retry-After when either counter is full.
pub async fn check(tx: &PlatformTx, keys: &Keys, settings: &Settings) -> Result<(), ApiError> {
    let window = Duration::minutes(settings.login_window_minutes);
    let since = tx.now() - window;
    for (key, limit) in
        [(&keys.account, settings.login_max_failures), (&keys.address, settings.login_max_failures_per_ip)]
    {
        let failures = login_attempts::Entity::find()
            .filter(login_attempts::Column::Key.eq(key.as_str()))
            .filter(login_attempts::Column::CreatedAt.gt(since))
            .count(tx.conn())
            .await?;
        if failures >= limit {
            let oldest = login_attempts::Entity::find()
                .filter(login_attempts::Column::Key.eq(key.as_str()))
                .filter(login_attempts::Column::CreatedAt.gt(since))
                .order_by_asc(login_attempts::Column::CreatedAt)
                .one(tx.conn())
                .await?;
            let retry = oldest.map(|o| (o.created_at + window - tx.now()).num_seconds()).unwrap_or(60).max(1);
            return Err(AuthError::Throttled { retry_after_secs: retry as u64 }.into());
        }
    }
    Ok(())
}

pub async fn record_failure(tx: &PlatformTx, keys: &Keys, settings: &Settings) -> Result<(), ApiError> {
    let now = tx.now();
    for key in [&keys.account, &keys.address] {
        let row =
            login_attempts::ActiveModel { id: Set(uuid::Uuid::new_v4()), key: Set(key.clone()), created_at: Set(now) };
        login_attempts::Entity::insert(row).exec_without_returning(tx.conn()).await?;
    }
    // Old rows are useless; prune them as we go (indexed on key, created_at).
    login_attempts::Entity::delete_many()
        .filter(login_attempts::Column::CreatedAt.lt(now - Duration::minutes(settings.login_window_minutes)))
        .exec(tx.conn())
        .await?;
    Ok(())
}

/// A successful sign-in forgets that account's failures from that address.
pub async fn clear_account(tx: &PlatformTx, keys: &Keys) -> Result<(), ApiError> {
    login_attempts::Entity::delete_many()
        .filter(login_attempts::Column::Key.eq(keys.account.as_str()))
        .exec(tx.conn())
        .await?;
    Ok(())
}
