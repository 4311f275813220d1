//! Indexes the load benchmark asked for. A project's backlog page counts and orders the
//! project's items under the transaction's scope (`agency_id`, `client_id` are filtered on every
//! query): with `(project_id, rank)` alone each of 5,000 rows was read from the table to check
//! the scope; this index answers the count from the index alone and walks the page in rank order.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE INDEX IF NOT EXISTS ix_items_project_scope_rank \
                 ON backlog_items (project_id, agency_id, client_id, rank)",
            )
            .await
            .map(|_| ())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared("DROP INDEX IF EXISTS ix_items_project_scope_rank")
            .await
            .map(|_| ())
    }
}
