//! Loading the session behind the cookie into a [`Principal`].

use crate::auth::session::{cookie_name, hash_token};
use crate::error::ApiError;
use crate::state::AppState;
use accord_api::{
    AgencyId, AgencyStatus, ClientId, ContactId, Locale, PortalRole, PrincipalKind, StaffRole, UserId, UserStatus,
};
use accord_entity::{agencies, contacts, sessions, users};
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::ResponseError;
use actix_web::{web, HttpMessage};
use chrono::Duration;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

/// What the signed-in person is to Accord.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Standing {
    Platform,
    Staff { agency: AgencyId, role: StaffRole },
    Contact { agency: AgencyId, client: ClientId, contact: ContactId, portal_role: PortalRole },
}

#[derive(Clone, Debug)]
pub struct Principal {
    pub user_id: UserId,
    pub name: String,
    pub email: String,
    pub locale: Locale,
    pub standing: Standing,
    pub session_hash: String,
}

impl Principal {
    pub fn agency(&self) -> Option<AgencyId> {
        match self.standing {
            Standing::Platform => None,
            Standing::Staff { agency, .. } | Standing::Contact { agency, .. } => Some(agency),
        }
    }
}

/// Middleware: resolves the session cookie (if any) into a `Principal` in the request
/// extensions and records tenant and user on the request span.
pub async fn load_principal(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    if let Some(state) = req.app_data::<web::Data<AppState>>().cloned() {
        let token = req.cookie(cookie_name(state.settings.cookie_secure())).map(|c| c.value().to_string());
        if let Some(token) = token.filter(|t| !t.is_empty() && t.len() <= 100) {
            match resolve(&state, &hash_token(&token)).await {
                Ok(Some(p)) => {
                    let span = tracing::Span::current();
                    span.record("user", tracing::field::display(p.user_id));
                    if let Some(agency) = p.agency() {
                        span.record("tenant", tracing::field::display(agency));
                    }
                    req.extensions_mut().insert(p);
                }
                Ok(None) => {}
                Err(e) => return Ok(req.into_response(e.error_response())),
            }
        }
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

/// Loads a session by its token hash, enforcing expiry and the user's and agency's standing.
pub async fn resolve(state: &AppState, token_hash: &str) -> Result<Option<Principal>, ApiError> {
    // Read on a read connection; the rare writes (an expired session, the idle clock) follow
    // in a short write transaction of their own.
    let tx = state.db.unscoped_read("resolve session").await?;
    let Some(session) = sessions::Entity::find_by_id(token_hash.to_string()).one(tx.conn()).await? else {
        return Ok(None);
    };
    let now = tx.now();
    let idle = Duration::minutes(state.settings.session_idle_minutes);
    if session.expires_at <= now || session.last_seen_at + idle <= now {
        tx.commit().await?;
        let w = state.db.unscoped("end an expired session").await?;
        sessions::Entity::delete_by_id(token_hash.to_string()).exec(w.conn()).await?;
        w.commit().await?;
        return Ok(None);
    }
    let Some(user) = users::Entity::find_by_id(session.user_id).one(tx.conn()).await? else {
        return Ok(None);
    };
    if UserStatus::parse(&user.status) != Some(UserStatus::Active) {
        return Ok(None);
    }
    let kind = PrincipalKind::parse(&user.kind).ok_or_else(|| ApiError::internal("bad user kind"))?;
    let standing = match (kind, user.agency_id) {
        (PrincipalKind::Platform, None) => Standing::Platform,
        (PrincipalKind::Staff, Some(agency)) => {
            let role = user
                .staff_role
                .as_deref()
                .and_then(StaffRole::parse)
                .ok_or_else(|| ApiError::internal("staff without role"))?;
            Standing::Staff { agency: AgencyId(agency), role }
        }
        (PrincipalKind::Contact, Some(agency)) => {
            let Some(contact) =
                contacts::Entity::find().filter(contacts::Column::UserId.eq(user.id)).one(tx.conn()).await?
            else {
                return Ok(None);
            };
            let portal_role =
                PortalRole::parse(&contact.portal_role).ok_or_else(|| ApiError::internal("bad portal role"))?;
            Standing::Contact {
                agency: AgencyId(agency),
                client: ClientId(contact.client_id),
                contact: ContactId(contact.id),
                portal_role,
            }
        }
        _ => return Err(ApiError::internal("user kind and agency disagree")),
    };
    if let Some(agency) = user.agency_id {
        let active = agencies::Entity::find_by_id(agency)
            .one(tx.conn())
            .await?
            .is_some_and(|a| AgencyStatus::parse(&a.status) == Some(AgencyStatus::Active));
        if !active {
            return Ok(None);
        }
    }
    tx.commit().await?;
    // Refresh the idle clock at most once a minute to spare writes.
    if now - session.last_seen_at > Duration::seconds(60) {
        let w = state.db.unscoped("refresh the session's idle clock").await?;
        let mut touch: sessions::ActiveModel = session.into();
        touch.last_seen_at = Set(now);
        sessions::Entity::update(touch).exec(w.conn()).await?;
        w.commit().await?;
    }
    Ok(Some(Principal {
        user_id: UserId(user.id),
        name: user.name,
        email: user.email,
        locale: Locale::parse(&user.locale).unwrap_or_default(),
        standing,
        session_hash: token_hash.to_string(),
    }))
}
