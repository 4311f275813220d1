//! Growing what a client buys: the profitability scorecard (agency criteria, each client marked
//! −2..+2), upsell opportunities with a per-manager pipeline, the service catalogue with
//! prerequisites and the next services suggested for a client (playbooks per project kind), and
//! the knowledge base of service explainers that every contact reads in the portal.

use crate::auth::ClientRef;
use crate::backlog::ItemRef;
use crate::types::wire_enum;
use crate::{
    ArticleId, BacklogItemId, ClientServiceId, ContractId, Locale, Money, ProjectId, ProjectKind, ServiceId, StaffRef,
    UpsellId, UserId,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

wire_enum!(
    /// Where an upsell opportunity is.
    UpsellStatus { Idea = "idea", Proposed = "proposed", Won = "won", Lost = "lost" }
);

// ---- Profitability scorecard ----

/// The keys of the six built-in criteria, in their default order. Their stored name is empty:
/// the UI names them in the reader's language.
pub const DEFAULT_CRITERIA: [&str; 6] =
    ["margin", "specialist_hours", "account_time", "contract_term", "communication", "prospects"];

/// The lowest and highest mark on a criterion.
pub const MARK_MIN: i8 = -2;
pub const MARK_MAX: i8 = 2;

/// One profitability criterion of the agency's scorecard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Criterion {
    /// Stable key the marks refer to: one of [`DEFAULT_CRITERIA`] or one the server made
    /// (`custom_…`) for a criterion the agency added.
    pub key: String,
    /// The agency's name for it; empty for a built-in criterion not renamed (the UI names it in
    /// the reader's language).
    pub name: String,
    /// 0-based place in the table, left to right.
    pub position: u32,
}

/// One criterion as the owner saves the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CriterionInput {
    /// The existing criterion's key; absent for a new one (the server makes a key).
    #[serde(default)]
    pub key: Option<String>,
    /// The name; may be empty only for a built-in criterion (then the UI names it).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Line::schema))]
    pub name: String,
}

/// The whole list of criteria, in order (PUT replaces it). Criteria left out are archived: their
/// marks are kept but no longer counted. 1–20 criteria.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CriteriaInput {
    /// In table order.
    pub criteria: Vec<CriterionInput>,
}

/// The most criteria a scorecard may have.
pub const CRITERIA_MAX: usize = 20;

/// One client's mark on one criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Mark {
    /// The criterion's key.
    pub criterion: String,
    /// −2..+2.
    #[cfg_attr(feature = "openapi", schema(minimum = -2, maximum = 2))]
    pub score: i8,
}

/// A client's marks as saved (PUT /api/staff/clients/{id}/scorecard): the criteria listed are
/// set, a criterion with `score: null` is cleared, the others are left as they were.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MarksInput {
    /// Each criterion at most once; an unknown key or a score outside −2..+2 is 422.
    pub marks: Vec<MarkInput>,
}

/// One mark to set or clear.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MarkInput {
    /// The criterion's key.
    pub criterion: String,
    /// −2..+2; `null` clears the mark.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = -2, maximum = 2))]
    pub score: Option<i8>,
}

/// One client in the ranking table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScorecardRow {
    /// The client.
    pub client: ClientRef,
    /// The client's account manager, if any.
    pub manager: Option<StaffRef>,
    /// The monthly fee in the base currency: the sum of the client's active retainer contracts,
    /// each converted at the rate of its newest invoice (or the client's newest invoice in that
    /// currency; 1 in the base currency). `None` without an active retainer ("no data", not 0).
    pub monthly_fee: Option<Money>,
    /// Some active retainer could not be converted (another currency and no invoice to take
    /// the rate from): `monthly_fee` leaves it out.
    pub fee_partial: bool,
    /// The marks on the current criteria, in the criteria's order (criteria not marked are absent).
    pub marks: Vec<Mark>,
    /// The sum of `marks` (unmarked criteria count 0).
    pub total: i32,
    /// 1 = best total; equal totals share a rank (1, 1, 3).
    pub rank: u32,
}

