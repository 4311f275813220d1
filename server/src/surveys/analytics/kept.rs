//! The sums the database keeps for the agency-wide analytics: per day (`survey_day_tallies`,
//! `survey_day_ratings`, migration 000021) for the totals, months and quarters, and per month
//! and recorded segment value (`survey_segment_tallies`, `survey_segment_ratings`, migration
//! 000024) for the per-manager and per-segment tables. A view of the whole agency reads whole
//! months from these few rows and groups the answers of the period's edge days only.

use super::{add_criterion, n32, Cell, Sums};
use crate::clients::access::VisibleClients;
use crate::db::TenantTx;
use crate::error::{ApiError, ApiResult};
use crate::surveys::score::NpsTally;
use accord_api::{Activity, ClientId, Temperament, UserId, ValueTier};
use accord_entity::{survey_segment_ratings as sr, survey_segment_tallies as st};
use chrono::{Datelike, Duration, Months, NaiveDate};
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{ColumnTrait, DbBackend, QueryFilter, QuerySelect};
use std::collections::HashMap;
use std::hash::Hash;

/// The sum of a kept column as a 64-bit integer on both databases (PostgreSQL sums a `bigint`
/// column as `numeric`).
fn total(column: &str) -> SimpleExpr {
    Expr::cust(format!("CAST(SUM({column}) AS BIGINT)"))
}

/// The first day of the month of a kept row's `answered_on`, in the database's own words.
fn month_of(tx: &TenantTx, table: &str) -> SimpleExpr {
    Expr::cust(if tx.backend() == DbBackend::Postgres {
        format!("CAST(date_trunc('month', \"{table}\".\"answered_on\") AS date)")
    } else {
        format!("date(\"{table}\".\"answered_on\", 'start of month')")
    })
}

/// The agency's answers and ratings of the period's days by month (keyed by its first day), as
/// the database summed them on every write and adds up here: a row a month and a row a month and
/// criterion, however many answers and days.
pub(super) async fn by_month(tx: &TenantTx, from: NaiveDate, to: NaiveDate) -> ApiResult<HashMap<NaiveDate, Sums>> {
    use accord_entity::{survey_day_ratings as dr, survey_day_tallies as dt};
    let months: Vec<(NaiveDate, i64, i64, i64, i64)> = tx
        .find::<dt::Entity>()
        .select_only()
        .column_as(month_of(tx, "survey_day_tallies"), "month")
        .column_as(total("promoters"), "promoters")
        .column_as(total("passives"), "passives")
        .column_as(total("detractors"), "detractors")
        .column_as(total("csi_n"), "csi_n")
        .filter(dt::Column::AnsweredOn.gte(from))
        .filter(dt::Column::AnsweredOn.lte(to))
        .group_by(month_of(tx, "survey_day_tallies"))
        .into_tuple()
        .all()
        .await?;
    let mut out: HashMap<NaiveDate, Sums> = HashMap::with_capacity(months.len());
    for (month, promoters, passives, detractors, csi_n) in months {
        let e = out.entry(month).or_default();
        e.nps.merge(NpsTally { promoters: n32(promoters), passives: n32(passives), detractors: n32(detractors) });
        e.csi_n += n32(csi_n);
    }
    let ratings: Vec<(NaiveDate, String, i64, i64, i64)> = tx
        .find::<dr::Entity>()
        .select_only()
        .column_as(month_of(tx, "survey_day_ratings"), "month")
        .column(dr::Column::CriterionKey)
        .column_as(total("importance"), "importance")
        .column_as(total("satisfaction"), "satisfaction")
        .column_as(total("n"), "n")
        .filter(dr::Column::AnsweredOn.gte(from))
        .filter(dr::Column::AnsweredOn.lte(to))
        .group_by(month_of(tx, "survey_day_ratings"))
        .group_by(dr::Column::CriterionKey)
        .having(Expr::cust("SUM(n) > 0"))
        .into_tuple()
        .all()
        .await?;
    for (month, key, importance, satisfaction, n) in ratings {
        add_criterion(out.entry(month).or_default(), &key, (importance, satisfaction), n);
    }
    Ok(out)
}

/// The per-manager and per-segment groups, by the value each answer recorded (`None`: the client
/// had none). Answers that recorded no value of a dimension are in none of its groups.
#[derive(Default)]
pub(super) struct Segments {
    pub managers: HashMap<Option<UserId>, Sums>,
    pub temperaments: HashMap<Option<Temperament>, Sums>,
    pub activities: HashMap<Option<Activity>, Sums>,
    pub tiers: HashMap<Option<ValueTier>, Sums>,
}

fn add_to<K: Eq + Hash>(groups: &mut HashMap<K, Sums>, key: K, sums: &Sums) {
    groups.entry(key).or_default().add(sums);
}

