//! HTTP handlers of the survey endpoints.

use super::analytics::{self, AnswerFilter};
use super::followups::{self, FollowupQuery};
use super::{campaigns, import, respond, settings};
use crate::error::ApiResult;
use crate::paging::PageOnly;
use crate::state::AppState;
use crate::tenancy::{PortalContact, Staff};
use accord_api::backlog::ImportRequest;
use accord_api::surveys::{
    AnswerInput, AnswerView, CampaignDetail, CampaignInput, CampaignSummary, CloseFollowup, FollowupList, FollowupView,
    LinkSurvey, MarkRequest, OwnAnswer, PhoneAnswer, PortalSurveys, SurveyAnalytics, SurveyForm, SurveyImportResult,
    SurveySettings, SurveySettingsPage,
};
use accord_api::{ClientId, ErrorBody, Page, SurveyAnswerId, SurveyCampaignId, SurveyFollowupId, SurveyInvitationId};
use actix_web::{get, http::header, post, put, web, HttpResponse};

/// The agency's survey settings: NPS wording in both languages, CSI criteria, the recontact
/// guard and follow-up days (built-in until saved), with the criteria presets.
#[utoipa::path(tag = "surveys", responses(
    (status = 200, body = SurveySettingsPage), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/staff/survey-settings")]
pub(super) async fn get_settings(state: web::Data<AppState>, staff: Staff) -> ApiResult<web::Json<SurveySettingsPage>> {
    Ok(web::Json(settings::page(&state, &staff).await?))
}

/// Saves the agency's survey settings (owners and admins); criteria taken off the list are
/// kept for past answers.
#[utoipa::path(tag = "surveys", request_body = SurveySettings, responses(
    (status = 200, body = SurveySettingsPage), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 422, body = ErrorBody)))]
#[put("/staff/survey-settings")]
pub(super) async fn save_settings(
    state: web::Data<AppState>,
    staff: Staff,
    body: web::Json<SurveySettings>,
) -> ApiResult<web::Json<SurveySettingsPage>> {
    Ok(web::Json(settings::save(&state, &staff, body.into_inner()).await?))
}

// ---- Campaigns ----

/// The agency's survey campaigns, newest first, each with its latest wave.
#[utoipa::path(tag = "surveys", params(PageOnly), responses(
    (status = 200, body = Page<CampaignSummary>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[get("/staff/survey-campaigns")]
pub(super) async fn list_campaigns(
    state: web::Data<AppState>,
    staff: Staff,
    query: web::Query<PageOnly>,
) -> ApiResult<web::Json<Page<CampaignSummary>>> {
    Ok(web::Json(campaigns::list(&state, &staff, &query).await?))
}

/// A new campaign, as a draft (owners and admins).
#[utoipa::path(tag = "surveys", request_body = CampaignInput, responses(
    (status = 201, body = CampaignDetail), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/survey-campaigns")]
pub(super) async fn create_campaign(
    state: web::Data<AppState>,
    staff: Staff,
    body: web::Json<CampaignInput>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(campaigns::create(&state, &staff, body.into_inner()).await?))
}

/// One campaign: its settings and waves.
#[utoipa::path(tag = "surveys", params(("cid" = SurveyCampaignId, Path, description = "Campaign id")), responses(
    (status = 200, body = CampaignDetail), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/survey-campaigns/{cid}")]
pub(super) async fn campaign(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<SurveyCampaignId>,
) -> ApiResult<web::Json<CampaignDetail>> {
    Ok(web::Json(campaigns::get(&state, &staff, id.into_inner()).await?))
}

/// Changes a campaign (owners and admins; a stopped one stays as it ran).
#[utoipa::path(tag = "surveys", params(("cid" = SurveyCampaignId, Path, description = "Campaign id")), request_body = CampaignInput, responses(
    (status = 200, body = CampaignDetail), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/staff/survey-campaigns/{cid}")]
