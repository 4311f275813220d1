//! The recurrence rule of a series, parsed from the wire into a domain type, its occurrences,
//! and local wall-clock time ↔ instants in the series' zone (a real zone database: chrono-tz).

use super::MeetingError;
use accord_api::meetings::{Frequency, SeriesInput};
use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

/// A zone by its IANA name; anything else is refused.
pub fn zone(field: &'static str, name: &str) -> Result<Tz, MeetingError> {
    name.trim().parse::<Tz>().map_err(|_| MeetingError::UnknownTimeZone { field })
}

/// "HH:MM" → a time of day.
pub fn time_of_day(raw: &str) -> Result<NaiveTime, MeetingError> {
    let raw = raw.trim();
    if raw.len() != 5 {
        return Err(MeetingError::BadTime);
    }
    NaiveTime::parse_from_str(raw, "%H:%M").map_err(|_| MeetingError::BadTime)
}

/// "YYYY-MM-DDTHH:MM" → a local date and time within the supported years.
pub fn local_start(raw: &str) -> Result<NaiveDateTime, MeetingError> {
    let t = NaiveDateTime::parse_from_str(raw.trim(), "%Y-%m-%dT%H:%M").map_err(|_| MeetingError::BadLocalStart)?;
    accord_api::input::Day::check(t.date()).map_err(|_| MeetingError::BadLocalStart)?;
    Ok(t)
}

pub fn duration(minutes: u16) -> Result<i32, MeetingError> {
    if (5..=600).contains(&minutes) {
        Ok(i32::from(minutes))
    } else {
        Err(MeetingError::BadDuration)
    }
}

/// The instant a local wall-clock time names in `tz`. A time that happens twice (clocks going
/// back) is the first; one that never happens (clocks going forward) moves on by the gap.
pub fn to_instant(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(a, _) => a.with_timezone(&Utc),
        LocalResult::None => {
            let later = local + Duration::hours(1);
            tz.from_local_datetime(&later)
                .earliest()
                .map_or_else(|| Utc.from_utc_datetime(&local), |t| t.with_timezone(&Utc))
        }
    }
}

/// The wall-clock time of an instant in `tz`, as the wire writes it ("2026-12-08T11:00").
pub fn local_text(tz: Tz, at: DateTime<Utc>) -> String {
    at.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string()
}

/// A series' rule, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub frequency: Frequency,
    pub interval: u32,
    pub weekday: Option<Weekday>,
    pub month_day: Option<u32>,
    /// 1–4 or -1 (the last).
    pub week_of_month: Option<i32>,
    pub starts_on: NaiveDate,
    pub time: NaiveTime,
    pub tz: Tz,
    pub until: Option<NaiveDate>,
    pub count: Option<u32>,
}

fn weekday_of(iso: u8) -> Option<Weekday> {
    match iso {
        1..=7 => Weekday::try_from(iso - 1).ok(),
        _ => None,
    }
}

/// How far the occurrence walk goes before giving up (a rule that never matches).
const WALK_LIMIT: u32 = 5_000;

impl Rule {
    pub fn parse(input: &SeriesInput) -> Result<Self, MeetingError> {
        if !(1..=12).contains(&input.interval) {
            return Err(MeetingError::BadRule("interval", "Repeat every 1 to 12 weeks or months."));
        }
        let weekday = match input.weekday {
            Some(d) => Some(weekday_of(d).ok_or(MeetingError::BadRule("weekday", "Choose a weekday."))?),
            None => None,
        };
        let (weekday, month_day, week_of_month) = match input.frequency {
            Frequency::Weekly => {
                (Some(weekday.ok_or(MeetingError::BadRule("weekday", "Choose a weekday."))?), None, None)
            }
            Frequency::MonthlyDay => {
                let d = input.month_day.filter(|d| (1..=31).contains(d));
                (
                    None,
                    Some(u32::from(
                        d.ok_or(MeetingError::BadRule("month_day", "Choose a day of the month, 1 to 31."))?,
                    )),
                    None,
                )
            }
            Frequency::MonthlyWeekday => {
                let w = input.week_of_month.filter(|w| (1..=4).contains(w) || *w == -1);
                let w =
                    w.ok_or(MeetingError::BadRule("week_of_month", "Choose the first to fourth or the last week."))?;
                (Some(weekday.ok_or(MeetingError::BadRule("weekday", "Choose a weekday."))?), None, Some(i32::from(w)))
            }
        };
        let starts_on = accord_api::input::Day::check(input.starts_on)
            .map_err(|_| MeetingError::BadRule("starts_on", "Enter a date between 1900 and 2200."))?;
        if input.until.is_some() && input.count.is_some() {
            return Err(MeetingError::BothEnds);
        }
        if let Some(until) = input.until {
            if until < starts_on || accord_api::input::Day::check(until).is_err() {
                return Err(MeetingError::BadRule("until", "The series cannot end before it starts."));
            }
        }
        if let Some(c) = input.count {
            if !(1..=1000).contains(&c) {
                return Err(MeetingError::BadRule("count", "End after 1 to 1000 meetings."));
            }
        }
        Ok(Rule {
            frequency: input.frequency,
            interval: u32::from(input.interval),
            weekday,
            month_day,
            week_of_month,
            starts_on,
            time: time_of_day(&input.time)?,
            tz: zone("time_zone", &input.time_zone)?,
            until: input.until,
            count: input.count.map(u32::from),
        })
    }

