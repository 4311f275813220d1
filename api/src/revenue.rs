//! Money figures (staff only, never in the portal): a client's LTV, lifetime, ACV, unpaid and
//! overdue totals and 12-month revenue trend; the agency's money overview (totals, trend, the
//! overdue invoices, unsigned closing documents, the ABC table); the ABC tier with its manual
//! override. Every total is in the agency's base currency, converted at the rate stored on each
//! invoice; amounts in different currencies are never added unconverted. "No data" is `None`,
//! never 0 (except LTV, which is 0 when nothing was paid). The formulas live in
//! `server/src/revenue/figures.rs`.

use crate::auth::ClientRef;
use crate::finance::ClosingKind;
use crate::types::{Money, StaffRef, ValueTier};
use crate::{ClosingDocumentId, InvoiceId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// An amount in the base currency and how many documents make it up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CountedMoney {
    /// The sum, in the agency's base currency.
    pub amount: Money,
    /// How many invoices (or documents) it sums.
    pub count: u32,
}

/// One month of paid revenue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthPoint {
    /// The first day of the month.
    pub month: NaiveDate,
    /// Payments received in that month, in minor units of the base currency (0 for none).
    pub amount_minor: i64,
}

/// A client's ABC tier: the one in force, the computed one, and whether the first is a manual
/// override.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TierState {
    /// The tier in force (the client's value tier); `None` before the first computation.
    pub tier: Option<ValueTier>,
    /// The tier computed from trailing-12-month revenue by the daily job (`finance.abc`);
    /// `None` before its first run.
    pub computed: Option<ValueTier>,
    /// The tier in force was set by hand and the computation does not change it; an owner or
    /// admin clears it with `POST /api/staff/clients/{id}/tier/clear`.
    pub overridden: bool,
}

/// A client's money page (owners, admins and the client's account manager).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientMoney {
    pub client: ClientRef,
    /// The agency's base currency (ISO 4217), the currency of every total below.
    pub base_currency: String,
    /// Lifetime value: every payment received from the client (partial ones too), each converted
    /// at its invoice's stored rate. 0 when nothing was paid.
    pub ltv: Money,
    /// The same payments unconverted, one entry per invoice currency (sorted by code); empty when
    /// nothing was paid.
    pub paid_by_currency: Vec<Money>,
    /// Payments received in the last 12 months (the ABC basis), in the base currency.
    pub paid_12m: Money,
    /// Where the lifetime is counted from: the client's start date, else its first contract's
    /// start; `None` when neither exists.
    pub lifetime_from: Option<NaiveDate>,
    /// Whole months from `lifetime_from` to the client's end date or today (a started month
    /// counts as 1, so it is at least 1); `None` when there is no start.
    pub lifetime_months: Option<u32>,
    /// Annual contract value: over the active contracts, retainer fee × 12; project total × 12 /
    /// its length in months (at least 1); a project without an end counts its total once. Each
    /// contract is converted at the rate of its latest non-cancelled invoice (1 when it is in the
    /// base currency). `None` when no active contract could be counted.
    pub acv: Option<Money>,
    /// Active contracts counted in `acv`.
    pub acv_contracts: u32,
    /// Active contracts in another currency left out of `acv` because none of their invoices
    /// carries a rate yet.
    pub acv_unrated: u32,
    /// Issued and partly paid invoices: what remains to be paid (converted at each invoice's
    /// rate) and how many invoices.
    pub unpaid: CountedMoney,
    /// The unpaid invoices past their due date (agency time zone).
    pub overdue: CountedMoney,
    /// Days the oldest overdue invoice is past its due date; `None` when none is overdue.
    pub oldest_overdue_days: Option<i64>,
    /// Invoices issued to the client that are not cancelled.
    pub invoices: u32,
    /// Paid revenue per month for the last 12 months, oldest first, the current month last.
    pub trend: Vec<MonthPoint>,
    pub tier: TierState,
}

