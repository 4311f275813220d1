//! HTTP in and out for invitations.

use super::{accept, service};
use crate::auth::signed_in_response;
use crate::error::ApiResult;
use crate::http::client_info;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::auth::Me;
use accord_api::invitations::{
    AcceptInvitationRequest, InvitationKind, InvitationPreview, InvitationView, InviteContactRequest,
    InviteStaffRequest, TokenRequest,
};
use accord_api::{ClientId, ContactId, ErrorBody, InvitationId};
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::Deserialize;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct KindQuery {
    /// `staff` (owner/admin) or `contact` (client managers).
    pub kind: InvitationKind,
}

/// Invites a staff member by email (owner/admin; only an owner invites an owner).
#[utoipa::path(tag = "invitations", request_body = InviteStaffRequest, responses(
    (status = 201, body = InvitationView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/invitations")]
pub(super) async fn invite_staff(
    state: web::Data<AppState>,
    staff: Staff,
    body: web::Json<InviteStaffRequest>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(service::invite_staff(&state, &staff, body.into_inner()).await?))
}

/// Open invitations of one kind (pending and expired).
#[utoipa::path(tag = "invitations", params(KindQuery), responses(
    (status = 200, body = Vec<InvitationView>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/staff/invitations")]
pub(super) async fn list_invitations(
    state: web::Data<AppState>,
    staff: Staff,
    q: web::Query<KindQuery>,
) -> ApiResult<web::Json<Vec<InvitationView>>> {
    Ok(web::Json(service::list(&state, &staff, q.kind).await?))
}

/// Sends a new link (the old one stops working) valid for seven more days.
#[utoipa::path(tag = "invitations", params(("id" = InvitationId, Path, description = "Invitation id")), responses(
    (status = 200, body = InvitationView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
#[post("/staff/invitations/{id}/resend")]
pub(super) async fn resend_invitation(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<InvitationId>,
) -> ApiResult<web::Json<InvitationView>> {
    Ok(web::Json(service::resend(&state, &staff, id.into_inner()).await?))
}

/// Withdraws an invitation; its link stops working.
#[utoipa::path(tag = "invitations", params(("id" = InvitationId, Path, description = "Invitation id")), responses(
    (status = 200, body = InvitationView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
#[post("/staff/invitations/{id}/revoke")]
pub(super) async fn revoke_invitation(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<InvitationId>,
) -> ApiResult<web::Json<InvitationView>> {
    Ok(web::Json(service::revoke(&state, &staff, id.into_inner()).await?))
}

/// Invites a client contact to the portal.
#[utoipa::path(tag = "invitations", params(
    ("id" = ClientId, Path, description = "Client id"), ("contact_id" = ContactId, Path, description = "Contact id")),
    request_body = InviteContactRequest, responses(
    (status = 201, body = InvitationView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
#[post("/staff/clients/{id}/contacts/{contact_id}/invitation")]
pub(super) async fn invite_contact(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<(ClientId, ContactId)>,
    body: web::Json<InviteContactRequest>,
) -> ApiResult<HttpResponse> {
    let (client, contact) = path.into_inner();
    Ok(HttpResponse::Created().json(service::invite_contact(&state, &staff, client, contact, body.into_inner()).await?))
}

/// What an invitation link offers (public; the token is the credential).
#[utoipa::path(tag = "invitations", request_body = TokenRequest, responses(
    (status = 200, body = InvitationPreview), (status = 404, body = ErrorBody)))]
#[post("/public/invitations/preview")]
pub(super) async fn preview_invitation(
    state: web::Data<AppState>,
    body: web::Json<TokenRequest>,
) -> ApiResult<web::Json<InvitationPreview>> {
    Ok(web::Json(accept::preview(&state, &body.token).await?))
}

/// Accepts an invitation: sets the password and signs in.
#[utoipa::path(tag = "invitations", request_body = AcceptInvitationRequest, responses(
    (status = 200, body = Me), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
    (status = 410, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/public/invitations/accept")]
pub(super) async fn accept_invitation(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<AcceptInvitationRequest>,
) -> ApiResult<HttpResponse> {
    let session = accept::accept(&state, &body.token, &body.password, &client_info(&req)).await?;
    signed_in_response(&state, session).await
}
