//! ABC tiers by Pareto over trailing-12-month paid revenue ([`pareto`], pure) and writing them
//! ([`recompute`]): every client's computed tier (`clients.abc_tier`), and its tier in force
//! (`value_tier`) unless that was set by hand (`tier_override`).

use super::{figures, repo};
use crate::clients::access::VisibleClients;
use crate::db::TenantTx;
use crate::error::{ApiError, ApiResult};
use accord_api::{ClientId, ValueTier};
use accord_entity::{agencies, clients};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
use std::cmp::Reverse;
use std::collections::HashMap;

/// One client's place in the Pareto table.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    pub id: ClientId,
    pub name: String,
    /// Trailing-12-month revenue, minor units of the base currency.
    pub minor: i64,
    /// Share of the total, percent, two decimals.
    pub share_pct: f64,
    /// The running share down the table including this client, percent, two decimals.
    pub cumulative_pct: f64,
    pub tier: ValueTier,
}

fn pct(part: i128, total: i128) -> f64 {
    if total <= 0 {
        return 0.0;
    }
    // Basis points, rounded, then two decimals of a percent.
    let bp = (part * 10_000 * 2 + total) / (total * 2);
    bp as f64 / 100.0
}

/// Ranks clients by revenue (highest first, ties by name, then id): A up to and including the
/// client whose revenue takes the running total to 80 % or more of the whole, B up to and
/// including the one taking it to 95 % or more, C the rest and every client without revenue.
pub fn pareto(clients: Vec<(ClientId, String, i64)>) -> Vec<Ranked> {
    let mut rows = clients;
    rows.sort_by(|a, b| (Reverse(a.2), &a.1, a.0).cmp(&(Reverse(b.2), &b.1, b.0)));
    let total: i128 = rows.iter().map(|r| i128::from(r.2.max(0))).sum();
    let mut running: i128 = 0;
    rows.into_iter()
        .map(|(id, name, minor)| {
            let before = running;
            let tier = if minor <= 0 {
                ValueTier::C
            } else if before * 100 < total * 80 {
                ValueTier::A
            } else if before * 100 < total * 95 {
                ValueTier::B
            } else {
                ValueTier::C
            };
            running += i128::from(minor.max(0));
            Ranked {
                id,
                name,
                minor,
                share_pct: pct(i128::from(minor.max(0)), total),
                cumulative_pct: pct(running, total),
                tier,
            }
        })
        .collect()
}

/// The whole agency's table as of `today` (two statements: clients, revenue by client).
pub async fn table(tx: &TenantTx, today: chrono::NaiveDate) -> ApiResult<Vec<Ranked>> {
    let every = VisibleClients::whole_agency();
    let names: Vec<(ClientId, String)> = tx
        .find_in::<clients::Entity>(&every)
        .select_only()
        .column(clients::Column::Id)
        .column(clients::Column::Name)
        .into_tuple()
        .all()
        .await?;
    let revenue: HashMap<ClientId, i64> =
        repo::paid_by_client(tx.find_in(&every), figures::trailing_start(today), today).await?.into_iter().collect();
    Ok(pareto(names.into_iter().map(|(id, name)| (id, name, revenue.get(&id).copied().unwrap_or(0))).collect()))
}

/// Ids per update statement (SQLite's parameter limit stays far away).
const CHUNK: usize = 500;

