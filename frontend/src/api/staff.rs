//! The agency staff app: clients, their contacts, and the team.

use super::{encode, get_json, send_json, ApiError};
use accord_api::clients::{ClientView, ContactView, CreateClientRequest, CreateContactRequest};
use accord_api::staff::{ChangeRoleRequest, SetStatusRequest, StaffMember};
use accord_api::{ClientId, Page, StaffRole, UserId, UserStatus};

pub async fn list_clients(page: u64, per_page: u64, query: &str) -> Result<Page<ClientView>, ApiError> {
    let mut url = format!("/api/staff/clients?page={page}&per_page={per_page}");
    if !query.trim().is_empty() {
        url.push_str("&q=");
        url.push_str(&encode(query.trim()));
    }
    get_json(&url).await
}

pub async fn create_client(request: &CreateClientRequest) -> Result<ClientView, ApiError> {
    send_json("POST", "/api/staff/clients", request).await
}

pub async fn client(id: ClientId) -> Result<ClientView, ApiError> {
    get_json(&format!("/api/staff/clients/{id}")).await
}

pub async fn contacts(client: ClientId) -> Result<Vec<ContactView>, ApiError> {
    get_json(&format!("/api/staff/clients/{client}/contacts")).await
}

pub async fn create_contact(client: ClientId, request: &CreateContactRequest) -> Result<ContactView, ApiError> {
    send_json("POST", &format!("/api/staff/clients/{client}/contacts"), request).await
}

pub async fn members() -> Result<Vec<StaffMember>, ApiError> {
    get_json("/api/staff/members").await
}

pub async fn change_role(member: UserId, role: StaffRole) -> Result<StaffMember, ApiError> {
    let url = format!("/api/staff/members/{member}/role");
    send_json("PUT", &url, &ChangeRoleRequest { role }).await
}

pub async fn set_status(member: UserId, status: UserStatus) -> Result<StaffMember, ApiError> {
    let url = format!("/api/staff/members/{member}/status");
    send_json("PUT", &url, &SetStatusRequest { status }).await
}
