//! The profitability scorecard (seed 003): the agency's criteria (six built-in ones until it
//! saves its own list), each client marked −2..+2 on each, and the ranking table with the
//! monthly fee beside the total — so "the 30k client beats the 50k client" is visible. Owners
//! and admins only.

use super::{settings, GrowthError};
use crate::clients::access::{self, Need, VisibleClients};
use crate::db::TenantTx;
use crate::domain::Field;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::auth::ClientRef;
use accord_api::finance::{ContractKind, ContractStatus};
use accord_api::growth::{
    ClientScorecard, CriteriaInput, Criterion, Mark, MarksInput, Scorecard, ScorecardRow, CRITERIA_MAX,
    DEFAULT_CRITERIA, MARK_MAX, MARK_MIN,
};
use accord_api::money::convert_minor;
use accord_api::{input, ClientId, ClientStatus, ContractId, CriterionId, Money, ScorecardScoreId, UserId};
use accord_entity::{clients, contracts, invoices, scorecard_criteria, scorecard_scores};
use sea_orm::{ActiveModelTrait, ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::{HashMap, HashSet};

/// The current criteria: the saved list (not archived), or the built-in six.
pub async fn current(tx: &TenantTx) -> ApiResult<Vec<Criterion>> {
    let rows = tx.find::<scorecard_criteria::Entity>().order_by_asc(scorecard_criteria::Column::Position).all().await?;
    if rows.is_empty() {
        return Ok(defaults());
    }
    Ok(rows
        .into_iter()
        .filter(|r| !r.archived)
        .enumerate()
        .map(|(i, r)| Criterion { key: r.key, name: r.name, position: i as u32 })
        .collect())
}

fn defaults() -> Vec<Criterion> {
    DEFAULT_CRITERIA
        .iter()
        .enumerate()
        .map(|(i, k)| Criterion { key: (*k).to_string(), name: String::new(), position: i as u32 })
        .collect()
}

pub async fn criteria(state: &AppState, staff: &Staff) -> ApiResult<Vec<Criterion>> {
    staff.require_admin()?;
    let tx = state.db.tenant_read(staff).await?;
    let list = current(&tx).await?;
    tx.commit().await?;
    Ok(list)
}

/// Saves the list in order; criteria left out are archived (their marks stay, uncounted).
#[tracing::instrument(skip(state, body))]
pub async fn save_criteria(state: &AppState, staff: &Staff, body: CriteriaInput) -> ApiResult<Vec<Criterion>> {
    staff.require_admin()?;
    if body.criteria.is_empty() || body.criteria.len() > CRITERIA_MAX {
        return Err(GrowthError::CriteriaCount.into());
    }
    let tx = state.db.tenant(staff).await?;
    let stored = tx.find::<scorecard_criteria::Entity>().all().await?;
    let known: HashSet<String> =
        stored.iter().map(|r| r.key.clone()).chain(DEFAULT_CRITERIA.iter().map(|k| k.to_string())).collect();
    // Parse the whole list first: keys known and once each, names valid.
    let mut wanted: Vec<(String, String)> = Vec::new();
    for c in body.criteria {
        let name = input::Line::parse(&c.name).field("criteria")?;
        let key = match c.key {
            Some(k) if known.contains(&k) => k,
            Some(_) => return Err(with_criteria_field(GrowthError::UnknownCriterion.into())),
            None => format!("custom_{}", &uuid::Uuid::new_v4().simple().to_string()[..12]),
        };
        if name.is_empty() && !DEFAULT_CRITERIA.contains(&key.as_str()) {
            return Err(GrowthError::CriterionName.into());
        }
        if wanted.iter().any(|(k, _)| *k == key) {
            return Err(with_criteria_field(GrowthError::DuplicateCriterion.into()));
        }
        wanted.push((key, name));
    }
    let now = tx.now();
    for (i, (key, name)) in wanted.iter().enumerate() {
        match stored.iter().find(|r| &r.key == key) {
            Some(row) => {
                let row = scorecard_criteria::Model {
                    name: name.clone(),
                    position: i as i32,
                    archived: false,
                    ..row.clone()
                };
                tx.update(scorecard_criteria::ActiveModel::from(row).reset_all()).await?;
            }
            None => {
                tx.insert(scorecard_criteria::ActiveModel::from(scorecard_criteria::Model {
                    id: CriterionId::new(),
                    agency_id: tx.agency_id(),
                    key: key.clone(),
                    name: name.clone(),
                    position: i as i32,
                    archived: false,
                    created_at: now,
                }))
                .await?;
            }
        }
    }
    let kept: Vec<&String> = wanted.iter().map(|(k, _)| k).collect();
    for row in stored.iter().filter(|r| !kept.contains(&&r.key) && !r.archived) {
        let row = scorecard_criteria::Model { archived: true, position: CRITERIA_MAX as i32, ..row.clone() };
        tx.update(scorecard_criteria::ActiveModel::from(row).reset_all()).await?;
    }
    let list = current(&tx).await?;
    tx.commit().await?;
    Ok(list)
}

fn with_criteria_field(e: crate::error::ApiError) -> crate::error::ApiError {
    e.with_field("criteria")
}

/// The ranking table of every client not churned.
pub async fn table(state: &AppState, staff: &Staff) -> ApiResult<Scorecard> {
    staff.require_admin()?;
    let tx = state.db.tenant_read(staff).await?;
    let visible = VisibleClients::of(&tx, staff).await?;
    let criteria = current(&tx).await?;
    let base_currency = settings::base_currency(&tx).await?;
    let rows = ranked(&tx, &visible, &criteria, &base_currency).await?;
    tx.commit().await?;
    Ok(Scorecard { criteria, rows, base_currency })
}

/// One client's row (with its rank among all).
pub async fn client_card(state: &AppState, staff: &Staff, id: ClientId) -> ApiResult<ClientScorecard> {
    let tx = access::open_read(state, staff, id).await?;
    staff.require_admin()?;
    let t = tx.agency();
    let card = card_of(t, staff, id).await?;
    tx.commit().await?;
    Ok(card)
}

async fn card_of(tx: &TenantTx, staff: &Staff, id: ClientId) -> ApiResult<ClientScorecard> {
    let visible = VisibleClients::of(tx, staff).await?;
    let criteria = current(tx).await?;
    let base = settings::base_currency(tx).await?;
    let rows = ranked(tx, &visible, &criteria, &base).await?;
    let row = rows.into_iter().find(|r| r.client.id == id).ok_or(GrowthError::NotFound)?;
    Ok(ClientScorecard { criteria, row })
}

/// Sets or clears the listed marks of one client (−2..+2 each).
#[tracing::instrument(skip(state, body))]
pub async fn save_marks(state: &AppState, staff: &Staff, id: ClientId, body: MarksInput) -> ApiResult<ClientScorecard> {
    let tx = access::open(state, staff, id, Need::Manage).await?;
    staff.require_admin()?;
    let criteria = current(tx.agency()).await?;
    let mut seen = HashSet::new();
    for m in &body.marks {
        if !criteria.iter().any(|c| c.key == m.criterion) {
            return Err(GrowthError::UnknownCriterion.into());
        }
        if !seen.insert(m.criterion.as_str()) {
            return Err(GrowthError::DuplicateCriterion.into());
        }
        if m.score.is_some_and(|s| !(MARK_MIN..=MARK_MAX).contains(&s)) {
            return Err(GrowthError::BadMark.into());
        }
    }
    let keys: Vec<String> = body.marks.iter().map(|m| m.criterion.clone()).collect();
    if !keys.is_empty() {
        tx.delete_many::<scorecard_scores::Entity>()
            .filter(scorecard_scores::Column::Criterion.is_in(keys))
            .exec()
            .await?;
    }
    let now = tx.now();
    for m in body.marks {
        if let Some(score) = m.score {
            tx.insert(scorecard_scores::ActiveModel::from(scorecard_scores::Model {
                id: ScorecardScoreId::new(),
                agency_id: tx.agency_id(),
                client_id: tx.client_id(),
                criterion: m.criterion,
                score: i32::from(score),
                updated_by: staff.user(),
                updated_at: now,
            }))
            .await?;
        }
    }
    let card = card_of(tx.agency(), staff, id).await?;
    tx.commit().await?;
    Ok(card)
}

/// Every visible client not churned, with marks, total, fee and rank: four statements whatever
/// the number of clients (five when a retainer is in another currency).
async fn ranked(
    tx: &TenantTx,
    visible: &VisibleClients,
    criteria: &[Criterion],
    base: &str,
) -> ApiResult<Vec<ScorecardRow>> {
    let list: Vec<(ClientId, String, ClientStatus, Option<UserId>)> = tx
        .find_in::<clients::Entity>(visible)
        .select_only()
        .column(clients::Column::Id)
        .column(clients::Column::Name)
        .column(clients::Column::Status)
        .column(clients::Column::AccountManagerId)
        .filter(clients::Column::ArchivedAt.is_null())
        .filter(clients::Column::Status.ne(ClientStatus::Churned))
        .into_tuple()
        .all()
        .await?;
    let marks: Vec<(ClientId, String, i32)> = tx
        .find_in::<scorecard_scores::Entity>(visible)
        .select_only()
        .column(scorecard_scores::Column::ClientId)
        .column(scorecard_scores::Column::Criterion)
        .column(scorecard_scores::Column::Score)
        .into_tuple()
        .all()
        .await?;
    let mut by_client: HashMap<ClientId, HashMap<String, i32>> = HashMap::new();
    for (client, key, score) in marks {
        by_client.entry(client).or_default().insert(key, score);
    }
    let fees = monthly_fees(tx, visible, base).await?;
    let managers = crate::clients::view::staff_names(tx, list.iter().filter_map(|c| c.3).collect::<Vec<_>>()).await?;
    let mut rows: Vec<ScorecardRow> = list
        .into_iter()
        .map(|(id, name, status, manager)| {
            let own = by_client.get(&id);
            let marks: Vec<Mark> = criteria
                .iter()
                .filter_map(|c| {
                    let s = own.and_then(|m| m.get(&c.key))?;
                    Some(Mark { criterion: c.key.clone(), score: i8::try_from(*s).unwrap_or_default() })
                })
                .collect();
            let total = marks.iter().map(|m| i32::from(m.score)).sum();
            let (fee, fee_partial) = match fees.get(&id) {
                Some(f) => (f.counted.then(|| Money { amount_minor: f.sum, currency: base.to_string() }), f.partial),
                None => (None, false),
            };
            ScorecardRow {
                client: ClientRef { id, name, status },
                manager: crate::clients::view::staff_ref(manager, &managers),
                monthly_fee: fee,
                fee_partial,
                marks,
                total,
                rank: 0,
            }
        })
        .collect();
    rows.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.client.name.cmp(&b.client.name)));
    for i in 0..rows.len() {
        let better = rows.iter().filter(|r| r.total > rows[i].total).count();
        rows[i].rank = better as u32 + 1;
    }
    Ok(rows)
}

