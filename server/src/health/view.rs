//! What staff read: a client's health page, the agency's (or a manager's) overview with the
//! at-risk list and portfolios, and the settings preview. Owners, admins and account managers
//! only (specialists 403); contacts never reach any of it.

use super::settings;
use super::store::{self, SCORED};
use crate::clients::access::{self, VisibleClients};
use crate::clients::view::staff_names;
use crate::db::TenantTx;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::auth::ClientRef;
use accord_api::health::{
    ClientHealth, ClientScoreRow, HealthOverview, HealthPreview, HealthSettings, Portfolio, PreviewRow, RiskFlag,
};
use accord_api::{ClientId, ClientStatus, UserId};
use accord_entity::{agencies, clients};
use chrono::Duration;
use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
use std::collections::{BTreeMap, HashMap};

/// Why a client is at risk under `s`.
pub fn flags(score: Option<u8>, drop: Option<u8>, s: &HealthSettings) -> Vec<RiskFlag> {
    let mut out = Vec::new();
    if score.is_some_and(|v| u32::from(v) < s.at_risk_below) {
        out.push(RiskFlag::Low);
    }
    if drop.is_some_and(|d| u32::from(d) >= s.drop_points) {
        out.push(RiskFlag::Drop);
    }
    out
}

async fn agency(tx: &TenantTx) -> ApiResult<agencies::Model> {
    tx.find::<agencies::Entity>().one().await?.ok_or_else(ApiError::not_found)
}

/// A client's health page: the score computed now from its signals, its parts, and a year of
/// history with the corridor.
pub async fn client(state: &AppState, staff: &Staff, id: ClientId) -> ApiResult<ClientHealth> {
    // Whether the client is there comes first (404 alike for every outsider), then the role.
    let tx = access::open_read(state, staff, id).await?;
    staff.require_client_manager()?;
    let c = tx.client().clone();
    let t = tx.agency();
    let agency = agency(t).await?;
    let settings = settings::load(t).await?;
    let subjects = vec![super::facts::Subject::of(&c)];
    let mut scores = store::compute(t, &agency, &settings, &subjects, Some(c.id)).await?;
    let mut current = scores.remove(&c.id).ok_or_else(ApiError::not_found)?;
    // Money is for the client's own manager (and owners, admins): a colleague who reads the
    // client ("managers see all clients") gets the score without the invoices behind it.
    if !access::may_manage(staff, &c) {
        current.parts.retain(|p| p.key != accord_api::health::SignalKey::Money);
    }
    let today = crate::surveys::store::agency_today(&agency, tx.now());
    let points = store::daily_points(t, c.id, today - Duration::days(365)).await?;
    let since = today - Duration::days(i64::from(settings.drop_days));
    let highest = points.iter().filter(|(d, _)| *d >= since).map(|(_, s)| *s).chain(current.score).max();
    let drop = store::drop(highest, current.score);
    let history = store::corridor(&points, settings.corridor);
    tx.commit().await?;
    Ok(ClientHealth {
        client: ClientRef { id: c.id, name: c.name, status: c.status },
        flags: flags(current.score, drop, &settings),
        current,
        history,
        drop,
        settings,
    })
}

/// A watched client as the lists need it.
pub struct Watched {
    pub client: ClientRef,
    pub manager: Option<UserId>,
}

async fn watched(tx: &TenantTx, visible: &VisibleClients, manager: Option<UserId>) -> ApiResult<Vec<Watched>> {
    let mut q = tx
        .find_in::<clients::Entity>(visible)
        .select_only()
        .column(clients::Column::Id)
        .column(clients::Column::Name)
        .column(clients::Column::Status)
        .column(clients::Column::AccountManagerId)
        .filter(clients::Column::ArchivedAt.is_null())
        .filter(clients::Column::Status.is_in(SCORED));
    if let Some(m) = manager {
        q = q.filter(clients::Column::AccountManagerId.eq(m));
    }
    let rows: Vec<(ClientId, String, ClientStatus, Option<UserId>)> = q.into_tuple().all().await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, status, manager)| Watched { client: ClientRef { id, name, status }, manager })
        .collect())
}

