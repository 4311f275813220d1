//! A project's backlog in the staff app: the ranked list with filters, CSV export and import and
//! the "new item" form (`list.rs`), and one item's page with the client's decision, status
//! moves, editing, comments and history (`item.rs`). Both live under the client's page.

mod csv;
mod form;
mod item;
mod list;

pub use item::BacklogItemPage;
pub use list::BacklogPage;

use crate::api::ApiError;
use crate::components::Badge;
use crate::i18n::{use_i18n, Texts};
use accord_api::error::codes;
use accord_api::{BacklogSource, BacklogStatus, ItemEventKind, Locale, Priority, Side};
use leptos::prelude::*;

/// Every active project keeps at least this many items agreed with the client and not started.
pub const STANDARD: u32 = 2;

pub fn status_label(t: &Texts, status: BacklogStatus) -> &'static str {
    match status {
        BacklogStatus::Idea => t.bl_status_idea,
        BacklogStatus::Proposed => t.bl_status_proposed,
        BacklogStatus::Agreed => t.bl_status_agreed,
        BacklogStatus::Scheduled => t.bl_status_scheduled,
        BacklogStatus::InProgress => t.bl_status_in_progress,
        BacklogStatus::Done => t.bl_status_done,
        BacklogStatus::Declined => t.bl_status_declined,
    }
}

pub fn priority_label(t: &Texts, priority: Priority) -> &'static str {
    match priority {
        Priority::High => t.bl_priority_high,
        Priority::Normal => t.bl_priority_normal,
        Priority::Low => t.bl_priority_low,
    }
}

pub fn source_label(t: &Texts, source: BacklogSource) -> &'static str {
    match source {
        BacklogSource::Analytics => t.bl_source_analytics,
        BacklogSource::ClientRequest => t.bl_source_client_request,
        BacklogSource::AgencyIdea => t.bl_source_agency_idea,
    }
}

pub fn event_label(t: &Texts, kind: ItemEventKind) -> &'static str {
    match kind {
        ItemEventKind::Created => t.bl_event_created,
        ItemEventKind::Updated => t.bl_event_updated,
        ItemEventKind::StatusChanged => t.bl_event_status_changed,
        ItemEventKind::Approved => t.bl_event_approved,
        ItemEventKind::Declined => t.bl_event_declined,
        ItemEventKind::Reproposed => t.bl_event_reproposed,
        ItemEventKind::Moved => t.bl_event_moved,
        ItemEventKind::Imported => t.bl_event_imported,
    }
}

pub fn side_label(t: &Texts, side: Side) -> &'static str {
    match side {
        Side::Agency => t.bl_side_agency,
        Side::Client => t.bl_side_client,
    }
}

/// A coloured status pill (`.status-badge`, with `data-status`).
pub fn status_badge(status: BacklogStatus) -> impl IntoView {
    let i18n = use_i18n();
    let tone = match status {
        BacklogStatus::Idea => "grey",
        BacklogStatus::Proposed => "amber",
        BacklogStatus::Agreed => "green",
        BacklogStatus::Scheduled => "blue",
        BacklogStatus::InProgress => "violet",
        BacklogStatus::Done => "teal",
        BacklogStatus::Declined => "red",
    };
    view! {
        <span class="status-badge" data-status=status.as_str()>
            <Badge tone=tone label=Signal::derive(move || status_label(i18n.t(), status).to_owned()) />
        </span>
    }
}

/// The small "CR" pill of a change request, with what it means on hover.
pub fn cr_badge() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class="cr-badge" title=move || i18n.t().bl_change_request_hint>{move || i18n.t().bl_cr_short}</span>
    }
}

pub fn priority_mark(priority: Priority) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=format!("priority priority-{}", priority.as_str())>
            {move || priority_label(i18n.t(), priority)}
        </span>
    }
}

/// Hours with up to two decimals in the reader's style: "12,5 ч" / "12.5 h".
pub fn format_hours(locale: Locale, minutes: i64) -> String {
    let unit = match locale {
        Locale::Ru => "ч",
        Locale::En => "h",
    };
    format!("{} {unit}", hours_input_value(locale, minutes))
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

/// Whether the answer means "someone saved this item meanwhile".
pub fn is_stale(error: &ApiError) -> bool {
    error.is(codes::STALE_VERSION)
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
