//! Recomputing and keeping scores: every recomputation is a history row (`health_scores`) and
//! replaces the client's latest (`client_health`); the day's chart point is that day's lowest.

use super::facts::{self, Subject};
use super::settings;
use super::signals;
use crate::clients::access::VisibleClients;
use crate::db::TenantTx;
use crate::error::{ApiError, ApiResult};
use crate::surveys::store::agency_today;
use accord_api::health::{HealthDay, HealthScore, HealthSettings, SignalKey};
use accord_api::{ClientId, ClientStatus};
use accord_entity::{agencies, client_health, clients, health_scores};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::{BTreeMap, HashMap};

/// Rows per insert (SQLite's parameter limit stays far away).
const CHUNK: usize = 200;

/// The statuses that get a score: a churned or archived client is not watched.
pub const SCORED: [ClientStatus; 3] = [ClientStatus::Onboarding, ClientStatus::Active, ClientStatus::Paused];

/// The clients to score: one, or every watched client of the agency.
pub async fn subjects(tx: &TenantTx, only: Option<ClientId>) -> ApiResult<Vec<Subject>> {
    let mut q = tx
        .find_in::<clients::Entity>(&VisibleClients::whole_agency())
        .filter(clients::Column::ArchivedAt.is_null())
        .filter(clients::Column::Status.is_in(SCORED));
    if let Some(id) = only {
        q = q.filter(clients::Column::Id.eq(id));
    }
    Ok(q.all().await?.iter().map(Subject::of).collect())
}

/// Scores of `subjects` under `settings`, computed now (nothing written).
pub async fn compute(
    tx: &TenantTx,
    agency: &agencies::Model,
    settings: &HealthSettings,
    subjects: &[Subject],
    only: Option<ClientId>,
) -> ApiResult<HashMap<ClientId, HealthScore>> {
    let now = tx.now();
    let facts = facts::gather(tx, agency, settings, subjects, only, now).await?;
    Ok(facts.into_iter().map(|(id, f)| (id, signals::score(&f, &settings.weights, now))).collect())
}

/// Recomputes and records the scores of one client or the whole agency; returns how many.
pub async fn recompute(
    tx: &TenantTx,
    agency: &agencies::Model,
    only: Option<ClientId>,
    cause: &str,
) -> ApiResult<usize> {
    let settings = settings::load(tx).await?;
    let subjects = subjects(tx, only).await?;
    if subjects.is_empty() {
        return Ok(0);
    }
    let scores = compute(tx, agency, &settings, &subjects, only).await?;
    let day = agency_today(agency, tx.now());
    record(tx, scores.into_iter().collect(), day, cause).await
}

/// Writes scores as history rows of `day` and as the clients' latest.
pub async fn record(
    tx: &TenantTx,
    scores: Vec<(ClientId, HealthScore)>,
    day: NaiveDate,
    cause: &str,
) -> ApiResult<usize> {
    let n = scores.len();
    for chunk in scores.chunks(CHUNK) {
        let mut history = Vec::with_capacity(chunk.len());
        let mut latest = Vec::with_capacity(chunk.len());
        for (client, s) in chunk {
            let parts = serde_json::to_string(s).map_err(ApiError::internal)?;
            let score = s.score.map(i32::from);
            history.push(health_scores::ActiveModel {
                id: Set(uuid::Uuid::new_v4()),
                agency_id: Set(tx.agency_id()),
                client_id: Set(*client),
                day: Set(day),
                score: Set(score),
                parts: Set(parts.clone()),
                cause: Set(cause.to_string()),
                computed_at: Set(s.computed_at),
            });
            latest.push(client_health::ActiveModel {
                id: Set(uuid::Uuid::new_v4()),
                agency_id: Set(tx.agency_id()),
                client_id: Set(*client),
                score: Set(score),
                parts: Set(parts),
                weak: Set(weak_keys(s).iter().map(|k| k.as_str()).collect::<Vec<_>>().join(",")),
                computed_at: Set(s.computed_at),
            });
        }
        let ids: Vec<ClientId> = chunk.iter().map(|c| c.0).collect();
        tx.delete_in::<client_health::Entity>(&VisibleClients::whole_agency())
            .filter(client_health::Column::ClientId.is_in(ids))
            .exec()
            .await?;
        tx.insert_many(latest).await?;
        tx.insert_many(history).await?;
    }
    Ok(n)
}

