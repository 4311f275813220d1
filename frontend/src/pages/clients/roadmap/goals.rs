//! `#roadmap-goals`: a `.goal` card per goal (figures, `.goal-progress`, `svg.goal-sparkline`,
//! and for editors `.goal-value-form`, edit and delete), then `form.goal-form`, which adds a
//! goal or edits the one chosen.

use super::problem::{names, Problem, ProblemLine};
use super::shared::{follow_row, number_input_value, parse_number, GoalFigures};
use super::Roadmap;
use crate::api::{self, ApiError};
use crate::components::charts::today;
use crate::components::{
    delete_action, send_form, submit_handler, DeleteConfirm, EmptyState, ErrorBanner, FormActions, FormWords, Notice,
    RowActions,
};
use crate::i18n::{day_input_value, fill, parse_day_input, use_i18n};
use accord_api::roadmap::{GoalInput, GoalView, NewGoalValue};
use accord_api::GoalId;
use leptos::prelude::*;

#[component]
pub fn GoalsCard(roadmap: Roadmap) -> impl IntoView {
    let i18n = use_i18n();
    let state = roadmap.view;
    let editing = RwSignal::new(None::<GoalView>);
    let deleted = RwSignal::new(false);
    let ids = move || state.with(|r| r.goals.iter().map(|g| g.id).collect::<Vec<_>>());
    let count = move || state.with(|r| r.goals.len());
    let on_edit = Callback::new(move |goal: GoalView| {
        deleted.set(false);
        editing.set(Some(goal));
        if let Some(form) = document().get_element_by_id("goal-form") {
            form.scroll_into_view();
        }
    });
    let on_deleted = Callback::new(move |id: GoalId| {
        state.update(|r| r.goals.retain(|g| g.id != id));
        if editing.with_untracked(|e| e.as_ref().is_some_and(|g| g.id == id)) {
            editing.set(None);
        }
        deleted.set(true);
    });
    view! {
        <div class="card roadmap-card" id="roadmap-goals">
            <div class="roadmap-card-head">
                <h2 class="card-title">
                    {move || i18n.t().roadmap().goals_title}
                    <Show when=move || { count() > 0 }>
                        <span class="count-pill">{count}</span>
                    </Show>
                </h2>
            </div>
            <Show when=move || { count() == 0 }>
                <EmptyState title=|t| t.roadmap().goals_empty_title hint=|t| t.roadmap().goals_empty_hint />
            </Show>
            <div class="goals">
                <For each=ids key=|id| *id let(id)>
                    <GoalCard roadmap=roadmap id=id on_edit=on_edit on_deleted=on_deleted />
                </For>
            </div>
            <Show when=move || deleted.get()>
                <Notice text=Signal::derive(move || i18n.t().roadmap().goal_deleted.to_owned()) />
            </Show>
            <Show when=move || roadmap.can_edit.get()>
                // Re-created when another goal is chosen, so the fields start from it.
                {move || view! {
                    <GoalForm roadmap=roadmap editing=editing.get()
                        on_close=Callback::new(move |_| editing.set(None)) />
                }}
            </Show>
        </div>
    }
}

