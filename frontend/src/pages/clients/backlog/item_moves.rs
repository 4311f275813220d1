//! The status moves staff make on an item's page: which ones, worded how, and what a refusal
//! says. The client alone approves or declines.

use super::is_stale;
use crate::api::{self, ApiError};
use crate::components::ErrorBanner;
use crate::i18n::{use_i18n, Texts};
use crate::pages::backlog_parts::status_label;
use accord_api::backlog::{BacklogItemView, StatusChange};
use accord_api::error::Code;
use accord_api::{BacklogStatus, ClientId, ProjectId};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The status moves staff may make from `status`: the client alone approves or declines.
fn staff_moves(status: BacklogStatus) -> &'static [BacklogStatus] {
    use BacklogStatus::*;
    match status {
        Idea => &[Proposed],
        Proposed => &[Idea],
        Declined => &[Proposed],
        Agreed => &[Scheduled],
        Scheduled => &[InProgress],
        InProgress => &[Done],
        Done => &[],
    }
}

fn move_label(t: &Texts, from: BacklogStatus, to: BacklogStatus) -> &'static str {
    use BacklogStatus::*;
    match (from, to) {
        (Declined, Proposed) => t.backlog_item().action_offer_again,
        (_, Proposed) => t.backlog_item().action_propose,
        (_, Idea) => t.backlog_item().action_withdraw,
        (_, Scheduled) => t.backlog_item().action_schedule,
        (_, InProgress) => t.backlog_item().action_start,
        (_, Done) => t.backlog_item().action_done,
        (_, other) => status_label(t, other),
    }
}

/// `.status-actions`: the next steps from the item's status, as buttons (`data-to`).
#[component]
pub fn StatusActions(
    client: ClientId,
    project: ProjectId,
    item: BacklogItemView,
    manage: bool,
    on_moved: Callback<BacklogStatus>,
    on_stale: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let from = item.status;
    let version = item.version;
    let id = item.id;
    let pending = RwSignal::new(None::<BacklogStatus>);
    let error = RwSignal::new(None::<ApiError>);
    // Managers make every staff move; everyone else who sees the item starts and finishes work.
    let moves: Vec<BacklogStatus> = staff_moves(from)
        .iter()
        .copied()
        .filter(|to| manage || matches!(to, BacklogStatus::InProgress | BacklogStatus::Done))
        .collect();
    let run = move |to: BacklogStatus| {
        if pending.get_untracked().is_some() {
            return;
        }
        pending.set(Some(to));
        error.set(None);
        spawn_local(async move {
            match api::backlog::change_status(client, project, id, &StatusChange { to, version }).await {
                Ok(_) => on_moved.run(to),
                Err(e) if is_stale(&e) => on_stale.run(()),
                Err(e) => error.set(Some(e)),
            }
            pending.set(None);
        });
    };
    let awaiting = from == BacklogStatus::Proposed;
    if moves.is_empty() && !awaiting {
        return ().into_any();
    }
    view! {
        <div class="card status-actions">
            <h2 class="card-title">{move || i18n.t().backlog_item().next_step}</h2>
            {awaiting.then(|| view! {
                <p class="awaiting-client"><span class="badge badge-amber">{move || i18n.t().backlog_item().awaiting_client}</span></p>
            })}
            <div class="status-buttons">
                {moves.into_iter().map(|to| {
                    let primary = !matches!(to, BacklogStatus::Idea);
                    view! {
                        <button type="button" class="btn status-action" class:btn-primary=primary
                            data-to=to.as_str() disabled=move || pending.get().is_some() on:click=move |_| run(to)>
                            {move || if pending.get() == Some(to) { i18n.t().common().saving } else { move_label(i18n.t(), from, to) }}
                        </button>
                    }
                }).collect_view()}
            </div>
            {move || error.get().map(|e| view! {
                <div class="status-error">
                    <ErrorBanner error=e describe=status_error_text />
                </div>
            })}
        </div>
    }
    .into_any()
}

/// Status answers in words; a change request not yet approved gets the "no gifts" rule.
fn status_error_text(t: &'static Texts, error: &ApiError) -> String {
    if error.is(Code::ChangeRequestNotApproved) {
        return format!("{} {}", t.errors().change_request_not_approved, t.backlog_item().no_gifts);
    }
    crate::i18n::error_text(t, error)
}
