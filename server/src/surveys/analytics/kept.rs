//! The sums the database keeps for the agency-wide analytics: per day (`survey_day_tallies`,
//! `survey_day_ratings`, migration 000021) for the totals, months and quarters, and per month
//! and recorded segment value (`survey_segment_tallies`, `survey_segment_ratings`, migration
//! 000024) for the per-manager and per-segment tables. A view of the whole agency reads whole
//! months from these few rows and groups the answers of the period's edge days only.

use super::{add_criterion, n32, Cell, Sums};
use crate::clients::access::VisibleClients;
use crate::db::{TenantTx, UnionPart};
use crate::error::{ApiError, ApiResult};
use crate::surveys::score::NpsTally;
use accord_api::{Activity, ClientId, Temperament, UserId, ValueTier};
use accord_entity::{survey_segment_ratings as sr, survey_segment_tallies as st};
use chrono::{Datelike, Duration, Months, NaiveDate};
use sea_orm::sea_query::{Alias, Expr, Order, SimpleExpr};
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

    /// Leaves out groups with nothing left (all of their answers and ratings were in days taken
    /// away), as grouping afresh would never show them.
    pub(super) fn drop_empty(&mut self) {
        fn held(g: &Sums) -> bool {
            g.answers > 0 || g.criteria.values().any(|c| c.2 > 0)
        }
        self.managers.retain(|_, g| held(g));
        self.temperaments.retain(|_, g| held(g));
        self.activities.retain(|_, g| held(g));
        self.tiers.retain(|_, g| held(g));
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

fn first_of(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// The whole months of `from..=to`: the first one's first day and the first day after the
/// last one, if the period holds any.
pub(super) fn whole_months(from: NaiveDate, to: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let start = if from.day() == 1 { from } else { first_of(from).checked_add_months(Months::new(1))? };
    let end = first_of(to.checked_add_signed(Duration::days(1))?);
    (start < end).then_some((start, end))
}

/// How a whole-agency view reads its period: months (first days, `start..end`) from the kept
/// sums, and days grouped afresh, added (1) or taken away (-1).
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Plan {
    pub months: Option<(NaiveDate, NaiveDate)>,
    pub days: Vec<((NaiveDate, NaiveDate), i64)>,
}

impl Plan {
    /// The period's whole months, and its edge days — or, where an edge holds more days of its
    /// month than it leaves out, that whole month less the days left out: an edge never groups
    /// more than half a month afresh (2025-02-02 – 2026-11-29 groups 1 + 1 days, not 27 + 29).
    pub(super) fn of(from: NaiveDate, to: NaiveDate) -> Plan {
        let mut plan = Plan { months: whole_months(from, to), days: Vec::new() };
        for (a, b) in edge_days(from, to, plan.months) {
            let first = first_of(a);
            let Some(next) = first.checked_add_months(Months::new(1)) else {
                plan.days.push(((a, b), 1));
                continue;
            };
            let before = a.pred_opt().filter(|d| first <= *d).map(|d| (first, d));
            let after = b.succ_opt().filter(|d| *d < next).and_then(|d| Some((d, next.pred_opt()?)));
            let rest: Vec<(NaiveDate, NaiveDate)> = before.into_iter().chain(after).collect();
            let days = |(x, y): &(NaiveDate, NaiveDate)| (*y - *x).num_days() + 1;
            if rest.iter().map(days).sum::<i64>() < days(&(a, b)) {
                plan.months = Some(match plan.months {
                    Some((start, end)) => (start.min(first), end.max(next)),
                    None => (first, next),
                });
                plan.days.extend(rest.into_iter().map(|r| (r, -1)));
            } else {
                plan.days.push(((a, b), 1));
            }
        }
        plan
    }
}

/// A range of kept client rows: the span (`y` a year, `m` a month), the first row's start, the
/// start after the last one, and whether its counts are added (1) or taken away (-1).
type CountRange = (&'static str, NaiveDate, NaiveDate, i64);

/// The ranges of kept client rows whose counts add up to the months `start..end` (first days of
/// months), reading as few rows as it can: a year's row where the period holds the whole year;
/// where it holds most of a year, that year's row less its months outside the period (the
/// default period, this year to last month, is one year row less one month row, not eleven
/// month rows); otherwise the months themselves. Adjacent ranges of one span and sign merge.
fn count_ranges((start, end): (NaiveDate, NaiveDate)) -> Vec<CountRange> {
    let new_year = |year: i32| NaiveDate::from_ymd_opt(year, 1, 1);
    let months = |from: NaiveDate, until: NaiveDate| {
        (until.year() - from.year()) * 12 + until.month0() as i32 - from.month0() as i32
    };
    let mut out: Vec<CountRange> = Vec::new();
    let mut push = |span: &'static str, from: NaiveDate, until: NaiveDate, sign: i64| {
        if from >= until {
            return;
        }
        match out.iter_mut().find(|r| r.0 == span && r.3 == sign && r.2 == from) {
            Some(r) => r.2 = until,
            None => out.push((span, from, until, sign)),
        }
    };
    let mut year = start.year();
    while let (Some(jan), Some(next)) = (new_year(year), new_year(year + 1)) {
        if jan >= end {
            break;
        }
        let (from, until) = (start.max(jan), end.min(next));
        let inside = months(from, until);
        if inside == 12 {
            push("y", jan, next, 1);
        } else if 1 + (12 - inside) < inside {
            push("y", jan, next, 1);
            push("m", jan, from, -1);
            push("m", until, next, -1);
        } else {
            push("m", from, until, 1);
        }
        year += 1;
    }
    out
}

/// The `limit` clients with the most answers in the period — with an NPS or with a CSI,
/// whichever is more — then by id, as `analytics` orders its per-client table: the period's
/// whole months from the counts the database keeps per client and year or month (the ranges of
/// [`count_ranges`]), its edge days from their answers. One statement sums, ranks and cuts
/// them, so 200 rows come back however many clients answered (at full size the largest
/// agency's per-client rows of a year and a half took 44 ms as three grouped reads).
pub(super) async fn top_clients(
    tx: &TenantTx,
    clients: &VisibleClients,
    plan: &Plan,
    limit: u64,
) -> ApiResult<Vec<ClientId>> {
    use accord_entity::{survey_answers as sa, survey_client_tallies as ct};
    let mut parts: Vec<UnionPart<'_>> = Vec::new();
    // Each range on its own: one range of the table's key, where an `OR` of them read every row
    // of the agency (110 ms at full size).
    let signed = |sign: i64, column: &str| Expr::cust(if sign < 0 { format!("-{column}") } else { column.to_string() });
    for (span, from, until, sign) in plan.months.map(count_ranges).unwrap_or_default() {
        let part = tx
            .find_in::<ct::Entity>(clients)
            .select_only()
            .column(ct::Column::ClientId)
            .column_as(signed(sign, "answers"), "a")
            .column_as(signed(sign, "nps_n"), "n")
            .column_as(signed(sign, "csi_n"), "c")
            .filter(ct::Column::Span.eq(span))
            .filter(ct::Column::Start.gte(from))
            .filter(ct::Column::Start.lt(until));
        parts.push(part.union_part());
    }
    for &((from, to), sign) in &plan.days {
        let part = tx
            .find_in::<sa::Entity>(clients)
            .select_only()
            .column(sa::Column::ClientId)
            .column_as(signed(sign, "1"), "a")
            .column_as(signed(sign, "(CASE WHEN nps_class IS NULL THEN 0 ELSE 1 END)"), "n")
            .column_as(signed(sign, "(CASE WHEN csi IS NULL THEN 0 ELSE 1 END)"), "c")
            .filter(sa::Column::AnsweredOn.gte(from))
            .filter(sa::Column::AnsweredOn.lte(to));
        parts.push(part.union_part());
    }
    let greatest = if tx.backend() == DbBackend::Postgres { "GREATEST" } else { "MAX" };
    let rows = tx
        .union_all_rows(parts, |q| {
            let client = || Expr::col((Alias::new("u"), Alias::new("client_id")));
            q.expr(client())
                .group_by_col((Alias::new("u"), Alias::new("client_id")))
                .and_having(Expr::cust("SUM(u.a) > 0"))
                .order_by_expr(Expr::cust(format!("{greatest}(SUM(u.n), SUM(u.c))")), Order::Desc)
                .order_by_expr(client().into(), Order::Asc)
                .limit(limit);
        })
        .await?;
    Ok(rows.iter().map(|row| row.try_get_by_index::<ClientId>(0)).collect::<Result<_, _>>()?)
}

/// The days of `from..=to` outside `months` (the edge days), as ranges of days within one month
/// each.
pub(super) fn edge_days(
    from: NaiveDate,
    to: NaiveDate,
    months: Option<(NaiveDate, NaiveDate)>,
) -> Vec<(NaiveDate, NaiveDate)> {
    let Some((start, end)) = months else {
        // No whole month: the days of one month, or the ends of two months in a row.
        return match first_of(to).pred_opt().filter(|last| from <= *last) {
            Some(last) => vec![(from, last), (first_of(to), to)],
            None => vec![(from, to)],
        };
    };
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
    let answers: Vec<(String, String, i64, i64, i64, i64, i64)> = tx
        .find::<st::Entity>()
        .select_only()
        .column(st::Column::Dim)
        .column(st::Column::Value)
        .column_as(total("answers"), "answers")
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
    for (dim, value, answers, promoters, passives, detractors, csi_n) in answers {
        let e = into.group(&dim, &value)?;
        e.answers += n32(answers);
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
    fn an_edge_longer_than_its_rest_of_the_month_is_that_month_less_the_rest() {
        let day = |s: &str| (d(s), d(s));
        let plan = Plan::of(d("2025-02-02"), d("2026-11-29"));
        assert_eq!(plan.months, Some((d("2025-02-01"), d("2026-12-01"))));
        assert_eq!(plan.days, vec![(day("2025-02-01"), -1), (day("2026-11-30"), -1)]);
        // Half a month each way stays an edge.
        let plan = Plan::of(d("2025-02-15"), d("2026-11-20"));
        assert_eq!(plan.months, Some((d("2025-03-01"), d("2026-12-01"))));
        assert_eq!(plan.days, vec![((d("2025-02-15"), d("2025-02-28")), 1), ((d("2026-11-21"), d("2026-11-30")), -1)]);
        let plan = Plan::of(d("2026-03-05"), d("2026-03-25"));
        assert_eq!(plan.months, Some((d("2026-03-01"), d("2026-04-01"))));
        assert_eq!(plan.days, vec![((d("2026-03-01"), d("2026-03-04")), -1), ((d("2026-03-26"), d("2026-03-31")), -1)]);
        let plan = Plan::of(d("2025-06-30"), d("2025-07-01"));
        assert_eq!(plan, Plan { months: None, days: vec![(day("2025-06-30"), 1), (day("2025-07-01"), 1)] });
        let plan = Plan::of(d("2026-03-05"), d("2026-04-25"));
        assert_eq!(plan.months, Some((d("2026-03-01"), d("2026-05-01"))));
        assert_eq!(plan.days, vec![((d("2026-03-01"), d("2026-03-04")), -1), ((d("2026-04-26"), d("2026-04-30")), -1)]);

        // Every day of any period is read exactly once, and no day outside it.
        let first = d("2024-01-20");
        for a in (0..500).step_by(7) {
            for len in [0, 1, 3, 13, 14, 15, 16, 29, 30, 31, 45, 60, 200, 400] {
                let from = first + Duration::days(a);
                let to = from + Duration::days(len);
                let plan = Plan::of(from, to);
                let mut times: HashMap<NaiveDate, i64> = HashMap::new();
                if let Some((start, end)) = plan.months {
                    let mut x = start;
                    while x < end {
                        *times.entry(x).or_default() += 1;
                        x = x.succ_opt().unwrap();
                    }
                }
                for ((x, y), sign) in &plan.days {
                    assert!(first_of(*x) == first_of(*y), "{from}..{to}: {x}..{y} within one month");
                    let mut x = *x;
                    while x <= *y {
                        *times.entry(x).or_default() += sign;
                        x = x.succ_opt().unwrap();
                    }
                }
                times.retain(|_, n| *n != 0);
                let mut want = HashMap::new();
                let mut x = from;
                while x <= to {
                    want.insert(x, 1);
                    x = x.succ_opt().unwrap();
                }
                assert_eq!(times, want, "{from}..{to}: {plan:?}");
                let afresh: i64 = plan.days.iter().map(|((x, y), _)| (*y - *x).num_days() + 1).sum();
                assert!(afresh <= 32, "{from}..{to}: {afresh} days grouped afresh");
            }
        }
    }

    #[test]
    fn whole_months_are_counted_from_the_fewest_kept_rows() {
        let ranges = |from: &str, until: &str| count_ranges((d(from), d(until)));
        // Whole years: their rows, one range.
        assert_eq!(ranges("2025-01-01", "2027-01-01"), vec![("y", d("2025-01-01"), d("2027-01-01"), 1)]);
        // This year to last month: the year less December.
        assert_eq!(
            ranges("2026-01-01", "2026-12-01"),
            vec![("y", d("2026-01-01"), d("2027-01-01"), 1), ("m", d("2026-12-01"), d("2027-01-01"), -1)]
        );
        // Ten months of one year, five of the next.
        assert_eq!(
            ranges("2025-03-01", "2026-06-01"),
            vec![
                ("y", d("2025-01-01"), d("2026-01-01"), 1),
                ("m", d("2025-01-01"), d("2025-03-01"), -1),
                ("m", d("2026-01-01"), d("2026-06-01"), 1),
            ]
        );
        // Six months: the months themselves (one year row and six month rows would be more).
        assert_eq!(ranges("2026-03-01", "2026-09-01"), vec![("m", d("2026-03-01"), d("2026-09-01"), 1)]);
        // Seven months in the middle of a year: the year less two ranges.
        assert_eq!(
            ranges("2026-03-01", "2026-10-01"),
            vec![
                ("y", d("2026-01-01"), d("2027-01-01"), 1),
                ("m", d("2026-01-01"), d("2026-03-01"), -1),
                ("m", d("2026-10-01"), d("2027-01-01"), -1),
            ]
        );
        // Months across a new year, then a whole year: month ranges merge across the year's end.
        assert_eq!(
            ranges("2024-11-01", "2026-01-01"),
            vec![("m", d("2024-11-01"), d("2025-01-01"), 1), ("y", d("2025-01-01"), d("2026-01-01"), 1)]
        );
        assert_eq!(ranges("2024-11-01", "2025-03-01"), vec![("m", d("2024-11-01"), d("2025-03-01"), 1)]);
        // Every month of a period is counted exactly once, whatever its shape.
        let first = d("2023-01-01");
        for a in 0..36u32 {
            for b in a + 1..=36u32 {
                let (start, end) = (first + Months::new(a), first + Months::new(b));
                let mut times: HashMap<NaiveDate, i64> = HashMap::new();
                for (span, from, until, sign) in count_ranges((start, end)) {
                    let mut m = from;
                    while m < until {
                        *times.entry(m).or_default() += sign;
                        m = m + Months::new(1);
                    }
                    assert!(span == "m" || (from.month() == 1 && until.month() == 1));
                }
                for m in (0..48u32).map(|i| d("2022-01-01") + Months::new(i)) {
                    let want = i64::from(start <= m && m < end);
                    assert_eq!(times.get(&m).copied().unwrap_or(0), want, "{start}..{end} at {m}");
                }
            }
        }
    }
}
