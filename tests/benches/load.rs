//! Load benchmark (run by hand, prints figures, asserts nothing): `./scripts/load` (SQLite) or
//! `ACCORD_TEST_DB=postgres ./scripts/load`.
//!
//! The release server runs as its own process pinned to core 0 (on PostgreSQL the database's
//! processes are pinned there too), beside a bare actix-web JSON endpoint on the same core; this
//! process generates the load from core 1. For each hot read it prints throughput, p50 and p99
//! at 16, 32 and 64 connections and the throughput as a share of bare actix measured in the same
//! run; then writes under load (contacts commenting, managers logging touchpoints), and the
//! server's RSS after the load and after a sweep of malformed and oversized bodies sent to every
//! write endpoint of the OpenAPI document.
//!
//! Data: by default the test world plus 1,000 clients and one project of 5,000 backlog items (the
//! small set); with `ACCORD_LOAD_SCALE=0.1` (or 1) the `accord seed-scale` data set at that scale,
//! read as the largest agency (its first client holds the largest project).
//! `ACCORD_LOAD_ONLY=home,meetings` runs only the reads whose label holds one of those words.

use accord_api::{ClientId, ProjectId};
use accord_entity::{clients, projects, users};
use accord_server::seed_scale::{seed_scale, SCALE_PASSWORD};
use accord_tests::{backend, spawn_app_with, world, Backend, Client, TestApp};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use secrecy::ExposeSecret;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Builds the `n`-th request of a run on a connection pool.
type MakeRequest = Arc<dyn Fn(&reqwest::Client, usize) -> reqwest::RequestBuilder + Send + Sync>;

const RUN_FOR: Duration = Duration::from_secs(4);
const CONCURRENCY: [usize; 3] = [16, 32, 64];

