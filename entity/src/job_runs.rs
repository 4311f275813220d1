//! `job_runs`: one row per attempt at a job — which instance, when, and how it ended. A row
//! without `finished_at` is a run in progress, or one whose instance stopped (closed as failed
//! when the job's lease runs out and another runner takes it).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "job_runs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub job_id: Uuid,
    /// 1 for the first attempt.
    pub attempt: i32,
    /// The runner that made the attempt (`Jobs::instance` in the server).
    pub instance: String,
    pub started_at: DateTimeUtc,
    pub finished_at: Option<DateTimeUtc>,
    pub ok: Option<bool>,
    pub error: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
