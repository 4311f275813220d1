//! Money a client brings: contracts (retainer or project), invoices with their payments,
//! closing documents (акт, УПД), the finance settings (base currency, how long an act may stay
//! unsigned) and the CSV import and export of invoices and payments. Staff only: owners and
//! admins see every client, account managers the clients they manage, specialists and contacts
//! nothing. Accord records what the agency issued and was paid; it is not an accounting system.

use crate::types::{wire_enum, StaffRef};
use crate::{
    BacklogItemId, BacklogStatus, BilledItemId, ClientId, ClosingDocumentId, ContractId, InvoiceId, PaymentId,
    ProjectId, ServiceId, UserId,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

wire_enum!(
    /// How a contract is priced: a monthly fee, or a total for the whole project.
    ContractKind { Retainer = "retainer", Project = "project" }
);

wire_enum!(
    /// Where a contract is.
    ContractStatus { Draft = "draft", Active = "active", Ended = "ended" }
);

wire_enum!(
    /// An invoice's state: issued → partly paid → paid (as payments come in), or cancelled.
    InvoiceStatus { Issued = "issued", PartlyPaid = "partly_paid", Paid = "paid", Cancelled = "cancelled" }
);

wire_enum!(
    /// A closing document's kind: an act (акт) or a universal transfer document (УПД).
    ClosingKind { Act = "act", Upd = "upd" }
);

/// The base currency when an agency has saved no finance settings.
pub const DEFAULT_BASE_CURRENCY: &str = "RUB";
/// How many days a closing document may stay unsigned before it is flagged, until saved.
pub const DEFAULT_ACT_UNSIGNED_DAYS: u32 = 30;
/// The largest `act_unsigned_days` accepted.
pub const ACT_UNSIGNED_DAYS_MAX: u32 = 365;

/// The agency's finance settings (`GET /api/staff/finance-settings`; every staff member who may
/// see money reads them, owners and admins change them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FinanceSettingsView {
    /// ISO 4217 code (upper case) totals and figures are converted to, e.g. "RUB".
    pub base_currency: String,
    /// A closing document unsigned for more than this many days after it was issued is flagged
    /// (`unsigned_too_long`).
    pub act_unsigned_days: u32,
    /// `false` while the built-in defaults apply (nothing saved yet).
    pub saved: bool,
    /// Whether the caller may change them (owners and admins).
    pub can_edit: bool,
}

/// Saves the finance settings (`PUT /api/staff/finance-settings`, owners and admins).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FinanceSettingsInput {
    /// An ISO 4217 code ([`crate::money::is_currency`]); lower case is accepted and upper-cased.
    /// It can change only while no invoice or contract is recorded (409 `conflict` after): stored
    /// amounts are converted to it at each invoice's rate.
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 3, pattern = "^[A-Za-z]{3}$"))]
    pub base_currency: String,
    /// 1–365.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 365))]
    pub act_unsigned_days: u32,
}

/// A contract as written (`POST /api/staff/clients/{id}/contracts`,
/// `PUT /api/staff/contracts/{contract}`; the form sends every field).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContractInput {
    /// What people call it ("SEO retainer 2025"). Required, one line, ≤ 200 characters.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Name::schema))]
    pub title: String,
    /// Retainer: `amount_minor` is the monthly fee; project: the total.
    pub kind: ContractKind,
    /// ISO 4217 code; left out or blank = the agency's base currency. 422 (field "currency")
    /// for an unknown code.
    #[serde(default)]
    pub currency: Option<String>,
    /// Minor units of `currency` (kopecks): the monthly fee or the project total; 0 allowed.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Amount::schema))]
    pub amount_minor: i64,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Day::schema))]
    pub starts_on: NaiveDate,
    /// None = open-ended. Not before `starts_on` (422, field "ends_on").
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Day::optional_schema))]
    pub ends_on: Option<NaiveDate>,
    /// When it is up for renewal (optional). Not before `starts_on` (422, field "renews_on").
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Day::optional_schema))]
    pub renews_on: Option<NaiveDate>,
    pub status: ContractStatus,
    /// One of the client's projects (422, field "project_id", otherwise), or none.
    #[serde(default)]
    pub project_id: Option<ProjectId>,
    /// A service of the agency's catalogue (422, field "service_id", otherwise), or none.
    #[serde(default)]
    pub service_id: Option<ServiceId>,
    /// Free text, ≤ 2,000 characters.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Note::schema))]
    pub note: String,
}

