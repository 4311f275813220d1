//! `#roadmap-stages`: the stages on a time axis, a `.stage` row per stage (period, status,
//! `.stage-progress`, linked items; edit and delete for editors), then `form.stage-form`, which
//! adds a stage or edits the one chosen.

use super::problem::{names, Problem, ProblemLine};
use super::shared::{follow_row, stage_badge, stage_period, stage_status_label, stage_timeline, StageProgress};
use super::Roadmap;
use crate::api::{self, ApiError};
use crate::components::{
    delete_action, send_form, submit_handler, ChoiceSelect, DeleteConfirm, EmptyState, ErrorBanner, FormActions,
    FormWords, Notice, RowActions,
};
use crate::i18n::{day_input_value, fill, parse_day_input, use_i18n};
use crate::pages::backlog_parts::{Reader, StatusBadge};
use crate::routes::Route;
use accord_api::backlog::ItemRef;
use accord_api::roadmap::{StageInput, StageView};
use accord_api::{StageId, StageStatus};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn StagesCard(roadmap: Roadmap) -> impl IntoView {
    let i18n = use_i18n();
    let state = roadmap.view;
    let editing = RwSignal::new(None::<StageView>);
    let deleted = RwSignal::new(false);
    let count = move || state.with(|r| r.stages.len());
    let ids = move || state.with(|r| r.stages.iter().map(|s| s.id).collect::<Vec<_>>());
    let on_edit = Callback::new(move |stage: StageView| {
        deleted.set(false);
        editing.set(Some(stage));
        if let Some(form) = document().get_element_by_id("stage-form") {
            form.scroll_into_view();
        }
    });
    let on_deleted = Callback::new(move |id: StageId| {
        state.update(|r| r.stages.retain(|s| s.id != id));
        if editing.with_untracked(|e| e.as_ref().is_some_and(|s| s.id == id)) {
            editing.set(None);
        }
        deleted.set(true);
    });
    // The chart is drawn again whenever a stage changes; the rows below stay in place.
    let chart = move || {
        let stages = state.with(|r| r.stages.clone());
        (!stages.is_empty()).then(|| stage_timeline(stages, "", "roadmap-timeline", None))
    };
    view! {
        <div class="card roadmap-card" id="roadmap-stages">
            <div class="roadmap-card-head">
                <h2 class="card-title">
                    {move || i18n.t().roadmap().stages_title}
                    <Show when=move || { count() > 0 }>
                        <span class="count-pill">{count}</span>
                    </Show>
                </h2>
            </div>
            <Show when=move || { count() == 0 }>
                <EmptyState title=|t| t.roadmap().stages_empty_title hint=|t| t.roadmap().stages_empty_hint />
            </Show>
            {chart}
            <ol class="stages">
                <For each=ids key=|id| *id let(id)>
                    <StageRow roadmap=roadmap id=id on_edit=on_edit on_deleted=on_deleted />
                </For>
            </ol>
            <Show when=move || deleted.get()>
                <Notice text=Signal::derive(move || i18n.t().roadmap().stage_deleted.to_owned()) />
            </Show>
            <Show when=move || roadmap.can_edit.get()>
                {move || view! {
                    <StageForm roadmap=roadmap editing=editing.get()
                        on_close=Callback::new(move |_| editing.set(None)) />
                }}
            </Show>
        </div>
    }
}

