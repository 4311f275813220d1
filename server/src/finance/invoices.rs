//! Invoices and their payments. An invoice is issued, becomes partly paid and then paid as
//! payments come in (`paid_minor` is kept equal to their sum, `paid_on` is the day of the
//! payment that completed it), or is cancelled (only without payments; it takes none after).
//! Each stores its rate to the agency's base currency and its amount converted with it; each
//! payment its amount converted at its invoice's rate. Approved change requests are billed on
//! an invoice at their frozen price and leave the billable list. Every change queues what
//! depends on paid revenue (`revenue::payments_changed`).

use super::contracts::currency_or_base;
use super::settings::{self, Ctx};
use super::{open_client, open_owned, view, FinanceError};
use crate::clients::access::VisibleClients;
use crate::db::{ClientTx, Scoped, TenantTx};
use crate::domain::Field;
use crate::error::{ApiError, ApiResult};
use crate::paging::Paging;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::finance::{BillableItem, InvoiceInput, InvoiceQuery, InvoiceStatus, InvoiceView, PaymentInput};
use accord_api::money::{convert_minor, parse_rate, RATE_ONE};
use accord_api::{input, BacklogItemId, BacklogStatus, BilledItemId, ClientId, ContractId, InvoiceId, Page, PaymentId};
use accord_entity::{backlog_items, billed_items, clients, contracts, invoices, payments, projects};
use chrono::NaiveDate;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, QueryFilter, QueryOrder, QuerySelect, Select};
use std::collections::{HashMap, HashSet};

/// Backlog statuses that mean the client approved a change request.
pub(crate) const APPROVED: [BacklogStatus; 4] =
    [BacklogStatus::Agreed, BacklogStatus::Scheduled, BacklogStatus::InProgress, BacklogStatus::Done];
/// At most this many change requests on one invoice.
const MAX_ITEMS: usize = 50;

/// The status, paid sum and paid day that follow from an invoice's payments (`(paid_on,
/// amount)` in the order they were recorded): issued with none, partly paid below the amount,
/// paid from the payment that reaches it (its day is `paid_on`). A cancelled invoice stays so.
pub(crate) fn settle(
    amount: i64,
    cancelled: bool,
    payments: &[(NaiveDate, i64)],
) -> (InvoiceStatus, i64, Option<NaiveDate>) {
    let mut sorted = payments.to_vec();
    sorted.sort_by_key(|(day, _)| *day);
    let paid: i64 = sorted.iter().map(|(_, a)| a).sum();
    if cancelled {
        return (InvoiceStatus::Cancelled, paid, None);
    }
    if paid == 0 {
        return (InvoiceStatus::Issued, 0, None);
    }
    if paid < amount {
        return (InvoiceStatus::PartlyPaid, paid, None);
    }
    let mut sum = 0;
    let day = sorted.iter().find(|(_, a)| {
        sum += a;
        sum >= amount
    });
    (InvoiceStatus::Paid, paid, day.map(|(d, _)| *d))
}

/// Takes the invoice's row for this transaction before reading it (a no-op write: a row lock on
/// PostgreSQL, the writer lock on SQLite), so two payments at once are checked one after the
/// other and the second sees the first: never an overpayment or a stale paid total.
async fn lock(tx: &ClientTx, id: InvoiceId) -> ApiResult<()> {
    tx.update_many::<invoices::Entity>()
        .col_expr(
            invoices::Column::UpdatedAt,
            sea_orm::sea_query::SimpleExpr::from(Expr::col(invoices::Column::UpdatedAt)),
        )
        .filter(invoices::Column::Id.eq(id))
        .exec()
        .await?;
    Ok(())
}

