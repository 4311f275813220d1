//! The CSV import of historical invoices and their payments, and the export in the same
//! columns (see `accord_api::finance::InvoiceImportResult` for the format). The import is all
//! or nothing: every row is checked, errors name the row and the column, and nothing is stored
//! unless all rows are good. Numbers already stored, or rows repeating an invoice with other
//! values, are refused. The export writes one row per payment (an invoice without payments:
//! one row with the payment columns empty), so an export reads back as it was; cells that a
//! spreadsheet would run as formulas are defused.

use super::invoices::{converts, rate_for, settle, Filter};
use super::settings::{self, Settings};
use crate::clients::access::VisibleClients;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::error::RowError;
use accord_api::finance::{InvoiceImportResult, InvoiceQuery, InvoiceStatus, INVOICE_CSV_COLUMNS};
use accord_api::money::{convert_minor, major_text, parse_currency, rate_text};
use accord_api::{input, ClientId, ContractId, InvoiceId, Money, PaymentId};
use accord_entity::{clients, contracts, invoices, payments};
use chrono::{Datelike, NaiveDate};
use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
use std::collections::{HashMap, HashSet};

/// The largest file accepted (10 MB).
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// At most this many rows per file.
const MAX_ROWS: usize = 20_000;
/// Rows inserted per statement.
const BATCH: usize = 200;
/// At most this many invoices in one export.
const EXPORT_MAX: u64 = 100_000;

fn err(row: u32, field: &str, message: &str) -> RowError {
    RowError { row, field: field.into(), message: message.into() }
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(s, "%d.%m.%Y")).ok()
}

/// The invoice columns of a row: rows of one invoice repeat them exactly.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Head {
    client: ClientId,
    number: String,
    issued_on: NaiveDate,
    due_on: NaiveDate,
    amount_minor: i64,
    currency: String,
    rate_micro: i64,
    contract: Option<ContractId>,
    cancelled: bool,
}

struct Group {
    row: u32,
    head: Head,
    payments: Vec<(u32, NaiveDate, i64)>,
}

