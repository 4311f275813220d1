//! The runner: writes the current occurrence of each periodic job, claims due jobs one at a
//! time, runs each outside the claim's transaction and records the outcome.
//!
//! A claim marks the row `running` with a random claim id and a lease (`locked_until`). On
//! PostgreSQL the claim query locks with `FOR UPDATE SKIP LOCKED`, so two instances never take
//! the same row; on SQLite the one writer connection serialises claims. A row whose lease ran
//! out (its instance died mid-run) is claimable again; its unfinished run is closed as failed.

use super::registry::Running;
use super::{enqueue, JobContext, JobError, NewJob};
use crate::error::ApiError;
use crate::state::AppState;
use accord_entity::job_runs;
use accord_entity::jobs::{self, JobStatus};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, Statement, Value};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

/// Jobs one pass of [`run_due`] runs at most (the loop comes back at once when it hit this).
pub const BATCH: usize = 10;
/// How long a claim holds. A run that takes longer is stopped and counts as a failed attempt,
/// so a job never runs on two instances because one of them was slow.
pub const LEASE: Duration = Duration::minutes(10);
/// Errors are kept this long (characters).
const ERROR_CHARS: usize = 2000;

/// A claimed job, not yet run: hand it to [`run_claimed`].
#[derive(Debug)]
pub struct Claimed {
    job: jobs::Model,
    run_id: uuid::Uuid,
}

impl Claimed {
    pub fn job(&self) -> &jobs::Model {
        &self.job
    }
}

/// Starts the runner loop on the current runtime (one per instance).
pub fn spawn(state: Arc<AppState>) {
    let interval = std::time::Duration::from_millis(state.settings.jobs_poll_ms.max(50));
    tokio::spawn(async move {
        loop {
            match run_due(&state).await {
                Ok(n) if n >= BATCH => continue, // more may be due
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "job runner pass failed"),
            }
            tokio::time::sleep(interval).await;
        }
    });
}

/// One pass: writes due periodic occurrences, then claims and runs due jobs, up to [`BATCH`].
/// Returns how many it ran. Tests call this instead of waiting for the loop.
pub async fn run_due(state: &AppState) -> Result<usize, ApiError> {
    schedule_periodic(state).await?;
    let mut ran = 0;
    while ran < BATCH {
        let Some(claimed) = claim_next(state).await? else { break };
        run_claimed(state, claimed).await?;
        ran += 1;
    }
    Ok(ran)
}

/// Makes sure the latest occurrence of every periodic job exists (one row per occurrence
/// across instances, by its dedupe key). Returns how many rows this call wrote.
pub async fn schedule_periodic(state: &AppState) -> Result<usize, ApiError> {
    let now = state.db.clock().now();
    let jobs = &state.jobs;
    let due: Vec<_> = {
        let known = jobs.scheduled.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        jobs.registry
            .schedules()
            .iter()
            .filter_map(|s| {
                let (at, key) = s.every.latest(now)?;
                let key = format!("{}:{key}", s.kind);
                (known.get(s.kind) != Some(&key)).then_some((s, at, key))
            })
            .collect()
    };
    if due.is_empty() {
        return Ok(0);
    }
    let tx = state.db.unscoped("job runner schedules periodic jobs").await?;
    let mut written = 0;
    for (schedule, at, key) in &due {
        let payload = (schedule.payload)().map_err(|e| ApiError::internal(format!("job {}: {e}", schedule.kind)))?;
        let job = NewJob {
            kind: schedule.kind,
            payload,
            run_at: Some(*at),
            dedupe_key: Some(key.clone()),
            max_attempts: schedule.max_attempts,
        };
        if enqueue(&tx, job).await?.is_some() {
            written += 1;
        }
    }
    tx.commit().await?;
    let mut known = jobs.scheduled.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    for (schedule, _, key) in due {
        known.insert(schedule.kind, key);
    }
    Ok(written)
}

