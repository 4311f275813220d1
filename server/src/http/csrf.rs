//! CSRF defence for state-changing requests: a foreign `Origin` or `Sec-Fetch-Site: cross-site`
//! gets 403, and so does a write that carries a session cookie but neither header (browsers
//! send one of them on every state-changing request; a request without both did not come from
//! Accord's pages). The session cookie is also SameSite=Lax.

use crate::error::ApiError;
use accord_api::error::Code;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::ResponseError;

pub async fn reject_cross_site(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && (is_cross_site(&req) || (has_session_cookie(&req) && lacks_origin(&req))) {
        let err = ApiError::of(Code::CsrfRejected, "Cross-site request refused.");
        let (http_req, _) = req.into_parts();
        return Ok(ServiceResponse::new(http_req, err.error_response()));
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

fn has_session_cookie(req: &ServiceRequest) -> bool {
    use crate::auth::session::cookie_name;
    req.cookie(cookie_name(false)).is_some() || req.cookie(cookie_name(true)).is_some()
}

fn lacks_origin(req: &ServiceRequest) -> bool {
    !req.headers().contains_key("origin") && !req.headers().contains_key("sec-fetch-site")
}

fn is_cross_site(req: &ServiceRequest) -> bool {
    let header = |name: &str| req.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
    if header("sec-fetch-site").is_some_and(|v| v.eq_ignore_ascii_case("cross-site")) {
        return true;
    }
    let Some(origin) = header("origin") else {
        return false;
    };
    let host = req.connection_info().host().to_ascii_lowercase();
    match origin.split_once("://") {
        Some((_, rest)) => rest.trim_end_matches('/').to_ascii_lowercase() != host,
        None => true, // "null" or garbage
    }
}
