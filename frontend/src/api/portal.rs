//! The client contact's portal: home, the backlog with the client's decisions, comments.

use super::{get_json, send_json, ApiError};
use accord_api::backlog::{
    CommentView, DecisionRequest, PortalBacklog, PortalComment, PortalItem, PortalItemDetail, PortalSection,
    PORTAL_SECTION_SHOWN,
};
use accord_api::portal::PortalHome;
use accord_api::BacklogItemId;
use accord_api::Page;

pub async fn home() -> Result<PortalHome, ApiError> {
    get_json("/api/portal/home").await
}

/// The backlog in sections: awaiting a decision, planned, done, declined; plus change-request
/// totals by month.
pub async fn backlog() -> Result<PortalBacklog, ApiError> {
    get_json("/api/portal/backlog").await
}

/// Page `page` (from 1, [`PORTAL_SECTION_SHOWN`] a page) of one section of the backlog.
pub async fn section(section: PortalSection, page: u32) -> Result<Page<PortalItem>, ApiError> {
    get_json(&format!("/api/portal/backlog/sections/{}?page={page}&per_page={PORTAL_SECTION_SHOWN}", section.as_str()))
        .await
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
