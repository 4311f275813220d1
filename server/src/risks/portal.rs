//! The client's side: the client-visible risks (read-only) and the incidents the agency has
//! told them about, with each step's content once done; approvers acknowledge a fix plan.

use super::view::{self, Names};
use super::RiskError;
use crate::clients::access;
use crate::db::ClientTx;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::PortalContact;
use accord_api::risks::{PortalIncident, PortalRisks};
use accord_api::{IncidentId, PortalRole};
use accord_entity::{incidents, risks};
use sea_orm::{ActiveModelTrait, ColumnTrait, QueryFilter, QueryOrder};

fn approver(contact: &PortalContact) -> bool {
    contact.portal_role() == PortalRole::Approver
}

async fn portal_views(
    tx: &ClientTx,
    contact: &PortalContact,
    rows: Vec<incidents::Model>,
) -> ApiResult<Vec<PortalIncident>> {
    let names = Names::load(tx, [], rows.iter().filter_map(|i| i.plan_ack_by)).await?;
    Ok(rows.into_iter().filter_map(|i| view::portal_incident(i, &names, approver(contact))).collect())
}

/// The portal's risks and incidents page (a fixed number of queries).
pub async fn page(state: &AppState, contact: &PortalContact) -> ApiResult<PortalRisks> {
    let tx = access::open_portal_read(state, contact).await?;
    let mut shown = tx.find::<risks::Entity>().filter(risks::Column::ClientVisible.eq(true)).all().await?;
    view::sort_risks(&mut shown);
    let told = tx
        .find::<incidents::Entity>()
        .filter(incidents::Column::NotifiedAt.is_not_null())
        .order_by_desc(incidents::Column::NotifiedAt)
        .order_by_asc(incidents::Column::Id)
        .all()
        .await?;
    let names = Names::load(&tx, [], told.iter().filter_map(|i| i.plan_ack_by)).await?;
    tx.commit().await?;
    let approver = approver(contact);
    Ok(PortalRisks {
        risks: shown.into_iter().map(|r| view::portal_risk(r, &names)).collect(),
        incidents: told.into_iter().filter_map(|i| view::portal_incident(i, &names, approver)).collect(),
    })
}

/// An approver acknowledges the fix plan: once, and only once one is proposed.
#[tracing::instrument(skip(state))]
pub async fn acknowledge(state: &AppState, contact: &PortalContact, id: IncidentId) -> ApiResult<PortalIncident> {
    if !approver(contact) {
        return Err(RiskError::NotApprover.into());
    }
    let tx = access::open_portal(state, contact).await?;
    let row = tx
        .find::<incidents::Entity>()
        .filter(incidents::Column::Id.eq(id))
        .filter(incidents::Column::NotifiedAt.is_not_null())
        .one()
        .await?
        .ok_or(RiskError::NotFound)?;
    if row.planned_at.is_none() {
        return Err(RiskError::NoPlan.into());
    }
    if row.plan_ack_at.is_some() {
        return Err(RiskError::AlreadyAcknowledged.into());
    }
    let row = incidents::Model { plan_ack_at: Some(tx.now()), plan_ack_by: Some(contact.contact()), ..row };
    // Only if still unacknowledged: of two approvers at once, one acknowledges.
    let taken = tx
        .update_many::<incidents::Entity>()
        .set(incidents::ActiveModel::from(row.clone()).reset_all())
        .filter(incidents::Column::Id.eq(id))
        .filter(incidents::Column::PlanAckAt.is_null())
        .exec()
        .await?
        .rows_affected;
    if taken == 0 {
        return Err(RiskError::AlreadyAcknowledged.into());
    }
    crate::health::changed(&tx).await?;
    let view = portal_views(&tx, contact, vec![row]).await?.pop().ok_or(RiskError::NotFound)?;
    tx.commit().await?;
    Ok(view)
}
