//! Authentication: passwords, sessions, throttling, and the `/api/auth` endpoints.

mod handlers;
pub mod me;
pub mod password;
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
        .service(handlers::set_locale);
}