/// Score rows of `list` (watched clients the caller sees), lowest score first, with the at-risk
/// ones flagged and their reasons: four statements whatever the agency's size.
pub async fn score_rows(
    tx: &TenantTx,
    visible: &VisibleClients,
    list: Vec<Watched>,
    s: &HealthSettings,
    today: chrono::NaiveDate,
) -> ApiResult<Vec<ClientScoreRow>> {
    let mut latest = store::latest(tx, visible).await?;
    let highest = store::highest_since(tx, visible, today - Duration::days(i64::from(s.drop_days))).await?;
    let names = staff_names(tx, list.iter().filter_map(|w| w.manager).collect::<Vec<_>>()).await?;
    let mut rows: Vec<ClientScoreRow> = list
        .into_iter()
        .map(|w| {
            let current = latest.remove(&w.client.id);
            let score = current.as_ref().and_then(|c| c.score);
            let drop = store::drop(highest.get(&w.client.id).copied(), score);
            let (weak, computed_at) = current.map_or((Vec::new(), None), |c| (c.weak, Some(c.computed_at)));
            ClientScoreRow {
                manager: crate::clients::view::staff_ref(w.manager, &names),
                score,
                drop,
                flags: flags(score, drop, s),
                weak,
                reasons: Vec::new(),
                computed_at,
                client: w.client,
            }
        })
        .collect();
    // The reasons are read (and sent) for the clients at risk only.
    let flagged: Vec<ClientId> = rows.iter().filter(|r| !r.flags.is_empty()).map(|r| r.client.id).collect();
    let mut parts = store::latest_parts(tx, visible, &flagged).await?;
    for r in rows.iter_mut().filter(|r| !r.flags.is_empty()) {
        if let Some(p) = parts.remove(&r.client.id) {
            r.reasons = p.parts.into_iter().filter(|p| p.grade < 5.0).collect();
            r.reasons.sort_by(|a, b| a.grade.total_cmp(&b.grade).then(b.weight.cmp(&a.weight)));
        }
    }
    // Lowest first; clients with no score last; then by name.
    rows.sort_by(|a, b| {
        let key = |r: &ClientScoreRow| r.score.map_or(1000, u32::from);
        key(a).cmp(&key(b)).then_with(|| a.client.name.cmp(&b.client.name))
    });
    Ok(rows)
}

/// The agency's (or one manager's) overview.
pub async fn overview(state: &AppState, staff: &Staff, manager: Option<UserId>) -> ApiResult<HealthOverview> {
    staff.require_client_manager()?;
    let tx = state.db.tenant_read(staff).await?;
    let visible = VisibleClients::of(&tx, staff).await?;
    let agency = agency(&tx).await?;
    let settings = settings::load(&tx).await?;
    let today = crate::surveys::store::agency_today(&agency, tx.now());
    let list = watched(&tx, &visible, manager).await?;
    let clients = score_rows(&tx, &visible, list, &settings, today).await?;
    tx.commit_agency_wide_read().await?;
    let mut portfolios: BTreeMap<Option<UserId>, Portfolio> = BTreeMap::new();
    let mut sums: HashMap<Option<UserId>, u32> = HashMap::new();
    for r in &clients {
        let key = r.manager.as_ref().map(|m| m.id);
        let p = portfolios.entry(key).or_insert_with(|| Portfolio {
            manager: r.manager.clone(),
            clients: 0,
            scored: 0,
            mean: None,
            at_risk: 0,
        });
        p.clients += 1;
        if let Some(s) = r.score {
            p.scored += 1;
            *sums.entry(key).or_default() += u32::from(s);
        }
        if !r.flags.is_empty() {
            p.at_risk += 1;
        }
    }
    let mut portfolios: Vec<Portfolio> = portfolios
        .into_iter()
        .map(|(key, mut p)| {
            if p.scored > 0 {
                let mean = f64::from(sums.get(&key).copied().unwrap_or(0)) / f64::from(p.scored);
                p.mean = Some((mean * 10.0).round() / 10.0);
            }
            p
        })
        .collect();
    portfolios.sort_by(|a, b| {
        let name = |p: &Portfolio| p.manager.as_ref().map(|m| m.name.clone());
        (a.manager.is_none(), name(a)).cmp(&(b.manager.is_none(), name(b)))
    });
    let at_risk = clients.iter().filter(|r| !r.flags.is_empty()).cloned().collect();
    Ok(HealthOverview { at_risk, portfolios, clients, settings })
}

