//! The platform operator's agency administration.

use super::{get_json, post_empty, send_json, ApiError};
use accord_api::platform::{AgencyUsage, CreateAgencyRequest};
use accord_api::{AgencyId, Page};

pub async fn agencies(page: u64, per_page: u64) -> Result<Page<AgencyUsage>, ApiError> {
    get_json(&format!("/api/platform/agencies?page={page}&per_page={per_page}")).await
}

pub async fn create_agency(request: &CreateAgencyRequest) -> Result<AgencyUsage, ApiError> {
    send_json("POST", "/api/platform/agencies", request).await
}

pub async fn suspend(agency: AgencyId) -> Result<AgencyUsage, ApiError> {
    let url = format!("/api/platform/agencies/{agency}/suspend");
    post_empty(&url).await
}

pub async fn reactivate(agency: AgencyId) -> Result<AgencyUsage, ApiError> {
    let url = format!("/api/platform/agencies/{agency}/reactivate");
    post_empty(&url).await
}
