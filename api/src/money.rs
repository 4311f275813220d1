//! Money in minor units with the currency's own exponent (ISO 4217): kopecks for RUB, cents for
//! USD, whole yen for JPY, fils (1/1000) for KWD. One place converts between the stored minor
//! units and the major-unit text people read and type (CSV files, history, forms).

use crate::input::MONEY_MAX_MINOR;
use crate::Money;

/// Digits after the decimal point in `currency` (ISO 4217 minor units; 2 when unlisted).
pub fn minor_units(currency: &str) -> u32 {
    match currency {
        "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF" | "UGX" | "UYI" | "VND"
        | "VUV" | "XAF" | "XOF" | "XPF" => 0,
        "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
        _ => 2,
    }
}

impl Money {
    /// The amount in major units with the currency's digits, "." as the separator and no
    /// grouping: "12000.00" (RUB), "1500" (JPY), "1.250" (KWD), "-3.05".
    pub fn major_text(&self) -> String {
        major_text(self.amount_minor, &self.currency)
    }

    /// Parses an amount typed in major units ("30 000,50", "1500", "12.5") for `currency`:
    /// spaces (also no-break) are ignored, "," or "." separates the fraction, which may not have
    /// more digits than the currency. `None` for anything else, negatives and amounts over
    /// the cap.
    pub fn parse_major(raw: &str, currency: &str) -> Option<Money> {
        let digits = minor_units(currency);
        let text: String = raw.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}').collect();
        let text = text.replace(',', ".");
        let (whole, frac) = match text.split_once('.') {
            Some((w, f)) => (w, f),
            None => (text.as_str(), ""),
        };
        if whole.is_empty() && frac.is_empty() {
            return None;
        }
        if !whole.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        if frac.len() > digits as usize || whole.len() > 18 {
            return None;
        }
        let scale = 10_i64.pow(digits);
        let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
        let frac_value: i64 =
            if frac.is_empty() { 0 } else { frac.parse::<i64>().ok()? * 10_i64.pow(digits - frac.len() as u32) };
        let amount = whole.checked_mul(scale)?.checked_add(frac_value)?;
        (amount <= MONEY_MAX_MINOR).then(|| Money { amount_minor: amount, currency: currency.to_string() })
    }
}

/// See [`Money::major_text`].
pub fn major_text(amount_minor: i64, currency: &str) -> String {
    let digits = minor_units(currency);
    let sign = if amount_minor < 0 { "-" } else { "" };
    let abs = amount_minor.unsigned_abs();
    if digits == 0 {
        return format!("{sign}{abs}");
    }
    let scale = 10_u64.pow(digits);
    format!("{sign}{}.{:0width$}", abs / scale, abs % scale, width = digits as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(amount_minor: i64, currency: &str) -> Money {
        Money { amount_minor, currency: currency.into() }
    }

    #[test]
    fn each_currency_keeps_its_own_digits() {
        assert_eq!(m(1_200_000, "RUB").major_text(), "12000.00");
        assert_eq!(m(1500, "JPY").major_text(), "1500");
        assert_eq!(m(1250, "KWD").major_text(), "1.250");
        assert_eq!(m(-305, "USD").major_text(), "-3.05");
        assert_eq!(Money::parse_major("30 000,50", "RUB"), Some(m(3_000_050, "RUB")));
        assert_eq!(Money::parse_major("12.5", "RUB"), Some(m(1250, "RUB")));
        assert_eq!(Money::parse_major("1500", "JPY"), Some(m(1500, "JPY")));
        assert_eq!(Money::parse_major("1.5", "JPY"), None, "yen have no fraction");
        assert_eq!(Money::parse_major("1.250", "KWD"), Some(m(1250, "KWD")));
        assert_eq!(Money::parse_major("0.001", "RUB"), None);
        for bad in ["", "-1", "1e3", "abc", "1.2.3", "99999999999999999999"] {
            assert_eq!(Money::parse_major(bad, "RUB"), None, "{bad}");
        }
        assert!(Money::parse_major("1000000000000", "RUB").is_some());
        assert!(Money::parse_major("1000000000000.01", "RUB").is_none(), "over the cap");
    }
}
