//! The platform operator's `/api/platform` endpoints: agencies and their usage, never content.

mod error;
mod handlers;
mod operator;
pub mod service;

pub use error::PlatformError;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::list_agencies)
        .service(handlers::create_agency)
        .service(handlers::suspend_agency)
        .service(handlers::reactivate_agency);
}
