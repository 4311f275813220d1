//! Project backlogs: items with a server-enforced status machine, the client's decisions with
//! frozen estimates, change requests ("no gifts"), comments (internal or client-visible),
//! field-level history, CSV export/import, and the two-agreed-items standard.

mod csv;
mod error;
mod handlers;
mod notify;
pub(crate) mod portal;
pub(crate) mod repo;
pub mod rules;
mod service;
pub mod standard;
mod transfer;
mod view;
mod workflow;

pub use error::BacklogError;
pub use repo::{agreed_counts, new_item};
pub use service::add_idea;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::below_standard)
        .service(handlers::export_csv)
        .service(handlers::import_csv)
        .service(handlers::list_items)
        .service(handlers::create_item)
        .service(handlers::get_item)
        .service(handlers::update_item)
        .service(handlers::change_status)
        .service(handlers::move_item)
        .service(handlers::add_comment)
        .service(handlers::portal_backlog)
        .service(handlers::portal_section)
        .service(handlers::portal_item)
        .service(handlers::portal_decide)
        .service(handlers::portal_comment);
}
