//! Public configuration, sign-in/up/out and the signed-in person's own settings.

use super::{get_json, send_json, send_no_content, ApiError};
use accord_api::auth::{
    ChangePasswordRequest, Me, PublicConfig, SetLocaleRequest, SignInRequest, SignUpRequest, UpdateProfileRequest,
};
use accord_api::invitations::{CompletePasswordReset, RequestPasswordReset, ResetTokenState, TokenRequest};
use accord_api::Locale;

pub async fn public_config() -> Result<PublicConfig, ApiError> {
    get_json("/api/public/config").await
}

pub async fn sign_in(request: &SignInRequest) -> Result<Me, ApiError> {
    send_json("POST", "/api/auth/sign-in", request).await
}

pub async fn sign_up(request: &SignUpRequest) -> Result<Me, ApiError> {
    send_json("POST", "/api/auth/sign-up", request).await
}

pub async fn me() -> Result<Me, ApiError> {
    get_json("/api/auth/me").await
}

pub async fn sign_out() -> Result<(), ApiError> {
    send_no_content("POST", "/api/auth/sign-out", None::<&()>).await
}

pub async fn change_password(request: &ChangePasswordRequest) -> Result<(), ApiError> {
    send_no_content("POST", "/api/auth/password", Some(request)).await
}

pub async fn set_locale(locale: Locale) -> Result<Me, ApiError> {
    send_json("PUT", "/api/auth/locale", &SetLocaleRequest { locale }).await
}

/// Changes the signed-in person's display name.
pub async fn update_profile(name: String) -> Result<Me, ApiError> {
    send_json("PUT", "/api/auth/profile", &UpdateProfileRequest { name }).await
}

/// Asks for a reset link; the answer is the same (202) whether or not the address has an account.
pub async fn request_password_reset(email: String) -> Result<(), ApiError> {
    send_no_content("POST", "/api/public/password-reset/request", Some(&RequestPasswordReset { email })).await
}

pub async fn check_password_reset(token: String) -> Result<ResetTokenState, ApiError> {
    send_json("POST", "/api/public/password-reset/check", &TokenRequest { token }).await
}

/// Sets the new password and signs this browser in (other sessions end).
pub async fn complete_password_reset(request: &CompletePasswordReset) -> Result<Me, ApiError> {
    send_json("POST", "/api/public/password-reset/complete", request).await
}