#[derive(Default)]
struct Fee {
    sum: i64,
    /// At least one retainer was converted.
    counted: bool,
    /// At least one retainer could not be.
    partial: bool,
}

/// The monthly fee per client: active retainers in the base currency, each converted at the
/// rate of its newest invoice, else the client's newest invoice in its currency.
async fn monthly_fees(tx: &TenantTx, visible: &VisibleClients, base: &str) -> ApiResult<HashMap<ClientId, Fee>> {
    let retainers: Vec<(ContractId, ClientId, String, i64)> = tx
        .find_in::<contracts::Entity>(visible)
        .select_only()
        .column(contracts::Column::Id)
        .column(contracts::Column::ClientId)
        .column(contracts::Column::Currency)
        .column(contracts::Column::AmountMinor)
        .filter(contracts::Column::Kind.eq(ContractKind::Retainer))
        .filter(contracts::Column::Status.eq(ContractStatus::Active))
        .into_tuple()
        .all()
        .await?;
    let foreign: Vec<String> = {
        let mut c: Vec<String> = retainers.iter().filter(|r| r.2 != base).map(|r| r.2.clone()).collect();
        c.sort();
        c.dedup();
        c
    };
    // Newest first, so the first match is the rate to use.
    let rates: Vec<(ClientId, Option<ContractId>, String, i64)> = if foreign.is_empty() {
        Vec::new()
    } else {
        tx.find_in::<invoices::Entity>(visible)
            .select_only()
            .column(invoices::Column::ClientId)
            .column(invoices::Column::ContractId)
            .column(invoices::Column::Currency)
            .column(invoices::Column::RateMicro)
            .filter(invoices::Column::Currency.is_in(foreign))
            .order_by_desc(invoices::Column::IssuedOn)
            .order_by_desc(invoices::Column::CreatedAt)
            .into_tuple()
            .all()
            .await?
    };
    let mut fees: HashMap<ClientId, Fee> = HashMap::new();
    for (contract, client, currency, amount) in retainers {
        let fee = fees.entry(client).or_default();
        let rate = if currency == base {
            Some(accord_api::money::RATE_ONE)
        } else {
            rates
                .iter()
                .find(|r| r.1 == Some(contract))
                .or_else(|| rates.iter().find(|r| r.0 == client && r.2 == currency))
                .map(|r| r.3)
        };
        match rate {
            Some(rate) => {
                fee.sum = fee.sum.saturating_add(convert_minor(amount, &currency, rate, base));
                fee.counted = true;
            }
            None => fee.partial = true,
        }
    }
    Ok(fees)
}
