//! At startup the server renders again the Markdown an older renderer made
//! (`rich::rerender_outdated`), looking for rows by their renderer version. Without an index that
//! read every backlog item: at full scale (941,833 items) each start of the server took 21 s with
//! the database in the page cache and 90 s without. With these, a start finds nothing to do in one
//! index lookup, and a renderer bump walks the outdated rows in the index's order.

use crate::rls;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        rls::exec(manager, "CREATE INDEX ix_backlog_items_html_version ON backlog_items (html_version, id)").await?;
        rls::exec(manager, "CREATE INDEX ix_roadmaps_html_version ON roadmaps (html_version, client_id)").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        rls::exec(manager, "DROP INDEX IF EXISTS ix_roadmaps_html_version").await?;
        rls::exec(manager, "DROP INDEX IF EXISTS ix_backlog_items_html_version").await
    }
}
