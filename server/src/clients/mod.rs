//! Client accounts and their contacts, `/api/staff/clients`.

mod handlers;
mod repo;
mod service;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::list_clients)
        .service(handlers::create_client)
        .service(handlers::get_client)
        .service(handlers::list_contacts)
        .service(handlers::create_contact);
}
