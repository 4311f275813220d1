//! Reporting periods in the agency's calendar: a week is Monday–Sunday, a month the calendar
//! month; a report falls due N working days (Monday–Friday) after its period ends.

use accord_api::{Locale, ReportCadence};
use chrono::{DateTime, Datelike, Days, NaiveDate, TimeZone, Utc, Weekday};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub kind: ReportCadence,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Period {
    /// The week or month that contains `day`.
    pub fn containing(kind: ReportCadence, day: NaiveDate) -> Self {
        match kind {
            ReportCadence::Weekly => {
                let start = day - Days::new(u64::from(day.weekday().num_days_from_monday()));
                Self { kind, start, end: start + Days::new(6) }
            }
            ReportCadence::Monthly => {
                let start = day.with_day(1).unwrap_or(day);
                let next = if start.month() == 12 {
                    NaiveDate::from_ymd_opt(start.year() + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(start.year(), start.month() + 1, 1)
                };
                let end = next.and_then(|n| n.pred_opt()).unwrap_or(start);
                Self { kind, start, end }
            }
        }
    }

    pub fn previous(&self) -> Self {
        Self::containing(self.kind, self.start.pred_opt().unwrap_or(self.start))
    }

    /// The `working_days`-th working day after the period ends (the last day itself for 0).
    pub fn due_on(&self, working_days: u32) -> NaiveDate {
        let mut day = self.end;
        let mut left = working_days;
        while left > 0 {
            day = day.succ_opt().unwrap_or(day);
            if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
                left -= 1;
            }
        }
        day
    }

    /// The period as instants: from its first local midnight up to (not including) the one
    /// after its last day.
    pub fn instants(&self, tz: chrono_tz::Tz) -> (DateTime<Utc>, DateTime<Utc>) {
        let midnight = |d: NaiveDate| {
            let local = d.and_hms_opt(0, 0, 0).unwrap_or_default();
            tz.from_local_datetime(&local).earliest().map_or_else(|| local.and_utc(), |t| t.with_timezone(&Utc))
        };
        (midnight(self.start), midnight(self.end.succ_opt().unwrap_or(self.end)))
    }

    /// "23–29 ноября 2026", "Nov 23–29, 2026"; "ноябрь 2026", "November 2026".
    pub fn label(&self, locale: Locale) -> String {
        const RU_MONTHS: [&str; 12] = [
            "январь",
            "февраль",
            "март",
            "апрель",
            "май",
            "июнь",
            "июль",
            "август",
            "сентябрь",
            "октябрь",
            "ноябрь",
            "декабрь",
        ];
        const RU_OF: [&str; 12] = [
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
        const EN_MONTHS: [&str; 12] = [
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
        let (s, e) = (self.start, self.end);
        let m = |d: NaiveDate| d.month0() as usize;
        match (self.kind, locale) {
            (ReportCadence::Monthly, Locale::Ru) => format!("{} {}", RU_MONTHS[m(s)], s.year()),
            (ReportCadence::Monthly, Locale::En) => format!("{} {}", EN_MONTHS[m(s)], s.year()),
            (ReportCadence::Weekly, Locale::Ru) if s.month() == e.month() => {
                format!("{}–{} {} {}", s.day(), e.day(), RU_OF[m(e)], e.year())
            }
            (ReportCadence::Weekly, Locale::Ru) if s.year() == e.year() => {
                format!("{} {} – {} {} {}", s.day(), RU_OF[m(s)], e.day(), RU_OF[m(e)], e.year())
            }
            (ReportCadence::Weekly, Locale::Ru) => {
                format!("{} {} {} – {} {} {}", s.day(), RU_OF[m(s)], s.year(), e.day(), RU_OF[m(e)], e.year())
            }
            (ReportCadence::Weekly, Locale::En) if s.month() == e.month() => {
                format!("{} {}–{}, {}", &EN_MONTHS[m(s)][..3], s.day(), e.day(), e.year())
            }
            (ReportCadence::Weekly, Locale::En) if s.year() == e.year() => {
                format!("{} {} – {} {}, {}", &EN_MONTHS[m(s)][..3], s.day(), &EN_MONTHS[m(e)][..3], e.day(), e.year())
            }
            (ReportCadence::Weekly, Locale::En) => format!(
                "{} {}, {} – {} {}, {}",
                &EN_MONTHS[m(s)][..3],
                s.day(),
                s.year(),
                &EN_MONTHS[m(e)][..3],
                e.day(),
                e.year()
            ),
        }
    }
}

/// The agency's zone (Moscow when the stored name is unknown).
pub fn zone(name: &str) -> chrono_tz::Tz {
    name.parse().unwrap_or(chrono_tz::Europe::Moscow)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn weeks_run_monday_to_sunday_and_months_are_calendar_months() {
        let w = Period::containing(ReportCadence::Weekly, d(2026, 12, 3));
        assert_eq!((w.start, w.end), (d(2026, 11, 30), d(2026, 12, 6)));
        assert_eq!(Period::containing(ReportCadence::Weekly, d(2026, 11, 30)), w);
        assert_eq!(Period::containing(ReportCadence::Weekly, d(2026, 12, 6)), w);
        assert_eq!(w.previous().start, d(2026, 11, 23));
        let feb = Period::containing(ReportCadence::Monthly, d(2028, 2, 15));
        assert_eq!((feb.start, feb.end), (d(2028, 2, 1), d(2028, 2, 29)));
        let dec = Period::containing(ReportCadence::Monthly, d(2026, 12, 31));
        assert_eq!((dec.start, dec.end), (d(2026, 12, 1), d(2026, 12, 31)));
        assert_eq!(dec.previous().start, d(2026, 11, 1));
        assert_eq!(Period::containing(ReportCadence::Monthly, d(2027, 1, 1)).previous(), dec);
    }

    #[test]
    fn due_dates_count_working_days() {
        // The week ends on Sunday 6 Dec 2026: two working days later is Tuesday 8 Dec.
        let w = Period::containing(ReportCadence::Weekly, d(2026, 12, 3));
        assert_eq!(w.due_on(2), d(2026, 12, 8));
        assert_eq!(w.due_on(0), d(2026, 12, 6));
        // October 2026 ends on a Saturday: Monday 2 Nov is the first working day, Tuesday the second.
        let oct = Period::containing(ReportCadence::Monthly, d(2026, 10, 10));
        assert_eq!(oct.due_on(1), d(2026, 11, 2));
        assert_eq!(oct.due_on(2), d(2026, 11, 3));
        // Friday + 1 working day = Monday.
        let may = Period::containing(ReportCadence::Monthly, d(2026, 7, 2));
        assert_eq!(may.end, d(2026, 7, 31));
        assert_eq!(may.due_on(1), d(2026, 8, 3));
    }

    #[test]
    fn periods_read_in_both_languages() {
        let w = Period::containing(ReportCadence::Weekly, d(2026, 11, 25));
        assert_eq!(w.label(Locale::Ru), "23–29 ноября 2026");
        assert_eq!(w.label(Locale::En), "Nov 23–29, 2026");
        let across = Period::containing(ReportCadence::Weekly, d(2026, 12, 3));
        assert_eq!(across.label(Locale::Ru), "30 ноября – 6 декабря 2026");
        assert_eq!(across.label(Locale::En), "Nov 30 – Dec 6, 2026");
        let year = Period::containing(ReportCadence::Weekly, d(2026, 12, 31));
        assert_eq!(year.label(Locale::Ru), "28 декабря 2026 – 3 января 2027");
        let m = Period::containing(ReportCadence::Monthly, d(2026, 11, 25));
        assert_eq!(m.label(Locale::Ru), "ноябрь 2026");
        assert_eq!(m.label(Locale::En), "November 2026");
    }

    #[test]
    fn a_period_starts_at_local_midnight() {
        let w = Period::containing(ReportCadence::Weekly, d(2026, 12, 3));
        let (from, to) = w.instants(chrono_tz::Europe::Moscow);
        assert_eq!(from.to_rfc3339(), "2026-11-29T21:00:00+00:00");
        assert_eq!(to.to_rfc3339(), "2026-12-06T21:00:00+00:00");
    }
}
