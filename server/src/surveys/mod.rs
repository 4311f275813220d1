//! Satisfaction surveys (NPS and CSI): the formulas ([`score`]), exact as `shared/PRODUCT.md`
//! states them; each agency's settings ([`settings`]); campaigns and their waves, invitations
//! with one-time links and reminders ([`campaigns`], [`jobs`]); answering in the portal or from
//! the link ([`respond`]); phone answers, promoter marks and detractors' follow-ups
//! ([`followups`]); the history import ([`import`]); and the staff analytics with
//! importance–performance quadrants, verbatims and CSV export ([`analytics`]). Every answer
//! records the client's manager and segment as they were when it was submitted ([`store`]).

mod analytics;
mod campaigns;
mod followups;
mod handlers;
mod import;
mod jobs;
mod mail;
mod questions;
pub(crate) mod respond;
pub mod score;
pub mod settings;
pub(crate) mod store;

pub use jobs::{RunAgencySurveys, SurveyClock};

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::get_settings)
        .service(handlers::save_settings)
        .service(handlers::list_campaigns)
        .service(handlers::create_campaign)
        .service(handlers::campaign)
        .service(handlers::update_campaign)
        .service(handlers::launch_campaign)
        .service(handlers::stop_campaign)
        .service(handlers::survey_analytics)
        .service(handlers::export)
        .service(handlers::import_answers)
        .service(handlers::answers)
        .service(handlers::mark_answer)
        .service(handlers::client_answers)
        .service(handlers::phone_answer)
        .service(handlers::followup_list)
        .service(handlers::close_followup)
        .service(handlers::portal_surveys)
        .service(handlers::portal_survey)
        .service(handlers::portal_draft)
        .service(handlers::portal_answer)
        .service(handlers::link_survey)
        .service(handlers::link_draft)
        .service(handlers::link_answer);
}
