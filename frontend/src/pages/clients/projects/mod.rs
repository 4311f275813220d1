//! The Projects tab: the client's projects (kind, status, dates, budget, team) and the form that
//! creates one or edits the chosen one.

mod form;

use super::frame::use_client;
use crate::api;
use crate::components::{async_view, Badge, EmptyState};
use crate::i18n::{format_money, format_period, use_i18n};
use crate::routes::Route;
use accord_api::projects::ProjectView;
use accord_api::ProjectStatus;
use form::ProjectForm;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ProjectsTab() -> impl IntoView {
    let i18n = use_i18n();
    let Some(ctx) = use_client() else {
        return ().into_any();
    };
    let client = ctx.id();
    let can_edit = ctx.can_edit();
    let projects = LocalResource::new(move || api::projects::list(client));
    let editing = RwSignal::new(None::<ProjectView>);
    let on_saved = Callback::new(move |_| projects.refetch());
    let on_edit = Callback::new(move |p: ProjectView| {
        editing.set(Some(p));
        if let Some(form) = document().get_element_by_id("project-form") {
            form.scroll_into_view();
        }
    });
    view! {
        <div class="card card-flush">
            <div class="card-head">
                <h2 class="card-title">{move || i18n.t().projects().projects_title}</h2>
            </div>
            {async_view(projects, move |list| view! {
                <ProjectsTable projects=list manage=can_edit.get_untracked() on_edit=on_edit />
            })}
        </div>
        <Show when=move || can_edit.get()>
            // Re-created when another project is chosen, so the fields start from it.
            {move || view! { <ProjectForm client=client editing=editing.get() on_saved=on_saved
                on_cancel=Callback::new(move |_| editing.set(None)) /> }}
        </Show>
    }
    .into_any()
}

#[component]
fn ProjectsTable(projects: Vec<ProjectView>, manage: bool, on_edit: Callback<ProjectView>) -> impl IntoView {
    let i18n = use_i18n();
    if projects.is_empty() {
        return view! { <EmptyState title=|t| t.projects().no_projects hint=|t| t.projects().no_projects_hint /> }
            .into_any();
    }
    let rows =
        projects.into_iter().map(|p| view! { <ProjectRow project=p manage=manage on_edit=on_edit /> }).collect_view();
    view! {
        <div class="table-wrap">
            <table class="table" id="projects-table">
                <thead>
                    <tr>
                        <th>{move || i18n.t().projects().project_name}</th>
                        <th>{move || i18n.t().common().status}</th>
                        <th class="hide-sm">{move || i18n.t().projects().project_dates}</th>
                        <th class="num">{move || i18n.t().projects().budget}</th>
                        <th class="project-backlog-col">{move || i18n.t().backlog().title}</th>
                        <th class="hide-sm">{move || i18n.t().projects().team}</th>
                        {manage.then(|| view! { <th class="actions">{move || i18n.t().common().actions}</th> })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn ProjectRow(project: ProjectView, manage: bool, on_edit: Callback<ProjectView>) -> impl IntoView {
    let i18n = use_i18n();
    let p = project.clone();
    let (kind, status) = (p.kind, p.status);
    let (starts, ends) = (p.starts_on, p.ends_on);
    let budget = p.budget.clone();
    let shared = p.budget_shared;
    let team = p.team.iter().map(|m| m.name.clone()).collect::<Vec<_>>().join(", ");
    let has_team = !team.is_empty();
    let dates = move || {
        let t = i18n.t();
        format_period(i18n.locale(), starts, ends, (t.common().from_day, t.common().until_day))
            .unwrap_or_else(|| "—".to_owned())
    };
    view! {
        <tr class="project-row" data-id=p.id.to_string() data-kind=kind.as_str() data-status=status.as_str()>
            <td class="cell-main">
                <div>{p.name.clone()}</div>
                <div class="cell-sub project-kind">{move || i18n.t().project_kind(kind)}</div>
            </td>
            <td>{project_status_badge(status)}</td>
            <td class="hide-sm project-dates">{dates}</td>
            <td class="num project-budget">
                {match budget {
                    Some(money) => view! {
                        <div class="money">{move || format_money(i18n.locale(), &money)}</div>
                        {shared.then(|| view! {
                            <div class="cell-sub budget-shared" title=move || i18n.t().projects().budget_shared_hint>
                                {move || i18n.t().projects().budget_shared_short}
                            </div>
                        })}
                    }.into_any(),
                    None => view! { <span class="muted">"—"</span> }.into_any(),
                }}
            </td>
            <td class="project-backlog">
                <BacklogCell project=p.clone() />
            </td>
            <td class="hide-sm project-team" class:muted=!has_team>
                {move || if has_team { team.clone() } else { i18n.t().projects().no_team.to_owned() }}
            </td>
            {manage.then(|| view! {
                <td class="actions">
                    <button type="button" class="btn btn-small edit-project" on:click=move |_| on_edit.run(project.clone())>
                        {move || i18n.t().common().edit}
                    </button>
                </td>
            })}
        </tr>
    }
}

/// The project's backlog link and its agreed-not-started count, flagged below the standard.
#[component]
fn BacklogCell(project: ProjectView) -> impl IntoView {
    let i18n = use_i18n();
    let count = project.agreed_not_started;
    let below = project.below_standard;
    view! {
        <div class="backlog-cell">
            <A href=Route::StaffBacklog(project.client_id, project.id).path() attr:class="project-backlog-link">
                {move || i18n.t().backlog().open_backlog} " →"
            </A>
            <div class="cell-sub backlog-standard" title=move || i18n.t().backlog().below_standard_hint>
                <span class="agreed-count" class:zero=count == 0>{count}</span>
                " " {move || i18n.t().backlog().agreed_short}
                {below.then(|| view! {
                    <span class="badge badge-red below-standard">{move || i18n.t().backlog().below_standard}</span>
                })}
            </div>
        </div>
    }
}

pub fn project_status_badge(status: ProjectStatus) -> impl IntoView {
    let i18n = use_i18n();
    let tone = match status {
        ProjectStatus::Planned => "blue",
        ProjectStatus::Active => "green",
        ProjectStatus::Paused => "amber",
        ProjectStatus::Done => "grey",
    };
    view! { <Badge tone=tone label=Signal::derive(move || i18n.t().project_status(status).to_owned()) /> }
}
