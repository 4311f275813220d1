//! The aggregate queries the figures are made of. Each takes a scoped query (one client's
//! rows from a `ClientTx`, or the rows of the clients in view from `TenantTx::find_in`) and
//! answers in one statement grouped in the database over the money indexes — never a row per
//! invoice or a query per client. Sums of bigint columns are cast back to bigint (PostgreSQL
//! sums them as numeric).

use crate::db::Scoped;
use accord_api::finance::InvoiceStatus;
use accord_api::money::convert_minor;
use accord_api::revenue::CountedMoney;
use accord_api::{ClientId, Money};
use accord_entity::{closing_documents, invoices, payments};
use chrono::NaiveDate;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DbErr, QueryFilter, QueryOrder, QuerySelect, Select};

type Q<'a, E> = Scoped<'a, Select<E>>;

/// A group row as read: currency, rate, remaining, count, earliest due date.
type GroupRow = (String, i64, Option<i64>, i64, Option<NaiveDate>);

/// Unpaid states: issued, or paid in part.
pub const OPEN: [InvoiceStatus; 2] = [InvoiceStatus::Issued, InvoiceStatus::PartlyPaid];

/// Every payment ever, in the base currency.
pub async fn paid_total(q: Q<'_, payments::Entity>) -> Result<i64, DbErr> {
    let sum: Option<Option<i64>> =
        q.select_only().column_as(Expr::cust("CAST(SUM(base_minor) AS BIGINT)"), "paid").into_tuple().one().await?;
    Ok(sum.flatten().unwrap_or(0))
}

/// Payments per day from `since` to `until` (both included), in the base currency.
pub async fn paid_by_day(
    q: Q<'_, payments::Entity>,
    since: NaiveDate,
    until: NaiveDate,
) -> Result<Vec<(NaiveDate, i64)>, DbErr> {
    q.select_only()
        .column(payments::Column::PaidOn)
        .column_as(Expr::cust("CAST(SUM(base_minor) AS BIGINT)"), "paid")
        .filter(payments::Column::PaidOn.between(since, until))
        .group_by(payments::Column::PaidOn)
        .into_tuple()
        .all()
        .await
}

/// Payments per client from `since` to `until` (both included), in the base currency.
pub async fn paid_by_client(
    q: Q<'_, payments::Entity>,
    since: NaiveDate,
    until: NaiveDate,
) -> Result<Vec<(ClientId, i64)>, DbErr> {
    q.select_only()
        .column(payments::Column::ClientId)
        .column_as(Expr::cust("CAST(SUM(base_minor) AS BIGINT)"), "paid")
        .filter(payments::Column::PaidOn.between(since, until))
        .group_by(payments::Column::ClientId)
        .into_tuple()
        .all()
        .await
}

/// Per invoice currency: what was paid in it (unconverted) and how many invoices are not
/// cancelled.
pub async fn by_currency(q: Q<'_, invoices::Entity>) -> Result<Vec<(String, i64, i64)>, DbErr> {
    q.select_only()
        .column(invoices::Column::Currency)
        .column_as(Expr::cust("CAST(SUM(paid_minor) AS BIGINT)"), "paid")
        .column_as(Expr::cust("COUNT(*)"), "n")
        .filter(invoices::Column::Status.ne(InvoiceStatus::Cancelled))
        .group_by(invoices::Column::Currency)
        .order_by_asc(invoices::Column::Currency)
        .into_tuple()
        .all()
        .await
}

/// Unpaid invoices summed per currency and rate (so each group converts exactly as its
/// invoices do): the remaining amount, how many, and the earliest due date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenGroup {
    pub currency: String,
    pub rate_micro: i64,
    pub remaining_minor: i64,
    pub count: i64,
    pub earliest_due: Option<NaiveDate>,
}

/// The unpaid invoices, or those due before `overdue_before` (past due) when given.
pub async fn open_groups(
    q: Q<'_, invoices::Entity>,
    overdue_before: Option<NaiveDate>,
) -> Result<Vec<OpenGroup>, DbErr> {
    let mut q = q
        .select_only()
        .column(invoices::Column::Currency)
        .column(invoices::Column::RateMicro)
        .column_as(Expr::cust("CAST(SUM(amount_minor - paid_minor) AS BIGINT)"), "remaining")
        .column_as(Expr::cust("COUNT(*)"), "n")
        .column_as(Expr::col(invoices::Column::DueOn).min(), "earliest")
        .filter(invoices::Column::Status.is_in(OPEN));
    if let Some(day) = overdue_before {
        q = q.filter(invoices::Column::DueOn.lt(day));
    }
    let rows: Vec<GroupRow> =
        q.group_by(invoices::Column::Currency).group_by(invoices::Column::RateMicro).into_tuple().all().await?;
    Ok(rows
        .into_iter()
        .map(|(currency, rate_micro, remaining, count, earliest_due)| OpenGroup {
            currency,
            rate_micro,
            remaining_minor: remaining.unwrap_or(0),
            count,
            earliest_due,
        })
        .collect())
}

/// The groups' total in the base currency, and how many invoices.
pub fn counted(groups: &[OpenGroup], base: &str) -> CountedMoney {
    let amount = groups.iter().map(|g| convert_minor(g.remaining_minor, &g.currency, g.rate_micro, base)).sum();
    let count = groups.iter().map(|g| g.count).sum::<i64>();
    CountedMoney {
        amount: Money { amount_minor: amount, currency: base.to_string() },
        count: u32::try_from(count).unwrap_or(u32::MAX),
    }
}

/// The first `limit` overdue invoices, the longest overdue first.
pub async fn overdue_first(
    q: Q<'_, invoices::Entity>,
    today: NaiveDate,
    limit: u64,
) -> Result<Vec<invoices::Model>, DbErr> {
    q.filter(invoices::Column::Status.is_in(OPEN))
        .filter(invoices::Column::DueOn.lt(today))
        .order_by_asc(invoices::Column::DueOn)
        .order_by_asc(invoices::Column::Number)
        .limit(limit)
        .all()
        .await
}

/// Unsigned closing documents issued before `before`: how many, and the first `limit`, oldest
/// first.
pub async fn unsigned(
    count: Q<'_, closing_documents::Entity>,
    rows: Q<'_, closing_documents::Entity>,
    before: NaiveDate,
    limit: u64,
) -> Result<(u64, Vec<closing_documents::Model>), DbErr> {
    let total = count
        .filter(closing_documents::Column::SignedOn.is_null())
        .filter(closing_documents::Column::IssuedOn.lt(before))
        .count()
        .await?;
    let first = rows
        .filter(closing_documents::Column::SignedOn.is_null())
        .filter(closing_documents::Column::IssuedOn.lt(before))
        .order_by_asc(closing_documents::Column::IssuedOn)
        .order_by_asc(closing_documents::Column::Number)
        .limit(limit)
        .all()
        .await?;
    Ok((total, first))
}
