//! SeaORM queries for clients and contacts; every function takes the tenant transaction.

use super::access::VisibleClients;
use crate::db::{ClientTx, Scoped, TenantTx};
use crate::domain::search_key;
use crate::error::{ApiError, ApiResult};
use crate::paging::{self, Paging};
use accord_api::error::Code;
use accord_api::{Activity, AgencyId, ClientId, ClientStatus, ContactId, PortalRole, Temperament, UserId, ValueTier};
use accord_entity::{clients, contacts, invitations, users};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DbErr, Order, QueryFilter, QueryOrder, QuerySelect, Select};
use std::collections::HashMap;

/// A new client row with an empty profile (contact every 7 days by default).
pub fn new_client(agency: AgencyId, name: &str, status: ClientStatus, manager: Option<UserId>) -> clients::Model {
    let now = chrono::Utc::now();
    clients::Model {
        id: ClientId::new(),
        agency_id: agency,
        name: name.to_string(),
        name_search: search_key(name),
        status,
        created_at: now,
        updated_at: now,
        account_manager_id: manager,
        started_on: Some(now.date_naive()),
        ended_on: None,
        business_model: None,
        audience: None,
        market: None,
        product_role: None,
        included: "[]".into(),
        excluded: "[]".into(),
        contact_cadence_days: Some(7),
        report_cadence: None,
        temperament: None,
        activity: None,
        value_tier: None,
        archived_at: None,
        last_touch_at: None,
    }
}

/// A new current contact without portal access.
pub fn new_contact(agency: AgencyId, client: ClientId, name: &str, email: &str, role: PortalRole) -> contacts::Model {
    contacts::Model {
        id: ContactId::new(),
        agency_id: agency,
        client_id: client,
        user_id: None,
        name: name.to_string(),
        email: email.to_string(),
        portal_role: role,
        created_at: chrono::Utc::now(),
        position: None,
        phone: None,
        decision_maker: false,
        left_at: None,
        replaced_by: None,
    }
}

/// Filters and sort of the clients list: `?q=&status=&manager=&temperament=&activity=&tier=&archived=&sort=`.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// 1-based page number (default 1).
    #[param(minimum = 1, maximum = 1_000_000)]
    pub page: Option<u64>,
    /// Items per page, 1–100 (default 25).
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<u64>,
    /// Search in the client's name.
    #[param(max_length = 200)]
    pub q: Option<String>,
    pub status: Option<ClientStatus>,
    /// A staff user id, or `none` for clients without a manager.
    pub manager: Option<String>,
    pub temperament: Option<Temperament>,
    pub activity: Option<Activity>,
    pub tier: Option<ValueTier>,
    /// `true` lists archived clients instead of current ones.
    #[serde(default)]
    pub archived: bool,
    /// `name` (default), `-name`, `created`, `-created`, `last_touch`, `-last_touch`.
    pub sort: Option<String>,
}

impl ListQuery {
    /// The paging part. (Not `#[serde(flatten)]`: urlencoded + flatten loses number types.)
    pub fn paging(&self) -> ApiResult<Paging> {
        Paging::parse(self.page, self.per_page, 25)
    }
}

pub async fn page(
    tx: &TenantTx,
    visible: &VisibleClients,
    query: &ListQuery,
) -> Result<(Vec<clients::Model>, u64), ApiError> {
    let mut q = tx.find_in::<clients::Entity>(visible);
    q = q.filter(if query.archived {
        clients::Column::ArchivedAt.is_not_null()
    } else {
        clients::Column::ArchivedAt.is_null()
    });
    let paging = query.paging()?;
    if let Some(text) = paging::search(query.q.as_deref())? {
        let pattern = format!("%{}%", search_key(&text).replace('%', "\\%").replace('_', "\\_"));
        q = q.filter(Expr::col(clients::Column::NameSearch).like(pattern));
    }
    if let Some(status) = query.status {
        q = q.filter(clients::Column::Status.eq(status));
    }
    match query.manager.as_deref().map(str::trim) {
        None | Some("") => {}
        Some("none") => q = q.filter(clients::Column::AccountManagerId.is_null()),
        Some(id) => {
            let id = id
                .parse::<UserId>()
                .map_err(|_| ApiError::invalid("manager", Code::ValidationFailed, "Use a staff id or `none`."))?;
            q = q.filter(clients::Column::AccountManagerId.eq(id));
        }
    }
    if let Some(t) = query.temperament {
        q = q.filter(clients::Column::Temperament.eq(t));
    }
    if let Some(a) = query.activity {
        q = q.filter(clients::Column::Activity.eq(a));
    }
    if let Some(t) = query.tier {
        q = q.filter(clients::Column::ValueTier.eq(t));
    }
    let total = q.clone().count().await?;
    let (column, order) = match query.sort.as_deref().unwrap_or("name") {
        "name" => (clients::Column::NameSearch, Order::Asc),
        "-name" => (clients::Column::NameSearch, Order::Desc),
        "created" => (clients::Column::CreatedAt, Order::Asc),
        "-created" => (clients::Column::CreatedAt, Order::Desc),
        "last_touch" => (clients::Column::LastTouchAt, Order::Asc),
        "-last_touch" => (clients::Column::LastTouchAt, Order::Desc),
        _ => return Err(ApiError::invalid("sort", Code::ValidationFailed, "Unknown sort.")),
    };
    let rows = q
        .order_by(column, order)
        .order_by_asc(clients::Column::Id)
        .offset(paging.offset())
        .limit(paging.limit())
        .all()
        .await?;
    Ok((rows, total))
}