#[component]
fn GoalCard(roadmap: Roadmap, id: GoalId, on_edit: Callback<GoalView>, on_deleted: Callback<GoalId>) -> impl IntoView {
    let i18n = use_i18n();
    let state = roadmap.view;
    let Some(goal) = follow_row(state, move |r| r.goals.iter().find(|g| g.id == id).cloned()) else {
        return ().into_any();
    };
    let confirming = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let client = roadmap.client;
    let delete = delete_action(
        pending,
        error,
        move || api::roadmap::delete_goal(client, id),
        Callback::new(move |_| on_deleted.run(id)),
    );
    let unit = move || goal.with(|g| g.unit.clone());
    view! {
        <article class="goal" data-id=id.to_string()>
            <div class="goal-head">
                <div class="goal-heading">
                    <h3 class="goal-name">{move || goal.with(|g| g.name.clone())}</h3>
                    <Show when=move || !unit().trim().is_empty()>
                        <span class="goal-unit">{unit}</span>
                    </Show>
                </div>
                <RowActions kind="goal" can_edit=roadmap.can_edit confirming=confirming
                    on_edit=Callback::new(move |_| on_edit.run(goal.get_untracked())) />
            </div>
            <DeleteConfirm kind="goal" confirming=confirming pending=pending on_confirm=delete
                text=Signal::derive(move || fill(i18n.t().roadmap().goal_delete_confirm, &[&goal.with(|g| g.name.clone())])) />
            {move || error.get().map(|e| view! { <ErrorBanner error=e /> })}
            <GoalFigures goal=goal />
            <Show when=move || roadmap.can_edit.get()>
                <GoalValueForm roadmap=roadmap id=id />
            </Show>
        </article>
    }
    .into_any()
}

/// The number typed into the input named `field`, which must not be left empty.
fn required_number(field: &'static str, value: RwSignal<String>) -> Result<f64, Problem> {
    let typed = value.get_untracked();
    if typed.trim().is_empty() {
        return Err(Problem::Missing(field));
    }
    parse_number(&typed).ok_or(Problem::Number(field))
}

/// `form.goal-value-form`: `input[name=value]`, `input[name=measured_on]` (today by default).
#[component]
fn GoalValueForm(roadmap: Roadmap, id: GoalId) -> impl IntoView {
    let i18n = use_i18n();
    let value = RwSignal::new(String::new());
    let measured_on = RwSignal::new(day_input_value(Some(today())));
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let read = move || -> Result<NewGoalValue, Problem> {
        let number = required_number("value", value)?;
        let day = parse_day_input(&measured_on.get_untracked()).ok().flatten().ok_or(Problem::Date("measured_on"))?;
        Ok(NewGoalValue { value: number, measured_on: day })
    };
    let on_submit = submit_handler(pending, saved, problem, read, move |input: NewGoalValue| {
        let (client, state) = (roadmap.client, roadmap.view);
        let request = async move { api::roadmap::add_goal_value(client, id, &input).await };
        send_form(pending, saved, problem, request, move |fresh: GoalView| {
            state.update(|r| {
                if let Some(g) = r.goals.iter_mut().find(|g| g.id == id) {
                    *g = fresh;
                }
            });
            value.set(String::new());
        });
    });
    let value_id = format!("goal-value-{id}");
    let day_id = format!("goal-measured-on-{id}");
    view! {
        <form class="goal-value-form" on:submit=on_submit title=move || i18n.t().roadmap().value_hint>
            <div class="field goal-value-field">
                <label for=value_id.clone()>{move || i18n.t().roadmap().value}</label>
                <input id=value_id type="text" name="value" inputmode="decimal" autocomplete="off"
                    aria-invalid=names(problem, "value") bind:value=value />
            </div>
            <div class="field goal-day-field">
                <label for=day_id.clone()>{move || i18n.t().roadmap().measured_on}</label>
                <input id=day_id type="date" name="measured_on" required=true
                    aria-invalid=names(problem, "measured_on") bind:value=measured_on />
            </div>
            <button type="submit" class="btn btn-small record-value" disabled=move || pending.get()>
                {move || if pending.get() { i18n.t().common().saving } else { i18n.t().roadmap().record_value }}
            </button>
        </form>
        <ProblemLine problem=problem />
        <Show when=move || saved.get()>
            <Notice text=Signal::derive(move || i18n.t().roadmap().value_recorded.to_owned()) />
        </Show>
    }
}

/// The goal form's buttons and notices.
const WORDS: FormWords = FormWords {
    add: |t| t.roadmap().goal_add,
    save: |t| t.common().save,
    created: |t| t.roadmap().goal_created,
    saved: |t| t.roadmap().goal_saved,
};

