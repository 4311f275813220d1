//! The agency's own people, `/api/staff/members` (owner and admin).

mod error;
mod handlers;
mod service;

pub use error::StaffError;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::list_members)
        .service(handlers::change_role)
        .service(handlers::set_status)
        .service(handlers::get_settings)
        .service(handlers::put_settings)
        .service(handlers::directory);
}
