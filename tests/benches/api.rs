//! Latency figures for the hot paths, printed (never asserted): `cargo bench -p accord-tests --bench api`.
//! Uses the same spawned app and database as the tests (SQLite, or PostgreSQL with
//! `ACCORD_TEST_DB=postgres`), with 1,000 clients in the agency.
//!
//! Two parts: one request at a time (latency of each path alone), then 32 clients at once on a
//! few hot reads (throughput, and the latency each of them sees while the others wait).

use accord_tests::{spawn_app_with, world, Client};
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

/// Concurrent clients in the throughput part.
const CONCURRENCY: usize = 32;
/// Each throughput run lasts this long, or until this many requests, whichever comes first.
const RUN_FOR: Duration = Duration::from_secs(3);
const MAX_REQUESTS: usize = 20_000;

/// `CONCURRENCY` tasks send `GET path` back to back as `c` (one cookie jar, a connection per
/// task) for `RUN_FOR` or `MAX_REQUESTS`; prints requests/s, p50/p99/max latency and errors
/// (transport failures and non-2xx answers). Each `beside` entry is one more task sending its
/// request back to back meanwhile (a slow reader the measured ones may queue behind); those are
/// not counted.
async fn throughput(label: &str, c: &Client, path: &str, beside: &[(&Client, &str)]) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    // Warm-up: open the connections and fill caches, not counted.
    let warm: Vec<_> = (0..CONCURRENCY)
        .map(|_| {
            let (c, path) = (c.clone(), path.to_string());
            tokio::spawn(async move { get(&c, &path).await })
        })
        .collect();
    for t in warm {
        let _ = t.await;
    }
    let issued = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let deadline = started + RUN_FOR;
    let background: Vec<_> = beside
        .iter()
        .map(|(c, path)| {
            let (c, path) = ((*c).clone(), path.to_string());
            tokio::spawn(async move {
                while Instant::now() < deadline {
                    get(&c, &path).await;
                }
            })
        })
        .collect();
    let tasks: Vec<_> = (0..CONCURRENCY)
        .map(|_| {
            let (c, path, issued) = (c.clone(), path.to_string(), issued.clone());
            tokio::spawn(async move {
                let (mut times, mut errors) = (Vec::new(), 0usize);
                while Instant::now() < deadline && issued.fetch_add(1, Ordering::Relaxed) < MAX_REQUESTS {
                    let t = Instant::now();
                    let ok = match c.http.get(c.url(&path)).send().await {
                        Ok(res) => res.status().is_success() && res.bytes().await.is_ok(),
                        Err(_) => false,
                    };
                    times.push(t.elapsed());
                    errors += usize::from(!ok);
                }
                (times, errors)
            })
        })
        .collect();
    let (mut times, mut errors) = (Vec::new(), 0);
    for t in tasks {
        let (t, e) = t.await.expect("bench task");
        times.extend(t);
        errors += e;
    }
    let elapsed = started.elapsed().as_secs_f64();
    for t in background {
        t.await.expect("bench task");
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{label:<50} c={CONCURRENCY} n={:<5} {:>7.0} req/s  p50={:>7.2} ms  p99={:>7.2} ms  max={:>7.2} ms  errors={errors}",
        times.len(),
        times.len() as f64 / elapsed,
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.99)),
        ms(times[times.len() - 1]),
    );
}

async fn get(c: &Client, path: &str) -> u16 {
    let res = c.get(path).await;
    let status = res.status().as_u16();
    let _ = res.bytes().await;
    status
}

