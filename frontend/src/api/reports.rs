//! Client reports: a client's reports and due periods, one report (draft, publish, questions,
//! backlog ideas), the agency's "reports due" list, the section templates; staff calls first,
//! then the portal's.

use super::{get_json, send_json, send_no_content, ApiError};
use accord_api::reports::{
    ClientReports, NewQuestion, NewReport, NewReportMessage, PortalReport, PortalReports, PublishReport,
    QuestionToIdea, ReportInput, ReportTemplate, ReportView, ReportsDue,
};
use accord_api::{ClientId, Locale, ReportCadence, ReportId, ReportMessageId};

/// The cadence, its recent periods, and page `page` (from 1) of the client's reports.
pub async fn client_reports(client: ClientId, page: u64) -> Result<ClientReports, ApiError> {
    get_json(&format!("/api/staff/clients/{client}/reports?page={page}")).await
}

/// Drafts the report of the period that contains `period_of` (409 when it exists already).
pub async fn create(client: ClientId, input: &NewReport) -> Result<ReportView, ApiError> {
    send_json("POST", &format!("/api/staff/clients/{client}/reports"), input).await
}

pub async fn report(id: ReportId) -> Result<ReportView, ApiError> {
    get_json(&format!("/api/staff/reports/{id}")).await
}

/// Saves the draft; `409 stale_version` when someone saved since `input.version`.
pub async fn save(id: ReportId, input: &ReportInput) -> Result<ReportView, ApiError> {
    send_json("PUT", &format!("/api/staff/reports/{id}"), input).await
}

/// Deletes a draft that was never published.
pub async fn delete(id: ReportId) -> Result<(), ApiError> {
    send_no_content("DELETE", &format!("/api/staff/reports/{id}"), None::<&()>).await
}

/// Publishes the saved draft as a new revision and mails the chosen contacts.
pub async fn publish(id: ReportId, input: &PublishReport) -> Result<ReportView, ApiError> {
    send_json("POST", &format!("/api/staff/reports/{id}/publish"), input).await
}

/// A staff answer to a question, or an internal note.
pub async fn add_message(id: ReportId, message: &NewReportMessage) -> Result<ReportView, ApiError> {
    send_json("POST", &format!("/api/staff/reports/{id}/messages"), message).await
}

/// Turns a client's question into a backlog idea of one of the client's projects.
pub async fn question_to_idea(question: ReportMessageId, input: &QuestionToIdea) -> Result<ReportView, ApiError> {
    send_json("POST", &format!("/api/staff/report-messages/{question}/idea"), input).await
}

/// The report as a PDF in `locale` (a plain link: the browser sends the session cookie).
pub fn pdf_url(id: ReportId, locale: Locale) -> String {
    format!("/api/staff/reports/{id}/report.pdf?lang={}", locale.as_str())
}

/// Due and overdue periods, published reports nobody opened, unanswered questions.
pub async fn reports_due() -> Result<ReportsDue, ApiError> {
    get_json("/api/staff/reports-due").await
}

/// The agency's sections for a new draft of `kind` (the built-in ones until someone saves).
pub async fn template(kind: ReportCadence) -> Result<ReportTemplate, ApiError> {
    get_json(&format!("/api/staff/report-templates/{}", kind.as_str())).await
}

/// Owners and admins replace the agency's template of one kind.
pub async fn save_template(template: &ReportTemplate) -> Result<ReportTemplate, ApiError> {
    send_json("PUT", &format!("/api/staff/report-templates/{}", template.kind.as_str()), template).await
}

/// Page `page` (from 1) of the published reports, and the KPI trend across them.
pub async fn portal_reports(page: u64) -> Result<PortalReports, ApiError> {
    get_json(&format!("/api/portal/reports?page={page}")).await
}

/// One published report (opening it records the contact's read receipt).
pub async fn portal_report(id: ReportId) -> Result<PortalReport, ApiError> {
    get_json(&format!("/api/portal/reports/{id}")).await
}

pub async fn ask(id: ReportId, body: String) -> Result<PortalReport, ApiError> {
    send_json("POST", &format!("/api/portal/reports/{id}/questions"), &NewQuestion { body }).await
}

pub fn portal_pdf_url(id: ReportId, locale: Locale) -> String {
    format!("/api/portal/reports/{id}/report.pdf?lang={}", locale.as_str())
}
