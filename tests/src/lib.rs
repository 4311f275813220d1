//! Test harness: spawns the real Accord app on a random port with a fresh database — SQLite by
//! default, PostgreSQL when `ACCORD_TEST_DB=postgres` — and gives typed HTTP clients.

pub mod browser;
pub mod pg;
pub mod smtp;
pub mod world;

use accord_server::clock::Clock;
use accord_server::config::Settings;
use accord_server::jobs::Registry;
use accord_server::startup::Application;
use accord_server::state::AppState;
use secrecy::SecretString;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub fn backend() -> Backend {
    match std::env::var("ACCORD_TEST_DB").as_deref() {
        Ok("postgres") => Backend::Postgres,
        _ => Backend::Sqlite,
    }
}

pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().map(PathBuf::from).unwrap_or_default()
}

pub struct TestApp {
    pub address: String,
    pub port: u16,
    pub settings: Settings,
    pub db: accord_server::db::Db,
    /// The app's state, for calling server functions directly (e.g. `jobs::run_due`).
    pub state: Arc<AppState>,
    /// PostgreSQL: the per-test database name.
    pub pg_database: Option<String>,
    _dir: tempfile::TempDir,
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Starts the app with test settings adjusted by `tweak`.
pub async fn spawn_app_with(tweak: impl FnOnce(&mut Settings)) -> TestApp {
    spawn_app_on(Clock::system(), Registry::production(), tweak).await
}

/// Starts the app on `clock` (a `Clock::manual` the test moves; clones share the time, and
/// `app.db.clock()` is the same clock).
pub async fn spawn_app_with_clock(clock: Clock, tweak: impl FnOnce(&mut Settings)) -> TestApp {
    spawn_app_on(clock, Registry::production(), tweak).await
}

/// Starts the app on `clock` with the job kinds in `jobs`.
///
/// In every test app the background job runner is off (its polling would add to the query
/// counts the `queries` tests compare, and tests drive jobs with `jobs::run_due` after moving
/// the clock); `tweak` may turn it on with `s.jobs = true`.
pub async fn spawn_app_on(clock: Clock, jobs: Registry, tweak: impl FnOnce(&mut Settings)) -> TestApp {
    accord_server::telemetry::init(accord_server::config::LogFormat::Pretty, "warn");
    let dir = tempfile::tempdir().expect("tempdir");
    let mut settings = Settings {
        listen: "127.0.0.1:0".into(),
        data_dir: dir.path().join("data"),
        static_dir: workspace_root().join("frontend/dist"),
        jobs: false,
        ..Settings::default()
    };
    let mut pg_database = None;
    match backend() {
        Backend::Sqlite => {
            settings.database_url =
                SecretString::from(format!("sqlite://{}?mode=rwc", dir.path().join("accord.db").display()));
        }
        Backend::Postgres => {
            let db = pg::fresh_database().await;
            settings.migration_database_url = Some(SecretString::from(db.owner_url.clone()));
            settings.database_url = SecretString::from(db.app_url.clone());
            pg_database = Some(db.name);
        }
    }
    tweak(&mut settings);
    let app = Application::build_with(settings.clone(), clock, jobs).await.expect("app builds");
    let port = app.port();
    let db = app.state.db.clone();
    let state = app.state.clone().into_inner();
    tokio::spawn(app.run_until_stopped());
    TestApp { address: format!("http://127.0.0.1:{port}"), port, settings, db, state, pg_database, _dir: dir }
}

impl TestApp {
    /// How many statements `GET path` as `c` runs (it must answer 200).
    ///
    /// The counter is the pool's, so it also sees what runs beside the request: the mail sender
    /// polls the outbox every second (four statements a pass, more when a mail is due). The
    /// request is a read and runs the same statements each time, so the fewest seen over three
    /// runs is its own count; something beside it would have to land in all three windows.
    pub async fn queries_for(&self, c: &Client, path: &str) -> u64 {
        let mut fewest = u64::MAX;
        for _ in 0..3 {
            let before = self.db.queries_run();
            let res = c.get(path).await;
            assert_eq!(res.status(), 200, "{path}");
            fewest = fewest.min(self.db.queries_run() - before);
        }
        fewest
    }

    /// A fresh client with its own cookie jar (one browser, one person). Like a browser, it sends
    /// `Origin: <the app's address>`: the server refuses writes under `/api` that carry neither
    /// `Origin` nor `Sec-Fetch-Site` (CSRF). It rides on every request (harmless on reads); a
    /// request that sets its own `Origin` header replaces it, which the CSRF tests use.
    pub fn client(&self) -> Client {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(reqwest::header::ORIGIN, reqwest::header::HeaderValue::from_str(&self.address).expect("origin"));
        Client {
            base: self.address.clone(),
            http: reqwest::Client::builder()
                .default_headers(headers)
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                // The server closes a connection idle for 5 s (actix's keep-alive); one reused
                // at that instant fails to send. Let the client drop idle ones first.
                .pool_idle_timeout(std::time::Duration::from_secs(2))
                .build()
                .expect("http client"),
        }
    }

    /// Signs in a new client; panics unless it succeeds.
    pub async fn signed_in(&self, email: &str, password: &str) -> Client {
        let c = self.client();
        let res = c.sign_in(email, password).await;
        assert_eq!(res.status(), 200, "sign-in of {email} failed: {}", res.text().await.unwrap_or_default());
        c
    }
}

#[derive(Clone)]
pub struct Client {
    pub base: String,
    pub http: reqwest::Client,
}

impl Client {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http.get(self.url(path)).send().await.expect("request")
    }

    pub async fn send(&self, method: &str, path: &str, body: Option<serde_json::Value>) -> reqwest::Response {
        let method = reqwest::Method::from_bytes(method.to_ascii_uppercase().as_bytes()).expect("method");
        let mut req = self.http.request(method, self.url(path));
        if let Some(body) = body {
            req = req.json(&body);
        }
        req.send().await.expect("request")
    }

    pub async fn post(&self, path: &str, body: serde_json::Value) -> reqwest::Response {
        self.send("POST", path, Some(body)).await
    }

    pub async fn sign_in(&self, email: &str, password: &str) -> reqwest::Response {
        self.post("/api/auth/sign-in", serde_json::json!({ "email": email, "password": password })).await
    }
}

/// The text of a PDF as `pdftotext` (poppler-utils) reads it, with words joined by single
/// spaces (layout mode pads them); `None` when it is not installed here.
pub fn pdf_text(bytes: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("document.pdf");
    std::fs::write(&file, bytes).expect("write pdf");
    let out =
        match std::process::Command::new("pdftotext").args(["-layout", "-enc", "UTF-8"]).arg(&file).arg("-").output() {
            Ok(out) => out,
            Err(_) => {
                eprintln!("SKIPPED: pdftotext not installed; the PDF text was not checked");
                return None;
            }
        };
    assert!(out.status.success(), "pdftotext refused the PDF: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    Some(text.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect::<Vec<_>>().join("\n"))
}
