//! `#report-editor`: the draft editor — the title, then each section (`li.section-input`: its
//! title, Markdown text, "hide from the client", move up and down, remove), a free section to
//! add, and `#save-report`, which sends the version the editor loaded. Read-only people see the
//! sections as they read.

use super::ReportCtx;
use crate::api::reports as api;
use crate::api::ApiError;
use crate::components::Notice;
use crate::i18n::{fill, use_i18n};
use crate::pages::report_parts::{section_kind_label, staff_error_text};
use accord_api::error::Code;
use accord_api::reports::{ReportInput, ReportView, SectionInput, SectionKind};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The most sections a report may have (the server's rule too).
const MAX_SECTIONS: usize = 12;

/// One section being edited; the key keeps each input in place while others move.
#[derive(Clone, Copy)]
struct SectionRow {
    key: u32,
    kind: SectionKind,
    title: RwSignal<String>,
    body: RwSignal<String>,
    hidden: RwSignal<bool>,
}

/// What the editor holds, set from a [`ReportView`] (again after each save).
#[derive(Clone, Copy)]
struct Draft {
    title: RwSignal<String>,
    sections: RwSignal<Vec<SectionRow>>,
    next_key: StoredValue<u32>,
}

/// Why the draft was not sent.
#[derive(Clone, Debug, PartialEq)]
enum Problem {
    Title,
    SectionTitle,
    Count,
    Api(ApiError),
}

/// What the draft says, as the server would store it (the saved state to compare with).
fn saved_state(r: &ReportView) -> (String, Vec<SectionInput>) {
    let sections = r
        .sections
        .iter()
        .map(|s| SectionInput { kind: s.kind, title: s.title.clone(), body: s.body.markdown.clone(), hidden: s.hidden })
        .collect();
    (r.summary.title.clone(), sections)
}

impl Draft {
    fn new(r: &ReportView) -> Self {
        let draft = Draft {
            title: RwSignal::new(String::new()),
            sections: RwSignal::new(Vec::new()),
            next_key: StoredValue::new(0),
        };
        draft.reset(r);
        draft
    }

    fn row(&self, kind: SectionKind, title: String, body: String, hidden: bool) -> SectionRow {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        SectionRow { key, kind, title: RwSignal::new(title), body: RwSignal::new(body), hidden: RwSignal::new(hidden) }
    }

    fn reset(&self, r: &ReportView) {
        let (title, sections) = saved_state(r);
        self.title.set(title);
        let rows = sections.into_iter().map(|s| self.row(s.kind, s.title, s.body, s.hidden)).collect();
        self.sections.set(rows);
    }

    /// The draft as typed (tracked: the "unsaved changes" check follows it).
    fn current(&self) -> (String, Vec<SectionInput>) {
        let sections = self.sections.with(|rows| {
            rows.iter()
                .map(|row| SectionInput {
                    kind: row.kind,
                    title: row.title.get(),
                    body: row.body.get(),
                    hidden: row.hidden.get(),
                })
                .collect()
        });
        (self.title.get(), sections)
    }

    fn read(&self, version: u32) -> Result<ReportInput, Problem> {
        let (title, sections) = untrack(|| self.current());
        let title = title.trim().to_owned();
        if title.is_empty() {
            return Err(Problem::Title);
        }
        if sections.is_empty() || sections.len() > MAX_SECTIONS {
            return Err(Problem::Count);
        }
        let sections: Vec<SectionInput> =
            sections.into_iter().map(|s| SectionInput { title: s.title.trim().to_owned(), ..s }).collect();
        if sections.iter().any(|s| s.title.is_empty()) {
            return Err(Problem::SectionTitle);
        }
        Ok(ReportInput { version, title, sections })
    }

    fn add_free(&self) {
        let row = self.row(SectionKind::Free, String::new(), String::new(), false);
        self.sections.update(|rows| {
            if rows.len() < MAX_SECTIONS {
                rows.push(row);
            }
        });
    }

    /// Moves the section `key` by `step` places (−1 up, +1 down), if there is room.
    fn shift(&self, key: u32, step: isize) {
        self.sections.update(|rows| crate::components::shift_in(rows, |r| r.key == key, step));
    }
}

#[component]
pub fn EditorCard(ctx: ReportCtx) -> impl IntoView {
    let i18n = use_i18n();
    let can_edit = ctx.can_edit();
    view! {
        <div class="card" id="report-editor">
            <h2 class="card-title">{move || i18n.t().reports_staff().editor_title}</h2>
            {move || {
                // A reload from the server starts the form over.
                ctx.loads.track();
                if can_edit.get() {
                    view! { <EditorForm ctx=ctx /> }.into_any()
                } else {
                    view! { <ReadOnlySections ctx=ctx /> }.into_any()
                }
            }}
        </div>
    }
}

/// The saved draft as it reads, for people who may not change it.
#[component]
fn ReadOnlySections(ctx: ReportCtx) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let sections = ctx.report.with(|r| r.sections.clone());
        view! {
            <div class="report-sections">
                {sections.into_iter().map(|s| {
                    let kind = s.kind;
                    view! {
                        <section class="report-section" class:section-hidden=s.hidden data-kind=kind.as_str()>
                            <div class="report-section-head">
                                <h3 class="report-section-title">{s.title.clone()}</h3>
                                <span class="section-kind muted">{move || section_kind_label(i18n.t(), kind)}</span>
                                {s.hidden.then(|| view! {
                                    <span class="badge badge-grey hidden-badge">{move || i18n.t().reports_staff().hidden_badge}</span>
                                })}
                            </div>
                            <div class="rich-text report-section-html" inner_html=s.body.html.clone()></div>
                        </section>
                    }
                }).collect_view()}
            </div>
        }
    }
}

