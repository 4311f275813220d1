//! The Incidents tab (`/app/clients/:id/incidents`): the client's incidents (`#incidents-table`,
//! a `tr.incident-row[data-id][data-step]` each: title, the step as "n of 5", when it was found,
//! days open and the "open too long" flag) and `form#incident-form` to record one, which then
//! opens the incident's page.

use super::FieldProblem;
use crate::api;
use crate::components::{async_view, EmptyState, FormErrorExcept, Problem, TextArea};
use crate::i18n::{fill, format_date, local_input_now, local_input_to_utc, now_utc, use_i18n};
use crate::routes::Route;
use accord_api::risks::{IncidentStep, IncidentView, NewIncident};
use accord_api::{ClientId, ProjectId};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

const INLINE: &[&str] = &["title", "project_id", "description", "detected_at"];

#[component]
pub fn IncidentsTab() -> impl IntoView {
    let i18n = use_i18n();
    let Some(client) = super::client_param() else {
        return ().into_any();
    };
    let incidents = LocalResource::new(move || api::risks::incidents(client));
    // Who may record one: the same rule as changing the client (the profile says).
    let profile = LocalResource::new(move || api::clients::profile(client));
    let can_edit = move || profile.get().and_then(Result::ok).is_some_and(|p| p.can_edit);
    view! {
        <div class="tab-grid tab-grid-wide-side incidents-tab" id="incidents-tab">
            <div class="tab-main">
                <div class="card card-flush">
                    <div class="card-head card-head-stacked">
                        <h2 class="card-title">{move || i18n.t().risks().incidents_title}</h2>
                        <p class="card-hint">{move || i18n.t().risks().incidents_hint}</p>
                    </div>
                    {async_view(incidents, move |list| view! { <IncidentsTable client=client incidents=list /> })}
                </div>
            </div>
            <aside class="tab-side">
                <Show when=can_edit>
                    <RecordIncident client=client />
                </Show>
            </aside>
        </div>
    }
    .into_any()
}