/// Imports the file (owners and admins), all or nothing.
#[tracing::instrument(skip(state, text))]
pub async fn import(state: &AppState, staff: &Staff, text: &str) -> ApiResult<InvoiceImportResult> {
    staff.require_admin()?;
    let tx = state.db.tenant(staff).await?;
    let ctx = settings::ctx(&tx).await?;
    let every = VisibleClients::whole_agency();
    let reject = |rows: Vec<RowError>| ApiError::import_rejected(rows);

    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() > first.matches(',').count() { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(_) => return Err(reject(vec![err(0, "header", "The file is not readable CSV.")])),
    };
    for h in &headers {
        if !INVOICE_CSV_COLUMNS.contains(&h.as_str()) {
            return Err(reject(vec![err(
                0,
                "header",
                &format!("Unknown column \"{h}\"; the columns are {}.", INVOICE_CSV_COLUMNS.join(", ")),
            )]));
        }
    }
    let col = |name: &str| headers.iter().position(|h| h == name);
    for required in ["client", "number", "issued_on", "due_on", "amount"] {
        if col(required).is_none() {
            return Err(reject(vec![err(
                0,
                "header",
                "The first line must name the columns, at least client, number, issued_on, due_on and amount.",
            )]));
        }
    }

    // What rows refer to: the agency's clients by name, their contracts by title.
    let mut by_name: HashMap<String, Vec<ClientId>> = HashMap::new();
    let client_rows: Vec<(ClientId, String)> = tx
        .find_in::<clients::Entity>(&every)
        .select_only()
        .column(clients::Column::Id)
        .column(clients::Column::Name)
        .into_tuple()
        .all()
        .await?;
    for (id, name) in client_rows {
        by_name.entry(name.trim().to_lowercase()).or_default().push(id);
    }
    let mut contract_by: HashMap<(ClientId, String), Vec<ContractId>> = HashMap::new();
    let contract_rows: Vec<(ContractId, ClientId, String)> = tx
        .find_in::<contracts::Entity>(&every)
        .select_only()
        .column(contracts::Column::Id)
        .column(contracts::Column::ClientId)
        .column(contracts::Column::Title)
        .into_tuple()
        .all()
        .await?;
    for (id, client, title) in contract_rows {
        contract_by.entry((client, title.trim().to_lowercase())).or_default().push(id);
    }

    let mut errors = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut by_number: HashMap<String, usize> = HashMap::new();
    for (n, record) in reader.records().enumerate() {
        let row = u32::try_from(n + 1).unwrap_or(u32::MAX);
        if n >= MAX_ROWS {
            errors.push(err(row, "row", &format!("At most {MAX_ROWS} rows per import.")));
            break;
        }
        let r = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(err(row, "row", &format!("Unreadable row: {e}")));
                continue;
            }
        };
        if r.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |name: &str| undefuse(col(name).and_then(|i| r.get(i)).map(str::trim).unwrap_or(""));
        let before = errors.len();
        match parse_row(row, &cell, &ctx.settings, ctx.today, &by_name, &contract_by, &mut errors) {
            Some((head, payment)) if errors.len() == before => {
                let payment = payment.map(|(d, a)| (row, d, a));
                match by_number.get(&head.number) {
                    Some(&i) if groups[i].head != head => errors.push(err(
                        row,
                        "number",
                        &format!("Row {} has this number with other invoice values.", groups[i].row),
                    )),
                    Some(&i) => groups[i].payments.extend(payment),
                    None => {
                        by_number.insert(head.number.clone(), groups.len());
                        groups.push(Group { row, head, payments: payment.into_iter().collect() });
                    }
                }
            }
            _ => {}
        }
    }
    if groups.is_empty() && errors.is_empty() {
        errors.push(err(0, "header", "The file has no rows to import."));
    }
    for g in &groups {
        if g.head.cancelled {
            if let Some((row, _, _)) = g.payments.first() {
                errors.push(err(*row, "status", "A cancelled invoice has no payments."));
            }
            continue;
        }
        let mut sum = 0;
        for (row, _, amount) in &g.payments {
            sum += amount;
            if sum > g.head.amount_minor {
                errors.push(err(*row, "paid_amount", "The payments add up to more than the invoice's amount."));
                break;
            }
        }
    }
    // Numbers stored already.
    let numbers: Vec<String> = groups.iter().map(|g| g.head.number.clone()).collect();
    let mut stored: HashSet<String> = HashSet::new();
    for chunk in numbers.chunks(500) {
        stored.extend(
            tx.find_in::<invoices::Entity>(&every)
                .select_only()
                .column(invoices::Column::Number)
                .filter(invoices::Column::Number.is_in(chunk.iter().cloned()))
                .into_tuple::<String>()
                .all()
                .await?,
        );
    }
    for g in &groups {
        if stored.contains(&g.head.number) {
            errors.push(err(g.row, "number", "An invoice with this number is stored already."));
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.row);
        return Err(reject(errors));
    }

    let now = tx.now();
    let base = &ctx.settings.base;
    let mut invoice_rows = Vec::with_capacity(groups.len());
    let mut payment_rows = Vec::new();
    for g in groups {
        let h = g.head;
        let id = InvoiceId::new();
        let pays: Vec<(NaiveDate, i64)> = g.payments.iter().map(|(_, d, a)| (*d, *a)).collect();
        let (status, paid_minor, paid_on) = settle(h.amount_minor, h.cancelled, &pays);
        for (day, amount) in pays {
            payment_rows.push(payments::ActiveModel::from(payments::Model {
                id: PaymentId::new(),
                agency_id: tx.agency_id(),
                client_id: h.client,
                invoice_id: id,
                paid_on: day,
                amount_minor: amount,
                base_minor: convert_minor(amount, &h.currency, h.rate_micro, base),
                note: String::new(),
                created_by: None,
                created_at: now,
            }));
        }
        invoice_rows.push(invoices::ActiveModel::from(invoices::Model {
            id,
            agency_id: tx.agency_id(),
            client_id: h.client,
            contract_id: h.contract,
            number: h.number,
            issued_on: h.issued_on,
            due_on: h.due_on,
            amount_minor: h.amount_minor,
            base_minor: convert_minor(h.amount_minor, &h.currency, h.rate_micro, base),
            currency: h.currency,
            rate_micro: h.rate_micro,
            status,
            paid_minor,
            paid_on,
            note: String::new(),
            created_by: None,
            created_at: now,
            updated_at: now,
        }));
    }
    let result = InvoiceImportResult {
        invoices: u32::try_from(invoice_rows.len()).unwrap_or(u32::MAX),
        payments: u32::try_from(payment_rows.len()).unwrap_or(u32::MAX),
    };
    let mut invoice_rows = invoice_rows.into_iter().peekable();
    while invoice_rows.peek().is_some() {
        tx.insert_many(invoice_rows.by_ref().take(BATCH).collect::<Vec<_>>()).await?;
    }
    let mut payment_rows = payment_rows.into_iter().peekable();
    while payment_rows.peek().is_some() {
        tx.insert_many(payment_rows.by_ref().take(BATCH).collect::<Vec<_>>()).await?;
    }
    crate::revenue::payments_changed_in_agency(&tx).await?;
    tx.commit().await?;
    Ok(result)
}

