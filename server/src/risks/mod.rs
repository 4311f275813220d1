//! Risks and incidents of a client: the risk register (with its probability × impact matrix,
//! client-visible risks read-only in the portal) and incidents taken through the seeds' five
//! steps (the client is told first; the portal shows the incident from then on).

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(_cfg: &mut ServiceConfig) {}
