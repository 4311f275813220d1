//! The built web app, served from memory: every file of the static folder is read once (with the
//! brotli `.br` and gzip `.gz` copies `scripts/compress_assets.py` stores beside it), and each
//! request gets the stored bytes in the best encoding it accepts — nothing is compressed per
//! request and nothing touches the disk.
//!
//! Hashed file names (`portal-<hash>.js`, `staff-<hash>_bg.wasm`, `style-<hash>.css`) are cached
//! for a year as immutable; the bundles' HTML pages are revalidated on every load (`no-cache` with an
//! ETag, so an unchanged page costs a 304). A deep link gets the HTML page of the bundle that
//! routes it ([`Bundle::for_path`]): the staff app for `/app`, `/platform` and `/api-docs`, the
//! small entry bundle for sign-in and the portal home, a portal feature's bundle for its pages
//! (backlog, meetings, reports, surveys), the portal bundle for the rest.
//!
//! A rebuilt web app is picked up without a restart: the HTML pages' modification times are
//! checked at most once a second. The Content-Security-Policy is derived from the loaded pages
//! (hashes of trunk's inline loaders), so it always matches what is served.

use super::headers::policy_for_pages;
use accord_api::bundles::Bundle;
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{SystemTime, UNIX_EPOCH};

/// The HTML pages (one per bundle) whose modification marks a new build.
const PAGES: [&str; Bundle::ALL.len()] = {
    let mut pages = [""; Bundle::ALL.len()];
    let mut i = 0;
    while i < pages.len() {
        pages[i] = Bundle::ALL[i].html();
        i += 1;
    }
    pages
};

/// One file of the web app in each stored encoding.
#[derive(Debug)]
struct Asset {
    content_type: &'static str,
    immutable: bool,
    etag: String,
    identity: Bytes,
    gzip: Option<Bytes>,
    brotli: Option<Bytes>,
}

/// One loaded build of the web app.
#[derive(Debug, Default)]
struct Build {
    stamp: Vec<Option<SystemTime>>,
    files: HashMap<String, Arc<Asset>>,
    csp: Arc<str>,
}

/// The web app in memory; see the module docs.
#[derive(Debug)]
pub struct Assets {
    dir: PathBuf,
    build: RwLock<Arc<Build>>,
    /// Unix second of the last check for a new build.
    checked: AtomicU64,
}

impl Assets {
    pub fn load(dir: &Path) -> Self {
        let build = load_build(dir);
        if build.files.is_empty() {
            tracing::warn!(dir = %dir.display(), "the web app is not built; run ./scripts/run");
        }
        Self { dir: dir.to_path_buf(), build: RwLock::new(Arc::new(build)), checked: AtomicU64::new(unix_secs()) }
    }

