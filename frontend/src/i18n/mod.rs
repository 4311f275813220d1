//! Russian and English: the current [`Locale`] in a reactive context, the compile-time complete
//! string catalogues, and locale-aware formatting (dates, money, enumerations).
//!
//! Who decides the language: the signed-in person's `Me.locale`; before sign-in the choice kept
//! in localStorage (`accord.locale`), then the browser's language (ru* → Russian, else English).

mod format;
mod money;
mod period;
mod plural;
mod texts;
mod time;

pub use format::{error_text, format_date, invitation_error_text};
pub use money::{format_money, money_input_value, parse_money, DEFAULT_CURRENCY};
pub use period::format_report_period;
pub use plural::Plural;
pub use texts::Texts;
pub use time::{
    day_input_value, format_date_time, format_day, format_days_ago, format_period, format_wall_clock, iso_day,
    iso_year, local_input_now, local_input_to_utc, now_utc, parse_day_input, weekday_name,
};

use accord_api::Locale;
use leptos::prelude::*;

const STORAGE_KEY: &str = "accord.locale";

pub fn texts(locale: Locale) -> &'static Texts {
    match locale {
        Locale::Ru => &texts::RU,
        Locale::En => &texts::EN,
    }
}

/// The language context every component reads its strings through.
#[derive(Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    /// The current catalogue; reading it inside a reactive closure re-renders on a switch.
    pub fn t(&self) -> &'static Texts {
        texts(self.locale.get())
    }

    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    pub fn locale_untracked(&self) -> Locale {
        self.locale.get_untracked()
    }

    /// Shows `locale` unless the person has chosen a language in this browser before (a page
    /// opened from a mail link reads in the language the mail was written in). Not remembered.
    pub fn suggest_locale(&self, locale: Locale) {
        if stored_locale().is_none() && self.locale.get_untracked() != locale {
            self.locale.set(locale);
        }
    }

    /// Switches the language on screen and remembers it in this browser.
    pub fn set_locale(&self, locale: Locale) {
        store_locale(locale);
        if self.locale.get_untracked() != locale {
            self.locale.set(locale);
        }
    }
}

/// Creates the context with the pre-sign-in guess and keeps `<html lang>` in step.
pub fn provide_i18n() -> I18n {
    let i18n = I18n { locale: RwSignal::new(initial_locale()) };
    provide_context(i18n);
    Effect::new(move |_| {
        let locale = i18n.locale();
        if let Some(root) = document().document_element() {
            // Setting an attribute on <html> cannot meaningfully fail; nothing to recover.
            let _ = root.set_attribute("lang", locale.as_str());
        }
    });
    i18n
}

pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n { locale: RwSignal::new(Locale::default()) })
}

/// Puts `values[n]` where `template` says `{n}`; other text, and a mark with no value, stay.
pub fn fill(template: &str, values: &[&dyn std::fmt::Display]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let mark = after.find('}').and_then(|close| Some((after[..close].parse::<usize>().ok()?, close)));
        match mark {
            Some((index, close)) => {
                if let Some(value) = values.get(index) {
                    // Writing to a String cannot fail.
                    let _ = write!(out, "{value}");
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `text` in upper case by the browser's Unicode case tables (`String.prototype.toUpperCase`,
/// the same mappings as `str::to_uppercase`): Rust's own copy of the tables would be linked into
/// the web bundle.
pub fn upper_case(text: &str) -> String {
    String::from(js_sys::JsString::from(text).to_upper_case())
}

/// `text` in lower case by the browser's Unicode case tables (see [`upper_case`]).
pub fn lower_case(text: &str) -> String {
    String::from(js_sys::JsString::from(text).to_lower_case())
}

/// The first letter of `name` in upper case (avatars, monograms); `None` for an empty name.
pub fn initial(name: &str) -> Option<String> {
    name.chars().next().map(|first| upper_case(first.encode_utf8(&mut [0; 4])))
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn store_locale(locale: Locale) {
    if let Some(storage) = local_storage() {
        // Private browsing may refuse storage; the choice then lasts for this page only.
        let _ = storage.set_item(STORAGE_KEY, locale.as_str());
    }
}

fn stored_locale() -> Option<Locale> {
    local_storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()).and_then(|v| Locale::parse(&v))
}

fn initial_locale() -> Locale {
    stored_locale().unwrap_or_else(|| match window().navigator().language() {
        // Only ASCII letters lower-case to "ru", so the ASCII check is the same as lower-casing.
        Some(lang) if lang.get(..2).is_some_and(|prefix| prefix.eq_ignore_ascii_case("ru")) => Locale::Ru,
        Some(_) => Locale::En,
        None => Locale::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fill_puts_values_by_number() {
        assert_eq!(fill("{0}–{1} из {2}", &[&1, &50, &120]), "1–50 из 120");
        assert_eq!(fill("{1}, {0}", &[&"a", &"b"]), "b, a");
        assert_eq!(fill("{0} и снова {0}", &[&7]), "7 и снова 7");
        assert_eq!(fill("{x} {} {3}", &[&1]), "{x} {} ");
    }
}
