//! The agency's own people: the team (owners and admins), the directory of colleagues for
//! pickers (any staff member), and the agency-wide settings.

use super::{get_json, send_json, ApiError};
use accord_api::staff::{AgencySettings, ChangeRoleRequest, SetStatusRequest, StaffMember};
use accord_api::{StaffRole, UserId, UserStatus};

pub async fn members() -> Result<Vec<StaffMember>, ApiError> {
    get_json("/api/staff/members").await
}

/// Active colleagues, for the account-manager and project-team pickers and the manager filter.
pub async fn directory() -> Result<Vec<StaffMember>, ApiError> {
    get_json("/api/staff/directory").await
}

pub async fn change_role(member: UserId, role: StaffRole) -> Result<StaffMember, ApiError> {
    let url = format!("/api/staff/members/{member}/role");
    send_json("PUT", &url, &ChangeRoleRequest { role }).await
}

pub async fn set_status(member: UserId, status: UserStatus) -> Result<StaffMember, ApiError> {
    let url = format!("/api/staff/members/{member}/status");
    send_json("PUT", &url, &SetStatusRequest { status }).await
}

pub async fn settings() -> Result<AgencySettings, ApiError> {
    get_json("/api/staff/agency/settings").await
}

pub async fn save_settings(settings: &AgencySettings) -> Result<AgencySettings, ApiError> {
    send_json("PUT", "/api/staff/agency/settings", settings).await
}
