//! `/app/surveys/follow-ups`: detractors' follow-ups (`select#followup-filter`: open, overdue,
//! closed, all; `#followup-manager` for owners and admins), a `li.followup-row[data-id]` each
//! (`.followup-overdue` past its due day) with its close form: `select.followup-outcome`,
//! `textarea.followup-note`, `button.followup-close`.

use super::filters::ManagerFilter;
use super::labels::{filter_label, outcome_label, source_label};
use super::{FollowupCounts, SurveysHeader};
use crate::api::surveys as api;
use crate::api::ApiError;
use crate::components::{async_view, EmptyState, ErrorBanner, Pagination};
use crate::i18n::{fill, format_date_time, format_day, use_i18n};
use crate::routes::{ClientTab, Route};
use crate::session::use_session;
use accord_api::surveys::{CloseFollowup, FollowupFilter, FollowupList, FollowupOutcome, FollowupView};
use accord_api::UserId;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

#[component]
pub fn FollowupsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let filter = RwSignal::new(FollowupFilter::Open);
    let manager = RwSignal::new(None::<UserId>);
    let page = RwSignal::new(1u64);
    let list = LocalResource::new(move || api::followups(filter.get(), manager.get(), page.get()));
    let counts: FollowupCounts = Signal::derive(move || list.get().and_then(Result::ok).map(|l| (l.open, l.overdue)));
    // A new filter starts from the first page.
    Effect::new(move |seen: Option<()>| {
        filter.track();
        manager.track();
        if seen.is_some() {
            page.set(1);
        }
    });
    let on_closed = Callback::new(move |_| list.refetch());
    view! {
        <section class="page surveys-page" id="survey-followups">
            <SurveysHeader title=|t| t.surveys_staff().followups_title subtitle=|t| t.surveys_staff().followups_subtitle
                counts=counts />
            <div class="card card-flush">
                <div class="filters" id="followup-filters">
                    <div class="filters-top">
                        <label class="filter">
                            <span class="filter-label">{move || i18n.t().surveys_staff().filter_show}</span>
                            <select id="followup-filter" name="followup-filter" prop:value=move || filter.get().as_str()
                                on:change=move |ev| {
                                    if let Some(f) = FollowupFilter::parse(&event_target_value(&ev)) {
                                        filter.set(f);
                                    }
                                }>
                                {FollowupFilter::ALL.iter().map(|&f| view! {
                                    <option value=f.as_str() selected=move || filter.get() == f>{move || filter_label(i18n.t(), f)}</option>
                                }).collect_view()}
                            </select>
                        </label>
                        <Show when=move || session.is_agency_admin()>
                            <ManagerFilter id="followup-manager" value=manager />
                        </Show>
                        <p class="followup-counts muted" id="followup-counts">
                            {move || counts.get().map(|(open, overdue)| {
                                let words = i18n.t().surveys_staff();
                                format!("{} · {}", words.open_count.count(open), words.overdue_count.count(overdue))
                            })}
                        </p>
                    </div>
                </div>
                {async_view(list, move |data| view! {
                    <Followups data=data on_page=Callback::new(move |p| page.set(p)) on_closed=on_closed />
                })}
            </div>
        </section>
    }
}

#[component]
fn Followups(data: FollowupList, on_page: Callback<u64>, on_closed: Callback<()>) -> impl IntoView {
    if data.items.is_empty() && data.page <= 1 {
        return view! { <EmptyState title=|t| t.surveys_staff().followups_empty hint=|t| t.surveys_staff().followups_empty_hint /> }
            .into_any();
    }
    let (total, page, per_page) = (data.total, data.page, data.per_page);
    view! {
        <ul class="followups" id="followups">
            {data.items.into_iter().map(|f| view! { <FollowupRow followup=f on_closed=on_closed /> }).collect_view()}
        </ul>
        <Pagination total=total page=page per_page=per_page on_change=on_page />
    }
    .into_any()
}

