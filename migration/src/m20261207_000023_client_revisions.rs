//! `client_revisions`: one number per client that the database raises whenever something a
//! client's backlog pages show changes — an item, a comment (its count), a roadmap stage (its
//! title), a contact (the decider's name), a project (its name), and a staff member's name (the
//! items' authors). Triggers raise it whoever writes (every handler, CSV import, the seeders,
//! cascades, another instance), so a page kept with the number it was built at is still
//! current while the number is unchanged (the server's read cache, `server/src/read_cache.rs`).
//!
//! A client without a row has number 0 (nothing has changed since this migration; the caches
//! are in memory, so every instance starts empty). The first change inserts 1. The table has no
//! foreign keys: a row is written by the triggers of rows being deleted by a cascade, while
//! their client or agency may already be gone; nothing deletes clients or agencies today, and
//! a leftover number is never read.
//!
//! A client's number is the sum of its rows (`shard`): on SQLite one row (one writer at a
//! time), on PostgreSQL up to eight, each writing connection raising the row of its server
//! process id modulo 8. Every committed change raises the sum, which is all a reader needs,
//! while concurrent writers of one client mostly lock different rows: with one row, 32
//! connections commenting on one client went from 529-620 req/s (no trigger) to 438-451 (the
//! row taken at once) or 464-483 (taken at commit), each waiting for the previous commit.
//!
//! On PostgreSQL the table has row-level security like every per-client table; the triggers
//! run as the caller, inside the caller's scope (a staff name change is platform-level, so it
//! reaches every client of the agency). The per-client triggers there are deferred to the
//! commit (constraint triggers, `INITIALLY DEFERRED`), so a row is held only while committing;
//! the number is raised in the writing transaction all the same, so it commits with the change
//! or not at all.

use crate::rls;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLE: &str = "client_revisions";

/// The per-client tables whose rows a backlog page shows something of.
const SOURCES: [&str; 5] = ["backlog_items", "backlog_comments", "roadmap_stages", "contacts", "projects"];

fn create_table() -> TableCreateStatement {
    let a = Alias::new;
    Table::create()
        .table(a(TABLE))
        .col(uuid(a("client_id")))
        .col(small_integer(a("shard")))
        .col(uuid(a("agency_id")))
        .col(big_integer(a("rev")))
        .primary_key(Index::create().col(a("client_id")).col(a("shard")))
        .to_owned()
}

/// Raises the client's number in `shard` (an SQL expression).
fn bump_in(row: &str, shard: &str) -> String {
    format!(
        "INSERT INTO client_revisions (client_id, shard, agency_id, rev) \
         VALUES ({row}.client_id, {shard}, {row}.agency_id, 1) \
         ON CONFLICT (client_id, shard) DO UPDATE SET rev = client_revisions.rev + 1"
    )
}

/// SQLite: one writer at a time, one row per client.
fn bump(row: &str) -> String {
    bump_in(row, "0")
}

/// PostgreSQL: the row of the writing connection's shard (its server process id modulo
/// [`SHARDS`]), so concurrent writers of one client mostly raise different rows.
fn bump_pg(row: &str) -> String {
    bump_in(row, &format!("pg_backend_pid() % {SHARDS}"))
}

/// How many rows a client's number is spread over on PostgreSQL.
const SHARDS: u32 = 8;

/// Every client of the staff member's agency (a name shown on all their pages), in the order
/// of their ids, so two renames at once take the rows in the same order. It reads `clients`
/// in the caller's scope: a rename is platform-level (`auth::service::set_name`), which sees
/// every client of the agency.
const BUMP_AGENCY: &str = "INSERT INTO client_revisions (client_id, shard, agency_id, rev) \
     SELECT id, 0, agency_id, 1 FROM clients WHERE agency_id = NEW.agency_id ORDER BY id \
     ON CONFLICT (client_id, shard) DO UPDATE SET rev = client_revisions.rev + 1";