fn claim_sql(backend: DbBackend, kinds: usize) -> String {
    // $1 claim, $2 lease end, $3 now, $4… the kinds this instance knows. Statuses are literals
    // so PostgreSQL can use the partial indexes.
    let kinds = (0..kinds).map(|i| format!("${}", i + 4)).collect::<Vec<_>>().join(", ");
    let (queued, running) = (JobStatus::Queued.as_str(), JobStatus::Running.as_str());
    let sql = format!(
        "UPDATE jobs SET status = '{running}', claim = $1, locked_until = $2, attempts = attempts + 1 \
         WHERE id IN (SELECT id FROM jobs WHERE kind IN ({kinds}) \
           AND ((status = '{queued}' AND run_at <= $3) OR (status = '{running}' AND locked_until < $3)) \
           ORDER BY run_at LIMIT 1{})",
        if backend == DbBackend::Postgres { " FOR UPDATE SKIP LOCKED" } else { "" }
    );
    match backend {
        DbBackend::Postgres => sql,
        // SQLite numbers its parameters ?1, ?2, …
        _ => sql.replace('$', "?"),
    }
}

/// Claims the next due job (or one whose lease ran out) and records the start of the attempt.
/// [`run_due`] is this followed by [`run_claimed`]; a runner that claims and then dies leaves
/// the job to whoever claims it after the lease.
pub async fn claim_next(state: &AppState) -> Result<Option<Claimed>, ApiError> {
    let kinds: Vec<&'static str> = state.jobs.registry.kinds().collect();
    if kinds.is_empty() {
        return Ok(None);
    }
    let backend = state.db.backend();
    let sql = claim_sql(backend, kinds.len());
    loop {
        let tx = state.db.unscoped("job runner claims").await?;
        let now = tx.now();
        let claim = uuid::Uuid::new_v4();
        let mut values: Vec<Value> = vec![claim.into(), (now + LEASE).into(), now.into()];
        values.extend(kinds.iter().map(|k| Value::from(*k)));
        tx.conn().execute(Statement::from_sql_and_values(backend, &sql, values)).await?;
        let Some(job) = jobs::Entity::find().filter(jobs::Column::Claim.eq(claim)).one(tx.conn()).await? else {
            tx.commit().await?;
            return Ok(None);
        };
        if job.attempts > 1 {
            // A run still open belongs to a runner that stopped before finishing.
            job_runs::Entity::update_many()
                .col_expr(job_runs::Column::FinishedAt, Expr::value(now))
                .col_expr(job_runs::Column::Ok, Expr::value(false))
                .col_expr(job_runs::Column::Error, Expr::value("lease expired: the runner stopped before finishing"))
                .filter(job_runs::Column::JobId.eq(job.id))
                .filter(job_runs::Column::FinishedAt.is_null())
                .exec(tx.conn())
                .await?;
        }
        if job.attempts > job.max_attempts {
            // Its last attempt was lost with its runner: give up without another.
            tracing::warn!(job_id = %job.id, kind = %job.kind, "job failed: last attempt lost");
            jobs::Entity::update_many()
                .col_expr(jobs::Column::Status, Expr::value(JobStatus::Failed))
                .col_expr(jobs::Column::Attempts, Expr::value(job.max_attempts))
                .col_expr(jobs::Column::FinishedAt, Expr::value(now))
                .col_expr(jobs::Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
                .col_expr(jobs::Column::Claim, Expr::value(Option::<uuid::Uuid>::None))
                .col_expr(jobs::Column::LastError, Expr::value("lease expired on the last attempt"))
                .filter(jobs::Column::Id.eq(job.id))
                .filter(jobs::Column::Claim.eq(claim))
                .exec(tx.conn())
                .await?;
            tx.commit().await?;
            continue;
        }
        let run_id = uuid::Uuid::new_v4();
        let run = job_runs::ActiveModel {
            id: Set(run_id),
            job_id: Set(job.id),
            attempt: Set(job.attempts),
            instance: Set(state.jobs.instance.clone()),
            started_at: Set(now),
            finished_at: Set(None),
            ok: Set(None),
            error: Set(None),
        };
        job_runs::Entity::insert(run).exec_without_returning(tx.conn()).await?;
        tx.commit().await?;
        return Ok(Some(Claimed { job, run_id }));
    }
}

/// Runs a claimed job and records the outcome: `done`; or `queued` again after a backoff;
/// or `failed` once its attempts are used up.
pub async fn run_claimed(state: &AppState, claimed: Claimed) -> Result<(), ApiError> {
    let Claimed { job, run_id } = claimed;
    let cx = JobContext { job_id: job.id, attempt: job.attempts, now: state.db.clock().now() };
    let outcome = match state.jobs.registry.runner(&job.kind) {
        Some(run) => {
            let limit = LEASE.to_std().unwrap_or(std::time::Duration::from_secs(600));
            match tokio::time::timeout(limit, CatchPanic(run(state, cx, &job.payload))).await {
                Ok(outcome) => outcome,
                Err(_) => Err(JobError(format!("stopped after {} minutes (its lease)", LEASE.num_minutes()))),
            }
        }
        None => Err(JobError(format!("no handler for kind {}", job.kind))),
    };
    record(state, &job, run_id, outcome).await
}

/// Delay before attempt `attempt + 1`: 30 s, 1 min, 2 min, … at most an hour.
pub fn backoff(attempt: i32) -> Duration {
    Duration::seconds((30_i64 << (attempt - 1).clamp(0, 10)).min(3600))
}

async fn record(
    state: &AppState,
    job: &jobs::Model,
    run_id: uuid::Uuid,
    outcome: Result<(), JobError>,
) -> Result<(), ApiError> {
    let tx = state.db.unscoped("job runner records").await?;
    let now = tx.now();
    let error = outcome.as_ref().err().map(|e| e.0.chars().take(ERROR_CHARS).collect::<String>());
    job_runs::Entity::update_many()
        .col_expr(job_runs::Column::FinishedAt, Expr::value(now))
        .col_expr(job_runs::Column::Ok, Expr::value(error.is_none()))
        .col_expr(job_runs::Column::Error, Expr::value(error.clone()))
        .filter(job_runs::Column::Id.eq(run_id))
        .exec(tx.conn())
        .await?;
    let update = jobs::Entity::update_many()
        .filter(jobs::Column::Id.eq(job.id))
        .filter(jobs::Column::Claim.eq(job.claim))
        .col_expr(jobs::Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(jobs::Column::Claim, Expr::value(Option::<uuid::Uuid>::None))
        .col_expr(jobs::Column::LastError, Expr::value(error.clone()));
    let (kind, attempt) = (job.kind.as_str(), job.attempts);
    let update = match &error {
        None => {
            tracing::info!(job_id = %job.id, kind, attempt, "job done");
            update
                .col_expr(jobs::Column::Status, Expr::value(JobStatus::Done))
                .col_expr(jobs::Column::FinishedAt, Expr::value(now))
        }
        Some(error) if attempt >= job.max_attempts => {
            tracing::error!(job_id = %job.id, kind, attempt, %error, "job failed: no attempts left");
            update
                .col_expr(jobs::Column::Status, Expr::value(JobStatus::Failed))
                .col_expr(jobs::Column::FinishedAt, Expr::value(now))
        }
        Some(error) => {
            let retry_at = now + backoff(attempt);
            tracing::warn!(job_id = %job.id, kind, attempt, %error, %retry_at, "job attempt failed; will retry");
            update
                .col_expr(jobs::Column::Status, Expr::value(JobStatus::Queued))
                .col_expr(jobs::Column::RunAt, Expr::value(retry_at))
        }
    };
    if update.exec(tx.conn()).await?.rows_affected == 0 {
        // Its lease ran out and another runner took it; that runner records the job's fate.
        tracing::warn!(job_id = %job.id, kind, attempt, "job outcome not recorded: claim lost");
    }
    tx.commit().await?;
    Ok(())
}

/// A panicking handler is a failed attempt, not a dead runner loop.
struct CatchPanic<'a>(Running<'a>);

impl Future for CatchPanic<'_> {
    type Output = Result<(), JobError>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let inner = &mut self.0;
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| inner.as_mut().poll(cx))) {
            Ok(poll) => poll,
            Err(panic) => {
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "panic".into());
                Poll::Ready(Err(JobError(format!("panicked: {what}"))))
            }
        }
    }
}
