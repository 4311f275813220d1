//! Client reports: weekly and monthly reports per client or project (a draft with sections,
//! KPI rows and the period's facts), their published revisions, read receipts per contact,
//! questions and answers on a report, and the agency's report templates and settings
//! (`report_due_days`: working days after a period before its report is due;
//! `report_read_days`: days a published report may stay unopened before it is flagged).
//! Backlog items learn when they became done (`done_at`), backfilled from their history.

use crate::rls;
use crate::shape::{a, client_table};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn report_fk(name: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{name}_report"))
        .from(a(name), a("report_id"))
        .to(a("reports"), a("id"))
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

pub const TABLES: [&str; 4] = ["reports", "report_revisions", "report_reads", "report_messages"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                client_table("reports")
                    .col(uuid_null(a("project_id")))
                    .col(string(a("kind")))
                    .col(date(a("period_start")))
                    .col(date(a("period_end")))
                    .col(date(a("due_on")))
                    .col(string(a("title")))
                    .col(text(a("sections")))
                    .col(text(a("kpis")))
                    .col(text(a("stats")))
                    .col(string(a("status")))
                    .col(integer(a("revision")))
                    .col(integer(a("version")))
                    .col(boolean(a("draft_changed")))
                    .col(timestamp_with_time_zone_null(a("published_at")))
                    .col(uuid_null(a("published_by")))
                    .col(uuid(a("created_by")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_reports_project")
                            .from(a("reports"), a("project_id"))
                            .to(a("projects"), a("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("report_revisions")
                    .col(uuid(a("report_id")))
                    .col(integer(a("revision")))
                    .col(string(a("title")))
                    .col(text(a("sections")))
                    .col(text(a("kpis")))
                    .col(text(a("stats")))
                    .col(uuid(a("published_by")))
                    .col(timestamp_with_time_zone(a("published_at")))
                    .foreign_key(&mut report_fk("report_revisions"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("report_reads")
                    .col(uuid(a("report_id")))
                    .col(uuid(a("contact_id")))
                    .col(timestamp_with_time_zone(a("first_at")))
                    .col(timestamp_with_time_zone(a("last_at")))
                    .col(integer(a("opens")))
                    .foreign_key(&mut report_fk("report_reads"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("report_messages")
                    .col(uuid(a("report_id")))
                    .col(uuid_null(a("question_id")))
                    .col(string(a("side")))
                    .col(uuid(a("author_id")))
                    .col(string(a("author_name")))
                    .col(boolean(a("internal")))
                    .col(text(a("body")))
                    .col(text(a("body_html")))
                    .col(uuid_null(a("backlog_item_id")))
                    .col(timestamp_with_time_zone_null(a("answered_at")))
                    .col(timestamp_with_time_zone(a("at")))
                    .foreign_key(&mut report_fk("report_messages"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("report_templates"))
                    .col(pk_uuid(a("id")))
                    .col(uuid(a("agency_id")))
                    .col(string(a("kind")))
                    .col(text(a("sections")))
                    .col(uuid(a("updated_by")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_report_templates_agency")
                            .from(a("report_templates"), a("agency_id"))
                            .to(a("agencies"), a("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // SQLite adds one column per ALTER.
        for (name, default) in [("report_due_days", 2), ("report_read_days", 3)] {
            manager
                .alter_table(
                    Table::alter().table(a("agencies")).add_column(integer(a(name)).default(default)).to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(a("backlog_items"))
                    .add_column(timestamp_with_time_zone_null(a("done_at")))
                    .to_owned(),
            )
            .await?;
        for sql in [
            // When an item became done: the last move to done in its history, else its last change.
            r#"UPDATE backlog_items SET done_at = (
                 SELECT max(e.at) FROM backlog_events e
                 WHERE e.item_id = backlog_items.id AND e.kind = 'status_changed'
                   AND e.changes LIKE '%"field":"status"%' AND e.changes LIKE '%"new":"done"%')
               WHERE status = 'done'"#,
            "UPDATE backlog_items SET done_at = updated_at WHERE status = 'done' AND done_at IS NULL",
            // Items finished in a period (a report's draft).
            "CREATE INDEX ix_backlog_items_done ON backlog_items (client_id, agency_id, done_at)",
            // One report per kind, period and scope (the client, or one project).
            "CREATE UNIQUE INDEX ux_reports_period ON reports (client_id, kind, period_start, COALESCE(project_id, client_id))",
            "CREATE INDEX ix_reports_client_period ON reports (client_id, agency_id, period_start)",
            // Published reports nobody opened, agency-wide. Not (agency_id, revision, …): without
            // statistics SQLite would take it for one client's reports and walk the agency's.
            "CREATE INDEX ix_reports_agency_published ON reports (agency_id, published_at)",
            // The agency's due list: which recent periods have a report.
            "CREATE INDEX ix_reports_agency_period ON reports (agency_id, period_start, client_id, kind)",
            "CREATE UNIQUE INDEX ux_report_revisions ON report_revisions (report_id, revision)",
            "CREATE UNIQUE INDEX ux_report_reads ON report_reads (report_id, contact_id)",
            "CREATE INDEX ix_report_reads_contact ON report_reads (contact_id, report_id)",
            "CREATE INDEX ix_report_messages_report ON report_messages (report_id, at)",
            "CREATE INDEX ix_report_messages_open ON report_messages (agency_id, side, answered_at, at)",
            "CREATE UNIQUE INDEX ux_report_templates ON report_templates (agency_id, kind)",
        ] {
            rls::exec(manager, sql).await?;
        }
        if rls::is_postgres(manager) {
            for table in TABLES {
                rls::protect_table(manager, table, "agency_id", Some("client_id")).await?;
            }
            rls::protect_table(manager, "report_templates", "agency_id", None).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        rls::exec(manager, "DROP INDEX ix_backlog_items_done").await?;
        manager.alter_table(Table::alter().table(a("backlog_items")).drop_column(a("done_at")).to_owned()).await?;
        for col in ["report_due_days", "report_read_days"] {
            manager.alter_table(Table::alter().table(a("agencies")).drop_column(a(col)).to_owned()).await?;
        }
        manager.drop_table(Table::drop().table(a("report_templates")).if_exists().to_owned()).await?;
        for table in TABLES.iter().rev() {
            manager.drop_table(Table::drop().table(a(table)).if_exists().to_owned()).await?;
        }
        Ok(())
    }
}
