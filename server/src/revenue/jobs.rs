//! The `finance.abc` job: with no agency, the daily scan that queues one recomputation per
//! active agency (once per agency and day however many instances scan); with an agency, that
//! agency's ABC tiers recomputed. A change to payments queues the agency's recomputation
//! ([`queue_after_payment`]).

use super::abc;
use crate::db::TenantScope;
use crate::error::{ApiError, ApiResult};
use crate::jobs::{self, Job, JobContext, JobError, NewJob};
use crate::state::AppState;
use accord_api::{AgencyId, AgencyStatus};
use accord_entity::agencies;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use serde::{Deserialize, Serialize};

/// Recompute one agency's ABC tiers (`agency`), or queue that for every active agency.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct FinanceAbc {
    #[serde(default)]
    pub agency: Option<AgencyId>,
}

impl Job for FinanceAbc {
    const KIND: &'static str = "finance.abc";

    async fn run(self, state: &AppState, _cx: JobContext) -> Result<(), JobError> {
        match self.agency {
            Some(agency) => recompute(state, agency).await,
            None => scan(state).await,
        }
    }
}

async fn recompute(state: &AppState, agency: AgencyId) -> Result<(), JobError> {
    // The agency comes from a row a change or the scan wrote, never a request.
    let tx = state.db.tenant(TenantScope::for_job(agency)).await.map_err(ApiError::from)?;
    let Some(row) = tx.find::<agencies::Entity>().one().await? else { return Ok(()) };
    if row.status != AgencyStatus::Active {
        return Ok(());
    }
    let changed = abc::recompute(&tx).await?;
    tx.commit().await?;
    tracing::info!(%agency, changed, "ABC tiers recomputed");
    Ok(())
}

async fn scan(state: &AppState) -> Result<(), JobError> {
    // Platform-level by nature: it lists the active agencies and does no agency's work.
    let tx = state.db.unscoped("finance ABC daily scan").await?;
    let day = tx.now().date_naive();
    let active: Vec<AgencyId> = agencies::Entity::find()
        .select_only()
        .column(agencies::Column::Id)
        .filter(agencies::Column::Status.eq(AgencyStatus::Active))
        .into_tuple()
        .all(tx.conn())
        .await?;
    for agency in active {
        let job = FinanceAbc { agency: Some(agency) };
        jobs::enqueue(&tx, NewJob::new(&job)?.dedupe(format!("finance.abc:{agency}:{day}"))).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Queues the agency's recomputation after a change to payments, at most one per agency and
/// minute: the job is due at the start of the next minute and its dedupe key names that
/// minute, so every payment written in this minute is committed (and counted) when it runs,
/// and a burst of payments (an import) costs one recomputation.
pub(crate) async fn queue_after_payment(tx: &impl jobs::JobTx, agency: AgencyId) -> ApiResult<()> {
    let next = next_minute(tx.now());
    let job = FinanceAbc { agency: Some(agency) };
    let key = format!("finance.abc:{agency}:{}", next.format("%Y-%m-%dT%H:%MZ"));
    jobs::enqueue(tx, NewJob::new(&job)?.at(next).dedupe(key)).await?;
    Ok(())
}

/// The start of the minute after `now`.
pub fn next_minute(now: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp((now.timestamp().div_euclid(60) + 1) * 60, 0).unwrap_or(now)
}
