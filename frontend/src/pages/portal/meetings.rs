//! `/portal/meetings`: upcoming meetings with their agenda and `form#question-form` ("a question
//! for the next meeting"), published minutes (`#portal-minutes`), what is on the client's side
//! (`#on-your-side`), agency promises whose new date awaits an approver (`#to-confirm`), and the
//! contact's calendar feed.

use crate::api::meetings::{self as api, FeedOwner};
use crate::api::ApiError;
use crate::components::{async_view, send_form, submit_handler, FormError, Notice, Problem};
use crate::i18n::{error_text, use_i18n};
use crate::pages::meeting_parts::{ack_badge, ActionItemFacts, AgendaList, CalendarFeedCard, MeetingWhen};
use crate::routes::Route;
use accord_api::meetings::{ActionItemView, MeetingSummary, NewAgendaItem, PortalMeetings, PortalUpcoming};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

#[component]
pub fn PortalMeetingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let meetings = LocalResource::new(api::portal_meetings);
    let reload = Callback::new(move |_| meetings.refetch());
    view! {
        <section class="page portal-page portal-meetings" id="portal-meetings">
            <div class="portal-page-head">
                <h1>{move || i18n.t().portal_meetings().title}</h1>
                <p class="portal-intro">{move || i18n.t().portal_meetings().intro}</p>
            </div>
            {async_view(meetings, move |m| view! { <MeetingsBody data=m on_change=reload /> })}
            // Only once the meetings are there: drawn below the loading state, the card would
            // jump down the page when they arrive (Lighthouse measured a layout shift of 0.36).
            <Show when=move || meetings.with(Option::is_some)>
                <CalendarFeedCard owner=FeedOwner::Portal />
            </Show>
        </section>
    }
}

