//! Pieces only the portal's backlog and item pages use: month names, where an undecided item
//! stands, and the words for a refused decision. What staff see as well is in `backlog_parts`.

use crate::api::ApiError;
use crate::i18n::{error_text, upper_case, Texts};
use accord_api::error::Code;
use accord_api::{BacklogStatus, Locale};
use wasm_bindgen::JsValue;

/// "Март 2026 г." / "March 2026" from a `YYYY-MM` month key.
pub fn month_label(locale: Locale, month: &str) -> String {
    let Ok(day) = format!("{month}-01").parse::<chrono::NaiveDate>() else {
        return month.to_owned();
    };
    let options = js_sys::Intl::DateTimeFormatOptions::new();
    options.set_month(js_sys::Intl::MonthFormat::Long);
    options.set_year(js_sys::Intl::YearFormat::Numeric);
    options.set_time_zone("UTC");
    let tag = match locale {
        Locale::Ru => "ru-RU",
        Locale::En => "en-US",
    };
    let locales = js_sys::Array::of1(&JsValue::from_str(tag));
    let formatter = js_sys::Intl::DateTimeFormat::new(&locales, &options);
    let millis = day.and_hms_opt(12, 0, 0).map(|at| at.and_utc().timestamp_millis() as f64).unwrap_or_default();
    let date = js_sys::Date::new(&JsValue::from_f64(millis));
    let text = formatter.format().call1(&JsValue::NULL, &date).ok().and_then(|v| v.as_string());
    let text = text.unwrap_or_else(|| month.to_owned());
    match text.chars().next() {
        Some(first) => upper_case(&text[..first.len_utf8()]) + &text[first.len_utf8()..],
        None => String::new(),
    }
}

/// Where an undecided item stands, for the decision card (items agreed before decisions were
/// recorded, or done without one).
pub fn status_note(t: &Texts, status: BacklogStatus) -> &'static str {
    match status {
        BacklogStatus::Declined => t.portal_backlog().note_declined,
        BacklogStatus::Done => t.portal_backlog().note_done,
        _ => t.portal_backlog().note_agreed,
    }
}

/// A decision answer in words; `stale_version` and `not_awaiting_decision` get portal wording.
pub fn decision_error_text(t: &'static Texts, error: &ApiError) -> String {
    match error.known() {
        Some(Code::StaleVersion) => t.portal_backlog().stale.to_owned(),
        Some(Code::NotAwaitingDecision) => t.portal_backlog().not_awaiting.to_owned(),
        Some(Code::ReasonRequired) => t.portal_backlog().reason_required.to_owned(),
        Some(Code::Forbidden) => t.portal_backlog().forbidden_decide.to_owned(),
        _ => error_text(t, error),
    }
}
