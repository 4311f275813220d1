//! `/portal/meetings/:mid`: one meeting's published minutes — attendees, notes (the server's
//! sanitized HTML), numbered decisions with "changed" markers, action items, responses — and for
//! approvers `#acknowledge-minutes` and `form#dispute-form`.

use crate::api::meetings as api;
use crate::api::ApiError;
use crate::components::form::Text;
use crate::components::{ErrorBanner, Loading, Notice};
use crate::i18n::{error_text, fill, format_date_time, use_i18n};
use crate::pages::meeting_parts::{ack_badge, ActionItemFacts, DecisionList, MeetingWhen, ResponseList};
use crate::routes::Route;
use accord_api::error::Code;
use accord_api::meetings::{AckState, Dispute, PortalMinutes};
use accord_api::MeetingId;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PortalMinutesPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("mid").and_then(|s| s.parse::<MeetingId>().ok()));
    let minutes = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::portal_minutes(id).await,
                None => Err(ApiError::local(Code::NotFound, String::new())),
            }
        }
    });
    let body = move || {
        match minutes.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(m)) => match id.get_untracked() {
            Some(id) => view! { <Minutes id=id minutes=m /> }.into_any(),
            None => ().into_any(),
        },
        Some(Err(e)) if e.status == 404 || e.status == 403 || e.is(Code::NotFound) => view! {
            <div class="card unavailable" id="minutes-unavailable">
                <div class="unavailable-mark" aria-hidden="true">"?"</div>
                <h1>{move || i18n.t().portal_meetings().meeting_missing}</h1>
                <p class="subtitle">{move || i18n.t().portal_meetings().meeting_missing_hint}</p>
                <A href=Route::PortalMeetings.path() attr:class="btn btn-primary">{move || i18n.t().portal_meetings().back_to_meetings}</A>
            </div>
        }
        .into_any(),
        Some(Err(error)) => view! {
            <ErrorBanner error=error on_retry=Callback::new(move |_| minutes.refetch()) />
        }
        .into_any(),
    }
    };
    view! {
        <section class="page portal-page portal-minutes-page">
            <A href=Route::PortalMeetings.path() attr:class="back-link">"← " {move || i18n.t().portal_meetings().back_to_meetings}</A>
            {body}
        </section>
    }
}

