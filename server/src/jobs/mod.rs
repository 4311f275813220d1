//! Scheduled work: delayed jobs (written in the same transaction as the change that causes
//! them, like mail) and periodic jobs (every interval, or daily at a UTC time), run by a
//! background runner in each app instance.
//!
//! Guarantees: a due job runs on one runner at a time, also with several instances on one
//! PostgreSQL (claims with `FOR UPDATE SKIP LOCKED` and a lease); each occurrence of a periodic
//! job is one row (`dedupe_key`), so it runs once however many instances schedule it; a failed
//! attempt is retried with exponential backoff up to the job's `max_attempts`, then the job
//! stays `failed`; an instance that dies mid-run loses its lease and another runner takes the
//! job again. So a job runs *at least* once: handlers must tolerate a repeat. Every attempt is
//! a `job_runs` row. All times come from the [`Clock`](crate::clock::Clock), so tests move time
//! and call [`run_due`] instead of sleeping.
//!
//! Adding a kind: a serde struct (its payload) implementing [`Job`], registered in
//! [`Registry::production`] — with [`Registry::every`] if it is periodic.

mod maintenance;
mod registry;
mod runner;

pub use maintenance::{PurgeExpiredSessions, PurgeJobHistory};
pub use registry::{Every, Registry};
pub use runner::{claim_next, run_claimed, run_due, schedule_periodic, spawn, Claimed, BATCH, LEASE};

use crate::db::PlatformTx;
use crate::error::ApiError;
use crate::state::AppState;
use accord_entity::jobs::{self, JobStatus};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, DbErr, EntityTrait, Insert};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::HashMap;
use std::future::Future;
use std::sync::Mutex;

/// A kind of job. The implementing struct is the job's payload (stored as JSON).
pub trait Job: Serialize + DeserializeOwned + Send + 'static {
    /// Stored in `jobs.kind`. Never rename a kind that may still be queued somewhere.
    const KIND: &'static str;
    /// Attempts before the job is marked `failed`.
    const MAX_ATTEMPTS: i32 = 5;

    /// Does the work. Runs outside any transaction: open the ones you need from `state.db`
    /// (take "now" from them or from `cx.now`). May run again after a crash: be idempotent.
    fn run(self, state: &AppState, cx: JobContext) -> impl Future<Output = Result<(), JobError>> + Send;
}

/// What a handler knows about the attempt it is making.
#[derive(Clone, Copy, Debug)]
pub struct JobContext {
    pub job_id: uuid::Uuid,
    /// 1 for the first attempt.
    pub attempt: i32,
    /// The clock when the attempt started.
    pub now: DateTime<Utc>,
}

/// Why an attempt failed; kept in `jobs.last_error` and `job_runs.error`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobError(pub String);

impl std::fmt::Display for JobError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<String> for JobError {
    fn from(s: String) -> Self {
        Self(s)
    }
}

impl From<&str> for JobError {
    fn from(s: &str) -> Self {
        Self(s.to_string())
    }
}

impl From<sea_orm::DbErr> for JobError {
    fn from(e: sea_orm::DbErr) -> Self {
        Self(format!("database: {e}"))
    }
}

impl From<ApiError> for JobError {
    fn from(e: ApiError) -> Self {
        Self(e.to_string())
    }
}

/// A job to write with [`enqueue`]: due now unless [`NewJob::at`] says otherwise.
#[derive(Clone, Debug)]
pub struct NewJob {
    kind: &'static str,
    payload: String,
    run_at: Option<DateTime<Utc>>,
    dedupe_key: Option<String>,
    max_attempts: i32,
}

impl NewJob {
    pub fn new<J: Job>(job: &J) -> Result<Self, ApiError> {
        let payload = serde_json::to_string(job).map_err(|e| ApiError::internal(format!("job {}: {e}", J::KIND)))?;
        Ok(Self { kind: J::KIND, payload, run_at: None, dedupe_key: None, max_attempts: J::MAX_ATTEMPTS })
    }

    /// Due at `run_at` instead of at once.
    pub fn at(mut self, run_at: DateTime<Utc>) -> Self {
        self.run_at = Some(run_at);
        self
    }

    /// At most one job with this key ever exists: enqueueing it again is a no-op. Use a key
    /// that names the occurrence, e.g. `meeting.remind:<meeting id>:<starts at>`.
    pub fn dedupe(mut self, key: impl Into<String>) -> Self {
        self.dedupe_key = Some(key.into());
        self
    }

    pub fn max_attempts(mut self, attempts: i32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }
}

/// A transaction a job can be written in, so the job commits (or not) with the change that
/// causes it. Implemented for [`PlatformTx`] here; the tenant transactions implement it in
/// `db`, as they hand out no connection.
pub trait JobTx: Sync {
    /// The transaction's "now": a job without [`NewJob::at`] is due then.
    fn now(&self) -> DateTime<Utc>;
    /// Runs this insert into `jobs` in the transaction; returns the rows written.
    fn insert_job(&self, insert: Insert<jobs::ActiveModel>) -> impl Future<Output = Result<u64, DbErr>> + Send;
}

impl JobTx for PlatformTx {
    fn now(&self) -> DateTime<Utc> {
        PlatformTx::now(self)
    }

    async fn insert_job(&self, insert: Insert<jobs::ActiveModel>) -> Result<u64, DbErr> {
        insert.exec_without_returning(self.conn()).await
    }
}

/// Writes a job in the caller's transaction. Returns its id, or `None` when a job with the
/// same dedupe key already exists.
pub async fn enqueue(tx: &impl JobTx, job: NewJob) -> Result<Option<uuid::Uuid>, ApiError> {
    let id = uuid::Uuid::new_v4();
    let now = tx.now();
    let row = jobs::ActiveModel {
        id: Set(id),
        kind: Set(job.kind.to_string()),
        payload: Set(job.payload),
        run_at: Set(job.run_at.unwrap_or(now)),
        status: Set(JobStatus::Queued),
        attempts: Set(0),
        max_attempts: Set(job.max_attempts),
        locked_until: Set(None),
        claim: Set(None),
        last_error: Set(None),
        dedupe_key: Set(job.dedupe_key),
        created_at: Set(now),
        finished_at: Set(None),
    };
    let insert =
        jobs::Entity::insert(row).on_conflict(OnConflict::column(jobs::Column::DedupeKey).do_nothing().to_owned());
    let inserted = tx.insert_job(insert).await?;
    Ok((inserted > 0).then_some(id))
}

/// The job machinery of one app instance: its registry and its name in `job_runs`.
pub struct Jobs {
    registry: Registry,
    instance: String,
    /// Per periodic kind, the occurrence key this instance last made sure of, so it writes
    /// each occurrence once instead of on every poll.
    scheduled: Mutex<HashMap<&'static str, String>>,
}

impl Jobs {
    pub fn new(registry: Registry) -> Self {
        let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "accord".into());
        let short = uuid::Uuid::new_v4().simple().to_string();
        let instance = format!("{host}:{}:{}", std::process::id(), &short[..8]);
        Self { registry, instance, scheduled: Mutex::new(HashMap::new()) }
    }

    /// This instance's name in `job_runs.instance`.
    pub fn instance(&self) -> &str {
        &self.instance
    }

    pub fn registry(&self) -> &Registry {
        &self.registry
    }
}
