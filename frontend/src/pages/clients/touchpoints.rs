//! The Touchpoints tab: log a call, meeting, email, chat, gift or newsletter (anyone who works
//! with the client may), and the log itself, newest first; below it the client's survey answers
//! and the form for one taken by phone (`survey_answers`).

use super::can_manage_clients;
use super::frame::{use_client, ClientCtx};
use super::survey_answers::SurveyAnswersCard;
use crate::api;
use crate::components::{
    async_view, names_field, EmptyState, FieldError, FormErrorExcept, Notice, Pagination, Problem,
};
use crate::i18n::{fill, format_date_time, local_input_now, local_input_to_utc, now_utc, use_i18n};
use crate::session::use_session;
use accord_api::projects::{NewTouchpoint, TouchpointView};
use accord_api::{ContactId, Page, TouchpointKind};
use leptos::prelude::*;
use leptos::task::spawn_local;

const PER_PAGE: u64 = 20;
const INLINE: &[&str] = &["occurred_at", "contact_id", "summary"];

#[component]
pub fn TouchpointsTab() -> impl IntoView {
    let i18n = use_i18n();
    let Some(ctx) = use_client() else {
        return ().into_any();
    };
    let client = ctx.id();
    let session = use_session();
    // Survey answers: owners, admins and the client's account manager (not specialists).
    let answers_surveys = move || can_manage_clients(session);
    let can_edit = ctx.can_edit();
    let page = RwSignal::new(1u64);
    let log = LocalResource::new(move || api::projects::touchpoints(client, page.get(), PER_PAGE));
    let on_logged = Callback::new(move |_| {
        if page.get_untracked() == 1 {
            log.refetch();
        } else {
            page.set(1);
        }
        ctx.refresh();
    });
    view! {
        <div class="tab-grid tab-grid-wide-side">
            <div class="tab-main">
                <div class="card card-flush">
                    <div class="card-head">
                        <h2 class="card-title">{move || i18n.t().touchpoints().touchpoints_title}</h2>
                    </div>
                    {async_view(log, move |data| view! {
                        <TouchpointList data=data on_page=Callback::new(move |p| page.set(p)) />
                    })}
                </div>
                <Show when=move || answers_surveys() && can_edit.get()>
                    <SurveyAnswersCard client=client />
                </Show>
            </div>
            <aside class="tab-side">
                <TouchpointForm ctx=ctx on_logged=on_logged />
            </aside>
        </div>
    }
    .into_any()
}

#[component]
fn TouchpointForm(ctx: ClientCtx, on_logged: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let client = ctx.id();
    let contacts = LocalResource::new(move || api::clients::contacts(client));
    let kind = RwSignal::new(TouchpointKind::Call);
    let at = RwSignal::new(local_input_now());
    let contact = RwSignal::new(None::<ContactId>);
    let summary = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let logged = RwSignal::new(false);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        logged.set(false);
        let Some(occurred_at) = local_input_to_utc(&at.get_untracked()) else {
            problem.set(Some(Problem::Unreadable("occurred_at")));
            return;
        };
        // A minute of slack for clocks; the server allows a little more.
        if occurred_at > now_utc() + chrono::Duration::minutes(1) {
            problem.set(Some(Problem::Future("occurred_at")));
            return;
        }
        let request = NewTouchpoint {
            kind: kind.get_untracked(),
            occurred_at,
            contact_id: contact.get_untracked(),
            summary: summary.get_untracked().trim().to_owned(),
        };
        pending.set(true);
        problem.set(None);
        spawn_local(async move {
            match api::projects::log_touchpoint(client, &request).await {
                Ok(_) => {
                    summary.set(String::new());
                    at.set(local_input_now());
                    logged.set(true);
                    on_logged.run(());
                }
                Err(e) => problem.set(Some(Problem::Api(e))),
            }
            pending.set(false);
        });
    };

    let contact_options = move || {
        let current = contacts.get().and_then(Result::ok).unwrap_or_default();
        current
            .into_iter()
            .filter(|c| c.left_at.is_none())
            .map(|c| {
                let id = c.id;
                view! { <option value=id.to_string() selected=move || contact.get() == Some(id)>{c.name}</option> }
            })
            .collect_view()
    };

    view! {
        <div class="card" id="touchpoint-card">
            <h2 class="card-title">{move || i18n.t().touchpoints().log_touchpoint}</h2>
            <form id="touchpoint-form" class="form" on:submit=on_submit>
                <div class="field">
                    <label for="touchpoint-kind">{move || i18n.t().projects().kind}</label>
                    <select
                        id="touchpoint-kind"
                        prop:value=move || kind.get().as_str()
                        on:change=move |ev| {
                            if let Some(k) = TouchpointKind::parse(&event_target_value(&ev)) {
                                kind.set(k);
                            }
                        }
                    >
                        {TouchpointKind::ALL.iter().map(|&k| view! {
                            <option value=k.as_str() selected=move || kind.get() == k>
                                {move || i18n.t().touchpoint_kind(k)}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field-wrap">
                    <div class="field">
                        <label for="touchpoint-at">{move || i18n.t().touchpoints().touch_when}</label>
                        <input id="touchpoint-at" type="datetime-local" required=true
                            aria-invalid=move || names_field(problem, "occurred_at").get().to_string()
                            bind:value=at />
                        <p class="field-hint">{move || i18n.t().touchpoints().touch_when_hint}</p>
                    </div>
                    <FieldError field="occurred_at" problem=problem />
                </div>
                <div class="field-wrap">
                    <div class="field">
                        <label for="touchpoint-contact">{move || i18n.t().touchpoints().touch_contact}</label>
                        <select
                            id="touchpoint-contact"
                            prop:value=move || contact.get().map(|c| c.to_string()).unwrap_or_default()
                            on:change=move |ev| contact.set(event_target_value(&ev).parse().ok())
                        >
                            <option value="" selected=move || contact.get().is_none()>{move || i18n.t().touchpoints().touch_no_contact}</option>
                            {contact_options}
                        </select>
                    </div>
                    <FieldError field="contact_id" problem=problem />
                </div>
                <div class="field-wrap">
                    <crate::components::TextArea id="touchpoint-summary" label=|t| t.touchpoints().touch_summary value=summary rows=4
                        required=true maxlength=5000 placeholder=|t| t.touchpoints().touch_summary_placeholder
                        invalid=names_field(problem, "summary") />
                    <FieldError field="summary" problem=problem />
                </div>
                <FormErrorExcept id="touchpoint-error" problem=problem inline=INLINE />
                <div class="form-actions form-actions-start">
                    <button id="touchpoint-submit" type="submit" class="btn btn-primary" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t().common().saving } else { i18n.t().touchpoints().log_touchpoint_submit }}
                    </button>
                </div>
                <Show when=move || logged.get()>
                    <Notice text=Signal::derive(move || i18n.t().touchpoints().touchpoint_logged.to_owned()) />
                </Show>
            </form>
        </div>
    }
}

