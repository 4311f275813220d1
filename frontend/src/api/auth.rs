//! Public configuration, sign-in/up/out and the signed-in person's own settings.

use super::{get_json, send_json, send_no_content, ApiError};
use accord_api::auth::{ChangePasswordRequest, Me, PublicConfig, SetLocaleRequest, SignInRequest, SignUpRequest};
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
