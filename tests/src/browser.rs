//! Headless Chromium driving the real SPA (written by the browser-test helper).
//!
//! Every test gets its own chromedriver (on a port the OS picks) and its own throw-away Chromium
//! profile, so browser tests run in parallel like the rest. [`browser`] returns `None` — with a
//! loud `SKIPPED:` line — when chromedriver or the built SPA is missing, and panics instead when
//! `CI=true`, so a CI run cannot silently skip the browser suite.
//!
//! Waits poll for up to [`WAIT`]; a timeout saves a screenshot under
//! `target/browser-failures/` and panics with the current URL and the page's text.
//!
//! The browser is driven through the W3C WebDriver protocol with a small client over `reqwest`
//! ([`WebDriver`]). fantoccini 0.22's `ClientBuilder::rustls()` cannot be used in this
//! workspace: the dependency graph enables both of rustls' crypto back-ends (`ring` through
//! reqwest/sqlx, `aws-lc-rs` through fantoccini's hyper-rustls), so rustls cannot pick a
//! process default and panics when fantoccini builds its TLS config.

use crate::{workspace_root, TestApp};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, BufReader};

/// How long a wait polls before the test fails.
pub const WAIT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(100);
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// One headless Chromium session bound to one test app.
pub struct Browser {
    client: WebDriver,
    base: String,
    name: String,
    // Dropped after `client`: kills chromedriver (and the Chromium it started), then deletes
    // the profile directory.
    _driver: Driver,
}

/// The chromedriver child process; killed with its whole process group on drop, so a
/// panicking test leaves no chromedriver or Chromium behind.
struct Driver {
    child: tokio::process::Child,
    pid: Option<u32>,
    _profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        if let Some(pid) = self.pid {
            // The child leads its own process group (see `start_driver`); Chromium and its
            // helpers live in that group too. Kill the group, by its id.
            let _ = std::process::Command::new("kill")
                .args(["-KILL", "--", &format!("-{pid}")])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
        let _ = self.child.start_kill();
        let _ = self.child.try_wait();
    }
}

fn truthy(var: &str) -> bool {
    std::env::var(var).is_ok_and(|v| matches!(v.trim().to_ascii_lowercase().as_str(), "true" | "1" | "yes"))
}

fn find_chromedriver() -> Option<PathBuf> {
    let fixed = PathBuf::from(CHROMEDRIVER);
    if fixed.is_file() {
        return Some(fixed);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join("chromedriver")).find(|p| p.is_file())
}

/// Why the browser suite cannot run here, if it cannot.
fn missing_prerequisite() -> Result<PathBuf, String> {
    let driver = find_chromedriver().ok_or_else(|| format!("chromedriver not found at {CHROMEDRIVER} or on PATH"))?;
    if !Path::new(CHROMIUM).is_file() {
        return Err(format!("Chromium not found at {CHROMIUM}"));
    }
    let index = workspace_root().join("frontend/dist/index.html");
    if !index.is_file() {
        return Err(format!(
            "{} is missing; build the SPA with `cd frontend && trunk build --release`",
            index.display()
        ));
    }
    Ok(driver)
}

/// Says loudly that a browser test is skipped — or, on CI, fails it.
fn skip_or_fail(reason: &str, ci: bool) {
    if ci {
        panic!("browser tests cannot run on CI (CI=true): {reason}");
    }
    eprintln!("\n*** SKIPPED: browser test ({reason}) ***\n");
}

/// A browser on a fresh app (its outbox never polled) with the test world; `None` when
/// [`browser`] skips.
pub async fn with_world() -> Option<(TestApp, crate::world::World, Browser)> {
    let b = browser().await?;
    let app = crate::spawn_app_with(|s| s.mail_poll_ms = 3_600_000).await;
    let w = crate::world::build(&app).await;
    let b = b.at(&app);
    Some((app, w, b))
}

