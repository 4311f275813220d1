//! Client accounts and their contacts, `/api/staff/clients`, and CSV exports.

pub mod access;
mod contacts;
mod error;
pub(crate) mod export;
mod handlers;
pub mod repo;
mod service;
pub mod view;

pub use error::ClientError;
pub(crate) use handlers::csv_attachment;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::export_clients)
        .service(handlers::export_contacts)
        .service(handlers::list_clients)
        .service(handlers::create_client)
        .service(handlers::get_client)
        .service(handlers::update_client)
        .service(handlers::archive_client)
        .service(handlers::unarchive_client)
        .service(handlers::status_history)
        .service(handlers::contact_history)
        .service(handlers::list_contacts)
        .service(handlers::create_contact)
        .service(handlers::update_contact)
        .service(handlers::contact_left);
}