impl Segments {
    /// Adds a cell's sums to each dimension it recorded.
    pub(super) fn add_cell(&mut self, cell: &Cell, sums: &Sums) {
        if let Some(m) = cell.manager {
            add_to(&mut self.managers, m, sums);
        }
        if let Some(x) = cell.temperament {
            add_to(&mut self.temperaments, x, sums);
        }
        if let Some(x) = cell.activity {
            add_to(&mut self.activities, x, sums);
        }
        if let Some(x) = cell.tier {
            add_to(&mut self.tiers, x, sums);
        }
    }

    /// The group of a kept row's dimension and value.
    fn group(&mut self, dim: &str, value: &str) -> ApiResult<&mut Sums> {
        fn named<T>(value: &str, parse: impl Fn(&str) -> Option<T>) -> ApiResult<Option<T>> {
            if value.is_empty() {
                return Ok(None);
            }
            parse(value).map(Some).ok_or_else(|| ApiError::internal("a kept survey sum names an unknown segment"))
        }
        Ok(match dim {
            "m" => self.managers.entry(named(value, |v| uuid::Uuid::parse_str(v).ok().map(UserId))?).or_default(),
            "t" => self.temperaments.entry(named(value, Temperament::parse)?).or_default(),
            "a" => self.activities.entry(named(value, Activity::parse)?).or_default(),
            "v" => self.tiers.entry(named(value, ValueTier::parse)?).or_default(),
            _ => return Err(ApiError::internal("a kept survey sum of an unknown dimension")),
        })
    }
}

/// The whole months of `from..=to`: the first one's first day and the first day after the
/// last one, if the period holds any.
pub(super) fn whole_months(from: NaiveDate, to: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let first_of = |d: NaiveDate| d.with_day(1).unwrap_or(d);
    let start = if from.day() == 1 { from } else { first_of(from).checked_add_months(Months::new(1))? };
    let end = first_of(to.checked_add_signed(Duration::days(1))?);
    (start < end).then_some((start, end))
}

/// The whole years of the months `start..end` (first days of months): the first year's first
/// day and the first day after the last one, if there are any.
fn whole_years((start, end): (NaiveDate, NaiveDate)) -> Option<(NaiveDate, NaiveDate)> {
    let new_year = |year: i32| NaiveDate::from_ymd_opt(year, 1, 1);
    let first = if start.month() == 1 { start } else { new_year(start.year() + 1)? };
    let last = new_year(end.year())?;
    (first < last).then_some((first, last))
}

/// Adds each client's answers of the months `start..end` (those with an NPS, those with a CSI)
/// to `into`, from the counts the database keeps: a row per client and whole year, and per
/// client and month for the months outside whole years.
pub(super) async fn client_counts(
    tx: &TenantTx,
    clients: &VisibleClients,
    (start, end): (NaiveDate, NaiveDate),
    into: &mut HashMap<ClientId, (i64, i64)>,
) -> ApiResult<()> {
    use accord_entity::survey_client_tallies as ct;
    // Each span and range on its own: one range of the table's key, where an `OR` of them read
    // every row of the agency (110 ms at full size).
    let ranges = match whole_years((start, end)) {
        Some((first, last)) => vec![("y", first, last), ("m", start, first), ("m", last, end)],
        None => vec![("m", start, end)],
    };
    for (span, from, until) in ranges.into_iter().filter(|(_, from, until)| from < until) {
        let rows: Vec<(ClientId, i64, i64)> = tx
            .find_in::<ct::Entity>(clients)
            .select_only()
            .column(ct::Column::ClientId)
            .column_as(total("nps_n"), "nps_n")
            .column_as(total("csi_n"), "csi_n")
            .filter(ct::Column::Span.eq(span))
            .filter(ct::Column::Start.gte(from))
            .filter(ct::Column::Start.lt(until))
            .group_by(ct::Column::ClientId)
            .having(Expr::cust("SUM(answers) > 0"))
            .into_tuple()
            .all()
            .await?;
        for (id, nps, csi) in rows {
            let e = into.entry(id).or_default();
            e.0 += nps;
            e.1 += csi;
        }
    }
    Ok(())
}

/// The days of `from..=to` outside `months` (the edge days), as ranges of days.
pub(super) fn edge_days(
    from: NaiveDate,
    to: NaiveDate,
    months: Option<(NaiveDate, NaiveDate)>,
) -> Vec<(NaiveDate, NaiveDate)> {
    let Some((start, end)) = months else { return vec![(from, to)] };
    let mut out = Vec::new();
    if let Some(before) = start.pred_opt().filter(|d| from <= *d) {
        out.push((from, before));
    }
    if end <= to {
        out.push((end, to));
    }
    out
}

