//! Rules for client accounts: visibility, parsing, status history, one transaction per change.

use super::access::{self, Need};
use super::{repo, view, ClientError};
use crate::db::{ClientTx, TenantTx};
use crate::domain::{self, search_key, DisplayName, Field};
use accord_api::input;

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::clients::{
    ClientProfile, ClientQuery, ClientView, CreateClientRequest, StatusChange, UpdateClientRequest,
};
use accord_api::{ClientId, ClientStatus, Page, PrincipalKind, StaffRole, UserId, UserStatus};
use accord_entity::{client_status_changes, clients, contacts, users};
use chrono::Utc;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};

#[tracing::instrument(skip(state))]
pub async fn list(state: &AppState, staff: &Staff, query: &ClientQuery) -> ApiResult<Page<ClientView>> {
    let tx = state.db.tenant_read(staff).await?;
    let visible = access::VisibleClients::of(&tx, staff).await?;
    let (rows, total) = repo::page(&tx, &visible, query).await?;
    let ids: Vec<ClientId> = rows.iter().map(|c| c.id).collect();
    let counts = repo::contact_counts(tx.find_in::<contacts::Entity>(&visible), &ids).await?;
    let names = view::staff_names(&tx, rows.iter().filter_map(|c| c.account_manager_id)).await?;
    tx.commit().await?;
    let now = Utc::now();
    let items = rows.iter().map(|c| view::summary(c, counts.get(&c.id).copied().unwrap_or(0), &names, now)).collect();
    Ok(repo::paging(query)?.page_of(items, total))
}

/// The manager must be an active staff member of this agency who manages accounts.
async fn check_manager(tx: &TenantTx, id: UserId) -> ApiResult<()> {
    let ok = tx
        .find::<users::Entity>()
        .filter(users::Column::Id.eq(id))
        .filter(users::Column::Kind.eq(PrincipalKind::Staff))
        .filter(users::Column::Status.eq(UserStatus::Active))
        .filter(users::Column::StaffRole.ne(StaffRole::Specialist))
        .count()
        .await?
        > 0;
    if ok {
        Ok(())
    } else {
        Err(ClientError::ManagerNotEligible.into())
    }
}

async fn record_status(
    tx: &TenantTx,
    client: ClientId,
    from: Option<ClientStatus>,
    to: ClientStatus,
    by: UserId,
) -> ApiResult<()> {
    let row = client_status_changes::Model {
        id: uuid::Uuid::new_v4(),
        agency_id: tx.agency_id(),
        client_id: client,
        from_status: from,
        to_status: to,
        changed_by: Some(by),
        changed_at: Utc::now(),
    };
    tx.insert(client_status_changes::ActiveModel::from(row)).await?;
    Ok(())
}

#[tracing::instrument(skip(state, req))]
pub async fn create(state: &AppState, staff: &Staff, req: CreateClientRequest) -> ApiResult<ClientView> {
    staff.require_client_manager()?;
    let name = DisplayName::parse("name", &req.name)?;
    let tx = state.db.tenant(staff).await?;
    // An account manager's new client is theirs (or they could not see it); admins choose.
    let manager = match (staff.role(), req.account_manager_id) {
        (StaffRole::AccountManager, Some(other)) if other != staff.user() => {
            return Err(ClientError::ManagerChoiceNotAllowed.into());
        }
        (StaffRole::AccountManager, _) => Some(staff.user()),
        (_, chosen) => chosen,
    };
    if let Some(m) = manager {
        check_manager(&tx, m).await?;
    }
    let now = Utc::now();
    let row = repo::new_client(tx.agency_id(), name.as_str(), req.status, manager);
    repo::insert(&tx, row.clone()).await?;
    record_status(&tx, row.id, None, row.status, staff.user()).await?;
    let names = view::staff_names(&tx, row.account_manager_id).await?;
    tx.commit().await?;
    Ok(view::summary(&row, 0, &names, now))
}

/// The full profile of one client as this staff member sees it (two lookups).
async fn profile_of(tx: &ClientTx, staff: &Staff, client: &clients::Model) -> ApiResult<ClientProfile> {
    let counts = repo::contact_counts(tx.find::<contacts::Entity>(), &[client.id]).await?;
    let names = view::staff_names(tx.agency(), client.account_manager_id).await?;
    let summary = view::summary(client, counts.get(&client.id).copied().unwrap_or(0), &names, Utc::now());
    Ok(view::profile(summary, client, access::may_manage(staff, client)))
}

pub async fn get(state: &AppState, staff: &Staff, id: ClientId) -> ApiResult<ClientProfile> {
    let tx = access::open_read(state, staff, id).await?;
    let client = tx.client().clone();
    let profile = profile_of(&tx, staff, &client).await?;
    tx.commit().await?;
    Ok(profile)
}