fn sqlite_triggers() -> Vec<String> {
    let mut all = Vec::new();
    for t in SOURCES {
        all.push(format!("CREATE TRIGGER {t}_revision_insert AFTER INSERT ON {t} BEGIN {}; END", bump("NEW")));
        all.push(format!(
            "CREATE TRIGGER {t}_revision_update AFTER UPDATE ON {t} BEGIN {}; \
             INSERT INTO client_revisions (client_id, shard, agency_id, rev) \
             SELECT NEW.client_id, 0, NEW.agency_id, 1 WHERE NEW.client_id IS NOT OLD.client_id \
             ON CONFLICT (client_id, shard) DO UPDATE SET rev = client_revisions.rev + 1; END",
            bump("OLD")
        ));
        all.push(format!("CREATE TRIGGER {t}_revision_delete AFTER DELETE ON {t} BEGIN {}; END", bump("OLD")));
    }
    all.push(format!(
        "CREATE TRIGGER users_name_revision AFTER UPDATE OF name ON users \
         WHEN OLD.name IS NOT NEW.name AND NEW.agency_id IS NOT NULL AND NEW.kind = 'staff' \
         BEGIN {BUMP_AGENCY}; END"
    ));
    all
}

fn sqlite_down() -> Vec<String> {
    let mut all: Vec<String> = SOURCES
        .iter()
        .flat_map(|t| ["insert", "update", "delete"].map(|op| format!("DROP TRIGGER IF EXISTS {t}_revision_{op}")))
        .collect();
    all.push("DROP TRIGGER IF EXISTS users_name_revision".into());
    all
}

fn postgres_triggers() -> String {
    let mut sql = format!(
        r#"
CREATE OR REPLACE FUNCTION accord_client_revision() RETURNS trigger
LANGUAGE plpgsql AS $f$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    {old};
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.client_id IS DISTINCT FROM OLD.client_id) THEN
    {new};
  END IF;
  RETURN NULL;
END
$f$;
CREATE OR REPLACE FUNCTION accord_staff_name_revision() RETURNS trigger
LANGUAGE plpgsql AS $f$
BEGIN
  {BUMP_AGENCY};
  RETURN NULL;
END
$f$;
CREATE TRIGGER users_name_revision AFTER UPDATE OF name ON users
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name AND NEW.agency_id IS NOT NULL AND NEW.kind = 'staff')
  EXECUTE FUNCTION accord_staff_name_revision();
"#,
        old = bump_pg("OLD"),
        new = bump_pg("NEW"),
    );
    for t in SOURCES {
        sql.push_str(&format!(
            "CREATE CONSTRAINT TRIGGER {t}_revision AFTER INSERT OR UPDATE OR DELETE ON {t} \
             DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION accord_client_revision();\n"
        ));
    }
    sql
}

fn postgres_down() -> String {
    let mut sql: String = SOURCES.iter().map(|t| format!("DROP TRIGGER IF EXISTS {t}_revision ON {t};\n")).collect();
    sql.push_str(
        "DROP TRIGGER IF EXISTS users_name_revision ON users;\n\
         DROP FUNCTION IF EXISTS accord_client_revision();\n\
         DROP FUNCTION IF EXISTS accord_staff_name_revision();\n",
    );
    sql
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(create_table()).await?;
        if rls::is_postgres(manager) {
            rls::exec(manager, &postgres_triggers()).await?;
            rls::protect_table(manager, TABLE, "agency_id", Some("client_id")).await?;
        } else {
            for sql in sqlite_triggers() {
                rls::exec(manager, &sql).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if rls::is_postgres(manager) {
            rls::exec(manager, &postgres_down()).await?;
        } else {
            for sql in sqlite_down() {
                rls::exec(manager, &sql).await?;
            }
        }
        manager.drop_table(Table::drop().table(Alias::new(TABLE)).to_owned()).await
    }
}