struct Figures {
    requests: usize,
    per_sec: f64,
    p50: Duration,
    p99: Duration,
    errors: usize,
    server_errors: usize,
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// `connections` tasks each send `make()`'s request back to back for `RUN_FOR`.
async fn load(connections: usize, http: &reqwest::Client, make: MakeRequest) -> Figures {
    // Warm-up: one request per connection.
    let warm: Vec<_> = (0..connections)
        .map(|i| {
            let (http, make) = (http.clone(), make.clone());
            tokio::spawn(async move {
                if let Ok(res) = make(&http, i).send().await {
                    let _ = res.bytes().await;
                }
            })
        })
        .collect();
    for t in warm {
        let _ = t.await;
    }
    let counter = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let deadline = started + RUN_FOR;
    let tasks: Vec<_> = (0..connections)
        .map(|_| {
            let (http, make, counter) = (http.clone(), make.clone(), counter.clone());
            tokio::spawn(async move {
                let (mut times, mut errors, mut server_errors) = (Vec::new(), 0, 0);
                while Instant::now() < deadline {
                    let n = counter.fetch_add(1, Ordering::Relaxed);
                    let t = Instant::now();
                    match make(&http, n).send().await {
                        Ok(res) => {
                            let status = res.status();
                            let body = res.bytes().await;
                            errors += usize::from(!status.is_success() || body.is_err());
                            server_errors += usize::from(status.is_server_error());
                        }
                        Err(_) => errors += 1,
                    }
                    times.push(t.elapsed());
                }
                (times, errors, server_errors)
            })
        })
        .collect();
    let (mut times, mut errors, mut server_errors) = (Vec::new(), 0, 0);
    for t in tasks {
        let (t, e, s) = t.await.expect("load task");
        times.extend(t);
        errors += e;
        server_errors += s;
    }
    let elapsed = started.elapsed().as_secs_f64();
    times.sort();
    Figures {
        requests: times.len(),
        per_sec: times.len() as f64 / elapsed,
        p50: percentile(&times, 0.5),
        p99: percentile(&times, 0.99),
        errors,
        server_errors,
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("port").local_addr().expect("addr").port()
}

fn pin(pid: u32, core: &str) {
    let ok = Command::new("taskset").args(["-a", "-cp", core, &pid.to_string()]).stdout(Stdio::null()).status();
    if !ok.is_ok_and(|s| s.success()) {
        eprintln!("warning: could not pin process {pid} to core {core} (taskset missing?)");
    }
}

fn rss_mb(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn wait_ready(url: &str) {
    let http = reqwest::Client::new();
    for _ in 0..300 {
        if http.get(url).send().await.is_ok_and(|r| r.status().is_success()) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{url} did not answer in 30 s");
}

fn client_at(base: &str) -> Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(reqwest::header::ORIGIN, reqwest::header::HeaderValue::from_str(base).expect("origin"));
    Client {
        base: base.to_owned(),
        http: reqwest::Client::builder()
            .default_headers(headers)
            .cookie_store(true)
            .pool_max_idle_per_host(128)
            .build()
            .expect("http client"),
    }
}

async fn signed_in_at(base: &str, email: &str, password: &str) -> Client {
    let c = client_at(base);
    let res = c.sign_in(email, password).await;
    assert_eq!(res.status(), 200, "sign-in of {email}");
    c
}

fn binary(var: &str, default: &str) -> String {
    std::env::var(var)
        .unwrap_or_else(|_| accord_tests::workspace_root().join("target/release").join(default).display().to_string())
}

/// Who the benchmark signs in as, and the client and project it reads.
struct Setup {
    label: String,
    owner: String,
    manager: String,
    contact: String,
    password: String,
    client: ClientId,
    project: ProjectId,
    /// A held, published meeting of that client.
    meeting: String,
    /// A published report of that client.
    report: String,
}

/// A published weekly report of `client` (the week of 16 November 2026), made over HTTP.
async fn report_of(app: &TestApp, owner_email: &str, password: &str, client: ClientId) -> String {
    let owner = app.signed_in(owner_email, password).await;
    let body = serde_json::json!({ "kind": "weekly", "period_of": "2026-11-18" });
    let r: serde_json::Value =
        owner.post(&format!("/api/staff/clients/{client}/reports"), body).await.json().await.expect("report");
    let rid = r["summary"]["id"].as_str().expect("report id").to_string();
    let version = r["version"].clone();
    assert!(owner
        .post(&format!("/api/staff/reports/{rid}/publish"), serde_json::json!({ "version": version }))
        .await
        .status()
        .is_success());
    rid
}

/// A weekly series and a held, published meeting of `client`, made over HTTP as `owner`.
async fn meeting_of(app: &TestApp, owner_email: &str, password: &str, client: ClientId) -> String {
    let owner = app.signed_in(owner_email, password).await;
    let base = format!("/api/staff/clients/{client}");
    let series = serde_json::json!({ "title": "Weekly", "frequency": "weekly", "interval": 1, "weekday": 2,
        "starts_on": "2026-01-06", "time": "11:00", "time_zone": "Europe/Moscow", "duration_minutes": 60 });
    assert!(owner.post(&format!("{base}/meeting-series"), series).await.status().is_success());
    let one_off = serde_json::json!({ "title": "Review", "local_start": "2026-11-20T15:00", "time_zone": "Europe/Moscow", "duration_minutes": 60 });
    let m: serde_json::Value = owner.post(&format!("{base}/meetings"), one_off).await.json().await.expect("meeting");
    let mid = m["summary"]["id"].as_str().expect("meeting id").to_string();
    let minutes = serde_json::json!({ "attendees": {}, "notes": "Итоги", "decisions": ["Один", "Два"],
        "action_items": [{ "title": "Отчёт", "side": "agency", "due_on": "2026-11-25" }], "discussed": [] });
    assert!(owner
        .send("PUT", &format!("/api/staff/meetings/{mid}/minutes"), Some(minutes))
        .await
        .status()
        .is_success());
    assert!(owner
        .post(&format!("/api/staff/meetings/{mid}/publish"), serde_json::json!({}))
        .await
        .status()
        .is_success());
    mid
}

/// The small data set: the test world, 1,000 more clients and one project of 5,000 items.
async fn small(app: &TestApp) -> Setup {
    let w = world::build(app).await;
    world::add_clients(app, &w, 1000, "load.test").await;
    world::add_backlog_items(app, &w, 5_000).await;
    Setup {
        label: "small: test world + 1,000 clients, one project of 5,000 items".into(),
        owner: w.a.owner.email.clone(),
        manager: w.manager_a.email.clone(),
        contact: w.approver_a1.email.clone(),
        password: world::PASSWORD.into(),
        client: w.client_a1.0,
        project: w.project_a1,
        meeting: meeting_of(app, &w.a.owner.email, world::PASSWORD, w.client_a1.0).await,
        report: report_of(app, &w.a.owner.email, world::PASSWORD, w.client_a1.0).await,
    }
}

/// The hosted-size data set of `accord seed-scale` at `scale`: the largest agency's owner, the
/// manager and approver of its first client, whose first project is the largest project.
async fn scaled(app: &TestApp, scale: f64) -> Setup {
    let report = seed_scale(&app.db, scale, 2026).await.expect("seed-scale");
    let owner = app.settings.migration_database_url.as_ref().unwrap_or(&app.settings.database_url);
    accord_server::seed_scale::vacuum_analyze(owner.expose_secret()).await.expect("VACUUM ANALYZE");
    let tx = app.db.unscoped("load bench lookup").await.expect("tx");
    let client = clients::Entity::find()
        .filter(clients::Column::Name.eq("Клиент 0-00000"))
        .one(tx.conn())
        .await
        .expect("client")
        .expect("the first client");
    let project = projects::Entity::find()
        .filter(projects::Column::ClientId.eq(client.id))
        .filter(projects::Column::Name.eq("Проект 0-0-0"))
        .one(tx.conn())
        .await
        .expect("project")
        .expect("the largest project");
    let manager = users::Entity::find_by_id(client.account_manager_id.expect("a manager"))
        .one(tx.conn())
        .await
        .expect("manager")
        .expect("the manager");
    tx.commit().await.expect("commit");
    Setup {
        label: format!("seed-scale {scale}: {report:?}"),
        owner: "owner-0@scale.accord.test".into(),
        manager: manager.email,
        contact: "approver-0-0@scale.accord.test".into(),
        password: SCALE_PASSWORD.into(),
        client: client.id,
        project: project.id,
        meeting: meeting_of(app, "owner-0@scale.accord.test", SCALE_PASSWORD, client.id).await,
        report: report_of(app, "owner-0@scale.accord.test", SCALE_PASSWORD, client.id).await,
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // This process (the load) on core 1; servers on core 0.
    pin(std::process::id(), "1");
    let app = spawn_app_with(|s| s.mail_poll_ms = 3_600_000).await;
    let setup = match std::env::var("ACCORD_LOAD_SCALE").ok().and_then(|v| v.parse::<f64>().ok()) {
        Some(scale) => scaled(&app, scale).await,
        None => small(&app).await,
    };
    println!("data: {}", setup.label);

    // The release server on the same database, pinned to core 0.
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let data = tempfile::tempdir().expect("tempdir");
    let mut cmd = Command::new(binary("ACCORD_LOAD_SERVER", "accord"));
    cmd.arg("serve")
        .env("ACCORD_LISTEN", format!("127.0.0.1:{port}"))
        .env("ACCORD_DATABASE_URL", app.settings.database_url.expose_secret())
        .env("ACCORD_DATA_DIR", data.path())
        .env("ACCORD_STATIC_DIR", &app.settings.static_dir)
        .env("ACCORD_SEED_DEMO", "false")
        .env("ACCORD_JOBS", "false")
        .env("ACCORD_MAIL_POLL_MS", "3600000")
        .env("ACCORD_LOG", "warn")
        .stdout(Stdio::null());
    if let Some(url) = &app.settings.migration_database_url {
        cmd.env("ACCORD_MIGRATION_DATABASE_URL", url.expose_secret());
    }
    let server = Server(cmd.spawn().expect("start the release server (build it: cargo build --release)"));
    let server_pid = server.0.id();
    pin(server_pid, "0");
    let bare_port = free_port();
    let bare = Server(
        Command::new(binary("ACCORD_LOAD_BARE", "accord-bare"))
            .arg(format!("127.0.0.1:{bare_port}"))
            .spawn()
            .expect("start accord-bare (cargo build --release -p accord-tests --bin accord-bare)"),
    );
    pin(bare.0.id(), "0");
    if backend() == Backend::Postgres {
        let pids = Command::new("pgrep").args(["-f", "postgres"]).output().expect("pgrep");
        for pid in String::from_utf8_lossy(&pids.stdout).split_whitespace().filter_map(|p| p.parse::<u32>().ok()) {
            pin(pid, "0");
        }
    }
    wait_ready(&format!("{base}/readyz")).await;
    wait_ready(&format!("http://127.0.0.1:{bare_port}/hello")).await;

    let owner = signed_in_at(&base, &setup.owner, &setup.password).await;
    let manager = signed_in_at(&base, &setup.manager, &setup.password).await;
    let contact = signed_in_at(&base, &setup.contact, &setup.password).await;
    let plain = client_at(&base);
    let backlog = format!("/api/staff/clients/{}/projects/{}/backlog", setup.client, setup.project);
    let client_page = format!("/api/staff/clients/{}", setup.client);
    let bare_client = client_at(&format!("http://127.0.0.1:{bare_port}"));

    let reads: Vec<(&str, &Client, String)> = vec![
        ("bare actix GET /hello", &bare_client, "/hello".into()),
        ("GET / (index.html, brotli)", &plain, "/".into()),
        ("GET /api/auth/me", &owner, "/api/auth/me".into()),
        ("GET /api/portal/home", &contact, "/api/portal/home".into()),
        ("GET /api/portal/backlog", &contact, "/api/portal/backlog".into()),
        (
            "GET /api/portal/backlog/sections/planned?page=2",
            &contact,
            "/api/portal/backlog/sections/planned?page=2".into(),
        ),
        ("GET …/backlog (staff, 50/page, largest project)", &manager, backlog.clone()),
        ("GET /api/staff/clients (25/page)", &owner, "/api/staff/clients".into()),
        ("GET /api/staff/clients/{id}", &owner, client_page),
        ("GET /api/staff/backlog/below-standard", &owner, "/api/staff/backlog/below-standard".into()),
        ("GET /api/staff/clients/{id}/meetings", &manager, format!("/api/staff/clients/{}/meetings", setup.client)),
        ("GET /api/staff/meetings/{mid}", &manager, format!("/api/staff/meetings/{}", setup.meeting)),
        ("GET /api/staff/promises", &owner, "/api/staff/promises".into()),
        ("GET /api/portal/meetings", &contact, "/api/portal/meetings".into()),
        ("GET /api/portal/meetings/{mid}", &contact, format!("/api/portal/meetings/{}", setup.meeting)),
        ("GET /api/staff/clients/{id}/reports", &manager, format!("/api/staff/clients/{}/reports", setup.client)),
        ("GET /api/staff/reports/{rid}", &manager, format!("/api/staff/reports/{}", setup.report)),
        ("GET /api/staff/reports-due", &owner, "/api/staff/reports-due".into()),
        ("GET /api/portal/reports", &contact, "/api/portal/reports".into()),
        // The largest agency's NPS and CSI analytics over two years (every answer of the period).
        (
            "GET /api/staff/survey-analytics (2 years)",
            &owner,
            "/api/staff/survey-analytics?from=2025-01-01&to=2026-12-31".into(),
        ),
        ("GET /api/staff/survey-answers (25/page)", &owner, "/api/staff/survey-answers?from=2025-01-01".into()),
        ("GET /api/portal/surveys", &contact, "/api/portal/surveys".into()),
        // Account health: the largest agency's at-risk list and portfolios, the cockpit, one
        // client's score computed on the spot, and the portal's risks and incidents.
        ("GET /api/staff/health (largest agency)", &owner, "/api/staff/health".into()),
        ("GET /api/staff/cockpit (largest agency)", &owner, "/api/staff/cockpit".into()),
        ("GET /api/staff/clients/{id}/health", &manager, format!("/api/staff/clients/{}/health", setup.client)),
        ("GET /api/portal/risks", &contact, "/api/portal/risks".into()),
        // Money: the largest agency's overview (totals, trend, overdue, unsigned acts, the ABC
        // table over every invoice and payment) and one client's figures.
        ("GET /api/staff/money (largest agency)", &owner, "/api/staff/money".into()),
        ("GET /api/staff/clients/{id}/money", &manager, format!("/api/staff/clients/{}/money", setup.client)),
        // Opening a report writes its read receipt: a write on every request.
        ("GET /api/portal/reports/{rid} (writes a receipt)", &contact, format!("/api/portal/reports/{}", setup.report)),
    ];
    println!(
        "backend {:?}; server pid {server_pid} on core 0, load on core 1; {} s per row",
        backend(),
        RUN_FOR.as_secs()
    );
    // `ACCORD_LOAD_ONLY=home,meetings` keeps the reads whose label holds one of the words (bare
    // actix always runs: the ratios need it).
    let only: Vec<String> = std::env::var("ACCORD_LOAD_ONLY")
        .map(|v| v.split(',').map(|w| w.trim().to_owned()).filter(|w| !w.is_empty()).collect())
        .unwrap_or_default();
    let reads: Vec<_> = reads
        .into_iter()
        .enumerate()
        .filter(|(i, (label, _, _))| *i == 0 || only.is_empty() || only.iter().any(|w| label.contains(w.as_str())))
        .map(|(_, r)| r)
        .collect();
    for connections in CONCURRENCY {
        println!("\n{connections} connections");
        println!("{:<44} {:>9} {:>9} {:>9} {:>8} {:>7}", "request", "req/s", "p50 ms", "p99 ms", "of bare", "errors");
        let mut bare_rate = 0.0;
        for (label, c, path) in &reads {
            let url = c.url(path);
            let make: MakeRequest = Arc::new(move |http: &reqwest::Client, _| {
                http.get(&url).header(reqwest::header::ACCEPT_ENCODING, "br, gzip")
            });
            let f = load(connections, &c.http, make).await;
            if bare_rate == 0.0 {
                bare_rate = f.per_sec;
            }
            println!(
                "{label:<44} {:>9.0} {:>9.2} {:>9.2} {:>7.1}% {:>7}",
                f.per_sec,
                ms(f.p50),
                ms(f.p99),
                100.0 * f.per_sec / bare_rate,
                f.errors
            );
        }
    }
    println!("\nserver RSS after the reads: {:.0} MB", rss_mb(server_pid));

    // Writes under load: 32 connections, half contacts commenting, half managers logging touchpoints.
    let portal: serde_json::Value = contact.get("/api/portal/backlog").await.json().await.expect("portal backlog");
    let items: Vec<String> = portal["awaiting"]
        .as_array()
        .into_iter()
        .flatten()
        .chain(portal["planned"].as_array().into_iter().flatten())
        .filter_map(|i| i["id"].as_str().map(str::to_owned))
        .take(200)
        .collect();
    assert!(!items.is_empty(), "the contact sees backlog items");
    let comment_urls: Arc<Vec<String>> =
        Arc::new(items.iter().map(|id| contact.url(&format!("/api/portal/backlog/{id}/comments"))).collect());
    let touchpoints = manager.url(&format!("/api/staff/clients/{}/touchpoints", setup.client));
    let comment = {
        let urls = comment_urls.clone();
        Arc::new(move |http: &reqwest::Client, n: usize| {
            let body = accord_api::backlog::NewComment { body: format!("Комментарий {n}"), internal: false };
            http.post(&urls[n % urls.len()]).json(&body)
        }) as MakeRequest
    };
    let touch = Arc::new(move |http: &reqwest::Client, n: usize| {
        let body = accord_api::projects::NewTouchpoint {
            kind: accord_api::TouchpointKind::Call,
            occurred_at: chrono::Utc::now(),
            contact_id: None,
            summary: format!("Звонок {n}"),
        };
        http.post(&touchpoints).json(&body)
    }) as MakeRequest;
    println!("\nwrites, 32 connections (16 + 16 at once)");
    let (comments, logged) = tokio::join!(load(16, &contact.http, comment), load(16, &manager.http, touch));
    for (label, f) in [("POST …/comments (contacts)", comments), ("POST …/touchpoints (managers)", logged)] {
        println!(
            "{label:<44} {:>9.0} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  n={} errors={} 5xx={}",
            f.per_sec,
            ms(f.p50),
            ms(f.p99),
            f.requests,
            f.errors,
            f.server_errors
        );
    }
    println!("server RSS after the writes: {:.0} MB", rss_mb(server_pid));

    // Malformed and oversized bodies to every write endpoint, as the manager (past the CSRF check).
    let doc: serde_json::Value = plain.get("/api/openapi.json").await.json().await.expect("openapi");
    let mut writes = Vec::new();
    for (path, ops) in doc["paths"].as_object().expect("paths") {
        for method in ["post", "put", "patch", "delete"] {
            if ops.get(method).is_some() {
                let filled = path
                    .split('/')
                    .map(|seg| if seg.starts_with('{') { uuid::Uuid::new_v4().to_string() } else { seg.to_owned() })
                    .collect::<Vec<_>>()
                    .join("/");
                writes.push((method, filled));
            }
        }
    }
    let big = format!("{{\"name\":\"{}\"}}", "я".repeat(2_000_000));
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let bodies: [&str; 4] = ["{\"name\":", &big, &deep, "\u{0}\u{1}garbage"];
    let started = Instant::now();
    let mut sent = 0;
    for round in 0..5 {
        for (method, path) in &writes {
            for body in &bodies {
                let url = manager.url(path);
                let req = match *method {
                    "post" => manager.http.post(&url),
                    "put" => manager.http.put(&url),
                    "patch" => manager.http.patch(&url),
                    _ => manager.http.delete(&url),
                };
                let res =
                    req.header(reqwest::header::CONTENT_TYPE, "application/json").body(body.to_string()).send().await;
                if let Ok(res) = res {
                    let _ = res.bytes().await;
                }
                sent += 1;
            }
        }
        if round == 0 {
            println!(
                "\nsweep: {} write endpoints × {} bodies (up to {} KB), 5 rounds",
                writes.len(),
                bodies.len(),
                big.len() / 1024
            );
        }
    }
    println!(
        "sweep: {sent} requests in {:.1} s; server RSS after: {:.0} MB; still serving: {}",
        started.elapsed().as_secs_f64(),
        rss_mb(server_pid),
        owner.get("/api/auth/me").await.status()
    );
    drop(bare);
    drop(server);
}