/// Computes every client's tier and writes what changed: at most two updates per tier (and
/// chunk), whatever the agency's size. Returns how many clients changed.
pub async fn recompute(tx: &TenantTx) -> ApiResult<usize> {
    let agency = tx.find::<agencies::Entity>().one().await?.ok_or_else(ApiError::not_found)?;
    let today = crate::surveys::store::agency_today(&agency, tx.now());
    let ranked = table(tx, today).await?;
    let every = VisibleClients::whole_agency();
    let stored: Vec<(ClientId, Option<ValueTier>, Option<ValueTier>, bool)> = tx
        .find_in::<clients::Entity>(&every)
        .select_only()
        .column(clients::Column::Id)
        .column(clients::Column::AbcTier)
        .column(clients::Column::ValueTier)
        .column(clients::Column::TierOverride)
        .into_tuple()
        .all()
        .await?;
    let stored: HashMap<ClientId, (Option<ValueTier>, Option<ValueTier>, bool)> =
        stored.into_iter().map(|(id, abc, value, manual)| (id, (abc, value, manual))).collect();
    let mut changed = 0;
    for tier in [ValueTier::A, ValueTier::B, ValueTier::C] {
        let mut computed = Vec::new();
        let mut in_force = Vec::new();
        for r in ranked.iter().filter(|r| r.tier == tier) {
            let Some((abc, value, manual)) = stored.get(&r.id) else { continue };
            if *abc != Some(tier) {
                computed.push(r.id);
            }
            if !manual && *value != Some(tier) {
                in_force.push(r.id);
            }
        }
        changed += computed.len().max(in_force.len());
        for (column, ids, in_force) in
            [(clients::Column::AbcTier, computed, false), (clients::Column::ValueTier, in_force, true)]
        {
            for chunk in ids.chunks(CHUNK) {
                let mut update = tx
                    .update_in::<clients::Entity>(&every)
                    .col_expr(column, Expr::value(tier.to_string()))
                    .filter(clients::Column::Id.is_in(chunk.iter().copied()));
                if in_force {
                    // A tier set by hand since the read above stays.
                    update = update.filter(clients::Column::TierOverride.eq(false));
                }
                update.exec().await?;
            }
        }
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> ClientId {
        ClientId(uuid::Uuid::from_u128(n))
    }

    /// Revenue 500, 200, 150, 100, 30, 20 and 0 (total 1000), by hand: running shares 50 %,
    /// 70 %, 85 % (crosses 80 → last A), 95 % (crosses 95 → last B), 98 %, 100 % (C), and the
    /// client without revenue is C. Equal revenue is ordered by name.
    #[test]
    fn a_known_pareto_split() {
        let rows = vec![
            (id(1), "Delta".to_string(), 100),
            (id(2), "Alpha".to_string(), 500),
            (id(3), "Echo".to_string(), 30),
            (id(4), "Bravo".to_string(), 200),
            (id(5), "Charlie".to_string(), 150),
            (id(6), "Foxtrot".to_string(), 20),
            (id(7), "Golf".to_string(), 0),
        ];
        let ranked = pareto(rows);
        let got: Vec<(&str, ValueTier, f64)> =
            ranked.iter().map(|r| (r.name.as_str(), r.tier, r.cumulative_pct)).collect();
        use ValueTier::*;
        assert_eq!(
            got,
            vec![
                ("Alpha", A, 50.0),
                ("Bravo", A, 70.0),
                ("Charlie", A, 85.0),
                ("Delta", B, 95.0),
                ("Echo", C, 98.0),
                ("Foxtrot", C, 100.0),
                ("Golf", C, 100.0),
            ]
        );
        assert_eq!(ranked[0].share_pct, 50.0);
        assert_eq!(ranked[6].share_pct, 0.0);
    }

    #[test]
    fn reaching_exactly_80_percent_ends_a_and_ties_go_by_name() {
        // 40 + 40 = 80 % exactly: both A; the next (10) crosses 95? 90 % no → B; 10 more → 100 %
        // crosses 95 → B as well (the one crossing is included).
        let rows = vec![
            (id(1), "Zed".to_string(), 40),
            (id(2), "Abe".to_string(), 40),
            (id(3), "Kim".to_string(), 10),
            (id(4), "Lou".to_string(), 10),
        ];
        let ranked = pareto(rows);
        let got: Vec<(&str, ValueTier)> = ranked.iter().map(|r| (r.name.as_str(), r.tier)).collect();
        use ValueTier::*;
        assert_eq!(got, vec![("Abe", A), ("Zed", A), ("Kim", B), ("Lou", B)]);
        // One client alone is A; nobody with revenue: everyone C.
        assert_eq!(pareto(vec![(id(1), "Solo".into(), 5)])[0].tier, A);
        assert!(pareto(vec![(id(1), "A".into(), 0), (id(2), "B".into(), 0)]).iter().all(|r| r.tier == C));
    }
}
