//! Indexes for the portal backlog's sections: each is one status (or three) of one client, read
//! in rank order (awaiting, planned, declined) or newest first (done), a page at a time. With
//! `(client_id, status)` alone every matching row was read and sorted to return the first page.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared(
            "CREATE INDEX IF NOT EXISTS ix_items_client_status_rank \
             ON backlog_items (client_id, status, project_id, rank)",
        )
        .await?;
        db.execute_unprepared(
            "CREATE INDEX IF NOT EXISTS ix_items_client_status_updated \
             ON backlog_items (client_id, status, updated_at)",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared("DROP INDEX IF EXISTS ix_items_client_status_rank").await?;
        db.execute_unprepared("DROP INDEX IF EXISTS ix_items_client_status_updated").await?;
        Ok(())
    }
}
