//! Sign-in, sign-out, password and language changes, self-service sign-up. These act on the
//! person's own identity, which exists before any tenant is known, so they use the platform
//! escape hatch (`Db::unscoped`) — and only here and in the platform module.

use super::password::{self, NewPassword};
use super::session::{self, ClientInfo, NewSession};
use super::throttle::{self, Keys};
use super::AuthError;
use crate::audit::{Action, Entry};
use crate::error::{ApiResult, FeatureError};
use crate::platform::service::{create_agency, NewAgency, SIGNUP_FIELDS};
use crate::state::AppState;
use crate::tenancy::Principal;
use accord_api::auth::{AgencyChoice, ChangePasswordRequest, SignInRequest, SignUpRequest};
use accord_api::{AgencyStatus, Locale, UserId, UserStatus};
use accord_entity::{agencies, users};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use secrecy::SecretString;

/// Checks the password against every account with that email; unknown email and wrong
/// password answer the same, after the same amount of hashing work.
#[tracing::instrument(skip_all)]
pub async fn sign_in(state: &AppState, req: SignInRequest, client: &ClientInfo) -> ApiResult<(NewSession, UserId)> {
    let email = crate::domain::lookup_email("email", &req.email)?;
    let ip = client.ip.clone().unwrap_or_else(|| "unknown".into());
    let keys = Keys::new(&email, &ip);

    let tx = state.db.unscoped("sign-in lookup").await?;
    throttle::check(&tx, &keys, &state.settings).await?;
    let candidates = users::Entity::find()
        .filter(users::Column::Email.eq(email.as_str()))
        .find_also_related(agencies::Entity)
        .all(tx.conn())
        .await?;
    tx.commit().await?;

    // Hash outside any transaction: a connection is never held across argon2.
    let hashes = candidates.iter().map(|(u, _)| u.password_hash.clone()).collect();
    let matched = password::verify_any(SecretString::from(req.password), hashes).await?;
    let mut matched: Vec<&(users::Model, Option<agencies::Model>)> =
        matched.into_iter().filter_map(|i| candidates.get(i)).collect();
    if let Some(slug) = req.agency_slug.as_deref().filter(|s| !s.is_empty()) {
        matched.retain(|(_, a)| a.as_ref().is_some_and(|a| a.slug == slug));
    }

    let tx = state.db.unscoped("sign-in result").await?;
    let Some((user, agency)) = matched.first().copied() else {
        throttle::record_failure(&tx, &keys, &state.settings).await?;
        Entry::new(Action::SignInFailed)
            .subject(&email)
            .detail("invalid_credentials")
            .ip(client.ip.as_deref())
            .write(&tx)
            .await?;
        tx.commit().await?;
        return Err(AuthError::InvalidCredentials.into());
    };
    if matched.len() > 1 {
        let choices = matched
            .iter()
            .filter_map(|(_, a)| a.as_ref().map(|a| AgencyChoice { slug: a.slug.clone(), name: a.name.clone() }))
            .collect();
        return Err(AuthError::AgencyChoice(choices).into());
    }
    let agency_id = user.agency_id;
    let refusal = if user.status != UserStatus::Active {
        Some(AuthError::AccountDisabled)
    } else if agency.as_ref().is_some_and(|a| a.status != AgencyStatus::Active) {
        Some(AuthError::AgencySuspended)
    } else {
        None
    };
    if let Some(err) = refusal {
        Entry::new(Action::SignInFailed)
            .agency(agency_id)
            .actor(user.id)
            .subject(&email)
            .detail(err.code().as_str())
            .ip(client.ip.as_deref())
            .write(&tx)
            .await?;
        tx.commit().await?;
        return Err(err.into());
    }
    throttle::clear_account(&tx, &keys).await?;
    let session = session::open(&tx, state, user.id, agency_id, client).await?;
    Entry::new(Action::SignIn).agency(agency_id).actor(user.id).ip(client.ip.as_deref()).write(&tx).await?;
    tx.commit().await?;
    Ok((session, user.id))
}