/// The export puts `'` before a text a spreadsheet would run as a formula; reading it back
/// takes it off.
fn undefuse(s: &str) -> String {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_string(),
        _ => s.to_string(),
    }
}

/// One row's invoice columns and its payment, errors pushed with their column.
#[allow(clippy::too_many_arguments)]
fn parse_row(
    row: u32,
    cell: &dyn Fn(&str) -> String,
    settings: &Settings,
    today: NaiveDate,
    by_name: &HashMap<String, Vec<ClientId>>,
    contract_by: &HashMap<(ClientId, String), Vec<ContractId>>,
    errors: &mut Vec<RowError>,
) -> Option<(Head, Option<(NaiveDate, i64)>)> {
    let client = match by_name.get(&cell("client").to_lowercase()).map(Vec::as_slice) {
        Some([one]) => Some(*one),
        Some(_) => {
            errors.push(err(row, "client", "Several clients have this name; rename one first."));
            None
        }
        None => {
            errors.push(err(row, "client", "No client of your agency has this name."));
            None
        }
    };
    let number = match input::Name::parse(&cell("number")) {
        Ok(n) => Some(n),
        Err(e) => {
            errors.push(err(row, "number", &e.message()));
            None
        }
    };
    let mut day = |name: &str| match date(&cell(name)) {
        Some(d) if d.year() >= 2000 && d.year() <= input::MAX_YEAR => Some(d),
        Some(_) => {
            errors.push(err(row, name, "Use a date from the year 2000 on."));
            None
        }
        None => {
            errors.push(err(row, name, "Write the date as YYYY-MM-DD or DD.MM.YYYY."));
            None
        }
    };
    let issued_on = day("issued_on");
    let due_on = day("due_on");
    if let (Some(i), Some(d)) = (issued_on, due_on) {
        if d < i {
            errors.push(err(row, "due_on", "The due date cannot be before the issue date."));
        }
    }
    let raw_currency = cell("currency");
    let currency = if raw_currency.is_empty() {
        Some(settings.base.clone())
    } else {
        let c = parse_currency(&raw_currency);
        if c.is_none() {
            errors.push(err(row, "currency", "Use an ISO 4217 currency code such as RUB, USD or EUR."));
        }
        c
    };
    let amount = currency.as_deref().and_then(|cur| {
        match Money::parse_major(&cell("amount"), cur).map(|m| m.amount_minor).filter(|a| *a > 0) {
            Some(a) => Some(a),
            None => {
                errors.push(err(
                    row,
                    "amount",
                    "Write the amount in the currency's units, more than 0, e.g. 30000.50.",
                ));
                None
            }
        }
    });
    let rate = currency.as_deref().and_then(|cur| match rate_for(cur, &settings.base, Some(&cell("rate"))) {
        Ok(r) if amount.is_none_or(|a| converts(a, cur, r, &settings.base)) => Some(r),
        Ok(_) => {
            errors.push(err(row, "rate", &super::FinanceError::BadRate.to_string()));
            None
        }
        Err(e) => {
            errors.push(err(row, "rate", &e.to_string()));
            None
        }
    });
    let title = cell("contract").to_lowercase();
    let contract = match (client, title.is_empty()) {
        (_, true) | (None, _) => None,
        (Some(c), false) => match contract_by.get(&(c, title)).map(Vec::as_slice) {
            Some([one]) => Some(*one),
            Some(_) => {
                errors.push(err(row, "contract", "Several contracts of this client have this title."));
                None
            }
            None => {
                errors.push(err(row, "contract", "No contract of this client has this title."));
                None
            }
        },
    };
    let status = cell("status").to_lowercase();
    let cancelled = match status.as_str() {
        "" => false,
        s => match InvoiceStatus::parse(s) {
            Some(st) => st == InvoiceStatus::Cancelled,
            None => {
                errors.push(err(row, "status", "Use issued, partly_paid, paid or cancelled, or leave it empty."));
                false
            }
        },
    };
    let (raw_day, raw_paid) = (cell("paid_on"), cell("paid_amount"));
    let payment = match (raw_day.is_empty(), raw_paid.is_empty()) {
        (true, true) => None,
        (false, true) => {
            errors.push(err(row, "paid_amount", "Give the payment's amount beside its date."));
            None
        }
        (true, false) => {
            errors.push(err(row, "paid_on", "Give the payment's date beside its amount."));
            None
        }
        (false, false) => {
            let d = match date(&raw_day) {
                Some(d) if d > today => {
                    errors.push(err(row, "paid_on", "A payment cannot be dated in the future."));
                    None
                }
                Some(d) if d.year() < 2000 => {
                    errors.push(err(row, "paid_on", "Use a date from the year 2000 on."));
                    None
                }
                Some(d) if issued_on.is_some_and(|i| d < i) => {
                    errors.push(err(row, "paid_on", &super::FinanceError::PaidBeforeIssued.to_string()));
                    None
                }
                Some(d) => Some(d),
                None => {
                    errors.push(err(row, "paid_on", "Write the date as YYYY-MM-DD or DD.MM.YYYY."));
                    None
                }
            };
            let a = currency.as_deref().and_then(|cur| {
                match Money::parse_major(&raw_paid, cur).map(|m| m.amount_minor).filter(|a| *a > 0) {
                    Some(a) => Some(a),
                    None => {
                        errors.push(err(row, "paid_amount", "Write the amount in the currency's units, more than 0."));
                        None
                    }
                }
            });
            d.zip(a)
        }
    };
    Some((
        Head {
            client: client?,
            number: number?,
            issued_on: issued_on?,
            due_on: due_on?,
            amount_minor: amount?,
            currency: currency?,
            rate_micro: rate?,
            contract,
            cancelled,
        },
        payment,
    ))
}