/// Adds the kept per-month sums of the months `start..end` to `into`: one row per dimension,
/// value (and criterion) however many answers, summed by the database.
pub(super) async fn by_segment(
    tx: &TenantTx,
    (start, end): (NaiveDate, NaiveDate),
    into: &mut Segments,
) -> ApiResult<()> {
    let answers: Vec<(String, String, i64, i64, i64, i64)> = tx
        .find::<st::Entity>()
        .select_only()
        .column(st::Column::Dim)
        .column(st::Column::Value)
        .column_as(total("promoters"), "promoters")
        .column_as(total("passives"), "passives")
        .column_as(total("detractors"), "detractors")
        .column_as(total("csi_n"), "csi_n")
        .filter(st::Column::Month.gte(start))
        .filter(st::Column::Month.lt(end))
        .group_by(st::Column::Dim)
        .group_by(st::Column::Value)
        .having(Expr::cust("SUM(answers) > 0"))
        .into_tuple()
        .all()
        .await?;
    for (dim, value, promoters, passives, detractors, csi_n) in answers {
        let e = into.group(&dim, &value)?;
        e.nps.merge(NpsTally { promoters: n32(promoters), passives: n32(passives), detractors: n32(detractors) });
        e.csi_n += n32(csi_n);
    }
    let ratings: Vec<(String, String, String, i64, i64, i64)> = tx
        .find::<sr::Entity>()
        .select_only()
        .column(sr::Column::Dim)
        .column(sr::Column::Value)
        .column(sr::Column::CriterionKey)
        .column_as(total("importance"), "importance")
        .column_as(total("satisfaction"), "satisfaction")
        .column_as(total("n"), "n")
        .filter(sr::Column::Month.gte(start))
        .filter(sr::Column::Month.lt(end))
        .group_by(sr::Column::Dim)
        .group_by(sr::Column::Value)
        .group_by(sr::Column::CriterionKey)
        .having(Expr::cust("SUM(n) > 0"))
        .into_tuple()
        .all()
        .await?;
    for (dim, value, key, importance, satisfaction, n) in ratings {
        add_criterion(into.group(&dim, &value)?, &key, (importance, satisfaction), n);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn periods_split_into_whole_months_and_edge_days() {
        let whole = whole_months(d("2025-01-01"), d("2026-12-31"));
        assert_eq!(whole, Some((d("2025-01-01"), d("2027-01-01"))));
        assert!(edge_days(d("2025-01-01"), d("2026-12-31"), whole).is_empty());

        let whole = whole_months(d("2026-01-01"), d("2026-12-07"));
        assert_eq!(whole, Some((d("2026-01-01"), d("2026-12-01"))));
        assert_eq!(edge_days(d("2026-01-01"), d("2026-12-07"), whole), vec![(d("2026-12-01"), d("2026-12-07"))]);

        let whole = whole_months(d("2025-02-15"), d("2025-04-30"));
        assert_eq!(whole, Some((d("2025-03-01"), d("2025-05-01"))));
        assert_eq!(edge_days(d("2025-02-15"), d("2025-04-30"), whole), vec![(d("2025-02-15"), d("2025-02-28"))]);

        let whole = whole_months(d("2024-02-10"), d("2024-04-03"));
        assert_eq!(whole, Some((d("2024-03-01"), d("2024-04-01"))));
        assert_eq!(
            edge_days(d("2024-02-10"), d("2024-04-03"), whole),
            vec![(d("2024-02-10"), d("2024-02-29")), (d("2024-04-01"), d("2024-04-03"))]
        );

        // Within one month, or a whole February, or one day.
        assert_eq!(whole_months(d("2026-10-02"), d("2026-10-30")), None);
        assert_eq!(edge_days(d("2026-10-02"), d("2026-10-30"), None), vec![(d("2026-10-02"), d("2026-10-30"))]);
        assert_eq!(whole_months(d("2026-02-01"), d("2026-02-28")), Some((d("2026-02-01"), d("2026-03-01"))));
        assert_eq!(whole_months(d("2026-03-31"), d("2026-03-31")), None);
        assert_eq!(whole_months(d("2026-03-01"), d("2026-03-01")), None);
    }

    #[test]
    fn whole_months_split_into_whole_years_and_months() {
        let years = |from: &str, until: &str| whole_years((d(from), d(until)));
        assert_eq!(years("2025-01-01", "2027-01-01"), Some((d("2025-01-01"), d("2027-01-01"))));
        assert_eq!(years("2025-03-01", "2027-01-01"), Some((d("2026-01-01"), d("2027-01-01"))));
        assert_eq!(years("2025-01-01", "2026-12-01"), Some((d("2025-01-01"), d("2026-01-01"))));
        assert_eq!(years("2025-03-01", "2026-12-01"), None);
        assert_eq!(years("2026-01-01", "2026-12-01"), None);
        assert_eq!(years("2024-02-01", "2027-02-01"), Some((d("2025-01-01"), d("2027-01-01"))));
    }
}
