//! The portal backlog's indexes with the scope in them. Every query of a client's items filters
//! `agency_id` as well as `client_id` (the transaction's scope); an index without `agency_id`
//! made each matching row be read from the table to check it — 5,000 row reads to count the
//! sections of a large client. With `agency_id` after the equality columns the section counts
//! are answered from the index alone and the pages still come in order. The approved change
//! requests (the monthly totals) get their own index instead of a scan of the client's items.
//! The done section (newest first) has a partial index of its own: an index `(client_id,
//! status, agency_id, updated_at)` was chosen by SQLite for the planned section too (three
//! statuses by project and rank) and made it sort every planned row; the done query names its
//! status as a literal so both databases can use the partial index. The planned section (three
//! statuses) is read in order from `(client_id, agency_id, project_id, rank, status)`: without it
//! PostgreSQL walked the whole `(project_id, agency_id, client_id, rank)` index for its order.
//! `(client_id, status)` is a prefix of the new index and goes.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: [&str; 7] = [
    "CREATE INDEX IF NOT EXISTS ix_items_portal_rank \
     ON backlog_items (client_id, status, agency_id, project_id, rank)",
    "CREATE INDEX IF NOT EXISTS ix_items_client_done \
     ON backlog_items (client_id, agency_id, updated_at, id) WHERE status = 'done'",
    "CREATE INDEX IF NOT EXISTS ix_items_client_decisions \
     ON backlog_items (client_id, change_request, decision_kind, agency_id)",
    "CREATE INDEX IF NOT EXISTS ix_items_client_rank \
     ON backlog_items (client_id, agency_id, project_id, rank, status)",
    "DROP INDEX IF EXISTS ix_items_client_status_rank",
    "DROP INDEX IF EXISTS ix_items_client_status_updated",
    "DROP INDEX IF EXISTS ix_items_client_status",
];

const DOWN: [&str; 7] = [
    "CREATE INDEX IF NOT EXISTS ix_items_client_status ON backlog_items (client_id, status)",
    "CREATE INDEX IF NOT EXISTS ix_items_client_status_rank ON backlog_items (client_id, status, project_id, rank)",
    "CREATE INDEX IF NOT EXISTS ix_items_client_status_updated ON backlog_items (client_id, status, updated_at)",
    "DROP INDEX IF EXISTS ix_items_portal_rank",
    "DROP INDEX IF EXISTS ix_items_client_done",
    "DROP INDEX IF EXISTS ix_items_client_decisions",
    "DROP INDEX IF EXISTS ix_items_client_rank",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for sql in UP {
            manager.get_connection().execute_unprepared(sql).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for sql in DOWN {
            manager.get_connection().execute_unprepared(sql).await?;
        }
        Ok(())
    }
}
