//! A project's backlog in the staff app: the ranked list with filters, CSV export and import and
//! the "new item" form (`list.rs`), and one item's page with the client's decision, status
//! moves, editing, comments and history (`item.rs`). Both live under the client's page.

mod csv;
mod filters;
mod form;
mod item;
mod item_moves;
mod item_side;
mod list;

pub use item::BacklogItemPage;
pub use list::BacklogPage;

use crate::api::ApiError;
use crate::i18n::{use_i18n, Texts};
use accord_api::error::Code;
use accord_api::{BacklogSource, ItemEventKind, Priority};
use leptos::prelude::*;

/// Every active project keeps at least this many items agreed with the client and not started.
pub const STANDARD: u32 = 2;

pub fn priority_label(t: &Texts, priority: Priority) -> &'static str {
    match priority {
        Priority::High => t.backlog().priority_high,
        Priority::Normal => t.backlog().priority_normal,
        Priority::Low => t.backlog().priority_low,
    }
}

pub fn source_label(t: &Texts, source: BacklogSource) -> &'static str {
    match source {
        BacklogSource::Analytics => t.backlog().source_analytics,
        BacklogSource::ClientRequest => t.backlog().source_client_request,
        BacklogSource::AgencyIdea => t.backlog().source_agency_idea,
    }
}

pub fn event_label(t: &Texts, kind: ItemEventKind) -> &'static str {
    match kind {
        ItemEventKind::Created => t.backlog_item().event_created,
        ItemEventKind::Updated => t.backlog_item().event_updated,
        ItemEventKind::StatusChanged => t.backlog_item().event_status_changed,
        ItemEventKind::Approved => t.backlog_item().event_approved,
        ItemEventKind::Declined => t.backlog_item().event_declined,
        ItemEventKind::Reproposed => t.backlog_item().event_reproposed,
        ItemEventKind::Moved => t.backlog_item().event_moved,
        ItemEventKind::Imported => t.backlog_item().event_imported,
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

/// Whether the answer means "someone saved this item meanwhile".
pub fn is_stale(error: &ApiError) -> bool {
    error.is(Code::StaleVersion)
}
