//! A client's contracts: a retainer (monthly fee) or a project (total), in any currency, with
//! start, end (or open-ended), renewal date and status, optionally linked to one of the
//! client's projects and a catalogue service. A contract invoices link to is not deleted (409).

use super::settings::{self, Settings};
use super::{open_client, open_owned, view, FinanceError};
use crate::db::ClientTx;
use crate::domain::Field;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::finance::{ContractInput, ContractKind, ContractStatus, ContractView};
use accord_api::input;
use accord_api::{ClientId, ContractId, ProjectId, ServiceId};
use accord_entity::{client_services, closing_documents, contracts, invoices, projects, services, upsells};
use chrono::NaiveDate;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, QueryFilter, QueryOrder};

struct Parsed {
    title: String,
    kind: ContractKind,
    currency: String,
    amount_minor: i64,
    starts_on: NaiveDate,
    ends_on: Option<NaiveDate>,
    renews_on: Option<NaiveDate>,
    status: ContractStatus,
    project_id: Option<ProjectId>,
    service_id: Option<ServiceId>,
    note: String,
}

/// A currency typed in a form: blank is the base currency.
pub(crate) fn currency_or_base(raw: Option<&str>, s: &Settings, field: &'static str) -> ApiResult<String> {
    match raw.map(str::trim).filter(|c| !c.is_empty()) {
        None => Ok(s.base.clone()),
        Some(c) => Ok(accord_api::money::parse_currency(c).ok_or(FinanceError::UnknownCurrency { field })?),
    }
}

async fn parse(tx: &ClientTx, body: ContractInput) -> ApiResult<Parsed> {
    let title = input::Name::parse(&body.title).field("title")?;
    let s = settings::load(tx.agency()).await?;
    let currency = currency_or_base(body.currency.as_deref(), &s, "currency")?;
    let amount_minor = input::Amount::check(body.amount_minor).field("amount_minor")?;
    let starts_on = input::Day::check(body.starts_on).field("starts_on")?;
    let ends_on = input::Day::check_optional(body.ends_on).field("ends_on")?;
    let renews_on = input::Day::check_optional(body.renews_on).field("renews_on")?;
    if ends_on.is_some_and(|e| e < starts_on) {
        return Err(FinanceError::BeforeStart { field: "ends_on" }.into());
    }
    if renews_on.is_some_and(|r| r < starts_on) {
        return Err(FinanceError::BeforeStart { field: "renews_on" }.into());
    }
    let note = input::Note::parse(&body.note).field("note")?;
    if let Some(p) = body.project_id {
        if tx.find::<projects::Entity>().filter(projects::Column::Id.eq(p)).count().await? == 0 {
            return Err(FinanceError::UnknownProject.into());
        }
    }
    if let Some(sv) = body.service_id {
        if tx.agency().find::<services::Entity>().filter(services::Column::Id.eq(sv)).count().await? == 0 {
            return Err(FinanceError::UnknownService.into());
        }
    }
    Ok(Parsed {
        title,
        kind: body.kind,
        currency,
        amount_minor,
        starts_on,
        ends_on,
        renews_on,
        status: body.status,
        project_id: body.project_id,
        service_id: body.service_id,
        note,
    })
}

async fn view_of(tx: &ClientTx, row: contracts::Model) -> ApiResult<ContractView> {
    let mut views = view::contracts(tx.agency(), vec![row]).await?;
    views.pop().ok_or_else(|| FinanceError::NotFound.into())
}

/// The client's contracts: active first, then drafts and ended ones, newest start first.
pub async fn list(state: &AppState, staff: &Staff, client: ClientId) -> ApiResult<Vec<ContractView>> {
    let tx = open_client(state, staff, client, false).await?;
    let mut rows = tx.find::<contracts::Entity>().order_by_desc(contracts::Column::StartsOn).all().await?;
    let rank = |s: ContractStatus| match s {
        ContractStatus::Active => 0,
        ContractStatus::Draft => 1,
        ContractStatus::Ended => 2,
    };
    rows.sort_by_key(|r| rank(r.status));
    let views = view::contracts(tx.agency(), rows).await?;
    tx.commit().await?;
    Ok(views)
}

