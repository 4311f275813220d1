//! The client contact's portal: home, the backlog with the client's decisions, comments.

use super::{get_json, send_json, ApiError};
use accord_api::backlog::{CommentView, DecisionRequest, PortalBacklog, PortalComment, PortalItemDetail};
use accord_api::portal::PortalHome;
use accord_api::BacklogItemId;

pub async fn home() -> Result<PortalHome, ApiError> {
    get_json("/api/portal/home").await
}

/// The backlog in sections: awaiting a decision, planned, done, declined; plus change-request
/// totals by month.
pub async fn backlog() -> Result<PortalBacklog, ApiError> {
    get_json("/api/portal/backlog").await
}

/// One item with its client-visible comments, oldest first.
pub async fn backlog_item(item: BacklogItemId) -> Result<PortalItemDetail, ApiError> {
    get_json(&format!("/api/portal/backlog/{item}")).await
}

/// An approver's answer; `409 stale_version` when the item changed since it was shown.
pub async fn decide(item: BacklogItemId, request: &DecisionRequest) -> Result<PortalItemDetail, ApiError> {
    send_json("POST", &format!("/api/portal/backlog/{item}/decision"), request).await
}

pub async fn comment(item: BacklogItemId, body: String) -> Result<CommentView, ApiError> {
    send_json("POST", &format!("/api/portal/backlog/{item}/comments"), &PortalComment { body }).await
}