/// The caller's invoices with the list's filters, in the import's columns.
pub async fn export(state: &AppState, staff: &Staff, q: &InvoiceQuery) -> ApiResult<String> {
    super::require_money(staff)?;
    let tx = state.db.tenant_read(staff).await?;
    let ctx = settings::ctx(&tx).await?;
    let filter = Filter::new(&tx, staff, q, ctx.today).await?;
    let rows = filter.query(&tx).limit(EXPORT_MAX).all().await?;
    let names = super::view::client_names(&tx, dedup(rows.iter().map(|r| r.client_id))).await?;
    let titles = super::view::contract_titles(&tx, dedup(rows.iter().filter_map(|r| r.contract_id))).await?;
    let mut pays: HashMap<InvoiceId, Vec<(NaiveDate, i64)>> = HashMap::new();
    let ids: Vec<InvoiceId> = rows.iter().map(|r| r.id).collect();
    for chunk in ids.chunks(500) {
        let found: Vec<(InvoiceId, NaiveDate, i64)> = tx
            .find_in::<payments::Entity>(&VisibleClients::whole_agency())
            .select_only()
            .column(payments::Column::InvoiceId)
            .column(payments::Column::PaidOn)
            .column(payments::Column::AmountMinor)
            .filter(payments::Column::InvoiceId.is_in(chunk.iter().copied()))
            .into_tuple()
            .all()
            .await?;
        for (i, d, a) in found {
            pays.entry(i).or_default().push((d, a));
        }
    }
    tx.commit().await?;
    let mut out = vec![INVOICE_CSV_COLUMNS.iter().map(|c| c.to_string()).collect::<Vec<_>>()];
    for r in rows {
        let head = vec![
            names.get(&r.client_id).cloned().unwrap_or_default(),
            r.number.clone(),
            r.issued_on.to_string(),
            r.due_on.to_string(),
            major_text(r.amount_minor, &r.currency),
            r.currency.clone(),
            rate_text(r.rate_micro),
            r.contract_id.and_then(|c| titles.get(&c).cloned()).unwrap_or_default(),
            r.status.as_str().to_string(),
        ];
        let mut ps = pays.remove(&r.id).unwrap_or_default();
        ps.sort();
        if ps.is_empty() {
            let mut line = head.clone();
            line.extend([String::new(), String::new()]);
            out.push(line);
        }
        for (d, a) in ps {
            let mut line = head.clone();
            line.extend([d.to_string(), major_text(a, &r.currency)]);
            out.push(line);
        }
    }
    Ok(crate::clients::export::csv(out, ','))
}

fn dedup<T: Copy + Eq + std::hash::Hash>(it: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut seen = HashSet::new();
    it.into_iter().filter(|x| seen.insert(*x)).collect()
}