/// The signals graded below 5, weakest first (heavier weight first among equals).
pub fn weak_keys(s: &HealthScore) -> Vec<SignalKey> {
    let mut weak: Vec<_> = s.parts.iter().filter(|p| p.grade < 5.0).collect();
    weak.sort_by(|a, b| a.grade.total_cmp(&b.grade).then(b.weight.cmp(&a.weight)));
    weak.into_iter().map(|p| p.key).collect()
}

/// A client's latest stored score, its weak signals and when it was computed.
pub struct Latest {
    pub score: Option<u8>,
    pub weak: Vec<SignalKey>,
    pub computed_at: DateTime<Utc>,
}

/// The latest stored scores of the agency's clients (one narrow row each).
pub async fn latest(tx: &TenantTx, visible: &VisibleClients) -> ApiResult<HashMap<ClientId, Latest>> {
    let rows: Vec<(ClientId, Option<i32>, String, DateTime<Utc>)> = tx
        .find_in::<client_health::Entity>(visible)
        .select_only()
        .column(client_health::Column::ClientId)
        .column(client_health::Column::Score)
        .column(client_health::Column::Weak)
        .column(client_health::Column::ComputedAt)
        .into_tuple()
        .all()
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, score, weak, computed_at)| {
            let weak = weak.split(',').filter_map(SignalKey::parse).collect();
            (id, Latest { score: score.and_then(|s| u8::try_from(s).ok()), weak, computed_at })
        })
        .collect())
}

/// The stored parts of some clients' latest scores (those shown with reasons).
pub async fn latest_parts(
    tx: &TenantTx,
    visible: &VisibleClients,
    ids: &[ClientId],
) -> ApiResult<HashMap<ClientId, HealthScore>> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<(ClientId, String)> = tx
            .find_in::<client_health::Entity>(visible)
            .select_only()
            .column(client_health::Column::ClientId)
            .column(client_health::Column::Parts)
            .filter(client_health::Column::ClientId.is_in(chunk.iter().copied()))
            .into_tuple()
            .all()
            .await?;
        out.extend(rows.into_iter().filter_map(|(id, parts)| Some((id, serde_json::from_str(&parts).ok()?))));
    }
    Ok(out)
}

/// Each client's highest score since `since` (for the drop window): one grouped statement.
pub async fn highest_since(
    tx: &TenantTx,
    visible: &VisibleClients,
    since: NaiveDate,
) -> ApiResult<HashMap<ClientId, u8>> {
    let rows: Vec<(ClientId, Option<i32>)> = tx
        .find_in::<health_scores::Entity>(visible)
        .select_only()
        .column(health_scores::Column::ClientId)
        .column_as(sea_orm::sea_query::Expr::col(health_scores::Column::Score).max(), "highest")
        .filter(health_scores::Column::Day.gte(since))
        .group_by(health_scores::Column::ClientId)
        .into_tuple()
        .all()
        .await?;
    Ok(rows.into_iter().filter_map(|(id, s)| Some((id, u8::try_from(s?).ok()?))).collect())
}

/// A client's daily points (each day's lowest score) since `since`, oldest first.
pub async fn daily_points(tx: &TenantTx, client: ClientId, since: NaiveDate) -> ApiResult<Vec<(NaiveDate, u8)>> {
    let rows: Vec<(NaiveDate, Option<i32>)> = tx
        .find_in::<health_scores::Entity>(&VisibleClients::whole_agency())
        .select_only()
        .column(health_scores::Column::Day)
        .column(health_scores::Column::Score)
        .filter(health_scores::Column::ClientId.eq(client))
        .filter(health_scores::Column::Day.gte(since))
        .order_by_asc(health_scores::Column::Day)
        .into_tuple()
        .all()
        .await?;
    let mut days: BTreeMap<NaiveDate, u8> = BTreeMap::new();
    for (day, score) in rows {
        let Some(score) = score.and_then(|s| u8::try_from(s).ok()) else { continue };
        days.entry(day).and_modify(|m| *m = (*m).min(score)).or_insert(score);
    }
    Ok(days.into_iter().collect())
}

