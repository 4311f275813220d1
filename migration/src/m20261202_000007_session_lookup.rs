//! The per-request session lookup in one statement. On PostgreSQL every table it reads is under
//! row-level security, so the lookup is a function that opens the platform scope for itself
//! (transaction-local, and closed again before it returns) — a single round trip instead of
//! BEGIN, the scope setting, four SELECTs and COMMIT. SQLite runs the same SELECT directly
//! (`tenancy::principal::SQLITE_LOOKUP`; keep the two in step).

use crate::rls;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if !rls::is_postgres(manager) {
            return Ok(());
        }
        rls::exec(
            manager,
            &format!(
                r#"
CREATE OR REPLACE FUNCTION accord_session_lookup(p_token text)
RETURNS TABLE (user_id uuid, expires_at timestamptz, last_seen_at timestamptz, name text, email text,
               locale text, status text, kind text, staff_role text, agency_id uuid, contact_id uuid,
               client_id uuid, portal_role text, agency_status text)
LANGUAGE plpgsql VOLATILE AS $f$
#variable_conflict use_column
BEGIN
  PERFORM set_config('app.platform', 'on', true);
  RETURN QUERY
    SELECT s.user_id, s.expires_at, s.last_seen_at, u.name::text, u.email::text, u.locale::text,
           u.status::text, u.kind::text, u.staff_role::text, u.agency_id, c.id, c.client_id,
           c.portal_role::text, a.status::text
    FROM sessions s JOIN users u ON u.id = s.user_id
    LEFT JOIN contacts c ON c.user_id = u.id
    LEFT JOIN agencies a ON a.id = u.agency_id
    WHERE s.token_hash = p_token
    LIMIT 1;
  PERFORM set_config('app.platform', '', true);
END
$f$;
GRANT EXECUTE ON FUNCTION accord_session_lookup(text) TO {app};
"#,
                app = rls::APP_ROLE
            ),
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if rls::is_postgres(manager) {
            rls::exec(manager, "DROP FUNCTION IF EXISTS accord_session_lookup(text)").await?;
        }
        Ok(())
    }
}
