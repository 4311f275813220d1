//! Scheduled work: `jobs` (delayed and periodic jobs, claimed by one runner at a time) and
//! `job_runs` (one row per attempt). Platform-level tables without `agency_id`: a job that is
//! about one tenant carries the tenant in its payload, and its handler opens `Db::tenant`.

use crate::rls;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Jobs {
    Table,
    Id,
    Kind,
    Payload,
    RunAt,
    Status,
    Attempts,
    MaxAttempts,
    LockedUntil,
    Claim,
    LastError,
    DedupeKey,
    CreatedAt,
    FinishedAt,
}

#[derive(DeriveIden)]
enum JobRuns {
    Table,
    Id,
    JobId,
    Attempt,
    Instance,
    StartedAt,
    FinishedAt,
    Ok,
    Error,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Jobs::Table)
                    .col(pk_uuid(Jobs::Id))
                    .col(string(Jobs::Kind))
                    .col(text(Jobs::Payload))
                    .col(timestamp_with_time_zone(Jobs::RunAt))
                    .col(string(Jobs::Status))
                    .col(integer(Jobs::Attempts).default(0))
                    .col(integer(Jobs::MaxAttempts))
                    .col(timestamp_with_time_zone_null(Jobs::LockedUntil))
                    .col(uuid_null(Jobs::Claim))
                    .col(text_null(Jobs::LastError))
                    .col(string_null(Jobs::DedupeKey))
                    .col(timestamp_with_time_zone(Jobs::CreatedAt))
                    .col(timestamp_with_time_zone_null(Jobs::FinishedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(JobRuns::Table)
                    .col(pk_uuid(JobRuns::Id))
                    .col(uuid(JobRuns::JobId))
                    .col(integer(JobRuns::Attempt))
                    .col(string(JobRuns::Instance))
                    .col(timestamp_with_time_zone(JobRuns::StartedAt))
                    .col(timestamp_with_time_zone_null(JobRuns::FinishedAt))
                    .col(boolean_null(JobRuns::Ok))
                    .col(text_null(JobRuns::Error))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_job_runs_job")
                            .from(JobRuns::Table, JobRuns::JobId)
                            .to(Jobs::Table, Jobs::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for sql in [
            // A periodic job's occurrence (`kind:2026-12-02`) is inserted once across instances
            // (`ON CONFLICT (dedupe_key) DO NOTHING`; NULLs never conflict).
            "CREATE UNIQUE INDEX ux_jobs_dedupe ON jobs (dedupe_key)",
            // The claim query: due queued jobs, and running jobs whose lease ran out. Partial, so
            // the finished rows that pile up between purges do not weigh on it.
            "CREATE INDEX ix_jobs_queued ON jobs (run_at) WHERE status = 'queued'",
            "CREATE INDEX ix_jobs_running ON jobs (locked_until) WHERE status = 'running'",
            "CREATE INDEX ix_jobs_claim ON jobs (claim)",
            "CREATE INDEX ix_jobs_finished ON jobs (finished_at)",
            "CREATE INDEX ix_job_runs_job ON job_runs (job_id, attempt)",
        ] {
            rls::exec(manager, sql).await?;
        }
        if rls::is_postgres(manager) {
            // Not tenant data (no agency_id): plain grants, no policy. A tenant transaction
            // enqueues here in the same transaction as the change that causes the job.
            for table in ["jobs", "job_runs"] {
                rls::exec(manager, &format!("GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {}", rls::APP_ROLE))
                    .await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["job_runs", "jobs"] {
            manager.drop_table(Table::drop().table(Alias::new(table)).if_exists().to_owned()).await?;
        }
        Ok(())
    }
}
