//! Rows become wire shapes here, with the lookups they need done in bulk (a constant number
//! of queries per list, whatever its length).

use super::settings::Ctx;
use crate::clients::access::VisibleClients;
use crate::clients::view::{staff_names, staff_ref};
use crate::db::TenantTx;
use crate::error::ApiResult;
use accord_api::finance::{BilledItemView, ClosingDocumentView, ContractView, InvoiceStatus, InvoiceView, PaymentView};
use accord_api::money::rate_text;
use accord_api::{BacklogItemId, ClientId, ContractId, InvoiceId, ProjectId, ServiceId, UserId};
use accord_entity::{
    backlog_items, billed_items, clients, closing_documents, contracts, invoices, payments, projects, services,
};
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::{HashMap, HashSet};

/// The rows given were narrowed to what the caller may see already; the lookups read the
/// agency's rows they point at.
fn every() -> VisibleClients {
    VisibleClients::whole_agency()
}

fn dedup<T: Copy + Eq + std::hash::Hash>(it: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut seen = HashSet::new();
    it.into_iter().filter(|x| seen.insert(*x)).collect()
}

fn days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from((to - from).num_days().max(0)).unwrap_or(u32::MAX)
}

pub(crate) async fn client_names(tx: &TenantTx, ids: Vec<ClientId>) -> ApiResult<HashMap<ClientId, String>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(tx
        .find_in::<clients::Entity>(&every())
        .select_only()
        .column(clients::Column::Id)
        .column(clients::Column::Name)
        .filter(clients::Column::Id.is_in(ids))
        .into_tuple::<(ClientId, String)>()
        .all()
        .await?
        .into_iter()
        .collect())
}

pub(crate) async fn contract_titles(tx: &TenantTx, ids: Vec<ContractId>) -> ApiResult<HashMap<ContractId, String>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(tx
        .find_in::<contracts::Entity>(&every())
        .select_only()
        .column(contracts::Column::Id)
        .column(contracts::Column::Title)
        .filter(contracts::Column::Id.is_in(ids))
        .into_tuple::<(ContractId, String)>()
        .all()
        .await?
        .into_iter()
        .collect())
}

