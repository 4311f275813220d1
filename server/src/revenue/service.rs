//! Who may read the figures, and putting them together. A client's money: owners, admins and
//! the client's account manager (a specialist, or a manager who only reads the client, 403;
//! a client the caller cannot see, 404). The overview: owners and admins the whole agency (or
//! one manager's clients), managers their own clients, specialists 403. Contacts never reach
//! any of it (every endpoint takes the `Staff` extractor).

use super::{abc, figures, repo};
use crate::clients::access::{self, Need, VisibleClients};
use crate::clients::view::{staff_names, staff_ref};
use crate::db::{ClientOwned, Scoped, TenantTx};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::auth::ClientRef;
use accord_api::finance::{ContractStatus, InvoiceStatus};
use accord_api::money::convert_minor;
use accord_api::revenue::{
    AbcRow, Capped, ClientMoney, MoneyOverview, MoneyTotals, OverdueInvoice, TierState, UnsignedDocument,
};
use accord_api::{ClientId, ClientStatus, ContractId, Money, UserId, ValueTier};
use accord_entity::{agencies, clients, contracts, invoices};
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, QueryFilter, QuerySelect, Select};
use std::collections::{HashMap, HashSet};

/// An invoice's contract, currency, issue day, creation time and rate (for ACV's rates).
type RateRow = (Option<ContractId>, String, NaiveDate, chrono::DateTime<chrono::Utc>, i64);
/// A client as the overview reads it: id, name, status, manager, archived, tier, override.
type ClientRow = (ClientId, String, ClientStatus, Option<UserId>, bool, Option<ValueTier>, bool);

/// Rows of the overdue and unsigned lists on the overview.
pub const LIST_LIMIT: u64 = 50;

async fn today(tx: &TenantTx) -> ApiResult<NaiveDate> {
    let agency = tx.find::<agencies::Entity>().one().await?.ok_or_else(ApiError::not_found)?;
    Ok(crate::surveys::store::agency_today(&agency, tx.now()))
}

fn money(amount_minor: i64, currency: &str) -> Money {
    Money { amount_minor, currency: currency.to_string() }
}

fn tier_state(c: &clients::Model) -> TierState {
    TierState { tier: c.value_tier, computed: c.abc_tier, overridden: c.tier_override }
}

/// Money figures are for owners, admins and the client's own account manager.
fn require_money(staff: &Staff, client: &clients::Model) -> ApiResult<()> {
    staff.require_client_manager()?;
    if access::may_manage(staff, client) {
        Ok(())
    } else {
        Err(ApiError::forbidden())
    }
}

