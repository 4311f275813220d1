//! The one API error type. Every failure leaves the server as
//! `{ "code": "snake_case", "message": "…" }`; internal causes are logged, never sent.

use accord_api::auth::AgencyChoice;
use accord_api::error::Code;
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
    code: Code,
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
    /// The HTTP status each code answers with: the one place it is chosen. Only the exceptions
    /// below answer otherwise (a bad query string, a wrong content type, managing a revoked
    /// invitation), each named here too.
    pub const fn status_of(code: Code) -> StatusCode {
        match code {
            Code::ValidationFailed
            | Code::PasswordTooShort
            | Code::PasswordTooLong
            | Code::PasswordTooCommon
            | Code::WrongPassword
            | Code::ReasonRequired
            | Code::PriceRequired
            | Code::ImportRejected => StatusCode::UNPROCESSABLE_ENTITY,
            Code::MalformedJson => StatusCode::BAD_REQUEST,
            Code::Unauthenticated | Code::InvalidCredentials => StatusCode::UNAUTHORIZED,
            Code::Forbidden
            | Code::CsrfRejected
            | Code::AgencySuspended
            | Code::AccountDisabled
            | Code::SignupClosed => StatusCode::FORBIDDEN,
            Code::NotFound | Code::LinkInvalid => StatusCode::NOT_FOUND,
            Code::Conflict
            | Code::AlreadyExists
            | Code::AgencyChoiceRequired
            | Code::LastOwner
            | Code::CannotChangeSelf
            | Code::LinkUsed
            | Code::AlreadyHasAccess
            | Code::StaleVersion
            | Code::InvalidTransition
            | Code::ChangeRequestNotApproved
            | Code::EstimateLocked
            | Code::NotAwaitingDecision
            | Code::TooLate
            | Code::WrongStep
            | Code::NoPlan
            | Code::AlreadyAcknowledged => StatusCode::CONFLICT,
            Code::LinkExpired | Code::LinkRevoked => StatusCode::GONE,
            Code::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Code::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            Code::InternalError => StatusCode::INTERNAL_SERVER_ERROR,
            Code::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// A refusal with `code`, answering with the status [`Self::status_of`] chooses for it.
    pub fn of(code: Code, message: impl Into<String>) -> Self {
        Self(Box::new(Details {
            status: Self::status_of(code),
            code,
            message: message.into(),
            field: None,
            choices: Vec::new(),
            rows: Vec::new(),
            retry_after: None,
            cause: None,
        }))
    }

    /// The one place a status differs from [`Self::status_of`]; private so the exceptions
    /// stay in this file.
    fn with_status(mut self, status: StatusCode) -> Self {
        self.0.status = status;
        self
    }

    pub fn unauthenticated() -> Self {
        Self::of(Code::Unauthenticated, "Sign in to continue.")
    }

    pub fn forbidden() -> Self {
        Self::of(Code::Forbidden, "You do not have access to this.")
    }

    pub fn not_found() -> Self {
        Self::of(Code::NotFound, "Not found.")
    }

    /// A refusal because of the record's state: a code that answers 409.
    pub fn conflict(code: Code, message: impl Into<String>) -> Self {
        debug_assert_eq!(Self::status_of(code), StatusCode::CONFLICT, "{code} is not a 409");
        Self::of(code, message)
    }

    /// 409 for a link code when an invitation is managed rather than followed: resending a
    /// revoked invitation conflicts with its state, while following its link is 410.
    pub fn link_conflict(code: Code, message: impl Into<String>) -> Self {
        Self::of(code, message).with_status(StatusCode::CONFLICT)
    }

    /// A 422 code naming the field that failed to parse.
    pub fn invalid(field: &str, code: Code, message: impl Into<String>) -> Self {
        debug_assert_eq!(Self::status_of(code), StatusCode::UNPROCESSABLE_ENTITY, "{code} is not a 422");
        Self::of(code, message).with_field(field)
    }

    /// 413: the body is larger than `limit` bytes.
    pub fn too_large(limit: usize) -> Self {
        let mb = limit as f64 / (1024.0 * 1024.0);
        let size = if mb >= 1.0 { format!("{mb:.0} MB") } else { format!("{} KB", limit / 1024) };
        Self::of(Code::TooLarge, format!("The request is too large: at most {size}."))
    }

    pub fn rate_limited(retry_after_secs: u64) -> Self {
        let mut e = Self::of(Code::RateLimited, "Too many failed attempts. Try again later.");
        e.0.retry_after = Some(retry_after_secs.max(1));
        e
    }

    pub fn agency_choice(choices: Vec<AgencyChoice>) -> Self {
        let mut e = Self::of(Code::AgencyChoiceRequired, "This account exists in several agencies; choose one.");
        e.0.choices = choices;
        e
    }

    /// A rejected import: every bad row listed, nothing written.
    pub fn import_rejected(rows: Vec<accord_api::error::RowError>) -> Self {
        let mut e = Self::of(Code::ImportRejected, "Some rows are invalid; nothing was imported.");
        e.0.rows = rows;
        e
    }

    /// A failure whose details must stay in the logs.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        let mut e = Self::of(Code::InternalError, "Something went wrong on our side.");
        e.0.cause = Some(cause.to_string());
        e
    }

    pub fn field(&self) -> Option<&str> {
        self.0.field.as_deref()
    }

    pub fn message(&self) -> &str {
        &self.0.message
    }

    pub fn code(&self) -> Code {
        self.0.code
    }

    pub fn with_field(mut self, field: &str) -> Self {
        self.0.field = Some(field.to_string());
        self
    }
}

