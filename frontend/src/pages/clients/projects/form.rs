//! `form#project-form`: creates a project, or edits the one chosen in the table. The budget is
//! typed in roubles ("150 000,50" or "150000.50") and sent in kopecks.

use crate::api;
use crate::components::{
    names_field, send_form, submit_handler, FieldError, FormActions, FormErrorExcept, FormWords, Problem, TextField,
};
use crate::i18n::{day_input_value, money_input_value, parse_day_input, parse_money, use_i18n, DEFAULT_CURRENCY};
use accord_api::projects::{ProjectInput, ProjectView};
use accord_api::staff::StaffMember;
use accord_api::{ClientId, Money, ProjectKind, ProjectStatus, StaffRef, UserId};
use leptos::prelude::*;

const INLINE: &[&str] = &["name", "starts_on", "ends_on", "budget", "team"];

/// The project form's buttons and notices.
const WORDS: FormWords = FormWords {
    add: |t| t.projects().create_project,
    save: |t| t.common().save,
    created: |t| t.projects().project_created,
    saved: |t| t.projects().project_saved,
};

#[component]
pub fn ProjectForm(
    client: ClientId,
    editing: Option<ProjectView>,
    on_saved: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale_untracked();
    let start = editing.clone();
    let project_id = start.as_ref().map(|p| p.id);
    let currency = start
        .as_ref()
        .and_then(|p| p.budget.as_ref().map(|b| b.currency.clone()))
        .unwrap_or_else(|| DEFAULT_CURRENCY.to_owned());
    let name = RwSignal::new(start.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let kind = RwSignal::new(start.as_ref().map_or(ProjectKind::Website, |p| p.kind));
    let status = RwSignal::new(start.as_ref().map_or(ProjectStatus::Planned, |p| p.status));
    let starts = RwSignal::new(day_input_value(start.as_ref().and_then(|p| p.starts_on)));
    let ends = RwSignal::new(day_input_value(start.as_ref().and_then(|p| p.ends_on)));
    let budget = RwSignal::new(
        start
            .as_ref()
            .and_then(|p| p.budget.as_ref())
            .map(|b| money_input_value(locale, b.amount_minor))
            .unwrap_or_default(),
    );
    let shared = RwSignal::new(start.as_ref().is_some_and(|p| p.budget_shared));
    let team =
        RwSignal::new(start.as_ref().map(|p| p.team.iter().map(|m| m.id).collect::<Vec<_>>()).unwrap_or_default());
    let former_team: Vec<StaffRef> = start.as_ref().map(|p| p.team.clone()).unwrap_or_default();
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let currency = StoredValue::new(currency);

    let read = move || -> Result<ProjectInput, Problem> {
        let budget = match budget.get_untracked().trim() {
            "" => None,
            typed => Some(Money {
                amount_minor: parse_money(typed).ok_or(Problem::Amount("budget"))?,
                currency: currency.get_value(),
            }),
        };
        Ok(ProjectInput {
            name: name.get_untracked().trim().to_owned(),
            kind: kind.get_untracked(),
            status: status.get_untracked(),
            starts_on: parse_day_input(&starts.get_untracked()).map_err(|_| Problem::Unreadable("starts_on"))?,
            ends_on: parse_day_input(&ends.get_untracked()).map_err(|_| Problem::Unreadable("ends_on"))?,
            budget,
            budget_shared: shared.get_untracked(),
            team: team.get_untracked(),
        })
    };

    let on_submit = submit_handler(pending, saved, problem, read, move |input: ProjectInput| {
        let request = async move {
            match project_id {
                Some(id) => api::projects::update(client, id, &input).await,
                None => api::projects::create(client, &input).await,
            }
        };
        send_form(pending, saved, problem, request, move |_| {
            if project_id.is_none() {
                for field in [name, starts, ends, budget] {
                    field.set(String::new());
                }
                shared.set(false);
                team.set(Vec::new());
            }
            on_saved.run(());
        });
    });

    let title = {
        let editing_name = start.as_ref().map(|p| p.name.clone());
        move || match &editing_name {
            Some(n) => crate::i18n::fill(i18n.t().projects().edit_project, &[n]),
            None => i18n.t().projects().new_project.to_owned(),
        }
    };
    view! {
        <div class="card" id="project-form-card" class:editing=project_id.is_some()>
            <h2 class="card-title">{title}</h2>
            <form id="project-form" class="form" on:submit=on_submit data-mode=if project_id.is_some() { "edit" } else { "new" }>
                <div class="form-grid">
                    <div class="field-wrap">
                        <TextField id="project-name" label=|t| t.projects().project_name value=name required=true maxlength=200
                            invalid=names_field(problem, "name") />
                        <FieldError field="name" problem=problem />
                    </div>
                    <EnumSelect id="project-kind" label=|t| t.projects().kind all=ProjectKind::ALL value=kind
                        as_str=ProjectKind::as_str parse=ProjectKind::parse name=crate::i18n::Texts::project_kind />
                    <EnumSelect id="project-status" label=|t| t.common().status all=ProjectStatus::ALL value=status
                        as_str=ProjectStatus::as_str parse=ProjectStatus::parse name=crate::i18n::Texts::project_status />
                    <div class="field-wrap">
                        <TextField id="project-starts-on" label=|t| t.projects().starts_on value=starts kind="date"
                            invalid=names_field(problem, "starts_on") />
                        <FieldError field="starts_on" problem=problem />
                    </div>
                    <div class="field-wrap">
                        <TextField id="project-ends-on" label=|t| t.projects().ends_on value=ends kind="date"
                            invalid=names_field(problem, "ends_on") />
                        <FieldError field="ends_on" problem=problem />
                    </div>
                    <div class="field-wrap">
                        <div class="field">
                            <label for="project-budget">{move || i18n.t().projects().budget_rub}</label>
                            <input id="project-budget" type="text" inputmode="decimal" autocomplete="off"
                                placeholder=move || i18n.t().projects().budget_placeholder
                                aria-invalid=move || names_field(problem, "budget").get().to_string()
                                bind:value=budget />
                        </div>
                        <FieldError field="budget" problem=problem />
                    </div>
                </div>
                <div class="field field-check">
                    <label class="check">
                        <input type="checkbox" id="project-budget-shared" bind:checked=shared />
                        <span>{move || i18n.t().projects().budget_shared}</span>
                    </label>
                    <p class="field-hint">{move || i18n.t().projects().budget_shared_hint}</p>
                </div>
                <TeamPicker team=team former=former_team />
                <FieldError field="team" problem=problem />
                <FormErrorExcept id="project-form-error" problem=problem inline=INLINE />
                <FormActions words=WORDS editing=project_id.is_some() pending=pending saved=saved on_close=on_cancel
                    submit_id="project-submit" close_id="project-cancel" />
            </form>
        </div>
    }
}

/// `fieldset#project-team`: a checkbox (`input.team-member`) per active colleague.
#[component]
fn TeamPicker(team: RwSignal<Vec<UserId>>, former: Vec<StaffRef>) -> impl IntoView {
    let i18n = use_i18n();
    let directory = LocalResource::new(api::staff::directory);
    let former = StoredValue::new(former);
    let people = move || {
        directory.get().map(|result| {
            result.map(|mut people: Vec<StaffMember>| {
                people.sort_by(|a, b| a.name.cmp(&b.name));
                let mut rows: Vec<(UserId, String, Option<String>)> =
                    people.into_iter().map(|m| (m.id, m.name, Some(i18n.t().staff_role(m.role).to_owned()))).collect();
                // Someone no longer active stays listed while they are on the team.
                for f in former.get_value() {
                    if !rows.iter().any(|(id, ..)| *id == f.id) {
                        rows.push((f.id, f.name, None));
                    }
                }
                rows
            })
        })
    };
    let toggle = move |id: UserId, on: bool| {
        team.update(|t| {
            t.retain(|m| *m != id);
            if on {
                t.push(id);
            }
        })
    };
    view! {
        <fieldset class="field team-field" id="project-team">
            <legend>{move || i18n.t().projects().team}</legend>
            <p class="field-hint">{move || i18n.t().projects().team_hint}</p>
            {move || match people() {
                None => view! { <p class="muted">{move || i18n.t().common().loading}</p> }.into_any(),
                Some(Err(e)) => view! { <crate::components::ErrorBanner error=e /> }.into_any(),
                Some(Ok(rows)) => view! {
                    <div class="team-options">
                        {rows.into_iter().map(|(id, name, role)| view! {
                            <label class="team-option">
                                <input type="checkbox" class="team-member" value=id.to_string()
                                    prop:checked=move || team.with(|t| t.contains(&id))
                                    on:change=move |ev| toggle(id, event_target_checked(&ev)) />
                                <span class="team-text">
                                    <span class="team-name">{name}</span>
                                    {role.map(|r| view! { <span class="team-role">{r}</span> })}
                                </span>
                            </label>
                        }).collect_view()}
                    </div>
                }.into_any(),
            }}
        </fieldset>
    }
}

/// A labelled `<select>` bound to an enumeration signal.
#[component]
fn EnumSelect<T>(
    id: &'static str,
    label: crate::components::form::Text,
    all: &'static [T],
    value: RwSignal<T>,
    as_str: fn(T) -> &'static str,
    parse: fn(&str) -> Option<T>,
    name: fn(&crate::i18n::Texts, T) -> &'static str,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{move || label(i18n.t())}</label>
            <select
                id=id
                prop:value=move || as_str(value.get())
                on:change=move |ev| {
                    if let Some(v) = parse(&event_target_value(&ev)) {
                        value.set(v);
                    }
                }
            >
                {all.iter().map(|&v| view! {
                    <option value=as_str(v) selected=move || value.get() == v>{move || name(i18n.t(), v)}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