/// `n` invoices of agency A spread over its clients (client A1 first), a month apart going back
/// from November 2026, written straight to the database as the finance endpoints store them:
/// four in five paid (one payment each), the rest open, every tenth in dollars at 92.5.
async fn add_invoices(app: &accord_tests::TestApp, w: &world::World, n: usize) {
    use accord_api::finance::InvoiceStatus;
    use accord_api::money::convert_minor;
    use accord_api::{ClientId, InvoiceId, PaymentId};
    use accord_entity::{clients, invoices, payments};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
    let tx = app.db.unscoped("bench invoices").await.expect("tx");
    let mut ids: Vec<ClientId> = clients::Entity::find()
        .select_only()
        .column(clients::Column::Id)
        .filter(clients::Column::AgencyId.eq(w.a.id))
        .into_tuple()
        .all(tx.conn())
        .await
        .expect("clients");
    ids.retain(|c| *c != w.client_a1.0);
    ids.insert(0, w.client_a1.0);
    let now = chrono::Utc::now();
    let last = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("day");
    let (mut invoice_rows, mut payment_rows) = (Vec::new(), Vec::new());
    for i in 0..n {
        let client = ids[i % ids.len()];
        let issued_on = last - chrono::Duration::days(30 * (i / ids.len()) as i64 + (i % 17) as i64);
        let (currency, rate, amount) = if i % 10 == 9 {
            ("USD", 92_500_000, 100_000)
        } else {
            ("RUB", 1_000_000, 5_000_000 + (i % 7) as i64 * 100_000)
        };
        let paid = i % 5 != 0;
        let invoice = invoices::Model {
            id: InvoiceId::new(),
            agency_id: w.a.id,
            client_id: client,
            contract_id: None,
            number: format!("BENCH-{i:06}"),
            issued_on,
            due_on: issued_on + chrono::Duration::days(10),
            amount_minor: amount,
            currency: currency.into(),
            rate_micro: rate,
            base_minor: convert_minor(amount, currency, rate, "RUB"),
            status: if paid { InvoiceStatus::Paid } else { InvoiceStatus::Issued },
            paid_minor: if paid { amount } else { 0 },
            paid_on: paid.then(|| issued_on + chrono::Duration::days(5)),
            note: String::new(),
            created_by: None,
            created_at: now,
            updated_at: now,
        };
        if paid {
            payment_rows.push(payments::ActiveModel::from(payments::Model {
                id: PaymentId::new(),
                agency_id: w.a.id,
                client_id: client,
                invoice_id: invoice.id,
                paid_on: issued_on + chrono::Duration::days(5),
                amount_minor: amount,
                base_minor: invoice.base_minor,
                note: String::new(),
                created_by: None,
                created_at: now,
            }));
        }
        invoice_rows.push(invoices::ActiveModel::from(invoice));
    }
    while !invoice_rows.is_empty() {
        let chunk: Vec<_> = invoice_rows.drain(..invoice_rows.len().min(500)).collect();
        invoices::Entity::insert_many(chunk).exec_without_returning(tx.conn()).await.expect("invoices");
    }
    while !payment_rows.is_empty() {
        let chunk: Vec<_> = payment_rows.drain(..payment_rows.len().min(500)).collect();
        payments::Entity::insert_many(chunk).exec_without_returning(tx.conn()).await.expect("payments");
    }
    tx.commit().await.expect("commit");
}