/// A fresh headless Chromium, or `None` (after a loud `SKIPPED:` line) when chromedriver or the
/// built SPA is missing. Under `CI=true` a missing prerequisite is a failure, not a skip.
pub async fn browser() -> Option<Browser> {
    let driver_path = match missing_prerequisite() {
        Ok(path) => path,
        Err(reason) => {
            skip_or_fail(&reason, truthy("CI"));
            return None;
        }
    };
    let (driver, port) = start_driver(&driver_path).await;
    let profile = driver._profile.path().to_string_lossy().into_owned();
    let caps = json!({
        "browserName": "chrome",
        "pageLoadStrategy": "normal",
        "goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": [
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,900",
                "--lang=en-US",
                format!("--user-data-dir={profile}"),
            ],
            // navigator.language comes from the accept-languages preference; the SPA picks
            // Russian only for ru*, so this makes the pre-sign-in language English everywhere.
            "prefs": { "intl.accept_languages": "en-US,en" },
        },
    });
    let url = format!("http://127.0.0.1:{port}");
    let started = Instant::now();
    let client = loop {
        let error = match WebDriver::new_session(&url, &caps).await {
            Ok(client) => break client,
            Err(e) => e,
        };
        if started.elapsed() > Duration::from_secs(20) {
            panic!("could not start a Chromium session through chromedriver at {url}: {error}");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let name = test_name();
    Some(Browser { client, base: String::new(), name, _driver: driver })
}

/// Starts `chromedriver --port=0` in its own process group and reads the port it chose from
/// its banner (no race for a "free" port between tests running in parallel). Now and then
/// chromedriver gives up at once on the port it picked ("IPv4 port not available. Exiting...",
/// seen once in a CI run with the browser tests in parallel): it is started again, three times
/// at most.
async fn start_driver(path: &Path) -> (Driver, u16) {
    let mut attempt = 1;
    loop {
        match try_start_driver(path).await {
            Ok(started) => return started,
            Err(banner) if attempt < 3 && banner.contains("port not available") => {
                eprintln!("chromedriver could not take its port (attempt {attempt}); starting it again");
                attempt += 1;
            }
            Err(banner) => panic!("chromedriver exited before it was ready:\n{banner}"),
        }
    }
}

/// One start of chromedriver: its port, or its banner if it exited before it was ready.
async fn try_start_driver(path: &Path) -> Result<(Driver, u16), String> {
    let profile = tempfile::Builder::new().prefix("accord-chromium-").tempdir().expect("chromium profile dir");
    let mut cmd = tokio::process::Command::new(path);
    cmd.arg("--port=0")
        // Chromium on Linux takes its UI language from the environment, not only --lang.
        .env("LANGUAGE", "en_US:en")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .process_group(0)
        .kill_on_drop(true);
    let mut child = cmd.spawn().unwrap_or_else(|e| panic!("cannot start {}: {e}", path.display()));
    let pid = child.id();
    let stdout = child.stdout.take().expect("chromedriver stdout");
    let driver = Driver { child, pid, _profile: profile };
    let mut lines = BufReader::new(stdout).lines();
    let mut banner = Vec::new();
    let read_port = async {
        while let Ok(Some(line)) = lines.next_line().await {
            if let Some(rest) = line.split("started successfully on port ").nth(1) {
                if let Ok(port) = rest.trim().trim_end_matches('.').parse::<u16>() {
                    return Some(port);
                }
            }
            banner.push(line);
        }
        None
    };
    let port = match tokio::time::timeout(Duration::from_secs(20), read_port).await {
        Ok(Some(port)) => port,
        Ok(None) => return Err(banner.join("\n")),
        Err(_) => panic!("chromedriver did not report its port within 20 s:\n{}", banner.join("\n")),
    };
    // Keep draining its stdout so chromedriver never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    Ok((driver, port))
}

/// The running test's name (libtest names the thread after it), safe as a file name.
fn test_name() -> String {
    let raw = std::thread::current().name().unwrap_or("browser").to_owned();
    raw.replace("::", "__")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '_' || c == '-' { c } else { '_' })
        .collect()
}

fn save_png(dir: &Path, name: &str, png: &[u8]) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, png).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    path
}

/// Where screenshots taken on purpose go.
pub fn screenshot_dir() -> PathBuf {
    workspace_root().join("target/screenshots")
}

