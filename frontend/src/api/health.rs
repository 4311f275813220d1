//! Account health for staff (never in the portal): a client's score and history, the agency's
//! overview (at-risk list, portfolios, every client's score), the health settings with a preview
//! of a change, and the owner's cockpit.

use super::{encode, get_json, send_json, ApiError};
use accord_api::health::{ClientHealth, Cockpit, HealthOverview, HealthPreview, HealthSettings};
use accord_api::{ClientId, UserId};

/// `base`, narrowed to one manager's clients when `manager` is given.
fn for_manager(base: &str, manager: Option<UserId>) -> String {
    match manager {
        Some(manager) => format!("{base}?manager={}", encode(&manager.to_string())),
        None => base.to_owned(),
    }
}

/// A client's score now, how it was made, and its last 12 months.
pub async fn client(id: ClientId) -> Result<ClientHealth, ApiError> {
    get_json(&format!("/api/staff/clients/{id}/health")).await
}

/// The at-risk list, the portfolios per manager and every client's score (optionally one
/// manager's clients only).
pub async fn overview(manager: Option<UserId>) -> Result<HealthOverview, ApiError> {
    get_json(&for_manager("/api/staff/health", manager)).await
}

pub async fn settings() -> Result<HealthSettings, ApiError> {
    get_json("/api/staff/health-settings").await
}

/// Saves the weights and thresholds (owners and admins); scores are recomputed.
pub async fn save_settings(settings: &HealthSettings) -> Result<HealthSettings, ApiError> {
    send_json("PUT", "/api/staff/health-settings", settings).await
}

/// What `settings` would do to the scores; nothing is saved.
pub async fn preview(settings: &HealthSettings) -> Result<HealthPreview, ApiError> {
    send_json("POST", "/api/staff/health-settings/preview", settings).await
}

/// What needs doing across the caller's clients (or one manager's, for owners and admins).
pub async fn cockpit(manager: Option<UserId>) -> Result<Cockpit, ApiError> {
    get_json(&for_manager("/api/staff/cockpit", manager)).await
}
