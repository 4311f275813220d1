//! Client accounts and their contacts (the minimal shape; the full profile comes later).

use crate::{ClientId, ClientStatus, ContactId, PortalRole, UserStatus};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientView {
    pub id: ClientId,
    pub name: String,
    pub status: ClientStatus,
    pub contact_count: u64,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateClientRequest {
    pub name: String,
    #[serde(default = "default_status")]
    pub status: ClientStatus,
}

fn default_status() -> ClientStatus {
    ClientStatus::Onboarding
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactView {
    pub id: ContactId,
    pub client_id: ClientId,
    pub name: String,
    pub email: String,
    pub portal_role: PortalRole,
    /// `None` while the contact has no portal account yet.
    pub portal_status: Option<UserStatus>,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateContactRequest {
    pub name: String,
    pub email: String,
    pub portal_role: PortalRole,
}