fn text(field: &str, v: Option<String>) -> ApiResult<Option<String>> {
    input::Note::parse_optional(v.as_deref()).field(field)
}

fn list_json(field: &'static str, items: Vec<String>) -> ApiResult<String> {
    let mut points = Vec::with_capacity(items.len());
    for item in &items {
        if let Some(point) = input::ListPoint::parse_optional(Some(item)).field(field)? {
            points.push(point);
        }
    }
    if points.len() > input::LIST_MAX_ITEMS {
        return Err(ClientError::TooManyPoints { field }.into());
    }
    serde_json::to_string(&points).map_err(ApiError::internal)
}

#[tracing::instrument(skip(state, req))]
pub async fn update(
    state: &AppState,
    staff: &Staff,
    id: ClientId,
    req: UpdateClientRequest,
) -> ApiResult<ClientProfile> {
    let name = DisplayName::parse("name", &req.name)?;
    domain::optional_day("started_on", req.started_on)?;
    domain::optional_day("ended_on", req.ended_on)?;
    if let (Some(start), Some(end)) = (req.started_on, req.ended_on) {
        if end < start {
            return Err(ClientError::EndsBeforeStart.into());
        }
    }
    if req.contact_cadence_days.is_some_and(|d| d == 0 || d > 365) {
        return Err(ClientError::CadenceOutOfRange.into());
    }
    let tx = access::open(state, staff, id, Need::Manage).await?;
    let old = tx.client().clone();
    let manager = req.account_manager_id;
    if manager != old.account_manager_id {
        // Reassigning an account is the agency's call, not the manager's.
        if !staff.role().is_admin() {
            return Err(ClientError::ManagerChoiceNotAllowed.into());
        }
        if let Some(m) = req.account_manager_id {
            check_manager(tx.agency(), m).await?;
        }
        if let Some(outgoing) = old.account_manager_id {
            crate::meetings::promises::keep_due_owners(&tx, outgoing).await?;
        }
    }
    let mut row = old.clone();
    row.name_search = search_key(name.as_str());
    row.name = name.into_inner();
    row.status = req.status;
    row.account_manager_id = manager;
    row.started_on = req.started_on;
    row.ended_on = req.ended_on;
    row.business_model = text("business_model", req.business_model)?;
    row.audience = text("audience", req.audience)?;
    row.market = text("market", req.market)?;
    row.product_role = text("product_role", req.product_role)?;
    row.included = list_json("included", req.included)?;
    row.excluded = list_json("excluded", req.excluded)?;
    row.contact_cadence_days = req.contact_cadence_days.map(|d| d as i32);
    row.report_cadence = req.report_cadence;
    row.temperament = req.temperament;
    row.activity = req.activity;
    row.value_tier = req.value_tier;
    // A tier set by hand stays (the ABC job leaves it) until an owner or admin clears it.
    if req.value_tier != old.value_tier {
        row.tier_override = true;
    }
    row.updated_at = Utc::now();
    if req.status == ClientStatus::Churned && row.ended_on.is_none() {
        row.ended_on = Some(Utc::now().date_naive());
    }
    repo::save(&tx, row.clone()).await?;
    if old.status != row.status {
        record_status(tx.agency(), row.id, Some(old.status), row.status, staff.user()).await?;
    }
    let profile = profile_of(&tx, staff, &row).await?;
    crate::health::changed(&tx).await?;
    tx.commit().await?;
    Ok(profile)
}

/// Archiving hides a client from the default list; nothing is deleted.
pub async fn set_archived(state: &AppState, staff: &Staff, id: ClientId, archived: bool) -> ApiResult<ClientProfile> {
    let tx = access::open(state, staff, id, Need::Manage).await?;
    let mut row = tx.client().clone();
    row.archived_at = if archived { row.archived_at.or(Some(Utc::now())) } else { None };
    row.updated_at = Utc::now();
    repo::save(&tx, row.clone()).await?;
    let profile = profile_of(&tx, staff, &row).await?;
    tx.commit().await?;
    Ok(profile)
}

pub async fn status_history(state: &AppState, staff: &Staff, id: ClientId) -> ApiResult<Vec<StatusChange>> {
    let tx = access::open_read(state, staff, id).await?;
    let rows = tx
        .find::<client_status_changes::Entity>()
        .order_by_desc(client_status_changes::Column::ChangedAt)
        .all()
        .await?;
    let names = view::staff_names(tx.agency(), rows.iter().filter_map(|r| r.changed_by)).await?;
    tx.commit().await?;
    Ok(rows
        .iter()
        .map(|r| StatusChange {
            from: r.from_status,
            to: r.to_status,
            changed_by: view::staff_ref(r.changed_by, &names),
            changed_at: r.changed_at,
        })
        .collect())
}