/// A contract on the staff side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContractView {
    pub id: ContractId,
    pub client_id: ClientId,
    pub title: String,
    pub kind: ContractKind,
    /// ISO 4217 code of `amount_minor`.
    pub currency: String,
    /// Monthly fee (retainer) or total (project) in minor units of `currency`.
    pub amount_minor: i64,
    pub starts_on: NaiveDate,
    /// None = open-ended.
    pub ends_on: Option<NaiveDate>,
    pub renews_on: Option<NaiveDate>,
    pub status: ContractStatus,
    pub project_id: Option<ProjectId>,
    /// The linked project's name (None without a link).
    pub project_name: Option<String>,
    pub service_id: Option<ServiceId>,
    /// The linked service's name (None without a link).
    pub service_name: Option<String>,
    pub note: String,
    /// Invoices linked to it; a contract with invoices cannot be deleted (409 `conflict`).
    pub invoice_count: u32,
    pub created_by: Option<StaffRef>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// An invoice as written (`POST /api/staff/clients/{id}/invoices`,
/// `PUT /api/staff/invoices/{invoice}`; the form sends every field).
///
/// The rate is a decimal text: base-currency units per ONE unit of `currency` ("92.5" when
/// 1 USD = 92.50 ₽ and the base is RUB), "," or "." as the separator, at most 6 decimals
/// ([`crate::money::parse_rate`]); the server stores it × 1,000,000 (`rate_micro`). In the base
/// currency the rate is always 1 (a rate sent is ignored); in another currency it is required
/// (422, field "rate").
///
/// On update: `currency` cannot change once the invoice has payments (409 `conflict`), the
/// amount cannot go below what is paid (422, field "amount_minor"); a cancelled invoice cannot
/// be changed (409 `conflict`); `backlog_item_ids` replaces the set of billed items.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvoiceInput {
    /// The invoice number, unique in the agency (409 `already_exists`, field "number", when
    /// another invoice has it). One line, ≤ 200 characters.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Name::schema))]
    pub number: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Day::schema))]
    pub issued_on: NaiveDate,
    /// Not before `issued_on` (422, field "due_on").
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Day::schema))]
    pub due_on: NaiveDate,
    /// Minor units of `currency`, more than 0. Left out: the sum of the billed items' prices
    /// (then `backlog_item_ids` must not be empty; 422, field "amount_minor").
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100_000_000_000_000_i64))]
    pub amount_minor: Option<i64>,
    /// ISO 4217 code; left out or blank = the agency's base currency.
    #[serde(default)]
    pub currency: Option<String>,
    /// Base-currency units per one unit of `currency`, as decimal text (see the type's doc).
    /// Required unless `currency` is the base currency.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 30))]
    pub rate: Option<String>,
    /// One of the client's contracts (422, field "contract_id", otherwise), or none.
    #[serde(default)]
    pub contract_id: Option<ContractId>,
    /// Free text, ≤ 2,000 characters.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Note::schema))]
    pub note: String,
    /// Approved change requests of this client billed by this invoice (see [`BillableItem`]);
    /// each at its frozen price, in the invoice's currency. An item billed by another invoice:
    /// 409 `conflict`; one not billable or priced in another currency: 422 (field
    /// "backlog_item_ids"). At most 50. Cancelling the invoice makes them billable again.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub backlog_item_ids: Vec<BacklogItemId>,
}

