//! Invitations know their client (so lists and checks filter by the clients a staff member may
//! see), and Markdown is rendered once on write: the sanitized HTML is stored beside its source
//! with the renderer version that made it, so a changed policy re-renders old rows at startup.

use crate::rls;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Invitations {
    Table,
    ClientId,
}

#[derive(DeriveIden)]
enum Roadmaps {
    Table,
    PointAHtml,
    PointBHtml,
    HtmlVersion,
}

#[derive(DeriveIden)]
enum BacklogItems {
    Table,
    DescriptionHtml,
    HtmlVersion,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        let columns: Vec<(DynIden, ColumnDef)> = vec![
            (Invitations::Table.into_iden(), uuid_null(Invitations::ClientId)),
            (Roadmaps::Table.into_iden(), text(Roadmaps::PointAHtml).default("").to_owned()),
            (Roadmaps::Table.into_iden(), text(Roadmaps::PointBHtml).default("").to_owned()),
            (Roadmaps::Table.into_iden(), integer(Roadmaps::HtmlVersion).default(0).to_owned()),
            (BacklogItems::Table.into_iden(), text(BacklogItems::DescriptionHtml).default("").to_owned()),
            (BacklogItems::Table.into_iden(), integer(BacklogItems::HtmlVersion).default(0).to_owned()),
        ];
        for (table, mut column) in columns {
            manager.alter_table(Table::alter().table(table).add_column(&mut column).to_owned()).await?;
        }
        // The backfill runs as the table owner, whom forced RLS binds too: lift it for this
        // session's statement only, on PostgreSQL.
        if rls::is_postgres(manager) {
            rls::exec(manager, "SELECT set_config('app.platform', 'on', false)").await?;
        }
        rls::exec(
            manager,
            "UPDATE invitations SET client_id = (SELECT c.client_id FROM contacts c WHERE c.id = invitations.contact_id) \
             WHERE contact_id IS NOT NULL",
        )
        .await?;
        if rls::is_postgres(manager) {
            rls::exec(manager, "SELECT set_config('app.platform', '', false)").await?;
        }
        rls::exec(manager, "CREATE INDEX ix_invitations_client ON invitations (agency_id, client_id)").await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        rls::exec(manager, "DROP INDEX IF EXISTS ix_invitations_client").await?;
        let columns: Vec<(DynIden, DynIden)> = vec![
            (Invitations::Table.into_iden(), Invitations::ClientId.into_iden()),
            (Roadmaps::Table.into_iden(), Roadmaps::PointAHtml.into_iden()),
            (Roadmaps::Table.into_iden(), Roadmaps::PointBHtml.into_iden()),
            (Roadmaps::Table.into_iden(), Roadmaps::HtmlVersion.into_iden()),
            (BacklogItems::Table.into_iden(), BacklogItems::DescriptionHtml.into_iden()),
            (BacklogItems::Table.into_iden(), BacklogItems::HtmlVersion.into_iden()),
        ];
        for (table, column) in columns {
            manager.alter_table(Table::alter().table(table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
