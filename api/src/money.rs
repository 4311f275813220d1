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

/// Every active ISO 4217 currency code (and the metals and SDR are left out).
const ISO_4217: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD", "BIF",
    "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLP", "CNY", "COP", "CRC",
    "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS",
    "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD",
    "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL",
    "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD",
    "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD",
    "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP",
    "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VES",
    "VND", "VUV", "WST", "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWL",
];

/// Whether `code` is an active ISO 4217 currency code, exactly as written (upper case).
pub fn is_currency(code: &str) -> bool {
    ISO_4217.binary_search(&code).is_ok()
}

/// `raw` trimmed and upper-cased when it is a currency code ([`is_currency`]), else `None`.
pub fn parse_currency(raw: &str) -> Option<String> {
    let code = raw.trim().to_ascii_uppercase();
    is_currency(&code).then_some(code)
}

/// One unit of a rate: rates are stored as units of the target currency per one unit of the
/// source currency × 1,000,000.
pub const RATE_ONE: i64 = 1_000_000;
/// The largest rate accepted (10⁶ per unit), in micro-units.
pub const RATE_MAX_MICRO: i64 = 1_000_000 * RATE_ONE;

/// Converts `amount_minor` of `from_cur` to minor units of `to_cur` at `rate_micro` (units of
/// `to_cur` per one unit of `from_cur` × 10⁶), rounding half away from zero:
/// `amount × rate × 10^digits(to) / (10^digits(from) × 10⁶)`, computed in i128 (exact for every
/// accepted amount and rate; saturates at the i64 range beyond them).
pub fn convert_minor(amount_minor: i64, from_cur: &str, rate_micro: i64, to_cur: &str) -> i64 {
    let num = i128::from(amount_minor) * i128::from(rate_micro) * 10_i128.pow(minor_units(to_cur));
    let den = 10_i128.pow(minor_units(from_cur)) * i128::from(RATE_ONE);
    let q = num / den;
    let r = num % den;
    // Half away from zero: |r| * 2 >= den moves one step away from zero.
    let q = if r.abs() * 2 >= den { q + num.signum() } else { q };
    i64::try_from(q).unwrap_or(if q < 0 { i64::MIN } else { i64::MAX })
}

/// Parses a rate typed as decimal text ("92.5", "92,5", " 0.011 ", "1"): more than 0, at most
/// six decimals, at most [`RATE_MAX_MICRO`]; returns it × 10⁶. `None` for anything else.
pub fn parse_rate(raw: &str) -> Option<i64> {
    let text: String = raw.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}').collect();
    let text = text.replace(',', ".");
    let (whole, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
    if (whole.is_empty() && frac.is_empty())
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
        || frac.len() > 6
        || whole.len() > 7
    {
        return None;
    }
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let frac: i64 = if frac.is_empty() { 0 } else { frac.parse::<i64>().ok()? * 10_i64.pow(6 - frac.len() as u32) };
    let micro = whole.checked_mul(RATE_ONE)?.checked_add(frac)?;
    (micro > 0 && micro <= RATE_MAX_MICRO).then_some(micro)
}

/// A stored rate as the decimal text [`parse_rate`] reads, without trailing zeros: "92.5", "1",
/// "0.011".
pub fn rate_text(rate_micro: i64) -> String {
    let whole = rate_micro / RATE_ONE;
    let frac = (rate_micro % RATE_ONE).abs();
    if frac == 0 {
        return whole.to_string();
    }
    let digits = format!("{frac:06}");
    format!("{whole}.{}", digits.trim_end_matches('0'))
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
    #[test]
    fn currencies_are_iso_codes() {
        assert!(ISO_4217.windows(2).all(|w| w[0] < w[1]), "sorted for the binary search");
        assert!(is_currency("RUB") && is_currency("USD") && is_currency("JPY") && is_currency("KWD"));
        assert!(!is_currency("rub") && !is_currency("XYZ") && !is_currency("") && !is_currency("RUBL"));
        assert_eq!(parse_currency(" eur "), Some("EUR".into()));
        assert_eq!(parse_currency("₽"), None);
    }

    #[test]
    fn conversion_is_exact_and_rounds_half_away_from_zero() {
        // 1 USD = 92.5 RUB: 100.00 USD = 9 250.00 RUB.
        assert_eq!(convert_minor(10_000, "USD", 92_500_000, "RUB"), 925_000);
        // The base currency converts to itself.
        assert_eq!(convert_minor(123_456, "RUB", RATE_ONE, "RUB"), 123_456);
        // 0.01 USD × 92.123456 = 0.92123456 RUB → 92 kopecks (down), 0.015 → half up.
        assert_eq!(convert_minor(1, "USD", 92_123_456, "RUB"), 92);
        assert_eq!(convert_minor(1, "USD", 1_500_000, "RUB"), 2, "1.5 kopecks round away from zero");
        assert_eq!(convert_minor(1, "USD", 1_499_999, "RUB"), 1);
        assert_eq!(convert_minor(-1, "USD", 1_500_000, "RUB"), -2, "negative halves round away too");
        // Different digits: 1500 JPY at 0.61 RUB per yen = 915.00 RUB; 1.250 KWD at 300 RUB.
        assert_eq!(convert_minor(1500, "JPY", 610_000, "RUB"), 91_500);
        assert_eq!(convert_minor(1250, "KWD", 300_000_000, "RUB"), 37_500);
        // RUB to JPY: 100.00 RUB at 1.64 yen per rouble = 164 yen; 0.30 RUB → 0.492 → 0.
        assert_eq!(convert_minor(10_000, "RUB", 1_640_000, "JPY"), 164);
        assert_eq!(convert_minor(30, "RUB", 1_640_000, "JPY"), 0);
        // The largest amount at the largest rate stays exact in i128 (and saturates in i64).
        assert_eq!(convert_minor(MONEY_MAX_MINOR, "RUB", RATE_MAX_MICRO, "RUB"), i64::MAX);
        assert_eq!(convert_minor(MONEY_MAX_MINOR, "USD", 92_500_000, "RUB"), 9_250_000_000_000_000);
    }

    #[test]
    fn rates_parse_and_print() {
        assert_eq!(parse_rate("92.5"), Some(92_500_000));
        assert_eq!(parse_rate(" 92,5 "), Some(92_500_000));
        assert_eq!(parse_rate("1"), Some(RATE_ONE));
        assert_eq!(parse_rate("0.011"), Some(11_000));
        assert_eq!(parse_rate(".5"), Some(500_000));
        assert_eq!(parse_rate("0.000001"), Some(1));
        for bad in ["", "0", "0.0000001", "-1", "1e3", "abc", "1.2.3", "10000000", "."] {
            assert_eq!(parse_rate(bad), None, "{bad}");
        }
        assert_eq!(parse_rate("1000000"), Some(RATE_MAX_MICRO));
        assert_eq!(rate_text(92_500_000), "92.5");
        assert_eq!(rate_text(RATE_ONE), "1");
        assert_eq!(rate_text(11_000), "0.011");
        for micro in [1, 11_000, 92_500_000, 123_456_789, RATE_MAX_MICRO] {
            assert_eq!(parse_rate(&rate_text(micro)), Some(micro));
        }
    }
}
