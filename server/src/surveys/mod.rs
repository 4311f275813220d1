//! Satisfaction surveys (NPS and CSI). So far: the formulas ([`score`]), exact as
//! `shared/PRODUCT.md` states them, and each agency's survey settings ([`settings`]: NPS wording
//! in both languages, CSI criteria, recontact guard, follow-up days), which campaigns, answers
//! and analytics build on.

mod handlers;
pub mod score;
pub mod settings;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::get_settings).service(handlers::save_settings);
}
