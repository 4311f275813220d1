//! Domain values parsed from input. Each type can only hold a valid value; `parse` returns the
//! 422 error naming the field, so handlers never validate by hand.

use crate::error::{ApiError, ApiResult};
use accord_api::error::Code;
use accord_api::input::{self, InputError};

macro_rules! string_value {
    ($name:ident) => {
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }

            pub fn into_inner(self) -> String {
                self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

string_value!(Email);
string_value!(DisplayName);
string_value!(Slug);
string_value!(TimeZone);

impl Email {
    /// Trimmed, lower-cased, one `@` with text on both sides and a dot in the domain.
    pub fn parse(field: &str, raw: &str) -> Result<Self, ApiError> {
        let email = raw.trim().to_lowercase();
        let bad = || ApiError::invalid(field, Code::ValidationFailed, "Enter a valid email address.");
        if email.len() > 254
            || email.chars().any(|c| c.is_whitespace() || c.is_control() || input::is_invisible_format(c))
        {
            return Err(bad());
        }
        let (local, domain) = email.split_once('@').ok_or_else(bad)?;
        if local.is_empty()
            || domain.contains('@')
            || !domain.contains('.')
            || domain.starts_with('.')
            || domain.ends_with('.')
        {
            return Err(bad());
        }
        Ok(Self(email))
    }
}

/// An email typed to look an account up (sign-in, password reset): trimmed and lower-cased;
/// control or invisible characters and over-long text are a 422. Any other shape simply finds
/// no account, so the answer stays the same as for an unknown address.
pub fn lookup_email(field: &str, raw: &str) -> ApiResult<String> {
    let email = raw.trim().to_lowercase();
    if email.len() > 254 || email.chars().any(|c| c.is_control() || input::is_invisible_format(c)) {
        return Err(ApiError::invalid(field, Code::ValidationFailed, "Enter a valid email address."));
    }
    Ok(email)
}

impl DisplayName {
    /// A name or title: 1–200 characters after trimming, one line, no control, bidi or
    /// zero-width characters (see [`input::Name`]).
    pub fn parse(field: &str, raw: &str) -> Result<Self, ApiError> {
        input::Name::parse(raw).field(field).map(Self)
    }
}

/// Turns a refused input value into the 422 that names its field.
pub trait Field<T> {
    fn field(self, name: &str) -> ApiResult<T>;
}

impl<T> Field<T> for Result<T, InputError> {
    fn field(self, name: &str) -> ApiResult<T> {
        self.map_err(|e| ApiError::invalid(name, Code::ValidationFailed, e.message()))
    }
}

impl Slug {
    /// 3–40 of a–z, 0–9 and inner hyphens.
    pub fn parse(field: &str, raw: &str) -> Result<Self, ApiError> {
        let slug = raw.trim().to_lowercase();
        let ok = (3..=40).contains(&slug.len())
            && slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !slug.starts_with('-')
            && !slug.ends_with('-');
        if !ok {
            return Err(ApiError::invalid(
                field,
                Code::ValidationFailed,
                "Use 3–40 latin letters, digits and hyphens.",
            ));
        }
        Ok(Self(slug))
    }
}

impl TimeZone {
    /// An IANA zone name shape such as `Europe/Moscow` or `UTC`.
    pub fn parse(field: &str, raw: &str) -> Result<Self, ApiError> {
        let tz = raw.trim();
        let part_ok = |p: &str| {
            !p.is_empty() && p.len() <= 40 && p.chars().all(|c| c.is_ascii_alphanumeric() || "_-+".contains(c))
        };
        let parts: Vec<&str> = tz.split('/').collect();
        let ok = tz == "UTC"
            || (parts.len() >= 2
                && parts.len() <= 3
                && parts.iter().all(|p| part_ok(p))
                && parts[0].chars().next().is_some_and(|c| c.is_ascii_uppercase()));
        // The shape, then the zone database: a well-formed name no zone has is refused too.
        if !ok || tz.parse::<chrono_tz::Tz>().is_err() {
            return Err(ApiError::invalid(
                field,
                Code::ValidationFailed,
                "Use an IANA time zone such as Europe/Moscow.",
            ));
        }
        Ok(Self(tz.to_string()))
    }
}

/// An amount of money from input: 0 to 10¹⁴ minor units and a three-letter ISO 4217 code.
pub fn money(field: &str, m: &accord_api::Money) -> ApiResult<(i64, String)> {
    let currency = m.currency.trim().to_ascii_uppercase();
    if !accord_api::money::is_currency(&currency) {
        return Err(ApiError::invalid(field, Code::ValidationFailed, "Use an ISO 4217 currency code such as RUB."));
    }
    let amount = input::Amount::check(m.amount_minor).field(field)?;
    Ok((amount, currency))
}

/// A date from input within the supported years (both databases store it).
pub fn day(field: &str, d: chrono::NaiveDate) -> ApiResult<chrono::NaiveDate> {
    input::Day::check(d).field(field)
}

/// An optional date from input within the supported years.
pub fn optional_day(field: &str, d: Option<chrono::NaiveDate>) -> ApiResult<Option<chrono::NaiveDate>> {
    input::Day::check_optional(d).field(field)
}

/// A timestamp from input within the supported years.
pub fn instant(field: &str, t: chrono::DateTime<chrono::Utc>) -> ApiResult<chrono::DateTime<chrono::Utc>> {
    input::Instant::check(t).field(field)
}

/// The form of a name that search compares against: Unicode lower case, so «Ромашка» and
/// «ромашка» match on SQLite too (its `lower()` only folds ASCII).
pub fn search_key(text: &str) -> String {
    text.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(Email::parse("e", "  Anna@Example.RU ").unwrap().as_str(), "anna@example.ru");
        for bad in ["", "a", "a@b", "@b.ru", "a@@b.ru", "a b@c.ru", "a@.ru", "a@b.ru."] {
            assert!(Email::parse("e", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn slugs_names_zones() {
        assert!(Slug::parse("s", "web-studio-1").is_ok());
        for bad in ["ab", "-abc", "abc-", "под", "a_b_c"] {
            assert!(Slug::parse("s", bad).is_err(), "{bad}");
        }
        assert!(DisplayName::parse("n", "  ").is_err());
        assert_eq!(DisplayName::parse("n", " Ирина ").unwrap().as_str(), "Ирина");
        assert!(TimeZone::parse("t", "Europe/Moscow").is_ok());
        assert!(TimeZone::parse("t", "America/Argentina/Buenos_Aires").is_ok());
        assert!(TimeZone::parse("t", "moscow").is_err());
    }
}
