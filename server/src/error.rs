//! The one API error type. Every failure leaves the server as
//! `{ "code": "snake_case", "message": "…" }`; internal causes are logged, never sent.

use accord_api::auth::AgencyChoice;
use accord_api::error::codes;
use accord_api::ErrorBody;
use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use sea_orm::{DbErr, SqlErr};

/// Boxed so `Result<T, ApiError>` stays one pointer wide on the happy path.
#[derive(Debug)]
pub struct ApiError(Box<Details>);

#[derive(Debug)]
struct Details {
    status: StatusCode,
    code: &'static str,
    message: String,
    field: Option<String>,
    choices: Vec<AgencyChoice>,
    rows: Vec<accord_api::error::RowError>,
    retry_after: Option<u64>,
    cause: Option<String>,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let d = &self.0;
        write!(f, "{} ({}): {}", d.code, d.status.as_u16(), d.message)?;
        if let Some(cause) = &d.cause {
            write!(f, "; cause: {cause}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self(Box::new(Details {
            status,
            code,
            message: message.into(),
            field: None,
            choices: Vec::new(),
            rows: Vec::new(),
            retry_after: None,
            cause: None,
        }))
    }

    pub fn unauthenticated() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, codes::UNAUTHENTICATED, "Sign in to continue.")
    }

    pub fn forbidden() -> Self {
        Self::new(StatusCode::FORBIDDEN, codes::FORBIDDEN, "You do not have access to this.")
    }

    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, codes::NOT_FOUND, "Not found.")
    }

    pub fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, message)
    }

    /// 422 naming the field that failed to parse.
    pub fn invalid(field: &str, code: &'static str, message: impl Into<String>) -> Self {
        let mut e = Self::new(StatusCode::UNPROCESSABLE_ENTITY, code, message);
        e.0.field = Some(field.to_string());
        e
    }

    /// 413: the body is larger than `limit` bytes.
    pub fn too_large(limit: usize) -> Self {
        let mb = limit as f64 / (1024.0 * 1024.0);
        let size = if mb >= 1.0 { format!("{mb:.0} MB") } else { format!("{} KB", limit / 1024) };
        Self::new(StatusCode::PAYLOAD_TOO_LARGE, codes::TOO_LARGE, format!("The request is too large: at most {size}."))
    }

    pub fn rate_limited(retry_after_secs: u64) -> Self {
        let mut e =
            Self::new(StatusCode::TOO_MANY_REQUESTS, codes::RATE_LIMITED, "Too many failed attempts. Try again later.");
        e.0.retry_after = Some(retry_after_secs.max(1));
        e
    }

    pub fn agency_choice(choices: Vec<AgencyChoice>) -> Self {
        let mut e = Self::new(
            StatusCode::CONFLICT,
            codes::AGENCY_CHOICE_REQUIRED,
            "This account exists in several agencies; choose one.",
        );
        e.0.choices = choices;
        e
    }

    /// A rejected import: every bad row listed, nothing written.
    pub fn import_rejected(rows: Vec<accord_api::error::RowError>) -> Self {
        let mut e = Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            codes::IMPORT_REJECTED,
            "Some rows are invalid; nothing was imported.",
        );
        e.0.rows = rows;
        e
    }

    /// A failure whose details must stay in the logs.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        let mut e = Self::new(StatusCode::INTERNAL_SERVER_ERROR, codes::INTERNAL, "Something went wrong on our side.");
        e.0.cause = Some(cause.to_string());
        e
    }

    pub fn field(&self) -> Option<&str> {
        self.0.field.as_deref()
    }

    pub fn message(&self) -> &str {
        &self.0.message
    }

    pub fn code(&self) -> &'static str {
        self.0.code
    }

    pub fn with_field(mut self, field: &str) -> Self {
        self.0.field = Some(field.to_string());
        self
    }
}

