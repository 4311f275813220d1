//! Loading the session behind the cookie into a [`Principal`].

use crate::auth::session::{cookie_name, hash_token};
use crate::error::ApiError;
use crate::state::AppState;
use accord_api::{
    AgencyId, AgencyStatus, ClientId, ContactId, Locale, PortalRole, PrincipalKind, StaffRole, UserId, UserStatus,
};
use accord_entity::sessions;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::ResponseError;
use actix_web::{web, HttpMessage};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DbBackend, EntityTrait, QueryFilter, Statement};

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

/// The session lookup on SQLite. PostgreSQL runs the same join inside
/// `accord_session_lookup` (migration m20261202_000007), which opens the platform scope for
/// itself because row-level security hides every row otherwise; keep the two in step.
const SQLITE_LOOKUP: &str = "\
SELECT s.user_id AS user_id, s.expires_at AS expires_at, s.last_seen_at AS last_seen_at, \
u.name AS name, u.email AS email, u.locale AS locale, u.status AS status, u.kind AS kind, \
u.staff_role AS staff_role, u.agency_id AS agency_id, c.id AS contact_id, c.client_id AS client_id, \
c.portal_role AS portal_role, a.status AS agency_status \
FROM sessions s JOIN users u ON u.id = s.user_id \
LEFT JOIN contacts c ON c.user_id = u.id \
LEFT JOIN agencies a ON a.id = u.agency_id \
WHERE s.token_hash = ? LIMIT 1";

const POSTGRES_LOOKUP: &str = "SELECT * FROM accord_session_lookup($1)";

/// Loads a session by its token hash, enforcing expiry and the user's and agency's standing.
///
/// One statement and no transaction on every request (a single statement is atomic by itself);
/// the rare writes — ending an expired session, refreshing the idle clock at most once a minute —
/// follow in a short write transaction of their own.
pub async fn resolve(state: &AppState, token_hash: &str) -> Result<Option<Principal>, ApiError> {
    let db = &state.db;
    let sql = match db.backend() {
        DbBackend::Postgres => POSTGRES_LOOKUP,
        _ => SQLITE_LOOKUP,
    };
    let lookup = Statement::from_sql_and_values(db.backend(), sql, [token_hash.into()]);
    let Some(row) = db.unscoped_statement("resolve session", lookup).await? else {
        return Ok(None);
    };
    let now = db.clock().now();
    let expires_at: DateTime<Utc> = row.try_get("", "expires_at")?;
    let last_seen_at: DateTime<Utc> = row.try_get("", "last_seen_at")?;
    let idle = Duration::minutes(state.settings.session_idle_minutes);
    if expires_at <= now || last_seen_at + idle <= now {
        let w = db.unscoped("end an expired session").await?;
        sessions::Entity::delete_by_id(token_hash.to_string()).exec(w.conn()).await?;
        w.commit().await?;
        return Ok(None);
    }
    let status: UserStatus = row.try_get("", "status")?;
    if status != UserStatus::Active {
        return Ok(None);
    }
    let kind: PrincipalKind = row.try_get("", "kind")?;
    let agency: Option<AgencyId> = row.try_get("", "agency_id")?;
    let standing = match (kind, agency) {
        (PrincipalKind::Platform, None) => Standing::Platform,
        (PrincipalKind::Staff, Some(agency)) => {
            let role: Option<StaffRole> = row.try_get("", "staff_role")?;
            let role = role.ok_or_else(|| ApiError::internal("staff without role"))?;
            Standing::Staff { agency, role }
        }
        (PrincipalKind::Contact, Some(agency)) => {
            let contact: Option<ContactId> = row.try_get("", "contact_id")?;
            let client: Option<ClientId> = row.try_get("", "client_id")?;
            let portal_role: Option<PortalRole> = row.try_get("", "portal_role")?;
            let (Some(contact), Some(client), Some(portal_role)) = (contact, client, portal_role) else {
                return Ok(None);
            };
            Standing::Contact { agency, client, contact, portal_role }
        }
        _ => return Err(ApiError::internal("user kind and agency disagree")),
    };
    if agency.is_some() {
        let agency_status: Option<AgencyStatus> = row.try_get("", "agency_status")?;
        if agency_status != Some(AgencyStatus::Active) {
            return Ok(None);
        }
    }
    // Refresh the idle clock at most once a minute to spare writes.
    if now - last_seen_at > Duration::seconds(60) {
        let w = db.unscoped("refresh the session's idle clock").await?;
        sessions::Entity::update_many()
            .col_expr(sessions::Column::LastSeenAt, Expr::value(now))
            .filter(sessions::Column::TokenHash.eq(token_hash))
            .exec(w.conn())
            .await?;
        w.commit().await?;
    }
    Ok(Some(Principal {
        user_id: row.try_get("", "user_id")?,
        name: row.try_get("", "name")?,
        email: row.try_get("", "email")?,
        locale: row.try_get("", "locale")?,
        standing,
        session_hash: token_hash.to_string(),
    }))
}

/// The person behind a calendar feed token (hashed), with the same standing checks as a
/// session: an active user of an active agency, a contact still at their client. The feed
/// reads only what that person could read signed in.
pub async fn resolve_feed(state: &AppState, token_hash: &str) -> Result<Option<Principal>, ApiError> {
    use accord_entity::{agencies, calendar_feeds, contacts, users};
    let tx = state.db.unscoped_read("resolve a calendar feed token").await?;
    let Some(feed) =
        calendar_feeds::Entity::find().filter(calendar_feeds::Column::TokenHash.eq(token_hash)).one(tx.conn()).await?
    else {
        return Ok(None);
    };
    let Some(user) = users::Entity::find_by_id(feed.user_id).one(tx.conn()).await? else { return Ok(None) };
    let Some(agency_id) = user.agency_id else { return Ok(None) };
    let agency_ok =
        agencies::Entity::find_by_id(agency_id).one(tx.conn()).await?.is_some_and(|a| a.status == AgencyStatus::Active);
    if user.status != UserStatus::Active || !agency_ok || agency_id != feed.agency_id {
        return Ok(None);
    }
    let standing = match (user.kind, user.staff_role) {
        (PrincipalKind::Staff, Some(role)) => Standing::Staff { agency: agency_id, role },
        (PrincipalKind::Contact, _) => {
            let Some(c) = contacts::Entity::find()
                .filter(contacts::Column::UserId.eq(user.id))
                .filter(contacts::Column::LeftAt.is_null())
                .one(tx.conn())
                .await?
            else {
                return Ok(None);
            };
            Standing::Contact { agency: agency_id, client: c.client_id, contact: c.id, portal_role: c.portal_role }
        }
        _ => return Ok(None),
    };
    tx.commit().await?;
    Ok(Some(Principal {
        user_id: user.id,
        name: user.name,
        email: user.email,
        locale: user.locale,
        standing,
        session_hash: String::new(),
    }))
}
