//! The touchpoint log of a client: calls, meetings, emails, chats, gifts, newsletters.
//! Logging one moves the client's `last_touch_at`, which drives the silence warning.

mod error;
mod handlers;
mod repo;
mod service;
mod view;

pub use error::TouchpointError;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::list_touchpoints).service(handlers::log_touchpoint);
}