impl From<DbErr> for ApiError {
    fn from(err: DbErr) -> Self {
        if let Some(SqlErr::UniqueConstraintViolation(_)) = err.sql_err() {
            return ApiError::conflict(codes::ALREADY_EXISTS, "Something with these details already exists.");
        }
        ApiError::internal(err)
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.0.status
    }

    fn error_response(&self) -> HttpResponse {
        let d = &self.0;
        if d.status.is_server_error() {
            tracing::error!(code = d.code, cause = ?d.cause, "request failed");
        } else {
            tracing::info!(code = d.code, status = d.status.as_u16(), "request refused");
        }
        let mut builder = HttpResponse::build(d.status);
        if let Some(secs) = d.retry_after {
            builder.insert_header((header::RETRY_AFTER, secs.to_string()));
        }
        builder.json(ErrorBody {
            code: d.code.to_string(),
            message: d.message.clone(),
            field: d.field.clone(),
            choices: d.choices.clone(),
            rows: d.rows.clone(),
        })
    }
}

/// The body limit of ordinary JSON requests.
pub const JSON_LIMIT: usize = 256 * 1024;

/// Reads a JSON body of up to `limit` bytes (for the few endpoints that take files, beyond
/// [`JSON_LIMIT`]), with the same answers as the JSON extractor: 413 `too_large`, 400 for
/// malformed JSON, 422 naming the field for a wrong shape.
pub async fn json_body<T: serde::de::DeserializeOwned>(payload: actix_web::web::Payload, limit: usize) -> ApiResult<T> {
    let bytes = match payload.to_bytes_limited(limit).await {
        Err(_) => return Err(ApiError::too_large(limit)),
        Ok(Err(e)) => return Err(ApiError::new(StatusCode::BAD_REQUEST, codes::MALFORMED_JSON, e.to_string())),
        Ok(Ok(bytes)) => bytes,
    };
    serde_json::from_slice(&bytes).map_err(|e| {
        if e.is_data() {
            let mut api =
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, codes::VALIDATION, format!("Invalid input: {e}"));
            api.0.field = extract_field(&e.to_string());
            api
        } else {
            ApiError::new(StatusCode::BAD_REQUEST, codes::MALFORMED_JSON, "The request body is not valid JSON.")
        }
    })
}

/// Malformed JSON is a 400; well-formed JSON with missing or wrong fields is a 422 naming it.
pub fn json_error(err: actix_web::error::JsonPayloadError, _req: &actix_web::HttpRequest) -> actix_web::Error {
    use actix_web::error::JsonPayloadError;
    let api = match &err {
        JsonPayloadError::Deserialize(e) if e.is_data() => {
            let field = extract_field(&e.to_string());
            let mut api =
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, codes::VALIDATION, format!("Invalid input: {e}"));
            api.0.field = field;
            api
        }
        JsonPayloadError::ContentType => ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            codes::MALFORMED_JSON,
            "Send the body as application/json.",
        ),
        JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
            ApiError::too_large(JSON_LIMIT)
        }
        _ => ApiError::new(StatusCode::BAD_REQUEST, codes::MALFORMED_JSON, "The request body is not valid JSON."),
    };
    api.into()
}

/// An id in the path that does not parse cannot name anything: 404, like any unknown id.
pub fn path_error(_err: actix_web::error::PathError, _req: &actix_web::HttpRequest) -> actix_web::Error {
    ApiError::not_found().into()
}

pub fn query_error(err: actix_web::error::QueryPayloadError, _req: &actix_web::HttpRequest) -> actix_web::Error {
    ApiError::new(StatusCode::BAD_REQUEST, codes::VALIDATION, format!("Invalid query: {err}")).into()
}

/// serde names the field as "missing field `x`" or "unknown variant …" at "x"; pull it out.
fn extract_field(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let end = start + message[start..].find('`')?;
    Some(message[start..end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_is_taken_from_serde_message() {
        assert_eq!(extract_field("missing field `name` at line 1 column 2").as_deref(), Some("name"));
        assert_eq!(extract_field("no backticks"), None);
    }
}
