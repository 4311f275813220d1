//! Pieces the portal backlog and item pages share: hours, plurals, months, status badges, the
//! change-request badge, "was X, now Y", and the person-facing words for a decision error.

use crate::api::ApiError;
use crate::components::Badge;
use crate::i18n::{error_text, fill, format_money, use_i18n, Texts};
use accord_api::backlog::PortalItem;
use accord_api::error::codes;
use accord_api::{BacklogStatus, Locale, Money};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// "12,5 ч" / "12.5 h": minutes as hours with at most two decimals.
pub fn format_hours(t: &Texts, locale: Locale, minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    let hundredths = (minutes.unsigned_abs() * 100 + 30) / 60;
    let (whole, fraction) = (hundredths / 100, hundredths % 100);
    let mark = if locale == Locale::Ru { ',' } else { '.' };
    let number = match fraction {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}{mark}{}", f / 10),
        f => format!("{sign}{whole}{mark}{f:02}"),
    };
    fill(t.pb_hours, &[&number])
}

/// The estimate as words, or "not estimated".
pub fn estimate_text(t: &Texts, locale: Locale, minutes: Option<i64>) -> String {
    minutes.map_or_else(|| t.pb_no_estimate.to_owned(), |m| format_hours(t, locale, m))
}

/// The price as ₽, or "no price set".
pub fn price_text(t: &Texts, locale: Locale, price: Option<&Money>) -> String {
    price.map_or_else(|| t.pb_no_price.to_owned(), |p| format_money(locale, p))
}

/// Picks the form of a counted word: `[one, few, many]` (Russian rules; English uses one/many).
pub fn plural(locale: Locale, n: u64, forms: [&str; 3]) -> &str {
    let index = match locale {
        Locale::Ru => {
            let (n10, n100) = (n % 10, n % 100);
            if n10 == 1 && n100 != 11 {
                0
            } else if (2..=4).contains(&n10) && !(12..=14).contains(&n100) {
                1
            } else {
                2
            }
        }
        Locale::En => {
            if n == 1 {
                0
            } else {
                2
            }
        }
    };
    forms[index]
}

/// "3 задачи" / "3 items".
pub fn items_count(t: &Texts, locale: Locale, n: u64) -> String {
    fill(plural(locale, n, [t.pb_items_one, t.pb_items_few, t.pb_items_many]), &[&n])
}

/// "Март 2026 г." / "March 2026" from a `YYYY-MM` month key.
pub fn month_label(locale: Locale, month: &str) -> String {
    let Ok(day) = chrono::NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d") else {
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
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

pub fn status_label(t: &Texts, status: BacklogStatus) -> &'static str {
    match status {
        BacklogStatus::Idea => t.pb_status_idea,
        BacklogStatus::Proposed => t.pb_status_proposed,
        BacklogStatus::Agreed => t.pb_status_agreed,
        BacklogStatus::Scheduled => t.pb_status_scheduled,
        BacklogStatus::InProgress => t.pb_status_in_progress,
        BacklogStatus::Done => t.pb_status_done,
        BacklogStatus::Declined => t.pb_status_declined,
    }
}

/// Where an undecided item stands, for the decision card (items agreed before decisions were
/// recorded, or done without one).
pub fn status_note(t: &Texts, status: BacklogStatus) -> &'static str {
    match status {
        BacklogStatus::Declined => t.pb_note_declined,
        BacklogStatus::Done => t.pb_note_done,
        _ => t.pb_note_agreed,
    }
}

fn status_tone(status: BacklogStatus) -> &'static str {
    match status {
        BacklogStatus::Proposed => "amber",
        BacklogStatus::Agreed | BacklogStatus::Scheduled => "blue",
        BacklogStatus::InProgress | BacklogStatus::Done => "green",
        BacklogStatus::Declined => "red",
        BacklogStatus::Idea => "grey",
    }
}

/// The item's status as a coloured pill (`.item-status` with `data-status`).
#[component]
pub fn StatusBadge(status: BacklogStatus) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class="item-status" data-status=status.as_str()>
            <Badge tone=status_tone(status) label=Signal::derive(move || status_label(i18n.t(), status).to_owned()) />
        </span>
    }
}

/// "Change request": work outside the agreed scope, paid separately once approved.
#[component]
pub fn CrBadge() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class="cr-badge" title=move || i18n.t().pb_cr_hint>{move || i18n.t().pb_cr_badge}</span>
    }
}

/// `.was-now`: what the client approved before and what the agency proposes now. Nothing when
/// there is no previous estimate or nothing differs.
#[component]
pub fn WasNow(item: PortalItem) -> impl IntoView {
    let i18n = use_i18n();
    let previous = item.previous?;
    let estimate = (previous.estimate_minutes != item.estimate_minutes).then(|| {
        let (was, now) = (previous.estimate_minutes, item.estimate_minutes);
        view! {
            <li class="was-now-line was-now-estimate">
                <span class="was-now-label">{move || i18n.t().pb_estimate}</span>
                <span class="was">{move || estimate_text(i18n.t(), i18n.locale(), was)}</span>
                <span class="arrow" aria-hidden="true">"→"</span>
                <span class="now">{move || estimate_text(i18n.t(), i18n.locale(), now)}</span>
            </li>
        }
    });
    let price = (previous.price != item.price).then(|| {
        let (was, now) = (previous.price.clone(), item.price.clone());
        view! {
            <li class="was-now-line was-now-price">
                <span class="was-now-label">{move || i18n.t().pb_price}</span>
                <span class="was">{move || price_text(i18n.t(), i18n.locale(), was.as_ref())}</span>
                <span class="arrow" aria-hidden="true">"→"</span>
                <span class="now">{move || price_text(i18n.t(), i18n.locale(), now.as_ref())}</span>
            </li>
        }
    });
    if estimate.is_none() && price.is_none() {
        return None;
    }
    Some(view! {
        <div class="was-now" role="note">
            <p class="was-now-title">{move || i18n.t().pb_was_now_title}</p>
            <ul class="was-now-lines">{estimate}{price}</ul>
        </div>
    })
}

/// A decision answer in words; `stale_version` and `not_awaiting_decision` get portal wording.
pub fn decision_error_text(t: &'static Texts, error: &ApiError) -> String {
    match error.code.as_str() {
        codes::STALE_VERSION => t.pb_stale.to_owned(),
        codes::NOT_AWAITING_DECISION => t.pb_not_awaiting.to_owned(),
        codes::REASON_REQUIRED => t.pb_reason_required.to_owned(),
        codes::FORBIDDEN => t.pb_forbidden_decide.to_owned(),
        _ => error_text(t, error),
    }
}
