//! Pieces of meetings that the staff app and the portal both show: state badges, when and where
//! a meeting is, numbered decisions with their changes, action items, the client's responses,
//! the agenda, and the calendar-feed card.

mod feed;

pub use feed::CalendarFeedCard;

use crate::i18n::{fill, format_date_time, format_day, format_wall_clock, use_i18n, Texts};
use accord_api::meetings::{
    AckState, ActionItemView, AgendaItemView, AgendaStatus, Decision, MeetingStatus, MeetingSummary, MinutesResponse,
    PromiseState, Side,
};
use leptos::prelude::*;

pub fn status_label(t: &Texts, status: MeetingStatus) -> &'static str {
    match status {
        MeetingStatus::Scheduled => t.meetings().status_scheduled,
        MeetingStatus::Held => t.meetings().status_held,
        MeetingStatus::Cancelled => t.meetings().status_cancelled,
    }
}

pub fn ack_label(t: &Texts, ack: AckState) -> &'static str {
    match ack {
        AckState::Draft => t.meetings().ack_draft,
        AckState::Awaiting => t.meetings().ack_awaiting,
        AckState::Acknowledged => t.meetings().ack_acknowledged,
        AckState::Disputed => t.meetings().ack_disputed,
    }
}

pub fn state_label(t: &Texts, state: PromiseState) -> &'static str {
    match state {
        PromiseState::Open => t.meetings().state_open,
        PromiseState::Kept => t.meetings().state_kept,
        PromiseState::Broken => t.meetings().state_broken,
        PromiseState::DoneLate => t.meetings().state_done_late,
        PromiseState::WaitingOnClient => t.meetings().state_waiting_on_client,
    }
}

pub fn side_label(t: &Texts, side: Side) -> &'static str {
    match side {
        Side::Agency => t.meetings().side_agency,
        Side::Client => t.meetings().side_client,
    }
}

/// `.badge.meeting-status[data-status]`.
pub fn status_badge(status: MeetingStatus) -> impl IntoView {
    let i18n = use_i18n();
    let class = match status {
        MeetingStatus::Scheduled => "badge badge-blue meeting-status",
        MeetingStatus::Held => "badge badge-green meeting-status",
        MeetingStatus::Cancelled => "badge badge-grey meeting-status",
    };
    view! {
        <span class=class data-status=status.as_str()>
            {move || status_label(i18n.t(), status)}
        </span>
    }
}

/// `.badge.ack-badge[data-ack]`, red with `.ack-overdue` when the acknowledgement is overdue.
pub fn ack_badge(ack: AckState, overdue: bool) -> impl IntoView {
    let i18n = use_i18n();
    // Whole class lists (no `format!`): `.ack-overdue` with the red tone when overdue.
    let class = match (ack, overdue) {
        (_, true) => "badge badge-red ack-badge ack-overdue",
        (AckState::Disputed, _) => "badge badge-red ack-badge",
        (AckState::Draft, _) => "badge badge-grey ack-badge",
        (AckState::Awaiting, _) => "badge badge-amber ack-badge",
        (AckState::Acknowledged, _) => "badge badge-green ack-badge",
    };
    view! {
        <span class=class data-ack=ack.as_str() title=move || overdue.then(|| i18n.t().meetings().ack_overdue)>
            {move || ack_label(i18n.t(), ack)}
            {overdue.then(|| view! { " · " {move || i18n.t().meetings().ack_overdue} })}
        </span>
    }
}

/// `.badge.promise-state[data-state]`.
pub fn state_badge(state: PromiseState) -> impl IntoView {
    let i18n = use_i18n();
    let class = match state {
        PromiseState::Open => "badge badge-blue promise-state",
        PromiseState::Kept => "badge badge-green promise-state",
        PromiseState::Broken => "badge badge-red promise-state",
        PromiseState::DoneLate => "badge badge-amber promise-state",
        PromiseState::WaitingOnClient => "badge badge-violet promise-state",
    };
    view! {
        <span class=class data-state=state.as_str()>
            {move || state_label(i18n.t(), state)}
        </span>
    }
}

