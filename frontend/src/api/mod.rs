//! Typed client for the Accord JSON API: one async function per endpoint, all same-origin with
//! the session cookie, every failure turned into one [`ApiError`].

pub mod auth;
pub mod backlog;
pub mod clients;
pub mod docs;
pub mod growth;
pub mod health;
pub mod invitations;
pub mod meetings;
pub mod money;
pub mod platform;
pub mod portal;
pub mod portal_surveys;
pub mod projects;
pub mod reports;
pub mod risks;
pub mod roadmap;
pub mod staff;
pub mod surveys;

use accord_api::{auth::AgencyChoice, error::Code, ErrorBody};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::{de::DeserializeOwned, Serialize};
use std::{cell::RefCell, rc::Rc};

/// Marks requests as coming from the SPA's own scripts (a cross-site form cannot set it).
const REQUESTED_WITH: (&str, &str) = ("X-Requested-With", "accord-spa");

/// Why a call failed, as this build knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    /// A code of the API (the server's, or the same judgement made here first).
    Api(Code),
    /// A code this build does not know yet (a newer server): the server's message is shown.
    Unknown(String),
    /// No answer came.
    Network,
    /// The request could not be built, or the answer could not be read.
    BadResponse,
}

impl ErrorCode {
    /// A code read off the wire.
    pub fn parse(code: &str) -> Self {
        Code::parse(code).map_or_else(|| ErrorCode::Unknown(code.to_owned()), ErrorCode::Api)
    }
}

impl From<Code> for ErrorCode {
    fn from(code: Code) -> Self {
        ErrorCode::Api(code)
    }
}

/// A failed call: the server's [`ErrorBody`] plus the HTTP status (0 when no answer came).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    pub status: u16,
    pub code: ErrorCode,
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
    pub fn local(code: impl Into<ErrorCode>, message: String) -> Self {
        ApiError {
            status: 0,
            code: code.into(),
            message,
            field: None,
            choices: Vec::new(),
            rows: Vec::new(),
            retry_after: None,
        }
    }

    pub fn is(&self, code: Code) -> bool {
        self.code == ErrorCode::Api(code)
    }

    /// For the console: the status and the code ("409 stale_version", "0 network"). Not the
    /// derived `Debug`, whose string escaping would bring Unicode tables into the web bundle.
    pub fn summary(&self) -> String {
        let code = match &self.code {
            ErrorCode::Api(code) => code.as_str(),
            ErrorCode::Unknown(code) => code,
            ErrorCode::Network => "network",
            ErrorCode::BadResponse => "bad_response",
        };
        format!("{} {code}", self.status)
    }

    /// The API code, when it is one this build knows.
    pub fn known(&self) -> Option<Code> {
        match self.code {
            ErrorCode::Api(code) => Some(code),
            _ => None,
        }
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

/// The request body as JSON text. Serializing is the only per-type step of a request; the
/// sending, the error handling and the reading of the answer below are one copy for every call
/// (not one per body and answer type), which keeps the web bundle small.
pub(crate) fn json_body(body: &impl Serialize) -> Result<String, ApiError> {
    serde_json::to_string(body).map_err(|_| ApiError::local(ErrorCode::BadResponse, String::new()))
}

/// Sends the request and answers the response if it is a success, the [`ApiError`] otherwise.
/// (Local failures carry no message: only a server's message for an unknown code is shown.)
async fn send(method: &str, url: &str, body: Option<String>) -> Result<Response, ApiError> {
    let builder = builder(method, url);
    let request = match body {
        // What gloo's `RequestBuilder::json` does, with the text already made.
        Some(json) => builder.header("Content-Type", "application/json").body(json),
        None => builder.build(),
    }
    .map_err(|_| ApiError::local(ErrorCode::BadResponse, String::new()))?;
    let response = request.send().await.map_err(|_| ApiError::local(ErrorCode::Network, String::new()))?;
    if response.ok() {
        Ok(response)
    } else {
        Err(error_from(response).await)
    }
}

async fn error_from(response: Response) -> ApiError {
    let status = response.status();
    let retry_after = response.headers().get("Retry-After").and_then(|v| v.trim().parse().ok());
    let body = response.text().await.ok().and_then(|text| serde_json::from_str::<ErrorBody>(&text).ok());
    let body = body.unwrap_or_else(|| ErrorBody {
        code: fallback_code(status).as_str().to_owned(),
        message: response.status_text(),
        field: None,
        choices: Vec::new(),
        rows: Vec::new(),
    });
    let code = ErrorCode::parse(&body.code);
    if status == 401 && code == ErrorCode::Api(Code::Unauthenticated) {
        notify_unauthenticated();
    }
    ApiError {
        status,
        code,
        message: body.message,
        field: body.field,
        choices: body.choices,
        rows: body.rows,
        retry_after,
    }
}

/// A code for answers without a JSON body (e.g. a proxy's 502 page).
fn fallback_code(status: u16) -> Code {
    match status {
        401 => Code::Unauthenticated,
        403 => Code::Forbidden,
        404 => Code::NotFound,
        429 => Code::RateLimited,
        502..=504 => Code::Unavailable,
        _ => Code::InternalError,
    }
}

/// A successful answer's body text.
async fn fetch_text(method: &str, url: &str, body: Option<String>) -> Result<String, ApiError> {
    let response = send(method, url, body).await?;
    response.text().await.map_err(|_| ApiError::local(ErrorCode::BadResponse, String::new()))
}

fn decode<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    serde_json::from_str(text).map_err(|_| ApiError::local(ErrorCode::BadResponse, String::new()))
}

pub(crate) async fn get_json<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    decode(&fetch_text("GET", url, None).await?)
}

pub(crate) async fn send_json<T: DeserializeOwned>(
    method: &str,
    url: &str,
    body: &impl Serialize,
) -> Result<T, ApiError> {
    let body = json_body(body)?;
    decode(&fetch_text(method, url, Some(body)).await?)
}

/// A POST whose request carries no body of its own (an empty JSON object, written here rather
/// than serialized, so no JSON writer is linked in for it).
pub(crate) async fn post_empty<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    decode(&fetch_text("POST", url, Some(String::from("{}"))).await?)
}

/// A call whose answer the page does not read: only success or the [`ApiError`] matters, so no
/// decoder is linked in for the answer's type.
pub(crate) async fn send_ignoring_answer(method: &str, url: &str, body: Option<String>) -> Result<(), ApiError> {
    send(method, url, body).await.map(|_| ())
}

/// For endpoints that answer 204 No Content.
pub(crate) async fn send_no_content(method: &str, url: &str, body: Option<&impl Serialize>) -> Result<(), ApiError> {
    let body = body.map(json_body).transpose()?;
    send(method, url, body).await.map(|_| ())
}

/// Percent-encodes a query-string value.
pub(crate) fn encode(value: &str) -> String {
    String::from(js_sys::encode_uri_component(value))
}