#[component]
fn MeetingsBody(data: PortalMeetings, on_change: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let can_respond = data.can_respond;
    let upcoming = if data.upcoming.is_empty() {
        view! {
            <div class="portal-empty" id="portal-no-upcoming">
                <p class="empty-title">{move || i18n.t().portal_meetings().no_upcoming}</p>
                <p class="empty-hint">{move || i18n.t().portal_meetings().no_upcoming_hint}</p>
            </div>
        }
        .into_any()
    } else {
        view! {
            <ul class="portal-upcoming" id="portal-upcoming">
                {data.upcoming.into_iter().map(|u| view! { <UpcomingEntry upcoming=u /> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <div class="portal-backlog-grid">
            <div class="portal-backlog-main">
                <div class="card portal-card">
                    <h2 class="card-title">{move || i18n.t().portal_meetings().upcoming}</h2>
                    {upcoming}
                </div>
                <div class="card portal-card">
                    <h2 class="card-title">{move || i18n.t().portal_meetings().minutes_list}</h2>
                    <MinutesList minutes=data.minutes />
                </div>
            </div>
            <aside class="portal-backlog-side">
                <QuestionForm on_added=on_change />
                <div class="card portal-card" id="on-your-side">
                    <h2 class="card-title">{move || i18n.t().portal_meetings().on_your_side}</h2>
                    {if data.on_your_side.is_empty() {
                        view! { <p class="muted">{move || i18n.t().portal_meetings().nothing_on_your_side}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="action-items">
                                {data.on_your_side.into_iter().map(|a| view! {
                                    <li class="action-item" data-id=a.id.to_string() data-state=a.state.as_str()>
                                        <ActionItemFacts item=a.clone() />
                                    </li>
                                }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    }}
                </div>
                {(!data.to_confirm.is_empty()).then(|| view! {
                    <div class="card portal-card" id="to-confirm">
                        <h2 class="card-title">{move || i18n.t().portal_meetings().to_confirm}</h2>
                        <ul class="action-items">
                            {data.to_confirm.into_iter().map(|a| view! {
                                <ConfirmEntry item=a can_respond=can_respond on_confirmed=on_change />
                            }).collect_view()}
                        </ul>
                    </div>
                })}
            </aside>
        </div>
    }
}

/// `li.portal-meeting[data-id]`: when and where, the agenda, and the .ics link.
#[component]
fn UpcomingEntry(upcoming: PortalUpcoming) -> impl IntoView {
    let i18n = use_i18n();
    let s = upcoming.summary;
    let ics = s.id.map(api::portal_ics_url);
    view! {
        <li class="portal-meeting" data-id=s.id.map(|i| i.to_string())
            data-on=s.occurrence_on.map(|d| crate::i18n::iso_day(&d)) data-status=s.status.as_str()>
            <p class="portal-meeting-title">{s.title.clone()}</p>
            <p class="portal-item-meta"><MeetingWhen summary=s.clone() /></p>
            <div class="portal-meeting-agenda">
                <p class="card-label">{move || i18n.t().meetings().agenda_title}</p>
                <AgendaList agenda=upcoming.agenda />
            </div>
            {ics.map(|href| view! {
                <a class="muted-link meeting-ics" href=href download="meeting.ics">{move || i18n.t().meetings().ics}</a>
            })}
        </li>
    }
}

#[component]
fn MinutesList(minutes: Vec<MeetingSummary>) -> impl IntoView {
    let i18n = use_i18n();
    if minutes.is_empty() {
        return view! {
            <div class="portal-empty" id="portal-no-minutes">
                <p class="empty-title">{move || i18n.t().portal_meetings().no_minutes}</p>
                <p class="empty-hint">{move || i18n.t().portal_meetings().no_minutes_hint}</p>
            </div>
        }
        .into_any();
    }
    view! {
        <ul class="portal-minutes" id="portal-minutes">
            {minutes.into_iter().map(|m| {
                let link = m.id.map(|id| Route::PortalMeeting(id).path());
                let title = m.title.clone();
                view! {
                    <li class="portal-minutes-entry" data-id=m.id.map(|i| i.to_string()) data-ack=m.ack.as_str()>
                        <div class="portal-item-main">
                            {match link {
                                Some(href) => view! { <A href=href attr:class="portal-item-link portal-minutes-link">{title}</A> }.into_any(),
                                None => view! { <span>{title}</span> }.into_any(),
                            }}
                            <p class="portal-item-meta"><MeetingWhen summary=m.clone() /></p>
                        </div>
                        {ack_badge(m.ack, m.ack_overdue)}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// `form#question-form`: adds a question to the next meeting's agenda.
#[component]
fn QuestionForm(on_added: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let title = RwSignal::new(String::new());
    let details = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let read = move || -> Result<NewAgendaItem, Problem> {
        Ok(NewAgendaItem {
            title: title.get_untracked().trim().to_owned(),
            details: Some(details.get_untracked().trim().to_owned()).filter(|d| !d.is_empty()),
            backlog_item_id: None,
        })
    };
    let on_submit = submit_handler(pending, saved, problem, read, move |input: NewAgendaItem| {
        send_form(pending, saved, problem, async move { api::portal_add_agenda(&input).await }, move |_| {
            title.set(String::new());
            details.set(String::new());
            on_added.run(());
        });
    });
    view! {
        <div class="card portal-card" id="question-card">
            <h2 class="card-title">{move || i18n.t().portal_meetings().add_question}</h2>
            <form id="question-form" class="form agenda-form" on:submit=on_submit novalidate=true>
                <div class="field">
                    <label for="question-title">{move || i18n.t().portal_meetings().question_title}</label>
                    <input id="question-title" name="title" type="text" required=true maxlength="300" autocomplete="off" bind:value=title />
                </div>
                <div class="field">
                    <label for="question-details">{move || i18n.t().portal_meetings().question_details}</label>
                    <textarea id="question-details" name="details" rows="3" maxlength="5000" bind:value=details></textarea>
                </div>
                <FormError id="question-error" problem=problem />
                <div class="form-actions form-actions-start">
                    <button type="submit" id="question-submit" class="btn btn-primary" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t().common().sending } else { i18n.t().portal_meetings().question_submit }}
                    </button>
                </div>
            </form>
            <Show when=move || saved.get()>
                <Notice text=Signal::derive(move || i18n.t().portal_meetings().question_added.to_owned()) />
            </Show>
        </div>
    }
}

/// `li.action-item[data-id]` with `button.confirm-date` for approvers.
#[component]
fn ConfirmEntry(item: ActionItemView, can_respond: bool, on_confirmed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let id = item.id;
    let state = item.state;
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let confirm = move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match api::confirm_date(id).await {
                Ok(_) => on_confirmed.run(()),
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    view! {
        <li class="action-item" data-id=id.to_string() data-state=state.as_str()>
            <ActionItemFacts item=item />
            {if can_respond {
                view! {
                    <button type="button" class="btn btn-small btn-primary confirm-date" disabled=move || pending.get() on:click=confirm>
                        {move || if pending.get() { i18n.t().common().saving } else { i18n.t().portal_meetings().confirm_date }}
                    </button>
                }
                .into_any()
            } else {
                view! { <p class="viewer-note">{move || i18n.t().portal_meetings().approver_only}</p> }.into_any()
            }}
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{move || error_text(i18n.t(), &e)}</p> })}
        </li>
    }
}