/// Recomputes an invoice's status and paid sum from its stored payments and saves it.
async fn resettle(tx: &ClientTx, inv: invoices::Model) -> ApiResult<invoices::Model> {
    let pays: Vec<(NaiveDate, i64)> = tx
        .find::<payments::Entity>()
        .select_only()
        .column(payments::Column::PaidOn)
        .column(payments::Column::AmountMinor)
        .filter(payments::Column::InvoiceId.eq(inv.id))
        .order_by_asc(payments::Column::CreatedAt)
        .into_tuple()
        .all()
        .await?;
    let (status, paid_minor, paid_on) = settle(inv.amount_minor, inv.status == InvoiceStatus::Cancelled, &pays);
    let row = invoices::Model { status, paid_minor, paid_on, updated_at: tx.now(), ..inv };
    if !tx.update(invoices::ActiveModel::from(row.clone()).reset_all()).await? {
        return Err(FinanceError::NotFound.into());
    }
    Ok(row)
}

struct Parsed {
    number: String,
    issued_on: NaiveDate,
    due_on: NaiveDate,
    amount_minor: i64,
    currency: String,
    rate_micro: i64,
    contract_id: Option<ContractId>,
    note: String,
    /// Backlog items and their frozen prices.
    items: Vec<(BacklogItemId, i64)>,
}

/// The rate of an invoice in `currency`: 1 in the base currency, else the typed one (required).
pub(crate) fn rate_for(currency: &str, base: &str, raw: Option<&str>) -> Result<i64, FinanceError> {
    if currency == base {
        return Ok(RATE_ONE);
    }
    match raw.map(str::trim).filter(|r| !r.is_empty()) {
        None => Err(FinanceError::RateRequired),
        Some(r) => parse_rate(r).ok_or(FinanceError::BadRate),
    }
}

/// Whether `amount` in `currency` at `rate_micro` stays within the amount cap in the base
/// currency (totals add these up: an absurd rate must not overflow them).
pub(crate) fn converts(amount: i64, currency: &str, rate_micro: i64, base: &str) -> bool {
    convert_minor(amount, currency, rate_micro, base) <= accord_api::input::MONEY_MAX_MINOR
}

