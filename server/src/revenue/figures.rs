//! The formulas, exactly (pure functions, no database):
//!
//! - LTV: the sum of the client's payments, each already converted at its invoice's stored rate
//!   (`payments.base_minor`); 0 when nothing was paid.
//! - Lifetime: months from the client's start (else its first non-draft contract's start) to
//!   its end or today, a started month counting as a whole one ([`months_spanned`]); `None`
//!   without a start.
//! - ACV: over the active contracts, retainer fee × 12; a project's total × 12 / its length in
//!   months ([`months_spanned`], at least 1); a project without an end counts its total once.
//!   Contracts carry no rate, so a contract in another currency is converted at the rate of its
//!   latest non-cancelled invoice in that currency; with no such invoice it is left out and
//!   counted in `unrated`. `None` when no contract was counted.
//! - Trend: paid revenue per calendar month, the current month and the eleven before it.
//! - Trailing 12 months (the ABC basis): payments from the day after the same date a year ago
//!   up to today.

use accord_api::finance::ContractKind;
use accord_api::money::convert_minor;
use accord_api::revenue::MonthPoint;
use chrono::{Datelike, Months, NaiveDate};
use std::collections::BTreeMap;

/// Months from `from` to `to` (both days included), a started month counting as a whole one:
/// 1 Jan – 31 Mar is 3, 15 Jan – 14 Feb is 1, 15 Jan – 15 Feb is 2. 0 when `to` is before `from`.
pub fn months_spanned(from: NaiveDate, to: NaiveDate) -> u32 {
    if to < from {
        return 0;
    }
    let end = to.succ_opt().unwrap_or(to);
    let whole = (end.year() - from.year()) * 12 + end.month() as i32 - from.month() as i32;
    let whole = if end.day() > from.day() { whole + 1 } else { whole };
    u32::try_from(whole.max(1)).unwrap_or(1)
}

/// Where the lifetime is counted from, and its months up to `ended_on` or `today`.
pub fn lifetime(
    started_on: Option<NaiveDate>,
    first_contract: Option<NaiveDate>,
    ended_on: Option<NaiveDate>,
    today: NaiveDate,
) -> (Option<NaiveDate>, Option<u32>) {
    let from = started_on.or(first_contract);
    (from, from.map(|f| months_spanned(f, ended_on.unwrap_or(today))))
}

/// An active contract as ACV needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct ContractTerms {
    pub kind: ContractKind,
    pub amount_minor: i64,
    pub currency: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    /// The rate of its latest non-cancelled invoice in its currency, if any.
    pub rate_micro: Option<i64>,
}

/// ACV in minor units of `base` (`None` when nothing was counted), contracts counted, and
/// contracts left out for want of a rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Acv {
    pub minor: Option<i64>,
    pub counted: u32,
    pub unrated: u32,
}

fn div_round(num: i128, den: i128) -> i128 {
    let q = num / den;
    if (num % den).abs() * 2 >= den {
        q + num.signum()
    } else {
        q
    }
}

pub fn acv(contracts: &[ContractTerms], base: &str) -> Acv {
    let (mut sum, mut counted, mut unrated) = (0_i128, 0_u32, 0_u32);
    for c in contracts {
        let amount = if c.currency == base {
            c.amount_minor
        } else if let Some(rate) = c.rate_micro {
            convert_minor(c.amount_minor, &c.currency, rate, base)
        } else {
            unrated += 1;
            continue;
        };
        let yearly = match (c.kind, c.ends_on) {
            (ContractKind::Retainer, _) => i128::from(amount) * 12,
            (ContractKind::Project, None) => i128::from(amount),
            (ContractKind::Project, Some(end)) => {
                div_round(i128::from(amount) * 12, i128::from(months_spanned(c.starts_on, end).max(1)))
            }
        };
        sum += yearly;
        counted += 1;
    }
    let minor = (counted > 0).then(|| i64::try_from(sum).unwrap_or(i64::MAX));
    Acv { minor, counted, unrated }
}