/// Contracts with their project and service names and how many invoices link to each.
pub(crate) async fn contracts(tx: &TenantTx, rows: Vec<contracts::Model>) -> ApiResult<Vec<ContractView>> {
    let project_ids: Vec<ProjectId> = dedup(rows.iter().filter_map(|r| r.project_id));
    let service_ids: Vec<ServiceId> = dedup(rows.iter().filter_map(|r| r.service_id));
    let projects: HashMap<ProjectId, String> = if project_ids.is_empty() {
        HashMap::new()
    } else {
        tx.find_in::<projects::Entity>(&every())
            .select_only()
            .column(projects::Column::Id)
            .column(projects::Column::Name)
            .filter(projects::Column::Id.is_in(project_ids))
            .into_tuple::<(ProjectId, String)>()
            .all()
            .await?
            .into_iter()
            .collect()
    };
    let services: HashMap<ServiceId, String> = if service_ids.is_empty() {
        HashMap::new()
    } else {
        tx.find::<services::Entity>()
            .select_only()
            .column(services::Column::Id)
            .column(services::Column::Name)
            .filter(services::Column::Id.is_in(service_ids))
            .into_tuple::<(ServiceId, String)>()
            .all()
            .await?
            .into_iter()
            .collect()
    };
    let ids: Vec<ContractId> = rows.iter().map(|r| r.id).collect();
    let mut counts: HashMap<ContractId, u32> = HashMap::new();
    if !ids.is_empty() {
        let linked: Vec<Option<ContractId>> = tx
            .find_in::<invoices::Entity>(&every())
            .select_only()
            .column(invoices::Column::ContractId)
            .filter(invoices::Column::ContractId.is_in(ids))
            .into_tuple()
            .all()
            .await?;
        for c in linked.into_iter().flatten() {
            *counts.entry(c).or_default() += 1;
        }
    }
    let names = staff_names(tx, dedup(rows.iter().map(|r| r.created_by))).await?;
    Ok(rows
        .into_iter()
        .map(|r| ContractView {
            id: r.id,
            client_id: r.client_id,
            project_name: r.project_id.and_then(|p| projects.get(&p).cloned()),
            service_name: r.service_id.and_then(|s| services.get(&s).cloned()),
            invoice_count: counts.get(&r.id).copied().unwrap_or(0),
            created_by: staff_ref(Some(r.created_by), &names),
            title: r.title,
            kind: r.kind,
            currency: r.currency,
            amount_minor: r.amount_minor,
            starts_on: r.starts_on,
            ends_on: r.ends_on,
            renews_on: r.renews_on,
            status: r.status,
            project_id: r.project_id,
            service_id: r.service_id,
            note: r.note,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
        .collect())
}

/// Whether an invoice is overdue on `today`: not cancelled, not fully paid, due before today.
pub(crate) fn is_overdue(status: InvoiceStatus, due_on: NaiveDate, today: NaiveDate) -> bool {
    matches!(status, InvoiceStatus::Issued | InvoiceStatus::PartlyPaid) && due_on < today
}

/// Invoices with their payments (oldest first), billed items, closing document counts, client
/// names and contract titles: seven queries for any number of invoices.
pub(crate) async fn invoices(tx: &TenantTx, rows: Vec<invoices::Model>, ctx: &Ctx) -> ApiResult<Vec<InvoiceView>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<InvoiceId> = rows.iter().map(|r| r.id).collect();
    let clients = client_names(tx, dedup(rows.iter().map(|r| r.client_id))).await?;
    let contracts = contract_titles(tx, dedup(rows.iter().filter_map(|r| r.contract_id))).await?;
    let pays = tx
        .find_in::<payments::Entity>(&every())
        .filter(payments::Column::InvoiceId.is_in(ids.clone()))
        .order_by_asc(payments::Column::PaidOn)
        .order_by_asc(payments::Column::CreatedAt)
        .all()
        .await?;
    let billed = tx
        .find_in::<billed_items::Entity>(&every())
        .filter(billed_items::Column::InvoiceId.is_in(ids.clone()))
        .all()
        .await?;
    let item_ids: Vec<BacklogItemId> = billed.iter().map(|b| b.backlog_item_id).collect();
    let titles: HashMap<BacklogItemId, String> = if item_ids.is_empty() {
        HashMap::new()
    } else {
        tx.find_in::<backlog_items::Entity>(&every())
            .select_only()
            .column(backlog_items::Column::Id)
            .column(backlog_items::Column::Title)
            .filter(backlog_items::Column::Id.is_in(item_ids))
            .into_tuple::<(BacklogItemId, String)>()
            .all()
            .await?
            .into_iter()
            .collect()
    };
    let docs: Vec<Option<InvoiceId>> = tx
        .find_in::<closing_documents::Entity>(&every())
        .select_only()
        .column(closing_documents::Column::InvoiceId)
        .filter(closing_documents::Column::InvoiceId.is_in(ids))
        .into_tuple()
        .all()
        .await?;
    let mut doc_counts: HashMap<InvoiceId, u32> = HashMap::new();
    for d in docs.into_iter().flatten() {
        *doc_counts.entry(d).or_default() += 1;
    }
    let people: Vec<UserId> =
        dedup(rows.iter().filter_map(|r| r.created_by).chain(pays.iter().filter_map(|p| p.created_by)));
    let names = staff_names(tx, people).await?;
    let currency: HashMap<InvoiceId, String> = rows.iter().map(|r| (r.id, r.currency.clone())).collect();
    let mut by_invoice: HashMap<InvoiceId, Vec<PaymentView>> = HashMap::new();
    for p in pays {
        by_invoice.entry(p.invoice_id).or_default().push(PaymentView {
            id: p.id,
            invoice_id: p.invoice_id,
            paid_on: p.paid_on,
            amount_minor: p.amount_minor,
            currency: currency.get(&p.invoice_id).cloned().unwrap_or_default(),
            base_minor: p.base_minor,
            note: p.note,
            created_by: staff_ref(p.created_by, &names),
            created_at: p.created_at,
        });
    }
    let mut items: HashMap<InvoiceId, Vec<BilledItemView>> = HashMap::new();
    for b in billed {
        items.entry(b.invoice_id).or_default().push(BilledItemView {
            id: b.id,
            backlog_item_id: b.backlog_item_id,
            title: titles.get(&b.backlog_item_id).cloned().unwrap_or_default(),
            amount_minor: b.amount_minor,
        });
    }
    Ok(rows
        .into_iter()
        .map(|r| {
            let overdue = is_overdue(r.status, r.due_on, ctx.today);
            let remaining =
                if r.status == InvoiceStatus::Cancelled { 0 } else { (r.amount_minor - r.paid_minor).max(0) };
            InvoiceView {
                id: r.id,
                client_id: r.client_id,
                client_name: clients.get(&r.client_id).cloned().unwrap_or_default(),
                contract_id: r.contract_id,
                contract_title: r.contract_id.and_then(|c| contracts.get(&c).cloned()),
                number: r.number,
                issued_on: r.issued_on,
                due_on: r.due_on,
                amount_minor: r.amount_minor,
                currency: r.currency,
                rate_micro: r.rate_micro,
                rate: rate_text(r.rate_micro),
                base_minor: r.base_minor,
                base_currency: ctx.settings.base.clone(),
                status: r.status,
                paid_minor: r.paid_minor,
                remaining_minor: remaining,
                paid_on: r.paid_on,
                overdue,
                days_overdue: overdue.then(|| days_between(r.due_on, ctx.today)),
                note: r.note,
                payments: by_invoice.remove(&r.id).unwrap_or_default(),
                billed_items: items.remove(&r.id).unwrap_or_default(),
                closing_documents: doc_counts.get(&r.id).copied().unwrap_or(0),
                created_by: staff_ref(r.created_by, &names),
                created_at: r.created_at,
                updated_at: r.updated_at,
            }
        })
        .collect())
}

/// Closing documents with their invoice numbers and contract titles.
pub(crate) async fn documents(
    tx: &TenantTx,
    rows: Vec<closing_documents::Model>,
    ctx: &Ctx,
) -> ApiResult<Vec<ClosingDocumentView>> {
    let invoice_ids: Vec<InvoiceId> = dedup(rows.iter().filter_map(|r| r.invoice_id));
    let numbers: HashMap<InvoiceId, String> = if invoice_ids.is_empty() {
        HashMap::new()
    } else {
        tx.find_in::<invoices::Entity>(&every())
            .select_only()
            .column(invoices::Column::Id)
            .column(invoices::Column::Number)
            .filter(invoices::Column::Id.is_in(invoice_ids))
            .into_tuple::<(InvoiceId, String)>()
            .all()
            .await?
            .into_iter()
            .collect()
    };
    let contracts = contract_titles(tx, dedup(rows.iter().filter_map(|r| r.contract_id))).await?;
    let names = staff_names(tx, dedup(rows.iter().filter_map(|r| r.created_by))).await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let unsigned_days = r.signed_on.is_none().then(|| days_between(r.issued_on, ctx.today));
            ClosingDocumentView {
                id: r.id,
                client_id: r.client_id,
                kind: r.kind,
                number: r.number,
                issued_on: r.issued_on,
                amount_minor: r.amount_minor,
                currency: r.currency,
                invoice_id: r.invoice_id,
                invoice_number: r.invoice_id.and_then(|i| numbers.get(&i).cloned()),
                contract_id: r.contract_id,
                contract_title: r.contract_id.and_then(|c| contracts.get(&c).cloned()),
                signed_on: r.signed_on,
                unsigned_too_long: unsigned_days.is_some_and(|d| d > ctx.settings.act_days),
                unsigned_days,
                created_by: staff_ref(r.created_by, &names),
                created_at: r.created_at,
                updated_at: r.updated_at,
            }
        })
        .collect())
}