#[component]
fn EditorForm(ctx: ReportCtx) -> impl IntoView {
    let i18n = use_i18n();
    let draft = Draft::new(&ctx.report.get_untracked());
    let saved_text = Memo::new(move |_| ctx.report.with(saved_state));
    Effect::new(move |_| {
        let dirty = draft.current() != saved_text.get();
        if ctx.dirty.get_untracked() != dirty {
            ctx.dirty.set(dirty);
        }
    });
    on_cleanup(move || ctx.dirty.set(false));
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let problem = RwSignal::new(None::<Problem>);
    let count = move || draft.sections.with(Vec::len);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        saved.set(false);
        let input = match draft.read(ctx.report.with_untracked(|r| r.version)) {
            Ok(input) => input,
            Err(p) => return problem.set(Some(p)),
        };
        pending.set(true);
        problem.set(None);
        spawn_local(async move {
            match api::save(ctx.id, &input).await {
                Ok(fresh) => {
                    draft.reset(&fresh);
                    ctx.report.set(fresh);
                    saved.set(true);
                }
                Err(e) if e.is(Code::StaleVersion) => {
                    ctx.stale.set(true);
                    window().scroll_to_with_x_and_y(0.0, 0.0);
                }
                Err(e) => problem.set(Some(Problem::Api(e))),
            }
            pending.set(false);
        });
    };

    view! {
        <form id="report-form" class="form report-form" on:submit=on_submit novalidate=true>
            <div class="field">
                <label for="report-title-input">{move || i18n.t().reports().field_title}</label>
                <input id="report-title-input" name="title" type="text" required=true maxlength="200" autocomplete="off"
                    aria-invalid=move || (problem.get() == Some(Problem::Title)).to_string() bind:value=draft.title />
            </div>
            <fieldset class="form-section">
                <legend>{move || i18n.t().reports_staff().sections_title}</legend>
                <ol id="report-sections" class="section-inputs">
                    <For each=move || draft.sections.get() key=|row| row.key let:row>
                        <SectionInputRow draft=draft row=row count=Signal::derive(count)
                            flag_empty=Signal::derive(move || problem.get() == Some(Problem::SectionTitle)) />
                    </For>
                </ol>
                <button type="button" id="add-section" class="btn btn-small" disabled=move || { count() >= MAX_SECTIONS }
                    on:click=move |_| draft.add_free()>
                    "+ " {move || i18n.t().reports_staff().add_section}
                </button>
            </fieldset>
            {move || problem.get().map(|p| {
                let text = move || {
                    let t = i18n.t();
                    match &p {
                        Problem::Title => t.reports_staff().title_required.to_owned(),
                        Problem::SectionTitle => t.reports_staff().section_title_required.to_owned(),
                        Problem::Count => t.reports_staff().sections_limit.to_owned(),
                        Problem::Api(e) => staff_error_text(t, e),
                    }
                };
                view! { <p id="report-error" class="form-error" role="alert">{text}</p> }
            })}
            <div class="form-actions form-actions-start">
                <button type="submit" id="save-report" class="btn btn-primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t().common().saving } else { i18n.t().reports_staff().save_draft }}
                </button>
                <Show when=move || saved.get() && !ctx.dirty.get()>
                    <Notice text=Signal::derive(move || i18n.t().reports_staff().draft_saved.to_owned()) />
                </Show>
            </div>
        </form>
    }
}

