//! The status and change-request badges, and the words for a status and for a side.

use super::Reader;
use crate::components::Badge;
use crate::i18n::{use_i18n, Texts};
use accord_api::{BacklogStatus, Side};
use leptos::prelude::*;

/// A status in the agency's words ("Proposed").
pub fn status_label(t: &Texts, status: BacklogStatus) -> &'static str {
    match status {
        BacklogStatus::Idea => t.backlog().status_idea,
        BacklogStatus::Proposed => t.backlog().status_proposed,
        BacklogStatus::Agreed => t.backlog().status_agreed,
        BacklogStatus::Scheduled => t.backlog().status_scheduled,
        BacklogStatus::InProgress => t.backlog().status_in_progress,
        BacklogStatus::Done => t.backlog().status_done,
        BacklogStatus::Declined => t.backlog().status_declined,
    }
}

/// A status as `reader` reads it: a proposal "awaits the decision" of a client.
fn label_for(t: &Texts, reader: Reader, status: BacklogStatus) -> &'static str {
    match (reader, status) {
        (Reader::Client, BacklogStatus::Proposed) => t.backlog().status_awaiting,
        _ => status_label(t, status),
    }
}

/// Staff tell each status apart by colour; the portal groups what is planned and what is done.
fn tone(reader: Reader, status: BacklogStatus) -> &'static str {
    use BacklogStatus::*;
    match (reader, status) {
        (_, Idea) => "grey",
        (_, Proposed) => "amber",
        (_, Declined) => "red",
        (Reader::Staff, Agreed) => "green",
        (Reader::Staff, Scheduled) => "blue",
        (Reader::Staff, InProgress) => "violet",
        (Reader::Staff, Done) => "teal",
        (Reader::Client, Agreed | Scheduled) => "blue",
        (Reader::Client, InProgress | Done) => "green",
    }
}

/// The status as a coloured pill (`.status-badge.item-status` with `data-status`).
#[component]
pub fn StatusBadge(status: BacklogStatus, reader: Reader) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class="status-badge item-status" data-status=status.as_str()>
            <Badge tone=tone(reader, status) label=Signal::derive(move || label_for(i18n.t(), reader, status).to_owned()) />
        </span>
    }
}

/// `.cr-badge`: work outside the agreed scope, priced separately; what that means on hover.
#[component]
pub fn CrBadge(reader: Reader) -> impl IntoView {
    let i18n = use_i18n();
    let words = move || {
        let t = i18n.t();
        match reader {
            Reader::Staff => (t.backlog().cr_short, t.backlog().change_request_hint),
            Reader::Client => (t.backlog().cr_badge, t.backlog().cr_hint),
        }
    };
    view! { <span class="cr-badge" title=move || words().1>{move || words().0}</span> }
}

/// Whose side wrote or did something, in the agency's words ("agency", "client").
pub fn side_label(t: &Texts, side: Side) -> &'static str {
    match side {
        Side::Agency => t.backlog().side_agency,
        Side::Client => t.backlog().side_client,
    }
}
