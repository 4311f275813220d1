//! The agency-wide agreed-not-started counts (below-standard list, health cockpit, health
//! facts) are summed from `backlog_tallies` (a row per project and status) instead of counted
//! from the agency's items. Those reads ask for a few statuses across the whole agency, which
//! neither of the table's indexes starts with: this one holds the rows by agency and status,
//! with the project and its count, so the sum reads two short ranges of the index and never
//! the table. Largest agency at full size: 5,620 projects; counting its items took 31 ms.

use crate::rls;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        rls::exec(
            manager,
            "CREATE INDEX ix_backlog_tallies_agency ON backlog_tallies (agency_id, status, project_id, n)",
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        rls::exec(manager, "DROP INDEX IF EXISTS ix_backlog_tallies_agency").await
    }
}