/// An overdue invoice on the overview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OverdueInvoice {
    pub id: InvoiceId,
    pub client: ClientRef,
    /// The invoice number as issued.
    pub number: String,
    pub issued_on: NaiveDate,
    pub due_on: NaiveDate,
    /// Whole days past `due_on` (at least 1).
    pub days_overdue: i64,
    /// The invoice's amount in its own currency.
    pub amount: Money,
    /// What remains to be paid, in the invoice's currency.
    pub remaining: Money,
    /// What remains, converted to the base currency at the invoice's rate.
    pub remaining_base: Money,
}

/// An unsigned closing document older than the agency allows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnsignedDocument {
    pub id: ClosingDocumentId,
    pub client: ClientRef,
    pub kind: ClosingKind,
    pub number: String,
    pub issued_on: NaiveDate,
    /// Whole days since it was issued.
    pub days: i64,
    /// The document's amount in its own currency.
    pub amount: Money,
}

/// The first rows of a list and how many there are in all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Capped<T> {
    /// The first rows (the oldest first).
    pub items: Vec<T>,
    /// How many rows there are in all.
    pub total: u64,
}

/// One client in the ABC table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AbcRow {
    pub client: ClientRef,
    pub account_manager: Option<StaffRef>,
    /// Payments received in the last 12 months, minor units of the base currency.
    pub revenue_12m_minor: i64,
    /// The client's share of the agency's 12-month revenue, percent (0–100, two decimals).
    /// Owners and admins only: `None` for an account manager, whose view must not reveal the
    /// agency's revenue beyond their own clients.
    pub share_pct: Option<f64>,
    /// The running total of shares down the table up to and including this client, percent
    /// (owners and admins only, like `share_pct`).
    pub cumulative_pct: Option<f64>,
    /// The tier this revenue gives now (A up to and including the client crossing 80 %, B up to
    /// and including the one crossing 95 %, C the rest and every client without revenue).
    pub computed: ValueTier,
    /// The tier in force (the client's value tier).
    pub tier: Option<ValueTier>,
    /// The tier in force was set by hand.
    pub overridden: bool,
}

/// The agency's totals, in the base currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MoneyTotals {
    /// Every payment ever received (the sum of the clients' LTV).
    pub paid_all_time: Money,
    /// Payments received in the last 12 months.
    pub paid_12m: Money,
    /// Payments received in the current month.
    pub paid_this_month: Money,
    /// What remains to be paid on issued and partly paid invoices.
    pub unpaid: CountedMoney,
    /// The unpaid invoices past their due date.
    pub overdue: CountedMoney,
    /// Clients with at least one payment in the last 12 months.
    pub paying_clients: u32,
}

/// The money overview: the whole agency for owners and admins, the clients they manage for an
/// account manager (and for `?manager=` when an owner picks one).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MoneyOverview {
    /// The agency's base currency (ISO 4217), the currency of every total.
    pub base_currency: String,
    /// The account manager the overview is narrowed to, if any.
    pub manager: Option<StaffRef>,
    pub totals: MoneyTotals,
    /// Paid revenue per month for the last 12 months, oldest first, the current month last.
    pub trend: Vec<MonthPoint>,
    /// Overdue invoices, the longest overdue first (the first 50).
    pub overdue: Capped<OverdueInvoice>,
    /// Closing documents unsigned for longer than `unsigned_after_days`, the oldest first (the
    /// first 50).
    pub unsigned: Capped<UnsignedDocument>,
    /// The agency's limit for an unsigned closing document, days.
    pub unsigned_after_days: u32,
    /// The ABC table: the clients in view by 12-month revenue (highest first, ties by name),
    /// then those without revenue by name. Shares and tiers are computed over the whole agency,
    /// so a manager's view shows the same tiers as the owner's.
    pub abc: Vec<AbcRow>,
    /// The whole agency's 12-month revenue the shares are taken of, minor units of the base
    /// currency (owners and admins only; `None` for an account manager).
    pub abc_total_minor: Option<i64>,
}
