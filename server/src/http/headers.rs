//! Security headers on every response, errors included: CSP (hashes of trunk's inline loader
//! instead of `unsafe-inline`), no framing, nosniff, referrer policy; `no-store` on the API.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::RwLock;
use std::time::SystemTime;

/// The Content-Security-Policy for the SPA build on disk. Rebuilt when `index.html` changes
/// (a new trunk build has a new loader script, hence a new hash), so a running server never
/// blocks a freshly built app.
#[derive(Debug)]
pub struct Csp {
    index: PathBuf,
    cached: RwLock<(Option<SystemTime>, String)>,
}

impl Csp {
    pub fn for_static_dir(dir: &Path) -> Self {
        let index = dir.join("index.html");
        let policy = policy_for(&index);
        Self { cached: RwLock::new((modified(&index), policy)), index }
    }

    /// The policy for the current build: one `stat` per response, a re-hash only after a build.
    pub fn current(&self) -> String {
        let now = modified(&self.index);
        if let Ok(cached) = self.cached.read() {
            if cached.0 == now {
                return cached.1.clone();
            }
        }
        let policy = policy_for(&self.index);
        if let Ok(mut cached) = self.cached.write() {
            *cached = (now, policy.clone());
        }
        policy
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Hashes every inline `<script>` in the built `index.html` (trunk's module loader) so the
/// policy can allow exactly those and nothing else.
fn policy_for(index: &Path) -> String {
    {
        let html = std::fs::read_to_string(index).unwrap_or_default();
        let hashes: Vec<String> = inline_scripts(&html)
            .into_iter()
            .map(|body| {
                format!(
                    "'sha256-{}'",
                    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(body.as_bytes()))
                )
            })
            .collect();
        format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self' 'unsafe-inline'; \
             img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; \
             form-action 'self'; frame-ancestors 'none'",
            hashes.join(" ")
        )
    }
}

fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else { break };
        let tag = &after[..tag_end];
        let body_start = tag_end + 1;
        let Some(close) = after[body_start..].find("</script>") else { break };
        if !tag.contains("src=") {
            out.push(&after[body_start..body_start + close]);
        }
        rest = &after[body_start + close + "</script>".len()..];
    }
    out
}

pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let csp = req.app_data::<actix_web::web::Data<Csp>>().map(|c| c.current()).unwrap_or_default();
    let is_api = req.path().starts_with("/api/") || req.path() == "/api";
    // Inner middleware answers refusals as responses (never `Err`), so they get headers too.
    let mut res = next.call(req).await?.map_into_boxed_body();
    let h = res.headers_mut();
    let mut set = |name: HeaderName, value: &str| {
        if let Ok(v) = HeaderValue::from_str(value) {
            h.insert(name, v);
        }
    };
    if !csp.is_empty() {
        set(header::CONTENT_SECURITY_POLICY, &csp);
    }
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::X_FRAME_OPTIONS, "DENY");
    set(header::REFERRER_POLICY, "same-origin");
    set(HeaderName::from_static("permissions-policy"), "camera=(), microphone=(), geolocation=()");
    set(HeaderName::from_static("cross-origin-opener-policy"), "same-origin");
    if is_api {
        set(header::CACHE_CONTROL, "no-store");
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_follows_a_rebuilt_index() {
        let dir = std::env::temp_dir().join(format!("accord-csp-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let write = |body: &str| {
            std::fs::write(dir.join("index.html"), format!("<script type=module>{body}</script>")).unwrap()
        };
        write("first()");
        let csp = Csp::for_static_dir(&dir);
        let before = csp.current();
        assert!(before.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"), "{before}");
        std::thread::sleep(std::time::Duration::from_millis(20));
        write("second()");
        let after = csp.current();
        assert_ne!(before, after);
        assert!(after.contains("'sha256-"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn finds_only_inline_scripts() {
        let html = r#"<head><script src="/a.js"></script><script type="module">import x;</script></head>"#;
        assert_eq!(inline_scripts(html), vec!["import x;"]);
    }
}
