//! A campaign's extra questions being edited: free-text ones and single-choice ones with their
//! options, each in Russian and English.

use crate::i18n::{fill, use_i18n};
use accord_api::surveys::{ExtraKind, ExtraQuestion};
use leptos::prelude::*;

/// At most this many options in a choice question (and at least `MIN_OPTIONS`).
const MAX_OPTIONS: usize = 10;
const MIN_OPTIONS: usize = 2;
/// At most this many extra questions per campaign (a survey stays short).
const MAX_EXTRAS: usize = 10;

/// One option of a choice question; `id` keeps its inputs in place while others go.
#[derive(Clone, Copy)]
struct OptionRow {
    id: u32,
    ru: RwSignal<String>,
    en: RwSignal<String>,
}

/// One extra question being edited.
#[derive(Clone, Copy)]
struct ExtraRow {
    id: u32,
    key: StoredValue<Option<String>>,
    kind: ExtraKind,
    text_ru: RwSignal<String>,
    text_en: RwSignal<String>,
    options: RwSignal<Vec<OptionRow>>,
}

/// The extra questions of a campaign form.
#[derive(Clone, Copy)]
pub struct Extras {
    rows: RwSignal<Vec<ExtraRow>>,
    next_id: StoredValue<u32>,
}

impl Extras {
    pub fn new(extras: Vec<ExtraQuestion>) -> Self {
        let state = Extras { rows: RwSignal::new(Vec::new()), next_id: StoredValue::new(0) };
        let rows = extras.into_iter().map(|q| state.row(q)).collect();
        state.rows.set(rows);
        state
    }

    fn id(&self) -> u32 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        id
    }

    fn option(&self, ru: String, en: String) -> OptionRow {
        OptionRow { id: self.id(), ru: RwSignal::new(ru), en: RwSignal::new(en) }
    }

    fn row(&self, q: ExtraQuestion) -> ExtraRow {
        let options = q.options_ru.into_iter().zip(q.options_en).map(|(ru, en)| self.option(ru, en)).collect();
        ExtraRow {
            id: self.id(),
            key: StoredValue::new(q.key),
            kind: q.kind,
            text_ru: RwSignal::new(q.text_ru),
            text_en: RwSignal::new(q.text_en),
            options: RwSignal::new(options),
        }
    }

    fn add(&self, kind: ExtraKind) {
        let blank = || if kind == ExtraKind::Choice { vec![String::new(); MIN_OPTIONS] } else { Vec::new() };
        let row = self.row(ExtraQuestion {
            key: None,
            kind,
            text_ru: String::new(),
            text_en: String::new(),
            options_ru: blank(),
            options_en: blank(),
        });
        self.rows.update(|list| list.push(row));
    }

    /// The questions as sent, or `None` while a text is blank or a choice has not 2–10 options.
    pub fn read(&self) -> Option<Vec<ExtraQuestion>> {
        let trimmed = |s: RwSignal<String>| s.get_untracked().trim().to_owned();
        let questions: Vec<ExtraQuestion> = self.rows.with_untracked(|rows| {
            rows.iter()
                .map(|r| {
                    let options: Vec<(String, String)> =
                        r.options.with_untracked(|o| o.iter().map(|o| (trimmed(o.ru), trimmed(o.en))).collect());
                    ExtraQuestion {
                        key: r.key.get_value(),
                        kind: r.kind,
                        text_ru: trimmed(r.text_ru),
                        text_en: trimmed(r.text_en),
                        options_ru: options.iter().map(|(ru, _)| ru.clone()).collect(),
                        options_en: options.into_iter().map(|(_, en)| en).collect(),
                    }
                })
                .collect()
        });
        let complete = |q: &ExtraQuestion| {
            let texts = !q.text_ru.is_empty() && !q.text_en.is_empty();
            let options = q.options_ru.iter().chain(&q.options_en).all(|o| !o.is_empty());
            let count = (MIN_OPTIONS..=MAX_OPTIONS).contains(&q.options_ru.len());
            texts && (q.kind == ExtraKind::Text || (options && count))
        };
        questions.iter().all(complete).then_some(questions)
    }
}