/// `form.goal-form` (`#goal-form`): a new goal, or the chosen one (`data-mode="edit"`).
#[component]
fn GoalForm(roadmap: Roadmap, editing: Option<GoalView>, on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale_untracked();
    let goal_id = editing.as_ref().map(|g| g.id);
    let editing_name = editing.as_ref().map(|g| g.name.clone());
    let name = RwSignal::new(editing.as_ref().map(|g| g.name.clone()).unwrap_or_default());
    let unit = RwSignal::new(editing.as_ref().map(|g| g.unit.clone()).unwrap_or_default());
    let baseline = RwSignal::new(editing.as_ref().map(|g| number_input_value(locale, g.baseline)).unwrap_or_default());
    let target = RwSignal::new(editing.as_ref().map(|g| number_input_value(locale, g.target)).unwrap_or_default());
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);

    let read = move || -> Result<GoalInput, Problem> {
        let title = name.get_untracked().trim().to_owned();
        if title.is_empty() {
            return Err(Problem::Missing("name"));
        }
        Ok(GoalInput {
            name: title,
            unit: unit.get_untracked().trim().to_owned(),
            baseline: required_number("baseline", baseline)?,
            target: required_number("target", target)?,
        })
    };
    let on_submit = submit_handler(pending, saved, problem, read, move |input: GoalInput| {
        let (client, state) = (roadmap.client, roadmap.view);
        let request = async move {
            match goal_id {
                Some(id) => api::roadmap::update_goal(client, id, &input).await,
                None => api::roadmap::create_goal(client, &input).await,
            }
        };
        send_form(pending, saved, problem, request, move |fresh: GoalView| {
            state.update(|r| match r.goals.iter_mut().find(|g| g.id == fresh.id) {
                Some(g) => *g = fresh,
                None => r.goals.push(fresh),
            });
            if goal_id.is_none() {
                for field in [name, unit, baseline, target] {
                    field.set(String::new());
                }
            }
        });
    });
    let title = move || match &editing_name {
        Some(n) => fill(i18n.t().roadmap().goal_edit, &[n]),
        None => i18n.t().roadmap().goal_new.to_owned(),
    };
    let field = move |field: &'static str, value: RwSignal<String>| {
        let id = format!("goal-form-{field}");
        let label = move || match field {
            "name" => i18n.t().roadmap().goal_name,
            "unit" => i18n.t().roadmap().goal_unit,
            "baseline" => i18n.t().roadmap().goal_baseline_field,
            _ => i18n.t().roadmap().goal_target_field,
        };
        let placeholder = move || match field {
            "name" => Some(i18n.t().roadmap().goal_name_placeholder),
            "unit" => Some(i18n.t().roadmap().goal_unit_placeholder),
            _ => None,
        };
        let numeric = matches!(field, "baseline" | "target");
        view! {
            <div class=format!("field goal-field-{field}")>
                <label for=id.clone()>{label}</label>
                <input id=id type="text" name=field autocomplete="off"
                    inputmode=numeric.then_some("decimal")
                    maxlength=if field == "name" { "200" } else { "40" }
                    required=matches!(field, "name" | "baseline" | "target")
                    placeholder=placeholder
                    aria-invalid=names(problem, field) bind:value=value />
            </div>
        }
    };
    view! {
        <div class="goal-form-wrap" class:editing=goal_id.is_some()>
            <h3 class="roadmap-form-title">{title}</h3>
            <form id="goal-form" class="form goal-form" on:submit=on_submit
                data-mode=if goal_id.is_some() { "edit" } else { "new" }>
                <div class="form-grid goal-form-grid">
                    {field("name", name)}
                    {field("unit", unit)}
                    {field("baseline", baseline)}
                    {field("target", target)}
                </div>
                <ProblemLine problem=problem />
                <FormActions words=WORDS close_class="cancel-goal-edit" editing=goal_id.is_some() pending=pending saved=saved on_close=on_close />
            </form>
        </div>
    }
}