/// What proposed settings would do to the agency's scores (owners and admins; nothing saved):
/// both computed now from the same facts.
pub async fn preview(state: &AppState, staff: &Staff, proposed: HealthSettings) -> ApiResult<HealthPreview> {
    staff.require_admin()?;
    let proposed = settings::check(proposed)?;
    let tx = state.db.tenant_read(staff).await?;
    let agency = agency(&tx).await?;
    let current = settings::load(&tx).await?;
    let subjects = store::subjects(&tx, None).await?;
    let now = tx.now();
    let facts = super::facts::gather(&tx, &agency, &current, &subjects, None, now).await?;
    let every = VisibleClients::whole_agency();
    let list = watched(&tx, &every, None).await?;
    let today = crate::surveys::store::agency_today(&agency, now);
    let since_now = today - Duration::days(i64::from(current.drop_days));
    let since_proposed = today - Duration::days(i64::from(proposed.drop_days));
    let highest_now = store::highest_since(&tx, &every, since_now).await?;
    let highest_proposed = store::highest_since(&tx, &every, since_proposed).await?;
    tx.commit().await?;
    // Both use the facts as gathered now (an incident's "open too long" under the current
    // limit; a new limit takes effect from the recomputation that saving starts).
    let mut rows = Vec::new();
    let (mut sum_now, mut n_now, mut sum_p, mut n_p) = (0u32, 0u32, 0u32, 0u32);
    let (mut risk_now, mut risk_p, mut changed) = (0u32, 0u32, 0u32);
    for w in list {
        let Some(f) = facts.get(&w.client.id) else { continue };
        let a = super::signals::score(f, &current.weights, now).score;
        let b = super::signals::score(f, &proposed.weights, now).score;
        let at_now = !flags(a, store::drop(highest_now.get(&w.client.id).copied(), a), &current).is_empty();
        let at_p = !flags(b, store::drop(highest_proposed.get(&w.client.id).copied(), b), &proposed).is_empty();
        for (s, sum, n) in [(a, &mut sum_now, &mut n_now), (b, &mut sum_p, &mut n_p)] {
            if let Some(s) = s {
                *sum += u32::from(s);
                *n += 1;
            }
        }
        risk_now += u32::from(at_now);
        risk_p += u32::from(at_p);
        if a != b || at_now != at_p {
            changed += 1;
            rows.push(PreviewRow {
                client: w.client,
                current: a,
                proposed: b,
                at_risk_now: at_now,
                at_risk_proposed: at_p,
            });
        }
    }
    let change = |r: &PreviewRow| {
        let d = i32::from(r.proposed.unwrap_or(0)) - i32::from(r.current.unwrap_or(0));
        (r.at_risk_now != r.at_risk_proposed, d.abs())
    };
    rows.sort_by(|x, y| change(y).cmp(&change(x)).then_with(|| x.client.name.cmp(&y.client.name)));
    let clients = u32::try_from(facts.len()).unwrap_or(u32::MAX);
    rows.truncate(50);
    let mean = |sum: u32, n: u32| (n > 0).then(|| (f64::from(sum) / f64::from(n) * 10.0).round() / 10.0);
    Ok(HealthPreview {
        rows,
        clients,
        changed,
        at_risk_now: risk_now,
        at_risk_proposed: risk_p,
        mean_now: mean(sum_now, n_now),
        mean_proposed: mean(sum_p, n_p),
    })
}
