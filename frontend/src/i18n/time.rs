//! Dates and times on screen and in `<input type="date|datetime-local">`: instants are UTC on
//! the wire and the browser's time zone on screen; calendar days have no time zone at all.

use super::money::locale_tag;
use accord_api::Locale;
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use wasm_bindgen::JsValue;

fn formatter(
    locale: Locale,
    configure: impl FnOnce(&js_sys::Intl::DateTimeFormatOptions),
) -> js_sys::Intl::DateTimeFormat {
    let options = js_sys::Intl::DateTimeFormatOptions::new();
    configure(&options);
    let locales = js_sys::Array::of1(&JsValue::from_str(locale_tag(locale)));
    js_sys::Intl::DateTimeFormat::new(&locales, &options)
}

fn format_millis(formatter: &js_sys::Intl::DateTimeFormat, millis: f64) -> Option<String> {
    let date = js_sys::Date::new(&JsValue::from_f64(millis));
    formatter.format().call1(&JsValue::NULL, &date).ok().and_then(|v| v.as_string())
}

/// "5 мар. 2026 г., 14:30" / "Mar 5, 2026, 2:30 PM" in the browser's time zone.
pub fn format_date_time(locale: Locale, at: &DateTime<Utc>) -> String {
    let f = formatter(locale, |o| {
        o.set_date_style(js_sys::Intl::DateTimeStyle::Medium);
        o.set_time_style(js_sys::Intl::DateTimeStyle::Short);
    });
    format_millis(&f, at.timestamp_millis() as f64)
        .unwrap_or_else(|| format!("{} {:02}:{:02} UTC", iso_day(&at.date_naive()), at.hour(), at.minute()))
}

/// A calendar day ("5 мар. 2026 г." / "Mar 5, 2026"), the same day in every time zone.
pub fn format_day(locale: Locale, day: &NaiveDate) -> String {
    let f = formatter(locale, |o| {
        o.set_date_style(js_sys::Intl::DateTimeStyle::Medium);
        o.set_time_zone("UTC");
    });
    let millis = day.and_hms_opt(12, 0, 0).map(|t| t.and_utc().timestamp_millis() as f64);
    millis.and_then(|m| format_millis(&f, m)).unwrap_or_else(|| iso_day(day))
}

/// "1 мар. 2026 г. – 31 авг. 2026 г.", "from …", "until …", or `None` when neither is set.
pub fn format_period(
    locale: Locale,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    labels: (&str, &str),
) -> Option<String> {
    match (from, to) {
        (Some(a), Some(b)) => Some(format!("{} – {}", format_day(locale, &a), format_day(locale, &b))),
        (Some(a), None) => Some(format!("{} {}", labels.0, format_day(locale, &a))),
        (None, Some(b)) => Some(format!("{} {}", labels.1, format_day(locale, &b))),
        (None, None) => None,
    }
}

/// "5 дней назад" / "5 days ago", "вчера" / "yesterday", "сегодня" / "today".
pub fn format_days_ago(locale: Locale, days: i64) -> String {
    let options = js_sys::Intl::RelativeTimeFormatOptions::new();
    options.set_numeric(js_sys::Intl::RelativeTimeFormatNumeric::Auto);
    let locales = js_sys::Array::of1(&JsValue::from_str(locale_tag(locale)));
    let formatter = js_sys::Intl::RelativeTimeFormat::new(&locales, &options);
    String::from(formatter.format(-(days.max(0) as f64), "day"))
}

/// The browser's clock as a UTC instant (`chrono::Utc::now` has no clock on wasm32).
pub fn now_utc() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Now in the browser's time zone as a `datetime-local` value ("2026-03-05T14:30").
pub fn local_input_now() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
        now.get_minutes()
    )
}

/// A `datetime-local` value, read in the browser's time zone, as a UTC instant.
pub fn local_input_to_utc(value: &str) -> Option<DateTime<Utc>> {
    // `new Date("YYYY-MM-DDTHH:MM")` without an offset is local time by the ECMAScript spec.
    let value = value.trim();
    if value.len() < 16 {
        return None;
    }
    let millis = js_sys::Date::new(&JsValue::from_str(value)).get_time();
    if millis.is_nan() {
        return None;
    }
    DateTime::from_timestamp_millis(millis as i64)
}