/// `.meeting-when`: the local start in the meeting's own zone (as the server computed it), the
/// zone, the duration, and the place when there is one.
#[component]
pub fn MeetingWhen(summary: MeetingSummary) -> impl IntoView {
    let i18n = use_i18n();
    let (local, zone, minutes) = (summary.local_start.clone(), summary.time_zone.clone(), summary.duration_minutes);
    view! {
        <span class="meeting-when">
            <span class="meeting-local-start">{move || format_wall_clock(i18n.locale(), &local)}</span>
            " "
            <span class="meeting-zone">"(" {zone} ")"</span>
            <span class="meta-sep" aria-hidden="true">"·"</span>
            <span class="meeting-duration">{move || i18n.t().meetings().duration.count(minutes.into())}</span>
            {summary.place.clone().map(|place| view! {
                <span class="meta-sep" aria-hidden="true">"·"</span>
                <span class="meeting-place">{place_view(place)}</span>
            })}
        </span>
    }
}

/// A place, as a link when it is one (a video call).
pub fn place_view(place: String) -> AnyView {
    if place.starts_with("https://") || place.starts_with("http://") {
        let href = place.clone();
        view! { <a href=href target="_blank" rel="noopener noreferrer">{place}</a> }.into_any()
    } else {
        view! { <span>{place}</span> }.into_any()
    }
}

