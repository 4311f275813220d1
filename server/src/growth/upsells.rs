//! Upsell opportunities of a client: an idea, proposed to the client, then won (linked to the
//! backlog item or contract it became) or lost with a reason. They carry money: owners, admins
//! and the client's account manager read and write them; specialists are refused (403).

use super::view::Lookups;
use super::{settings, GrowthError};
use crate::clients::access::{self, Need, VisibleClients};
use crate::db::ClientTx;
use crate::domain::{self, Field};
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::growth::{ClientUpsells, UpsellInput, UpsellStatus, UpsellView};
use accord_api::{input, BacklogItemId, ClientId, ContractId, PrincipalKind, ServiceId, UpsellId, UserId, UserStatus};
use accord_entity::{backlog_items, contracts, services, upsells, users};
use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, ColumnTrait, QueryFilter};

struct Parsed {
    title: String,
    service_id: Option<ServiceId>,
    expected_minor: i64,
    currency: String,
    probability: i32,
    status: UpsellStatus,
    lost_reason: String,
    owner_id: Option<UserId>,
    backlog_item_id: Option<BacklogItemId>,
    contract_id: Option<ContractId>,
    closed_on: Option<NaiveDate>,
}

/// idea → proposed → won | lost; an idea may be dropped (lost), a proposal taken back to an
/// idea, and a closed one reopened as proposed (a win or loss recorded by mistake); staying put
/// is no move. Nothing is won without having been proposed.
pub fn may_move(from: UpsellStatus, to: UpsellStatus) -> bool {
    use UpsellStatus::*;
    from == to
        || matches!(
            (from, to),
            (Idea, Proposed)
                | (Idea, Lost)
                | (Proposed, Idea)
                | (Proposed, Won)
                | (Proposed, Lost)
                | (Won, Proposed)
                | (Lost, Proposed)
        )
}

async fn parse(tx: &ClientTx, body: UpsellInput) -> ApiResult<Parsed> {
    let title = input::Name::parse(&body.title).field("title")?;
    let (expected_minor, currency) = domain::money("expected", &body.expected)?;
    if body.probability > 100 {
        return Err(GrowthError::BadProbability.into());
    }
    let lost_reason = input::OptionalMessage::parse(&body.lost_reason).field("lost_reason")?;
    if body.status == UpsellStatus::Lost && lost_reason.is_empty() {
        return Err(GrowthError::LostReasonRequired.into());
    }
    let closed_on = domain::optional_day("closed_on", body.closed_on)?;
    if let Some(owner) = body.owner_id {
        let found = tx
            .agency()
            .find::<users::Entity>()
            .filter(users::Column::Id.eq(owner))
            .filter(users::Column::Kind.eq(PrincipalKind::Staff))
            .filter(users::Column::StaffRole.is_not_null())
            .filter(users::Column::Status.eq(UserStatus::Active))
            .count()
            .await?;
        if found == 0 {
            return Err(GrowthError::UnknownOwner.into());
        }
    }
    if let Some(s) = body.service_id {
        let found = tx.agency().find::<services::Entity>().filter(services::Column::Id.eq(s)).count().await?;
        if found == 0 {
            return Err(GrowthError::UnknownService { field: "service_id" }.into());
        }
    }
    if let Some(item) = body.backlog_item_id {
        if tx.find::<backlog_items::Entity>().filter(backlog_items::Column::Id.eq(item)).count().await? == 0 {
            return Err(GrowthError::UnknownBacklogItem.into());
        }
    }
    if let Some(c) = body.contract_id {
        if tx.find::<contracts::Entity>().filter(contracts::Column::Id.eq(c)).count().await? == 0 {
            return Err(GrowthError::UnknownContract.into());
        }
    }
    Ok(Parsed {
        title,
        service_id: body.service_id,
        expected_minor,
        currency,
        probability: i32::from(body.probability),
        status: body.status,
        lost_reason: if body.status == UpsellStatus::Lost { lost_reason } else { String::new() },
        owner_id: body.owner_id,
        backlog_item_id: body.backlog_item_id,
        contract_id: body.contract_id,
        closed_on,
    })
}

async fn view_of(tx: &ClientTx, row: upsells::Model) -> ApiResult<UpsellView> {
    // The row is this client's: the lookups read only what it names.
    let rows = [row];
    let lookups = Lookups::load(tx.agency(), &VisibleClients::whole_agency(), &rows).await?;
    let [row] = rows;
    Ok(lookups.upsell(row))
}

/// Opens a client's money: 404 for a client the caller cannot see, 403 for a specialist or a
/// manager who does not manage it.
async fn open_money(state: &AppState, staff: &Staff, client: ClientId, write: bool) -> ApiResult<ClientTx> {
    let tx = if write {
        access::open(state, staff, client, Need::Manage).await?
    } else {
        access::open_read(state, staff, client).await?
    };
    access::require_on(&tx, staff, Need::Manage)?;
    Ok(tx)
}

