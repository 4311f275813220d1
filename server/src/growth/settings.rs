//! The agency facts growth reads: its base currency (finance settings, "RUB" until saved) and
//! today's date in its time zone.

use crate::db::TenantTx;
use crate::error::ApiResult;
use accord_entity::{agencies, finance_settings};
use chrono::NaiveDate;

/// The base currency amounts are totalled in.
pub async fn base_currency(tx: &TenantTx) -> ApiResult<String> {
    let saved = tx.find::<finance_settings::Entity>().one().await?;
    Ok(saved.map_or_else(|| "RUB".to_string(), |s| s.base_currency))
}

/// Today in the agency's time zone.
pub async fn today(tx: &TenantTx) -> ApiResult<NaiveDate> {
    let agency = tx.find::<agencies::Entity>().one().await?;
    Ok(match agency {
        Some(a) => crate::surveys::store::agency_today(&a, tx.now()),
        None => tx.now().date_naive(),
    })
}

/// `amount × percent / 100`, rounded half away from zero (weighted upsell values).
pub fn weighted(amount_minor: i64, percent: i32) -> i64 {
    let num = i128::from(amount_minor) * i128::from(percent);
    let q = num / 100;
    let r = num % 100;
    let q = if r.abs() * 2 >= 100 { q + num.signum() } else { q };
    i64::try_from(q).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    #[test]
    fn weighted_rounds_half_away_from_zero() {
        assert_eq!(super::weighted(1_000_000, 30), 300_000);
        assert_eq!(super::weighted(5, 50), 3);
        assert_eq!(super::weighted(4, 50), 2);
        assert_eq!(super::weighted(1, 49), 0);
        assert_eq!(super::weighted(7, 0), 0);
    }
}