    /// The current build, reloaded first if the HTML pages changed (checked once a second).
    fn current(&self) -> Arc<Build> {
        let now = unix_secs();
        if self.checked.swap(now, Ordering::Relaxed) != now {
            let stamp = stamp(&self.dir);
            let stale = self.build.read().map(|b| b.stamp != stamp).unwrap_or(true);
            if stale {
                let fresh = Arc::new(load_build(&self.dir));
                tracing::info!(files = fresh.files.len(), "web app reloaded");
                if let Ok(mut build) = self.build.write() {
                    *build = fresh;
                }
            }
        }
        match self.build.read() {
            Ok(build) => build.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// The Content-Security-Policy for the pages being served.
    pub fn csp(&self) -> Arc<str> {
        self.current().csp.clone()
    }

    /// Answers a request that no API route took: a file of the build, or a bundle's page.
    pub fn respond(&self, req: &HttpRequest) -> HttpResponse {
        if req.method() != Method::GET && req.method() != Method::HEAD {
            return HttpResponse::MethodNotAllowed().insert_header((header::ALLOW, "GET, HEAD")).finish();
        }
        let build = self.current();
        let path = req.path();
        let asset = match build.files.get(path.trim_start_matches('/')) {
            Some(asset) => asset,
            // A missing script or image is a 404, never an HTML page under a script's name.
            None if looks_like_file(path) => return HttpResponse::NotFound().finish(),
            None => match build.files.get(Bundle::for_path(path).html()) {
                Some(page) => page,
                None => {
                    return HttpResponse::NotFound()
                        .content_type("text/plain; charset=utf-8")
                        .body("The web app is not built. Run ./scripts/run.")
                }
            },
        };
        serve(req, asset)
    }
}

fn serve(req: &HttpRequest, asset: &Asset) -> HttpResponse {
    let accepted = accepted_encodings(req.headers().get(header::ACCEPT_ENCODING));
    let (body, encoding, etag) = match (&asset.brotli, &asset.gzip) {
        (Some(br), _) if accepted.brotli => (br.clone(), "br", format!("\"{}-br\"", asset.etag)),
        (_, Some(gz)) if accepted.gzip => (gz.clone(), "gzip", format!("\"{}-gz\"", asset.etag)),
        _ => (asset.identity.clone(), "identity", format!("\"{}\"", asset.etag)),
    };
    let cache = if asset.immutable { "public, max-age=31536000, immutable" } else { "no-cache" };
    let not_modified = req.headers().get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()).is_some_and(|tags| {
        tags.split(',').any(|tag| tag.trim().trim_start_matches("W/") == etag || tag.trim() == "*")
    });
    let mut res = if not_modified { HttpResponse::build(StatusCode::NOT_MODIFIED) } else { HttpResponse::Ok() };
    res.insert_header((header::CACHE_CONTROL, cache))
        .insert_header((header::ETAG, etag))
        .insert_header((header::VARY, HeaderValue::from_static("accept-encoding")));
    if not_modified {
        return res.finish();
    }
    // Set even for identity, so the compression middleware leaves stored bytes alone.
    res.insert_header((header::CONTENT_ENCODING, encoding)).content_type(asset.content_type).body(body)
}

#[derive(Default)]
struct Accepted {
    brotli: bool,
    gzip: bool,
}

/// Which stored encodings an `Accept-Encoding` header allows (a `q=0` refuses one).
fn accepted_encodings(header: Option<&HeaderValue>) -> Accepted {
    let mut accepted = Accepted::default();
    let Some(value) = header.and_then(|v| v.to_str().ok()) else { return accepted };
    for item in value.split(',') {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let refused = parts.any(|p| {
            let p = p.trim();
            p.strip_prefix("q=").is_some_and(|q| q.trim().parse::<f32>().is_ok_and(|q| q <= 0.0))
        });
        if refused {
            continue;
        }
        match name.as_str() {
            "br" => accepted.brotli = true,
            "gzip" => accepted.gzip = true,
            "*" => {
                accepted.brotli = true;
                accepted.gzip = true;
            }
            _ => {}
        }
    }
    accepted
}

/// Whether an `Accept-Encoding` header allows gzip (the API's kept pages).
pub fn accepts_gzip(header: Option<&HeaderValue>) -> bool {
    accepted_encodings(header).gzip
}

/// A last path segment with a file extension (`/x/portal-1a2b.js`), unlike app routes.
fn looks_like_file(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or("");
    last.rsplit_once('.').is_some_and(|(stem, ext)| !stem.is_empty() && !ext.is_empty() && ext.len() <= 5)
}

/// trunk's content-hashed names: `name-<hex>.ext` or `name-<hex>_bg.wasm`.
fn is_hashed(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| hash.len() >= 8 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "json" | "map" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn unix_secs() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

fn stamp(dir: &Path) -> Vec<Option<SystemTime>> {
    PAGES.iter().map(|page| std::fs::metadata(dir.join(page)).and_then(|m| m.modified()).ok()).collect()
}

fn load_build(dir: &Path) -> Build {
    let stamp = stamp(dir);
    let mut raw = HashMap::new();
    collect(dir, dir, &mut raw);
    let mut files = HashMap::new();
    for (name, bytes) in &raw {
        if name.ends_with(".br") || name.ends_with(".gz") {
            continue;
        }
        let etag = Sha256::digest(bytes).iter().take(12).map(|b| format!("{b:02x}")).collect();
        let sibling = |suffix: &str| raw.get(&format!("{name}{suffix}")).cloned();
        let asset = Asset {
            content_type: content_type(name),
            immutable: is_hashed(name.rsplit('/').next().unwrap_or(name)),
            etag,
            identity: bytes.clone(),
            gzip: sibling(".gz"),
            brotli: sibling(".br"),
        };
        files.insert(name.clone(), Arc::new(asset));
    }
    let pages: Vec<String> = PAGES
        .iter()
        .filter_map(|page| raw.get(*page))
        .map(|bytes| String::from_utf8_lossy(bytes).into_owned())
        .collect();
    Build { stamp, files, csp: policy_for_pages(&pages).into() }
}

/// Reads every file under `dir` (relative names with `/`); unreadable entries are skipped.
fn collect(root: &Path, dir: &Path, out: &mut HashMap<String, Bytes>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_dir() {
            collect(root, &path, out);
        } else if kind.is_file() {
            let (Ok(relative), Ok(bytes)) = (path.strip_prefix(root), std::fs::read(&path)) else { continue };
            let name = relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            out.insert(name, Bytes::from(bytes));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_hashed_names_and_files() {
        assert!(is_hashed("portal-9f8e7d6c5b4a3f21.js"));
        assert!(is_hashed("staff-9f8e7d6c5b4a3f21_bg.wasm"));
        assert!(!is_hashed("index.html"));
        assert!(!is_hashed("staff.html"));
        assert!(looks_like_file("/portal-1a.js"));
        assert!(!looks_like_file("/portal/backlog/5f0c1b9e-3f1a-4c55-9d1e-0b3c7d2e8a11"));
        assert!(!looks_like_file("/app"));
    }

    #[test]
    fn serves_a_rebuilt_app_and_its_policy() {
        let dir = std::env::temp_dir().join(format!("accord-assets-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let write = |body: &str| {
            std::fs::write(dir.join("index.html"), format!("<script type=module>{body}</script>")).unwrap()
        };
        write("first()");
        std::fs::write(dir.join("portal-0123456789abcdef.js"), "x").unwrap();
        let assets = Assets::load(&dir);
        let before = assets.csp();
        assert!(before.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"), "{before}");
        assert!(assets.current().files["portal-0123456789abcdef.js"].immutable);
        assert!(!assets.current().files["index.html"].immutable);
        std::thread::sleep(std::time::Duration::from_millis(20));
        write("second()");
        assets.checked.store(0, Ordering::Relaxed);
        assert_ne!(assets.csp(), before);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn reads_accept_encoding_with_weights() {
        let parse = |v: &'static str| accepted_encodings(Some(&HeaderValue::from_static(v)));
        let a = parse("gzip, deflate, br, zstd");
        assert!(a.brotli && a.gzip);
        let a = parse("br;q=0, gzip;q=0.5");
        assert!(!a.brotli && a.gzip);
        let a = accepted_encodings(None);
        assert!(!a.brotli && !a.gzip);
    }
}
