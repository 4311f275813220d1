//! Money on screen and in forms: amounts are integer minor units (kopecks for RUB) with a
//! currency code; people type and read them in major units, formatted for their language.

use accord_api::{Locale, Money};
use wasm_bindgen::JsValue;

/// The currency new budgets are in.
pub const DEFAULT_CURRENCY: &str = "RUB";

/// "150 000,00 ₽" / "RUB 150,000.00", via `Intl.NumberFormat`.
pub fn format_money(locale: Locale, money: &Money) -> String {
    // The currency's own digits: kopecks for RUB, none for JPY, three for KWD.
    let digits = accord_api::money::minor_units(&money.currency);
    let major = money.amount_minor as f64 / 10_f64.powi(digits as i32);
    let plain = || format!("{} {}", money.major_text(), money.currency);
    // `Intl.NumberFormat` throws on a malformed currency code; such a value is shown as is.
    let code = money.currency.as_str();
    if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
        return plain();
    }
    let options = js_sys::Intl::NumberFormatOptions::new();
    options.set_style(js_sys::Intl::NumberFormatStyle::Currency);
    options.set_currency(code);
    let locales = js_sys::Array::of1(&JsValue::from_str(locale_tag(locale)));
    let formatter = js_sys::Intl::NumberFormat::new(&locales, &options);
    formatter
        .format()
        .call1(&JsValue::NULL, &JsValue::from_f64(major))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(plain)
}

/// An amount in minor units as people type it back into a field: no grouping, the locale's
/// decimal mark ("150000,50" / "150000.50").
pub fn money_input_value(locale: Locale, amount_minor: i64) -> String {
    let sign = if amount_minor < 0 { "-" } else { "" };
    let abs = amount_minor.unsigned_abs();
    let mark = if locale == Locale::Ru { ',' } else { '.' };
    format!("{sign}{}{mark}{:02}", abs / 100, abs % 100)
}

/// Reads an amount typed in major units into minor units: "150 000,50", "150000.50",
/// "150,000.50" and "150 000 ₽" all work. `None` when it is not a non-negative amount with at
/// most two decimals.
pub fn parse_money(input: &str) -> Option<i64> {
    let cleaned: String =
        input.chars().filter(|c| !c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '₽' | '\'')).collect();
    let cleaned = cleaned.strip_suffix("руб.").or_else(|| cleaned.strip_suffix("RUB")).unwrap_or(&cleaned);
    if cleaned.is_empty() {
        return None;
    }
    let (whole, fraction) = split_decimal(cleaned)?;
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if fraction.len() > 2 || !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let cents: i64 = if fraction.is_empty() { 0 } else { format!("{fraction:0<2}").parse().ok()? };
    whole.checked_mul(100)?.checked_add(cents)
}

/// Splits into whole digits (grouping marks removed) and the decimal digits. The last mark is
/// the decimal one when both `,` and `.` appear; a lone mark followed by exactly three digits
/// is grouping ("150,000"), otherwise it is the decimal mark ("150,5"). Grouping must come in
/// threes ("1,234,567"), so "1.234.5" is refused.
fn split_decimal(s: &str) -> Option<(String, String)> {
    let Some(at) = s.rfind([',', '.']) else {
        return Some((s.to_owned(), String::new()));
    };
    let mark = s[at..].chars().next()?;
    let both = s.contains(',') && s.contains('.');
    let tail = &s[at + 1..];
    let is_grouping = !both && (s.matches(mark).count() > 1 || tail.len() == 3);
    let (grouped, fraction) = if is_grouping { (s, "") } else { (&s[..at], tail) };
    let group_mark = if is_grouping { Some(mark) } else { grouped.chars().find(|c| matches!(c, ',' | '.')) };
    if let Some(g) = group_mark {
        let mut groups = grouped.split(g);
        let first = groups.next()?;
        let well_formed = (1..=3).contains(&first.len()) && groups.all(|group| group.len() == 3);
        if !well_formed || grouped.contains(if g == ',' { '.' } else { ',' }) {
            return None;
        }
    }
    Some((grouped.replace([',', '.'], ""), fraction.to_owned()))
}

pub fn locale_tag(locale: Locale) -> &'static str {
    match locale {
        Locale::Ru => "ru-RU",
        Locale::En => "en-US",
    }
}

#[cfg(test)]
mod tests {
    use super::parse_money;

    #[test]
    fn reads_amounts_typed_either_way() {
        assert_eq!(parse_money("150 000,50"), Some(15_000_050));
        assert_eq!(parse_money("150000.50"), Some(15_000_050));
        assert_eq!(parse_money("150,000.50"), Some(15_000_050));
        assert_eq!(parse_money("150.000,50"), Some(15_000_050));
        assert_eq!(parse_money("150\u{a0}000 ₽"), Some(15_000_000));
        assert_eq!(parse_money("150,000"), Some(15_000_000));
        assert_eq!(parse_money("1,000,000"), Some(100_000_000));
        assert_eq!(parse_money("150,5"), Some(15_050));
        assert_eq!(parse_money("0"), Some(0));
        assert_eq!(parse_money("12"), Some(1_200));
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        for bad in ["", "abc", "-5", "1,2345", "1.234.5", "12,34,5", ",50", "1e5"] {
            assert_eq!(parse_money(bad), None, "{bad}");
        }
    }
}
