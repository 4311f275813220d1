//! iCalendar (RFC 5545) writing: events in their own zone with a VTIMEZONE built from the zone
//! database, a series as one VEVENT with RRULE, edited or cancelled occurrences as overrides with
//! the same UID and a RECURRENCE-ID, lines escaped and folded at 75 octets, CRLF endings.

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use std::collections::BTreeSet;

/// One VEVENT.
#[derive(Clone, Debug)]
pub struct Event {
    pub uid: String,
    pub sequence: i32,
    pub start: DateTime<Utc>,
    pub tz: Tz,
    pub minutes: i32,
    pub summary: String,
    pub description: String,
    pub location: Option<String>,
    pub cancelled: bool,
    /// A series' rule (the master event).
    pub rrule: Option<String>,
    /// The original local start of the occurrence this event overrides.
    pub recurrence_id: Option<NaiveDateTime>,
    pub updated: DateTime<Utc>,
}

/// Escapes a TEXT value.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line folded at 75 octets (never inside a UTF-8 sequence).
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

fn local(tz: Tz, at: DateTime<Utc>) -> String {
    at.with_timezone(&tz).format("%Y%m%dT%H%M%S").to_string()
}

/// A whole calendar.
pub fn calendar(name: &str, events: &[Event], now: DateTime<Utc>) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Accord//Meetings//RU");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", text(name)));
    let zones: BTreeSet<&str> = events.iter().map(|e| e.tz.name()).collect();
    for name in zones {
        let Ok(tz) = name.parse::<Tz>() else { continue };
        let years = events.iter().filter(|e| e.tz == tz).map(|e| e.start.year());
        let first = years.clone().min().unwrap_or(now.year()).min(now.year()) - 1;
        let last = years.max().unwrap_or(now.year()).max(now.year()) + 3;
        vtimezone(&mut out, tz, first, last);
    }
    for e in events {
        event(&mut out, e, now);
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn event(out: &mut String, e: &Event, now: DateTime<Utc>) {
    let zone = e.tz.name();
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}", e.uid));
    line(out, &format!("DTSTAMP:{}", now.format("%Y%m%dT%H%M%SZ")));
    line(out, &format!("LAST-MODIFIED:{}", e.updated.format("%Y%m%dT%H%M%SZ")));
    line(out, &format!("SEQUENCE:{}", e.sequence));
    if let Some(rid) = e.recurrence_id {
        line(out, &format!("RECURRENCE-ID;TZID={zone}:{}", rid.format("%Y%m%dT%H%M%S")));
    }
    line(out, &format!("DTSTART;TZID={zone}:{}", local(e.tz, e.start)));
    line(out, &format!("DTEND;TZID={zone}:{}", local(e.tz, e.start + Duration::minutes(i64::from(e.minutes)))));
    if let Some(r) = &e.rrule {
        line(out, &format!("RRULE:{r}"));
    }
    line(out, &format!("SUMMARY:{}", text(&e.summary)));
    if !e.description.is_empty() {
        line(out, &format!("DESCRIPTION:{}", text(&e.description)));
    }
    if let Some(l) = e.location.as_deref().filter(|l| !l.is_empty()) {
        line(out, &format!("LOCATION:{}", text(l)));
    }
    line(out, &format!("STATUS:{}", if e.cancelled { "CANCELLED" } else { "CONFIRMED" }));
    line(out, "END:VEVENT");
}

/// (offset seconds, is DST, abbreviation) at an instant.
fn offset_at(tz: Tz, at: DateTime<Utc>) -> (i32, bool, String) {
    let o = tz.offset_from_utc_datetime(&at.naive_utc());
    let abbr = o.abbreviation().map(str::to_string).unwrap_or_else(|| hhmm(o.fix().local_minus_utc()));
    (o.fix().local_minus_utc(), !o.dst_offset().is_zero(), abbr)
}

fn hhmm(secs: i32) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    let m = secs.abs() / 60;
    format!("{sign}{:02}{:02}", m / 60, m % 60)
}

/// The zone's definitions and transitions from `first` to `last` (years), found by scanning.
fn vtimezone(out: &mut String, tz: Tz, first: i32, last: i32) {
    line(out, "BEGIN:VTIMEZONE");
    line(out, &format!("TZID:{}", tz.name()));
    let start = Utc.with_ymd_and_hms(first, 1, 1, 0, 0, 0).single().unwrap_or_else(Utc::now);
    let end = Utc.with_ymd_and_hms(last, 1, 1, 0, 0, 0).single().unwrap_or_else(Utc::now);
    let mut prev = offset_at(tz, start);
    component(out, start, &prev, &prev);
    let mut t = start;
    while t < end {
        let next = t + Duration::hours(1);
        let now = offset_at(tz, next);
        if now.0 != prev.0 || now.1 != prev.1 {
            // Narrow down to the minute of the change.
            let (mut lo, mut hi) = (t, next);
            while hi - lo > Duration::minutes(1) {
                let mid = lo + (hi - lo) / 2;
                if offset_at(tz, mid).0 == prev.0 && offset_at(tz, mid).1 == prev.1 {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            component(out, hi, &prev, &now);
            prev = now;
        }
        t = next;
    }
    line(out, "END:VTIMEZONE");
}

fn component(out: &mut String, at: DateTime<Utc>, from: &(i32, bool, String), to: &(i32, bool, String)) {
    let kind = if to.1 { "DAYLIGHT" } else { "STANDARD" };
    line(out, &format!("BEGIN:{kind}"));
    let onset = at.naive_utc() + Duration::seconds(i64::from(from.0));
    line(out, &format!("DTSTART:{}", onset.format("%Y%m%dT%H%M%S")));
    line(out, &format!("TZOFFSETFROM:{}", hhmm(from.0)));
    line(out, &format!("TZOFFSETTO:{}", hhmm(to.0)));
    line(out, &format!("TZNAME:{}", text(&to.2)));
    line(out, &format!("END:{kind}"));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unfold(s: &str) -> String {
        s.replace("\r\n ", "")
    }

    #[test]
    fn folds_long_lines_on_character_boundaries_and_escapes_text() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", text(&"Повестка; вопросы, итоги\n".repeat(8)));
        line(&mut out, &long);
        for l in out.split("\r\n") {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        assert_eq!(unfold(&out), format!("{long}\r\n"));
        assert!(long.contains("\\;") && long.contains("\\,") && long.contains("\\n"));
    }

    #[test]
    fn berlin_has_its_transitions_and_moscow_none() {
        let mut out = String::new();
        vtimezone(&mut out, chrono_tz::Europe::Berlin, 2027, 2028);
        assert!(
            out.contains("BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200"),
            "{out}"
        );
        assert!(
            out.contains("BEGIN:STANDARD\r\nDTSTART:20271031T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100"),
            "{out}"
        );
        let mut out = String::new();
        vtimezone(&mut out, chrono_tz::Europe::Moscow, 2027, 2028);
        assert_eq!(out.matches("BEGIN:STANDARD").count(), 1);
        assert!(out.contains("TZOFFSETTO:+0300"));
    }
}
