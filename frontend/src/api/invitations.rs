//! Invitations: staff send, list, resend and revoke them; the invited person previews and
//! accepts theirs with the token from the link (sent in the body, never in a URL).

use super::{get_json, post_empty, send_json, ApiError};
use accord_api::auth::Me;
use accord_api::invitations::{
    AcceptInvitationRequest, InvitationKind, InvitationPreview, InvitationView, InviteStaffRequest, TokenRequest,
};
use accord_api::{ClientId, ContactId, InvitationId};

pub async fn invite_staff(request: &InviteStaffRequest) -> Result<InvitationView, ApiError> {
    send_json("POST", "/api/staff/invitations", request).await
}

/// Open (pending or expired) invitations of one kind, newest first.
pub async fn list(kind: InvitationKind) -> Result<Vec<InvitationView>, ApiError> {
    let kind = match kind {
        InvitationKind::Staff => "staff",
        InvitationKind::Contact => "contact",
    };
    get_json(&format!("/api/staff/invitations?kind={kind}")).await
}

/// Invites a client contact in the agency's default language.
pub async fn invite_contact(client: ClientId, contact: ContactId) -> Result<InvitationView, ApiError> {
    let url = format!("/api/staff/clients/{client}/contacts/{contact}/invitation");
    post_empty(&url).await
}

/// A fresh link, valid seven more days; the previous one stops working.
pub async fn resend(id: InvitationId) -> Result<InvitationView, ApiError> {
    post_empty(&format!("/api/staff/invitations/{id}/resend")).await
}

pub async fn revoke(id: InvitationId) -> Result<InvitationView, ApiError> {
    post_empty(&format!("/api/staff/invitations/{id}/revoke")).await
}

pub async fn preview(token: String) -> Result<InvitationPreview, ApiError> {
    send_json("POST", "/api/public/invitations/preview", &TokenRequest { token }).await
}

/// Sets the password, creates the account and signs this browser in.
pub async fn accept(request: &AcceptInvitationRequest) -> Result<Me, ApiError> {
    send_json("POST", "/api/public/invitations/accept", request).await
}
