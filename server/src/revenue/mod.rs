//! What the money documents add up to: LTV, lifetime, ACV, unpaid and overdue totals per
//! client, the agency's money overview with its monthly revenue trend, and the ABC tiers by
//! Pareto over trailing-12-month paid revenue (recomputed daily and after every payment).
//! The formulas are in [`figures`] and [`abc`]; the grouped queries in [`repo`].

pub mod abc;
pub mod figures;
mod handlers;
mod jobs;
pub mod repo;
pub mod service;

pub use jobs::{next_minute, FinanceAbc};

use crate::db::ClientTx;
use crate::error::ApiResult;
use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::client_money).service(handlers::overview).service(handlers::clear_tier);
}

/// Called in the transaction of every change to a client's invoices or payments: queues what
/// depends on paid revenue (the agency's ABC tiers, at most once a minute; the client's health
/// score).
pub(crate) async fn payments_changed(tx: &ClientTx) -> ApiResult<()> {
    jobs::queue_after_payment(tx, tx.agency_id()).await?;
    crate::health::changed(tx).await
}

/// The same after an agency-wide change (the invoice import spans clients): the agency's ABC
/// tiers and every client's health score.
pub(crate) async fn payments_changed_in_agency(tx: &crate::db::TenantTx) -> ApiResult<()> {
    jobs::queue_after_payment(tx, tx.agency_id()).await?;
    let job = crate::health::RecomputeHealth { agency: tx.agency_id(), client: None, cause: "change".into() };
    crate::jobs::enqueue(tx, crate::jobs::NewJob::new(&job)?).await?;
    Ok(())
}
