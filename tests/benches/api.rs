//! Latency figures for the hot paths, printed (never asserted): `cargo bench -p accord-tests --bench api`.
//! Uses the same spawned app and database as the tests (SQLite, or PostgreSQL with
//! `ACCORD_TEST_DB=postgres`), with 1,000 clients in the agency.

use accord_api::{ClientStatus, PortalRole};
use accord_entity::{clients, contacts};
use accord_server::clients::repo::{new_client, new_contact};
use accord_tests::{spawn_app_with, world, Client};
use sea_orm::EntityTrait;
use std::time::{Duration, Instant};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

async fn measure(label: &str, n: usize, mut call: impl AsyncFnMut() -> u16) {
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        let started = Instant::now();
        let status = call().await;
        times.push(started.elapsed());
        assert!(status < 300, "{label}: status {status}");
    }
    times.sort();
    println!(
        "{label:<44} n={n:<4} p50={:>7.2} ms  p95={:>7.2} ms  max={:>7.2} ms",
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.95).as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3
    );
}

async fn get(c: &Client, path: &str) -> u16 {
    let res = c.get(path).await;
    let status = res.status().as_u16();
    let _ = res.bytes().await;
    status
}

#[tokio::main]
async fn main() {
    let app = spawn_app_with(|s| s.mail_poll_ms = 3_600_000).await;
    let w = world::build(&app).await;
    let tx = app.db.unscoped("bench seed").await.expect("tx");
    for i in 0..1000 {
        let c = new_client(w.a.id.0, &format!("Клиент {i:04}"), ClientStatus::Active, Some(w.manager_a.id.0));
        let contact = new_contact(w.a.id.0, c.id, "Контакт", &format!("c{i}@bench.test"), PortalRole::Viewer);
        clients::Entity::insert(clients::ActiveModel::from(c)).exec_without_returning(tx.conn()).await.expect("client");
        contacts::Entity::insert(contacts::ActiveModel::from(contact))
            .exec_without_returning(tx.conn())
            .await
            .expect("contact");
    }
    tx.commit().await.expect("commit");
    println!("backend: {:?}, 1,002 clients in agency A", accord_tests::backend());

    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let contact = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let anon = app.client();
    measure("POST /api/auth/sign-in (argon2id verify)", 20, async || {
        anon.sign_in(&w.a.owner.email, world::PASSWORD).await.status().as_u16()
    })
    .await;
    measure("GET /api/auth/me", 200, async || get(&owner, "/api/auth/me").await).await;
    measure("GET /api/staff/clients (owner, 25/page)", 200, async || get(&owner, "/api/staff/clients").await).await;
    measure("GET /api/staff/clients?q=клиент 05 (search)", 200, async || {
        get(&owner, "/api/staff/clients?q=%D0%BA%D0%BB%D0%B8%D0%B5%D0%BD%D1%82%2005").await
    })
    .await;
    measure("GET /api/staff/clients (manager, 100/page)", 100, async || {
        get(&manager, "/api/staff/clients?per_page=100&sort=-last_touch").await
    })
    .await;
    let a1 = format!("/api/staff/clients/{}", w.client_a1.0);
    measure("GET /api/staff/clients/{id}", 200, async || get(&owner, &a1).await).await;
    measure("GET /api/staff/exports/clients.csv (1,002 rows)", 20, async || {
        get(&owner, "/api/staff/exports/clients.csv").await
    })
    .await;
    measure("GET /api/portal/home", 200, async || get(&contact, "/api/portal/home").await).await;

    world::add_backlog_items(&app, &w, 5_000).await;
    println!("5,000 backlog items in one project");
    let backlog = format!("/api/staff/clients/{}/projects/{}/backlog", w.client_a1.0, w.project_a1);
    measure("GET …/backlog (50/page of 5,006)", 200, async || get(&manager, &backlog).await).await;
    let search = format!("{backlog}?q=bulk%2004&status=agreed");
    measure("GET …/backlog?q=&status= (search)", 200, async || get(&manager, &search).await).await;
    let csv = format!("{backlog}.csv");
    measure("GET …/backlog.csv (5,006 rows)", 10, async || get(&manager, &csv).await).await;
    measure("GET /api/staff/backlog/below-standard", 100, async || {
        get(&owner, "/api/staff/backlog/below-standard").await
    })
    .await;
    measure("GET /api/portal/backlog (2,500 open items)", 20, async || get(&contact, "/api/portal/backlog").await)
        .await;
    measure("GET /api/portal/roadmap", 200, async || get(&contact, "/api/portal/roadmap").await).await;
}
