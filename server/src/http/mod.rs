//! Cross-cutting HTTP concerns: request span, security headers, CSRF origin checks, and where
//! a request came from.

pub mod assets;
pub mod csrf;
pub mod headers;
pub mod span;

use crate::auth::session::ClientInfo;
use crate::state::AppState;
use actix_web::{web, HttpRequest};

/// The caller's address (from `X-Forwarded-For` only when `ACCORD_TRUST_PROXY` is on) and agent.
pub fn client_info(req: &HttpRequest) -> ClientInfo {
    let trust_proxy = req.app_data::<web::Data<AppState>>().is_some_and(|s| s.settings.trust_proxy);
    let ip = if trust_proxy {
        req.connection_info().realip_remote_addr().map(|a| strip_port(a).to_string())
    } else {
        req.peer_addr().map(|a| a.ip().to_string())
    };
    let user_agent =
        req.headers().get(actix_web::http::header::USER_AGENT).and_then(|v| v.to_str().ok()).map(str::to_string);
    ClientInfo { ip, user_agent }
}

fn strip_port(addr: &str) -> &str {
    // "1.2.3.4:5678" → "1.2.3.4"; IPv6 "[::1]:80" → "::1"; bare addresses pass through.
    if let Some(rest) = addr.strip_prefix('[') {
        return rest.split(']').next().unwrap_or(rest);
    }
    match addr.matches(':').count() {
        1 => addr.split(':').next().unwrap_or(addr),
        _ => addr,
    }
}
