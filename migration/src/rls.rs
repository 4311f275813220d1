//! PostgreSQL row-level security helpers shared by migrations.
//!
//! The application connects as a login role that is a member of [`APP_ROLE`]; it owns no table,
//! so `FORCE ROW LEVEL SECURITY` policies bind it. Each request's transaction sets
//! `app.tenant_id` (and for portal contacts `app.client_id`) with `set_config(…, true)`, i.e.
//! transaction-local; platform-level work sets `app.platform = 'on'` instead. With nothing set
//! a query sees no rows and cannot write any.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

/// The NOLOGIN role the application's login role is granted.
pub const APP_ROLE: &str = "accord_app";

pub(crate) fn is_postgres(manager: &SchemaManager) -> bool {
    manager.get_database_backend() == DbBackend::Postgres
}

pub(crate) async fn exec(manager: &SchemaManager<'_>, sql: &str) -> Result<(), DbErr> {
    manager.get_connection().execute_unprepared(sql).await.map(|_| ())
}

/// Creates the app role (if missing), the policy functions, and default grants.
pub(crate) async fn install_functions(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    exec(
        manager,
        &format!(
            r#"
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP_ROLE}') THEN
    CREATE ROLE {APP_ROLE} NOLOGIN;
  END IF;
END $$;
GRANT USAGE ON SCHEMA public TO {APP_ROLE};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {APP_ROLE};

CREATE OR REPLACE FUNCTION accord_rls_tenant(row_agency uuid) RETURNS boolean
LANGUAGE sql STABLE AS $f$
  SELECT coalesce(current_setting('app.platform', true), '') = 'on'
      OR (row_agency IS NOT NULL
          AND row_agency = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
$f$;

CREATE OR REPLACE FUNCTION accord_rls_client(row_client uuid) RETURNS boolean
LANGUAGE sql STABLE AS $f$
  SELECT NULLIF(current_setting('app.client_id', true), '') IS NULL
      OR row_client = NULLIF(current_setting('app.client_id', true), '')::uuid
$f$;
"#
        ),
    )
    .await
}

/// Turns on forced RLS for a tenant-owned table. `client_column`, when given, additionally
/// narrows rows to the portal contact's client when `app.client_id` is set.
pub(crate) async fn protect_table(
    manager: &SchemaManager<'_>,
    table: &str,
    tenant_column: &str,
    client_column: Option<&str>,
) -> Result<(), DbErr> {
    let client_check = client_column.map(|c| format!(" AND accord_rls_client({c})")).unwrap_or_default();
    exec(
        manager,
        &format!(
            r#"
GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {APP_ROLE};
ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON {table};
CREATE POLICY tenant_isolation ON {table}
  USING (accord_rls_tenant({tenant_column}){client_check})
  WITH CHECK (accord_rls_tenant({tenant_column}){client_check});
"#
        ),
    )
    .await
}
