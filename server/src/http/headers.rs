//! Security headers on every response, errors included: CSP (hashes of trunk's inline loader
//! instead of `unsafe-inline`), no framing, nosniff, referrer policy; `no-store` on the API.
//! Also which bodies go out uncompressed ([`small_bodies_plain`]).

use super::assets::Assets;
use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use base64::Engine;
use sha2::{Digest, Sha256};

/// The Content-Security-Policy for the web app's pages: hashes of every inline `<script>` (trunk's
/// module loaders, one per bundle) instead of `unsafe-inline`.
pub fn policy_for_pages(pages: &[String]) -> String {
    let mut hashes: Vec<String> = pages
        .iter()
        .flat_map(|html| inline_scripts(html))
        .map(|body| {
            format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(body.as_bytes())))
        })
        .collect();
    hashes.sort();
    hashes.dedup();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors 'none'",
        hashes.join(" ")
    )
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

/// Bodies shorter than this go out as they are. Compressing a few hundred bytes of JSON saves
/// a hundred or two (the answer fits one packet either way) and costs the server a compressor
/// per response: at 32 connections on SQLite about a tenth of `/api/auth/me`'s and the portal
/// home's time.
pub const COMPRESS_FROM: u64 = 1024;

/// The mark [`small_bodies_plain`] leaves for `Compress` and [`security_headers`] removes.
const PLAIN: HeaderValue = HeaderValue::from_static("identity");

/// Sits inside `Compress`: a response whose body is shorter than [`COMPRESS_FROM`] is marked
/// `Content-Encoding: identity`, which `Compress` leaves alone; [`security_headers`] takes the
/// mark off again on the way out.
pub async fn small_bodies_plain(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let mut res = next.call(req).await?;
    if let BodySize::Sized(n) = res.response().body().size() {
        if n < COMPRESS_FROM && !res.headers().contains_key(header::CONTENT_ENCODING) {
            res.headers_mut().insert(header::CONTENT_ENCODING, PLAIN);
        }
    }
    Ok(res)
}

pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let csp = req.app_data::<actix_web::web::Data<Assets>>().map(|a| a.csp()).unwrap_or_default();
    let is_api = req.path().starts_with("/api/") || req.path() == "/api";
    // Inner middleware answers refusals as responses (never `Err`), so they get headers too.
    let mut res = next.call(req).await?.map_into_boxed_body();
    let h = res.headers_mut();
    if h.get(header::CONTENT_ENCODING) == Some(&PLAIN) {
        h.remove(header::CONTENT_ENCODING);
    }
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
    fn policy_allows_each_pages_loader() {
        let pages = ["<script type=module>first()</script>".to_owned(), "<script>second()</script>".to_owned()];
        let policy = policy_for_pages(&pages);
        assert_eq!(policy.matches("'sha256-").count(), 2, "{policy}");
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"), "{policy}");
    }

    #[test]
    fn finds_only_inline_scripts() {
        let html = r#"<head><script src="/a.js"></script><script type="module">import x;</script></head>"#;
        assert_eq!(inline_scripts(html), vec!["import x;"]);
    }
}