#[component]
fn FollowupRow(followup: FollowupView, on_closed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let f = followup;
    let a = f.answer;
    let (due, overdue, answered_on, source) = (f.due_on, f.overdue, a.answered_on, a.source);
    let closed = f.outcome.is_some();
    let contact = a.contact_name.clone();
    let why = a.why.trim().to_owned();
    let no_why = why.is_empty();
    let assignee = f.assignee.map(|s| s.name);
    let client_link = Route::StaffClientTab(a.client_id, ClientTab::Touchpoints).path();
    let score = a.nps;
    view! {
        <li class="followup-row" class:followup-overdue=overdue && !closed data-id=f.id.to_string()
            data-overdue=overdue.to_string() data-closed=closed.to_string()>
            <div class="followup-main">
                <div class="followup-head">
                    <span class="nps-badge nps-detractor followup-score" data-score=score.map(|s| s.to_string())>
                        {score.map_or_else(|| "—".to_owned(), |s| s.to_string())}
                    </span>
                    <A href=client_link attr:class="row-link followup-client">{a.client_name.clone()}</A>
                    <span class="muted followup-contact">
                        {move || contact.clone().unwrap_or_else(|| i18n.t().surveys_staff().no_contact.to_owned())}
                    </span>
                    <span class="muted followup-when">
                        {move || format!("{} · {}", format_day(i18n.locale(), &answered_on), source_label(i18n.t(), source))}
                    </span>
                </div>
                <p class="verbatim followup-why" class:muted=no_why>
                    {move || if why.is_empty() { i18n.t().surveys_staff().no_why.to_owned() } else { why.clone() }}
                </p>
                <p class="followup-meta">
                    <span class="followup-assignee">
                        {move || fill(i18n.t().surveys_staff().assignee_is, &[&assignee.clone().unwrap_or_else(|| i18n.t().surveys_staff().nobody.to_owned())])}
                    </span>
                    <span class="meta-sep" aria-hidden="true">"·"</span>
                    <span class="followup-due" class:due-overdue=overdue && !closed>
                        {move || fill(i18n.t().surveys_staff().due_on, &[&format_day(i18n.locale(), &due)])}
                    </span>
                    {(overdue && !closed).then(|| view! {
                        <span class="badge badge-red followup-overdue-badge">{move || i18n.t().surveys_staff().overdue_badge}</span>
                    })}
                </p>
            </div>
            {match f.outcome {
                Some(outcome) => {
                    let note = f.note.clone();
                    let by = f.closed_by.map(|s| s.name).unwrap_or_default();
                    let at = f.closed_at;
                    view! {
                        <div class="followup-closed" data-outcome=outcome.as_str()>
                            <span class="badge badge-green">{move || outcome_label(i18n.t(), outcome)}</span>
                            {(!note.is_empty()).then(|| view! { <p class="followup-note-text">{note.clone()}</p> })}
                            <p class="muted cell-sub">
                                {move || fill(i18n.t().surveys_staff().closed_by, &[&by, &at.map(|at| format_date_time(i18n.locale(), &at)).unwrap_or_default()])}
                            </p>
                        </div>
                    }
                    .into_any()
                }
                None => view! { <CloseForm id=f.id on_closed=on_closed /> }.into_any(),
            }}
        </li>
    }
}

#[component]
fn CloseForm(id: accord_api::SurveyFollowupId, on_closed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let outcome = RwSignal::new(FollowupOutcome::Called);
    let note = RwSignal::new(String::new());
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let close = CloseFollowup { outcome: outcome.get_untracked(), note: note.get_untracked().trim().to_owned() };
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match api::close_followup(id, &close).await {
                Ok(_) => on_closed.run(()),
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    view! {
        <form class="followup-close-form" on:submit=on_submit>
            <label class="field">
                <span class="field-label-static">{move || i18n.t().surveys_staff().outcome_label}</span>
                <select class="followup-outcome" name="outcome" prop:value=move || outcome.get().as_str()
                    on:change=move |ev| {
                        if let Some(o) = FollowupOutcome::parse(&event_target_value(&ev)) {
                            outcome.set(o);
                        }
                    }>
                    {FollowupOutcome::ALL.iter().map(|&o| view! {
                        <option value=o.as_str() selected=move || outcome.get() == o>{move || outcome_label(i18n.t(), o)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span class="field-label-static">{move || i18n.t().surveys_staff().note_label}</span>
                <textarea class="followup-note" name="note" rows="2" maxlength="2000"
                    placeholder=move || i18n.t().surveys_staff().note_placeholder bind:value=note></textarea>
            </label>
            {move || error.get().map(|e| view! { <ErrorBanner error=e /> })}
            <button type="submit" class="btn btn-small btn-primary followup-close" disabled=move || pending.get()>
                {move || if pending.get() { i18n.t().common().saving } else { i18n.t().surveys_staff().close_followup }}
            </button>
        </form>
    }
}
