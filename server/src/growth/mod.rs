//! Growing what a client buys: the profitability scorecard ([`scorecard`]), upsell
//! opportunities ([`upsells`]) and the per-manager pipeline with the won upsell share
//! ([`pipeline`]), the service catalogue with prerequisites ([`catalogue`]) and each client's
//! services and next suggestions ([`playbook`]), and the knowledge base of service explainers
//! read in the portal ([`articles`]). Demo data: [`demo`].

mod articles;
mod catalogue;
pub mod demo;
mod error;
mod handlers;
mod pipeline;
mod playbook;
mod scorecard;
mod settings;
mod upsells;
mod view;

pub use error::GrowthError;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::get_criteria)
        .service(handlers::save_criteria)
        .service(handlers::scorecard_table)
        .service(handlers::client_scorecard)
        .service(handlers::save_marks)
        .service(handlers::client_upsells)
        .service(handlers::create_upsell)
        .service(handlers::update_upsell)
        .service(handlers::delete_upsell)
        .service(handlers::pipeline)
        .service(handlers::list_services)
        .service(handlers::create_service)
        .service(handlers::update_service)
        .service(handlers::delete_service)
        .service(handlers::client_services)
        .service(handlers::record_client_service)
        .service(handlers::next_services)
        .service(handlers::list_articles)
        .service(handlers::create_article)
        .service(handlers::article)
        .service(handlers::update_article)
        .service(handlers::delete_article)
        .service(handlers::portal_knowledge)
        .service(handlers::portal_article);
}
