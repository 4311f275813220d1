//! A client's roadmap: point A and point B, goals with dated KPI values, stages with the
//! backlog items linked to them. Staff with Manage access edit it; the portal reads it.

mod error;
mod goals;
mod handlers;
mod points;
mod stages;
pub mod view;

pub use error::RoadmapError;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::get_roadmap)
        .service(handlers::put_points)
        .service(handlers::create_goal)
        .service(handlers::update_goal)
        .service(handlers::delete_goal)
        .service(handlers::add_goal_value)
        .service(handlers::create_stage)
        .service(handlers::update_stage)
        .service(handlers::delete_stage)
        .service(handlers::portal_roadmap);
}
