//! A client's projects (site, SEO, ads, app, …) with dates, budget and team,
//! `/api/staff/clients/{id}/projects`. Team membership is what lets specialists see a client.

mod error;
mod handlers;
mod service;

pub use error::ProjectError;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::list_projects).service(handlers::create_project).service(handlers::update_project);
}