/// A feature's own refusal (`BacklogError`, `ClientError`, …): it names its [`Code`] and the
/// request field at fault; its `Display` is the message. Turned into an [`ApiError`] here, the
/// same way for every feature, so the HTTP status is still chosen in one place.
pub trait FeatureError: std::fmt::Display + Sized {
    fn code(&self) -> Code;

    /// The request field at fault, for refusals of one field.
    fn field(&self) -> Option<&'static str> {
        None
    }

    /// The error before its field is added; a refusal that carries more than a message (a
    /// rejected import's rows, a Retry-After) overrides this.
    fn into_base(self, code: Code, message: String) -> ApiError {
        ApiError::of(code, message)
    }
}

impl<E: FeatureError> From<E> for ApiError {
    fn from(err: E) -> Self {
        let (code, message, field) = (err.code(), err.to_string(), err.field());
        let api = err.into_base(code, message);
        match field {
            Some(field) => api.with_field(field),
            None => api,
        }
    }
}

/// For the feature error tests: each refusal answers with this status, code, message and field.
#[cfg(test)]
pub fn check_refusals<E: FeatureError>(
    cases: impl IntoIterator<Item = (E, u16, &'static str, &'static str, Option<&'static str>)>,
) {
    for (err, status, code, message, field) in cases {
        let api = ApiError::from(err);
        assert_eq!(
            (actix_web::ResponseError::status_code(&api).as_u16(), api.code().as_str(), api.message(), api.field()),
            (status, code, message, field)
        );
    }
}

impl From<DbErr> for ApiError {
    fn from(err: DbErr) -> Self {
        if let Some(SqlErr::UniqueConstraintViolation(_)) = err.sql_err() {
            return ApiError::conflict(Code::AlreadyExists, "Something with these details already exists.");
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
            tracing::error!(code = d.code.as_str(), cause = ?d.cause, "request failed");
        } else {
            tracing::info!(code = d.code.as_str(), status = d.status.as_u16(), "request refused");
        }
        let mut builder = HttpResponse::build(d.status);
        if let Some(secs) = d.retry_after {
            builder.insert_header((header::RETRY_AFTER, secs.to_string()));
        }
        builder.json(ErrorBody {
            code: d.code.as_str().to_owned(),
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
        Ok(Err(e)) => return Err(ApiError::of(Code::MalformedJson, e.to_string())),
        Ok(Ok(bytes)) => bytes,
    };
    serde_json::from_slice(&bytes).map_err(|e| {
        if e.is_data() {
            let mut api = ApiError::of(Code::ValidationFailed, format!("Invalid input: {e}"));
            api.0.field = extract_field(&e.to_string());
            api
        } else {
            ApiError::of(Code::MalformedJson, "The request body is not valid JSON.")
        }
    })
}

/// Malformed JSON is a 400 (415 for another content type); well-formed JSON with missing or wrong fields is a 422 naming it.
pub fn json_error(err: actix_web::error::JsonPayloadError, _req: &actix_web::HttpRequest) -> actix_web::Error {
    use actix_web::error::JsonPayloadError;
    let api = match &err {
        JsonPayloadError::Deserialize(e) if e.is_data() => {
            let field = extract_field(&e.to_string());
            let mut api = ApiError::of(Code::ValidationFailed, format!("Invalid input: {e}"));
            api.0.field = field;
            api
        }
        JsonPayloadError::ContentType => ApiError::of(Code::MalformedJson, "Send the body as application/json.")
            .with_status(StatusCode::UNSUPPORTED_MEDIA_TYPE),
        JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
            ApiError::too_large(JSON_LIMIT)
        }
        _ => ApiError::of(Code::MalformedJson, "The request body is not valid JSON."),
    };
    api.into()
}

/// An id in the path that does not parse cannot name anything: 404, like any unknown id.
pub fn path_error(_err: actix_web::error::PathError, _req: &actix_web::HttpRequest) -> actix_web::Error {
    ApiError::not_found().into()
}

pub fn query_error(err: actix_web::error::QueryPayloadError, _req: &actix_web::HttpRequest) -> actix_web::Error {
    // 400, not the 422 of a bad body: the URL itself is wrong.
    ApiError::of(Code::ValidationFailed, format!("Invalid query: {err}")).with_status(StatusCode::BAD_REQUEST).into()
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

    /// The statuses every code answered with before they were chosen here.
    #[test]
    fn statuses_per_code() {
        for &code in Code::ALL {
            let status = ApiError::status_of(code);
            assert_eq!(ApiError::of(code, "").status_code(), status);
            assert!(status.is_client_error() || status.is_server_error(), "{code}");
        }
        assert_eq!(ApiError::status_of(Code::ValidationFailed), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(ApiError::status_of(Code::LinkRevoked), StatusCode::GONE);
        assert_eq!(ApiError::link_conflict(Code::LinkRevoked, "").status_code(), StatusCode::CONFLICT);
        assert_eq!(ApiError::unauthenticated().status_code(), StatusCode::UNAUTHORIZED);
        assert_eq!(ApiError::too_large(JSON_LIMIT).status_code(), StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(ApiError::internal("x").status_code(), StatusCode::INTERNAL_SERVER_ERROR);
    }

    /// The OpenAPI document lists every code as an enum, and the error body points at it.
    #[test]
    fn openapi_lists_the_codes() {
        let doc = serde_json::to_value(crate::startup::api_document()).unwrap();
        let schemas = &doc["components"]["schemas"];
        let listed: Vec<&str> = schemas["Code"]["enum"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
        let all: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(listed, all);
        for &code in Code::ALL {
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str(), "serde and as_str agree");
        }
        assert_eq!(schemas["ErrorBody"]["properties"]["code"]["$ref"], "#/components/schemas/Code");
    }

    #[test]
    fn field_is_taken_from_serde_message() {
        assert_eq!(extract_field("missing field `name` at line 1 column 2").as_deref(), Some("name"));
        assert_eq!(extract_field("no backticks"), None);
    }
}