pub async fn sign_out(state: &AppState, p: &Principal, client: &ClientInfo) -> ApiResult<()> {
    let tx = state.db.unscoped("sign-out").await?;
    session::end(&tx, &p.session_hash).await?;
    Entry::new(Action::SignOut).agency(p.agency()).actor(p.user_id).ip(client.ip.as_deref()).write(&tx).await?;
    tx.commit().await?;
    Ok(())
}

/// Changes the password, ends every session of the user and opens a fresh one for this browser.
pub async fn change_password(
    state: &AppState,
    p: &Principal,
    req: ChangePasswordRequest,
    client: &ClientInfo,
) -> ApiResult<NewSession> {
    let new = NewPassword::parse("new_password", &req.new_password)?;
    let tx = state.db.unscoped("password change lookup").await?;
    let user = users::Entity::find_by_id(p.user_id).one(tx.conn()).await?.ok_or(AuthError::NotSignedIn)?;
    tx.commit().await?;
    let ok = password::verify_any(SecretString::from(req.current_password), vec![user.password_hash]).await?;
    if ok.is_empty() {
        return Err(AuthError::WrongPassword.into());
    }
    let hash = new.hash().await?;
    let tx = state.db.unscoped("password change").await?;
    users::Entity::update_many()
        .col_expr(users::Column::PasswordHash, Expr::value(hash))
        .col_expr(users::Column::UpdatedAt, Expr::value(tx.now()))
        .filter(users::Column::Id.eq(p.user_id))
        .exec(tx.conn())
        .await?;
    session::end_all_for_user(tx.conn(), p.user_id).await?;
    let session = session::open(&tx, state, p.user_id, p.agency(), client).await?;
    Entry::new(Action::PasswordChanged).agency(p.agency()).actor(p.user_id).ip(client.ip.as_deref()).write(&tx).await?;
    tx.commit().await?;
    Ok(session)
}

pub async fn set_name(state: &AppState, p: &Principal, name: &crate::domain::DisplayName) -> ApiResult<()> {
    let tx = state.db.unscoped("name change").await?;
    users::Entity::update_many()
        .col_expr(users::Column::Name, Expr::value(name.as_str()))
        .col_expr(users::Column::UpdatedAt, Expr::value(tx.now()))
        .filter(users::Column::Id.eq(p.user_id))
        .exec(tx.conn())
        .await?;
    // A contact's name on the client's list follows their own choice.
    if let crate::tenancy::Standing::Contact { contact, .. } = &p.standing {
        accord_entity::contacts::Entity::update_many()
            .col_expr(accord_entity::contacts::Column::Name, Expr::value(name.as_str()))
            .filter(accord_entity::contacts::Column::Id.eq(*contact))
            .exec(tx.conn())
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn set_locale(state: &AppState, p: &Principal, locale: Locale) -> ApiResult<()> {
    let tx = state.db.unscoped("language change").await?;
    users::Entity::update_many()
        .col_expr(users::Column::Locale, Expr::value(locale))
        .filter(users::Column::Id.eq(p.user_id))
        .exec(tx.conn())
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Self-service sign-up: a new agency with its owner, signed in at once.
pub async fn sign_up(state: &AppState, req: SignUpRequest, client: &ClientInfo) -> ApiResult<(NewSession, UserId)> {
    if !state.settings.signup_open() {
        return Err(AuthError::SignupClosed.into());
    }
    let input = NewAgency::parse(
        &req.agency_name,
        &req.agency_slug,
        req.locale,
        "Europe/Moscow",
        &req.owner_name,
        &req.email,
        &req.password,
        &SIGNUP_FIELDS,
    )?
    .hash_password()
    .await?;
    let tx = state.db.unscoped("sign-up").await?;
    let (agency, owner) = create_agency(&tx, input, None, Action::SignUp).await?;
    let session = session::open(&tx, state, owner.id, Some(agency.id), client).await?;
    tx.commit().await?;
    Ok((session, owner.id))
}