/// A client's money page: about ten statements, however many documents it has.
pub async fn client_money(state: &AppState, staff: &Staff, id: ClientId) -> ApiResult<ClientMoney> {
    // Whether the client is there comes first (404 alike for every outsider), then the role.
    let tx = access::open_read(state, staff, id).await?;
    let c = tx.client().clone();
    require_money(staff, &c)?;
    let t = tx.agency();
    let settings = crate::finance::settings::load(t).await?;
    let base = settings.base.as_str();
    let today = today(t).await?;

    let ltv = repo::paid_total(tx.find()).await?;
    let by_day = repo::paid_by_day(tx.find(), figures::year_start(today), today).await?;
    let currencies = repo::by_currency(tx.find()).await?;
    let unpaid = repo::open_groups(tx.find(), None).await?;
    let overdue = repo::open_groups(tx.find(), Some(today)).await?;

    // Contracts: the first start (drafts aside) for the lifetime; the active ones for ACV,
    // each with the rate of its latest non-cancelled invoice in its own currency.
    let all_contracts = tx.find::<contracts::Entity>().all().await?;
    let first_contract = all_contracts.iter().filter(|k| k.status != ContractStatus::Draft).map(|k| k.starts_on).min();
    let active: Vec<&contracts::Model> = all_contracts.iter().filter(|k| k.status == ContractStatus::Active).collect();
    let foreign: Vec<ContractId> = active.iter().filter(|k| k.currency != base).map(|k| k.id).collect();
    let mut rates: HashMap<ContractId, (NaiveDate, chrono::DateTime<chrono::Utc>, i64)> = HashMap::new();
    if !foreign.is_empty() {
        let rows: Vec<RateRow> = tx
            .find::<invoices::Entity>()
            .select_only()
            .column(invoices::Column::ContractId)
            .column(invoices::Column::Currency)
            .column(invoices::Column::IssuedOn)
            .column(invoices::Column::CreatedAt)
            .column(invoices::Column::RateMicro)
            .filter(invoices::Column::ContractId.is_in(foreign))
            .filter(invoices::Column::Status.ne(InvoiceStatus::Cancelled))
            .into_tuple()
            .all()
            .await?;
        let currency_of: HashMap<ContractId, &str> = active.iter().map(|k| (k.id, k.currency.as_str())).collect();
        for (contract, currency, issued_on, created_at, rate) in rows {
            let Some(contract) = contract else { continue };
            if currency_of.get(&contract) != Some(&currency.as_str()) {
                continue;
            }
            let e = rates.entry(contract).or_insert((issued_on, created_at, rate));
            if (issued_on, created_at) > (e.0, e.1) {
                *e = (issued_on, created_at, rate);
            }
        }
    }
    let terms: Vec<figures::ContractTerms> = active
        .iter()
        .map(|k| figures::ContractTerms {
            kind: k.kind,
            amount_minor: k.amount_minor,
            currency: k.currency.clone(),
            starts_on: k.starts_on,
            ends_on: k.ends_on,
            rate_micro: rates.get(&k.id).map(|r| r.2),
        })
        .collect();
    tx.commit().await?;

    let acv = figures::acv(&terms, base);
    let (lifetime_from, lifetime_months) = figures::lifetime(c.started_on, first_contract, c.ended_on, today);
    let oldest_overdue_days = overdue.iter().filter_map(|g| g.earliest_due).min().map(|d| (today - d).num_days());
    Ok(ClientMoney {
        client: ClientRef { id: c.id, name: c.name.clone(), status: c.status },
        base_currency: base.to_string(),
        ltv: money(ltv, base),
        paid_by_currency: currencies.iter().filter(|r| r.1 != 0).map(|(cur, paid, _)| money(*paid, cur)).collect(),
        paid_12m: money(figures::trailing_sum(&by_day, today), base),
        lifetime_from,
        lifetime_months,
        acv: acv.minor.map(|m| money(m, base)),
        acv_contracts: acv.counted,
        acv_unrated: acv.unrated,
        unpaid: repo::counted(&unpaid, base),
        overdue: repo::counted(&overdue, base),
        oldest_overdue_days,
        invoices: u32::try_from(currencies.iter().map(|r| r.2).sum::<i64>()).unwrap_or(u32::MAX),
        trend: figures::trend(&by_day, today),
        tier: tier_state(&c),
    })
}

/// A client as the overview needs it.
struct Listed {
    client: ClientRef,
    manager: Option<UserId>,
    archived: bool,
    tier: Option<ValueTier>,
    overridden: bool,
}

/// The rows of the clients in view (and only those) of a per-client table.
fn in_view<'a, E: ClientOwned>(
    tx: &'a TenantTx,
    visible: &VisibleClients,
    only: &Option<Vec<ClientId>>,
) -> Scoped<'a, Select<E>> {
    let q = tx.find_in::<E>(visible);
    match only {
        Some(ids) => q.filter(E::client_column().is_in(ids.iter().copied())),
        None => q,
    }
}