/// `ol.decisions`: `li.decision[data-number][data-changed]`, a `.decision-changed` marker and the
/// previous text (`.decision-previous`) when it changed.
#[component]
pub fn DecisionList(decisions: Vec<Decision>) -> impl IntoView {
    let i18n = use_i18n();
    if decisions.is_empty() {
        return view! { <p class="muted decisions-empty">{move || i18n.t().meetings().no_decisions}</p> }.into_any();
    }
    view! {
        <ol class="decisions">
            {decisions.into_iter().map(|d| {
                let number = d.number;
                let (changed, previous) = (d.changed, d.previous.clone());
                let is_new = changed && previous.is_none();
                view! {
                    <li class="decision" data-number=number data-changed=changed.to_string()>
                        <span class="decision-number">{move || fill(i18n.t().meetings().decision_number, &[&number])}</span>
                        <span class="decision-text">{d.text.clone()}</span>
                        {changed.then(|| view! {
                            <span class="badge badge-amber decision-changed">
                                {move || if is_new { i18n.t().meetings().decision_new } else { i18n.t().meetings().decision_changed }}
                            </span>
                        })}
                        {previous.map(|p| view! {
                            <p class="decision-previous">{move || fill(i18n.t().meetings().decision_previous, &[&p])}</p>
                        })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}

/// One action item's facts: title, side, assignee, due dates, state, renegotiations. `actions`
/// adds the buttons a page offers (done, renegotiate, confirm).
#[component]
pub fn ActionItemFacts(item: ActionItemView, #[prop(optional)] show_client: bool) -> impl IntoView {
    let i18n = use_i18n();
    let side = item.side;
    let (due, original, done) = (item.due_on, item.original_due_on, item.done_on);
    let assignee = item.assignee.clone();
    let has_assignee = assignee.is_some();
    let promised_to = item.promised_to.clone();
    let client = show_client.then(|| item.client_name.clone());
    let agreed = item.renegotiations.clone();
    let pending = item.pending.clone();
    view! {
        <div class="action-facts">
            <div class="action-head">
                <span class="action-title">{item.title.clone()}</span>
                {state_badge(item.state)}
            </div>
            <p class="action-meta">
                {client.map(|c| view! { <span class="action-client">{c}</span><span class="meta-sep" aria-hidden="true">"·"</span> })}
                <span class="action-side" data-side=side.as_str()>{move || side_label(i18n.t(), side)}</span>
                <span class="meta-sep" aria-hidden="true">"·"</span>
                <span class="action-assignee" class:muted=!has_assignee>
                    {move || assignee.clone().unwrap_or_else(|| i18n.t().meetings().no_assignee.to_owned())}
                </span>
                <span class="meta-sep" aria-hidden="true">"·"</span>
                <span class="action-due">{move || fill(i18n.t().meetings().due_on_day, &[&format_day(i18n.locale(), &due)])}</span>
                {(original != due).then(|| view! {
                    <span class="action-original muted">
                        " (" {move || fill(i18n.t().meetings().original_due, &[&format_day(i18n.locale(), &original)])} ")"
                    </span>
                })}
                {done.map(|d| view! {
                    <span class="meta-sep" aria-hidden="true">"·"</span>
                    <span class="action-done">{move || fill(i18n.t().meetings().done_on, &[&format_day(i18n.locale(), &d)])}</span>
                })}
                {promised_to.map(|p| view! {
                    <span class="meta-sep" aria-hidden="true">"·"</span>
                    <span class="action-promised-to">{move || fill(i18n.t().meetings().promised_to, &[&p])}</span>
                })}
            </p>
            {(!agreed.is_empty()).then(|| view! {
                <ul class="renegotiations">
                    {agreed.into_iter().map(|r| {
                        let by = r.agreed_by.clone();
                        view! {
                            <li class="renegotiation renegotiation-agreed">
                                {move || fill(i18n.t().meetings().renegotiation_agreed, &[
                                    &format_day(i18n.locale(), &r.from), &format_day(i18n.locale(), &r.to), &r.reason,
                                ])}
                                {by.clone().map(|b| view! { " · " {move || fill(i18n.t().meetings().agreed_by, &[&b])} })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {pending.map(|r| view! {
                <p class="renegotiation renegotiation-pending" data-to=crate::i18n::iso_day(&r.to)>
                    {move || fill(i18n.t().meetings().renegotiation_pending, &[
                        &format_day(i18n.locale(), &r.to), &format_day(i18n.locale(), &r.from), &r.reason,
                    ])}
                </p>
            })}
        </div>
    }
}

/// `ul.responses`: `li.response-entry[data-acknowledged]` per answer of the client.
#[component]
pub fn ResponseList(responses: Vec<MinutesResponse>) -> impl IntoView {
    let i18n = use_i18n();
    if responses.is_empty() {
        return view! { <p class="muted responses-empty">{move || i18n.t().meetings().no_responses}</p> }.into_any();
    }
    view! {
        <ul class="responses">
            {responses.into_iter().map(|r| {
                let at = r.at;
                let (contact, revision, decision) = (r.contact.clone(), r.revision, r.decision);
                let text = move || match (r.acknowledged, decision) {
                    (false, Some(n)) => fill(i18n.t().meetings().response_disputed, &[&contact, &n, &revision]),
                    _ => fill(i18n.t().meetings().response_acknowledged, &[&contact, &revision]),
                };
                view! {
                    <li class="response-entry" data-acknowledged=r.acknowledged.to_string()
                        data-decision=decision.map(|d| d.to_string())>
                        <span class="response-what">{text}</span>
                        <span class="response-at muted">{move || format_date_time(i18n.locale(), &at)}</span>
                        {r.comment.clone().map(|c| view! { <p class="response-comment">{c}</p> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// `ul.agenda`: `li.agenda-item[data-id][data-status]` with who added it and where it came from.
/// With `on_move` (staff, a meeting not yet held), each open item offers "to the next meeting".
#[component]
pub fn AgendaList(
    agenda: Vec<AgendaItemView>,
    #[prop(optional)] on_move: Option<Callback<accord_api::AgendaItemId>>,
) -> impl IntoView {
    let i18n = use_i18n();
    if agenda.is_empty() {
        return view! { <p class="muted agenda-empty">{move || i18n.t().meetings().no_agenda}</p> }.into_any();
    }
    view! {
        <ul class="agenda">
            {agenda.into_iter().map(|a| view! { <AgendaEntry item=a on_move=on_move /> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn AgendaEntry(item: AgendaItemView, on_move: Option<Callback<accord_api::AgendaItemId>>) -> impl IntoView {
    let i18n = use_i18n();
    let a = item;
    let by = a.added_by.clone();
    let from_client = a.added_by_client;
    let carried = a.carried_from;
    let status = a.status;
    view! {
        <li class="agenda-item" data-id=a.id.to_string() data-status=a.status.as_str()
            class:agenda-from-client=from_client>
            <span class="agenda-title">{a.title.clone()}</span>
            {(status == AgendaStatus::Discussed).then(|| view! {
                <span class="badge badge-green agenda-discussed">{move || i18n.t().meetings().agenda_discussed}</span>
            })}
            {a.details.clone().map(|d| view! { <p class="agenda-details">{d}</p> })}
            <p class="agenda-meta muted">
                {move || fill(i18n.t().meetings().added_by, &[&by])}
                {from_client.then(|| view! { " · " {move || i18n.t().meetings().from_client} })}
                {carried.map(|d| view! {
                    " · " <span class="agenda-carried">{move || fill(i18n.t().meetings().carried_from, &[&format_day(i18n.locale(), &d)])}</span>
                })}
                {a.backlog_item.clone().map(|b| view! {
                    " · " <span class="agenda-backlog">{move || fill(i18n.t().meetings().backlog_link, &[&b.title])}</span>
                })}
            </p>
            {on_move.filter(|_| status == AgendaStatus::Open).map(|go| {
                let id = a.id;
                view! {
                    <button type="button" class="btn btn-small btn-ghost agenda-move" on:click=move |_| go.run(id)>
                        {move || i18n.t().meetings().agenda_move}
                    </button>
                }
            })}
        </li>
    }
}
