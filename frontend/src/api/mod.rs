//! Typed client for the Accord JSON API: one async function per endpoint, all same-origin with
//! the session cookie, every failure turned into one [`ApiError`].

pub mod auth;
pub mod backlog;
pub mod clients;
pub mod docs;
pub mod invitations;
pub mod platform;
pub mod portal;
pub mod projects;
pub mod roadmap;
pub mod staff;

use accord_api::{auth::AgencyChoice, error::codes, ErrorBody};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::{de::DeserializeOwned, Serialize};
use std::{cell::RefCell, rc::Rc};

/// Marks requests as coming from the SPA's own scripts (a cross-site form cannot set it).
const REQUESTED_WITH: (&str, &str) = ("X-Requested-With", "accord-spa");

/// Pseudo-codes for failures that never reached a JSON error body.
pub const CODE_NETWORK: &str = "network";
pub const CODE_BAD_RESPONSE: &str = "bad_response";

/// A failed call: the server's [`ErrorBody`] plus the HTTP status (0 when no answer came).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    pub status: u16,
    pub code: String,
    pub message: String,
    pub field: Option<String>,
    pub choices: Vec<AgencyChoice>,
    /// Only with `import_rejected`: the rows that failed.
    pub rows: Vec<accord_api::error::RowError>,
    /// Seconds from a `Retry-After` header (with `rate_limited`).
    pub retry_after: Option<u32>,
}

impl ApiError {
    /// An error made on this side (bad input in the URL, no answer, unreadable answer).
    pub fn local(code: &str, message: String) -> Self {
        ApiError {
            status: 0,
            code: code.to_owned(),
            message,
            field: None,
            choices: Vec::new(),
            rows: Vec::new(),
            retry_after: None,
        }
    }

    pub fn is(&self, code: &str) -> bool {
        self.code == code
    }
}

thread_local! {
    static ON_UNAUTHENTICATED: RefCell<Option<Rc<dyn Fn()>>> = const { RefCell::new(None) };
}

/// Called whenever any endpoint answers 401 `unauthenticated` (the session ended), so the app
/// can send the person to sign-in from wherever they are.
pub fn set_unauthenticated_handler(handler: impl Fn() + 'static) {
    ON_UNAUTHENTICATED.with(|slot| *slot.borrow_mut() = Some(Rc::new(handler)));
}

fn notify_unauthenticated() {
    let handler = ON_UNAUTHENTICATED.with(|slot| slot.borrow().clone());
    if let Some(handler) = handler {
        handler();
    }
}

fn builder(method: &str, url: &str) -> RequestBuilder {
    let builder = match method {
        "POST" => Request::post(url),
        "PUT" => Request::put(url),
        "DELETE" => Request::delete(url),
        _ => Request::get(url),
    };
    builder.header("Accept", "application/json").header(REQUESTED_WITH.0, REQUESTED_WITH.1)
}

async fn send(method: &str, url: &str, body: Option<&impl Serialize>) -> Result<Response, ApiError> {
    let request = match body {
        Some(body) => builder(method, url).json(body),
        None => builder(method, url).build(),
    }
    .map_err(|e| ApiError::local(CODE_BAD_RESPONSE, e.to_string()))?;
    let response = request.send().await.map_err(|e| ApiError::local(CODE_NETWORK, e.to_string()))?;
    if response.ok() {
        Ok(response)
    } else {
        Err(error_from(response).await)
    }
}

async fn error_from(response: Response) -> ApiError {
    let status = response.status();
    let retry_after = response.headers().get("Retry-After").and_then(|v| v.trim().parse().ok());
    let body = response.json::<ErrorBody>().await.unwrap_or_else(|_| ErrorBody {
        code: fallback_code(status).to_owned(),
        message: response.status_text(),
        field: None,
        choices: Vec::new(),
        rows: Vec::new(),
    });
    if status == 401 && body.code == codes::UNAUTHENTICATED {
        notify_unauthenticated();
    }
    ApiError {
        status,
        code: body.code,
        message: body.message,
        field: body.field,
        choices: body.choices,
        rows: body.rows,
        retry_after,
    }
}

/// A code for answers without a JSON body (e.g. a proxy's 502 page).
fn fallback_code(status: u16) -> &'static str {
    match status {
        401 => codes::UNAUTHENTICATED,
        403 => codes::FORBIDDEN,
        404 => codes::NOT_FOUND,
        429 => codes::RATE_LIMITED,
        502..=504 => codes::UNAVAILABLE,
        _ => codes::INTERNAL,
    }
}

async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    response.json::<T>().await.map_err(|e| ApiError::local(CODE_BAD_RESPONSE, e.to_string()))
}

pub(crate) async fn get_json<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    decode(send("GET", url, None::<&()>).await?).await
}

pub(crate) async fn send_json<T: DeserializeOwned>(
    method: &str,
    url: &str,
    body: &impl Serialize,
) -> Result<T, ApiError> {
    decode(send(method, url, Some(body)).await?).await
}

/// For endpoints that answer 204 No Content.
pub(crate) async fn send_no_content(method: &str, url: &str, body: Option<&impl Serialize>) -> Result<(), ApiError> {
    send(method, url, body).await.map(|_| ())
}

/// Percent-encodes a query-string value.
pub(crate) fn encode(value: &str) -> String {
    String::from(js_sys::encode_uri_component(value))
}
