//! Kinds of input and their limits. The server parses every text, date, amount and page number
//! through one of these, and the OpenAPI document publishes the same limits (feature `openapi`),
//! so a client or a fuzzer can know them. The SPA may use them to check a form before sending.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// The earliest and latest year a date or timestamp may carry (both databases store them).
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2200;
/// The largest amount of money in minor units: 10¹⁴ (a trillion roubles in kopecks).
pub const MONEY_MAX_MINOR: i64 = 100_000_000_000_000;
/// The highest page number a list accepts (checked before any offset is computed).
pub const PAGE_MAX: u64 = 1_000_000;
/// The most items one page may carry.
pub const PER_PAGE_MAX: u64 = 100;

/// Why an input value was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputError {
    Required,
    TooLong {
        max: usize,
    },
    /// NUL or another control character (single-line text also refuses line breaks).
    ControlCharacters,
    /// Bidi overrides, zero-width characters or a byte-order mark in a single-line text.
    InvisibleCharacters,
    DateOutOfRange,
    NumberOutOfRange {
        min: i64,
        max: i64,
    },
}

impl InputError {
    /// The English message the API answers with (the SPA shows its own text per code).
    pub fn message(self) -> String {
        match self {
            InputError::Required => "This field is required.".into(),
            InputError::TooLong { max } => format!("Use at most {max} characters."),
            InputError::ControlCharacters => "The text contains control characters.".into(),
            InputError::InvisibleCharacters => "The text contains invisible direction or zero-width characters.".into(),
            InputError::DateOutOfRange => format!("Use a date between the years {MIN_YEAR} and {MAX_YEAR}."),
            InputError::NumberOutOfRange { min, max } => format!("Use a number from {min} to {max}."),
        }
    }
}

/// Characters that change how the text around them is shown without being visible themselves:
/// bidi embeddings, overrides, isolates and marks, zero-width spaces and joiners' look-alikes,
/// word joiners and the byte-order mark. (U+200D, the zero-width joiner, stays: emoji use it.)
pub fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'
            | '\u{200C}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// How one kind of text is bounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextRule {
    /// Most characters (Unicode scalar values) after trimming.
    pub max: usize,
    /// Single-line: no line breaks, no control, bidi or zero-width characters. Multi-line: no
    /// control characters except tab and line breaks (CRLF becomes LF).
    pub single_line: bool,
    /// Whether empty (after trimming) is refused.
    pub required: bool,
}

impl TextRule {
    /// Trims and checks `raw`; an optional field may come back empty.
    pub fn parse(self, raw: &str) -> Result<String, InputError> {
        let text = raw.trim();
        if text.is_empty() && self.required {
            return Err(InputError::Required);
        }
        if self.single_line {
            if text.chars().any(char::is_control) {
                return Err(InputError::ControlCharacters);
            }
            if text.chars().any(is_invisible_format) {
                return Err(InputError::InvisibleCharacters);
            }
        } else if text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
            return Err(InputError::ControlCharacters);
        }
        if text.chars().count() > self.max {
            return Err(InputError::TooLong { max: self.max });
        }
        Ok(if self.single_line { text.to_string() } else { text.replace("\r\n", "\n") })
    }

    /// An optional field: `None` or blank is `None`.
    pub fn parse_optional(self, raw: Option<&str>) -> Result<Option<String>, InputError> {
        match raw {
            None => Ok(None),
            Some(s) => Ok(Some(self.parse(s)?).filter(|s| !s.is_empty())),
        }
    }

    /// The pattern published for single-line text: no control, bidi or zero-width characters.
    pub fn pattern(self) -> Option<&'static str> {
        self.single_line.then_some(
            "^[^\\u0000-\\u001F\\u007F-\\u009F\\u061C\\u180E\\u200B\\u200C\\u200E\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]*$",
        )
    }
}