#[component]
fn Minutes(id: MeetingId, minutes: PortalMinutes) -> impl IntoView {
    let i18n = use_i18n();
    let current = RwSignal::new(minutes);
    // Outside the view below, which is rebuilt with each fresh answer: the note must outlive it.
    let notice = RwSignal::new(None::<Text>);
    move || {
        let m = current.get();
        let published = m.published_at;
        let revision = m.revision;
        let attendees: Vec<String> = m
            .attendees
            .staff
            .iter()
            .map(|s| s.name.clone())
            .chain(m.attendees.contacts.iter().map(|c| c.name.clone()))
            .chain(m.attendees.guests.iter().cloned())
            .collect();
        let numbers: Vec<u16> = m.decisions.iter().map(|d| d.number).collect();
        view! {
            <div class="portal-page-head" data-revision=revision>
                <h1 id="minutes-title">{m.summary.title.clone()}</h1>
                <p class="portal-intro"><MeetingWhen summary=m.summary.clone() /></p>
                <p class="muted minutes-published">
                    {move || fill(i18n.t().meetings().revision, &[&revision])} " · "
                    {move || fill(i18n.t().portal_meetings().published_at, &[&format_date_time(i18n.locale(), &published)])}
                    " " {ack_badge(m.summary.ack, m.summary.ack_overdue)}
                </p>
            </div>
            <div class="portal-backlog-grid">
                <div class="portal-backlog-main">
                    <div class="card portal-card" id="minutes-attendees">
                        <h2 class="card-title">{move || i18n.t().meetings().attendees_title}</h2>
                        <p>{attendees.join(", ")}</p>
                    </div>
                    <div class="card portal-card" id="minutes-notes">
                        <h2 class="card-title">{move || i18n.t().portal_meetings().notes}</h2>
                        <div class="prose-html minutes-notes-html" inner_html=m.notes_html.clone()></div>
                    </div>
                    <div class="card portal-card" id="minutes-decisions">
                        <h2 class="card-title">{move || i18n.t().meetings().decisions_title}</h2>
                        <DecisionList decisions=m.decisions.clone() />
                    </div>
                    <div class="card portal-card" id="minutes-action-items">
                        <h2 class="card-title">{move || i18n.t().meetings().action_items_title}</h2>
                        {if m.action_items.is_empty() {
                            view! { <p class="muted">{move || i18n.t().meetings().no_action_items}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="action-items">
                                    {m.action_items.clone().into_iter().map(|a| view! {
                                        <li class="action-item" data-id=a.id.to_string() data-state=a.state.as_str() data-side=a.side.as_str()>
                                            <ActionItemFacts item=a.clone() />
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }
                            .into_any()
                        }}
                    </div>
                </div>
                <aside class="portal-backlog-side">
                    <ResponseCard id=id revision=revision ack=m.summary.ack can_respond=m.can_respond numbers=numbers
                        current=current notice=notice />
                    <div class="card portal-card" id="minutes-responses">
                        <h2 class="card-title">{move || i18n.t().meetings().responses_title}</h2>
                        <ResponseList responses=m.responses.clone() />
                    </div>
                </aside>
            </div>
        }
    }
}

/// The approver's answer: `#acknowledge-minutes`, or `#dispute-open` → `form#dispute-form`
/// (`select[name=decision]`, `textarea[name=comment]`, `#dispute-submit`). Viewers get a note.
#[component]
fn ResponseCard(
    id: MeetingId,
    revision: u32,
    ack: AckState,
    can_respond: bool,
    numbers: Vec<u16>,
    current: RwSignal<PortalMinutes>,
    notice: RwSignal<Option<Text>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let disputing = RwSignal::new(false);
    let decision = RwSignal::new(numbers.first().copied().unwrap_or(1));
    let comment = RwSignal::new(String::new());
    let comment_missing = RwSignal::new(false);

    let finish = move |answer: Result<PortalMinutes, ApiError>, done: Text| match answer {
        Ok(fresh) => {
            notice.set(Some(done));
            current.set(fresh);
        }
        // The minutes were republished meanwhile: show the new revision and say so.
        Err(e) if e.is(Code::StaleVersion) || e.is(Code::Conflict) => {
            notice.set(Some(|t| t.portal_meetings().stale_revision));
            spawn_local(async move {
                if let Ok(fresh) = api::portal_minutes(id).await {
                    current.set(fresh);
                }
            });
        }
        Err(e) => error.set(Some(e)),
    };
    let acknowledge = move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let answer = api::acknowledge(id, revision).await;
            pending.set(false);
            finish(answer, |t| t.portal_meetings().acknowledged);
        });
    };
    let dispute = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let text = comment.get_untracked().trim().to_owned();
        if text.is_empty() {
            comment_missing.set(true);
            return;
        }
        comment_missing.set(false);
        pending.set(true);
        error.set(None);
        let request = Dispute { revision, decision: decision.get_untracked(), comment: text };
        spawn_local(async move {
            let answer = api::dispute(id, &request).await;
            pending.set(false);
            finish(answer, |t| t.portal_meetings().disputed);
        });
    };
    let has_decisions = !numbers.is_empty();
    // This revision is acknowledged already: say so instead of asking again.
    let acknowledged = ack == AckState::Acknowledged;
    let body = if can_respond {
        view! {
            {if acknowledged {
                view! {
                    <p class="section-hint" id="minutes-acknowledged">
                        {move || fill(i18n.t().portal_meetings().already_acknowledged, &[&revision])}
                    </p>
                }
                .into_any()
            } else {
                view! { <p class="section-hint">{move || i18n.t().portal_meetings().respond_hint}</p> }.into_any()
            }}
            <Show when=move || !disputing.get()>
                <div class="decision-buttons">
                    {(!acknowledged).then(|| view! {
                        <button type="button" id="acknowledge-minutes" class="btn btn-primary" disabled=move || pending.get()
                            on:click=acknowledge>
                            {move || if pending.get() { i18n.t().common().saving } else { i18n.t().portal_meetings().acknowledge }}
                        </button>
                    })}
                    {has_decisions.then(|| view! {
                        <button type="button" id="dispute-open" class="btn btn-danger-ghost" disabled=move || pending.get()
                            on:click=move |_| disputing.set(true)>
                            {move || i18n.t().portal_meetings().dispute}
                        </button>
                    })}
                </div>
            </Show>
            <Show when=move || disputing.get()>
                <form id="dispute-form" class="form dispute-form" on:submit=dispute novalidate=true>
                    <div class="field">
                        <label for="dispute-decision">{move || i18n.t().portal_meetings().dispute_decision}</label>
                        <select id="dispute-decision" name="decision" prop:value=move || decision.get().to_string()
                            on:change=move |ev| {
                                if let Ok(n) = event_target_value(&ev).parse::<u16>() {
                                    decision.set(n);
                                }
                            }>
                            {numbers.iter().map(|&n| view! {
                                <option value=n.to_string() selected=move || decision.get() == n>
                                    {move || fill(i18n.t().meetings().decision_number, &[&n])}
                                </option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="dispute-comment">{move || i18n.t().portal_meetings().dispute_comment}</label>
                        <textarea id="dispute-comment" name="comment" rows="4" required=true maxlength="5000"
                            aria-invalid=move || comment_missing.get().to_string() bind:value=comment></textarea>
                    </div>
                    <Show when=move || comment_missing.get()>
                        <p class="field-error comment-required" role="alert">{move || i18n.t().portal_meetings().comment_required}</p>
                    </Show>
                    <div class="decision-buttons">
                        <button type="submit" id="dispute-submit" class="btn btn-danger" disabled=move || pending.get()>
                            {move || if pending.get() { i18n.t().common().saving } else { i18n.t().portal_meetings().dispute_submit }}
                        </button>
                        <button type="button" class="btn btn-ghost cancel-dispute" on:click=move |_| disputing.set(false)>
                            {move || i18n.t().common().cancel}
                        </button>
                    </div>
                </form>
            </Show>
        }
        .into_any()
    } else {
        view! { <p class="viewer-note" role="note">{move || i18n.t().portal_meetings().viewer_note}</p> }.into_any()
    };
    view! {
        <section class="card portal-card decision-card" id="minutes-answer">
            <h2 class="card-title">{move || i18n.t().portal_meetings().your_answer}</h2>
            {body}
            {move || notice.get().map(|text| view! { <Notice text=Signal::derive(move || text(i18n.t()).to_owned()) /> })}
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{move || error_text(i18n.t(), &e)}</p> })}
        </section>
    }
}
