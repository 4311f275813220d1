//! Rules for client accounts and contacts: who may do what, parsing, one transaction per change.

use super::repo;
use crate::domain::{search_key, DisplayName, Email};
use crate::error::{ApiError, ApiResult};
use crate::paging::PageQuery;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::clients::{ClientView, ContactView, CreateClientRequest, CreateContactRequest};
use accord_api::error::codes;
use accord_api::{ClientId, ClientStatus, ContactId, Page, PortalRole, UserStatus};
use accord_entity::{clients, contacts, users};
use chrono::Utc;

fn view(c: &clients::Model, contact_count: u64) -> ApiResult<ClientView> {
    Ok(ClientView {
        id: ClientId(c.id),
        name: c.name.clone(),
        status: ClientStatus::parse(&c.status).ok_or_else(|| ApiError::internal("bad client status"))?,
        contact_count,
        created_at: c.created_at,
    })
}

fn contact_view(c: &contacts::Model, user: Option<&users::Model>) -> ApiResult<ContactView> {
    Ok(ContactView {
        id: ContactId(c.id),
        client_id: ClientId(c.client_id),
        name: c.name.clone(),
        email: c.email.clone(),
        portal_role: PortalRole::parse(&c.portal_role).ok_or_else(|| ApiError::internal("bad portal role"))?,
        portal_status: user.and_then(|u| UserStatus::parse(&u.status)),
        created_at: c.created_at,
    })
}

#[tracing::instrument(skip(state))]
pub async fn list(state: &AppState, staff: &Staff, query: &PageQuery) -> ApiResult<Page<ClientView>> {
    let tx = state.db.tenant(staff).await?;
    let search = query.search();
    let (rows, total) = repo::page(&tx, search.as_deref(), query.offset(), query.per_page()).await?;
    let ids: Vec<uuid::Uuid> = rows.iter().map(|c| c.id).collect();
    let counts = repo::contact_counts(&tx, &ids).await?;
    tx.commit().await?;
    let items = rows.iter().map(|c| view(c, counts.get(&c.id).copied().unwrap_or(0))).collect::<ApiResult<_>>()?;
    Ok(Page { items, total, page: query.page(), per_page: query.per_page() })
}

#[tracing::instrument(skip(state, req))]
pub async fn create(state: &AppState, staff: &Staff, req: CreateClientRequest) -> ApiResult<ClientView> {
    staff.require_client_manager()?;
    let name = DisplayName::parse("name", &req.name)?;
    let tx = state.db.tenant(staff).await?;
    let now = Utc::now();
    let row = clients::Model {
        id: uuid::Uuid::new_v4(),
        agency_id: tx.agency_id().0,
        name_search: search_key(name.as_str()),
        name: name.into_inner(),
        status: req.status.as_str().into(),
        created_at: now,
        updated_at: now,
    };
    repo::insert(&tx, row.clone()).await?;
    tx.commit().await?;
    view(&row, 0)
}

pub async fn get(state: &AppState, staff: &Staff, id: ClientId) -> ApiResult<ClientView> {
    let tx = state.db.tenant(staff).await?;
    let client = repo::find(&tx, id).await?.ok_or_else(ApiError::not_found)?;
    let counts = repo::contact_counts(&tx, &[client.id]).await?;
    tx.commit().await?;
    view(&client, counts.get(&client.id).copied().unwrap_or(0))
}

pub async fn contacts(state: &AppState, staff: &Staff, id: ClientId) -> ApiResult<Vec<ContactView>> {
    let tx = state.db.tenant(staff).await?;
    repo::find(&tx, id).await?.ok_or_else(ApiError::not_found)?;
    let rows = repo::contacts_of(&tx, id).await?;
    tx.commit().await?;
    rows.iter().map(|(c, u)| contact_view(c, u.as_ref())).collect()
}

#[tracing::instrument(skip(state, req))]
pub async fn add_contact(
    state: &AppState,
    staff: &Staff,
    id: ClientId,
    req: CreateContactRequest,
) -> ApiResult<ContactView> {
    let tx = state.db.tenant(staff).await?;
    // Existence first: another agency's client is a 404 whatever the role.
    repo::find(&tx, id).await?.ok_or_else(ApiError::not_found)?;
    staff.require_client_manager()?;
    let name = DisplayName::parse("name", &req.name)?;
    let email = Email::parse("email", &req.email)?;
    if repo::contact_email_taken(&tx, id, email.as_str()).await? {
        return Err(ApiError::conflict(codes::ALREADY_EXISTS, "This client already has a contact with this email.")
            .with_field("email"));
    }
    let row = contacts::Model {
        id: uuid::Uuid::new_v4(),
        agency_id: tx.agency_id().0,
        client_id: id.0,
        user_id: None,
        name: name.into_inner(),
        email: email.into_inner(),
        portal_role: req.portal_role.as_str().into(),
        created_at: Utc::now(),
    };
    repo::insert_contact(&tx, row.clone()).await?;
    tx.commit().await?;
    contact_view(&row, None)
}