#[tracing::instrument(skip(state, body))]
pub async fn create(state: &AppState, staff: &Staff, client: ClientId, body: ContractInput) -> ApiResult<ContractView> {
    let tx = open_client(state, staff, client, true).await?;
    let p = parse(&tx, body).await?;
    let now = tx.now();
    let row = contracts::Model {
        id: ContractId::new(),
        agency_id: tx.agency_id(),
        client_id: tx.client_id(),
        project_id: p.project_id,
        service_id: p.service_id,
        title: p.title,
        kind: p.kind,
        currency: p.currency,
        amount_minor: p.amount_minor,
        starts_on: p.starts_on,
        ends_on: p.ends_on,
        renews_on: p.renews_on,
        status: p.status,
        note: p.note,
        created_by: staff.user(),
        created_at: now,
        updated_at: now,
    };
    tx.insert(contracts::ActiveModel::from(row.clone())).await?;
    crate::revenue::payments_changed(&tx).await?;
    let view = view_of(&tx, row).await?;
    tx.commit().await?;
    Ok(view)
}

async fn open_contract(state: &AppState, staff: &Staff, id: ContractId) -> ApiResult<(ClientTx, contracts::Model)> {
    let tx = open_owned::<contracts::Entity>(state, staff, contracts::Column::Id, id).await?;
    let row = tx
        .find::<contracts::Entity>()
        .filter(contracts::Column::Id.eq(id))
        .one()
        .await?
        .ok_or(FinanceError::NotFound)?;
    Ok((tx, row))
}

#[tracing::instrument(skip(state, body))]
pub async fn update(state: &AppState, staff: &Staff, id: ContractId, body: ContractInput) -> ApiResult<ContractView> {
    let (tx, old) = open_contract(state, staff, id).await?;
    let p = parse(&tx, body).await?;
    let row = contracts::Model {
        project_id: p.project_id,
        service_id: p.service_id,
        title: p.title,
        kind: p.kind,
        currency: p.currency,
        amount_minor: p.amount_minor,
        starts_on: p.starts_on,
        ends_on: p.ends_on,
        renews_on: p.renews_on,
        status: p.status,
        note: p.note,
        updated_at: tx.now(),
        ..old
    };
    if !tx.update(contracts::ActiveModel::from(row.clone()).reset_all()).await? {
        return Err(FinanceError::NotFound.into());
    }
    // The contract's fee feeds the figures (ACV).
    crate::revenue::payments_changed(&tx).await?;
    let view = view_of(&tx, row).await?;
    tx.commit().await?;
    Ok(view)
}

/// Deletes a contract no invoice links to (409 otherwise); closing documents that named it
/// keep their other links.
#[tracing::instrument(skip(state))]
pub async fn delete(state: &AppState, staff: &Staff, id: ContractId) -> ApiResult<()> {
    let (tx, _) = open_contract(state, staff, id).await?;
    if tx.find::<invoices::Entity>().filter(invoices::Column::ContractId.eq(id)).count().await? > 0 {
        return Err(FinanceError::ContractInUse.into());
    }
    tx.update_many::<closing_documents::Entity>()
        .col_expr(closing_documents::Column::ContractId, Expr::value(Option::<ContractId>::None))
        .filter(closing_documents::Column::ContractId.eq(id))
        .exec()
        .await?;
    // A won upsell and a service the client had keep their record, without the link.
    tx.update_many::<upsells::Entity>()
        .col_expr(upsells::Column::ContractId, Expr::value(Option::<ContractId>::None))
        .filter(upsells::Column::ContractId.eq(id))
        .exec()
        .await?;
    tx.update_many::<client_services::Entity>()
        .col_expr(client_services::Column::ContractId, Expr::value(Option::<ContractId>::None))
        .filter(client_services::Column::ContractId.eq(id))
        .exec()
        .await?;
    tx.delete_many::<contracts::Entity>().filter(contracts::Column::Id.eq(id)).exec().await?;
    crate::revenue::payments_changed(&tx).await?;
    tx.commit().await?;
    Ok(())
}
