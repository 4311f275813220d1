//! Reporting periods in words: a week as a day range ("23–29 ноября 2026" / "Nov 23–29, 2026"),
//! a calendar month by its name ("Ноябрь 2026" / "November 2026"). Written by hand rather than
//! with `Intl`: Russian wants the genitive after a day and the nominative alone, and `Intl`'s
//! ranges add "г." and abbreviate the months.

use accord_api::{Locale, ReportCadence};
use chrono::{Datelike, NaiveDate};

const RU_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const RU_NOMINATIVE: [&str; 12] = [
    "Январь",
    "Февраль",
    "Март",
    "Апрель",
    "Май",
    "Июнь",
    "Июль",
    "Август",
    "Сентябрь",
    "Октябрь",
    "Ноябрь",
    "Декабрь",
];
const EN_SHORT: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const EN_LONG: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_index(day: &NaiveDate) -> usize {
    day.month0() as usize % 12
}

/// "Ноябрь 2026" / "November 2026".
pub fn format_month(locale: Locale, day: &NaiveDate) -> String {
    let name = match locale {
        Locale::Ru => RU_NOMINATIVE[month_index(day)],
        Locale::En => EN_LONG[month_index(day)],
    };
    format!("{name} {}", day.year())
}

/// A range of days, as short as it reads clearly: "23–29 ноября 2026", "30 ноября – 6 декабря
/// 2026", "29 декабря 2025 – 4 января 2026"; "Nov 23–29, 2026", "Nov 30 – Dec 6, 2026",
/// "Dec 29, 2025 – Jan 4, 2026". One day alone is written once.
pub fn format_day_range(locale: Locale, start: &NaiveDate, end: &NaiveDate) -> String {
    let (d1, d2) = (start.day(), end.day());
    let (m1, m2) = (month_index(start), month_index(end));
    let (y1, y2) = (start.year(), end.year());
    match locale {
        Locale::Ru => {
            let (n1, n2) = (RU_GENITIVE[m1], RU_GENITIVE[m2]);
            if start == end {
                format!("{d1} {n1} {y1}")
            } else if y1 != y2 {
                format!("{d1} {n1} {y1} – {d2} {n2} {y2}")
            } else if m1 != m2 {
                format!("{d1} {n1} – {d2} {n2} {y2}")
            } else {
                format!("{d1}–{d2} {n2} {y2}")
            }
        }
        Locale::En => {
            let (n1, n2) = (EN_SHORT[m1], EN_SHORT[m2]);
            if start == end {
                format!("{n1} {d1}, {y1}")
            } else if y1 != y2 {
                format!("{n1} {d1}, {y1} – {n2} {d2}, {y2}")
            } else if m1 != m2 {
                format!("{n1} {d1} – {n2} {d2}, {y2}")
            } else {
                format!("{n1} {d1}–{d2}, {y2}")
            }
        }
    }
}

/// A report's period: the month's name for a monthly report that covers one calendar month,
/// the day range otherwise.
pub fn format_report_period(locale: Locale, kind: ReportCadence, start: &NaiveDate, end: &NaiveDate) -> String {
    let whole_month = start.day() == 1
        && start.year() == end.year()
        && start.month() == end.month()
        && end.succ_opt().is_none_or(|next| next.month() != end.month());
    if kind == ReportCadence::Monthly && whole_month {
        format_month(locale, start)
    } else {
        format_day_range(locale, start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::{format_day_range, format_month, format_report_period};
    use accord_api::{Locale, ReportCadence};
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_week_inside_one_month() {
        let (a, b) = (day(2026, 11, 23), day(2026, 11, 29));
        assert_eq!(format_day_range(Locale::Ru, &a, &b), "23–29 ноября 2026");
        assert_eq!(format_day_range(Locale::En, &a, &b), "Nov 23–29, 2026");
    }

    #[test]
    fn a_week_across_two_months_and_two_years() {
        let (a, b) = (day(2026, 11, 30), day(2026, 12, 6));
        assert_eq!(format_day_range(Locale::Ru, &a, &b), "30 ноября – 6 декабря 2026");
        assert_eq!(format_day_range(Locale::En, &a, &b), "Nov 30 – Dec 6, 2026");
        let (a, b) = (day(2025, 12, 29), day(2026, 1, 4));
        assert_eq!(format_day_range(Locale::Ru, &a, &b), "29 декабря 2025 – 4 января 2026");
        assert_eq!(format_day_range(Locale::En, &a, &b), "Dec 29, 2025 – Jan 4, 2026");
    }

    #[test]
    fn one_day_is_written_once() {
        let a = day(2026, 3, 5);
        assert_eq!(format_day_range(Locale::Ru, &a, &a), "5 марта 2026");
        assert_eq!(format_day_range(Locale::En, &a, &a), "Mar 5, 2026");
    }

    #[test]
    fn months_in_the_nominative() {
        assert_eq!(format_month(Locale::Ru, &day(2026, 11, 1)), "Ноябрь 2026");
        assert_eq!(format_month(Locale::En, &day(2026, 11, 1)), "November 2026");
        assert_eq!(format_month(Locale::Ru, &day(2027, 5, 14)), "Май 2027");
    }

    #[test]
    fn a_monthly_report_names_its_month() {
        let monthly = ReportCadence::Monthly;
        let weekly = ReportCadence::Weekly;
        assert_eq!(format_report_period(Locale::Ru, monthly, &day(2026, 11, 1), &day(2026, 11, 30)), "Ноябрь 2026");
        assert_eq!(format_report_period(Locale::En, monthly, &day(2026, 2, 1), &day(2026, 2, 28)), "February 2026");
        assert_eq!(format_report_period(Locale::Ru, monthly, &day(2026, 12, 1), &day(2026, 12, 31)), "Декабрь 2026");
        // Not a whole month (should the server ever send one): the days are spelled out.
        assert_eq!(
            format_report_period(Locale::Ru, monthly, &day(2026, 11, 1), &day(2026, 11, 29)),
            "1–29 ноября 2026"
        );
        assert_eq!(format_report_period(Locale::En, weekly, &day(2026, 11, 23), &day(2026, 11, 29)), "Nov 23–29, 2026");
    }
}
