//! `#schedule-card`: reschedule (`form#reschedule-form`), cancel with a reason after a
//! confirmation (`#cancel-panel`), restore a cancelled meeting; `#history-card`: what happened.

use super::MeetingCtx;
use crate::api::meetings as api;
use crate::api::ApiError;
use crate::components::{InlineConfirm, Notice, Problem};
use crate::i18n::{fill, format_date_time, use_i18n, Texts};
use accord_api::meetings::{MeetingStatus, MeetingView, Reschedule};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

/// Which panel of the card is open.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Panel {
    None,
    Reschedule,
    Cancel,
}

/// Runs a call that answers the whole meeting: `pending` meanwhile, the answer into the page.
fn apply(
    ctx: MeetingCtx,
    pending: RwSignal<bool>,
    problem: RwSignal<Option<Problem>>,
    request: impl Future<Output = Result<MeetingView, ApiError>> + 'static,
    done: impl FnOnce() + 'static,
) {
    pending.set(true);
    problem.set(None);
    spawn_local(async move {
        match request.await {
            Ok(fresh) => {
                ctx.meeting.set(fresh);
                done();
            }
            Err(e) => problem.set(Some(Problem::Api(e))),
        }
        pending.set(false);
    });
}

#[component]
pub fn ScheduleCard(ctx: MeetingCtx) -> impl IntoView {
    let i18n = use_i18n();
    let id = ctx.id;
    let status = move || ctx.meeting.with(|m| m.summary.status);
    let panel = RwSignal::new(Panel::None);
    let pending = RwSignal::new(false);
    let problem = RwSignal::new(None::<Problem>);
    let notice = RwSignal::new(None::<fn(&Texts) -> &'static str>);
    let start = RwSignal::new(String::new());
    let duration = RwSignal::new(String::new());
    let place = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let cancel_reason = RwSignal::new(String::new());

    let open_reschedule = move |_| {
        ctx.meeting.with_untracked(|m| {
            start.set(m.summary.local_start.clone());
            duration.set(m.summary.duration_minutes.to_string());
            place.set(m.summary.place.clone().unwrap_or_default());
        });
        reason.set(String::new());
        problem.set(None);
        notice.set(None);
        panel.set(Panel::Reschedule);
    };
    let send_reschedule = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let local = start.get_untracked().trim().to_owned();
        let Ok(minutes) = duration.get_untracked().trim().parse::<u16>() else {
            problem.set(Some(Problem::Unreadable("duration_minutes")));
            return;
        };
        if local.len() < 16 {
            problem.set(Some(Problem::Unreadable("local_start")));
            return;
        }
        let input = Reschedule {
            local_start: local[..16].to_owned(),
            duration_minutes: minutes,
            place: Some(place.get_untracked().trim().to_owned()).filter(|p| !p.is_empty()),
            reason: reason.get_untracked().trim().to_owned(),
        };
        apply(ctx, pending, problem, async move { api::reschedule(id, &input).await }, move || {
            panel.set(Panel::None);
            notice.set(Some(|t| t.meetings_staff().rescheduled));
        });
    };
    let confirm_cancel = Callback::new(move |_| {
        if pending.get_untracked() {
            return;
        }
        let text = cancel_reason.get_untracked().trim().to_owned();
        if text.is_empty() {
            problem.set(Some(Problem::Unreadable("reason")));
            return;
        }
        apply(ctx, pending, problem, async move { api::cancel(id, text).await }, move || {
            panel.set(Panel::None);
            cancel_reason.set(String::new());
        });
    });
    let restore = move |_| {
        if pending.get_untracked() {
            return;
        }
        notice.set(None);
        apply(ctx, pending, problem, async move { api::restore(id).await }, || {});
    };

    view! {
        <Show when=move || ctx.meeting.with(|m| m.can_edit)>
            <div class="card" id="schedule-card">
                <Show when=move || panel.get() == Panel::None>
                    <div class="form-actions form-actions-start">
                        {move || match status() {
                            MeetingStatus::Cancelled => view! {
                                <button type="button" id="restore-meeting" class="btn btn-ghost" disabled=move || pending.get() on:click=restore>
                                    {move || i18n.t().meetings_staff().restore}
                                </button>
                            }
                            .into_any(),
                            _ => view! {
                                <button type="button" id="reschedule-meeting" class="btn btn-ghost" on:click=open_reschedule>
                                    {move || i18n.t().meetings_staff().reschedule}
                                </button>
                                <button type="button" id="cancel-meeting" class="btn btn-danger-ghost"
                                    on:click=move |_| {
                                        problem.set(None);
                                        notice.set(None);
                                        panel.set(Panel::Cancel);
                                    }>
                                    {move || i18n.t().meetings_staff().cancel_meeting}
                                </button>
                            }
                            .into_any(),
                        }}
                    </div>
                </Show>
                <Show when=move || panel.get() == Panel::Reschedule>
                    <h2 class="card-title">{move || i18n.t().meetings_staff().reschedule_title}</h2>
                    <form id="reschedule-form" class="form" on:submit=send_reschedule novalidate=true>
                        <div class="field">
                            <label for="reschedule-start">{move || i18n.t().meetings_staff().local_start}</label>
                            <input id="reschedule-start" name="local_start" type="datetime-local" required=true bind:value=start />
                            <p class="field-hint">{move || ctx.meeting.with(|m| m.summary.time_zone.clone())}</p>
                        </div>
                        <div class="field">
                            <label for="reschedule-duration">{move || i18n.t().meetings_staff().duration_minutes}</label>
                            <input id="reschedule-duration" name="duration_minutes" type="number" min="5" max="600" step="5" bind:value=duration />
                        </div>
                        <div class="field">
                            <label for="reschedule-place">{move || i18n.t().meetings_staff().place}</label>
                            <input id="reschedule-place" name="place" type="text" maxlength="500" bind:value=place />
                        </div>
                        <div class="field">
                            <label for="reschedule-reason">{move || i18n.t().meetings_staff().reason}</label>
                            <input id="reschedule-reason" name="reason" type="text" required=true maxlength="1000" bind:value=reason />
                        </div>
                        <div class="form-actions form-actions-start">
                            <button type="submit" id="reschedule-submit" class="btn btn-primary" disabled=move || pending.get()>
                                {move || if pending.get() { i18n.t().common().saving } else { i18n.t().meetings_staff().reschedule }}
                            </button>
                            <button type="button" class="btn btn-ghost close-reschedule" on:click=move |_| panel.set(Panel::None)>
                                {move || i18n.t().common().close_edit}
                            </button>
                        </div>
                    </form>
                </Show>
                <Show when=move || panel.get() == Panel::Cancel>
                    <div id="cancel-panel" class="form">
                        <div class="field">
                            <label for="cancel-reason">{move || i18n.t().meetings_staff().reason}</label>
                            <textarea id="cancel-reason" name="reason" rows="3" required=true maxlength="1000" bind:value=cancel_reason></textarea>
                        </div>
                        <InlineConfirm action="cancel-meeting"
                            text=Signal::derive(move || i18n.t().meetings_staff().cancel_confirm.to_owned())
                            pending=pending label=|t| t.meetings_staff().cancel_meeting on_confirm=confirm_cancel
                            on_cancel=Callback::new(move |_| panel.set(Panel::None)) />
                    </div>
                </Show>
                {move || problem.get().map(|p| view! {
                    <p class="form-error schedule-error" role="alert">{move || match &p {
                        Problem::Unreadable("reason") => i18n.t().meetings_staff().cancel_reason_required.to_owned(),
                        other => other.text(i18n.t()),
                    }}</p>
                })}
                {move || notice.get().map(|text| view! { <Notice text=Signal::derive(move || text(i18n.t()).to_owned()) /> })}
            </div>
        </Show>
    }
}