/// Where the screenshot of a failed wait goes.
pub fn failure_dir() -> PathBuf {
    workspace_root().join("target/browser-failures")
}

impl Browser {
    /// Points relative paths of [`Browser::goto`] at `app`.
    pub fn at(mut self, app: &TestApp) -> Self {
        self.base = app.address.clone();
        self
    }

    /// The WebDriver session, for anything the helpers do not cover.
    pub fn driver(&self) -> &WebDriver {
        &self.client
    }

    pub fn url(&self, path: &str) -> String {
        if path.starts_with("http://") || path.starts_with("https://") {
            return path.to_owned();
        }
        assert!(!self.base.is_empty(), "Browser::at(&app) must be called before goto({path:?})");
        format!("{}{}", self.base, path)
    }

    /// Loads `path` (relative to the app) as a fresh page load.
    pub async fn goto(&self, path: &str) {
        let url = self.url(path);
        if let Err(e) = self.client.post("url", json!({ "url": url })).await {
            self.fail(&format!("could not open {url}: {e}")).await;
        }
    }

    /// Reloads the current page (the SPA boots again from the server).
    pub async fn reload(&self) {
        if let Err(e) = self.client.post("refresh", json!({})).await {
            self.fail(&format!("could not reload: {e}")).await;
        }
    }

    /// The current URL's path (and query, if any).
    pub async fn current_path(&self) -> String {
        let url = match self.client.get("url").await {
            Ok(Value::String(url)) => url,
            Ok(other) => self.fail(&format!("unexpected URL answer: {other}")).await,
            Err(e) => self.fail(&format!("could not read the URL: {e}")).await,
        };
        let after_scheme = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
        let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
        path.split('#').next().unwrap_or(path).to_owned()
    }

    /// Waits until the path is exactly `path`.
    pub async fn wait_for_path(&self, path: &str) {
        let mut seen = String::new();
        let started = Instant::now();
        while started.elapsed() < WAIT {
            seen = self.current_path().await;
            if seen == path {
                return;
            }
            tokio::time::sleep(POLL).await;
        }
        self.fail(&format!("timed out waiting for the URL path {path:?} (last seen {seen:?})")).await
    }