#[component]
fn StageRow(
    roadmap: Roadmap,
    id: StageId,
    on_edit: Callback<StageView>,
    on_deleted: Callback<StageId>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = roadmap.view;
    let Some(stage) = follow_row(state, move |r| r.stages.iter().find(|s| s.id == id).cloned()) else {
        return ().into_any();
    };
    let confirming = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let client = roadmap.client;
    let delete = delete_action(
        pending,
        error,
        move || api::roadmap::delete_stage(client, id),
        Callback::new(move |_| on_deleted.run(id)),
    );
    let items = move || {
        let items = stage.with(|s| s.items.clone());
        if items.is_empty() {
            // The progress bar already says there are none; editors learn where to link them.
            return view! {
                <Show when=move || roadmap.can_edit.get()>
                    <p class="stage-no-items muted">{move || i18n.t().roadmap().no_items_hint}</p>
                </Show>
            }
            .into_any();
        }
        view! {
            <ul class="stage-items">
                {items.into_iter().map(|item| view! { <StageItem client=client item=item /> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <li class="stage" data-id=id.to_string() data-status=move || stage.with(|s| s.status.as_str())>
            <div class="stage-head">
                <div class="stage-heading">
                    <h3 class="stage-title">{move || stage.with(|s| s.title.clone())}</h3>
                    <p class="stage-period">{move || stage.with(|s| stage_period(i18n.locale(), i18n.t(), s))}</p>
                </div>
                {move || stage_badge(stage.with(|s| s.status))}
                <RowActions kind="stage" can_edit=roadmap.can_edit confirming=confirming
                    on_edit=Callback::new(move |_| on_edit.run(stage.get_untracked())) />
            </div>
            <DeleteConfirm kind="stage" confirming=confirming pending=pending on_confirm=delete
                text=Signal::derive(move || fill(i18n.t().roadmap().stage_delete_confirm, &[&stage.with(|s| s.title.clone())])) />
            {move || error.get().map(|e| view! { <ErrorBanner error=e /> })}
            <StageProgress stage=stage />
            {items}
        </li>
    }
    .into_any()
}

/// A linked backlog item: its title (to the item's page) and status.
#[component]
fn StageItem(client: accord_api::ClientId, item: ItemRef) -> impl IntoView {
    let href = Route::StaffBacklogItem(client, item.project_id, item.id).path();
    view! {
        <li class="stage-item" data-id=item.id.to_string() data-status=item.status.as_str()>
            <A href=href attr:class="stage-item-link">{item.title.clone()}</A>
            <StatusBadge status=item.status reader=Reader::Staff />
        </li>
    }
}

/// The stage form's buttons and notices.
const WORDS: FormWords = FormWords {
    add: |t| t.roadmap().stage_add,
    save: |t| t.common().save,
    created: |t| t.roadmap().stage_created,
    saved: |t| t.roadmap().stage_saved,
};

/// `form.stage-form` (`#stage-form`): a new stage, or the chosen one (`data-mode="edit"`).
#[component]
fn StageForm(roadmap: Roadmap, editing: Option<StageView>, on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let stage_id = editing.as_ref().map(|s| s.id);
    let editing_title = editing.as_ref().map(|s| s.title.clone());
    let title = RwSignal::new(editing.as_ref().map(|s| s.title.clone()).unwrap_or_default());
    let starts = RwSignal::new(day_input_value(editing.as_ref().map(|s| s.starts_on)));
    let ends = RwSignal::new(day_input_value(editing.as_ref().map(|s| s.ends_on)));
    let status = RwSignal::new(editing.as_ref().map_or(StageStatus::Planned, |s| s.status));
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);

    let read = move || -> Result<StageInput, Problem> {
        let text = title.get_untracked().trim().to_owned();
        if text.is_empty() {
            return Err(Problem::Missing("title"));
        }
        let day = |field: &'static str, value: RwSignal<String>| {
            parse_day_input(&value.get_untracked()).ok().flatten().ok_or(Problem::Date(field))
        };
        let (starts_on, ends_on) = (day("starts_on", starts)?, day("ends_on", ends)?);
        if ends_on < starts_on {
            return Err(Problem::EndBeforeStart);
        }
        Ok(StageInput { title: text, starts_on, ends_on, status: status.get_untracked() })
    };
    let on_submit = submit_handler(pending, saved, problem, read, move |input: StageInput| {
        let (client, state) = (roadmap.client, roadmap.view);
        let request = async move {
            match stage_id {
                Some(id) => api::roadmap::update_stage(client, id, &input).await,
                None => api::roadmap::create_stage(client, &input).await,
            }
        };
        send_form(pending, saved, problem, request, move |fresh: StageView| {
            state.update(|r| {
                match r.stages.iter_mut().find(|s| s.id == fresh.id) {
                    Some(s) => *s = fresh,
                    None => r.stages.push(fresh),
                }
                r.stages.sort_by_key(|s| (s.starts_on, s.ends_on));
            });
            if stage_id.is_none() {
                for field in [title, starts, ends] {
                    field.set(String::new());
                }
                status.set(StageStatus::Planned);
            }
        });
    });
    let heading = move || match &editing_title {
        Some(t) => fill(i18n.t().roadmap().stage_edit, &[t]),
        None => i18n.t().roadmap().stage_new.to_owned(),
    };
    view! {
        <div class="stage-form-wrap" class:editing=stage_id.is_some()>
            <h3 class="roadmap-form-title">{heading}</h3>
            <form id="stage-form" class="form stage-form" on:submit=on_submit
                data-mode=if stage_id.is_some() { "edit" } else { "new" }>
                <div class="form-grid stage-form-grid">
                    <div class="field stage-field-title">
                        <label for="stage-form-title">{move || i18n.t().roadmap().stage_title}</label>
                        <input id="stage-form-title" type="text" name="title" autocomplete="off" required=true
                            maxlength="200" placeholder=move || i18n.t().roadmap().stage_title_placeholder
                            aria-invalid=names(problem, "title") bind:value=title />
                    </div>
                    <div class="field">
                        <label for="stage-form-starts-on">{move || i18n.t().projects().starts_on}</label>
                        <input id="stage-form-starts-on" type="date" name="starts_on" required=true
                            aria-invalid=names(problem, "starts_on") bind:value=starts />
                    </div>
                    <div class="field">
                        <label for="stage-form-ends-on">{move || i18n.t().projects().ends_on}</label>
                        <input id="stage-form-ends-on" type="date" name="ends_on" required=true
                            aria-invalid=names(problem, "ends_on") bind:value=ends />
                    </div>
                    <div class="field">
                        <label for="stage-form-status">{move || i18n.t().common().status}</label>
                        <ChoiceSelect id="stage-form-status" name="status" value=status label=stage_status_label />
                    </div>
                </div>
                <ProblemLine problem=problem />
                <FormActions words=WORDS close_class="cancel-stage-edit" editing=stage_id.is_some() pending=pending saved=saved on_close=on_close />
            </form>
        </div>
    }
}