/// An `<input type="date">` value ("2026-03-05"); empty means "not set", anything else
/// unreadable is `Err`.
pub fn parse_day_input(value: &str) -> Result<Option<NaiveDate>, ()> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    // chrono's own `YYYY-MM-DD` reader (the one the API's dates go through), not a format string.
    value.parse::<NaiveDate>().map(Some).map_err(|_| ())
}

pub fn day_input_value(day: Option<NaiveDate>) -> String {
    day.map(|d| iso_day(&d)).unwrap_or_default()
}

/// A year as chrono's `%Y` writes it: four digits, or with its sign outside 0–9999.
pub fn iso_year(year: i32) -> String {
    if (0..=9999).contains(&year) {
        format!("{year:04}")
    } else {
        format!("{year:+05}")
    }
}

/// "2026-03-05" (chrono's `%Y-%m-%d`). Written by hand: chrono's format-string interpreter
/// would be linked into the web bundle for these few fallbacks.
pub fn iso_day(day: &NaiveDate) -> String {
    format!("{}-{:02}-{:02}", iso_year(day.year()), day.month(), day.day())
}

/// A wall-clock time as the server sends it ("2026-12-08T11:00", already in the meeting's own
/// zone): "вт, 8 дек. 2026 г., 11:00" / "Tue, Dec 8, 2026, 11:00 AM". Formatted as if it were
/// UTC, so the browser's zone never shifts it; the text as sent when it cannot be read.
pub fn format_wall_clock(locale: Locale, local: &str) -> String {
    let Some(millis) = wall_clock_millis(local) else {
        return local.replace('T', " ");
    };
    let f = formatter(locale, |o| {
        o.set_weekday(js_sys::Intl::WeekdayFormat::Short);
        o.set_year(js_sys::Intl::YearFormat::Numeric);
        o.set_month(js_sys::Intl::MonthFormat::Short);
        o.set_day(js_sys::Intl::DayFormat::Numeric);
        o.set_hour(js_sys::Intl::NumericFormat::Numeric);
        o.set_minute(js_sys::Intl::NumericFormat::TwoDigit);
        o.set_time_zone("UTC");
    });
    format_millis(&f, millis).unwrap_or_else(|| local.replace('T', " "))
}

/// "YYYY-MM-DDTHH:MM" read as a UTC instant in milliseconds (only for formatting).
fn wall_clock_millis(local: &str) -> Option<f64> {
    let (day, time) = local.trim().split_once('T')?;
    let day = day.parse::<NaiveDate>().ok()?;
    let mut parts = time.split(':');
    let hour: u32 = parts.next()?.parse().ok()?;
    let minute: u32 = parts.next()?.parse().ok()?;
    let at = day.and_hms_opt(hour, minute, 0)?;
    Some(at.and_utc().timestamp_millis() as f64)
}

/// The name of an ISO weekday (1 = Monday … 7 = Sunday): "вторник" / "Tuesday".
pub fn weekday_name(locale: Locale, iso: u8) -> String {
    // 2024-01-01 was a Monday.
    let day = NaiveDate::from_ymd_opt(2024, 1, iso.clamp(1, 7) as u32);
    let f = formatter(locale, |o| {
        o.set_weekday(js_sys::Intl::WeekdayFormat::Long);
        o.set_time_zone("UTC");
    });
    let millis = day.and_then(|d| d.and_hms_opt(12, 0, 0)).map(|t| t.and_utc().timestamp_millis() as f64);
    millis.and_then(|m| format_millis(&f, m)).unwrap_or_else(|| iso.to_string())
}

#[cfg(test)]
mod tests {
    use super::wall_clock_millis;

    #[test]
    fn wall_clock_reads_as_written() {
        // 2026-12-08 11:00 as if UTC: 1 796 727 600 000 ms.
        assert_eq!(wall_clock_millis("2026-12-08T11:00"), Some(1_796_727_600_000.0));
        assert_eq!(wall_clock_millis("2026-12-08T11:00:30"), Some(1_796_727_600_000.0));
        assert_eq!(wall_clock_millis("2026-12-08 11:00"), None);
        assert_eq!(wall_clock_millis("11:00"), None);
    }
}
