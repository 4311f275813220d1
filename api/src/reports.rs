//! Client reports: weekly and monthly, drafted from the work of the period (items done,
//! items planned, roadmap KPIs, promises, meetings), edited, published to the portal with
//! revisions, read receipts per contact, and questions the client asks on a report.
//!
//! Periods are in the agency's time zone: a weekly report covers Monday–Sunday, a monthly one
//! the calendar month. Due dates come N working days (Monday–Friday) after the period ends.

use crate::meetings::BacklogRef;
use crate::projects::ContactRef;
use crate::roadmap::RichText;
use crate::types::wire_enum;
use crate::{ClientId, ContactId, GoalId, Page, ProjectId, ReportCadence, ReportId, ReportMessageId, Side, StaffRef};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

wire_enum!(
    /// What a section of a report holds. Drafting fills `done`, `planned` and `kpis`;
    /// `problems` and `free` start empty (or with the template's text).
    SectionKind { Done = "done", Planned = "planned", Problems = "problems", Kpis = "kpis", Free = "free" }
);

wire_enum!(
    /// Where a report stands. A published report keeps a draft of later edits until it is
    /// published again (a new revision).
    ReportStatus { Draft = "draft", Published = "published" }
);

/// "New report for period X": the period is the week (Monday–Sunday) or the calendar month
/// that contains `period_of`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewReport {
    pub kind: ReportCadence,
    pub period_of: NaiveDate,
    /// A project report covers only that project's items; none = the whole client.
    #[serde(default)]
    pub project_id: Option<ProjectId>,
}

/// A section as the editor sends it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SectionInput {
    pub kind: SectionKind,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Name::schema))]
    pub title: String,
    /// Markdown (sanitized on save).
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Markdown::schema))]
    pub body: String,
    /// Hidden sections stay in the draft but are not published.
    #[serde(default)]
    pub hidden: bool,
}

/// Saves the draft (every field). `version` is the one the editor loaded: if someone saved in
/// between, the answer is 409 `stale_version` and nothing changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportInput {
    pub version: u32,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Name::schema))]
    pub title: String,
    /// 1–12 sections, in order.
    pub sections: Vec<SectionInput>,
}

/// Publishes the draft as a new revision and mails a link to the chosen contacts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublishReport {
    pub version: u32,
    /// Contacts of the client to mail; none = every contact with portal access. Contacts with
    /// portal access get a link, the others the PDF attached.
    #[serde(default)]
    pub notify: Option<Vec<ContactId>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SectionView {
    pub kind: SectionKind,
    pub title: String,
    pub body: RichText,
    pub hidden: bool,
}

/// A roadmap goal over the period: its value at the start and the end (the latest measured on
/// or before each day; the baseline when nothing was measured yet).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KpiRow {
    pub goal_id: GoalId,
    pub name: String,
    pub unit: String,
    pub baseline: f64,
    pub target: f64,
    pub start: f64,
    pub end: f64,
    /// end − start.
    pub change: f64,
    /// The change moves toward the target (false when it moves away or not at all).
    pub toward_target: bool,
    /// Progress from baseline to target at the end of the period, 0–100.
    pub progress_pct: u8,
}

/// The period's facts, counted when the draft was made (and again when it is refreshed).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportStats {
    /// Backlog items finished in the period.
    pub done: u32,
    /// Items scheduled or in progress at drafting.
    pub planned: u32,
    /// Agency promises that fell due in the period …
    pub promises_due: u32,
    /// … and of those, kept (done by their date).
    pub promises_kept: u32,
    /// Meetings held in the period.
    pub meetings_held: u32,
}

/// The previous report of the same kind (and the same project or client), for comparison.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreviousReport {
    pub id: ReportId,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub stats: ReportStats,
    pub kpis: Vec<KpiRow>,
}

/// A report in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportSummary {
    pub id: ReportId,
    pub client_id: ClientId,
    pub client_name: String,
    pub project_id: Option<ProjectId>,
    pub project_name: Option<String>,
    pub kind: ReportCadence,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub title: String,
    pub status: ReportStatus,
    /// 0 = never published.
    pub revision: u32,
    pub published_at: Option<DateTime<Utc>>,
    /// The draft differs from the published revision.
    pub unpublished_changes: bool,
    pub due_on: NaiveDate,
    /// Not published by its due date (and still not published).
    pub overdue: bool,
    /// Contacts who opened it (staff lists only; 0 in the portal).
    pub readers: u32,
    /// Published more than the agency's read window ago and opened by nobody.
    pub unread_flag: bool,
    /// Client questions without a staff answer (staff lists only).
    pub open_questions: u32,
    /// Drafted by Accord on its due date (the agency's setting), for the manager to review.
    #[serde(default)]
    pub auto_drafted: bool,
}

/// Who of the client's people opened a report, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReadReceipt {
    pub contact: ContactRef,
    pub first_at: DateTime<Utc>,
    pub last_at: DateTime<Utc>,
    pub opens: u32,
}