/// `#campaign-extras`: `li.extra-row[data-kind]` per question (`input.extra-text-ru`,
/// `input.extra-text-en`; a choice's `li.extra-option` with `input.extra-option-ru`,
/// `input.extra-option-en`, `button.remove-option`, then `button.add-option`;
/// `button.remove-extra`), then `#add-extra-text` and `#add-extra-choice`.
#[component]
pub fn ExtrasEditor(extras: Extras) -> impl IntoView {
    let i18n = use_i18n();
    let rows = extras.rows;
    let count = move || rows.with(Vec::len);
    view! {
        <div class="campaign-extras" id="campaign-extras">
            <ol class="extra-list">
                <For each=move || rows.get() key=|r| r.id let:r>
                    {
                        let id = r.id;
                        let position = move || rows.with(|list| list.iter().position(|x| x.id == id).unwrap_or(0)) + 1;
                        let kind_text = move || match r.kind {
                            ExtraKind::Text => i18n.t().surveys_staff().extra_kind_text,
                            ExtraKind::Choice => i18n.t().surveys_staff().extra_kind_choice,
                        };
                        view! {
                            <li class="extra-row" data-kind=r.kind.as_str()>
                                <div class="extra-head">
                                    <span class="section-number">
                                        {move || fill(i18n.t().surveys_staff().extra_number, &[&position()])}
                                        " · " {kind_text}
                                    </span>
                                    <button type="button" class="btn btn-small btn-danger-ghost remove-extra"
                                        on:click=move |_| rows.update(|list| list.retain(|x| x.id != id))>
                                        {move || i18n.t().surveys_staff().remove}
                                    </button>
                                </div>
                                <div class="extra-texts">
                                    {bilingual_input("extra-text", r.text_ru, r.text_en,
                                        |t| t.surveys_staff().question_ru, |t| t.surveys_staff().question_en)}
                                </div>
                                {(r.kind == ExtraKind::Choice).then(|| view! { <OptionsEditor extras=extras options=r.options /> })}
                            </li>
                        }
                    }
                </For>
            </ol>
            <div class="row-buttons extra-buttons">
                <button type="button" id="add-extra-text" class="btn btn-small" disabled=move || { count() >= MAX_EXTRAS }
                    on:click=move |_| extras.add(ExtraKind::Text)>
                    "+ " {move || i18n.t().surveys_staff().add_text_question}
                </button>
                <button type="button" id="add-extra-choice" class="btn btn-small" disabled=move || { count() >= MAX_EXTRAS }
                    on:click=move |_| extras.add(ExtraKind::Choice)>
                    "+ " {move || i18n.t().surveys_staff().add_choice_question}
                </button>
            </div>
        </div>
    }
}

#[component]
fn OptionsEditor(extras: Extras, options: RwSignal<Vec<OptionRow>>) -> impl IntoView {
    let i18n = use_i18n();
    let count = move || options.with(Vec::len);
    view! {
        <ol class="extra-options">
            <For each=move || options.get() key=|o| o.id let:o>
                {
                    let id = o.id;
                    view! {
                        <li class="extra-option">
                            {bilingual_input("extra-option", o.ru, o.en,
                                |t| t.surveys_staff().option_ru, |t| t.surveys_staff().option_en)}
                            <button type="button" class="btn btn-small btn-ghost remove-option"
                                aria-label=move || i18n.t().surveys_staff().remove disabled=move || { count() <= MIN_OPTIONS }
                                on:click=move |_| options.update(|list| list.retain(|x| x.id != id))>"✕"</button>
                        </li>
                    }
                }
            </For>
        </ol>
        <button type="button" class="btn btn-small btn-ghost add-option" disabled=move || { count() >= MAX_OPTIONS }
            on:click=move |_| {
                let added = extras.option(String::new(), String::new());
                options.update(|list| list.push(added));
            }>
            "+ " {move || i18n.t().surveys_staff().add_option}
        </button>
    }
}

/// Two text inputs side by side, `input.{class}-ru` and `input.{class}-en`.
fn bilingual_input(
    class: &'static str,
    ru: RwSignal<String>,
    en: RwSignal<String>,
    ru_label: crate::components::form::Text,
    en_label: crate::components::form::Text,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <input type="text" class=format!("input {class}-ru") lang="ru" maxlength="300" autocomplete="off"
            aria-label=move || ru_label(i18n.t()) placeholder=move || ru_label(i18n.t()) bind:value=ru />
        <input type="text" class=format!("input {class}-en") lang="en" maxlength="300" autocomplete="off"
            aria-label=move || en_label(i18n.t()) placeholder=move || en_label(i18n.t()) bind:value=en />
    }
}
