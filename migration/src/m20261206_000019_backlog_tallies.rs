//! How many backlog items each project holds in each status (`backlog_tallies`), kept by the
//! database itself: triggers on `backlog_items` add one on insert, take one away on delete and
//! move one on a change of status or project, whoever writes (every handler, CSV import, the
//! seeders, a cascade from a deleted project, another instance). Counting a project's items
//! walked its index entries — 5,000 for the largest project of the 0.1 scale set, 50,000 at full
//! size, on every page of the staff backlog and every portal backlog view; the tallies answer
//! the page totals and the portal's section sizes in a few rows whatever the size. Existing items
//! are counted once here.
//!
//! On PostgreSQL the table has row-level security like every per-client table; the trigger
//! runs as the caller, inside the caller's scope. Concurrent writes to one project's items wait
//! for each other on its tally rows until commit (a project's backlog is changed by a few people,
//! not thousands).

use crate::rls;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLE: &str = "backlog_tallies";

/// The table, its types those of `backlog_items`' columns.
fn create_table() -> TableCreateStatement {
    let a = Alias::new;
    Table::create()
        .table(a(TABLE))
        .col(uuid(a("agency_id")))
        .col(uuid(a("client_id")))
        .col(uuid(a("project_id")))
        .col(string(a("status")))
        .col(integer(a("n")))
        .primary_key(Index::create().col(a("project_id")).col(a("status")))
        .foreign_key(
            ForeignKey::create()
                .name("fk_backlog_tallies_project")
                .from(a(TABLE), a("project_id"))
                .to(a("projects"), a("id"))
                .on_delete(ForeignKeyAction::Cascade),
        )
        .to_owned()
}

const FILL: &str = "INSERT INTO backlog_tallies (agency_id, client_id, project_id, status, n) \
     SELECT agency_id, client_id, project_id, status, COUNT(*) FROM backlog_items \
     GROUP BY agency_id, client_id, project_id, status";

const INDEX: &str = "CREATE INDEX ix_backlog_tallies_client ON backlog_tallies (client_id, agency_id, status)";

const SQLITE_TRIGGERS: [&str; 3] = [
    "CREATE TRIGGER backlog_tally_insert AFTER INSERT ON backlog_items BEGIN \
       INSERT INTO backlog_tallies (agency_id, client_id, project_id, status, n) \
       VALUES (NEW.agency_id, NEW.client_id, NEW.project_id, NEW.status, 1) \
       ON CONFLICT (project_id, status) DO UPDATE SET n = n + 1; \
     END",
    "CREATE TRIGGER backlog_tally_delete AFTER DELETE ON backlog_items BEGIN \
       UPDATE backlog_tallies SET n = n - 1 WHERE project_id = OLD.project_id AND status = OLD.status; \
     END",
    "CREATE TRIGGER backlog_tally_update AFTER UPDATE OF status, project_id ON backlog_items \
     WHEN OLD.status IS NOT NEW.status OR OLD.project_id IS NOT NEW.project_id BEGIN \
       UPDATE backlog_tallies SET n = n - 1 WHERE project_id = OLD.project_id AND status = OLD.status; \
       INSERT INTO backlog_tallies (agency_id, client_id, project_id, status, n) \
       VALUES (NEW.agency_id, NEW.client_id, NEW.project_id, NEW.status, 1) \
       ON CONFLICT (project_id, status) DO UPDATE SET n = n + 1; \
     END",
];

const POSTGRES_TRIGGERS: &str = r#"
CREATE OR REPLACE FUNCTION accord_backlog_tally() RETURNS trigger
LANGUAGE plpgsql AS $f$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE backlog_tallies SET n = n - 1 WHERE project_id = OLD.project_id AND status = OLD.status;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO backlog_tallies (agency_id, client_id, project_id, status, n)
    VALUES (NEW.agency_id, NEW.client_id, NEW.project_id, NEW.status, 1)
    ON CONFLICT (project_id, status) DO UPDATE SET n = backlog_tallies.n + 1;
  END IF;
  RETURN NULL;
END
$f$;
CREATE TRIGGER backlog_tally_insert_delete AFTER INSERT OR DELETE ON backlog_items
  FOR EACH ROW EXECUTE FUNCTION accord_backlog_tally();
CREATE TRIGGER backlog_tally_update AFTER UPDATE OF status, project_id ON backlog_items
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.project_id IS DISTINCT FROM NEW.project_id)
  EXECUTE FUNCTION accord_backlog_tally();
"#;

const POSTGRES_DOWN: &str = "DROP TRIGGER IF EXISTS backlog_tally_insert_delete ON backlog_items; \
     DROP TRIGGER IF EXISTS backlog_tally_update ON backlog_items; \
     DROP FUNCTION IF EXISTS accord_backlog_tally()";

const SQLITE_DOWN: [&str; 3] = [
    "DROP TRIGGER IF EXISTS backlog_tally_insert",
    "DROP TRIGGER IF EXISTS backlog_tally_delete",
    "DROP TRIGGER IF EXISTS backlog_tally_update",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(create_table()).await?;
        rls::exec(manager, INDEX).await?;
        // Counted before the triggers exist and in the migration's transaction (PostgreSQL) or
        // with the migrator alone on the file (SQLite): nothing is counted twice.
        rls::exec(manager, FILL).await?;
        if rls::is_postgres(manager) {
            rls::exec(manager, POSTGRES_TRIGGERS).await?;
            rls::protect_table(manager, TABLE, "agency_id", Some("client_id")).await?;
        } else {
            for sql in SQLITE_TRIGGERS {
                rls::exec(manager, sql).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if rls::is_postgres(manager) {
            rls::exec(manager, POSTGRES_DOWN).await?;
        } else {
            for sql in SQLITE_DOWN {
                rls::exec(manager, sql).await?;
            }
        }
        manager.drop_table(Table::drop().table(Alias::new(TABLE)).to_owned()).await
    }
}
