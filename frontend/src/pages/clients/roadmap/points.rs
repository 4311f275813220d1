//! `#roadmap-points`: point A and point B as the server rendered them, and for those who may
//! change them an editor with two Markdown boxes.

use super::problem::{names, Problem, ProblemLine};
use super::shared::PointsPair;
use super::Roadmap;
use crate::api;
use crate::components::Notice;
use crate::i18n::{fill, format_date, use_i18n};
use accord_api::error::Code;
use accord_api::roadmap::{PointsInput, Seen};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// At most this many characters each (the server's limit).
const MAX_POINT: usize = 20_000;

#[component]
pub fn PointsCard(roadmap: Roadmap) -> impl IntoView {
    let i18n = use_i18n();
    let state = roadmap.view;
    let editing = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let empty = move || state.with(|r| r.point_a.markdown.trim().is_empty() && r.point_b.markdown.trim().is_empty());
    let start_editing = move |_| {
        saved.set(false);
        editing.set(true);
    };
    let edit_button = move || {
        (roadmap.can_edit.get() && !editing.get() && !empty()).then(|| {
            view! {
                <button type="button" class="btn btn-small edit-points" on:click=start_editing>
                    {move || i18n.t().common().edit}
                </button>
            }
        })
    };
    let changed = move || {
        state.with(|r| {
            let at = r.updated_at?;
            let day = format_date(i18n.locale(), &at);
            Some(match &r.updated_by {
                Some(by) => fill(i18n.t().roadmap().changed_by, &[&by.name, &day]),
                None => fill(i18n.t().roadmap().changed_on, &[&day]),
            })
        })
    };
    let body = move || {
        if editing.get() {
            return view! {
                <PointsForm roadmap=roadmap
                    on_done=Callback::new(move |was_saved: bool| {
                        editing.set(false);
                        saved.set(was_saved);
                    }) />
            }
            .into_any();
        }
        if empty() {
            return view! {
                <div class="empty-state points-empty">
                    <div class="points-empty-mark" aria-hidden="true">{move || i18n.t().roadmap().points_mark}</div>
                    <p class="empty-title">{move || i18n.t().roadmap().points_empty_title}</p>
                    <p class="empty-hint">{move || i18n.t().roadmap().points_empty_hint}</p>
                    <Show when=move || roadmap.can_edit.get()>
                        <button type="button" class="btn btn-primary edit-points" on:click=start_editing>
                            {move || i18n.t().roadmap().describe_points}
                        </button>
                    </Show>
                </div>
            }
            .into_any();
        }
        view! {
            <PointsPair
                point_a=Signal::derive(move || state.with(|r| r.point_a.clone()))
                point_b=Signal::derive(move || state.with(|r| r.point_b.clone())) />
            {move || changed().map(|text| view! { <p class="points-updated">{text}</p> })}
        }
        .into_any()
    };
    view! {
        <div class="card roadmap-card" id="roadmap-points">
            <div class="roadmap-card-head">
                <h2 class="card-title">{move || i18n.t().roadmap().points_title}</h2>
                {edit_button}
            </div>
            {body}
            <Show when=move || saved.get()>
                <Notice text=Signal::derive(move || i18n.t().roadmap().points_saved.to_owned()) />
            </Show>
        </div>
    }
}

/// `form.points-form`: `textarea[name=point_a]`, `textarea[name=point_b]`, `button.save-points`.
/// Calls `on_done(true)` once saved, `on_done(false)` on cancel.
#[component]
fn PointsForm(roadmap: Roadmap, on_done: Callback<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let state = roadmap.view;
    let point_a = RwSignal::new(state.with_untracked(|r| r.point_a.markdown.clone()));
    let point_b = RwSignal::new(state.with_untracked(|r| r.point_b.markdown.clone()));
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let stale = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let input = PointsInput {
            point_a: point_a.get_untracked(),
            point_b: point_b.get_untracked(),
            seen: Seen::of(state.with_untracked(|r| r.updated_at)),
        };
        pending.set(true);
        problem.set(None);
        let client = roadmap.client;
        spawn_local(async move {
            match api::roadmap::save_points(client, &input).await {
                Ok(fresh) => {
                    state.set(fresh);
                    on_done.run(true);
                }
                Err(e) => {
                    stale.set(e.is(Code::StaleVersion));
                    problem.set(Some(Problem::Api(e)));
                }
            }
            pending.set(false);
        });
    };
    // Someone saved meanwhile: load their version into the form (the editor chose to).
    // Saving waits while the reload is under way, so it cannot send the old text again.
    let reload = move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        let client = roadmap.client;
        spawn_local(async move {
            match api::roadmap::roadmap(client).await {
                Ok(fresh) => {
                    point_a.set(fresh.point_a.markdown.clone());
                    point_b.set(fresh.point_b.markdown.clone());
                    state.set(fresh);
                    stale.set(false);
                    problem.set(None);
                }
                Err(e) => problem.set(Some(Problem::Api(e))),
            }
            pending.set(false);
        });
    };
    let area = move |name: &'static str, value: RwSignal<String>| {
        let is_a = name == "point_a";
        let label = move || if is_a { i18n.t().roadmap().point_a } else { i18n.t().roadmap().point_b };
        let hint = move || if is_a { i18n.t().roadmap().point_a_hint } else { i18n.t().roadmap().point_b_hint };
        let placeholder =
            move || if is_a { i18n.t().roadmap().point_a_placeholder } else { i18n.t().roadmap().point_b_placeholder };
        let id = format!("roadmap-{}", name.replace('_', "-"));
        view! {
            <div class=format!("field point-field point-field-{name}")>
                <label for=id.clone()>
                    <span class="point-letter">{label}</span>
                    " — "
                    <span class="point-field-hint">{hint}</span>
                </label>
                <textarea id=id name=name rows="9" maxlength=MAX_POINT.to_string()
                    placeholder=placeholder
                    aria-invalid=names(problem, name)
                    bind:value=value></textarea>
            </div>
        }
    };
    view! {
        <form class="form points-form" id="points-form" on:submit=on_submit>
            <div class="points-edit-grid">
                {area("point_a", point_a)}
                {area("point_b", point_b)}
            </div>
            <p class="field-hint markdown-hint">{move || i18n.t().roadmap().markdown_hint}</p>
            <ProblemLine problem=problem />
            <Show when=move || stale.get()>
                <button type="button" class="btn btn-small reload-points" on:click=reload>
                    {move || i18n.t().roadmap().reload_points}
                </button>
            </Show>
            <div class="form-actions form-actions-start">
                <button type="submit" class="btn btn-primary save-points" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t().common().saving } else { i18n.t().roadmap().save_points }}
                </button>
                <button type="button" class="btn btn-ghost cancel-points" on:click=move |_| on_done.run(false)>
                    {move || i18n.t().common().cancel}
                </button>
            </div>
        </form>
    }
}