    /// Waits for an element matching `css` and returns it.
    pub async fn wait_for(&self, css: &str) -> Element {
        let started = Instant::now();
        loop {
            match self.client.find(css).await {
                Ok(Some(el)) => return el,
                Ok(None) => {}
                // The page is being replaced (a bundle handing over to the other one): look again.
                Err(e) if navigating(&e) => {}
                Err(e) => self.fail(&format!("looking for {css:?} failed: {e}")).await,
            }
            if started.elapsed() > WAIT {
                self.fail(&format!("timed out after {WAIT:?} waiting for {css:?}")).await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// The `textContent` of every element matching `css` (whitespace collapsed).
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let script = "return Array.from(document.querySelectorAll(arguments[0]))\
                      .map(e => (e.textContent || '').replace(/\\s+/g, ' ').trim());";
        match self.client.execute(script, vec![json!(css)]).await {
            Ok(Value::Array(items)) => items.into_iter().map(|v| v.as_str().unwrap_or_default().to_owned()).collect(),
            Ok(other) => self.fail(&format!("unexpected answer reading {css:?}: {other}")).await,
            Err(e) if navigating(&e) => Vec::new(),
            Err(e) => self.fail(&format!("reading {css:?} failed: {e}")).await,
        }
    }

    /// Waits until some element matching `css` contains `text`; returns that element's text.
    pub async fn wait_for_text(&self, css: &str, text: &str) -> String {
        let started = Instant::now();
        let mut seen = Vec::new();
        while started.elapsed() < WAIT {
            seen = self.texts(css).await;
            if let Some(found) = seen.iter().find(|t| t.contains(text)) {
                return found.clone();
            }
            tokio::time::sleep(POLL).await;
        }
        self.fail(&format!("timed out waiting for {css:?} to contain {text:?}; it holds {seen:?}")).await
    }

    /// Fails unless nothing matches `css` right now.
    pub async fn assert_absent(&self, css: &str) {
        let found = self.texts(css).await;
        if !found.is_empty() {
            self.fail(&format!("{css:?} should be absent but {} element(s) match: {found:?}", found.len())).await;
        }
    }

    /// The visible text of the whole page.
    pub async fn page_text(&self) -> String {
        self.client.page_text().await
    }

    /// Replaces the value of the input matching `css` with `text`, typing it (so the SPA's
    /// input handlers see it).
    pub async fn fill(&self, css: &str, text: &str) {
        let el = self.wait_for(css).await;
        if let Err(e) = self.client.post(&format!("element/{}/clear", el.0), json!({})).await {
            self.fail(&format!("could not clear {css:?}: {e}")).await;
        }
        if let Err(e) = self.client.post(&format!("element/{}/value", el.0), json!({ "text": text })).await {
            self.fail(&format!("could not type into {css:?}: {e}")).await;
        }
    }

    /// Chooses `value` in the `<select>` matching `css` and fires the events the SPA listens to.
    pub async fn select(&self, css: &str, value: &str) {
        self.wait_for(css).await;
        let script = "const e = document.querySelector(arguments[0]); e.value = arguments[1];\
                      e.dispatchEvent(new Event('input', { bubbles: true }));\
                      e.dispatchEvent(new Event('change', { bubbles: true })); return e.value;";
        match self.client.execute(script, vec![json!(css), json!(value)]).await {
            Ok(Value::String(v)) if v == value => {}
            Ok(other) => self.fail(&format!("{css:?} has no option {value:?} (value now {other})")).await,
            Err(e) => self.fail(&format!("choosing {value:?} in {css:?} failed: {e}")).await,
        }
    }

    /// The `href` of the first `link` inside an element matching `rows` whose text has `text`.
    pub async fn link_in(&self, rows: &str, text: &str, link: &str) -> String {
        self.wait_for_text(rows, text).await;
        let script = "const row = Array.from(document.querySelectorAll(arguments[0]))\
                      .find(e => (e.textContent || '').includes(arguments[1]));\
                      const a = row && row.querySelector(arguments[2]); return a ? a.getAttribute('href') : null;";
        match self.client.execute(script, vec![json!(rows), json!(text), json!(link)]).await {
            Ok(Value::String(href)) => href,
            Ok(other) => self.fail(&format!("no {link:?} in the {rows:?} with {text:?} ({other})")).await,
            Err(e) => self.fail(&format!("reading {link:?} in {rows:?} failed: {e}")).await,
        }
    }

    /// Makes `window.confirm` answer yes, as a person clicking OK would.
    pub async fn accept_confirms(&self) {
        if let Err(e) = self.client.execute("window.confirm = () => true; return true;", vec![]).await {
            self.fail(&format!("could not stub window.confirm: {e}")).await;
        }
    }

    /// Clicks the element matching `css`, retrying while it is not yet clickable (still
    /// rendering, covered, re-rendered between finding and clicking).
    pub async fn click(&self, css: &str) {
        let started = Instant::now();
        loop {
            let el = self.wait_for(css).await;
            let error = match self.client.post(&format!("element/{}/click", el.0), json!({})).await {
                Ok(_) => return,
                Err(e) => e,
            };
            // Covered (e.g. by the sticky top bar): bring it to the middle of the screen.
            let _ = self
                .client
                .execute(
                    "const e = document.querySelector(arguments[0]); if (e) e.scrollIntoView({ block: 'center' });",
                    vec![json!(css)],
                )
                .await;
            if started.elapsed() > WAIT {
                self.fail(&format!("could not click {css:?}: {error}")).await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Signs in through `/sign-in` like a person would, and waits for the area they land in.
    pub async fn sign_in_via_form(&self, app: &TestApp, email: &str, password: &str) {
        self.goto(&format!("{}/sign-in", app.address)).await;
        self.wait_for("form#sign-in-form").await;
        self.fill("#email", email).await;
        self.fill("#password", password).await;
        self.click("#sign-in-submit").await;
        self.wait_for("#staff-app, #portal-app, #platform-app").await;
    }

    /// Runs `script` (a function body; `return` its answer) in the page and answers its result.
    pub async fn script(&self, script: &str) -> Value {
        match self.client.execute(script, vec![]).await {
            Ok(value) => value,
            Err(e) => self.fail(&format!("could not run a script: {e}")).await,
        }
    }

    /// The paths of the WebAssembly files the current page has loaded (its bundles), from the
    /// page's resource timings.
    pub async fn loaded_wasm(&self) -> Vec<String> {
        let paths = self
            .script(
                "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)\
                 .filter(p => p.endsWith('.wasm'));",
            )
            .await;
        paths.as_array().map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect()).unwrap_or_default()
    }

    /// The value of the browser's cookie `name` for the current page (HttpOnly ones too).
    pub async fn cookie(&self, name: &str) -> Option<String> {
        match self.client.get("cookie").await {
            Ok(Value::Array(all)) => {
                all.iter().find(|c| c["name"] == name).map(|c| c["value"].as_str().unwrap_or_default().to_owned())
            }
            Ok(other) => self.fail(&format!("unexpected cookie answer: {other}")).await,
            Err(e) => self.fail(&format!("could not read cookies: {e}")).await,
        }
    }

    /// Ends the browser's session (as the account menu's sign-out does) and signs in as `email`
    /// with the test world's password.
    pub async fn switch_to(&self, app: &TestApp, email: &str) {
        let script = "return fetch('/api/auth/sign-out', { method: 'POST', \
                      headers: { 'X-Requested-With': 'accord-spa' } }).then(r => r.status);";
        match self.client.execute(script, vec![]).await {
            Ok(s) if s.as_u64().is_some_and(|s| (200..300).contains(&s)) => {}
            other => self.fail(&format!("sign-out failed: {other:?}")).await,
        }
        self.sign_in_via_form(app, email, crate::world::PASSWORD).await;
    }

    /// Switches the signed-in person's language (as the header's RU/EN switch does); the next
    /// page loaded is in it.
    pub async fn set_locale(&self, locale: &str) {
        let script = "return fetch('/api/auth/locale', { method: 'PUT', headers: { 'X-Requested-With': 'accord-spa', \
                      'Content-Type': 'application/json' }, body: JSON.stringify({ locale: arguments[0] }) }).then(r => r.status);";
        match self.client.execute(script, vec![json!(locale)]).await {
            Ok(s) if s.as_u64().is_some_and(|s| (200..300).contains(&s)) => {}
            other => self.fail(&format!("setting the locale to {locale} failed: {other:?}")).await,
        }
    }

    /// Tags the element matching `rows` whose text has `text` with `data-under-test`, so later
    /// selectors can reach inside it (`[data-under-test] …`).
    pub async fn mark(&self, rows: &str, text: &str) {
        self.wait_for_text(rows, text).await;
        let script =
            "document.querySelectorAll('[data-under-test]').forEach(e => e.removeAttribute('data-under-test'));\
                      const row = Array.from(document.querySelectorAll(arguments[0]))\
                      .find(e => (e.textContent || '').includes(arguments[1]));\
                      if (row) { row.setAttribute('data-under-test', ''); } return !!row;";
        match self.client.execute(script, vec![json!(rows), json!(text)]).await {
            Ok(Value::Bool(true)) => {}
            other => self.fail(&format!("marking {rows:?} with {text:?} failed: {other:?}")).await,
        }
    }

    /// Waits until no element matching `css` contains `text`.
    pub async fn wait_without(&self, css: &str, text: &str) {
        let started = Instant::now();
        loop {
            let seen = self.texts(css).await;
            if !seen.iter().any(|t| t.contains(text)) {
                return;
            }
            if started.elapsed() > WAIT {
                self.fail(&format!("{css:?} still contains {text:?}: {seen:?}")).await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the form control matching `css` holds `text` in its value.
    pub async fn wait_for_value(&self, css: &str, text: &str) {
        let started = Instant::now();
        let script = "const e = document.querySelector(arguments[0]); return e ? e.value : null;";
        loop {
            let value = self
                .client
                .execute(script, vec![json!(css)])
                .await
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            if value.contains(text) {
                return;
            }
            if started.elapsed() > WAIT {
                self.fail(&format!("{css:?} never held {text:?}; it holds {value:?}")).await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// A screenshot of the whole page: the window grown to the page's height for the shot.
    pub async fn full_shot(&self, name: &str) -> PathBuf {
        // Let late data (pickers, feed status) settle before measuring.
        tokio::time::sleep(Duration::from_millis(400)).await;
        // The window's height less the viewport's is the browser's own frame.
        let script =
            "return Math.ceil(document.documentElement.scrollHeight + window.outerHeight - window.innerHeight);";
        let height =
            self.client.execute(script, vec![]).await.ok().and_then(|v| v.as_u64()).unwrap_or(900).clamp(900, 5000);
        let _ = self.client.post("window/rect", json!({ "width": 1280, "height": height })).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let path = self.screenshot(name).await;
        let _ = self.client.post("window/rect", json!({ "width": 1280, "height": 900 })).await;
        path
    }

    /// Saves a PNG of the viewport as `target/screenshots/<name>.png`.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        match self.client.screenshot().await {
            Ok(png) => save_png(&screenshot_dir(), name, &png),
            Err(e) => self.fail(&format!("screenshot {name:?} failed: {e}")).await,
        }
    }

    /// Ends the WebDriver session (closing Chromium) and stops chromedriver.
    pub async fn close(self) {
        let Browser { client, _driver: driver, .. } = self;
        if let Err(e) = client.delete_session().await {
            eprintln!("closing the browser session failed: {e}");
        }
        drop(driver);
    }

    /// Saves a failure screenshot and panics with the URL, `what`, and the page's text.
    pub async fn fail(&self, what: &str) -> ! {
        let url = match self.client.get("url").await {
            Ok(url) => url.as_str().map_or_else(|| url.to_string(), str::to_owned),
            Err(e) => format!("<unknown: {e}>"),
        };
        let shot = match self.client.screenshot().await {
            Ok(png) => save_png(&failure_dir(), &self.name, &png).display().to_string(),
            Err(e) => format!("<no screenshot: {e}>"),
        };
        let text = self.client.page_text().await;
        panic!("browser: {what}\n  url: {url}\n  screenshot: {shot}\n  page text:\n{text}\n");
    }
}

/// Whether a WebDriver error only says the page was being replaced by a new load (the portal and
/// staff bundles hand over to each other with a full page load); waits retry those.
fn navigating(e: &impl std::fmt::Display) -> bool {
    let text = e.to_string();
    text.contains("aborted by navigation") || text.contains("navigated or closed")
}

/// A web element reference in the current page.
#[derive(Clone, Debug)]
pub struct Element(pub String);

/// The key W3C WebDriver uses for element references.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A WebDriver error: the W3C error code (`no such element`, …) and message, or a transport
/// failure.
#[derive(Debug)]
pub struct WdError {
    pub code: String,
    pub message: String,
}

impl std::fmt::Display for WdError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let first_line = self.message.lines().next().unwrap_or_default();
        write!(f, "{}: {first_line}", self.code)
    }
}

/// A minimal W3C WebDriver client: one session on one chromedriver.
pub struct WebDriver {
    http: reqwest::Client,
    session: String,
}

impl WebDriver {
    async fn new_session(driver_url: &str, capabilities: &Value) -> Result<WebDriver, WdError> {
        let http = reqwest::Client::builder()
            .no_proxy()
            .timeout(Duration::from_secs(60))
            .build()
            .map_err(|e| WdError { code: "client".into(), message: e.to_string() })?;
        let body = json!({ "capabilities": { "alwaysMatch": capabilities } });
        let value = send(http.post(format!("{driver_url}/session")).json(&body)).await?;
        let id = value["sessionId"]
            .as_str()
            .ok_or_else(|| WdError { code: "protocol".into(), message: format!("no sessionId in {value}") })?;
        Ok(WebDriver { session: format!("{driver_url}/session/{id}"), http })
    }

    /// `GET /session/{id}/{command}`.
    pub async fn get(&self, command: &str) -> Result<Value, WdError> {
        send(self.http.get(format!("{}/{command}", self.session))).await
    }

    /// `POST /session/{id}/{command}` with a JSON body.
    pub async fn post(&self, command: &str, body: Value) -> Result<Value, WdError> {
        send(self.http.post(format!("{}/{command}", self.session)).json(&body)).await
    }

    /// The first element matching `css`, or `None`.
    pub async fn find(&self, css: &str) -> Result<Option<Element>, WdError> {
        match self.post("element", json!({ "using": "css selector", "value": css })).await {
            Ok(v) => match v[ELEMENT_KEY].as_str() {
                Some(id) => Ok(Some(Element(id.to_owned()))),
                None => Err(WdError { code: "protocol".into(), message: format!("no element reference in {v}") }),
            },
            Err(e) if e.code == "no such element" => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Runs `script` (a function body; `arguments` holds `args`) and returns its result.
    pub async fn execute(&self, script: &str, args: Vec<Value>) -> Result<Value, WdError> {
        self.post("execute/sync", json!({ "script": script, "args": args })).await
    }

    /// A PNG of the viewport.
    pub async fn screenshot(&self) -> Result<Vec<u8>, WdError> {
        let value = self.get("screenshot").await?;
        let text = value.as_str().unwrap_or_default();
        base64_decode(text)
            .ok_or_else(|| WdError { code: "protocol".into(), message: "screenshot is not base64".into() })
    }

    /// `document.body.innerText`, or a note saying why it is unavailable.
    pub async fn page_text(&self) -> String {
        match self.execute("return document.body ? document.body.innerText : '';", vec![]).await {
            Ok(Value::String(text)) => text,
            Ok(other) => other.to_string(),
            Err(e) => format!("<page text unavailable: {e}>"),
        }
    }

    /// Ends the session; chromedriver closes Chromium.
    pub async fn delete_session(self) -> Result<(), WdError> {
        send(self.http.delete(&self.session)).await.map(|_| ())
    }
}

/// Sends a WebDriver request and unwraps the `value` of the answer (or its error).
async fn send(req: reqwest::RequestBuilder) -> Result<Value, WdError> {
    let res = req.send().await.map_err(|e| WdError { code: "transport".into(), message: e.to_string() })?;
    let status = res.status();
    let body: Value = res.json().await.map_err(|e| WdError { code: "transport".into(), message: e.to_string() })?;
    let value = body.get("value").cloned().unwrap_or(Value::Null);
    if status.is_success() {
        return Ok(value);
    }
    Err(WdError {
        code: value["error"].as_str().unwrap_or("unknown error").to_owned(),
        message: value["message"].as_str().map_or_else(|| value.to_string(), str::to_owned),
    })
}

/// Standard base64 (with optional padding), as WebDriver returns screenshots.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    fn sextet(c: u8) -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    }
    let clean: Vec<u8> = text.bytes().filter(|c| !c.is_ascii_whitespace() && *c != b'=').collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let mut acc = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            acc |= sextet(c)? << (18 - 6 * i);
        }
        let bytes = acc.to_be_bytes();
        match chunk.len() {
            4 => out.extend_from_slice(&bytes[1..4]),
            3 => out.extend_from_slice(&bytes[1..3]),
            2 => out.push(bytes[1]),
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::{base64_decode, skip_or_fail};

    #[test]
    fn missing_browser_is_a_skip_locally() {
        skip_or_fail("no chromedriver", false);
    }

    #[test]
    #[should_panic(expected = "cannot run on CI")]
    fn missing_browser_fails_on_ci() {
        skip_or_fail("no chromedriver", true);
    }

    #[test]
    fn decodes_base64() {
        assert_eq!(base64_decode("aGVsbG8=").as_deref(), Some(&b"hello"[..]));
        assert_eq!(base64_decode("aGVsbG8h").as_deref(), Some(&b"hello!"[..]));
        assert_eq!(base64_decode("aGk").as_deref(), Some(&b"hi"[..]));
        assert_eq!(base64_decode("a$==").as_deref(), None);
    }
}
