//! Risks and incidents of a client: the risk register (with its probability × impact matrix,
//! client-visible risks read-only in the portal) ([`register`]) and incidents taken through the
//! seeds' five steps ([`incidents`]): the client is told first (the approvers get a mail,
//! [`mail`]) and the portal shows the incident from then on ([`portal`]). How long an incident
//! has taken, against the agency's limit, is [`timing`]; rows become wire shapes in [`view`].

mod error;
mod handlers;
mod incidents;
mod mail;
mod portal;
mod register;
pub mod timing;
mod view;

pub use error::RiskError;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::risk_register)
        .service(handlers::create_risk)
        .service(handlers::update_risk)
        .service(handlers::delete_risk)
        .service(handlers::list_incidents)
        .service(handlers::create_incident)
        .service(handlers::incident)
        .service(handlers::incident_step)
        .service(handlers::portal_risks)
        .service(handlers::acknowledge_plan);
}
