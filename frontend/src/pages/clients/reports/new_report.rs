//! `form#new-report-form`: a report of one kind for the period that contains a chosen day, for
//! the whole client or one of its projects. The new draft opens at once.

use crate::api::{self, ApiError};
use crate::components::charts::today;
use crate::i18n::{day_input_value, fill, parse_day_input, use_i18n};
use crate::pages::report_parts::{kind_label, staff_error_text};
use crate::routes::Route;
use accord_api::reports::NewReport;
use accord_api::{ClientId, ProjectId, ReportCadence};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

/// Why the form was not sent.
#[derive(Clone, Debug, PartialEq)]
enum Problem {
    Day,
    Api(ApiError),
}

#[component]
pub fn NewReportForm(client: ClientId, cadence: Option<ReportCadence>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let kind = RwSignal::new(cadence.unwrap_or(ReportCadence::Weekly));
    let day = RwSignal::new(day_input_value(Some(today())));
    let project = RwSignal::new(String::new());
    let projects = LocalResource::new(move || api::projects::list(client));
    let pending = RwSignal::new(false);
    let problem = RwSignal::new(None::<Problem>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let Ok(Some(period_of)) = parse_day_input(&day.get_untracked()) else {
            return problem.set(Some(Problem::Day));
        };
        let input = NewReport {
            kind: kind.get_untracked(),
            period_of,
            project_id: project.get_untracked().parse::<ProjectId>().ok(),
        };
        pending.set(true);
        problem.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::reports::create(client, &input).await {
                Ok(report) => navigate(&Route::StaffReport(report.summary.id).path(), Default::default()),
                Err(e) => {
                    problem.set(Some(Problem::Api(e)));
                    pending.set(false);
                }
            }
        });
    };
    let project_options = move || {
        let list = projects.get().and_then(Result::ok).unwrap_or_default();
        list.into_iter()
            .map(|p| {
                let value = p.id.to_string();
                let v = value.clone();
                view! { <option value=value selected=move || project.get() == v>{p.name}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="card" id="new-report-card">
            <h2 class="card-title">{move || i18n.t().reports_staff().new_report}</h2>
            <form id="new-report-form" class="form new-report-form" on:submit=on_submit novalidate=true>
                <div class="field">
                    <label for="new-report-kind">{move || i18n.t().reports_staff().field_kind}</label>
                    <select id="new-report-kind" name="kind" prop:value=move || kind.get().as_str()
                        on:change=move |ev| {
                            if let Some(k) = ReportCadence::parse(&event_target_value(&ev)) {
                                kind.set(k);
                            }
                        }>
                        {ReportCadence::ALL.iter().map(|&k| view! {
                            <option value=k.as_str() selected=move || kind.get() == k>{move || kind_label(i18n.t(), k)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field-wrap">
                    <div class="field">
                        <label for="new-report-day">{move || i18n.t().reports().field_period_of}</label>
                        <input id="new-report-day" name="period_of" type="date" required=true
                            aria-invalid=move || (problem.get() == Some(Problem::Day)).to_string() bind:value=day />
                        <p class="field-hint">{move || i18n.t().reports_staff().period_of_hint}</p>
                    </div>
                </div>
                <div class="field">
                    <label for="new-report-project">{move || i18n.t().reports().field_project}</label>
                    <select id="new-report-project" name="project_id" prop:value=move || project.get()
                        on:change=move |ev| project.set(event_target_value(&ev))>
                        <option value="" selected=move || project.get().is_empty()>
                            {move || i18n.t().reports_staff().whole_client}
                        </option>
                        {project_options}
                    </select>
                    <p class="field-hint">{move || i18n.t().reports_staff().project_hint}</p>
                </div>
                {move || problem.get().map(|p| {
                    let text = move || match &p {
                        Problem::Day => fill(i18n.t().errors().validation_field, &[&i18n.t().reports().field_period_of]),
                        Problem::Api(e) => staff_error_text(i18n.t(), e),
                    };
                    view! { <p id="new-report-error" class="form-error" role="alert">{text}</p> }
                })}
                <div class="form-actions form-actions-start">
                    <button type="submit" id="new-report-submit" class="btn btn-primary" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t().common().creating } else { i18n.t().reports_staff().create_report }}
                    </button>
                </div>
            </form>
        </div>
    }
}
