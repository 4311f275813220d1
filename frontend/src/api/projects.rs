//! A client's projects and its touchpoint log.

use super::{get_json, send_json, ApiError};
use accord_api::projects::{NewTouchpoint, ProjectInput, ProjectView, TouchpointView};
use accord_api::{ClientId, Page, ProjectId};

pub async fn list(client: ClientId) -> Result<Vec<ProjectView>, ApiError> {
    get_json(&format!("/api/staff/clients/{client}/projects")).await
}

pub async fn create(client: ClientId, input: &ProjectInput) -> Result<ProjectView, ApiError> {
    send_json("POST", &format!("/api/staff/clients/{client}/projects"), input).await
}

pub async fn update(client: ClientId, project: ProjectId, input: &ProjectInput) -> Result<ProjectView, ApiError> {
    send_json("PUT", &format!("/api/staff/clients/{client}/projects/{project}"), input).await
}

/// Newest first.
pub async fn touchpoints(client: ClientId, page: u64, per_page: u64) -> Result<Page<TouchpointView>, ApiError> {
    get_json(&format!("/api/staff/clients/{client}/touchpoints?page={page}&per_page={per_page}")).await
}

pub async fn log_touchpoint(client: ClientId, touchpoint: &NewTouchpoint) -> Result<TouchpointView, ApiError> {
    send_json("POST", &format!("/api/staff/clients/{client}/touchpoints"), touchpoint).await
}
