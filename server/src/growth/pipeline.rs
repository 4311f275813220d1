//! The upsell pipeline per account manager, and the won upsell share of paid revenue in a
//! period. Owners and admins see the whole agency (or one manager's clients with `manager`);
//! an account manager sees the clients they manage; specialists are refused (money).
//!
//! Won upsell revenue = the base-currency amounts of payments made within the period, on or
//! after the day the upsell was won, on invoices whose contract is a won upsell's contract
//! (the whole payment), or that bill (billed_items) a won upsell's backlog item (the billed
//! item's share of the invoice's amount) — each payment once. Paid revenue = every payment in
//! the period.

use super::settings::{self, weighted};
use super::view::Lookups;
use crate::clients::access::VisibleClients;
use crate::db::TenantTx;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::error::Code;
use accord_api::growth::{Pipeline, PipelineQuery, PipelineRow, UpsellStatus, WonShare};
use accord_api::{input, BacklogItemId, ClientId, ContractId, InvoiceId, Money, StaffRole, UserId};
use accord_entity::{billed_items, clients, invoices, payments, upsells};
use chrono::{Days, Months, NaiveDate};
use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Open opportunities listed at most.
const OPEN_LISTED: usize = 100;

pub async fn pipeline(state: &AppState, staff: &Staff, query: PipelineQuery) -> ApiResult<Pipeline> {
    staff.require_client_manager()?;
    let tx = state.db.tenant_read(staff).await?;
    let (visible, manager) = match staff.role() {
        StaffRole::AccountManager => (VisibleClients::for_surveys(&tx, staff).await?, Some(staff.user())),
        _ => (VisibleClients::of(&tx, staff).await?, query.manager),
    };
    let today = settings::today(&tx).await?;
    let (from, to) = period(query.from, query.to, today)?;
    let base = settings::base_currency(&tx).await?;
    let mut q = tx
        .find_in::<clients::Entity>(&visible)
        .select_only()
        .column(clients::Column::Id)
        .column(clients::Column::AccountManagerId);
    if let Some(m) = manager {
        q = q.filter(clients::Column::AccountManagerId.eq(m));
    }
    let scope: HashMap<ClientId, Option<UserId>> = q.into_tuple().all().await?.into_iter().collect();
    let ids: Vec<ClientId> = scope.keys().copied().collect();
    let narrowed = manager.is_some();
    let in_scope = |c: &ClientId| !narrowed || scope.contains_key(c);

    let mut uq = tx.find_in::<upsells::Entity>(&visible);
    if narrowed {
        uq = uq.filter(upsells::Column::ClientId.is_in(ids.clone()));
    }
    let all: Vec<upsells::Model> = uq.all().await?.into_iter().filter(|u| in_scope(&u.client_id)).collect();
    let share = won_share(&tx, &visible, narrowed.then_some(&ids), &all, from, to, &base).await?;

    let open_status = |s: UpsellStatus| matches!(s, UpsellStatus::Idea | UpsellStatus::Proposed);
    let in_period = |u: &upsells::Model| u.closed_on.is_some_and(|d| d >= from && d <= to);
    let mut by_manager: BTreeMap<Option<UserId>, Tally> = BTreeMap::new();
    for u in &all {
        let t = by_manager.entry(scope.get(&u.client_id).copied().flatten()).or_default();
        if open_status(u.status) {
            t.open += 1;
            add(&mut t.open_expected, &u.currency, u.expected_minor);
            add(&mut t.weighted, &u.currency, weighted(u.expected_minor, u.probability));
        } else if in_period(u) && u.status == UpsellStatus::Won {
            t.won += 1;
            add(&mut t.won_value, &u.currency, u.expected_minor);
        } else if in_period(u) && u.status == UpsellStatus::Lost {
            t.lost += 1;
        }
    }
    let names =
        crate::clients::view::staff_names(&tx, by_manager.keys().flatten().copied().collect::<Vec<_>>()).await?;
    let mut rows: Vec<PipelineRow> = by_manager
        .into_iter()
        .map(|(m, t)| PipelineRow {
            manager: crate::clients::view::staff_ref(m, &names),
            open: t.open,
            open_expected: sums(t.open_expected),
            weighted: sums(t.weighted),
            won: t.won,
            won_value: sums(t.won_value),
            lost: t.lost,
        })
        .collect();
    rows.sort_by(|a, b| match (&a.manager, &b.manager) {
        (Some(x), Some(y)) => x.name.cmp(&y.name),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    let mut open: Vec<upsells::Model> = all.into_iter().filter(|u| open_status(u.status)).collect();
    open.sort_by_key(|u| std::cmp::Reverse(weighted(u.expected_minor, u.probability)));
    open.truncate(OPEN_LISTED);
    let lookups = Lookups::load(&tx, &visible, &open).await?;
    tx.commit().await?;
    Ok(Pipeline { rows, won_share: share, open: open.into_iter().map(|u| lookups.upsell(u)).collect() })
}

#[derive(Default)]
struct Tally {
    open: u32,
    open_expected: BTreeMap<String, i64>,
    weighted: BTreeMap<String, i64>,
    won: u32,
    won_value: BTreeMap<String, i64>,
    lost: u32,
}

fn add(map: &mut BTreeMap<String, i64>, currency: &str, amount: i64) {
    let e = map.entry(currency.to_string()).or_default();
    *e = e.saturating_add(amount);
}

fn sums(map: BTreeMap<String, i64>) -> Vec<Money> {
    map.into_iter().map(|(currency, amount_minor)| Money { amount_minor, currency }).collect()
}

/// The period: `to` defaults to today, `from` to twelve months before `to` plus a day.
fn period(from: Option<NaiveDate>, to: Option<NaiveDate>, today: NaiveDate) -> ApiResult<(NaiveDate, NaiveDate)> {
    let check = |field: &str, d: NaiveDate| {
        input::Day::check(d).map_err(|e| ApiError::invalid(field, Code::ValidationFailed, e.message()))
    };
    let to = check("to", to.unwrap_or(today))?;
    let from = match from {
        Some(f) => check("from", f)?,
        None => to.checked_sub_months(Months::new(12)).and_then(|d| d.checked_add_days(Days::new(1))).unwrap_or(to),
    };
    if from > to {
        return Err(ApiError::invalid("from", Code::ValidationFailed, "The period cannot start after it ends."));
    }
    Ok((from, to))
}

/// Won upsell revenue and all paid revenue in the period over the clients in scope.
async fn won_share(
    tx: &TenantTx,
    visible: &VisibleClients,
    only: Option<&Vec<ClientId>>,
    all: &[upsells::Model],
    from: NaiveDate,
    to: NaiveDate,
    base: &str,
) -> ApiResult<WonShare> {
    // Per invoice: the part of each payment that is upsell revenue (numerator / denominator)
    // and the day the upsell was won (payments before it are not the upsell's).
    let won: Vec<&upsells::Model> = all.iter().filter(|u| u.status == UpsellStatus::Won).collect();
    let won_on = |u: &upsells::Model| u.closed_on.unwrap_or(NaiveDate::MIN);
    let by_contract: HashMap<ContractId, NaiveDate> =
        won.iter().filter_map(|u| u.contract_id.map(|c| (c, won_on(u)))).fold(HashMap::new(), |mut m, (c, d)| {
            let e = m.entry(c).or_insert(d);
            *e = (*e).min(d);
            m
        });
    let by_item: HashMap<BacklogItemId, NaiveDate> =
        won.iter().filter_map(|u| u.backlog_item_id.map(|i| (i, won_on(u)))).collect();
    // invoice → (upsell part of its amount, its amount, won since)
    let mut parts: HashMap<InvoiceId, (i64, i64, NaiveDate)> = HashMap::new();
    if !by_contract.is_empty() {
        let found: Vec<(InvoiceId, Option<ContractId>, i64)> = tx
            .find_in::<invoices::Entity>(visible)
            .select_only()
            .column(invoices::Column::Id)
            .column(invoices::Column::ContractId)
            .column(invoices::Column::AmountMinor)
            .filter(invoices::Column::ContractId.is_in(by_contract.keys().copied()))
            .into_tuple()
            .all()
            .await?;
        for (id, contract, amount) in found {
            if let Some(since) = contract.and_then(|c| by_contract.get(&c)) {
                parts.insert(id, (amount, amount, *since));
            }
        }
    }
    if !by_item.is_empty() {
        let billed: Vec<(InvoiceId, BacklogItemId, i64)> = tx
            .find_in::<billed_items::Entity>(visible)
            .select_only()
            .column(billed_items::Column::InvoiceId)
            .column(billed_items::Column::BacklogItemId)
            .column(billed_items::Column::AmountMinor)
            .filter(billed_items::Column::BacklogItemId.is_in(by_item.keys().copied()))
            .into_tuple()
            .all()
            .await?;
        let ids: Vec<InvoiceId> = billed
            .iter()
            .map(|b| b.0)
            .filter(|id| !parts.contains_key(id))
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        let amounts: HashMap<InvoiceId, i64> = if ids.is_empty() {
            HashMap::new()
        } else {
            tx.find_in::<invoices::Entity>(visible)
                .select_only()
                .column(invoices::Column::Id)
                .column(invoices::Column::AmountMinor)
                .filter(invoices::Column::Id.is_in(ids))
                .into_tuple::<(InvoiceId, i64)>()
                .all()
                .await?
                .into_iter()
                .collect()
        };
        for (invoice, item, billed_minor) in billed {
            let (Some(amount), Some(since)) = (amounts.get(&invoice), by_item.get(&item)) else { continue };
            let e = parts.entry(invoice).or_insert((0, *amount, *since));
            e.0 = (e.0 + billed_minor).min(e.1);
            e.2 = e.2.min(*since);
        }
    }
    let mut pq = tx
        .find_in::<payments::Entity>(visible)
        .select_only()
        .column(payments::Column::InvoiceId)
        .column(payments::Column::PaidOn)
        .column(payments::Column::BaseMinor)
        .filter(payments::Column::PaidOn.gte(from))
        .filter(payments::Column::PaidOn.lte(to));
    if let Some(ids) = only {
        pq = pq.filter(payments::Column::ClientId.is_in(ids.iter().copied()));
    }
    let paid: Vec<(InvoiceId, NaiveDate, i64)> = pq.into_tuple().all().await?;
    let total: i64 = paid.iter().map(|p| p.2).fold(0, i64::saturating_add);
    let won: i64 = paid
        .iter()
        .filter_map(|(invoice, day, base_minor)| {
            let (part, whole, since) = parts.get(invoice)?;
            (*day >= *since && *whole > 0)
                .then(|| i64::try_from(i128::from(*base_minor) * i128::from(*part) / i128::from(*whole)).unwrap_or(0))
        })
        .fold(0, i64::saturating_add);
    Ok(WonShare {
        from,
        to,
        won_revenue: Money { amount_minor: won, currency: base.to_string() },
        paid_revenue: Money { amount_minor: total, currency: base.to_string() },
        share_permille: permille(won, total),
    })
}

/// `part / whole` in tenths of a percent, rounded half up; `None` when `whole` is 0.
fn permille(part: i64, whole: i64) -> Option<u32> {
    if whole <= 0 {
        return None;
    }
    let v = (i128::from(part) * 1000 * 2 + i128::from(whole)) / (2 * i128::from(whole));
    u32::try_from(v).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_and_periods() {
        assert_eq!(permille(0, 0), None);
        assert_eq!(permille(1, 2), Some(500));
        assert_eq!(permille(1, 3), Some(333));
        assert_eq!(permille(2, 3), Some(667));
        assert_eq!(permille(5, 5), Some(1000));
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(period(None, None, d("2026-12-04")).unwrap(), (d("2025-12-05"), d("2026-12-04")));
        assert!(period(Some(d("2026-12-05")), Some(d("2026-12-04")), d("2026-12-04")).is_err());
    }
}