#[component]
fn IncidentsTable(client: ClientId, incidents: Vec<IncidentView>) -> impl IntoView {
    let i18n = use_i18n();
    if incidents.is_empty() {
        return view! { <EmptyState title=|t| t.risks().no_incidents hint=|t| t.risks().no_incidents_hint /> }
            .into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="table incidents-table" id="incidents-table">
                <thead>
                    <tr>
                        <th>{move || i18n.t().risks().col_incident}</th>
                        <th>{move || i18n.t().risks().col_step}</th>
                        <th class="hide-sm">{move || i18n.t().risks().col_detected}</th>
                        <th>{move || i18n.t().risks().col_open_for}</th>
                    </tr>
                </thead>
                <tbody>
                    {incidents.into_iter().map(|i| view! { <IncidentRow client=client incident=i /> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn IncidentRow(client: ClientId, incident: IncidentView) -> impl IntoView {
    let i18n = use_i18n();
    let i = incident;
    let step = i.step;
    let n = step.number();
    let done = step == IncidentStep::Prevented;
    let (detected, days, too_long) = (i.detected_at, i.days_open, i.too_long);
    // The step in progress: the one after the last done.
    let next = match step {
        IncidentStep::Detected => Some(IncidentStep::Notified),
        IncidentStep::Notified => Some(IncidentStep::Assessed),
        IncidentStep::Assessed => Some(IncidentStep::Planned),
        IncidentStep::Planned => Some(IncidentStep::Fixed),
        IncidentStep::Fixed => Some(IncidentStep::Prevented),
        IncidentStep::Prevented => None,
    };
    view! {
        <tr class="incident-row" class:too-long=too_long data-id=i.id.to_string() data-step=n
            data-too-long=too_long.to_string()>
            <td class="cell-main">
                <A href=Route::StaffIncident(client, i.id).path() attr:class="incident-link">{i.title.clone()}</A>
                {i.project_name.clone().map(|p| view! { <div class="cell-sub">{p}</div> })}
            </td>
            <td class="incident-step-cell">
                <div class="step-count">
                    <span class="step-bar" aria-hidden="true">
                        {(1..=5u8).map(|k| view! { <span class="step-seg" class:done={k <= n}></span> }).collect_view()}
                    </span>
                    <span class="step-n">{move || fill(i18n.t().risks().step_count, &[&n])}</span>
                </div>
                <div class="cell-sub">
                    {move || match next {
                        Some(s) => fill(i18n.t().risks().next_named, &[&i18n.t().incident_step(s)]),
                        None => String::new(),
                    }}
                </div>
            </td>
            <td class="hide-sm incident-detected">{move || format_date(i18n.locale(), &detected)}</td>
            <td class="incident-days">
                <span class="days-open">{move || i18n.t().risks().days.count(days.max(0).unsigned_abs())}</span>
                {too_long.then(|| view! {
                    <span class="badge badge-red too-long-badge" title=move || i18n.t().risks().too_long_hint>
                        {move || i18n.t().risks().too_long}
                    </span>
                })}
                {(n == 0).then(|| view! {
                    <span class="badge badge-amber not-told-badge" title=move || i18n.t().risks().not_told_hint>
                        {move || i18n.t().risks().not_told_badge}
                    </span>
                })}
                {done.then(|| view! { <span class="badge badge-green closed-badge">{move || i18n.t().risks().closed_badge}</span> })}
            </td>
        </tr>
    }
}

/// `form#incident-form` (`#incident-title`, `#incident-project`, `#incident-description`,
/// `#incident-detected-at`, `#incident-submit`).
#[component]
fn RecordIncident(client: ClientId) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let projects = LocalResource::new(move || api::projects::list(client));
    let title = RwSignal::new(String::new());
    let project = RwSignal::new(None::<ProjectId>);
    let description = RwSignal::new(String::new());
    let detected = RwSignal::new(local_input_now());
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let Some(detected_at) = local_input_to_utc(&detected.get_untracked()) else {
            problem.set(Some(Problem::Unreadable("detected_at")));
            return;
        };
        if detected_at > now_utc() + chrono::Duration::minutes(1) {
            problem.set(Some(Problem::Future("detected_at")));
            return;
        }
        let input = NewIncident {
            title: title.get_untracked().trim().to_owned(),
            project_id: project.get_untracked(),
            description: description.get_untracked().trim().to_owned(),
            detected_at: Some(detected_at),
        };
        pending.set(true);
        problem.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::risks::record_incident(client, &input).await {
                Ok(made) => navigate(&Route::StaffIncident(client, made.id).path(), Default::default()),
                Err(e) => {
                    problem.set(Some(Problem::Api(e)));
                    pending.set(false);
                }
            }
        });
    };
    let project_options = move || {
        projects
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|p| {
                let id = p.id;
                view! { <option value=id.to_string() selected=move || project.get() == Some(id)>{p.name}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="card" id="incident-form-card">
            <h2 class="card-title">{move || i18n.t().risks().record_title}</h2>
            <p class="card-hint">{move || i18n.t().risks().record_hint}</p>
            <form id="incident-form" class="form" on:submit=on_submit>
                <div class="field-wrap">
                    <div class="field">
                        <label for="incident-title">{move || i18n.t().risks().field_incident_title}</label>
                        <input id="incident-title" name="title" type="text" required=true maxlength="300" autocomplete="off"
                            placeholder=move || i18n.t().risks().incident_title_placeholder bind:value=title />
                    </div>
                    <FieldProblem field="title" label=|t| t.risks().field_incident_title problem=problem />
                </div>
                <div class="field-wrap">
                    <div class="field">
                        <label for="incident-project">{move || i18n.t().risks().field_project}</label>
                        <select id="incident-project" name="project_id"
                            prop:value=move || project.get().map(|p| p.to_string()).unwrap_or_default()
                            on:change=move |ev| project.set(event_target_value(&ev).parse().ok())>
                            <option value="" selected=move || project.get().is_none()>{move || i18n.t().risks().whole_client}</option>
                            {project_options}
                        </select>
                    </div>
                    <FieldProblem field="project_id" label=|t| t.risks().field_project problem=problem />
                </div>
                <div class="field-wrap">
                    <div class="field">
                        <label for="incident-detected-at">{move || i18n.t().risks().field_detected_at}</label>
                        <input id="incident-detected-at" name="detected_at" type="datetime-local" required=true bind:value=detected />
                    </div>
                    <FieldProblem field="detected_at" label=|t| t.risks().field_detected_at problem=problem />
                </div>
                <div class="field-wrap">
                    <TextArea id="incident-description" label=|t| t.risks().field_description value=description rows=4 maxlength=10000 />
                    <FieldProblem field="description" label=|t| t.risks().field_description problem=problem />
                </div>
                <FormErrorExcept id="incident-form-error" problem=problem inline=INLINE />
                <div class="form-actions form-actions-start">
                    <button id="incident-submit" type="submit" class="btn btn-primary" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t().common().saving } else { i18n.t().risks().record_submit }}
                    </button>
                </div>
            </form>
        </div>
    }
}
