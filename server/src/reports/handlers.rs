//! HTTP in and out for reports.

use super::{due, pdf, portal, service};
use crate::error::ApiResult;
use crate::paging::PageQuery;
use crate::state::AppState;
use crate::tenancy::{PortalContact, Staff};
use accord_api::reports::{
    ClientReports, NewQuestion, NewReport, NewReportMessage, PortalReport, PortalReports, PublishReport,
    QuestionToIdea, ReportInput, ReportTemplate, ReportView, ReportsDue,
};
use accord_api::{ClientId, ErrorBody, Locale, ReportCadence, ReportId, ReportMessageId};
use actix_web::{delete, get, http::header, post, put, web, HttpResponse};

#[derive(serde::Deserialize, utoipa::IntoParams)]
pub(super) struct PdfQuery {
    /// The language of the document (the agency's default when left out).
    lang: Option<Locale>,
}

fn pdf_response(bytes: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/pdf"))
        .insert_header((header::CONTENT_DISPOSITION, "inline; filename=\"report.pdf\""))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(bytes)
}

/// A client's reports: the cadence's recent periods and one page of reports.
#[utoipa::path(tag = "reports", params(("id" = ClientId, Path, description = "Client id"), PageQuery), responses(
    (status = 200, body = ClientReports), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[get("/staff/clients/{id}/reports")]
pub(super) async fn client_reports(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    query: web::Query<PageQuery>,
) -> ApiResult<web::Json<ClientReports>> {
    Ok(web::Json(service::client_reports(&state, &staff, id.into_inner(), &query).await?))
}

