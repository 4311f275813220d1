//! HTTP in and out for `/api/auth` and `/api/public`; the rules live in `service`.

use super::session::{self, NewSession};
use super::{me as me_view, password, reset, service, AuthError};
use crate::error::ApiResult;
use crate::http::client_info;
use crate::state::AppState;
use crate::tenancy::SignedIn;
use accord_api::auth::{
    ChangePasswordRequest, Me, PublicConfig, SetLocaleRequest, SignInRequest, SignUpRequest, UpdateProfileRequest,
};
use accord_api::invitations::{CompletePasswordReset, RequestPasswordReset, ResetTokenState, TokenRequest};
use accord_api::ErrorBody;
use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::{get, post, put, web, HttpRequest, HttpResponse};

/// The cookie that carries a new session: host-only, HttpOnly, `Secure` behind HTTPS, `Lax`,
/// living as long as the session may.
fn session_cookie(state: &AppState, session: NewSession) -> Cookie<'static> {
    let secure = state.settings.cookie_secure();
    Cookie::build(session::cookie_name(secure), session.token)
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .max_age(CookieDuration::seconds(session.max_age.num_seconds()))
        .finish()
}

/// A cookie that tells the browser to forget the session.
fn removal_cookie(state: &AppState) -> Cookie<'static> {
    let secure = state.settings.cookie_secure();
    let mut c = Cookie::build(session::cookie_name(secure), "")
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .finish();
    c.make_removal();
    c
}

/// Facts the sign-in page needs before anyone is signed in.
#[utoipa::path(tag = "auth", responses((status = 200, body = PublicConfig)))]
#[get("/public/config")]
pub(super) async fn public_config(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok().json(PublicConfig {
        signup_open: state.settings.signup_open(),
        password_min_len: password::MIN_LEN as u32,
        password_max_len: password::MAX_LEN as u32,
    })
}

/// Answers a request that just opened a session: the cookie plus the `Me` it resolves to.
pub async fn signed_in_response(state: &AppState, new: NewSession) -> ApiResult<HttpResponse> {
    // Resolve the new session the same way every later request will.
    let hash = session::hash_token(&new.token);
    let principal = crate::tenancy::resolve_by_hash(state, &hash).await?.ok_or(AuthError::NotSignedIn)?;
    let body = me_view::load(state, &principal).await?;
    Ok(HttpResponse::Ok().cookie(session_cookie(state, new)).json(body))
}

/// Signs in with email and password; sets the session cookie.
#[utoipa::path(tag = "auth", request_body = SignInRequest, responses(
    (status = 200, body = Me), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 409, body = ErrorBody, description = "agency_choice_required"), (status = 429, body = ErrorBody)))]
#[post("/auth/sign-in")]
pub(super) async fn sign_in(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<SignInRequest>,
) -> ApiResult<HttpResponse> {
    let (session, _) = service::sign_in(&state, body.into_inner(), &client_info(&req)).await?;
    signed_in_response(&state, session).await
}

/// Creates an agency and its owner (only with `ACCORD_SIGNUP=open`).
#[utoipa::path(tag = "auth", request_body = SignUpRequest, responses(
    (status = 200, body = Me), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/auth/sign-up")]
pub(super) async fn sign_up(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<SignUpRequest>,
) -> ApiResult<HttpResponse> {
    let (session, _) = service::sign_up(&state, body.into_inner(), &client_info(&req)).await?;
    signed_in_response(&state, session).await
}

/// Ends this session.
#[utoipa::path(tag = "auth", responses((status = 204), (status = 401, body = ErrorBody)))]
#[post("/auth/sign-out")]
pub(super) async fn sign_out(state: web::Data<AppState>, req: HttpRequest, who: SignedIn) -> ApiResult<HttpResponse> {
    service::sign_out(&state, &who.0, &client_info(&req)).await?;
    Ok(HttpResponse::NoContent().cookie(removal_cookie(&state)).finish())
}

/// The signed-in person.
#[utoipa::path(tag = "auth", responses((status = 200, body = Me), (status = 401, body = ErrorBody)))]
#[get("/auth/me")]
pub(super) async fn me(state: web::Data<AppState>, who: SignedIn) -> ApiResult<web::Json<Me>> {
    Ok(web::Json(me_view::load(&state, &who.0).await?))
}

/// Changes the password; every other session of this person ends.
#[utoipa::path(tag = "auth", request_body = ChangePasswordRequest, responses(
    (status = 204), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/auth/password")]
pub(super) async fn change_password(
    state: web::Data<AppState>,
    req: HttpRequest,
    who: SignedIn,
    body: web::Json<ChangePasswordRequest>,
) -> ApiResult<HttpResponse> {
    let session = service::change_password(&state, &who.0, body.into_inner(), &client_info(&req)).await?;
    Ok(HttpResponse::NoContent().cookie(session_cookie(&state, session)).finish())
}

/// Sets the language this person reads Accord in.
#[utoipa::path(tag = "auth", request_body = SetLocaleRequest, responses((status = 200, body = Me), (status = 401, body = ErrorBody)))]
#[put("/auth/locale")]
pub(super) async fn set_locale(
    state: web::Data<AppState>,
    who: SignedIn,
    body: web::Json<SetLocaleRequest>,
) -> ApiResult<web::Json<Me>> {
    service::set_locale(&state, &who.0, body.locale).await?;
    let mut principal = who.0;
    principal.locale = body.locale;
    Ok(web::Json(me_view::load(&state, &principal).await?))
}

/// Mails a one-hour reset link if an account has this email; answers the same either way.
#[utoipa::path(tag = "auth", request_body = RequestPasswordReset, responses((status = 202)))]
#[post("/public/password-reset/request")]
pub(super) async fn request_password_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<RequestPasswordReset>,
) -> ApiResult<HttpResponse> {
    reset::request(&state, &body.email, &client_info(&req)).await?;
    Ok(HttpResponse::Accepted().json(serde_json::json!({})))
}

/// Whether a reset link can still be used.
#[utoipa::path(tag = "auth", request_body = TokenRequest, responses(
    (status = 200, body = ResetTokenState), (status = 404, body = ErrorBody)))]
#[post("/public/password-reset/check")]
pub(super) async fn check_password_reset(
    state: web::Data<AppState>,
    body: web::Json<TokenRequest>,
) -> ApiResult<web::Json<ResetTokenState>> {
    Ok(web::Json(reset::check(&state, &body.token).await?))
}

/// Sets a new password from a reset link and signs in; other sessions end.
#[utoipa::path(tag = "auth", request_body = CompletePasswordReset, responses(
    (status = 200, body = Me), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
    (status = 410, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/public/password-reset/complete")]
pub(super) async fn complete_password_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<CompletePasswordReset>,
) -> ApiResult<HttpResponse> {
    let session = reset::complete(&state, &body.token, &body.password, &client_info(&req)).await?;
    signed_in_response(&state, session).await
}

/// Changes the signed-in person's display name.
#[utoipa::path(tag = "auth", request_body = UpdateProfileRequest, responses(
    (status = 200, body = Me), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/auth/profile")]
pub(super) async fn update_profile(
    state: web::Data<AppState>,
    who: SignedIn,
    body: web::Json<UpdateProfileRequest>,
) -> ApiResult<web::Json<Me>> {
    let name = crate::domain::DisplayName::parse("name", &body.name)?;
    service::set_name(&state, &who.0, &name).await?;
    let mut principal = who.0;
    principal.name = name.into_inner();
    Ok(web::Json(me_view::load(&state, &principal).await?))
}
