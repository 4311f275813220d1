//! Daily housekeeping jobs: expired sessions and reset links, old job history.

use super::{Job, JobContext, JobError};
use crate::state::AppState;
use accord_entity::jobs::JobStatus;
use accord_entity::{job_runs, jobs, password_resets, sessions};
use chrono::Duration;
use sea_orm::sea_query::{Condition, Query};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};

/// Reset links stay this long after expiry, so an old link still answers "expired" rather
/// than "not valid".
const RESET_LINKS_KEPT_DAYS: i64 = 7;
/// Finished jobs (and their runs) stay this long.
const JOB_HISTORY_DAYS: i64 = 30;

/// Deletes sessions past their absolute or idle expiry (sign-in refuses them anyway; this
/// keeps the table to live sessions) and reset links a week past expiry.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct PurgeExpiredSessions {}

impl Job for PurgeExpiredSessions {
    const KIND: &'static str = "sessions.purge_expired";

    async fn run(self, state: &AppState, _cx: JobContext) -> Result<(), JobError> {
        let tx = state.db.unscoped("purge expired sessions").await?;
        let now = tx.now();
        let idle = Duration::minutes(state.settings.session_idle_minutes);
        let ended = sessions::Entity::delete_many()
            .filter(
                Condition::any()
                    .add(sessions::Column::ExpiresAt.lte(now))
                    .add(sessions::Column::LastSeenAt.lte(now - idle)),
            )
            .exec(tx.conn())
            .await?
            .rows_affected;
        let links = password_resets::Entity::delete_many()
            .filter(password_resets::Column::ExpiresAt.lte(now - Duration::days(RESET_LINKS_KEPT_DAYS)))
            .exec(tx.conn())
            .await?
            .rows_affected;
        tx.commit().await?;
        tracing::info!(sessions = ended, reset_links = links, "expired sessions purged");
        Ok(())
    }
}

/// Deletes jobs that finished (done or failed) more than 30 days ago, with their runs.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct PurgeJobHistory {}

impl Job for PurgeJobHistory {
    const KIND: &'static str = "jobs.purge_history";

    async fn run(self, state: &AppState, _cx: JobContext) -> Result<(), JobError> {
        let tx = state.db.unscoped("purge job history").await?;
        let before = tx.now() - Duration::days(JOB_HISTORY_DAYS);
        let old = || {
            Condition::all()
                .add(jobs::Column::Status.is_in([JobStatus::Done, JobStatus::Failed]))
                .add(jobs::Column::FinishedAt.lt(before))
        };
        job_runs::Entity::delete_many()
            .filter(
                job_runs::Column::JobId.in_subquery(
                    Query::select().column(jobs::Column::Id).from(jobs::Entity).cond_where(old()).to_owned(),
                ),
            )
            .exec(tx.conn())
            .await?;
        let purged = jobs::Entity::delete_many().filter(old()).exec(tx.conn()).await?.rows_affected;
        tx.commit().await?;
        tracing::info!(jobs = purged, "job history purged");
        Ok(())
    }
}