/// The profitability ranking: every client not churned, best total first (ties by name).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Scorecard {
    /// The columns, in order.
    pub criteria: Vec<Criterion>,
    /// The rows, ranked.
    pub rows: Vec<ScorecardRow>,
    /// The agency's base currency (the monthly fees are in it).
    pub base_currency: String,
}

/// One client's own marks (the client page's scorecard card).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientScorecard {
    /// The current criteria, in order.
    pub criteria: Vec<Criterion>,
    /// The client's row as in the ranking table.
    pub row: ScorecardRow,
}

// ---- Service catalogue ----

/// A service named by another record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceRef {
    /// The service.
    pub id: ServiceId,
    /// Its name in the catalogue.
    pub name: String,
}

/// A service as the owner writes it (create and full update).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceInput {
    /// The service's name ("Контекстная реклама").
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Name::schema))]
    pub name: String,
    /// What it is, plain text for staff (explainers for clients are articles).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Note::schema))]
    pub description: String,
    /// The project kinds it fits; empty = any client.
    #[serde(default)]
    pub project_kinds: Vec<ProjectKind>,
    /// Services a client should have had first (same agency; no cycles, 422 otherwise).
    #[serde(default)]
    pub prerequisites: Vec<ServiceId>,
    /// 0-based place in the catalogue; absent = last (on create) or unchanged (on update).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10_000))]
    pub position: Option<u32>,
}

/// A service of the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceView {
    /// The service.
    pub id: ServiceId,
    /// Its name.
    pub name: String,
    /// Plain-text description for staff.
    pub description: String,
    /// The project kinds it fits; empty = any client.
    pub project_kinds: Vec<ProjectKind>,
    /// What a client should have had first.
    pub prerequisites: Vec<ServiceRef>,
    /// 0-based place in the catalogue (the playbook's order).
    pub position: u32,
    /// The published or draft explainers about it.
    pub articles: Vec<ArticleId>,
}

/// The catalogue, in playbook order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Catalogue {
    /// Every service not removed, by position.
    pub services: Vec<ServiceView>,
    /// Whether the caller may change the catalogue (owners and admins).
    pub can_edit: bool,
}

/// A service a client had or has, as recorded (POST /api/staff/clients/{id}/services).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientServiceInput {
    /// The catalogue's service.
    pub service_id: ServiceId,
    /// When it started.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Day::schema))]
    pub started_on: NaiveDate,
    /// When it ended (not before `started_on`); absent while it goes on.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Day::optional_schema))]
    pub ended_on: Option<NaiveDate>,
    /// The client's project it came from, if any.
    #[serde(default)]
    pub project_id: Option<ProjectId>,
    /// The client's contract it came from, if any.
    #[serde(default)]
    pub contract_id: Option<ContractId>,
}

/// A service the client had or has.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientServiceView {
    /// The record.
    pub id: ClientServiceId,
    /// The service.
    pub service: ServiceRef,
    /// When it started.
    pub started_on: NaiveDate,
    /// When it ended; `None` while it goes on.
    pub ended_on: Option<NaiveDate>,
    /// The project it came from and that project's name.
    pub project_id: Option<ProjectId>,
    pub project_name: Option<String>,
    /// The contract it came from and that contract's title.
    pub contract_id: Option<ContractId>,
    pub contract_title: Option<String>,
}

/// What a client has had, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientServices {
    /// The records, newest start first.
    pub items: Vec<ClientServiceView>,
    /// Whether the caller may record services for this client.
    pub can_edit: bool,
}

/// A service the playbook offers next, or later.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SuggestedService {
    /// The service.
    pub service: ServiceRef,
    /// Its prerequisites the client has not had yet (empty for a suggestion now; for a later
    /// one the UI says "after X").
    pub missing: Vec<ServiceRef>,
    /// Published explainers about it, to send the client.
    pub articles: Vec<ArticleId>,
}

