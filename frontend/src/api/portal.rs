//! The client contact's portal.

use super::{get_json, ApiError};
use accord_api::portal::PortalHome;

pub async fn home() -> Result<PortalHome, ApiError> {
    get_json("/api/portal/home").await
}