/// `li.section-input[data-kind]`: one section's fields and its buttons.
#[component]
fn SectionInputRow(
    draft: Draft,
    row: SectionRow,
    count: Signal<usize>,
    /// Marks an empty title (after a save refused for one).
    flag_empty: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let key = row.key;
    let kind = row.kind;
    let position = move || draft.sections.with(|rows| rows.iter().position(|r| r.key == key).unwrap_or(0));
    let (title_id, body_id, hidden_id) =
        (format!("section-title-{key}"), format!("section-body-{key}"), format!("section-hidden-{key}"));
    let hidden_for = hidden_id.clone();
    view! {
        <li class="section-input" data-kind=kind.as_str() class:section-hidden=move || row.hidden.get()>
            <div class="section-input-head">
                <span class="section-number">{move || fill(i18n.t().reports_staff().section_number, &[&(position() + 1)])}</span>
                <span class="section-kind muted">{move || section_kind_label(i18n.t(), kind)}</span>
                <div class="section-buttons">
                    <button type="button" class="btn btn-small btn-ghost move-section-up"
                        title=move || i18n.t().reports_staff().move_up aria-label=move || i18n.t().reports_staff().move_up
                        disabled=move || position() == 0 on:click=move |_| draft.shift(key, -1)>
                        "↑"
                    </button>
                    <button type="button" class="btn btn-small btn-ghost move-section-down"
                        title=move || i18n.t().reports_staff().move_down aria-label=move || i18n.t().reports_staff().move_down
                        disabled=move || { position() + 1 >= count.get() } on:click=move |_| draft.shift(key, 1)>
                        "↓"
                    </button>
                    <button type="button" class="btn btn-small btn-ghost remove-section"
                        title=move || i18n.t().reports_staff().remove_section aria-label=move || i18n.t().reports_staff().remove_section
                        disabled=move || { count.get() <= 1 }
                        on:click=move |_| draft.sections.update(|rows| rows.retain(|r| r.key != key))>
                        "✕"
                    </button>
                </div>
            </div>
            <div class="field">
                <label for=title_id.clone()>{move || i18n.t().reports_staff().section_title}</label>
                <input id=title_id type="text" name="section_title" maxlength="200" autocomplete="off"
                    aria-invalid=move || (flag_empty.get() && row.title.with(|t| t.trim().is_empty())).to_string()
                    bind:value=row.title />
            </div>
            <div class="field">
                <label for=body_id.clone()>{move || i18n.t().reports_staff().section_body}</label>
                <textarea id=body_id name="section_body" rows="6" maxlength="50000" bind:value=row.body></textarea>
                <p class="field-hint markdown-hint">{move || i18n.t().reports_staff().body_hint}</p>
            </div>
            <label class="check section-hidden-check" for=hidden_for title=move || i18n.t().reports_staff().hidden_hint>
                <input type="checkbox" id=hidden_id name="section_hidden" prop:checked=move || row.hidden.get()
                    on:change=move |ev| row.hidden.set(event_target_checked(&ev)) />
                {move || i18n.t().reports_staff().hidden}
            </label>
        </li>
    }
}
