//! Client accounts: the filtered list, the profile, archiving, status history, contacts and
//! their history, and the CSV exports.

use super::{encode, get_json, post_empty, send_json, ApiError};
use accord_api::clients::{
    ClientProfile, ClientView, ContactEvent, ContactLeftRequest, ContactView, CreateClientRequest,
    CreateContactRequest, StatusChange, UpdateClientRequest,
};
use accord_api::{ClientId, ContactId, Page};

pub const EXPORT_CLIENTS_CSV: &str = "/api/staff/exports/clients.csv";
pub const EXPORT_CONTACTS_CSV: &str = "/api/staff/exports/contacts.csv";

/// Search, filters and order of the client list (the server's own query type); also what the
/// list page keeps in its URL.
pub use accord_api::clients::{ClientQuery, ClientSort, ManagerFilter};

/// The search, filters and order that are set as `key=value` pairs (values percent-encoded),
/// paging aside.
pub fn query_string(query: &ClientQuery) -> String {
    query.filter_pairs().iter().map(|(key, value)| format!("{key}={}", encode(value))).collect::<Vec<_>>().join("&")
}

pub async fn list(query: &ClientQuery, page: u64, per_page: u64) -> Result<Page<ClientView>, ApiError> {
    let mut url = format!("/api/staff/clients?page={page}&per_page={per_page}");
    let rest = query_string(query);
    if !rest.is_empty() {
        url.push('&');
        url.push_str(&rest);
    }
    get_json(&url).await
}

pub async fn create(request: &CreateClientRequest) -> Result<ClientView, ApiError> {
    send_json("POST", "/api/staff/clients", request).await
}

pub async fn profile(id: ClientId) -> Result<ClientProfile, ApiError> {
    get_json(&format!("/api/staff/clients/{id}")).await
}

/// Replaces the whole editable profile.
pub async fn update(id: ClientId, request: &UpdateClientRequest) -> Result<ClientProfile, ApiError> {
    send_json("PUT", &format!("/api/staff/clients/{id}"), request).await
}

pub async fn set_archived(id: ClientId, archived: bool) -> Result<ClientProfile, ApiError> {
    let action = if archived { "archive" } else { "unarchive" };
    post_empty(&format!("/api/staff/clients/{id}/{action}")).await
}

pub async fn status_history(id: ClientId) -> Result<Vec<StatusChange>, ApiError> {
    get_json(&format!("/api/staff/clients/{id}/status-history")).await
}

/// Current contacts first, then those who left.
pub async fn contacts(client: ClientId) -> Result<Vec<ContactView>, ApiError> {
    get_json(&format!("/api/staff/clients/{client}/contacts")).await
}

pub async fn create_contact(client: ClientId, request: &CreateContactRequest) -> Result<ContactView, ApiError> {
    send_json("POST", &format!("/api/staff/clients/{client}/contacts"), request).await
}

pub async fn update_contact(
    client: ClientId,
    contact: ContactId,
    request: &CreateContactRequest,
) -> Result<ContactView, ApiError> {
    send_json("PUT", &format!("/api/staff/clients/{client}/contacts/{contact}"), request).await
}

/// The person left the client (their portal access ends); `replaced_by` took over.
pub async fn contact_left(
    client: ClientId,
    contact: ContactId,
    replaced_by: Option<ContactId>,
) -> Result<ContactView, ApiError> {
    let url = format!("/api/staff/clients/{client}/contacts/{contact}/leave");
    send_json("POST", &url, &ContactLeftRequest { replaced_by }).await
}

pub async fn contact_history(client: ClientId) -> Result<Vec<ContactEvent>, ApiError> {
    get_json(&format!("/api/staff/clients/{client}/contacts/history")).await
}