/// A payment received against an invoice (`POST /api/staff/invoices/{invoice}/payments`).
/// Its currency is the invoice's; more than the remaining amount is 422 (field
/// "amount_minor"); a cancelled invoice takes none (409 `conflict`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PaymentInput {
    /// The day the money arrived; not in the future (agency time zone; 422, field "paid_on").
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Day::schema))]
    pub paid_on: NaiveDate,
    /// Minor units of the invoice's currency, more than 0.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Amount::schema))]
    pub amount_minor: i64,
    /// Free text, ≤ 2,000 characters.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Note::schema))]
    pub note: String,
}

/// A payment on the staff side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PaymentView {
    pub id: PaymentId,
    pub invoice_id: InvoiceId,
    pub paid_on: NaiveDate,
    /// Minor units of `currency` (the invoice's).
    pub amount_minor: i64,
    pub currency: String,
    /// The amount in the agency's base currency at the invoice's rate.
    pub base_minor: i64,
    pub note: String,
    /// None for imported payments.
    pub created_by: Option<StaffRef>,
    pub created_at: DateTime<Utc>,
}

/// A change request billed by an invoice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BilledItemView {
    pub id: BilledItemId,
    pub backlog_item_id: BacklogItemId,
    /// The backlog item's title now.
    pub title: String,
    /// The item's frozen (approved) price, minor units of the invoice's currency.
    pub amount_minor: i64,
}

/// An invoice on the staff side, with its payments and billed items.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvoiceView {
    pub id: InvoiceId,
    pub client_id: ClientId,
    pub client_name: String,
    pub contract_id: Option<ContractId>,
    /// The linked contract's title (None without a link).
    pub contract_title: Option<String>,
    pub number: String,
    pub issued_on: NaiveDate,
    pub due_on: NaiveDate,
    /// Minor units of `currency`.
    pub amount_minor: i64,
    /// ISO 4217 code.
    pub currency: String,
    /// Base-currency units per one unit of `currency` × 1,000,000 (1,000,000 in the base currency).
    pub rate_micro: i64,
    /// The same rate as decimal text without trailing zeros ("92.5", "1"), as the form takes it.
    pub rate: String,
    /// `amount_minor` in the base currency at `rate_micro` ([`crate::money::convert_minor`]).
    pub base_minor: i64,
    /// The agency's base currency `base_minor` is in.
    pub base_currency: String,
    pub status: InvoiceStatus,
    /// Σ payments, minor units of `currency`.
    pub paid_minor: i64,
    /// `amount_minor − paid_minor` (0 when paid or cancelled).
    pub remaining_minor: i64,
    /// The day of the payment that completed it (None unless paid).
    pub paid_on: Option<NaiveDate>,
    /// Not cancelled, not fully paid, and due before today (agency time zone).
    pub overdue: bool,
    /// Days since `due_on` when overdue, else None.
    pub days_overdue: Option<u32>,
    pub note: String,
    /// Oldest first.
    pub payments: Vec<PaymentView>,
    pub billed_items: Vec<BilledItemView>,
    /// Closing documents linked to this invoice.
    pub closing_documents: u32,
    /// None for imported invoices.
    pub created_by: Option<StaffRef>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Filters and page of the agency-wide invoice list (`GET /api/staff/invoices`), answered with
/// a `Page<InvoiceView>`, newest issued first. Account managers see the clients they manage
/// only (a `client` of someone else: 404).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct InvoiceQuery {
    pub status: Option<InvoiceStatus>,
    pub client: Option<ClientId>,
    /// `true`: overdue invoices only (oldest due first).
    pub overdue: Option<bool>,
    /// Clients of this account manager only (owners and admins; others see their own anyway).
    pub manager: Option<UserId>,
    /// 1-based (default 1).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 1_000_000))]
    pub page: Option<u64>,
    /// 1–100 (default 25).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub per_page: Option<u64>,
}

/// An approved change request not billed yet (`GET /api/staff/clients/{id}/billable`): a backlog
/// item with `change_request`, approved by the client (status agreed, scheduled, in progress or
/// done) and a frozen price. It disappears once an invoice bills it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BillableItem {
    pub backlog_item_id: BacklogItemId,
    pub project_id: ProjectId,
    pub project_name: String,
    pub title: String,
    pub status: BacklogStatus,
    /// The price the client approved, minor units of `currency`.
    pub price_minor: i64,
    /// ISO 4217 code of the price.
    pub currency: String,
    /// When the client approved it (None when unknown).
    pub approved_at: Option<DateTime<Utc>>,
}