/// Checks the form; `this` is the invoice being changed (its own number and billed items are
/// no conflict).
async fn parse(tx: &ClientTx, ctx: &Ctx, body: InvoiceInput, this: Option<InvoiceId>) -> ApiResult<Parsed> {
    let number = input::Name::parse(&body.number).field("number")?;
    let issued_on = input::Day::check(body.issued_on).field("issued_on")?;
    let due_on = input::Day::check(body.due_on).field("due_on")?;
    if due_on < issued_on {
        return Err(FinanceError::DueBeforeIssued.into());
    }
    let currency = currency_or_base(body.currency.as_deref(), &ctx.settings, "currency")?;
    let rate_micro = rate_for(&currency, &ctx.settings.base, body.rate.as_deref())?;
    let note = input::Note::parse(&body.note).field("note")?;
    if let Some(c) = body.contract_id {
        if tx.find::<contracts::Entity>().filter(contracts::Column::Id.eq(c)).count().await? == 0 {
            return Err(FinanceError::UnknownContract.into());
        }
    }
    let mut ids: Vec<BacklogItemId> = Vec::new();
    for id in body.backlog_item_ids {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    if ids.len() > MAX_ITEMS {
        return Err(FinanceError::TooManyItems.into());
    }
    let mut items = Vec::new();
    if !ids.is_empty() {
        let found: HashMap<BacklogItemId, backlog_items::Model> = tx
            .find::<backlog_items::Entity>()
            .filter(backlog_items::Column::Id.is_in(ids.clone()))
            .all()
            .await?
            .into_iter()
            .map(|i| (i.id, i))
            .collect();
        for id in &ids {
            let item = found.get(id).ok_or(FinanceError::NotBillable)?;
            let price = item.frozen_price_minor.filter(|_| item.change_request && APPROVED.contains(&item.status));
            let price = price.ok_or(FinanceError::NotBillable)?;
            if item.currency != currency {
                return Err(FinanceError::ItemCurrency.into());
            }
            items.push((*id, price));
        }
        // Billed by another invoice (the unique index holds this across the agency too).
        let mut billed = tx.find::<billed_items::Entity>().filter(billed_items::Column::BacklogItemId.is_in(ids));
        if let Some(this) = this {
            billed = billed.filter(billed_items::Column::InvoiceId.ne(this));
        }
        if billed.count().await? > 0 {
            return Err(FinanceError::AlreadyBilled.into());
        }
    }
    let amount_minor = match body.amount_minor {
        Some(a) => input::Amount::check(a).field("amount_minor")?,
        None if !items.is_empty() => items.iter().map(|(_, p)| p).sum(),
        None => return Err(FinanceError::AmountRequired.into()),
    };
    if amount_minor <= 0 {
        return Err(FinanceError::AmountZero.into());
    }
    input::Amount::check(amount_minor).field("amount_minor")?;
    if !converts(amount_minor, &currency, rate_micro, &ctx.settings.base) {
        return Err(FinanceError::BadRate.into());
    }
    // Numbers are unique in the agency, whoever's client has the other one.
    let mut same = tx
        .agency()
        .find_in::<invoices::Entity>(&VisibleClients::for_existence_checks())
        .filter(invoices::Column::Number.eq(number.clone()));
    if let Some(this) = this {
        same = same.filter(invoices::Column::Id.ne(this));
    }
    if same.count().await? > 0 {
        return Err(FinanceError::DuplicateNumber.into());
    }
    Ok(Parsed {
        number,
        issued_on,
        due_on,
        amount_minor,
        currency,
        rate_micro,
        contract_id: body.contract_id,
        note,
        items,
    })
}

async fn billed_rows(tx: &ClientTx, invoice: InvoiceId, items: &[(BacklogItemId, i64)]) -> ApiResult<()> {
    let rows = items.iter().map(|(item, price)| {
        billed_items::ActiveModel::from(billed_items::Model {
            id: BilledItemId::new(),
            agency_id: tx.agency_id(),
            client_id: tx.client_id(),
            invoice_id: invoice,
            backlog_item_id: *item,
            amount_minor: *price,
        })
    });
    let rows: Vec<_> = rows.collect();
    if !rows.is_empty() {
        tx.insert_many(rows).await?;
    }
    Ok(())
}

pub(crate) async fn view_of(tx: &ClientTx, ctx: &Ctx, row: invoices::Model) -> ApiResult<InvoiceView> {
    let mut views = view::invoices(tx.agency(), vec![row], ctx).await?;
    views.pop().ok_or_else(|| FinanceError::NotFound.into())
}

/// The client's invoices, newest issued first.
pub async fn client_list(state: &AppState, staff: &Staff, client: ClientId) -> ApiResult<Vec<InvoiceView>> {
    let tx = open_client(state, staff, client, false).await?;
    let ctx = settings::ctx(tx.agency()).await?;
    let rows = tx
        .find::<invoices::Entity>()
        .order_by_desc(invoices::Column::IssuedOn)
        .order_by_desc(invoices::Column::CreatedAt)
        .all()
        .await?;
    let views = view::invoices(tx.agency(), rows, &ctx).await?;
    tx.commit().await?;
    Ok(views)
}

#[tracing::instrument(skip(state, body))]
pub async fn create(state: &AppState, staff: &Staff, client: ClientId, body: InvoiceInput) -> ApiResult<InvoiceView> {
    let tx = open_client(state, staff, client, true).await?;
    let ctx = settings::ctx(tx.agency()).await?;
    let p = parse(&tx, &ctx, body, None).await?;
    let now = tx.now();
    let row = invoices::Model {
        id: InvoiceId::new(),
        agency_id: tx.agency_id(),
        client_id: tx.client_id(),
        contract_id: p.contract_id,
        number: p.number,
        issued_on: p.issued_on,
        due_on: p.due_on,
        amount_minor: p.amount_minor,
        base_minor: convert_minor(p.amount_minor, &p.currency, p.rate_micro, &ctx.settings.base),
        currency: p.currency,
        rate_micro: p.rate_micro,
        status: InvoiceStatus::Issued,
        paid_minor: 0,
        paid_on: None,
        note: p.note,
        created_by: Some(staff.user()),
        created_at: now,
        updated_at: now,
    };
    tx.insert(invoices::ActiveModel::from(row.clone())).await?;
    billed_rows(&tx, row.id, &p.items).await?;
    crate::revenue::payments_changed(&tx).await?;
    let view = view_of(&tx, &ctx, row).await?;
    tx.commit().await?;
    Ok(view)
}

async fn open_invoice(state: &AppState, staff: &Staff, id: InvoiceId) -> ApiResult<(ClientTx, invoices::Model)> {
    let tx = open_owned::<invoices::Entity>(state, staff, invoices::Column::Id, id).await?;
    lock(&tx, id).await?;
    let row =
        tx.find::<invoices::Entity>().filter(invoices::Column::Id.eq(id)).one().await?.ok_or(FinanceError::NotFound)?;
    Ok((tx, row))
}

/// Rewrites an invoice from the form: not once cancelled; the currency stays once paid into;
/// the amount not below what is paid. A new rate converts the invoice and its payments again.
#[tracing::instrument(skip(state, body))]
pub async fn update(state: &AppState, staff: &Staff, id: InvoiceId, body: InvoiceInput) -> ApiResult<InvoiceView> {
    let (tx, old) = open_invoice(state, staff, id).await?;
    if old.status == InvoiceStatus::Cancelled {
        return Err(FinanceError::Cancelled.into());
    }
    let ctx = settings::ctx(tx.agency()).await?;
    let p = parse(&tx, &ctx, body, Some(id)).await?;
    let pays = tx.find::<payments::Entity>().filter(payments::Column::InvoiceId.eq(id)).all().await?;
    if !pays.is_empty() && p.currency != old.currency {
        return Err(FinanceError::CurrencyLocked.into());
    }
    if p.amount_minor < old.paid_minor {
        return Err(FinanceError::BelowPaid.into());
    }
    let base = &ctx.settings.base;
    if p.rate_micro != old.rate_micro {
        for pay in pays {
            let base_minor = convert_minor(pay.amount_minor, &p.currency, p.rate_micro, base);
            tx.update(payments::ActiveModel::from(payments::Model { base_minor, ..pay }).reset_all()).await?;
        }
    }
    let row = invoices::Model {
        contract_id: p.contract_id,
        number: p.number,
        issued_on: p.issued_on,
        due_on: p.due_on,
        amount_minor: p.amount_minor,
        base_minor: convert_minor(p.amount_minor, &p.currency, p.rate_micro, base),
        currency: p.currency,
        rate_micro: p.rate_micro,
        note: p.note,
        ..old
    };
    tx.delete_many::<billed_items::Entity>().filter(billed_items::Column::InvoiceId.eq(id)).exec().await?;
    billed_rows(&tx, id, &p.items).await?;
    let row = resettle(&tx, row).await?;
    crate::revenue::payments_changed(&tx).await?;
    let view = view_of(&tx, &ctx, row).await?;
    tx.commit().await?;
    Ok(view)
}

/// Cancels an invoice without payments (409 with payments); its change requests become
/// billable again. Cancelling a cancelled invoice changes nothing.
#[tracing::instrument(skip(state))]
pub async fn cancel(state: &AppState, staff: &Staff, id: InvoiceId) -> ApiResult<InvoiceView> {
    let (tx, old) = open_invoice(state, staff, id).await?;
    let ctx = settings::ctx(tx.agency()).await?;
    if old.status == InvoiceStatus::Cancelled {
        let view = view_of(&tx, &ctx, old).await?;
        tx.commit().await?;
        return Ok(view);
    }
    if tx.find::<payments::Entity>().filter(payments::Column::InvoiceId.eq(id)).count().await? > 0 {
        return Err(FinanceError::HasPayments.into());
    }
    tx.delete_many::<billed_items::Entity>().filter(billed_items::Column::InvoiceId.eq(id)).exec().await?;
    let row = invoices::Model { status: InvoiceStatus::Cancelled, paid_on: None, updated_at: tx.now(), ..old };
    if !tx.update(invoices::ActiveModel::from(row.clone()).reset_all()).await? {
        return Err(FinanceError::NotFound.into());
    }
    crate::revenue::payments_changed(&tx).await?;
    let view = view_of(&tx, &ctx, row).await?;
    tx.commit().await?;
    Ok(view)
}

/// Records a payment (in the invoice's currency, at most what remains) and answers with the
/// invoice as it is now.
#[tracing::instrument(skip(state, body))]
pub async fn add_payment(state: &AppState, staff: &Staff, id: InvoiceId, body: PaymentInput) -> ApiResult<InvoiceView> {
    let (tx, inv) = open_invoice(state, staff, id).await?;
    if inv.status == InvoiceStatus::Cancelled {
        return Err(FinanceError::Cancelled.into());
    }
    let ctx = settings::ctx(tx.agency()).await?;
    let paid_on = input::Day::check(body.paid_on).field("paid_on")?;
    if paid_on > ctx.today {
        return Err(FinanceError::PaidInFuture.into());
    }
    if paid_on < inv.issued_on {
        return Err(FinanceError::PaidBeforeIssued.into());
    }
    let amount = input::Amount::check(body.amount_minor).field("amount_minor")?;
    if amount <= 0 {
        return Err(FinanceError::AmountZero.into());
    }
    if amount > inv.amount_minor - inv.paid_minor {
        return Err(FinanceError::Overpayment.into());
    }
    let note = input::Note::parse(&body.note).field("note")?;
    let row = payments::Model {
        id: PaymentId::new(),
        agency_id: tx.agency_id(),
        client_id: tx.client_id(),
        invoice_id: id,
        paid_on,
        amount_minor: amount,
        base_minor: convert_minor(amount, &inv.currency, inv.rate_micro, &ctx.settings.base),
        note,
        created_by: Some(staff.user()),
        created_at: tx.now(),
    };
    tx.insert(payments::ActiveModel::from(row)).await?;
    let inv = resettle(&tx, inv).await?;
    crate::revenue::payments_changed(&tx).await?;
    let view = view_of(&tx, &ctx, inv).await?;
    tx.commit().await?;
    Ok(view)
}

/// Deletes a payment recorded by mistake and answers with its invoice as it is now.
#[tracing::instrument(skip(state))]
pub async fn delete_payment(state: &AppState, staff: &Staff, id: PaymentId) -> ApiResult<InvoiceView> {
    let tx = open_owned::<payments::Entity>(state, staff, payments::Column::Id, id).await?;
    let pay =
        tx.find::<payments::Entity>().filter(payments::Column::Id.eq(id)).one().await?.ok_or(FinanceError::NotFound)?;
    lock(&tx, pay.invoice_id).await?;
    let inv = tx
        .find::<invoices::Entity>()
        .filter(invoices::Column::Id.eq(pay.invoice_id))
        .one()
        .await?
        .ok_or(FinanceError::NotFound)?;
    tx.delete_many::<payments::Entity>().filter(payments::Column::Id.eq(id)).exec().await?;
    let inv = resettle(&tx, inv).await?;
    crate::revenue::payments_changed(&tx).await?;
    let ctx = settings::ctx(tx.agency()).await?;
    let view = view_of(&tx, &ctx, inv).await?;
    tx.commit().await?;
    Ok(view)
}

/// Approved change requests of the client with a price, not billed yet, oldest approval first.
pub async fn billable(state: &AppState, staff: &Staff, client: ClientId) -> ApiResult<Vec<BillableItem>> {
    let tx = open_client(state, staff, client, false).await?;
    let billed: HashSet<BacklogItemId> = tx
        .find::<billed_items::Entity>()
        .select_only()
        .column(billed_items::Column::BacklogItemId)
        .into_tuple::<BacklogItemId>()
        .all()
        .await?
        .into_iter()
        .collect();
    let items: Vec<backlog_items::Model> = tx
        .find::<backlog_items::Entity>()
        .filter(backlog_items::Column::ChangeRequest.eq(true))
        .filter(backlog_items::Column::Status.is_in(APPROVED))
        .filter(backlog_items::Column::FrozenPriceMinor.is_not_null())
        .order_by_asc(backlog_items::Column::DecidedAt)
        .order_by_asc(backlog_items::Column::CreatedAt)
        .all()
        .await?
        .into_iter()
        .filter(|i| !billed.contains(&i.id))
        .collect();
    let projects: HashMap<accord_api::ProjectId, String> =
        tx.find::<projects::Entity>().all().await?.into_iter().map(|p| (p.id, p.name)).collect();
    tx.commit().await?;
    Ok(items
        .into_iter()
        .filter_map(|i| {
            Some(BillableItem {
                backlog_item_id: i.id,
                project_id: i.project_id,
                project_name: projects.get(&i.project_id).cloned().unwrap_or_default(),
                title: i.title,
                status: i.status,
                price_minor: i.frozen_price_minor?,
                currency: i.currency,
                approved_at: i.decided_at,
            })
        })
        .collect())
}

/// What an agency-wide list or export reads: the caller's clients (owners and admins every
/// client, account managers the ones they manage; specialists 403), narrowed by the filters.
pub(crate) struct Filter {
    scope: VisibleClients,
    managed: Option<Vec<ClientId>>,
    q: InvoiceQuery,
    today: NaiveDate,
}

impl Filter {
    pub(crate) async fn new(tx: &TenantTx, staff: &Staff, q: &InvoiceQuery, today: NaiveDate) -> ApiResult<Self> {
        super::require_money(staff)?;
        let scope = VisibleClients::for_surveys(tx, staff).await?;
        if q.client.is_some_and(|c| !scope.contains(c)) {
            return Err(ApiError::not_found());
        }
        let managed = match q.manager {
            None => None,
            Some(m) => Some(
                tx.find_in::<clients::Entity>(&scope)
                    .select_only()
                    .column(clients::Column::Id)
                    .filter(clients::Column::AccountManagerId.eq(m))
                    .into_tuple()
                    .all()
                    .await?,
            ),
        };
        Ok(Self { scope, managed, q: q.clone(), today })
    }

    pub(crate) fn query<'a>(&self, tx: &'a TenantTx) -> Scoped<'a, Select<invoices::Entity>> {
        let mut query = tx.find_in::<invoices::Entity>(&self.scope);
        if let Some(c) = self.q.client {
            query = query.filter(invoices::Column::ClientId.eq(c));
        }
        if let Some(m) = &self.managed {
            query = query.filter(invoices::Column::ClientId.is_in(m.iter().copied()));
        }
        if let Some(s) = self.q.status {
            query = query.filter(invoices::Column::Status.eq(s));
        }
        if self.q.overdue == Some(true) {
            query = query
                .filter(invoices::Column::Status.is_in([InvoiceStatus::Issued, InvoiceStatus::PartlyPaid]))
                .filter(invoices::Column::DueOn.lt(self.today));
        }
        if self.q.overdue == Some(true) {
            query.order_by_asc(invoices::Column::DueOn).order_by_asc(invoices::Column::Number)
        } else {
            query.order_by_desc(invoices::Column::IssuedOn).order_by_desc(invoices::Column::Number)
        }
    }
}

/// The agency-wide list, newest issued first (overdue-only: oldest due first), a page at a time.
pub async fn list(state: &AppState, staff: &Staff, q: &InvoiceQuery) -> ApiResult<Page<InvoiceView>> {
    super::require_money(staff)?;
    let paging = Paging::parse(q.page, q.per_page, 25)?;
    let tx = state.db.tenant_read(staff).await?;
    let ctx = settings::ctx(&tx).await?;
    let filter = Filter::new(&tx, staff, q, ctx.today).await?;
    let total = filter.query(&tx).count().await?;
    let rows = filter.query(&tx).offset(paging.offset()).limit(paging.limit()).all().await?;
    let items = view::invoices(&tx, rows, &ctx).await?;
    tx.commit().await?;
    Ok(paging.page_of(items, total))
}
