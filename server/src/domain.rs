//! Domain values parsed from input. Each type can only hold a valid value; `parse` returns the
//! 422 error naming the field, so handlers never validate by hand.

use crate::error::ApiError;
use accord_api::error::codes;

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
        let bad = || ApiError::invalid(field, codes::VALIDATION, "Enter a valid email address.");
        if email.len() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
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

impl DisplayName {
    /// 1–200 characters after trimming, no control characters.
    pub fn parse(field: &str, raw: &str) -> Result<Self, ApiError> {
        let name = raw.trim();
        if name.is_empty() {
            return Err(ApiError::invalid(field, codes::VALIDATION, "This field is required."));
        }
        if name.chars().count() > 200 || name.chars().any(char::is_control) {
            return Err(ApiError::invalid(
                field,
                codes::VALIDATION,
                "Use at most 200 characters, no control characters.",
            ));
        }
        Ok(Self(name.to_string()))
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
            return Err(ApiError::invalid(field, codes::VALIDATION, "Use 3–40 latin letters, digits and hyphens."));
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
        if !ok {
            return Err(ApiError::invalid(field, codes::VALIDATION, "Use an IANA time zone such as Europe/Moscow."));
        }
        Ok(Self(tz.to_string()))
    }
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
