//! The server's OpenAPI document, read as plain JSON.

use super::{get_json, ApiError};

pub async fn openapi() -> Result<serde_json::Value, ApiError> {
    get_json("/api/openapi.json").await
}