/// The chart: each day's point with the corridor — the mean of the points of the 30 days up to
/// and including it, ± `corridor` — and whether the point fell below it.
pub fn corridor(points: &[(NaiveDate, u8)], corridor: u32) -> Vec<HealthDay> {
    let width = f64::from(corridor);
    let round1 = |x: f64| (x * 10.0).round() / 10.0;
    points
        .iter()
        .map(|(day, score)| {
            let from = *day - Duration::days(29);
            let window: Vec<f64> =
                points.iter().filter(|(d, _)| *d >= from && d <= day).map(|(_, s)| f64::from(*s)).collect();
            let mean = window.iter().sum::<f64>() / window.len().max(1) as f64;
            let low = (mean - width).max(0.0);
            HealthDay {
                day: *day,
                score: *score,
                mean: round1(mean),
                low: round1(low),
                high: round1((mean + width).min(100.0)),
                below: f64::from(*score) < low,
            }
        })
        .collect()
}

/// The drop over the agency's window: the window's highest minus now (when positive).
pub fn drop(highest: Option<u8>, now: Option<u8>) -> Option<u8> {
    let (h, n) = (highest?, now?);
    (h > n).then(|| h - n)
}

/// The demo's year of history: a deterministic path around each client's score today — a
/// slow climb, a dip about four months ago that recovers within two weeks — backdated one row
/// a day (`backfill`), then today's real score. Only for the demo agency on first run.
pub async fn backfill_demo(tx: &TenantTx, agency: &agencies::Model) -> ApiResult<()> {
    let settings = settings::load(tx).await?;
    let subjects = subjects(tx, None).await?;
    let scores = compute(tx, agency, &settings, &subjects, None).await?;
    let now = tx.now();
    let today = agency_today(agency, now);
    let mut rows = Vec::new();
    for (client, s) in &scores {
        let base = f64::from(s.score.unwrap_or(70));
        for ago in (1..=365_i64).rev() {
            // Climb 12 points over the year; a ±2 wobble; the dip 125..110 days ago.
            let climb = -12.0 * ago as f64 / 365.0;
            let wobble = ((ago * 37 % 11) as f64 - 5.0) * 0.4;
            let dip = match ago {
                110..=125 => -28.0 * (1.0 - (ago as f64 - 117.5).abs() / 8.0).max(0.3),
                _ => 0.0,
            };
            let score = (base + climb + wobble + dip).round().clamp(0.0, 100.0) as u8;
            let mut past = s.clone();
            past.score = Some(score);
            past.computed_at = now - Duration::days(ago);
            rows.push((*client, past, today - Duration::days(ago)));
        }
    }
    for chunk in rows.chunks(CHUNK) {
        let mut history = Vec::with_capacity(chunk.len());
        for (client, s, day) in chunk {
            history.push(health_scores::ActiveModel {
                id: Set(uuid::Uuid::new_v4()),
                agency_id: Set(tx.agency_id()),
                client_id: Set(*client),
                day: Set(*day),
                score: Set(s.score.map(i32::from)),
                parts: Set(serde_json::to_string(s).map_err(ApiError::internal)?),
                cause: Set("backfill".into()),
                computed_at: Set(s.computed_at),
            });
        }
        tx.insert_many(history).await?;
    }
    record(tx, scores.into_iter().collect(), today, "daily").await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dip_below_the_corridor_is_marked() {
        let start: NaiveDate = "2026-01-01".parse().unwrap();
        let mut points: Vec<(NaiveDate, u8)> = (0..20).map(|i| (start + Duration::days(i), 80)).collect();
        points.push((start + Duration::days(20), 55));
        let days = corridor(&points, 10);
        assert!(!days[19].below);
        let dip = &days[20];
        // Mean of twenty 80s and one 55 = 78.8; the band 68.8..88.8; 55 is below it.
        assert_eq!((dip.mean, dip.low, dip.high), (78.8, 68.8, 88.8));
        assert!(dip.below);
        assert_eq!(drop(Some(80), Some(55)), Some(25));
        assert_eq!(drop(Some(50), Some(55)), None);
        assert_eq!(drop(None, Some(55)), None);
    }
}
