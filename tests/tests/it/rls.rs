//! PostgreSQL row-level security, the second wall: connected as the application role, a
//! query with no tenant set sees nothing and cannot write another tenant's rows.

use accord_tests::{backend, spawn_app, world, Backend};
use sea_orm::{ConnectionTrait, Database, DbBackend, Statement, TransactionTrait};
use secrecy::ExposeSecret;

async fn count(conn: &impl ConnectionTrait, table: &str) -> i64 {
    let row = conn
        .query_one(Statement::from_string(DbBackend::Postgres, format!("SELECT count(*) AS n FROM {table}")))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

#[tokio::test]
async fn app_role_sees_nothing_without_a_tenant_and_cannot_write_across() {
    if backend() != Backend::Postgres {
        eprintln!("SKIPPED: RLS test (PostgreSQL only; run with ACCORD_TEST_DB=postgres)");
        return;
    }
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let conn = Database::connect(app.settings.database_url.expose_secret()).await.unwrap();

    // The app role is not a superuser, does not own the tables and cannot bypass RLS.
    let who = conn
        .query_one(Statement::from_string(
            DbBackend::Postgres,
            "SELECT r.rolsuper, r.rolbypassrls, (SELECT tableowner FROM pg_tables WHERE tablename = 'clients') AS owner, current_user AS me
             FROM pg_roles r WHERE r.rolname = current_user",
        ))
        .await
        .unwrap()
        .unwrap();
    assert!(!who.try_get::<bool>("", "rolsuper").unwrap());
    assert!(!who.try_get::<bool>("", "rolbypassrls").unwrap());
    assert_ne!(who.try_get::<String>("", "owner").unwrap(), who.try_get::<String>("", "me").unwrap());

    // Every table with an agency_id is under forced RLS (a new table cannot forget it)…
    let unprotected: Vec<String> = conn
        .query_all(Statement::from_string(
            DbBackend::Postgres,
            "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind = 'r'
               AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'agency_id')
               AND NOT (c.relrowsecurity AND c.relforcerowsecurity)",
        ))
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get::<String>("", "name").unwrap())
        .collect();
    assert!(unprotected.is_empty(), "tables without forced RLS: {unprotected:?}");
    // …and shows nothing without a tenant, though the world filled them.
    for table in [
        "agencies",
        "users",
        "clients",
        "contacts",
        "sessions",
        "audit_log",
        "projects",
        "roadmap_goals",
        "roadmap_stages",
        "backlog_items",
        "backlog_comments",
    ] {
        assert_eq!(count(&conn, table).await, 0, "{table} visible without a tenant");
    }

    // With tenant A set (transaction-local), A's rows only.
    let tx = conn.begin().await.unwrap();
    tx.execute(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT set_config('app.tenant_id', $1, true)",
        [w.a.id.to_string().into()],
    ))
    .await
    .unwrap();
    assert_eq!(count(&tx, "clients").await, 2);
    assert_eq!(count(&tx, "agencies").await, 1);
    let insert_b = tx
        .execute(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO clients (id, agency_id, name, status, created_at, updated_at) VALUES ($1, $2, 'Smuggled', 'active', now(), now())",
            [uuid::Uuid::new_v4().into(), w.b.id.0.into()],
        ))
        .await;
    assert!(insert_b.is_err(), "insert for another tenant must be rejected by RLS");
    tx.rollback().await.unwrap();

    // The setting does not outlive its transaction.
    assert_eq!(count(&conn, "clients").await, 0);

    // A portal contact's scope narrows further to their client.
    let tx = conn.begin().await.unwrap();
    for (k, v) in [("app.tenant_id", w.a.id.to_string()), ("app.client_id", w.client_a2.0.to_string())] {
        tx.execute(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT set_config($1, $2, true)",
            [k.into(), v.into()],
        ))
        .await
        .unwrap();
    }
    assert_eq!(count(&tx, "clients").await, 1);
    assert_eq!(count(&tx, "contacts").await, 1);
    tx.rollback().await.unwrap();

    // An insert with no tenant at all is rejected too.
    let orphan = conn
        .execute(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO clients (id, agency_id, name, status, created_at, updated_at) VALUES ($1, $2, 'Orphan', 'active', now(), now())",
            [uuid::Uuid::new_v4().into(), w.a.id.0.into()],
        ))
        .await;
    assert!(orphan.is_err());
}