fn event_label(t: &Texts, kind: &str) -> Option<&'static str> {
    let s = t.meetings_staff();
    Some(match kind {
        "scheduled" => s.event_created,
        "rescheduled" => s.event_rescheduled,
        "cancelled" => s.event_cancelled,
        "restored" => s.event_restored,
        "held" => s.event_held,
        "minutes_edited" => s.event_minutes_saved,
        "published" => s.event_published,
        "acknowledged" => s.event_acknowledged,
        "disputed" => s.event_disputed,
        _ => return None,
    })
}

/// An event's detail as people read it: the server stores the revision ("2") for publishing and
/// acknowledging, and "<decision>: <comment>" for a dispute.
fn event_detail(t: &Texts, kind: &str, detail: &str) -> String {
    match kind {
        "published" | "acknowledged" => fill(t.meetings().revision, &[&detail]),
        "disputed" => match detail.split_once(": ") {
            Some((n, comment)) if n.parse::<u16>().is_ok() => {
                format!("{}: {comment}", fill(t.meetings().decision_number, &[&n]))
            }
            _ => detail.to_owned(),
        },
        _ => detail.to_owned(),
    }
}

/// `#history-card`: `li.meeting-event[data-kind]`, newest as the server orders them.
#[component]
pub fn HistoryCard(ctx: MeetingCtx) -> impl IntoView {
    let i18n = use_i18n();
    let events = move || ctx.meeting.with(|m| m.history.clone());
    view! {
        <div class="card" id="history-card">
            <h2 class="card-title">{move || i18n.t().meetings_staff().history_title}</h2>
            {move || {
                let list = events();
                if list.is_empty() {
                    return view! { <p class="muted">{move || i18n.t().meetings_staff().no_history}</p> }.into_any();
                }
                view! {
                    <ul class="meeting-history">
                        {list.into_iter().map(|e| {
                            let kind = e.kind.clone();
                            let at = e.at;
                            let by = e.by.clone();
                            view! {
                                <li class="meeting-event" data-kind=e.kind.clone()>
                                    <span class="event-what">{move || event_label(i18n.t(), &kind).map_or_else(|| kind.clone(), str::to_owned)}</span>
                                    {e.detail.clone().map(|d| {
                                        let kind = e.kind.clone();
                                        view! { <span class="event-detail">{move || event_detail(i18n.t(), &kind, &d)}</span> }
                                    })}
                                    <span class="muted event-by">
                                        {move || fill(i18n.t().meetings_staff().event_by, &[&by, &format_date_time(i18n.locale(), &at)])}
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </div>
    }
}
