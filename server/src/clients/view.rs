//! Turning rows into the wire shapes, with the few lookups they need done in bulk.

use crate::db::{ClientTx, TenantTx};
use crate::error::{ApiError, ApiResult};
use accord_api::clients::{ClientProfile, ClientView};
use accord_api::{Activity, ClientId, ClientStatus, ReportCadence, StaffRef, Temperament, UserId, ValueTier};
use accord_entity::{clients, contacts, users};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, QueryFilter};
use std::collections::HashMap;

/// Names of the given staff users, in one query.
pub async fn staff_names(
    tx: &TenantTx,
    ids: impl IntoIterator<Item = uuid::Uuid>,
) -> ApiResult<HashMap<uuid::Uuid, String>> {
    let ids: Vec<uuid::Uuid> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(tx
        .find::<users::Entity>()
        .filter(users::Column::Id.is_in(ids))
        .all()
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect())
}

/// Names of a client's contacts (current and former), in one query.
pub async fn contact_names(tx: &ClientTx) -> ApiResult<HashMap<uuid::Uuid, String>> {
    Ok(tx.find::<contacts::Entity>().all().await?.into_iter().map(|c| (c.id, c.name)).collect())
}

pub fn staff_ref(id: Option<uuid::Uuid>, names: &HashMap<uuid::Uuid, String>) -> Option<StaffRef> {
    let id = id?;
    Some(StaffRef { id: UserId(id), name: names.get(&id).cloned().unwrap_or_default() })
}

fn parse_opt<T>(v: &Option<String>, parse: fn(&str) -> Option<T>) -> Option<T> {
    v.as_deref().and_then(parse)
}

pub fn summary(
    c: &clients::Model,
    contact_count: u64,
    names: &HashMap<uuid::Uuid, String>,
    now: DateTime<Utc>,
) -> ApiResult<ClientView> {
    let days_since_touch = c.last_touch_at.map(|t| (now - t).num_days().max(0));
    let cadence = c.contact_cadence_days.map(|d| d.max(0) as u32);
    let touch_overdue = match (cadence, days_since_touch) {
        (Some(limit), Some(days)) => days > i64::from(limit),
        (Some(_), None) => true,
        (None, _) => false,
    };
    Ok(ClientView {
        id: ClientId(c.id),
        name: c.name.clone(),
        status: ClientStatus::parse(&c.status).ok_or_else(|| ApiError::internal("bad client status"))?,
        contact_count,
        created_at: c.created_at,
        account_manager: staff_ref(c.account_manager_id, names),
        temperament: parse_opt(&c.temperament, Temperament::parse),
        activity: parse_opt(&c.activity, Activity::parse),
        value_tier: parse_opt(&c.value_tier, ValueTier::parse),
        contact_cadence_days: cadence,
        last_touch_at: c.last_touch_at,
        days_since_touch,
        touch_overdue,
        archived: c.archived_at.is_some(),
    })
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
        report_cadence: parse_opt(&c.report_cadence, ReportCadence::parse),
        can_edit,
    }
}