/// A closing document as written (`POST /api/staff/clients/{id}/documents`,
/// `PUT /api/staff/documents/{document}`; the form sends every field — signing is an update
/// with `signed_on` set, unsigning one with it null).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClosingDocumentInput {
    pub kind: ClosingKind,
    /// The document's number (one line, ≤ 200 characters; need not be unique).
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Name::schema))]
    pub number: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Day::schema))]
    pub issued_on: NaiveDate,
    /// Minor units of `currency`.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Amount::schema))]
    pub amount_minor: i64,
    /// ISO 4217 code; left out or blank = the linked invoice's currency, else the base currency.
    #[serde(default)]
    pub currency: Option<String>,
    /// One of the client's invoices (422, field "invoice_id", otherwise), or none.
    #[serde(default)]
    pub invoice_id: Option<InvoiceId>,
    /// One of the client's contracts (422, field "contract_id", otherwise), or none.
    #[serde(default)]
    pub contract_id: Option<ContractId>,
    /// The day the client signed it; None = unsigned. Not before `issued_on` and not in the
    /// future (422, field "signed_on").
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Day::optional_schema))]
    pub signed_on: Option<NaiveDate>,
}

/// A closing document (act, УПД) on the staff side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClosingDocumentView {
    pub id: ClosingDocumentId,
    pub client_id: ClientId,
    pub kind: ClosingKind,
    pub number: String,
    pub issued_on: NaiveDate,
    /// Minor units of `currency`.
    pub amount_minor: i64,
    pub currency: String,
    pub invoice_id: Option<InvoiceId>,
    /// The linked invoice's number (None without a link).
    pub invoice_number: Option<String>,
    pub contract_id: Option<ContractId>,
    /// The linked contract's title (None without a link).
    pub contract_title: Option<String>,
    /// None = not signed yet.
    pub signed_on: Option<NaiveDate>,
    /// Unsigned and issued more than `act_unsigned_days` (finance settings) days ago: the
    /// account manager should chase it.
    pub unsigned_too_long: bool,
    /// Days since `issued_on` while unsigned (None once signed).
    pub unsigned_days: Option<u32>,
    pub created_by: Option<StaffRef>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The result of `POST /api/staff/invoices/import` (body: [`crate::backlog::ImportRequest`],
/// owners and admins, all rows or none; bad rows: 422 `import_rejected` with each row and column).
///
/// The CSV (also what `GET /api/staff/invoices/export.csv` writes; `,` or `;` separated, UTF-8,
/// a byte-order mark allowed) has a header line naming the columns, in any order:
/// `client` (the client's name, required), `number` (required, unique in the agency — a number
/// already stored is refused), `issued_on`, `due_on` (YYYY-MM-DD or DD.MM.YYYY, required),
/// `amount` (major units, "30000.50" or "30 000,50", required), `currency` (blank = base),
/// `rate` (decimal text, required for a currency other than the base), `contract` (the title of
/// one of the client's contracts, or blank), `status` (blank, or `cancelled` for a cancelled
/// invoice; the other states follow from the payments), `paid_on` and `paid_amount` (one
/// payment; both or neither). An invoice with several payments takes one row per payment,
/// repeating the invoice columns exactly (rows with the same number but different invoice
/// columns are refused). Imported invoices and payments have no author.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvoiceImportResult {
    /// Invoices stored.
    pub invoices: u32,
    /// Payments stored.
    pub payments: u32,
}

/// The columns of the invoice CSV import and export, in the export's order.
pub const INVOICE_CSV_COLUMNS: [&str; 11] = [
    "client",
    "number",
    "issued_on",
    "due_on",
    "amount",
    "currency",
    "rate",
    "contract",
    "status",
    "paid_on",
    "paid_amount",
];
