//! How long an incident has taken: days open, minutes to notify the client, and whether it has
//! gone on longer than the agency allows (`incident_days` of the health settings).

use crate::db::TenantTx;
use crate::error::ApiResult;
use accord_entity::incidents;
use chrono::{DateTime, Utc};

/// The agency's limit on an incident's five steps, in days (built-in 14 until the agency saves
/// its health settings). The one place risks read it.
pub async fn incident_days(tx: &TenantTx) -> ApiResult<i64> {
    Ok(i64::from(crate::health::settings::load(tx).await?.incident_days))
}

/// Whole days from detection to step 5, or to `now` while still open.
pub fn days_open(i: &incidents::Model, now: DateTime<Utc>) -> i64 {
    (i.prevented_at.unwrap_or(now) - i.detected_at).num_days().max(0)
}

/// Not through step 5, and detected more than `limit_days` ago.
pub fn too_long(
    detected_at: DateTime<Utc>,
    prevented_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    limit_days: i64,
) -> bool {
    prevented_at.is_none() && now - detected_at > chrono::Duration::days(limit_days)
}

/// Minutes from detection to telling the client (step 1).
pub fn notify_minutes(i: &incidents::Model) -> Option<i64> {
    i.notified_at.map(|at| (at - i.detected_at).num_minutes().max(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn an_open_incident_is_too_long_after_the_limit_and_a_prevented_one_never() {
        let found = at("2026-12-01T10:00:00Z");
        assert!(!too_long(found, None, at("2026-12-15T10:00:00Z"), 14), "exactly 14 days is within");
        assert!(too_long(found, None, at("2026-12-15T10:00:01Z"), 14));
        assert!(!too_long(found, Some(at("2026-12-02T10:00:00Z")), at("2027-01-15T10:00:00Z"), 14));
    }
}
