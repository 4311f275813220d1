//! `jobs`: delayed and periodic work. A runner claims a due row (a lease in `locked_until`,
//! its claim id in `claim`), runs it and records the outcome; `dedupe_key` makes each
//! occurrence of a periodic job one row however many instances schedule it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum JobStatus {
    /// Waiting for `run_at` (first attempt, or a retry after backoff).
    #[sea_orm(string_value = "queued")]
    Queued,
    /// Claimed by a runner until `locked_until`.
    #[sea_orm(string_value = "running")]
    Running,
    #[sea_orm(string_value = "done")]
    Done,
    /// Gave up after `max_attempts`.
    #[sea_orm(string_value = "failed")]
    Failed,
}

impl JobStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            JobStatus::Queued => "queued",
            JobStatus::Running => "running",
            JobStatus::Done => "done",
            JobStatus::Failed => "failed",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "jobs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The job kind's name (`Job::KIND` in the server), e.g. `sessions.purge_expired`.
    pub kind: String,
    /// The job's arguments as JSON.
    pub payload: String,
    /// When the job (or its next attempt) is due.
    pub run_at: DateTimeUtc,
    pub status: JobStatus,
    /// Attempts started so far.
    pub attempts: i32,
    pub max_attempts: i32,
    pub locked_until: Option<DateTimeUtc>,
    pub claim: Option<Uuid>,
    pub last_error: Option<String>,
    #[sea_orm(unique)]
    pub dedupe_key: Option<String>,
    pub created_at: DateTimeUtc,
    pub finished_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