#[component]
fn TouchpointList(data: Page<TouchpointView>, on_page: Callback<u64>) -> impl IntoView {
    if data.items.is_empty() && data.page <= 1 {
        return view! { <EmptyState title=|t| t.touchpoints().no_touchpoints hint=|t| t.touchpoints().no_touchpoints_hint /> }.into_any();
    }
    let total = data.total;
    view! {
        <ul class="touchpoints" id="touchpoints-list">
            {data.items.into_iter().map(|t| view! { <TouchpointItem touchpoint=t /> }).collect_view()}
        </ul>
        <Pagination total=total page=data.page per_page=data.per_page on_change=on_page />
    }
    .into_any()
}

#[component]
fn TouchpointItem(touchpoint: TouchpointView) -> impl IntoView {
    let i18n = use_i18n();
    let t = touchpoint;
    let kind = t.kind;
    let at = t.occurred_at;
    let contact = t.contact.map(|c| c.name);
    let author = t.created_by.name;
    view! {
        <li class="touchpoint-item" data-kind=kind.as_str() data-id=t.id.to_string()>
            <span class=format!("touch-icon touch-icon-{}", kind.as_str()) aria-hidden="true">{kind_icon(kind)}</span>
            <div class="touch-body">
                <div class="touch-head">
                    <span class="touch-kind">{move || i18n.t().touchpoint_kind(kind)}</span>
                    <span class="touch-date">{move || format_date_time(i18n.locale(), &at)}</span>
                    {contact.map(|name| view! {
                        <span class="touch-contact">{move || fill(i18n.t().touchpoints().touch_with, &[&name])}</span>
                    })}
                </div>
                <p class="touch-summary">{t.summary.clone()}</p>
                <div class="touch-author">{move || fill(i18n.t().touchpoints().logged_by, &[&author])}</div>
            </div>
        </li>
    }
}

/// A small line icon per kind of touchpoint (drawn here; no icon font or external asset).
fn kind_icon(kind: TouchpointKind) -> impl IntoView {
    let shapes = match kind {
        TouchpointKind::Call => view! {
            <path d="M6 3h3l1.5 4.5-2 1.2a10 10 0 0 0 6.8 6.8l1.2-2L21 15v3a2 2 0 0 1-2 2A16 16 0 0 1 4 5a2 2 0 0 1 2-2z" />
        }
        .into_any(),
        TouchpointKind::Meeting => view! {
            <circle cx="9" cy="8" r="3" />
            <circle cx="17" cy="9" r="2.5" />
            <path d="M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6M15 14.6c3 .1 6 2 6 5.4" />
        }
        .into_any(),
        TouchpointKind::Email => view! {
            <rect x="3" y="5" width="18" height="14" rx="2" />
            <path d="M3.5 6.5 12 13l8.5-6.5" />
        }
        .into_any(),
        TouchpointKind::Chat => view! { <path d="M4 5h16v11H10l-5 4v-4H4z" /> }.into_any(),
        TouchpointKind::Gift => view! {
            <rect x="3" y="9" width="18" height="4" rx="1" />
            <path d="M5 13v8h14v-8M12 9v12M12 9C10 5 6.5 5 6.5 7.2S10 9 12 9c2 0 5.5 0 5.5-1.8S14 5 12 9" />
        }
        .into_any(),
        TouchpointKind::Newsletter => view! {
            <rect x="4" y="3" width="16" height="18" rx="2" />
            <path d="M8 8h8M8 12h8M8 16h5" />
        }
        .into_any(),
    };
    view! {
        <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="1.7"
            stroke-linecap="round" stroke-linejoin="round">
            {shapes}
        </svg>
    }
}