pub(super) async fn update_campaign(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<SurveyCampaignId>,
    body: web::Json<CampaignInput>,
) -> ApiResult<web::Json<CampaignDetail>> {
    Ok(web::Json(campaigns::update(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// Launches a draft campaign: its first wave opens now and the invitations are mailed.
#[utoipa::path(tag = "surveys", params(("cid" = SurveyCampaignId, Path, description = "Campaign id")), responses(
    (status = 200, body = CampaignDetail), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
#[post("/staff/survey-campaigns/{cid}/launch")]
pub(super) async fn launch_campaign(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<SurveyCampaignId>,
) -> ApiResult<web::Json<CampaignDetail>> {
    Ok(web::Json(campaigns::launch(&state, &staff, id.into_inner()).await?))
}

/// Stops a campaign: no more waves or reminders.
#[utoipa::path(tag = "surveys", params(("cid" = SurveyCampaignId, Path, description = "Campaign id")), responses(
    (status = 200, body = CampaignDetail), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
#[post("/staff/survey-campaigns/{cid}/stop")]
pub(super) async fn stop_campaign(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<SurveyCampaignId>,
) -> ApiResult<web::Json<CampaignDetail>> {
    Ok(web::Json(campaigns::stop(&state, &staff, id.into_inner()).await?))
}

// ---- Analytics and answers ----

/// NPS and CSI analytics of a period (owners and admins: the agency; account managers: their
/// clients).
#[utoipa::path(tag = "surveys", params(AnswerFilter), responses(
    (status = 200, body = SurveyAnalytics), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[get("/staff/survey-analytics")]
pub(super) async fn survey_analytics(
    state: web::Data<AppState>,
    staff: Staff,
    query: web::Query<AnswerFilter>,
) -> ApiResult<web::Json<SurveyAnalytics>> {
    // Refused before waiting for a turn (the service checks again).
    staff.require_client_manager()?;
    let _turn = state.heavy.turn(staff.agency()).await;
    Ok(web::Json(analytics::analytics(&state, &staff, &query).await?))
}

/// Answers with filters (verbatims), newest first.
#[utoipa::path(tag = "surveys", params(AnswerFilter), responses(
    (status = 200, body = Page<AnswerView>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[get("/staff/survey-answers")]
pub(super) async fn answers(
    state: web::Data<AppState>,
    staff: Staff,
    query: web::Query<AnswerFilter>,
) -> ApiResult<web::Json<Page<AnswerView>>> {
    Ok(web::Json(analytics::answers(&state, &staff, &query).await?))
}

/// The filtered answers as CSV (the import's columns).
#[utoipa::path(tag = "surveys", params(AnswerFilter), responses(
    (status = 200, content_type = "text/csv", body = String), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[get("/staff/survey-answers/export")]
pub(super) async fn export(
    state: web::Data<AppState>,
    staff: Staff,
    query: web::Query<AnswerFilter>,
) -> ApiResult<HttpResponse> {
    let csv = analytics::export(&state, &staff, &query).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((header::CONTENT_DISPOSITION, "attachment; filename=\"survey-answers.csv\""))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(csv))
}

/// Imports past answers from CSV (owners and admins): all rows or none.
#[utoipa::path(tag = "surveys", request_body = ImportRequest, responses(
    (status = 200, body = SurveyImportResult), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/survey-answers/import")]
pub(super) async fn import_answers(
    state: web::Data<AppState>,
    staff: Staff,
    payload: web::Payload,
) -> ApiResult<web::Json<SurveyImportResult>> {
    let body: ImportRequest = crate::error::json_body(payload, import::MAX_BYTES).await?;
    Ok(web::Json(import::import(&state, &staff, &body.csv).await?))
}

/// Marks a promoter for a testimonial or referral request (or clears the mark).
#[utoipa::path(tag = "surveys", params(("ans" = SurveyAnswerId, Path, description = "Answer id")), request_body = MarkRequest, responses(
    (status = 200, body = AnswerView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
#[put("/staff/survey-answers/{ans}/mark")]
pub(super) async fn mark_answer(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<SurveyAnswerId>,
    body: web::Json<MarkRequest>,
) -> ApiResult<web::Json<AnswerView>> {
    Ok(web::Json(followups::mark(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// A client's answers, newest first.
#[utoipa::path(tag = "surveys", params(("id" = ClientId, Path, description = "Client id"), PageOnly), responses(
    (status = 200, body = Page<AnswerView>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/survey-answers")]
pub(super) async fn client_answers(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    query: web::Query<PageOnly>,
) -> ApiResult<web::Json<Page<AnswerView>>> {
    Ok(web::Json(followups::client_answers(&state, &staff, id.into_inner(), &query).await?))
}

/// Records an answer taken by phone on a contact's behalf.
#[utoipa::path(tag = "surveys", params(("id" = ClientId, Path, description = "Client id")), request_body = PhoneAnswer, responses(
    (status = 201, body = AnswerView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/survey-answers")]
pub(super) async fn phone_answer(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    body: web::Json<PhoneAnswer>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(followups::phone(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

// ---- Follow-ups ----

/// Detractors' follow-ups in the caller's clients.
#[utoipa::path(tag = "surveys", params(FollowupQuery), responses(
    (status = 200, body = FollowupList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[get("/staff/survey-followups")]
pub(super) async fn followup_list(
    state: web::Data<AppState>,
    staff: Staff,
    query: web::Query<FollowupQuery>,
) -> ApiResult<web::Json<FollowupList>> {
    Ok(web::Json(followups::list(&state, &staff, &query).await?))
}

/// Closes a follow-up with its outcome and a note.
#[utoipa::path(tag = "surveys", params(("fid" = SurveyFollowupId, Path, description = "Follow-up id")), request_body = CloseFollowup, responses(
    (status = 200, body = FollowupView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/survey-followups/{fid}/close")]
pub(super) async fn close_followup(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<SurveyFollowupId>,
    body: web::Json<CloseFollowup>,
) -> ApiResult<web::Json<FollowupView>> {
    Ok(web::Json(followups::close(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

// ---- Portal ----

/// The contact's open surveys and their own past answers.
#[utoipa::path(tag = "portal", responses(
    (status = 200, body = PortalSurveys), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/portal/surveys")]
pub(super) async fn portal_surveys(
    state: web::Data<AppState>,
    contact: PortalContact,
) -> ApiResult<web::Json<PortalSurveys>> {
    Ok(web::Json(respond::portal_list(&state, &contact).await?))
}

/// One survey to answer, with what was saved so far.
#[utoipa::path(tag = "portal", params(("inv" = SurveyInvitationId, Path, description = "Invitation id")), responses(
    (status = 200, body = SurveyForm), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
#[get("/portal/surveys/{inv}")]
pub(super) async fn portal_survey(
    state: web::Data<AppState>,
    contact: PortalContact,
    id: web::Path<SurveyInvitationId>,
) -> ApiResult<web::Json<SurveyForm>> {
    Ok(web::Json(respond::portal_form(&state, &contact, id.into_inner()).await?))
}

/// Saves an answer in progress (to finish later).
#[utoipa::path(tag = "portal", params(("inv" = SurveyInvitationId, Path, description = "Invitation id")), request_body = AnswerInput, responses(
    (status = 200, body = SurveyForm), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/portal/surveys/{inv}/draft")]
pub(super) async fn portal_draft(
    state: web::Data<AppState>,
    contact: PortalContact,
    id: web::Path<SurveyInvitationId>,
    body: web::Json<AnswerInput>,
) -> ApiResult<web::Json<SurveyForm>> {
    Ok(web::Json(respond::portal_draft(&state, &contact, id.into_inner(), body.into_inner()).await?))
}

/// Submits the answer.
#[utoipa::path(tag = "portal", params(("inv" = SurveyInvitationId, Path, description = "Invitation id")), request_body = AnswerInput, responses(
    (status = 200, body = OwnAnswer), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/portal/surveys/{inv}/answer")]
pub(super) async fn portal_answer(
    state: web::Data<AppState>,
    contact: PortalContact,
    id: web::Path<SurveyInvitationId>,
    body: web::Json<AnswerInput>,
) -> ApiResult<web::Json<OwnAnswer>> {
    Ok(web::Json(respond::portal_submit(&state, &contact, id.into_inner(), body.into_inner()).await?))
}

// ---- The e-mailed link (no sign-in) ----

/// A survey by its e-mailed one-time link: its state, and the form while it is open.
#[utoipa::path(tag = "surveys", params(("token" = String, Path, description = "The link's token")), responses(
    (status = 200, body = LinkSurvey), (status = 404, body = ErrorBody)))]
#[get("/survey-links/{token}")]
pub(super) async fn link_survey(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> ApiResult<web::Json<LinkSurvey>> {
    Ok(web::Json(respond::link_get(&state, &token).await?))
}

/// Saves an answer in progress from the link.
#[utoipa::path(tag = "surveys", params(("token" = String, Path, description = "The link's token")), request_body = AnswerInput, responses(
    (status = 200, body = LinkSurvey), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/survey-links/{token}/draft")]
pub(super) async fn link_draft(
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: web::Json<AnswerInput>,
) -> ApiResult<web::Json<LinkSurvey>> {
    Ok(web::Json(respond::link_draft(&state, &token, body.into_inner()).await?))
}

/// Submits the answer from the link; the link is used up.
#[utoipa::path(tag = "surveys", params(("token" = String, Path, description = "The link's token")), request_body = AnswerInput, responses(
    (status = 200, body = LinkSurvey), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/survey-links/{token}/answer")]
pub(super) async fn link_answer(
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: web::Json<AnswerInput>,
) -> ApiResult<web::Json<LinkSurvey>> {
    Ok(web::Json(respond::link_submit(&state, &token, body.into_inner()).await?))
}
