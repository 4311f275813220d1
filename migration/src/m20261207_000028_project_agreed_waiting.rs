//! `projects.agreed_waiting`: how many of a project's items are agreed with the client and not
//! yet started (statuses `agreed` and `scheduled`, `BacklogStatus::is_agreed_not_started`), kept
//! by the database from `backlog_tallies` — a trigger there adds and takes away as the tallies
//! move, whoever writes (every handler, CSV import, moves between projects, the seeders,
//! cascades, another instance).
//!
//! The below-standard list (seed 001: an active project keeps at least two such items) summed
//! every active project's tallies to find the few below the line: at full size the largest
//! agency has 5,620 active projects, and under load the list served 44 requests a second against
//! 1,199 on the small set. With the figure on the project and `ix_projects_waiting` (active
//! projects by agency and figure), the list reads only the projects below the line.
//!
//! The column is not part of the `projects` entity on purpose: the application never writes it,
//! so no update of a project read earlier (`reset_all`) can write back a stale figure.

use crate::rls;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The statuses counted, as SQL (`BacklogStatus::is_agreed_not_started`).
const WAITING: &str = "('agreed', 'scheduled')";

fn fill() -> String {
    format!(
        "UPDATE projects SET agreed_waiting = COALESCE((SELECT SUM(t.n) FROM backlog_tallies t \
         WHERE t.project_id = projects.id AND t.status IN {WAITING}), 0)"
    )
}

fn sqlite_triggers() -> [String; 3] {
    [
        format!(
            "CREATE TRIGGER project_waiting_insert AFTER INSERT ON backlog_tallies \
             WHEN NEW.status IN {WAITING} BEGIN \
               UPDATE projects SET agreed_waiting = agreed_waiting + NEW.n WHERE id = NEW.project_id; \
             END"
        ),
        format!(
            "CREATE TRIGGER project_waiting_update AFTER UPDATE OF n, status ON backlog_tallies \
             WHEN OLD.status IN {WAITING} OR NEW.status IN {WAITING} BEGIN \
               UPDATE projects SET agreed_waiting = agreed_waiting \
                 - CASE WHEN OLD.status IN {WAITING} THEN OLD.n ELSE 0 END \
                 + CASE WHEN NEW.status IN {WAITING} THEN NEW.n ELSE 0 END \
               WHERE id = NEW.project_id; \
             END"
        ),
        format!(
            "CREATE TRIGGER project_waiting_delete AFTER DELETE ON backlog_tallies \
             WHEN OLD.status IN {WAITING} BEGIN \
               UPDATE projects SET agreed_waiting = agreed_waiting - OLD.n WHERE id = OLD.project_id; \
             END"
        ),
    ]
}

/// One function for the three events; it runs as the caller, inside the caller's scope (a
/// tally row and its project belong to the same client). An upsert of a tally (`ON CONFLICT DO
/// UPDATE`) fires the update trigger.
fn postgres_trigger() -> String {
    format!(
        r#"
CREATE OR REPLACE FUNCTION accord_project_waiting() RETURNS trigger
LANGUAGE plpgsql AS $f$
DECLARE
  delta integer := 0;
  project uuid;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status IN {WAITING} THEN
    delta := delta - OLD.n;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status IN {WAITING} THEN
    delta := delta + NEW.n;
  END IF;
  IF TG_OP = 'DELETE' THEN
    project := OLD.project_id;
  ELSE
    project := NEW.project_id;
  END IF;
  IF delta <> 0 THEN
    UPDATE projects SET agreed_waiting = agreed_waiting + delta WHERE id = project;
  END IF;
  RETURN NULL;
END
$f$;
CREATE TRIGGER project_waiting AFTER INSERT OR UPDATE OR DELETE ON backlog_tallies
  FOR EACH ROW EXECUTE FUNCTION accord_project_waiting();
"#
    )
}

/// Active projects only (a partial index): a query reaches it only by saying `status = 'active'`
/// as a literal (the below-standard list does). A full index on (agency_id, status, …) drew
/// SQLite — which has no statistics here — away from `ix_projects_client` for a client's active
/// projects (the health facts): 5,620 index entries of the largest agency instead of one or two.
const INDEX: &str =
    "CREATE INDEX ix_projects_waiting ON projects (agency_id, agreed_waiting, client_id) WHERE status = 'active'";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        rls::exec(manager, "ALTER TABLE projects ADD COLUMN agreed_waiting integer NOT NULL DEFAULT 0").await?;
        // The backfill runs as the table owner, whom forced RLS binds too: lift it for this
        // session's statement only, on PostgreSQL. Counted before the triggers exist and in the
        // migration's transaction (PostgreSQL) or with the migrator alone on the file (SQLite).
        let postgres = rls::is_postgres(manager);
        if postgres {
            rls::exec(manager, "SELECT set_config('app.platform', 'on', false)").await?;
        }
        rls::exec(manager, &fill()).await?;
        if postgres {
            rls::exec(manager, "SELECT set_config('app.platform', '', false)").await?;
            rls::exec(manager, &postgres_trigger()).await?;
        } else {
            for sql in sqlite_triggers() {
                rls::exec(manager, &sql).await?;
            }
        }
        rls::exec(manager, INDEX).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        rls::exec(manager, "DROP INDEX IF EXISTS ix_projects_waiting").await?;
        if rls::is_postgres(manager) {
            rls::exec(
                manager,
                "DROP TRIGGER IF EXISTS project_waiting ON backlog_tallies; \
                 DROP FUNCTION IF EXISTS accord_project_waiting()",
            )
            .await?;
        } else {
            for t in ["project_waiting_insert", "project_waiting_update", "project_waiting_delete"] {
                rls::exec(manager, &format!("DROP TRIGGER IF EXISTS {t}")).await?;
            }
        }
        rls::exec(manager, "ALTER TABLE projects DROP COLUMN agreed_waiting").await
    }
}