/// The money overview: a dozen statements whatever the number of invoices.
pub async fn overview(state: &AppState, staff: &Staff, manager: Option<UserId>) -> ApiResult<MoneyOverview> {
    staff.require_client_manager()?;
    let tx = state.db.tenant_read(staff).await?;
    // Owners and admins: every client; managers: the ones they manage.
    let visible = VisibleClients::for_surveys(&tx, staff).await?;
    let settings = crate::finance::settings::load(&tx).await?;
    let base = settings.base.clone();
    let today = today(&tx).await?;

    let rows: Vec<ClientRow> = tx
        .find_in::<clients::Entity>(&visible)
        .select_only()
        .column(clients::Column::Id)
        .column(clients::Column::Name)
        .column(clients::Column::Status)
        .column(clients::Column::AccountManagerId)
        .column_as(clients::Column::ArchivedAt.is_not_null(), "archived")
        .column(clients::Column::ValueTier)
        .column(clients::Column::TierOverride)
        .into_tuple()
        .all()
        .await?;
    let listed: HashMap<ClientId, Listed> = rows
        .into_iter()
        .filter(|r| manager.is_none_or(|m| r.3 == Some(m)))
        .map(|(id, name, status, manager, archived, tier, overridden)| {
            (id, Listed { client: ClientRef { id, name, status }, manager, archived, tier, overridden })
        })
        .collect();
    // `?manager=` narrows further than the caller's visibility: by the listed ids.
    let only: Option<Vec<ClientId>> = manager.map(|_| listed.keys().copied().collect());

    let paid_all_time = repo::paid_total(in_view(&tx, &visible, &only)).await?;
    let by_day = repo::paid_by_day(in_view(&tx, &visible, &only), figures::year_start(today), today).await?;
    let unpaid = repo::open_groups(in_view(&tx, &visible, &only), None).await?;
    let overdue = repo::open_groups(in_view(&tx, &visible, &only), Some(today)).await?;
    let overdue_rows = repo::overdue_first(in_view(&tx, &visible, &only), today, LIST_LIMIT).await?;
    let before = today - chrono::Duration::days(i64::from(settings.act_days));
    let (unsigned_total, unsigned_rows) =
        repo::unsigned(in_view(&tx, &visible, &only), in_view(&tx, &visible, &only), before, LIST_LIMIT).await?;
    // Tiers and shares are the whole agency's, whoever looks.
    let ranked = abc::table(&tx, today).await?;
    let names = staff_names(&tx, listed.values().filter_map(|l| l.manager).collect::<HashSet<_>>()).await?;
    tx.commit_agency_wide_read().await?;

    let overdue_totals = repo::counted(&overdue, &base);
    let client_ref = |id: ClientId| listed.get(&id).map(|l| l.client.clone());
    let overdue_items = overdue_rows
        .into_iter()
        .filter_map(|i| {
            let remaining = i.amount_minor - i.paid_minor;
            Some(OverdueInvoice {
                id: i.id,
                client: client_ref(i.client_id)?,
                days_overdue: (today - i.due_on).num_days(),
                remaining_base: money(convert_minor(remaining, &i.currency, i.rate_micro, &base), &base),
                remaining: money(remaining, &i.currency),
                amount: money(i.amount_minor, &i.currency),
                number: i.number,
                issued_on: i.issued_on,
                due_on: i.due_on,
            })
        })
        .collect();
    let unsigned_items = unsigned_rows
        .into_iter()
        .filter_map(|d| {
            Some(UnsignedDocument {
                id: d.id,
                client: client_ref(d.client_id)?,
                kind: d.kind,
                days: (today - d.issued_on).num_days(),
                amount: money(d.amount_minor, &d.currency),
                number: d.number,
                issued_on: d.issued_on,
            })
        })
        .collect();
    // Shares reveal the agency's revenue: owners and admins only.
    let whole = staff.role().is_admin();
    let abc_total_minor: Option<i64> = whole.then(|| ranked.iter().map(|r| r.minor.max(0)).sum());
    let abc: Vec<AbcRow> = ranked
        .into_iter()
        .filter_map(|r| {
            let l = listed.get(&r.id)?;
            if r.minor <= 0 && l.archived {
                return None;
            }
            Some(AbcRow {
                client: l.client.clone(),
                account_manager: staff_ref(l.manager, &names),
                revenue_12m_minor: r.minor,
                share_pct: whole.then_some(r.share_pct),
                cumulative_pct: whole.then_some(r.cumulative_pct),
                computed: r.tier,
                tier: l.tier,
                overridden: l.overridden,
            })
        })
        .collect();
    let trend = figures::trend(&by_day, today);
    let this_month = trend.last().map_or(0, |p| p.amount_minor);
    Ok(MoneyOverview {
        manager: manager.and_then(|m| staff_ref(Some(m), &names)),
        totals: MoneyTotals {
            paid_all_time: money(paid_all_time, &base),
            paid_12m: money(figures::trailing_sum(&by_day, today), &base),
            paid_this_month: money(this_month, &base),
            unpaid: repo::counted(&unpaid, &base),
            overdue: overdue_totals.clone(),
            paying_clients: u32::try_from(abc.iter().filter(|r| r.revenue_12m_minor > 0).count()).unwrap_or(0),
        },
        trend,
        overdue: Capped { items: overdue_items, total: u64::from(overdue_totals.count) },
        unsigned: Capped { items: unsigned_items, total: unsigned_total },
        unsigned_after_days: settings.act_days,
        abc,
        abc_total_minor,
        base_currency: base,
    })
}

/// Ends a manual tier (owners and admins): the client's tier is the computed one again. The
/// agency's tiers are recomputed in the same transaction, so it is the current one.
pub async fn clear_tier(state: &AppState, staff: &Staff, id: ClientId) -> ApiResult<TierState> {
    let tx = access::open(state, staff, id, Need::Read).await?;
    staff.require_admin()?;
    let every = VisibleClients::whole_agency();
    tx.agency()
        .update_in::<clients::Entity>(&every)
        .col_expr(clients::Column::TierOverride, sea_orm::sea_query::Expr::value(false))
        .filter(clients::Column::Id.eq(id))
        .exec()
        .await?;
    abc::recompute(tx.agency()).await?;
    let c = tx
        .agency()
        .find_in::<clients::Entity>(&every)
        .filter(clients::Column::Id.eq(id))
        .one()
        .await?
        .ok_or_else(ApiError::not_found)?;
    tx.commit().await?;
    Ok(tier_state(&c))
}
