//! Account health: a 0–100 score per client from weighted signals of the delivery relationship,
//! each graded 0–10 with its reason ([`signals`], from facts gathered in a constant number of
//! statements by [`facts`]); recomputed when a signal changes ([`changed`]) and daily
//! ([`jobs`]), every recomputation kept as history ([`store`]); the corridor, the at-risk list,
//! portfolios and the settings preview ([`view`]); the agency's weights ([`settings`]); and the
//! owner's cockpit ([`cockpit`]). Never shown in the portal.

mod cockpit;
pub mod facts;
mod handlers;
mod jobs;
pub mod settings;
pub mod signals;
pub mod store;
pub mod view;

pub use jobs::{HealthDaily, RecomputeHealth};

use crate::db::ClientTx;
use crate::error::ApiResult;
use crate::jobs::NewJob;
use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::client_health)
        .service(handlers::overview)
        .service(handlers::get_settings)
        .service(handlers::save_settings)
        .service(handlers::preview)
        .service(handlers::cockpit);
}

/// Marks a client's health as changed: its score is recomputed by a job queued in the same
/// transaction (so it runs only if the change commits). Called from every write that moves a
/// signal (touchpoints, promises, minutes, reports, backlog, survey answers, incidents).
pub async fn changed(tx: &ClientTx) -> ApiResult<()> {
    let job = RecomputeHealth { agency: tx.agency_id(), client: Some(tx.client_id()), cause: "change".into() };
    crate::jobs::enqueue(tx, NewJob::new(&job)?).await?;
    Ok(())
}

/// Saves checked settings (owners and admins) and queues the agency's recomputation.
pub async fn save_settings(
    state: &crate::state::AppState,
    staff: &crate::tenancy::Staff,
    input: accord_api::health::HealthSettings,
) -> ApiResult<accord_api::health::HealthSettings> {
    staff.require_admin()?;
    let checked = settings::check(input)?;
    let tx = state.db.tenant(staff).await?;
    settings::store(&tx, &checked, staff.user()).await?;
    let job = RecomputeHealth { agency: staff.agency(), client: None, cause: "settings".into() };
    crate::jobs::enqueue(&tx, NewJob::new(&job)?).await?;
    tx.commit().await?;
    Ok(checked)
}
