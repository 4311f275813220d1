//! A backlog item's parts that the staff pages and the client portal both show: hours and money
//! in words, the status and change-request badges, "was, now", the client's decision and a
//! comment. Where staff and clients read them differently, a [`Reader`] says who reads.

mod comment;
mod decision;
mod status;

pub use comment::CommentItem;
pub use decision::{DecisionSummary, WasNow};
pub use status::{side_label, status_label, CrBadge, StatusBadge};

use crate::i18n::{fill, format_money, texts, Texts};
use accord_api::{Locale, Money};

/// Who reads a backlog part: the agency's staff, or the client in the portal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    Staff,
    Client,
}

/// Hours with up to two decimals in the reader's style: "12,5 ч" / "12.5 h".
pub fn format_hours(locale: Locale, minutes: i64) -> String {
    fill(texts(locale).backlog().hours, &[&hours_input_value(locale, minutes)])
}

/// Hours as typed back into a field: "12,5" / "12.5", no unit.
pub fn hours_input_value(locale: Locale, minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    // Hundredths of an hour, rounded half up.
    let centi = (minutes.unsigned_abs() * 100 + 30) / 60;
    let (whole, frac) = (centi / 100, centi % 100);
    let mark = if locale == Locale::Ru { ',' } else { '.' };
    match frac {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}{mark}{}", f / 10),
        f => format!("{sign}{whole}{mark}{f:02}"),
    }
}

/// "12,5", "12.5", "12" or "0,25 ч" hours into minutes; `None` when it is not a non-negative
/// number with at most two decimals.
pub fn parse_hours(input: &str) -> Option<i64> {
    let cleaned: String = input
        .trim()
        .trim_end_matches(['ч', 'h', 'H', '.'])
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    let (whole, frac) = match cleaned.split_once([',', '.']) {
        Some((w, f)) => (w, f),
        None => (cleaned.as_str(), ""),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty()) || !digits(whole) || !digits(frac) || frac.len() > 2 {
        return None;
    }
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let frac: i64 = if frac.is_empty() { 0 } else { format!("{frac:0<2}").parse().ok()? };
    let centi = whole.checked_mul(100)?.checked_add(frac)?;
    Some((centi.checked_mul(60)? + 50) / 100)
}

/// The estimate in words, or "not estimated".
pub fn estimate_text(t: &Texts, locale: Locale, minutes: Option<i64>) -> String {
    minutes.map_or_else(|| t.backlog().no_estimate.to_owned(), |m| format_hours(locale, m))
}

/// The price in the reader's format, or "no price".
pub fn price_text(t: &Texts, locale: Locale, price: Option<&Money>) -> String {
    price.map_or_else(|| t.backlog().no_price.to_owned(), |p| format_money(locale, p))
}

#[cfg(test)]
mod tests {
    use super::{hours_input_value, parse_hours};
    use accord_api::Locale;

    #[test]
    fn hours_round_trip() {
        assert_eq!(parse_hours("12,5"), Some(750));
        assert_eq!(parse_hours("12.5"), Some(750));
        assert_eq!(parse_hours("12"), Some(720));
        assert_eq!(parse_hours("0,25 ч"), Some(15));
        assert_eq!(parse_hours(",5"), Some(30));
        assert_eq!(parse_hours("1.333"), None);
        assert_eq!(parse_hours("-1"), None);
        assert_eq!(parse_hours("abc"), None);
        assert_eq!(hours_input_value(Locale::Ru, 750), "12,5");
        assert_eq!(hours_input_value(Locale::En, 750), "12.5");
        assert_eq!(hours_input_value(Locale::En, 20), "0.33");
        assert_eq!(hours_input_value(Locale::En, 720), "12");
    }
}