/// A new report for a period, drafted from the period's work.
#[utoipa::path(tag = "reports", params(("id" = ClientId, Path, description = "Client id")), request_body = NewReport, responses(
    (status = 201, body = ReportView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/reports")]
pub(super) async fn create(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    body: web::Json<NewReport>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(service::create(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// A whole report (staff).
#[utoipa::path(tag = "reports", params(("rid" = ReportId, Path, description = "Report id")), responses(
    (status = 200, body = ReportView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/reports/{rid}")]
pub(super) async fn get_report(
    state: web::Data<AppState>,
    staff: Staff,
    rid: web::Path<ReportId>,
) -> ApiResult<web::Json<ReportView>> {
    Ok(web::Json(service::get(&state, &staff, rid.into_inner()).await?))
}

/// Saves the draft (every field; 409 `stale_version` if someone saved meanwhile).
#[utoipa::path(tag = "reports", params(("rid" = ReportId, Path, description = "Report id")), request_body = ReportInput, responses(
    (status = 200, body = ReportView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/staff/reports/{rid}")]
pub(super) async fn update(
    state: web::Data<AppState>,
    staff: Staff,
    rid: web::Path<ReportId>,
    body: web::Json<ReportInput>,
) -> ApiResult<web::Json<ReportView>> {
    Ok(web::Json(service::update(&state, &staff, rid.into_inner(), body.into_inner()).await?))
}

/// Deletes a draft that was never published.
#[utoipa::path(tag = "reports", params(("rid" = ReportId, Path, description = "Report id")), responses(
    (status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
#[delete("/staff/reports/{rid}")]
pub(super) async fn delete_report(
    state: web::Data<AppState>,
    staff: Staff,
    rid: web::Path<ReportId>,
) -> ApiResult<HttpResponse> {
    service::delete(&state, &staff, rid.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Publishes the draft as a new revision and mails the chosen contacts.
#[utoipa::path(tag = "reports", params(("rid" = ReportId, Path, description = "Report id")), request_body = PublishReport, responses(
    (status = 200, body = ReportView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/reports/{rid}/publish")]
pub(super) async fn publish(
    state: web::Data<AppState>,
    staff: Staff,
    rid: web::Path<ReportId>,
    body: web::Json<PublishReport>,
) -> ApiResult<web::Json<ReportView>> {
    Ok(web::Json(service::publish(&state, &staff, rid.into_inner(), body.into_inner()).await?))
}

/// A staff answer to a client's question, or a staff-only note.
#[utoipa::path(tag = "reports", params(("rid" = ReportId, Path, description = "Report id")), request_body = NewReportMessage, responses(
    (status = 201, body = ReportView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/reports/{rid}/messages")]
pub(super) async fn add_message(
    state: web::Data<AppState>,
    staff: Staff,
    rid: web::Path<ReportId>,
    body: web::Json<NewReportMessage>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(service::add_message(&state, &staff, rid.into_inner(), body.into_inner()).await?))
}

/// Turns a client's question into a backlog idea (linked back to the question).
#[utoipa::path(tag = "reports", params(("qid" = ReportMessageId, Path, description = "Question id")), request_body = QuestionToIdea, responses(
    (status = 200, body = ReportView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/report-messages/{qid}/idea")]
pub(super) async fn to_idea(
    state: web::Data<AppState>,
    staff: Staff,
    qid: web::Path<ReportMessageId>,
    body: web::Json<QuestionToIdea>,
) -> ApiResult<web::Json<ReportView>> {
    Ok(web::Json(service::to_idea(&state, &staff, qid.into_inner(), body.into_inner()).await?))
}

/// The report as a PDF (the current draft, hidden sections left out).
#[utoipa::path(tag = "reports", params(("rid" = ReportId, Path, description = "Report id"), PdfQuery), responses(
    (status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/reports/{rid}/report.pdf")]
pub(super) async fn staff_pdf(
    state: web::Data<AppState>,
    staff: Staff,
    rid: web::Path<ReportId>,
    query: web::Query<PdfQuery>,
) -> ApiResult<HttpResponse> {
    Ok(pdf_response(pdf::staff(&state, &staff, rid.into_inner(), query.lang).await?))
}

/// Reports due or overdue, published reports nobody opened, and unanswered questions.
#[utoipa::path(tag = "reports", responses(
    (status = 200, body = ReportsDue), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/staff/reports-due")]
pub(super) async fn reports_due(state: web::Data<AppState>, staff: Staff) -> ApiResult<web::Json<ReportsDue>> {
    let _turn = state.heavy.turn(staff.agency()).await;
    Ok(web::Json(due::agency_list(&state, &staff).await?))
}

/// The agency's template for a kind of report (the built-in one until saved).
#[utoipa::path(tag = "reports", params(("kind" = ReportCadence, Path, description = "weekly or monthly")), responses(
    (status = 200, body = ReportTemplate), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/report-templates/{kind}")]
pub(super) async fn get_template(
    state: web::Data<AppState>,
    staff: Staff,
    kind: web::Path<ReportCadence>,
) -> ApiResult<web::Json<ReportTemplate>> {
    Ok(web::Json(service::template(&state, &staff, kind.into_inner()).await?))
}

/// Saves the agency's template for a kind of report (owners and admins).
#[utoipa::path(tag = "reports", params(("kind" = ReportCadence, Path, description = "weekly or monthly")), request_body = ReportTemplate, responses(
    (status = 200, body = ReportTemplate), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/staff/report-templates/{kind}")]
pub(super) async fn save_template(
    state: web::Data<AppState>,
    staff: Staff,
    kind: web::Path<ReportCadence>,
    body: web::Json<ReportTemplate>,
) -> ApiResult<web::Json<ReportTemplate>> {
    Ok(web::Json(service::save_template(&state, &staff, kind.into_inner(), body.into_inner()).await?))
}

/// The client's published reports and the KPI trend across them.
#[utoipa::path(tag = "portal", params(PageQuery), responses(
    (status = 200, body = PortalReports), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[get("/portal/reports")]
pub(super) async fn portal_reports(
    state: web::Data<AppState>,
    contact: PortalContact,
    query: web::Query<PageQuery>,
) -> ApiResult<web::Json<PortalReports>> {
    Ok(web::Json(portal::list(&state, &contact, &query).await?))
}

/// A published report (opening it records a read receipt).
#[utoipa::path(tag = "portal", params(("rid" = ReportId, Path, description = "Report id")), responses(
    (status = 200, body = PortalReport), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/portal/reports/{rid}")]
pub(super) async fn portal_report(
    state: web::Data<AppState>,
    contact: PortalContact,
    rid: web::Path<ReportId>,
) -> ApiResult<web::Json<PortalReport>> {
    Ok(web::Json(portal::get(&state, &contact, rid.into_inner()).await?))
}

/// A question on a published report.
#[utoipa::path(tag = "portal", params(("rid" = ReportId, Path, description = "Report id")), request_body = NewQuestion, responses(
    (status = 201, body = PortalReport), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/portal/reports/{rid}/questions")]
pub(super) async fn portal_ask(
    state: web::Data<AppState>,
    contact: PortalContact,
    rid: web::Path<ReportId>,
    body: web::Json<NewQuestion>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(portal::ask(&state, &contact, rid.into_inner(), body.into_inner()).await?))
}

/// A published report as a PDF (the latest revision).
#[utoipa::path(tag = "portal", params(("rid" = ReportId, Path, description = "Report id"), PdfQuery), responses(
    (status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/portal/reports/{rid}/report.pdf")]
pub(super) async fn portal_pdf(
    state: web::Data<AppState>,
    contact: PortalContact,
    rid: web::Path<ReportId>,
    query: web::Query<PdfQuery>,
) -> ApiResult<HttpResponse> {
    Ok(pdf_response(pdf::portal(&state, &contact, rid.into_inner(), query.lang).await?))
}
