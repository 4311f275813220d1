//! Turning rows into the wire shapes, with the few lookups they need done in bulk.

use crate::db::{ClientTx, TenantTx};
use crate::error::ApiResult;
use accord_api::clients::{ClientProfile, ClientView};
use accord_api::{ContactId, StaffRef, UserId};
use accord_entity::{clients, contacts, users};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;

/// Names of the given staff users, in one query.
pub async fn staff_names(tx: &TenantTx, ids: impl IntoIterator<Item = UserId>) -> ApiResult<HashMap<UserId, String>> {
    let ids: Vec<UserId> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    // Only the two columns (a user row also holds the password hash).
    Ok(tx
        .find::<users::Entity>()
        .select_only()
        .column(users::Column::Id)
        .column(users::Column::Name)
        .filter(users::Column::Id.is_in(ids))
        .into_tuple::<(UserId, String)>()
        .all()
        .await?
        .into_iter()
        .collect())
}

/// Names of a client's contacts (current and former), in one query.
pub async fn contact_names(tx: &ClientTx) -> ApiResult<HashMap<ContactId, String>> {
    Ok(tx.find::<contacts::Entity>().all().await?.into_iter().map(|c| (c.id, c.name)).collect())
}

pub fn staff_ref(id: Option<UserId>, names: &HashMap<UserId, String>) -> Option<StaffRef> {
    let id = id?;
    Some(StaffRef { id, name: names.get(&id).cloned().unwrap_or_default() })
}

pub fn summary(
    c: &clients::Model,
    contact_count: u64,
    names: &HashMap<UserId, String>,
    now: DateTime<Utc>,
) -> ClientView {
    let days_since_touch = c.last_touch_at.map(|t| (now - t).num_days().max(0));
    let cadence = c.contact_cadence_days.map(|d| d.max(0) as u32);
    let touch_overdue = match (cadence, days_since_touch) {
        (Some(limit), Some(days)) => days > i64::from(limit),
        (Some(_), None) => true,
        (None, _) => false,
    };
    ClientView {
        id: c.id,
        name: c.name.clone(),
        status: c.status,
        contact_count,
        created_at: c.created_at,
        account_manager: staff_ref(c.account_manager_id, names),
        temperament: c.temperament,
        activity: c.activity,
        value_tier: c.value_tier,
        abc_tier: c.abc_tier,
        tier_override: c.tier_override,
        contact_cadence_days: cadence,
        last_touch_at: c.last_touch_at,
        days_since_touch,
        touch_overdue,
        archived: c.archived_at.is_some(),
    }
}

pub fn string_list(json: &str) -> Vec<String> {
    serde_json::from_str(json).unwrap_or_default()
}

pub fn profile(summary: ClientView, c: &clients::Model, can_edit: bool) -> ClientProfile {
    ClientProfile {
        summary,
        started_on: c.started_on,
        ended_on: c.ended_on,
        business_model: c.business_model.clone(),
        audience: c.audience.clone(),
        market: c.market.clone(),
        product_role: c.product_role.clone(),
        included: string_list(&c.included),
        excluded: string_list(&c.excluded),
        report_cadence: c.report_cadence,
        can_edit,
    }
}
