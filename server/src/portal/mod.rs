//! The client portal's `/api/portal` endpoints: only the contact's own client, never internals.

mod handlers;
mod service;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::home);
}