/// The first day of `day`'s month.
pub fn month_of(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// The first day of the trend: the first of the month eleven months before today's.
pub fn trend_start(today: NaiveDate) -> NaiveDate {
    month_of(today).checked_sub_months(Months::new(11)).unwrap_or(today)
}

/// The first day of the trailing 12 months: the day after the same date a year ago.
pub fn trailing_start(today: NaiveDate) -> NaiveDate {
    today.checked_sub_months(Months::new(12)).and_then(|d| d.succ_opt()).unwrap_or(today)
}

/// The earliest day the trend and the trailing 12 months need.
pub fn year_start(today: NaiveDate) -> NaiveDate {
    trend_start(today).min(trailing_start(today))
}

/// Twelve monthly points (oldest first, today's month last) from revenue per day; days outside
/// the twelve months are ignored.
pub fn trend(by_day: &[(NaiveDate, i64)], today: NaiveDate) -> Vec<MonthPoint> {
    let start = trend_start(today);
    let mut months: BTreeMap<NaiveDate, i64> =
        (0..12).filter_map(|i| start.checked_add_months(Months::new(i))).map(|m| (m, 0)).collect();
    for (day, minor) in by_day {
        if *day >= start && *day <= today {
            *months.entry(month_of(*day)).or_default() += minor;
        }
    }
    months.into_iter().map(|(month, amount_minor)| MonthPoint { month, amount_minor }).collect()
}

/// Revenue per day summed over the trailing 12 months.
pub fn trailing_sum(by_day: &[(NaiveDate, i64)], today: NaiveDate) -> i64 {
    let start = trailing_start(today);
    by_day.iter().filter(|(d, _)| *d >= start && *d <= today).map(|(_, m)| m).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn started_months_count_whole() {
        assert_eq!(months_spanned(d("2026-01-01"), d("2026-03-31")), 3);
        assert_eq!(months_spanned(d("2026-01-15"), d("2026-02-14")), 1);
        assert_eq!(months_spanned(d("2026-01-15"), d("2026-02-15")), 2);
        assert_eq!(months_spanned(d("2026-01-01"), d("2026-01-01")), 1);
        assert_eq!(months_spanned(d("2025-12-01"), d("2026-11-30")), 12);
        assert_eq!(months_spanned(d("2026-02-01"), d("2026-01-31")), 0);
    }

    #[test]
    fn lifetime_falls_back_to_the_first_contract_and_else_is_no_data() {
        let today = d("2026-12-04");
        assert_eq!(lifetime(Some(d("2026-01-10")), None, None, today), (Some(d("2026-01-10")), Some(11)));
        assert_eq!(lifetime(None, Some(d("2026-06-01")), None, today), (Some(d("2026-06-01")), Some(7)));
        assert_eq!(
            lifetime(Some(d("2025-01-01")), Some(d("2024-01-01")), Some(d("2025-06-30")), today),
            (Some(d("2025-01-01")), Some(6))
        );
        assert_eq!(lifetime(None, None, None, today), (None, None));
    }

    fn terms(kind: ContractKind, amount: i64, cur: &str, ends: Option<&str>, rate: Option<i64>) -> ContractTerms {
        ContractTerms {
            kind,
            amount_minor: amount,
            currency: cur.into(),
            starts_on: d("2026-01-01"),
            ends_on: ends.map(d),
            rate_micro: rate,
        }
    }

    /// Retainer 50,000 ₽ → 600,000; project 300,000 ₽ over Jan–Jun (6 months) → 600,000;
    /// open project 100,000 ₽ → 100,000; a 1,000 USD retainer at 90.5 → 90,500 ₽ × 12 =
    /// 1,086,000; a EUR retainer without a rate is left out.
    #[test]
    fn acv_by_hand() {
        use ContractKind::*;
        let a = acv(
            &[
                terms(Retainer, 5_000_000, "RUB", None, None),
                terms(Project, 30_000_000, "RUB", Some("2026-06-30"), None),
                terms(Project, 10_000_000, "RUB", None, None),
                terms(Retainer, 100_000, "USD", None, Some(90_500_000)),
                terms(Retainer, 100_000, "EUR", None, None),
            ],
            "RUB",
        );
        assert_eq!(a, Acv { minor: Some(60_000_000 + 60_000_000 + 10_000_000 + 108_600_000), counted: 4, unrated: 1 });
        assert_eq!(acv(&[], "RUB"), Acv { minor: None, counted: 0, unrated: 0 });
        // A project shorter than a month counts as one month: 12 × its total.
        let short = acv(&[terms(Project, 1_000, "RUB", Some("2026-01-10"), None)], "RUB");
        assert_eq!(short.minor, Some(12_000));
    }

    #[test]
    fn trend_has_twelve_months_ending_with_this_one() {
        let today = d("2026-12-04");
        let days = [(d("2026-12-01"), 100), (d("2026-12-03"), 50), (d("2026-01-31"), 7), (d("2025-11-30"), 999)];
        let t = trend(&days, today);
        assert_eq!(t.len(), 12);
        assert_eq!(t[0].month, d("2026-01-01"));
        assert_eq!(t[0].amount_minor, 7);
        assert_eq!(t[11], MonthPoint { month: d("2026-12-01"), amount_minor: 150 });
        assert_eq!(trailing_start(today), d("2025-12-05"));
        assert_eq!(trailing_sum(&days, today), 157);
        assert_eq!(year_start(today), d("2025-12-05"));
    }
}