macro_rules! text_kind {
    ($(#[$doc:meta])* $name:ident { max: $max:expr, single_line: $single:expr, required: $required:expr }) => {
        $(#[$doc])*
        pub struct $name;

        impl $name {
            pub const RULE: TextRule = TextRule { max: $max, single_line: $single, required: $required };

            pub fn parse(raw: &str) -> Result<String, InputError> {
                Self::RULE.parse(raw)
            }

            pub fn parse_optional(raw: Option<&str>) -> Result<Option<String>, InputError> {
                Self::RULE.parse_optional(raw)
            }
        }

        #[cfg(feature = "openapi")]
        impl $name {
            /// The field's schema (`#[schema(schema_with = …)]`).
            pub fn schema() -> utoipa::openapi::Object {
                schema::text(Self::RULE, false, stringify!($name))
            }

            /// The schema of an optional (nullable) field of this kind.
            pub fn optional_schema() -> utoipa::openapi::Object {
                schema::text(Self::RULE, true, stringify!($name))
            }

            /// The schema of a list of texts of this kind.
            pub fn list_schema() -> utoipa::openapi::Array {
                utoipa::openapi::ArrayBuilder::new().items(Self::schema()).max_items(Some(LIST_MAX_ITEMS)).build()
            }
        }
    };
}

/// Most entries in a list of short texts (a client's included / not-included services).
pub const LIST_MAX_ITEMS: usize = 50;

text_kind!(
    /// Names and titles shown to people: a person, a client, a project, a backlog item, a stage.
    Name { max: 200, single_line: true, required: true }
);
text_kind!(
    /// A short optional line: a contact's position.
    Line { max: 200, single_line: true, required: false }
);
text_kind!(
    /// A phone number as people write it.
    Phone { max: 50, single_line: true, required: false }
);
text_kind!(
    /// A KPI's unit ("%", "leads / month").
    Unit { max: 40, single_line: true, required: false }
);
text_kind!(
    /// One point of a list (a service included in the contract).
    ListPoint { max: 300, single_line: true, required: false }
);
text_kind!(
    /// A paragraph of plain text: a client's business model, a backlog item's benefit.
    Note { max: 2_000, single_line: false, required: false }
);
text_kind!(
    /// A message someone writes: a comment, a touchpoint summary, a decision's comment.
    Message { max: 5_000, single_line: false, required: true }
);
text_kind!(
    /// An optional message (a reason or a comment that may be left out).
    OptionalMessage { max: 5_000, single_line: false, required: false }
);
text_kind!(
    /// Markdown source, rendered and sanitized by the server.
    Markdown { max: 20_000, single_line: false, required: false }
);
text_kind!(
    /// A question put to a client's people (a survey question, a follow-up).
    Question { max: 300, single_line: true, required: true }
);
text_kind!(
    /// A search text in a list's `q` parameter.
    Search { max: 200, single_line: true, required: false }
);

/// A calendar date within the supported years.
pub struct Day;

impl Day {
    pub fn check(d: NaiveDate) -> Result<NaiveDate, InputError> {
        if (MIN_YEAR..=MAX_YEAR).contains(&d.year()) {
            Ok(d)
        } else {
            Err(InputError::DateOutOfRange)
        }
    }

    pub fn check_optional(d: Option<NaiveDate>) -> Result<Option<NaiveDate>, InputError> {
        d.map(Self::check).transpose()
    }
}

/// A moment in time within the supported years.
pub struct Instant;

impl Instant {
    pub fn check(t: DateTime<Utc>) -> Result<DateTime<Utc>, InputError> {
        if (MIN_YEAR..=MAX_YEAR).contains(&t.year()) {
            Ok(t)
        } else {
            Err(InputError::DateOutOfRange)
        }
    }
}

/// An amount in minor units: 0 to [`MONEY_MAX_MINOR`].
pub struct Amount;

impl Amount {
    pub fn check(minor: i64) -> Result<i64, InputError> {
        if (0..=MONEY_MAX_MINOR).contains(&minor) {
            Ok(minor)
        } else {
            Err(InputError::NumberOutOfRange { min: 0, max: MONEY_MAX_MINOR })
        }
    }
}

#[cfg(feature = "openapi")]
impl Day {
    pub fn schema() -> utoipa::openapi::Object {
        schema::date(false, false)
    }
    pub fn optional_schema() -> utoipa::openapi::Object {
        schema::date(false, true)
    }
}

#[cfg(feature = "openapi")]
impl Instant {
    pub fn schema() -> utoipa::openapi::Object {
        schema::date(true, false)
    }
}

#[cfg(feature = "openapi")]
impl Amount {
    pub fn schema() -> utoipa::openapi::Object {
        use utoipa::openapi::schema::{KnownFormat, SchemaFormat, Type};
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(Type::Integer)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
            .minimum(Some(0))
            .maximum(Some(MONEY_MAX_MINOR))
            .description(Some("Minor units of the currency (kopecks for RUB)."))
            .build()
    }
}

#[cfg(feature = "openapi")]
mod schema {
    use super::{TextRule, MAX_YEAR, MIN_YEAR};
    use utoipa::openapi::schema::{KnownFormat, SchemaFormat, SchemaType, Type};
    use utoipa::openapi::{Object, ObjectBuilder};

    fn string_type(nullable: bool) -> SchemaType {
        if nullable {
            SchemaType::from_iter([Type::String, Type::Null])
        } else {
            SchemaType::from(Type::String)
        }
    }

    pub fn text(rule: TextRule, nullable: bool, kind: &str) -> Object {
        let lines = if rule.single_line { "single line" } else { "multi-line" };
        ObjectBuilder::new()
            .schema_type(string_type(nullable))
            .max_length(Some(rule.max))
            .min_length(rule.required.then_some(1))
            .pattern(rule.pattern())
            .description(Some(format!("{kind}: {lines}, at most {} characters after trimming", rule.max)))
            .build()
    }

    pub fn date(with_time: bool, nullable: bool) -> Object {
        let (format, pattern) = if with_time {
            (KnownFormat::DateTime, "^(19\\d\\d|2[01]\\d\\d|2200)-\\d\\d-\\d\\dT")
        } else {
            (KnownFormat::Date, "^(19\\d\\d|2[01]\\d\\d|2200)-\\d\\d-\\d\\d$")
        };
        ObjectBuilder::new()
            .schema_type(string_type(nullable))
            .format(Some(SchemaFormat::KnownFormat(format)))
            .pattern(Some(pattern))
            .description(Some(format!("Years {MIN_YEAR}–{MAX_YEAR}")))
            .build()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_line_text_refuses_control_bidi_and_zero_width() {
        assert_eq!(Name::parse("  Ромашка ").unwrap(), "Ромашка");
        assert_eq!(Name::parse(" "), Err(InputError::Required));
        assert_eq!(Name::parse("a\u{0}b"), Err(InputError::ControlCharacters));
        assert_eq!(Name::parse("a\nb"), Err(InputError::ControlCharacters));
        assert_eq!(Name::parse("probe\u{202E}gnp.exe\u{202C}"), Err(InputError::InvisibleCharacters));
        assert_eq!(Name::parse("a\u{200B}b"), Err(InputError::InvisibleCharacters));
        assert_eq!(Name::parse("\u{FEFF}abc"), Err(InputError::InvisibleCharacters));
        assert!(Name::parse("👨\u{200D}👩\u{200D}👧 family").is_ok());
        assert_eq!(Name::parse(&"я".repeat(201)), Err(InputError::TooLong { max: 200 }));
        assert!(Name::parse(&"я".repeat(200)).is_ok());
    }

    #[test]
    fn multi_line_text_keeps_breaks_and_refuses_nul() {
        assert_eq!(Message::parse(" a\r\nb\tc ").unwrap(), "a\nb\tc");
        assert_eq!(Message::parse("a\u{0}b"), Err(InputError::ControlCharacters));
        assert!(Note::parse("עברית \u{202B}x").is_ok());
        assert_eq!(Note::parse_optional(Some("  ")), Ok(None));
        assert_eq!(Note::parse_optional(None), Ok(None));
    }

    #[test]
    fn dates_and_amounts_are_bounded() {
        let d = |y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
        assert!(Day::check(d(1900)).is_ok());
        assert!(Day::check(d(2200)).is_ok());
        assert_eq!(Day::check(d(1899)), Err(InputError::DateOutOfRange));
        assert_eq!(Day::check(d(-10000)), Err(InputError::DateOutOfRange));
        assert!(Instant::check(DateTime::<Utc>::MIN_UTC).is_err());
        assert!(Amount::check(MONEY_MAX_MINOR).is_ok());
        assert!(Amount::check(MONEY_MAX_MINOR + 1).is_err());
        assert!(Amount::check(-1).is_err());
    }
}
