//! `form#service-form` (in `#service-form-card`): a new service, or the one chosen in the
//! catalogue (`data-mode="edit"`): name, description, the project kinds it fits
//! (`input.service-kind[value]`, none = any) and what it needs first
//! (`input.service-prereq[value=<service id>]`, every other service).

use super::{is_named, FieldProblem};
use crate::api::growth as api;
use crate::components::{send_form, submit_handler, FormActions, FormErrorExcept, FormWords, Problem, TextArea};
use crate::i18n::{fill, use_i18n};
use accord_api::growth::{ServiceInput, ServiceView};
use accord_api::{ProjectKind, ServiceId};
use leptos::prelude::*;

const INLINE: &[&str] = &["name", "description", "project_kinds", "prerequisites"];

const WORDS: FormWords = FormWords {
    add: |t| t.growth_catalogue().add_service,
    save: |t| t.common().save,
    created: |t| t.growth_catalogue().service_created,
    saved: |t| t.growth_catalogue().service_saved,
};

#[component]
pub fn ServiceForm(
    editing: Option<ServiceView>,
    all: Vec<ServiceView>,
    on_saved: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let start = editing.as_ref();
    let service_id = start.map(|s| s.id);
    let name = RwSignal::new(start.map(|s| s.name.clone()).unwrap_or_default());
    let description = RwSignal::new(start.map(|s| s.description.clone()).unwrap_or_default());
    let kinds = RwSignal::new(start.map(|s| s.project_kinds.clone()).unwrap_or_default());
    let prereqs =
        RwSignal::new(start.map(|s| s.prerequisites.iter().map(|p| p.id).collect::<Vec<_>>()).unwrap_or_default());
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let read = move || -> Result<ServiceInput, Problem> {
        Ok(ServiceInput {
            name: name.get_untracked().trim().to_owned(),
            description: description.get_untracked().trim().to_owned(),
            project_kinds: kinds.get_untracked(),
            prerequisites: prereqs.get_untracked(),
            position: None,
        })
    };
    let on_submit = submit_handler(pending, saved, problem, read, move |input: ServiceInput| {
        let request = async move {
            match service_id {
                Some(id) => api::update_service(id, &input).await,
                None => api::create_service(&input).await,
            }
        };
        send_form(pending, saved, problem, request, move |_| on_saved.run(()));
    });
    let heading = {
        let current = start.map(|s| s.name.clone());
        move || match &current {
            Some(n) => fill(i18n.t().growth_catalogue().edit_service, &[n]),
            None => i18n.t().growth_catalogue().new_service.to_owned(),
        }
    };
    let kind_boxes = ProjectKind::ALL
        .iter()
        .map(|&k| {
            view! {
                <label class="check check-inline">
                    <input type="checkbox" class="service-kind" value=k.as_str()
                        prop:checked=move || kinds.with(|ks| ks.contains(&k))
                        on:change=move |ev| toggle(kinds, k, event_target_checked(&ev)) />
                    <span>{move || i18n.t().project_kind(k)}</span>
                </label>
            }
        })
        .collect_view();
    let others: Vec<(ServiceId, String)> =
        all.into_iter().filter(|s| Some(s.id) != service_id).map(|s| (s.id, s.name)).collect();
    let prereq_boxes = if others.is_empty() {
        view! { <p class="muted">{move || i18n.t().growth_catalogue().no_other_services}</p> }.into_any()
    } else {
        others
            .into_iter()
            .map(|(id, label)| {
                view! {
                    <label class="check check-inline">
                        <input type="checkbox" class="service-prereq" value=id.to_string()
                            prop:checked=move || prereqs.with(|p| p.contains(&id))
                            on:change=move |ev| toggle(prereqs, id, event_target_checked(&ev)) />
                        <span>{label}</span>
                    </label>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <div class="card" id="service-form-card" class:editing=service_id.is_some()>
            <h2 class="card-title">{heading}</h2>
            <form id="service-form" class="form" on:submit=on_submit data-mode=if service_id.is_some() { "edit" } else { "new" }>
                <div class="field-wrap">
                    <div class="field">
                        <label for="service-name">{move || i18n.t().growth_catalogue().field_name}</label>
                        <input id="service-name" name="name" type="text" required=true maxlength="200" autocomplete="off"
                            placeholder=move || i18n.t().growth_catalogue().name_placeholder
                            aria-invalid=move || is_named(problem, "name").to_string() bind:value=name />
                    </div>
                    <FieldProblem field="name" label=|t| t.growth_catalogue().field_name problem=problem />
                </div>
                <div class="field-wrap">
                    <TextArea id="service-description" label=|t| t.growth_catalogue().field_description value=description
                        rows=2 maxlength=2000 />
                    <FieldProblem field="description" label=|t| t.growth_catalogue().field_description problem=problem />
                </div>
                <fieldset class="field check-group" id="service-kinds">
                    <legend>{move || i18n.t().growth_catalogue().field_kinds}</legend>
                    <div class="check-row">{kind_boxes}</div>
                    <p class="field-hint">{move || i18n.t().growth_catalogue().kinds_hint}</p>
                </fieldset>
                <fieldset class="field check-group" id="service-prereqs">
                    <legend>{move || i18n.t().growth_catalogue().field_prereqs}</legend>
                    <div class="check-row">{prereq_boxes}</div>
                    <p class="field-hint">{move || i18n.t().growth_catalogue().prereqs_hint}</p>
                    <FieldProblem field="prerequisites" label=|t| t.growth_catalogue().field_prereqs problem=problem />
                </fieldset>
                <FormErrorExcept id="service-form-error" problem=problem inline=INLINE />
                <FormActions words=WORDS editing=service_id.is_some() pending=pending saved=saved on_close=on_cancel
                    submit_id="service-submit" close_id="service-cancel" />
            </form>
        </div>
    }
}

/// Adds `value` to the list when checked, takes it out otherwise.
fn toggle<T: PartialEq + Send + Sync + 'static>(list: RwSignal<Vec<T>>, value: T, checked: bool) {
    list.update(|l| {
        l.retain(|v| *v != value);
        if checked {
            l.push(value);
        }
    });
}