/// The next services for a client: not had yet, fitting the client's project kinds (when the
/// service lists kinds), in catalogue order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NextServices {
    /// Every prerequisite had: suggest now.
    pub next: Vec<SuggestedService>,
    /// Some prerequisite missing (listed in `missing`).
    pub later: Vec<SuggestedService>,
}

// ---- Upsells ----

/// An upsell opportunity as written (create and full update). Status moves idea → proposed →
/// won | lost (409 `invalid_transition` otherwise; the same status is no move).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UpsellInput {
    /// What is offered.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Name::schema))]
    pub title: String,
    /// The catalogue's service it sells, if any.
    #[serde(default)]
    pub service_id: Option<ServiceId>,
    /// The expected value (any ISO currency).
    pub expected: Money,
    /// Chance of winning it, 0–100 %.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100))]
    pub probability: u8,
    /// Where it is; a new opportunity starts as `idea` or `proposed`.
    pub status: UpsellStatus,
    /// Why it was lost (required with `lost`, 422 `reason_required`).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::OptionalMessage::schema))]
    pub lost_reason: String,
    /// Who works on it (a staff member of the agency); absent = the client's account manager.
    #[serde(default)]
    pub owner_id: Option<UserId>,
    /// When won: the backlog item of this client that carries it.
    #[serde(default)]
    pub backlog_item_id: Option<BacklogItemId>,
    /// When won: the contract of this client it became.
    #[serde(default)]
    pub contract_id: Option<ContractId>,
    /// The day it was won or lost (default: today in the agency's time zone); ignored while open.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Day::optional_schema))]
    pub closed_on: Option<NaiveDate>,
}

/// An upsell opportunity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UpsellView {
    /// The opportunity.
    pub id: UpsellId,
    /// The client it is for.
    pub client: ClientRef,
    /// What is offered.
    pub title: String,
    /// The catalogue's service, if any.
    pub service: Option<ServiceRef>,
    /// The expected value.
    pub expected: Money,
    /// 0–100 %.
    pub probability: u8,
    /// expected × probability / 100, rounded half away from zero, same currency.
    pub weighted: Money,
    /// Where it is.
    pub status: UpsellStatus,
    /// Why it was lost (empty otherwise).
    pub lost_reason: String,
    /// Who works on it.
    pub owner: Option<StaffRef>,
    /// The linked backlog item (when won).
    pub backlog_item: Option<ItemRef>,
    /// The linked contract and its title (when won).
    pub contract_id: Option<ContractId>,
    pub contract_title: Option<String>,
    /// The day it was won or lost.
    pub closed_on: Option<NaiveDate>,
    /// Who recorded it.
    pub created_by: StaffRef,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A client's upsell opportunities: open ones first, then won and lost, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientUpsells {
    /// The opportunities.
    pub items: Vec<UpsellView>,
    /// Whether the caller may add and change them (owners, admins, the client's manager).
    pub can_edit: bool,
}

/// `GET /api/staff/pipeline` filters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct PipelineQuery {
    /// Only this account manager's clients (owners and admins; a manager always sees their own).
    #[serde(default)]
    pub manager: Option<UserId>,
    /// The period's first day (default: 12 months before `to`, plus one day).
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// The period's last day (default: today in the agency's time zone).
    #[serde(default)]
    pub to: Option<NaiveDate>,
}

/// One account manager's pipeline: the upsells of the clients they manage (`manager` none:
/// clients without one). Sums are per currency, never added across currencies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PipelineRow {
    /// The account manager.
    pub manager: Option<StaffRef>,
    /// Open opportunities now (idea or proposed).
    pub open: u32,
    /// Their expected values, one sum per currency (by currency code).
    pub open_expected: Vec<Money>,
    /// Their weighted values (Σ expected × probability / 100), one sum per currency.
    pub weighted: Vec<Money>,
    /// Won within the period (by `closed_on`).
    pub won: u32,
    /// Their expected values, one sum per currency.
    pub won_value: Vec<Money>,
    /// Lost within the period.
    pub lost: u32,
}