    /// The k-th candidate date (k = 0, 1, …) before the start and end are applied.
    fn candidate(&self, k: u32) -> Option<NaiveDate> {
        match self.frequency {
            Frequency::Weekly => {
                let wd = self.weekday?;
                let ahead = (7 + wd.num_days_from_monday() - self.starts_on.weekday().num_days_from_monday()) % 7;
                let first = self.starts_on + Duration::days(i64::from(ahead));
                Some(first + Duration::weeks(i64::from(k) * i64::from(self.interval)))
            }
            Frequency::MonthlyDay | Frequency::MonthlyWeekday => {
                let months = self.starts_on.year() * 12 + self.starts_on.month0() as i32 + (k * self.interval) as i32;
                let (year, month) = (months.div_euclid(12), months.rem_euclid(12) as u32 + 1);
                let first = NaiveDate::from_ymd_opt(year, month, 1)?;
                let last = first.checked_add_months(chrono::Months::new(1))?.pred_opt()?;
                if self.frequency == Frequency::MonthlyDay {
                    let day = self.month_day?.min(last.day());
                    NaiveDate::from_ymd_opt(year, month, day)
                } else {
                    let wd = self.weekday?;
                    match self.week_of_month? {
                        -1 => {
                            let back = (7 + last.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
                            Some(last - Duration::days(i64::from(back)))
                        }
                        n => {
                            let ahead = (7 + wd.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
                            Some(first + Duration::days(i64::from(ahead) + 7 * i64::from(n - 1)))
                        }
                    }
                }
            }
        }
    }

    /// Occurrence dates in order, from the first, honouring the start, `until` and `count`.
    pub fn dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        let mut taken = 0u32;
        (0..WALK_LIMIT)
            .filter_map(|k| self.candidate(k))
            .filter(|d| *d >= self.starts_on)
            .take_while(|d| self.until.is_none_or(|u| *d <= u))
            .take_while(move |_| {
                taken += 1;
                self.count.is_none_or(|c| taken <= c)
            })
    }

    /// Whether `date` is one of the occurrences.
    pub fn has(&self, date: NaiveDate) -> bool {
        self.dates().take_while(|d| *d <= date).any(|d| d == date)
    }

    /// Occurrence dates from `from` on (at most `limit`).
    pub fn dates_from(&self, from: NaiveDate, limit: usize) -> Vec<NaiveDate> {
        self.dates().skip_while(|d| *d < from).take(limit).collect()
    }

    /// The instant an occurrence starts.
    pub fn start_of(&self, date: NaiveDate) -> DateTime<Utc> {
        to_instant(self.tz, date.and_time(self.time))
    }

    /// The last occurrence's date, when the series ends.
    pub fn last(&self) -> Option<NaiveDate> {
        if self.until.is_none() && self.count.is_none() {
            return None;
        }
        self.dates().last()
    }

    /// RFC 5545 RRULE value (without "RRULE:").
    pub fn rrule(&self) -> String {
        const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
        let day = |w: Weekday| DAYS[w.num_days_from_monday() as usize];
        let mut r = match self.frequency {
            Frequency::Weekly => {
                format!("FREQ=WEEKLY;INTERVAL={};BYDAY={}", self.interval, day(self.weekday.unwrap_or(Weekday::Mon)))
            }
            Frequency::MonthlyDay => {
                let d = self.month_day.unwrap_or(1);
                if d > 28 {
                    // "Day d, or the month's last day when it is shorter."
                    let days: Vec<String> = (28..=d).map(|x| x.to_string()).collect();
                    format!("FREQ=MONTHLY;INTERVAL={};BYMONTHDAY={};BYSETPOS=-1", self.interval, days.join(","))
                } else {
                    format!("FREQ=MONTHLY;INTERVAL={};BYMONTHDAY={d}", self.interval)
                }
            }
            Frequency::MonthlyWeekday => format!(
                "FREQ=MONTHLY;INTERVAL={};BYDAY={}{}",
                self.interval,
                self.week_of_month.unwrap_or(1),
                day(self.weekday.unwrap_or(Weekday::Mon))
            ),
        };
        if let Some(c) = self.count {
            r.push_str(&format!(";COUNT={c}"));
        } else if let Some(u) = self.until {
            // UNTIL is UTC when DTSTART carries a zone: the end of the last local day.
            let end = to_instant(self.tz, u.and_hms_opt(23, 59, 59).unwrap_or_default());
            r.push_str(&format!(";UNTIL={}", end.format("%Y%m%dT%H%M%SZ")));
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(frequency: Frequency) -> SeriesInput {
        SeriesInput {
            title: "Планёрка".into(),
            frequency,
            interval: 1,
            weekday: Some(2),
            month_day: None,
            week_of_month: None,
            starts_on: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            time: "11:00".into(),
            time_zone: "Europe/Moscow".into(),
            duration_minutes: 60,
            place: None,
            until: None,
            count: None,
            invitees: None,
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn weekly_every_two_weeks_from_the_first_matching_day() {
        let mut i = input(Frequency::Weekly);
        i.interval = 2;
        i.weekday = Some(4); // Thursday; 2026-12-01 is a Tuesday
        let r = Rule::parse(&i).unwrap();
        assert_eq!(r.dates_from(d(2026, 12, 1), 3), vec![d(2026, 12, 3), d(2026, 12, 17), d(2026, 12, 31)]);
        assert_eq!(r.rrule(), "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH");
    }

    #[test]
    fn monthly_day_31_uses_the_last_day_of_short_months() {
        let mut i = input(Frequency::MonthlyDay);
        i.month_day = Some(31);
        i.weekday = None;
        i.count = Some(3);
        let r = Rule::parse(&i).unwrap();
        assert_eq!(r.dates().collect::<Vec<_>>(), vec![d(2026, 12, 31), d(2027, 1, 31), d(2027, 2, 28)]);
        assert_eq!(r.rrule(), "FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=28,29,30,31;BYSETPOS=-1;COUNT=3");
    }

    #[test]
    fn monthly_on_the_last_and_second_weekday() {
        let mut i = input(Frequency::MonthlyWeekday);
        i.week_of_month = Some(-1);
        i.weekday = Some(5);
        let r = Rule::parse(&i).unwrap();
        assert_eq!(r.dates_from(d(2026, 12, 1), 2), vec![d(2026, 12, 25), d(2027, 1, 29)]);
        i.week_of_month = Some(2);
        i.weekday = Some(2);
        let r = Rule::parse(&i).unwrap();
        assert_eq!(r.dates_from(d(2026, 12, 1), 2), vec![d(2026, 12, 8), d(2027, 1, 12)]);
        assert_eq!(r.rrule(), "FREQ=MONTHLY;INTERVAL=1;BYDAY=2TU");
    }

    #[test]
    fn ends_on_a_date_or_after_a_count() {
        let mut i = input(Frequency::Weekly);
        i.until = Some(d(2026, 12, 15));
        let r = Rule::parse(&i).unwrap();
        assert_eq!(r.dates().collect::<Vec<_>>(), vec![d(2026, 12, 1), d(2026, 12, 8), d(2026, 12, 15)]);
        assert_eq!(r.last(), Some(d(2026, 12, 15)));
        assert!(r.rrule().ends_with(";UNTIL=20261215T205959Z"), "{}", r.rrule());
        i.count = Some(2);
        assert!(matches!(Rule::parse(&i), Err(MeetingError::BothEnds)));
    }

    #[test]
    fn local_times_follow_the_zone_across_dst() {
        let mut i = input(Frequency::Weekly);
        i.time_zone = "Europe/Berlin".into();
        i.starts_on = d(2027, 3, 16);
        let r = Rule::parse(&i).unwrap();
        // 11:00 in Berlin is 10:00 UTC in winter and 09:00 UTC after 28 March 2027.
        assert_eq!(r.start_of(d(2027, 3, 23)).to_rfc3339(), "2027-03-23T10:00:00+00:00");
        assert_eq!(r.start_of(d(2027, 3, 30)).to_rfc3339(), "2027-03-30T09:00:00+00:00");
        // Moscow keeps UTC+3 all year.
        let moscow = zone("time_zone", "Europe/Moscow").unwrap();
        assert_eq!(
            to_instant(moscow, d(2027, 7, 6).and_hms_opt(11, 0, 0).unwrap()).to_rfc3339(),
            "2027-07-06T08:00:00+00:00"
        );
    }

    #[test]
    fn unknown_zones_and_bad_fields_are_refused() {
        let mut i = input(Frequency::Weekly);
        i.time_zone = "Mars/Olympus".into();
        assert!(matches!(Rule::parse(&i), Err(MeetingError::UnknownTimeZone { .. })));
        let mut i = input(Frequency::Weekly);
        i.time = "25:00".into();
        assert!(matches!(Rule::parse(&i), Err(MeetingError::BadTime)));
        let mut i = input(Frequency::Weekly);
        i.weekday = Some(8);
        assert!(matches!(Rule::parse(&i), Err(MeetingError::BadRule("weekday", _))));
        let mut i = input(Frequency::Weekly);
        i.interval = 0;
        assert!(matches!(Rule::parse(&i), Err(MeetingError::BadRule("interval", _))));
    }
}
