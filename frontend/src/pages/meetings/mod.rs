//! Staff meeting pages: one meeting (`/app/meetings/:mid`: header, schedule changes and history,
//! agenda, the minutes editor, publishing and the client's responses, open action items), the
//! agency's promises (`/app/promises`) and unacknowledged minutes (`/app/minutes/unacknowledged`).

mod action_item;
mod agenda;
mod minutes;
mod promises;
mod publish;
mod schedule;
mod unacknowledged;

pub use action_item::StaffActionItem;
pub use promises::PromisesPage;
pub use unacknowledged::UnacknowledgedPage;

use crate::api::meetings as api;
use crate::api::ApiError;
use crate::components::{ErrorBanner, Loading};
use crate::i18n::{fill, use_i18n};
use crate::pages::meeting_parts::{ack_badge, status_badge, MeetingWhen};
use crate::routes::{ClientTab, Route};
use accord_api::error::Code;
use accord_api::meetings::MeetingView;
use accord_api::MeetingId;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The meeting on screen; parts write a fresh answer back so every part follows.
#[derive(Clone, Copy)]
pub struct MeetingCtx {
    pub id: MeetingId,
    pub meeting: RwSignal<MeetingView>,
}

impl MeetingCtx {
    pub fn can_edit(&self) -> Signal<bool> {
        let meeting = self.meeting;
        // A memo: parts that rebuild on this must not rebuild on every other change of the meeting.
        Memo::new(move |_| meeting.with(|m| m.can_edit)).into()
    }
}

#[component]
pub fn MeetingPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("mid").and_then(|s| s.parse::<MeetingId>().ok()));
    let meeting = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::meeting(id).await,
                None => Err(ApiError::local(Code::NotFound, String::new())),
            }
        }
    });
    let body = move || {
        match meeting.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(m)) => {
            // The answer for a stored meeting always carries its id; the URL's is the same one.
            let stored = m.summary.id.or(id.get_untracked());
            match stored {
                Some(stored) => view! { <MeetingFrame id=stored meeting=m /> }.into_any(),
                None => ().into_any(),
            }
        }
        Some(Err(e)) if e.status == 403 || e.status == 404 || e.is(Code::NotFound) => view! {
            <div class="card unavailable" id="meeting-unavailable">
                <div class="unavailable-mark" aria-hidden="true">"?"</div>
                <h1>{move || i18n.t().meetings_staff().meeting_missing}</h1>
                <p class="subtitle">{move || i18n.t().meetings_staff().meeting_missing_hint}</p>
                <A href=Route::StaffClients.path() attr:class="btn btn-primary">{move || i18n.t().clients().back_to_clients}</A>
            </div>
        }
        .into_any(),
        Some(Err(error)) => view! {
            <ErrorBanner error=error on_retry=Callback::new(move |_| meeting.refetch()) />
        }
        .into_any(),
    }
    };
    view! { <section class="page meeting-page">{body}</section> }
}

#[component]
fn MeetingFrame(id: MeetingId, meeting: MeetingView) -> impl IntoView {
    let i18n = use_i18n();
    let client = meeting.client_id;
    let client_name = meeting.client_name.clone();
    let meeting = RwSignal::new(meeting);
    let ctx = MeetingCtx { id, meeting };
    provide_context(ctx);
    let summary = move || meeting.with(|m| m.summary.clone());
    let ics = api::ics_url(id);
    view! {
        <A href=Route::StaffClientTab(client, ClientTab::Meetings).path() attr:class="back-link">
            "← " {client_name}
        </A>
        <div class="page-header meeting-header">
            <div>
                <div class="title-row">
                    <h1 id="meeting-title">{move || summary().title}</h1>
                    {move || status_badge(summary().status)}
                    {move || {
                        let s = summary();
                        (s.status == accord_api::meetings::MeetingStatus::Held).then(|| ack_badge(s.ack, s.ack_overdue))
                    }}
                </div>
                <p class="subtitle" id="meeting-when">{move || view! { <MeetingWhen summary=summary() /> }}</p>
                {move || meeting.with(|m| m.cancel_reason.clone()).map(|r| view! {
                    <p class="warning-banner" id="meeting-cancel-reason">{move || fill(i18n.t().meetings_staff().cancel_reason, &[&r])}</p>
                })}
            </div>
            <div class="header-actions">
                <a id="meeting-ics" class="btn btn-ghost" href=ics download="meeting.ics">{move || i18n.t().meetings().ics}</a>
            </div>
        </div>
        <Show when=move || !meeting.with(|m| m.can_edit)>
            <p class="read-only-note">{move || i18n.t().meetings_staff().read_only}</p>
        </Show>
        <div class="tab-grid tab-grid-wide-side">
            <div class="tab-main">
                <agenda::AgendaCard ctx=ctx />
                <minutes::MinutesEditor ctx=ctx />
                <OpenBefore ctx=ctx />
            </div>
            <aside class="tab-side">
                <publish::PublishCard ctx=ctx />
                <schedule::ScheduleCard ctx=ctx />
                <InviteesCard ctx=ctx />
                <schedule::HistoryCard ctx=ctx />
            </aside>
        </div>
    }
}

/// `#invitees-card`: who this meeting invites (and mails the calendar file).
#[component]
fn InviteesCard(ctx: MeetingCtx) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let body = match ctx.meeting.with(|m| m.invitees.clone()) {
            None => view! { <p class="muted" id="invitees-default">{move || i18n.t().meetings_staff().invitees_default}</p> }
                .into_any(),
            Some(chosen) => {
                let names = chosen.staff.into_iter().map(|s| s.name).chain(chosen.contacts.into_iter().map(|c| c.name));
                view! { <ul class="invitee-list">{names.map(|n| view! { <li>{n}</li> }).collect_view()}</ul> }.into_any()
            }
        };
        view! {
            <div class="card" id="invitees-card">
                <h2 class="card-title">{move || i18n.t().meetings_staff().invitees_title}</h2>
                {body}
            </div>
        }
    }
}

/// `#open-before`: open action items of this client's earlier meetings, each with its buttons.
#[component]
fn OpenBefore(ctx: MeetingCtx) -> impl IntoView {
    let i18n = use_i18n();
    let can_edit = ctx.can_edit();
    // Once held, a new date for an earlier promise can be recorded in these minutes.
    let held = Memo::new(move |_| ctx.meeting.with(|m| m.summary.status == accord_api::meetings::MeetingStatus::Held));
    let reload = Callback::new(move |()| {
        spawn_local(async move {
            if let Ok(fresh) = api::meeting(ctx.id).await {
                ctx.meeting.set(fresh);
            }
        });
    });
    move || {
        let items = ctx.meeting.with(|m| m.open_from_before.clone());
        let record_in = held.get().then_some(ctx.id);
        (!items.is_empty()).then(|| {
            view! {
                <div class="card" id="open-before">
                    <h2 class="card-title">{move || i18n.t().meetings_staff().open_before_title}</h2>
                    <ul class="action-items">
                        {items.into_iter().map(|i| view! {
                            <StaffActionItem item=i can_edit=can_edit record_in=record_in on_recorded=reload />
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