/// Current contacts per client for some clients, in one grouped query. `contacts` is where to
/// look: one client's (`ClientTx::find`) or the visible clients' (`TenantTx::find_in`).
pub async fn contact_counts(
    contacts: Scoped<'_, Select<contacts::Entity>>,
    ids: &[ClientId],
) -> Result<HashMap<ClientId, u64>, DbErr> {
    let rows: Vec<(ClientId, i64)> = contacts
        .select_only()
        .column(contacts::Column::ClientId)
        .column_as(Expr::col(contacts::Column::Id).count(), "n")
        .filter(contacts::Column::ClientId.is_in(ids.iter().copied()))
        .filter(contacts::Column::LeftAt.is_null())
        .group_by(contacts::Column::ClientId)
        .into_tuple()
        .all()
        .await?;
    Ok(rows.into_iter().map(|(id, n)| (id, n.max(0) as u64)).collect())
}

/// Writes every column of the transaction's client.
pub async fn save(tx: &ClientTx, row: clients::Model) -> Result<(), DbErr> {
    let active: clients::ActiveModel = sea_orm::ActiveModelTrait::reset_all(clients::ActiveModel::from(row));
    tx.update(active).await.map(|_| ())
}

pub async fn insert(tx: &TenantTx, row: clients::Model) -> Result<(), DbErr> {
    debug_assert_eq!(row.agency_id, tx.agency_id());
    tx.insert(clients::ActiveModel::from(row)).await.map(|_| ())
}

/// A client's contacts with the portal status of their account, if any (one join).
pub async fn contacts_of(tx: &ClientTx) -> Result<Vec<(contacts::Model, Option<users::Model>)>, DbErr> {
    tx.find::<contacts::Entity>().find_also_related(users::Entity).order_by_asc(contacts::Column::Name).all().await
}

/// A contact of the transaction's client (current or former), by id.
pub async fn contact(tx: &ClientTx, id: ContactId) -> Result<Option<contacts::Model>, DbErr> {
    tx.find::<contacts::Entity>().filter(contacts::Column::Id.eq(id)).one().await
}

/// Another current contact of the client already uses this email.
pub async fn contact_email_taken(tx: &ClientTx, email: &str, except: Option<ContactId>) -> Result<bool, DbErr> {
    let mut q = tx
        .find::<contacts::Entity>()
        .filter(contacts::Column::Email.eq(email))
        .filter(contacts::Column::LeftAt.is_null());
    if let Some(id) = except {
        q = q.filter(contacts::Column::Id.ne(id));
    }
    Ok(q.count().await? > 0)
}

pub async fn insert_contact(tx: &ClientTx, row: contacts::Model) -> Result<ContactId, DbErr> {
    let id = row.id;
    tx.insert(contacts::ActiveModel::from(row)).await?;
    Ok(id)
}

/// The newest open (not accepted, not revoked) invitation of each contact, in one query.
pub async fn latest_invitations(
    tx: &ClientTx,
    contact_ids: &[ContactId],
) -> Result<HashMap<ContactId, invitations::Model>, DbErr> {
    if contact_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = tx
        .find::<invitations::Entity>()
        .filter(invitations::Column::ContactId.is_in(contact_ids.iter().copied()))
        .filter(invitations::Column::AcceptedAt.is_null())
        .filter(invitations::Column::RevokedAt.is_null())
        .order_by_asc(invitations::Column::CreatedAt)
        .all()
        .await?;
    // Ascending order: later rows overwrite earlier ones, leaving the newest per contact.
    Ok(rows.into_iter().filter_map(|r| r.contact_id.map(|c| (c, r))).collect())
}
