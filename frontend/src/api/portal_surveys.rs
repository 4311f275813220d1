//! Surveys as a client contact answers them: in the portal (signed in; only their own
//! invitations), and from the e-mailed one-time link (anonymous: the token from the link's
//! fragment goes in the path, and the SPA's `X-Requested-With` header is all the request needs).

use super::{encode, get_json, json_body, send_ignoring_answer, send_json, ApiError};
use accord_api::surveys::{AnswerInput, LinkSurvey, PortalSurveys, SurveyForm};
use accord_api::SurveyInvitationId;

/// The contact's open surveys and their own past answers.
pub async fn list() -> Result<PortalSurveys, ApiError> {
    get_json("/api/portal/surveys").await
}

/// One survey to answer, with what was saved so far; `404` when it is not the caller's,
/// `409 conflict` once answered or closed.
pub async fn form(id: SurveyInvitationId) -> Result<SurveyForm, ApiError> {
    get_json(&format!("/api/portal/surveys/{id}")).await
}

/// Saves progress (anything may be missing). The page keeps what is on screen, so the answer
/// is not read (no decoder linked for it).
pub async fn save_draft(id: SurveyInvitationId, answer: &AnswerInput) -> Result<(), ApiError> {
    send_ignoring_answer("PUT", &format!("/api/portal/surveys/{id}/draft"), Some(json_body(answer)?)).await
}

/// Submits the answer; `422 validation_failed` with `field` when a required part is missing.
pub async fn submit(id: SurveyInvitationId, answer: &AnswerInput) -> Result<(), ApiError> {
    send_ignoring_answer("POST", &format!("/api/portal/surveys/{id}/answer"), Some(json_body(answer)?)).await
}

fn link_url(token: &str, tail: &str) -> String {
    format!("/api/survey-links/{}{tail}", encode(token))
}

/// The e-mailed link's state, and the form while it is open; `404 link_invalid` for an
/// unknown token.
pub async fn link(token: &str) -> Result<LinkSurvey, ApiError> {
    get_json(&link_url(token, "")).await
}

pub async fn link_draft(token: &str, answer: &AnswerInput) -> Result<LinkSurvey, ApiError> {
    send_json("PUT", &link_url(token, "/draft"), answer).await
}

/// Submits through the link (state `answered` afterwards; a second time is `410 link_used`).
pub async fn link_submit(token: &str, answer: &AnswerInput) -> Result<LinkSurvey, ApiError> {
    send_json("POST", &link_url(token, "/answer"), answer).await
}
