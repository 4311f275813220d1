//! `form#risk-form` (in `#risk-form-card`): a new risk, or the one chosen in the register
//! (`data-mode="edit"`). Every field of the risk: title, category, project (one of the client's,
//! or none), probability and impact (1–5, with the exposure they make), mitigation, owner (an
//! active colleague; a former owner stays listed while chosen), due date, status, and whether
//! the client sees it in the portal.

use super::FieldProblem;
use crate::api;
use crate::components::{send_form, submit_handler, FormActions, FormErrorExcept, FormWords, Problem, TextArea};
use crate::i18n::{day_input_value, fill, parse_day_input, use_i18n};
use crate::pages::portal::risks::Level;
use accord_api::risks::{RiskCategory, RiskInput, RiskStatus, RiskView};
use accord_api::{ClientId, ProjectId, UserId};
use leptos::prelude::*;

const INLINE: &[&str] =
    &["title", "category", "project_id", "probability", "impact", "mitigation", "owner_id", "due_on", "status"];

const WORDS: FormWords = FormWords {
    add: |t| t.risks().add_risk,
    save: |t| t.common().save,
    created: |t| t.risks().risk_created,
    saved: |t| t.risks().risk_saved,
};

#[component]
pub fn RiskForm(
    client: ClientId,
    editing: Option<RiskView>,
    on_saved: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let start = editing.as_ref();
    let risk_id = start.map(|r| r.id);
    let title = RwSignal::new(start.map(|r| r.title.clone()).unwrap_or_default());
    let category = RwSignal::new(start.map_or(RiskCategory::Other, |r| r.category));
    let project = RwSignal::new(start.and_then(|r| r.project_id));
    let probability = RwSignal::new(start.map_or(3, |r| r.probability));
    let impact = RwSignal::new(start.map_or(3, |r| r.impact));
    let mitigation = RwSignal::new(start.map(|r| r.mitigation.clone()).unwrap_or_default());
    let owner = RwSignal::new(start.and_then(|r| r.owner.as_ref().map(|o| o.id)));
    let due = RwSignal::new(day_input_value(start.and_then(|r| r.due_on)));
    let status = RwSignal::new(start.map_or(RiskStatus::Open, |r| r.status));
    let visible = RwSignal::new(start.is_some_and(|r| r.client_visible));
    let former_owner = start.and_then(|r| r.owner.clone());
    let former_project = start.and_then(|r| r.project_id.zip(r.project_name.clone()));
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);

    let read = move || -> Result<RiskInput, Problem> {
        Ok(RiskInput {
            title: title.get_untracked().trim().to_owned(),
            category: category.get_untracked(),
            project_id: project.get_untracked(),
            probability: probability.get_untracked(),
            impact: impact.get_untracked(),
            mitigation: mitigation.get_untracked().trim().to_owned(),
            owner_id: owner.get_untracked(),
            due_on: parse_day_input(&due.get_untracked()).map_err(|_| Problem::Unreadable("due_on"))?,
            status: status.get_untracked(),
            client_visible: visible.get_untracked(),
        })
    };
    let on_submit = submit_handler(pending, saved, problem, read, move |input: RiskInput| {
        let request = async move {
            match risk_id {
                Some(id) => api::risks::update_risk(id, &input).await,
                None => api::risks::create_risk(client, &input).await,
            }
        };
        send_form(pending, saved, problem, request, move |_| {
            if risk_id.is_none() {
                for field in [title, mitigation, due] {
                    field.set(String::new());
                }
                visible.set(false);
            }
            on_saved.run(());
        });
    });

    let heading = {
        let name = start.map(|r| r.title.clone());
        move || match &name {
            Some(n) => fill(i18n.t().risks().edit_risk, &[n]),
            None => i18n.t().risks().new_risk.to_owned(),
        }
    };
    let exposure = move || {
        let e = probability.get() * impact.get();
        let level = Level::of(e);
        view! {
            <span class=format!("exposure-pill exposure-{}", level.key())>{e}</span>
            <span class="exposure-level">{move || level.label(i18n.t())}</span>
        }
    };
    view! {
        <div class="card" id="risk-form-card" class:editing=risk_id.is_some()>
            <h2 class="card-title">{heading}</h2>
            <form id="risk-form" class="form" on:submit=on_submit data-mode=if risk_id.is_some() { "edit" } else { "new" }>
                <div class="field-wrap">
                    <div class="field">
                        <label for="risk-title">{move || i18n.t().risks().field_title}</label>
                        <input id="risk-title" name="title" type="text" required=true maxlength="300" autocomplete="off"
                            placeholder=move || i18n.t().risks().title_placeholder
                            aria-invalid=move || is_named(problem, "title").to_string() bind:value=title />
                    </div>
                    <FieldProblem field="title" label=|t| t.risks().field_title problem=problem />
                </div>
                <div class="form-grid risk-form-grid">
                    <div class="field">
                        <label for="risk-category">{move || i18n.t().risks().field_category}</label>
                        <select id="risk-category" name="category" prop:value=move || category.get().as_str()
                            on:change=move |ev| { if let Some(c) = RiskCategory::parse(&event_target_value(&ev)) { category.set(c) } }>
                            {RiskCategory::ALL.iter().map(|&c| view! {
                                <option value=c.as_str() selected=move || category.get() == c>{move || i18n.t().risk_category(c)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field-wrap">
                        <ProjectSelect client=client value=project former=former_project />
                        <FieldProblem field="project_id" label=|t| t.risks().field_project problem=problem />
                    </div>
                    <div class="field-wrap">
                        <ScoreSelect id="risk-probability" name="probability" label=|t| t.risks().probability
                            hint=|t| t.risks().probability_hint value=probability />
                        <FieldProblem field="probability" label=|t| t.risks().probability problem=problem />
                    </div>
                    <div class="field-wrap">
                        <ScoreSelect id="risk-impact" name="impact" label=|t| t.risks().impact
                            hint=|t| t.risks().impact_hint value=impact />
                        <FieldProblem field="impact" label=|t| t.risks().impact problem=problem />
                    </div>
                    <div class="field risk-exposure-field">
                        <span class="field-label-static">{move || i18n.t().risks().exposure}</span>
                        <p class="risk-exposure" id="risk-exposure">{exposure}</p>
                    </div>
                    <div class="field">
                        <label for="risk-status">{move || i18n.t().risks().field_status}</label>
                        <select id="risk-status" name="status" prop:value=move || status.get().as_str()
                            on:change=move |ev| { if let Some(s) = RiskStatus::parse(&event_target_value(&ev)) { status.set(s) } }>
                            {RiskStatus::ALL.iter().map(|&s| view! {
                                <option value=s.as_str() selected=move || status.get() == s>{move || i18n.t().risk_status(s)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field-wrap">
                        <OwnerSelect value=owner former=former_owner />
                        <FieldProblem field="owner_id" label=|t| t.risks().field_owner problem=problem />
                    </div>
                    <div class="field-wrap">
                        <div class="field">
                            <label for="risk-due">{move || i18n.t().risks().field_due}</label>
                            <input id="risk-due" name="due_on" type="date"
                                aria-invalid=move || is_named(problem, "due_on").to_string() bind:value=due />
                        </div>
                        <FieldProblem field="due_on" label=|t| t.risks().field_due problem=problem />
                    </div>
                </div>
                <div class="field-wrap">
                    <TextArea id="risk-mitigation" label=|t| t.risks().field_mitigation value=mitigation rows=3
                        maxlength=5000 placeholder=|t| t.risks().mitigation_placeholder />
                    <FieldProblem field="mitigation" label=|t| t.risks().field_mitigation problem=problem />
                </div>
                <div class="field field-check">
                    <label class="check">
                        <input type="checkbox" id="risk-visible" name="client_visible" bind:checked=visible />
                        <span>{move || i18n.t().risks().field_visible}</span>
                    </label>
                    <p class="field-hint">{move || i18n.t().risks().field_visible_hint}</p>
                </div>
                <FormErrorExcept id="risk-form-error" problem=problem inline=INLINE />
                <FormActions words=WORDS editing=risk_id.is_some() pending=pending saved=saved on_close=on_cancel
                    submit_id="risk-submit" close_id="risk-cancel" />
            </form>
        </div>
    }
}

fn is_named(problem: RwSignal<Option<Problem>>, field: &str) -> bool {
    problem.with(|p| p.as_ref().and_then(Problem::field) == Some(field))
}

/// A 1–5 `<select>` with a hint under it.
#[component]
fn ScoreSelect(
    id: &'static str,
    name: &'static str,
    label: crate::components::form::Text,
    hint: crate::components::form::Text,
    value: RwSignal<u8>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{move || label(i18n.t())}</label>
            <select id=id name=name prop:value=move || value.get().to_string()
                on:change=move |ev| { if let Ok(n) = event_target_value(&ev).parse::<u8>() { value.set(n) } }>
                {(1..=5u8).map(|n| view! { <option value=n.to_string() selected=move || value.get() == n>{n}</option> }).collect_view()}
            </select>
            <p class="field-hint">{move || hint(i18n.t())}</p>
        </div>
    }
}

/// `select#risk-project`: "no project" and the client's projects.
#[component]
fn ProjectSelect(
    client: ClientId,
    value: RwSignal<Option<ProjectId>>,
    former: Option<(ProjectId, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let projects = LocalResource::new(move || api::projects::list(client));
    let former = StoredValue::new(former);
    let options = move || {
        let mut rows: Vec<(ProjectId, String)> =
            projects.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|p| (p.id, p.name)).collect();
        if let Some((id, name)) = former.get_value() {
            if !rows.iter().any(|(p, _)| *p == id) {
                rows.push((id, name));
            }
        }
        rows.into_iter()
            .map(|(id, name)| view! { <option value=id.to_string() selected=move || value.get() == Some(id)>{name}</option> })
            .collect_view()
    };
    view! {
        <div class="field">
            <label for="risk-project">{move || i18n.t().risks().field_project}</label>
            <select id="risk-project" name="project_id"
                prop:value=move || value.get().map(|p| p.to_string()).unwrap_or_default()
                on:change=move |ev| value.set(event_target_value(&ev).parse().ok())>
                <option value="" selected=move || value.get().is_none()>{move || i18n.t().risks().whole_client}</option>
                {options}
            </select>
        </div>
    }
}

/// `select#risk-owner`: "unassigned" and the agency's active people by name.
#[component]
fn OwnerSelect(value: RwSignal<Option<UserId>>, former: Option<accord_api::StaffRef>) -> impl IntoView {
    let i18n = use_i18n();
    let directory = LocalResource::new(api::staff::directory);
    let former = StoredValue::new(former);
    let options = move || {
        let mut rows: Vec<(UserId, String)> =
            directory.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|m| (m.id, m.name)).collect();
        rows.sort_by(|a, b| a.1.cmp(&b.1));
        if let Some(f) = former.get_value() {
            if !rows.iter().any(|(id, _)| *id == f.id) {
                rows.push((f.id, f.name));
            }
        }
        rows.into_iter()
            .map(|(id, name)| view! { <option value=id.to_string() selected=move || value.get() == Some(id)>{name}</option> })
            .collect_view()
    };
    view! {
        <div class="field">
            <label for="risk-owner">{move || i18n.t().risks().field_owner}</label>
            <select id="risk-owner" name="owner_id"
                prop:value=move || value.get().map(|p| p.to_string()).unwrap_or_default()
                on:change=move |ev| value.set(event_target_value(&ev).parse().ok())>
                <option value="" selected=move || value.get().is_none()>{move || i18n.t().risks().no_owner}</option>
                {options}
            </select>
        </div>
    }
}
