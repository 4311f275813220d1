//! A fresh PostgreSQL database per test. Migrations run as the owner (superuser) connection;
//! the app connects as a login role that is only a member of `accord_app`, so row-level
//! security binds it exactly as in production.

use sea_orm::{ConnectionTrait, Database};

pub const APP_LOGIN: &str = "accord_test_login";

pub struct PgDatabase {
    pub name: String,
    pub owner_url: String,
    pub app_url: String,
}

/// `ACCORD_TEST_PG_URL` (a superuser URL) or the local trust-auth server.
pub fn admin_url() -> String {
    std::env::var("ACCORD_TEST_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn with_database(url: &str, db: &str) -> String {
    let (base, _) = url.rsplit_once('/').unwrap_or((url, ""));
    format!("{base}/{db}")
}

fn with_user(url: &str, user: &str, password: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("postgres", url));
    let host = rest.rsplit_once('@').map(|(_, h)| h).unwrap_or(rest);
    format!("{scheme}://{user}:{password}@{host}")
}

pub async fn fresh_database() -> PgDatabase {
    let admin = Database::connect(admin_url()).await.expect("PostgreSQL reachable at ACCORD_TEST_PG_URL");
    let name = format!("accord_t_{}", uuid::Uuid::new_v4().simple());
    admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.expect("create test database");
    // Roles are cluster-wide; create them once, tolerating a concurrent test doing the same.
    let _ = admin
        .execute_unprepared(&format!(
            "DO $$ BEGIN
               IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'accord_app') THEN CREATE ROLE accord_app NOLOGIN; END IF;
               IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP_LOGIN}') THEN
                 CREATE ROLE {APP_LOGIN} LOGIN PASSWORD 'accord-test' IN ROLE accord_app;
               END IF;
             END $$;"
        ))
        .await;
    let _ = admin.close().await;
    let owner_url = with_database(&admin_url(), &name);
    let app_url = with_user(&owner_url, APP_LOGIN, "accord-test");
    PgDatabase { name, owner_url, app_url }
}
