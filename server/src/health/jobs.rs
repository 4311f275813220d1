//! Recomputing scores in the background: [`RecomputeHealth`] for one client after a change to
//! one of its signals (queued in the changing transaction by [`super::changed`]) or for a whole
//! agency (daily, and after its settings change); [`HealthDaily`] queues the daily run of every
//! active agency, once per agency and day however many instances scan.

use super::store;
use crate::db::TenantScope;
use crate::error::ApiError;
use crate::jobs::{self, Job, JobContext, JobError, NewJob};
use crate::state::AppState;
use accord_api::{AgencyId, AgencyStatus, ClientId};
use accord_entity::agencies;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use serde::{Deserialize, Serialize};

/// Recompute one client's score (`client`) or every watched client of the agency.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RecomputeHealth {
    pub agency: AgencyId,
    pub client: Option<ClientId>,
    /// `change`, `daily` or `settings` (kept on the history rows).
    pub cause: String,
}

impl Job for RecomputeHealth {
    const KIND: &'static str = "health.recompute";

    async fn run(self, state: &AppState, _cx: JobContext) -> Result<(), JobError> {
        // The agency (and client) come from rows a change or the scan wrote, never a request.
        let tx = state.db.tenant(TenantScope::for_job(self.agency)).await.map_err(ApiError::from)?;
        let Some(agency) = tx.find::<agencies::Entity>().one().await? else { return Ok(()) };
        if agency.status != AgencyStatus::Active {
            return Ok(());
        }
        let n = store::recompute(&tx, &agency, self.client, &self.cause).await?;
        tx.commit().await?;
        if self.client.is_none() {
            tracing::info!(agency = %self.agency, clients = n, cause = %self.cause, "health scores recomputed");
        }
        Ok(())
    }
}

/// The daily scan.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct HealthDaily {}

impl Job for HealthDaily {
    const KIND: &'static str = "health.daily";

    async fn run(self, state: &AppState, _cx: JobContext) -> Result<(), JobError> {
        // Platform-level by nature: it lists the active agencies and does no agency's work.
        let tx = state.db.unscoped("health daily scan").await?;
        let day = tx.now().date_naive();
        let active: Vec<AgencyId> = agencies::Entity::find()
            .select_only()
            .column(agencies::Column::Id)
            .filter(agencies::Column::Status.eq(AgencyStatus::Active))
            .into_tuple()
            .all(tx.conn())
            .await?;
        for agency in active {
            let job = RecomputeHealth { agency, client: None, cause: "daily".into() };
            jobs::enqueue(&tx, NewJob::new(&job)?.dedupe(format!("health.daily:{agency}:{day}"))).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