/// A message on a report. `question_id` is none for a client's question (or a staff note
/// that answers nothing); an answer or a note on a question names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportMessage {
    pub id: ReportMessageId,
    pub question_id: Option<ReportMessageId>,
    pub side: Side,
    pub author: String,
    /// Staff only: never in a portal answer.
    pub internal: bool,
    pub body_html: String,
    pub at: DateTime<Utc>,
    /// For a question: answered by staff (a non-internal reply).
    pub answered: bool,
    /// The backlog idea this question became (staff only) …
    pub backlog_item: Option<BacklogRef>,
    /// … and its project (for the link to it).
    #[serde(default)]
    pub backlog_project_id: Option<ProjectId>,
}

/// A whole report, for staff.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportView {
    pub summary: ReportSummary,
    /// Send back on save and publish.
    pub version: u32,
    pub sections: Vec<SectionView>,
    pub kpis: Vec<KpiRow>,
    pub stats: ReportStats,
    pub previous: Option<PreviousReport>,
    pub reads: Vec<ReadReceipt>,
    /// Contacts with portal access who have not opened the published report.
    pub not_read_by: Vec<ContactRef>,
    pub messages: Vec<ReportMessage>,
    pub published_by: Option<StaffRef>,
    /// Whether the caller may change it.
    pub can_edit: bool,
}

/// A staff answer to a question, or a staff-only note (`internal`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewReportMessage {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Message::schema))]
    pub body: String,
    #[serde(default)]
    pub internal: bool,
    /// The question it answers (or notes on).
    #[serde(default)]
    pub question_id: Option<ReportMessageId>,
}

/// A client's question on a report (portal).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewQuestion {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Message::schema))]
    pub body: String,
}

/// Turns a client's question into a backlog idea of one of the client's projects.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionToIdea {
    pub project_id: ProjectId,
    /// The idea's title; none = the question's first line.
    #[serde(default)]
    pub title: Option<String>,
}

/// A reporting period a client's cadence asks for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DuePeriod {
    pub client_id: ClientId,
    pub client_name: String,
    pub manager: Option<StaffRef>,
    pub kind: ReportCadence,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub due_on: NaiveDate,
    /// The report written for it (a draft or published).
    pub report_id: Option<ReportId>,
    pub published: bool,
    pub overdue: bool,
    /// On the agency's list: earlier periods of this client also still unpublished.
    #[serde(default)]
    pub earlier_unpublished: u32,
}

/// A client's reports page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientReports {
    pub cadence: Option<ReportCadence>,
    /// The cadence's recent periods (newest first): written, due or overdue.
    pub periods: Vec<DuePeriod>,
    /// Newest period first.
    pub reports: Page<ReportSummary>,
    pub can_edit: bool,
}

/// A client question nobody on the staff has answered yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpenQuestion {
    pub id: ReportMessageId,
    pub report_id: ReportId,
    pub report_title: String,
    pub client_id: ClientId,
    pub client_name: String,
    pub author: String,
    pub excerpt: String,
    pub at: DateTime<Utc>,
}

/// The agency's "reports due" list (clients the caller sees): unpublished periods due within a
/// week or overdue, by manager; published reports nobody opened; unanswered questions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportsDue {
    pub today: NaiveDate,
    /// Each client's latest unpublished period due within a week or overdue: overdue first,
    /// then by due date (at most 100).
    pub due: Vec<DuePeriod>,
    /// How many clients have such a period (more than `due` holds when the list is cut).
    #[serde(default)]
    pub due_total: u32,
    pub unread: Vec<ReportSummary>,
    pub questions: Vec<OpenQuestion>,
}

/// A section template: the kind and the title in the agency's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TemplateSection {
    pub kind: SectionKind,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Name::schema))]
    pub title: String,
    /// Text a new draft starts with (Markdown; drafted sections put their facts after it).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Markdown::schema))]
    pub body: String,
}

/// The agency's template for one kind of report (the built-in one in the agency's language
/// until someone saves another).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportTemplate {
    pub kind: ReportCadence,
    /// 1–12 sections, in order.
    pub sections: Vec<TemplateSection>,
    /// Not saved by the agency: the built-in default.
    #[serde(default)]
    pub built_in: bool,
}

/// A published report in the portal list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortalReportSummary {
    pub id: ReportId,
    pub project_name: Option<String>,
    pub kind: ReportCadence,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub title: String,
    pub revision: u32,
    pub published_at: DateTime<Utc>,
    /// The caller has opened it.
    pub read: bool,
}

/// One goal's values at the end of each published report's period, oldest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KpiTrend {
    pub goal_id: GoalId,
    pub name: String,
    pub unit: String,
    #[serde(default)]
    pub baseline: f64,
    pub target: f64,
    pub points: Vec<KpiPoint>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KpiPoint {
    pub period_end: NaiveDate,
    pub value: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortalReports {
    pub reports: Page<PortalReportSummary>,
    /// Across the client's published reports (the latest 12 periods).
    pub trend: Vec<KpiTrend>,
}

/// A published report as the portal shows it: the latest revision, visible sections only,
/// questions and staff answers (never internal notes).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortalReport {
    pub summary: PortalReportSummary,
    /// Published again after changes (revision 2 and later).
    pub changed: bool,
    pub agency_name: String,
    pub sections: Vec<PortalSection>,
    pub kpis: Vec<KpiRow>,
    pub stats: ReportStats,
    pub messages: Vec<ReportMessage>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortalSection {
    pub kind: SectionKind,
    pub title: String,
    pub html: String,
    /// Changed since the revision before.
    pub changed: bool,
}
