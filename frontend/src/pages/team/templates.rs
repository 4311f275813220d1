//! `#report-templates`: the sections a new weekly or monthly draft starts with (owners and
//! admins). A kind switch (`button.template-kind[data-kind]`), then `form#template-form`: per
//! section (`li.template-section`) its kind, title and starting text, with move and remove, a
//! section to add, and `#save-template`.

use crate::api::reports as api;
use crate::api::ApiError;
use crate::components::{async_view, shift_in, Notice};
use crate::i18n::{fill, use_i18n};
use crate::pages::report_parts::{kind_label, section_kind_label, staff_error_text};
use accord_api::reports::{ReportTemplate, SectionKind, TemplateSection};
use accord_api::ReportCadence;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The most sections a template may have (the server's rule too).
const MAX_SECTIONS: usize = 12;

/// One section being edited; the key keeps each input in place while others move.
#[derive(Clone, Copy)]
struct Row {
    key: u32,
    kind: RwSignal<SectionKind>,
    title: RwSignal<String>,
    body: RwSignal<String>,
}

#[component]
pub fn ReportTemplatesCard() -> impl IntoView {
    let i18n = use_i18n();
    let kind = RwSignal::new(ReportCadence::Weekly);
    let template = LocalResource::new(move || api::template(kind.get()));
    let switch = ReportCadence::ALL
        .iter()
        .map(|&k| {
            view! {
                <button type="button" class="btn btn-small template-kind" data-kind=k.as_str()
                    class:btn-primary=move || kind.get() == k class:btn-ghost=move || kind.get() != k
                    aria-pressed=move || (kind.get() == k).to_string() on:click=move |_| kind.set(k)>
                    {move || kind_label(i18n.t(), k)}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="card" id="report-templates">
            <h2 class="card-title">{move || i18n.t().reports_staff().templates_title}</h2>
            <p class="card-hint">{move || i18n.t().reports_staff().templates_hint}</p>
            <div class="row-buttons template-kinds">{switch}</div>
            {async_view(template, |t| view! { <TemplateForm template=t /> })}
        </div>
    }
}

#[component]
fn TemplateForm(template: ReportTemplate) -> impl IntoView {
    let i18n = use_i18n();
    let kind = template.kind;
    let built_in = RwSignal::new(template.built_in);
    let next_key = StoredValue::new(0u32);
    let row = move |s: TemplateSection| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        Row { key, kind: RwSignal::new(s.kind), title: RwSignal::new(s.title), body: RwSignal::new(s.body) }
    };
    let rows = RwSignal::new(template.sections.into_iter().map(row).collect::<Vec<_>>());
    let count = move || rows.with(Vec::len);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let missing_title = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        saved.set(false);
        let sections: Vec<TemplateSection> = rows.with_untracked(|list| {
            list.iter()
                .map(|r| TemplateSection {
                    kind: r.kind.get_untracked(),
                    title: r.title.get_untracked().trim().to_owned(),
                    body: r.body.get_untracked(),
                })
                .collect()
        });
        missing_title.set(sections.iter().any(|s| s.title.is_empty()));
        if missing_title.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        let request = ReportTemplate { kind, sections, built_in: false };
        spawn_local(async move {
            match api::save_template(&request).await {
                Ok(fresh) => {
                    built_in.set(fresh.built_in);
                    saved.set(true);
                }
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    let shift = move |key: u32, step: isize| rows.update(|list| shift_in(list, |r| r.key == key, step));
    view! {
        <Show when=move || built_in.get()>
            <p class="field-hint template-built-in">{move || i18n.t().reports_staff().template_built_in}</p>
        </Show>
        <form id="template-form" class="form template-form" on:submit=on_submit novalidate=true data-kind=kind.as_str()>
            <ol class="section-inputs">
                <For each=move || rows.get() key=|r| r.key let:r>
                    {
                        let key = r.key;
                        let position = move || rows.with(|list| list.iter().position(|x| x.key == key).unwrap_or(0));
                        view! {
                            <li class="section-input template-section">
                                <div class="section-input-head">
                                    <span class="section-number">
                                        {move || fill(i18n.t().reports_staff().section_number, &[&(position() + 1)])}
                                    </span>
                                    <select name="section_kind" aria-label=move || i18n.t().reports_staff().template_kind
                                        prop:value=move || r.kind.get().as_str()
                                        on:change=move |ev| {
                                            if let Some(k) = SectionKind::parse(&event_target_value(&ev)) {
                                                r.kind.set(k);
                                            }
                                        }>
                                        {SectionKind::ALL.iter().map(|&k| view! {
                                            <option value=k.as_str() selected=move || r.kind.get() == k>
                                                {move || section_kind_label(i18n.t(), k)}
                                            </option>
                                        }).collect_view()}
                                    </select>
                                    <div class="section-buttons">
                                        <button type="button" class="btn btn-small btn-ghost move-section-up"
                                            aria-label=move || i18n.t().reports_staff().move_up
                                            disabled=move || position() == 0 on:click=move |_| shift(key, -1)>
                                            "↑"
                                        </button>
                                        <button type="button" class="btn btn-small btn-ghost move-section-down"
                                            aria-label=move || i18n.t().reports_staff().move_down
                                            disabled=move || { position() + 1 >= count() } on:click=move |_| shift(key, 1)>
                                            "↓"
                                        </button>
                                        <button type="button" class="btn btn-small btn-ghost remove-section"
                                            aria-label=move || i18n.t().reports_staff().remove_section
                                            disabled=move || { count() <= 1 }
                                            on:click=move |_| rows.update(|list| list.retain(|x| x.key != key))>
                                            "✕"
                                        </button>
                                    </div>
                                </div>
                                <div class="field">
                                    <label for=format!("template-title-{key}")>{move || i18n.t().reports_staff().section_title}</label>
                                    <input id=format!("template-title-{key}") type="text" name="section_title" maxlength="200" autocomplete="off"
                                        aria-invalid=move || (missing_title.get() && r.title.with(|t| t.trim().is_empty())).to_string()
                                        bind:value=r.title />
                                </div>
                                <div class="field">
                                    <label for=format!("template-body-{key}")>{move || i18n.t().reports_staff().template_start_text}</label>
                                    <textarea id=format!("template-body-{key}") name="section_body" rows="3" maxlength="50000" bind:value=r.body></textarea>
                                </div>
                            </li>
                        }
                    }
                </For>
            </ol>
            <button type="button" class="btn btn-small add-template-section" disabled=move || { count() >= MAX_SECTIONS }
                on:click=move |_| {
                    let added = row(TemplateSection { kind: SectionKind::Free, title: String::new(), body: String::new() });
                    rows.update(|list| list.push(added));
                }>
                "+ " {move || i18n.t().reports_staff().add_template_section}
            </button>
            <Show when=move || missing_title.get()>
                <p class="form-error" role="alert">{move || i18n.t().reports_staff().section_title_required}</p>
            </Show>
            {move || error.get().map(|e| view! {
                <p class="form-error template-error" role="alert">{move || staff_error_text(i18n.t(), &e)}</p>
            })}
            <div class="form-actions form-actions-start">
                <button type="submit" id="save-template" class="btn btn-primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t().common().saving } else { i18n.t().reports_staff().save_template }}
                </button>
                <Show when=move || saved.get()>
                    <Notice text=Signal::derive(move || i18n.t().reports_staff().template_saved.to_owned()) />
                </Show>
            </div>
        </form>
    }
}
