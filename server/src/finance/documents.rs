//! Closing documents (акт, УПД): number, date, amount, optional invoice and contract link, and
//! the day the client signed (none yet = unsigned; unsigned longer than the agency's limit is
//! flagged so the account manager chases it). Signing is an update with `signed_on` set.

use super::contracts::currency_or_base;
use super::settings::{self, Ctx};
use super::{open_client, open_owned, view, FinanceError};
use crate::db::ClientTx;
use crate::domain::Field;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::finance::{ClosingDocumentInput, ClosingDocumentView, ClosingKind};
use accord_api::input;
use accord_api::{ClientId, ClosingDocumentId, ContractId, InvoiceId};
use accord_entity::{closing_documents, contracts, invoices};
use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, ColumnTrait, QueryFilter, QueryOrder};

struct Parsed {
    kind: ClosingKind,
    number: String,
    issued_on: NaiveDate,
    amount_minor: i64,
    currency: String,
    invoice_id: Option<InvoiceId>,
    contract_id: Option<ContractId>,
    signed_on: Option<NaiveDate>,
}

async fn parse(tx: &ClientTx, ctx: &Ctx, body: ClosingDocumentInput) -> ApiResult<Parsed> {
    let number = input::Name::parse(&body.number).field("number")?;
    let issued_on = input::Day::check(body.issued_on).field("issued_on")?;
    let amount_minor = input::Amount::check(body.amount_minor).field("amount_minor")?;
    let signed_on = input::Day::check_optional(body.signed_on).field("signed_on")?;
    if signed_on.is_some_and(|s| s < issued_on || s > ctx.today) {
        return Err(FinanceError::BadSigningDate.into());
    }
    let mut invoice_currency = None;
    if let Some(i) = body.invoice_id {
        let found = tx.find::<invoices::Entity>().filter(invoices::Column::Id.eq(i)).one().await?;
        invoice_currency = Some(found.ok_or(FinanceError::UnknownInvoice)?.currency);
    }
    if let Some(c) = body.contract_id {
        if tx.find::<contracts::Entity>().filter(contracts::Column::Id.eq(c)).count().await? == 0 {
            return Err(FinanceError::UnknownContract.into());
        }
    }
    let currency = match (body.currency.as_deref().map(str::trim).filter(|c| !c.is_empty()), invoice_currency) {
        (None, Some(c)) => c,
        (raw, _) => currency_or_base(raw, &ctx.settings, "currency")?,
    };
    Ok(Parsed {
        kind: body.kind,
        number,
        issued_on,
        amount_minor,
        currency,
        invoice_id: body.invoice_id,
        contract_id: body.contract_id,
        signed_on,
    })
}

async fn view_of(tx: &ClientTx, ctx: &Ctx, row: closing_documents::Model) -> ApiResult<ClosingDocumentView> {
    let mut views = view::documents(tx.agency(), vec![row], ctx).await?;
    views.pop().ok_or_else(|| FinanceError::NotFound.into())
}

/// The client's closing documents, newest first.
pub async fn list(state: &AppState, staff: &Staff, client: ClientId) -> ApiResult<Vec<ClosingDocumentView>> {
    let tx = open_client(state, staff, client, false).await?;
    let ctx = settings::ctx(tx.agency()).await?;
    let rows = tx
        .find::<closing_documents::Entity>()
        .order_by_desc(closing_documents::Column::IssuedOn)
        .order_by_desc(closing_documents::Column::CreatedAt)
        .all()
        .await?;
    let views = view::documents(tx.agency(), rows, &ctx).await?;
    tx.commit().await?;
    Ok(views)
}

#[tracing::instrument(skip(state, body))]
pub async fn create(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    body: ClosingDocumentInput,
) -> ApiResult<ClosingDocumentView> {
    let tx = open_client(state, staff, client, true).await?;
    let ctx = settings::ctx(tx.agency()).await?;
    let p = parse(&tx, &ctx, body).await?;
    let now = tx.now();
    let row = closing_documents::Model {
        id: ClosingDocumentId::new(),
        agency_id: tx.agency_id(),
        client_id: tx.client_id(),
        invoice_id: p.invoice_id,
        contract_id: p.contract_id,
        kind: p.kind,
        number: p.number,
        issued_on: p.issued_on,
        amount_minor: p.amount_minor,
        currency: p.currency,
        signed_on: p.signed_on,
        created_by: Some(staff.user()),
        created_at: now,
        updated_at: now,
    };
    tx.insert(closing_documents::ActiveModel::from(row.clone())).await?;
    let view = view_of(&tx, &ctx, row).await?;
    tx.commit().await?;
    Ok(view)
}

/// Rewrites a closing document from the form (signing sets `signed_on`).
#[tracing::instrument(skip(state, body))]
pub async fn update(
    state: &AppState,
    staff: &Staff,
    id: ClosingDocumentId,
    body: ClosingDocumentInput,
) -> ApiResult<ClosingDocumentView> {
    let tx = open_owned::<closing_documents::Entity>(state, staff, closing_documents::Column::Id, id).await?;
    let old = tx
        .find::<closing_documents::Entity>()
        .filter(closing_documents::Column::Id.eq(id))
        .one()
        .await?
        .ok_or(FinanceError::NotFound)?;
    let ctx = settings::ctx(tx.agency()).await?;
    let p = parse(&tx, &ctx, body).await?;
    let row = closing_documents::Model {
        invoice_id: p.invoice_id,
        contract_id: p.contract_id,
        kind: p.kind,
        number: p.number,
        issued_on: p.issued_on,
        amount_minor: p.amount_minor,
        currency: p.currency,
        signed_on: p.signed_on,
        updated_at: tx.now(),
        ..old
    };
    if !tx.update(closing_documents::ActiveModel::from(row.clone()).reset_all()).await? {
        return Err(FinanceError::NotFound.into());
    }
    let view = view_of(&tx, &ctx, row).await?;
    tx.commit().await?;
    Ok(view)
}
