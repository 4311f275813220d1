//! Each agency's health weights and thresholds: built-in until an owner or admin saves them.

use super::signals::default_weights;
use crate::db::TenantTx;
use crate::error::{ApiError, ApiResult};
use accord_api::error::Code;
use accord_api::health::{HealthSettings, SignalKey, Weight};
use accord_entity::health_settings;
use sea_orm::ActiveValue::Set;

pub fn built_in() -> HealthSettings {
    HealthSettings {
        weights: default_weights(),
        corridor: 10,
        at_risk_below: 50,
        drop_points: 15,
        drop_days: 30,
        incident_days: 14,
    }
}

/// The agency's settings (built-in when none are saved; a signal missing from the stored
/// weights gets its built-in weight).
pub async fn load(tx: &TenantTx) -> ApiResult<HealthSettings> {
    let Some(row) = tx.find::<health_settings::Entity>().one().await? else { return Ok(built_in()) };
    let stored: Vec<Weight> = serde_json::from_str(&row.weights).unwrap_or_default();
    let weights =
        default_weights().into_iter().map(|d| stored.iter().find(|w| w.key == d.key).cloned().unwrap_or(d)).collect();
    let n = |v: i32| u32::try_from(v).unwrap_or(0);
    Ok(HealthSettings {
        weights,
        corridor: n(row.corridor),
        at_risk_below: n(row.at_risk_below),
        drop_points: n(row.drop_points),
        drop_days: n(row.drop_days),
        incident_days: n(row.incident_days),
    })
}

fn invalid(field: &str, message: &str) -> ApiError {
    ApiError::invalid(field, Code::ValidationFailed, message)
}

/// Checks proposed settings: every signal once with a weight 0–100 (not all 0), and each
/// threshold in its range. Weights come back in the signals' order.
pub fn check(input: HealthSettings) -> ApiResult<HealthSettings> {
    let mut weights = Vec::with_capacity(SignalKey::ALL.len());
    for key in SignalKey::ALL {
        let mut given = input.weights.iter().filter(|w| w.key == *key);
        let w = given.next().ok_or_else(|| invalid("weights", "Give a weight for every signal."))?;
        if given.next().is_some() {
            return Err(invalid("weights", "Each signal may be weighted once."));
        }
        if w.weight > 100 {
            return Err(invalid("weights", "A weight is between 0 and 100."));
        }
        weights.push(w.clone());
    }
    if input.weights.len() != SignalKey::ALL.len() {
        return Err(invalid("weights", "Give a weight for every signal."));
    }
    if weights.iter().all(|w| w.weight == 0) {
        return Err(invalid("weights", "At least one signal needs a weight above 0."));
    }
    let range = |field: &str, v: u32, lo: u32, hi: u32| {
        if (lo..=hi).contains(&v) {
            Ok(v)
        } else {
            Err(invalid(field, &format!("Between {lo} and {hi}.")))
        }
    };
    Ok(HealthSettings {
        weights,
        corridor: range("corridor", input.corridor, 1, 50)?,
        at_risk_below: range("at_risk_below", input.at_risk_below, 1, 100)?,
        drop_points: range("drop_points", input.drop_points, 1, 100)?,
        drop_days: range("drop_days", input.drop_days, 1, 90)?,
        incident_days: range("incident_days", input.incident_days, 1, 90)?,
    })
}

/// Writes checked settings (one row per agency).
pub async fn store(tx: &TenantTx, s: &HealthSettings, by: accord_api::UserId) -> ApiResult<()> {
    let weights = serde_json::to_string(&s.weights).map_err(ApiError::internal)?;
    let i = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
    let existing = tx.find::<health_settings::Entity>().one().await?;
    let row = health_settings::ActiveModel {
        id: Set(existing.as_ref().map_or_else(uuid::Uuid::new_v4, |e| e.id)),
        agency_id: Set(tx.agency_id()),
        weights: Set(weights),
        corridor: Set(i(s.corridor)),
        at_risk_below: Set(i(s.at_risk_below)),
        drop_points: Set(i(s.drop_points)),
        drop_days: Set(i(s.drop_days)),
        incident_days: Set(i(s.incident_days)),
        updated_by: Set(by),
        updated_at: Set(tx.now()),
    };
    if existing.is_some() {
        tx.update(row).await?;
    } else {
        tx.insert(row).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_checked_field_by_field() {
        assert_eq!(check(built_in()).unwrap(), built_in());
        let mut s = built_in();
        s.weights.pop();
        assert_eq!(check(s).unwrap_err().field(), Some("weights"));
        let mut s = built_in();
        s.weights.push(s.weights[0].clone());
        assert_eq!(check(s).unwrap_err().field(), Some("weights"));
        let mut s = built_in();
        s.weights.iter_mut().for_each(|w| w.weight = 0);
        assert_eq!(check(s).unwrap_err().field(), Some("weights"));
        let s = HealthSettings { corridor: 0, ..built_in() };
        assert_eq!(check(s).unwrap_err().field(), Some("corridor"));
        let s = HealthSettings { drop_days: 91, ..built_in() };
        assert_eq!(check(s).unwrap_err().field(), Some("drop_days"));
    }
}