/// A client's opportunities: open ones first, then won and lost; newest first within each.
pub async fn list(state: &AppState, staff: &Staff, client: ClientId) -> ApiResult<ClientUpsells> {
    let tx = open_money(state, staff, client, false).await?;
    let mut rows = tx.find::<upsells::Entity>().all().await?;
    let rank = |s: UpsellStatus| match s {
        UpsellStatus::Proposed => 0,
        UpsellStatus::Idea => 1,
        UpsellStatus::Won => 2,
        UpsellStatus::Lost => 3,
    };
    rows.sort_by(|a, b| rank(a.status).cmp(&rank(b.status)).then(b.created_at.cmp(&a.created_at)));
    let lookups = Lookups::load(tx.agency(), &VisibleClients::whole_agency(), &rows).await?;
    tx.commit().await?;
    Ok(ClientUpsells { items: rows.into_iter().map(|r| lookups.upsell(r)).collect(), can_edit: true })
}

#[tracing::instrument(skip(state, body))]
pub async fn create(state: &AppState, staff: &Staff, client: ClientId, body: UpsellInput) -> ApiResult<UpsellView> {
    let tx = open_money(state, staff, client, true).await?;
    let p = parse(&tx, body).await?;
    if !matches!(p.status, UpsellStatus::Idea | UpsellStatus::Proposed) {
        return Err(GrowthError::Transition { from: UpsellStatus::Idea, to: p.status }.into());
    }
    let now = tx.now();
    let row = upsells::Model {
        id: UpsellId::new(),
        agency_id: tx.agency_id(),
        client_id: tx.client_id(),
        service_id: p.service_id,
        title: p.title,
        expected_minor: p.expected_minor,
        currency: p.currency,
        probability: p.probability,
        status: p.status,
        lost_reason: p.lost_reason,
        owner_id: p.owner_id.or(tx.client().account_manager_id),
        backlog_item_id: p.backlog_item_id,
        contract_id: p.contract_id,
        closed_on: None,
        created_by: staff.user(),
        created_at: now,
        updated_at: now,
    };
    tx.insert(upsells::ActiveModel::from(row.clone())).await?;
    let view = view_of(&tx, row).await?;
    tx.commit().await?;
    Ok(view)
}

async fn open_upsell(state: &AppState, staff: &Staff, id: UpsellId) -> ApiResult<(ClientTx, upsells::Model)> {
    let tx = access::open_owner::<upsells::Entity>(state, staff, upsells::Column::Id, id, Need::Manage).await?;
    let row =
        tx.find::<upsells::Entity>().filter(upsells::Column::Id.eq(id)).one().await?.ok_or(GrowthError::NotFound)?;
    Ok((tx, row))
}

/// Rewrites an opportunity; a status change must follow idea → proposed → won | lost.
#[tracing::instrument(skip(state, body))]
pub async fn update(state: &AppState, staff: &Staff, id: UpsellId, body: UpsellInput) -> ApiResult<UpsellView> {
    let (tx, old) = open_upsell(state, staff, id).await?;
    let p = parse(&tx, body).await?;
    if !may_move(old.status, p.status) {
        return Err(GrowthError::Transition { from: old.status, to: p.status }.into());
    }
    let closed = matches!(p.status, UpsellStatus::Won | UpsellStatus::Lost);
    let closed_on = if !closed {
        None
    } else if let Some(day) = p.closed_on {
        Some(day)
    } else if old.status == p.status {
        old.closed_on
    } else {
        Some(settings::today(tx.agency()).await?)
    };
    let row = upsells::Model {
        service_id: p.service_id,
        title: p.title,
        expected_minor: p.expected_minor,
        currency: p.currency,
        probability: p.probability,
        status: p.status,
        lost_reason: p.lost_reason,
        owner_id: p.owner_id.or(old.owner_id),
        backlog_item_id: p.backlog_item_id,
        contract_id: p.contract_id,
        closed_on,
        updated_at: tx.now(),
        ..old
    };
    if !tx.update(upsells::ActiveModel::from(row.clone()).reset_all()).await? {
        return Err(GrowthError::NotFound.into());
    }
    let view = view_of(&tx, row).await?;
    tx.commit().await?;
    Ok(view)
}

#[tracing::instrument(skip(state))]
pub async fn delete(state: &AppState, staff: &Staff, id: UpsellId) -> ApiResult<()> {
    let (tx, _) = open_upsell(state, staff, id).await?;
    tx.delete_many::<upsells::Entity>().filter(upsells::Column::Id.eq(id)).exec().await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::may_move;
    use accord_api::growth::UpsellStatus::*;

    #[test]
    fn upsells_move_forward_only() {
        assert!(may_move(Idea, Proposed) && may_move(Proposed, Won) && may_move(Proposed, Lost));
        assert!(may_move(Won, Won));
        assert!(
            may_move(Idea, Lost) && may_move(Proposed, Idea) && may_move(Won, Proposed) && may_move(Lost, Proposed)
        );
        assert!(!may_move(Idea, Won) && !may_move(Won, Lost) && !may_move(Lost, Won) && !may_move(Won, Idea));
    }
}
