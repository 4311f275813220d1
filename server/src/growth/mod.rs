//! Growing what a client buys: the profitability scorecard, upsell opportunities and the
//! per-manager pipeline, the service catalogue with prerequisites and each client's next
//! suggested services, and the knowledge base of service explainers read in the portal.

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(_cfg: &mut ServiceConfig) {}