/// Won upsell revenue as a share of all paid revenue in a period (seed 001's "half of the
/// turnover from current clients"). Won upsell revenue = payments (their base-currency amounts)
/// made within the period, on or after the day the upsell was won, on invoices whose contract is
/// a won upsell's contract (the whole payment) or that bill a won upsell's backlog item (the
/// billed item's share of the invoice); each payment counts once. Paid revenue = every payment
/// in the period. Both in the base currency, over the same clients as the rows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WonShare {
    /// The period's first day.
    pub from: NaiveDate,
    /// The period's last day (inclusive).
    pub to: NaiveDate,
    /// Payments that came from won upsells.
    pub won_revenue: Money,
    /// Every payment.
    pub paid_revenue: Money,
    /// won / paid in tenths of a percent (500 = 50.0 %), rounded half up; `None` with no
    /// payments in the period.
    pub share_permille: Option<u32>,
}

/// The upsell pipeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Pipeline {
    /// One row per account manager with upsells (by name; clients without a manager last).
    pub rows: Vec<PipelineRow>,
    /// The won share over the same clients.
    pub won_share: WonShare,
    /// The open opportunities, highest weighted value first (at most 100).
    pub open: Vec<UpsellView>,
}

// ---- Knowledge base ----

/// A service explainer as written, in both languages (Markdown, sanitized when shown). At least
/// one title is required; a language left empty falls back to the other in the portal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleInput {
    /// Russian title.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Line::schema))]
    pub title_ru: String,
    /// English title.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Line::schema))]
    pub title_en: String,
    /// Russian body, Markdown (what we do, and what we do not do).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Markdown::schema))]
    pub body_ru: String,
    /// English body, Markdown.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Markdown::schema))]
    pub body_en: String,
    /// The catalogue's service it explains, if any.
    #[serde(default)]
    pub service_id: Option<ServiceId>,
    /// Shown in the portal to every contact.
    #[serde(default)]
    pub published: bool,
    /// 0-based place in the list; absent = last (on create) or unchanged (on update).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10_000))]
    pub position: Option<u32>,
}

/// An explainer on the staff side: both languages, source and sanitized HTML.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleView {
    /// The article (link it from backlog items and reports as /knowledge/{id}).
    pub id: ArticleId,
    /// The service it explains.
    pub service: Option<ServiceRef>,
    /// Russian title (may be empty).
    pub title_ru: String,
    /// English title (may be empty).
    pub title_en: String,
    /// Russian Markdown source.
    pub body_ru: String,
    /// English Markdown source.
    pub body_en: String,
    /// Russian body as sanitized HTML.
    pub html_ru: String,
    /// English body as sanitized HTML.
    pub html_en: String,
    /// Shown in the portal.
    pub published: bool,
    /// 0-based place in the list.
    pub position: u32,
    /// Who saved it last.
    pub updated_by: StaffRef,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The knowledge base on the staff side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleList {
    /// Every article, by position.
    pub items: Vec<ArticleView>,
    /// Whether the caller may write articles (owners and admins).
    pub can_edit: bool,
}

/// A published explainer in the portal's list, in the reader's language (or the other when
/// that one is empty).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortalArticleSummary {
    /// The article.
    pub id: ArticleId,
    /// The title.
    pub title: String,
    /// The language the title and body are in.
    pub locale: Locale,
    /// The service it explains, by name.
    pub service_name: Option<String>,
}

/// A published explainer as a contact reads it. Never carries a figure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortalArticle {
    /// The article.
    pub id: ArticleId,
    /// The title.
    pub title: String,
    /// The body as sanitized HTML.
    pub html: String,
    /// The language the title and body are in.
    pub locale: Locale,
    /// The service it explains, by name.
    pub service_name: Option<String>,
    pub updated_at: DateTime<Utc>,
}
