//! SeaORM queries for clients and contacts; every function takes the tenant transaction.

use super::access::VisibleClients;
use super::ClientError;
use crate::db::{ClientTx, Scoped, TenantTx};
use crate::domain::search_key;
use crate::error::{ApiError, ApiResult};
use crate::paging::{self, Paging};
use accord_api::clients::{ClientQuery, ClientSort, ManagerFilter};
use accord_api::{AgencyId, ClientId, ClientStatus, ContactId, PortalRole, UserId};
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
        abc_tier: None,
        tier_override: false,
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

/// The paging part of the list query. (Not `#[serde(flatten)]`: urlencoded + flatten loses
/// number types.)
pub fn paging(query: &ClientQuery) -> ApiResult<Paging> {
    Paging::parse(query.page, query.per_page, 25)
}

pub async fn page(
    tx: &TenantTx,
    visible: &VisibleClients,
    query: &ClientQuery,
) -> Result<(Vec<clients::Model>, u64), ApiError> {
    let mut q = tx.find_in::<clients::Entity>(visible);
    q = q.filter(if query.archived {
        clients::Column::ArchivedAt.is_not_null()
    } else {
        clients::Column::ArchivedAt.is_null()
    });
    let paging = paging(query)?;
    if let Some(text) = paging::search(query.q.as_deref())? {
        let pattern = format!("%{}%", search_key(&text).replace('%', "\\%").replace('_', "\\_"));
        q = q.filter(Expr::col(clients::Column::NameSearch).like(pattern));
    }
    if let Some(status) = query.status {
        q = q.filter(clients::Column::Status.eq(status));
    }
    match query.manager_filter().ok_or(ClientError::UnknownManagerFilter)? {
        ManagerFilter::Anyone => {}
        ManagerFilter::Nobody => q = q.filter(clients::Column::AccountManagerId.is_null()),
        ManagerFilter::Person(id) => q = q.filter(clients::Column::AccountManagerId.eq(id)),
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
    let (column, order) = match query.order().ok_or(ClientError::UnknownSort)? {
        ClientSort::Name => (clients::Column::NameSearch, Order::Asc),
        ClientSort::NameDesc => (clients::Column::NameSearch, Order::Desc),
        ClientSort::Created => (clients::Column::CreatedAt, Order::Asc),
        ClientSort::CreatedDesc => (clients::Column::CreatedAt, Order::Desc),
        ClientSort::LastTouch => (clients::Column::LastTouchAt, Order::Asc),
        ClientSort::LastTouchDesc => (clients::Column::LastTouchAt, Order::Desc),
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