#[tokio::main]
async fn main() {
    let app = spawn_app_with(|s| s.mail_poll_ms = 3_600_000).await;
    let w = world::build(&app).await;
    world::add_clients(&app, &w, 1000, "bench.test").await;
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

    // 100,000 survey answers over two years across the agency's clients (CSV history import,
    // 20,000 rows a file), half of them rating the three default criteria.
    let mut names = Vec::new();
    for page in 1..=11 {
        let list: serde_json::Value =
            owner.get(&format!("/api/staff/clients?per_page=100&page={page}")).await.json().await.expect("clients");
        names.extend(
            list["items"].as_array().into_iter().flatten().filter_map(|c| c["name"].as_str().map(str::to_owned)),
        );
    }
    let started = Instant::now();
    for file in 0..5u32 {
        let mut csv = String::from("client,date,nps,why,price_importance,price_satisfaction,timeline_importance,timeline_satisfaction,service_importance,service_satisfaction,manager_email\n");
        for r in 0..20_000u32 {
            let i = file * 20_000 + r;
            let day =
                chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("day") + chrono::Duration::days(i64::from(i % 700));
            let rate = |k: u32| {
                if i % 2 == 0 {
                    format!("{},{}", 1 + (i / 3 + k) % 10, 1 + (i / 7 + k) % 10)
                } else {
                    ",".into()
                }
            };
            csv.push_str(&format!(
                "{},{day},{},Answer {i},{},{},{},{}\n",
                names[i as usize % names.len()].replace(',', " "),
                i % 11,
                rate(1),
                rate(2),
                rate(3),
                if i % 3 == 0 { w.manager_a.email.as_str() } else { "" }
            ));
        }
        let res = owner.post("/api/staff/survey-answers/import", serde_json::json!({ "csv": csv })).await;
        assert_eq!(res.status(), 200, "{}", res.text().await.unwrap_or_default());
    }
    println!("\n100,000 survey answers imported in {:.1} s", started.elapsed().as_secs_f64());
    let analytics = "/api/staff/survey-analytics?from=2025-01-01&to=2026-12-31";
    let statements = app.queries_for(&owner, analytics).await;
    println!(
        "survey analytics of 100,000 answers: {statements} statements (the same as with 2; see the surveys tests)"
    );
    measure("GET /api/staff/survey-analytics (100,000 answers)", 20, async || get(&owner, analytics).await).await;
    measure("GET /api/staff/survey-answers (25/page of 100,000)", 50, async || {
        get(&owner, "/api/staff/survey-answers?from=2025-01-01").await
    })
    .await;

    // Account health: the whole agency recomputed (2,002 clients, with the answers above).
    world::add_clients(&app, &w, 1000, "bench-health.test").await;
    let recompute = async || {
        use accord_server::health::RecomputeHealth;
        use accord_server::jobs::{self, NewJob};
        let tx = app.db.unscoped("bench queues a recomputation").await.expect("tx");
        let job = RecomputeHealth { agency: w.a.id, client: None, cause: "daily".into() };
        jobs::enqueue(&tx, NewJob::new(&job).expect("job")).await.expect("enqueue");
        tx.commit().await.expect("commit");
        let started = Instant::now();
        while jobs::run_due(&app.state).await.expect("jobs") > 0 {}
        started.elapsed()
    };
    let first = recompute().await;
    let second = recompute().await;
    println!(
        "\nhealth of 2,002 clients recomputed (facts, scores, history and latest rows): {} ms, again {} ms",
        first.as_millis(),
        second.as_millis()
    );
    measure("GET /api/staff/health (2,002 clients)", 20, async || get(&owner, "/api/staff/health").await).await;
    measure("GET /api/staff/cockpit (2,002 clients)", 20, async || get(&owner, "/api/staff/cockpit").await).await;
    let a1_health = format!("{a1}/health");
    measure("GET /api/staff/clients/{id}/health", 100, async || get(&manager, &a1_health).await).await;

    // Money: 20,000 invoices over the agency's clients (most paid, some open and overdue).
    let started = Instant::now();
    add_invoices(&app, &w, 20_000).await;
    println!("\n20,000 invoices with their payments written in {:.1} s", started.elapsed().as_secs_f64());
    let statements = app.queries_for(&owner, "/api/staff/money").await;
    println!("money overview of 20,000 invoices: {statements} statements (the same as with 40; see the revenue tests)");
    measure("GET /api/staff/money (20,000 invoices)", 20, async || get(&owner, "/api/staff/money").await).await;
    let a1_money = format!("{a1}/money");
    measure("GET /api/staff/clients/{id}/money", 100, async || get(&manager, &a1_money).await).await;

    println!("\n{CONCURRENCY} concurrent clients, {} s per path (at most {MAX_REQUESTS} requests)", RUN_FOR.as_secs());
    throughput("GET /api/auth/me", &owner, "/api/auth/me", &[]).await;
    throughput("GET /api/staff/clients (owner, 25/page)", &owner, "/api/staff/clients", &[]).await;
    throughput("GET /api/portal/home", &contact, "/api/portal/home", &[]).await;
    throughput("GET …/backlog (50/page of 5,006)", &manager, &backlog, &[]).await;
    throughput("GET /api/staff/cockpit (2,002 clients)", &owner, "/api/staff/cockpit", &[]).await;
    throughput("GET /api/staff/clients/{id}/health", &manager, &a1_health, &[]).await;
    throughput("GET /api/staff/money (20,000 invoices)", &owner, "/api/staff/money", &[]).await;
    throughput("GET /api/staff/clients/{id}/money", &manager, &a1_money, &[]).await;
    // Fast reads while two other people export the 5,006-item backlog, back to back.
    let exports = [(&manager, csv.as_str()), (&owner, csv.as_str())];
    throughput("GET /api/auth/me beside 2 backlog.csv exports", &owner, "/api/auth/me", &exports).await;
    throughput("GET /api/portal/home beside 2 backlog.csv exports", &contact, "/api/portal/home", &exports).await;
}
