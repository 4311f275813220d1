//! Authentication: passwords, sessions, throttling, and the `/api/auth` endpoints.

mod error;
mod handlers;
pub use error::AuthError;
pub use handlers::signed_in_response;
pub mod me;
pub mod password;
mod reset;
mod service;
pub mod session;
pub mod throttle;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::public_config)
        .service(handlers::sign_in)
        .service(handlers::sign_up)
        .service(handlers::sign_out)
        .service(handlers::me)
        .service(handlers::change_password)
        .service(handlers::set_locale)
        .service(handlers::update_profile)
        .service(handlers::request_password_reset)
        .service(handlers::check_password_reset)
        .service(handlers::complete_password_reset);
}
