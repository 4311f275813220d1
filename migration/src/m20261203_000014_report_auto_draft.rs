//! Automatic report drafts: an agency may have the due report of each client drafted on its
//! due date for the manager to review (`agencies.report_auto_draft`, off by default); such a
//! draft says so (`reports.auto_drafted`). Nothing is ever published without a person.

use crate::shape::a;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (table, column): SQLite adds one column per ALTER.
const COLUMNS: [(&str, &str); 2] = [("agencies", "report_auto_draft"), ("reports", "auto_drafted")];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, column) in COLUMNS {
            manager
                .alter_table(Table::alter().table(a(table)).add_column(boolean(a(column)).default(false)).to_owned())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, column) in COLUMNS {
            manager.alter_table(Table::alter().table(a(table)).drop_column(a(column)).to_owned()).await?;
        }
        Ok(())
    }
}
