//! `#survey-settings`: the agency's survey settings (owners and admins). `form#survey-settings-form`:
//! the NPS question and its "why?" per class in Russian (`fieldset.nps-ru`) and English
//! (`fieldset.nps-en`); the CSI criteria (`li.criterion-row[data-key]`, each with both names, move
//! and remove; `button.add-criterion`; presets `button.criteria-preset[data-preset]` replace the
//! list); `#recontact-max`, `#followup-days` and `#save-survey-settings`.

use crate::api::surveys as api;
use crate::api::ApiError;
use crate::components::{async_view, shift_in, ErrorBanner, Notice};
use crate::i18n::{fill, use_i18n};
use accord_api::surveys::{
    CriteriaPreset, NpsTexts, SurveyCriterion, SurveySettings, SurveySettingsPage, MAX_CRITERIA,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// One criterion being edited; `id` keeps its inputs in place while others move.
#[derive(Clone, Copy)]
struct Row {
    id: u32,
    key: StoredValue<Option<String>>,
    name_ru: RwSignal<String>,
    name_en: RwSignal<String>,
}

/// The four texts of one language, editable.
#[derive(Clone, Copy)]
struct TextInputs {
    question: RwSignal<String>,
    why_detractor: RwSignal<String>,
    why_passive: RwSignal<String>,
    why_promoter: RwSignal<String>,
}

impl TextInputs {
    fn new(t: NpsTexts) -> Self {
        Self {
            question: RwSignal::new(t.question),
            why_detractor: RwSignal::new(t.why_detractor),
            why_passive: RwSignal::new(t.why_passive),
            why_promoter: RwSignal::new(t.why_promoter),
        }
    }

    fn get(&self) -> NpsTexts {
        NpsTexts {
            question: self.question.get_untracked().trim().to_owned(),
            why_detractor: self.why_detractor.get_untracked().trim().to_owned(),
            why_passive: self.why_passive.get_untracked().trim().to_owned(),
            why_promoter: self.why_promoter.get_untracked().trim().to_owned(),
        }
    }
}

fn complete(t: &NpsTexts) -> bool {
    [&t.question, &t.why_detractor, &t.why_passive, &t.why_promoter].iter().all(|s| !s.is_empty())
}

#[component]
pub fn SurveySettingsCard() -> impl IntoView {
    let i18n = use_i18n();
    let page = LocalResource::new(api::settings);
    view! {
        <div class="card" id="survey-settings">
            <h2 class="card-title">{move || i18n.t().surveys_staff().settings_title}</h2>
            <p class="card-hint">{move || fill(i18n.t().surveys_staff().settings_hint, &[&"{agency}"])}</p>
            {async_view(page, |p| view! { <SettingsForm page=p /> })}
        </div>
    }
}

#[component]
fn SettingsForm(page: SurveySettingsPage) -> impl IntoView {
    let i18n = use_i18n();
    let SurveySettingsPage { settings, presets, .. } = page;
    let built_in = RwSignal::new(settings.built_in);
    let ru = TextInputs::new(settings.nps_ru);
    let en = TextInputs::new(settings.nps_en);
    let next_id = StoredValue::new(0u32);
    let row = move |c: SurveyCriterion| {
        let id = next_id.get_value();
        next_id.set_value(id + 1);
        Row { id, key: StoredValue::new(c.key), name_ru: RwSignal::new(c.name_ru), name_en: RwSignal::new(c.name_en) }
    };
    let rows = RwSignal::new(settings.criteria.into_iter().map(row).collect::<Vec<_>>());
    let count = move || rows.with(Vec::len);
    let recontact = RwSignal::new(settings.recontact_max.to_string());
    let followup = RwSignal::new(settings.followup_days.to_string());
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let incomplete = RwSignal::new(false);
    let out_of_range = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        saved.set(false);
        let criteria: Vec<SurveyCriterion> = rows.with_untracked(|list| {
            list.iter()
                .map(|r| SurveyCriterion {
                    key: r.key.get_value(),
                    name_ru: r.name_ru.get_untracked().trim().to_owned(),
                    name_en: r.name_en.get_untracked().trim().to_owned(),
                })
                .collect()
        });
        let (nps_ru, nps_en) = (ru.get(), en.get());
        incomplete.set(
            !complete(&nps_ru)
                || !complete(&nps_en)
                || criteria.iter().any(|c| c.name_ru.is_empty() || c.name_en.is_empty()),
        );
        let recontact_max = recontact.get_untracked().trim().parse::<u8>().ok().filter(|n| (1..=12).contains(n));
        let followup_days = followup.get_untracked().trim().parse::<u8>().ok().filter(|n| *n <= 10);
        out_of_range.set(recontact_max.is_none() || followup_days.is_none());
        let (Some(recontact_max), Some(followup_days)) = (recontact_max, followup_days) else { return };
        if incomplete.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        let request = SurveySettings { nps_ru, nps_en, criteria, recontact_max, followup_days, built_in: false };
        spawn_local(async move {
            match api::save_settings(&request).await {
                Ok(fresh) => {
                    built_in.set(fresh.settings.built_in);
                    // New criteria got their keys: take the saved list back.
                    rows.set(fresh.settings.criteria.into_iter().map(row).collect());
                    saved.set(true);
                }
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    let shift = move |id: u32, step: isize| rows.update(|list| shift_in(list, |r| r.id == id, step));
    let preset_buttons = presets
        .into_iter()
        .map(|CriteriaPreset { key, criteria }| {
            let label = key.clone();
            let criteria = StoredValue::new(criteria);
            view! {
                <button type="button" class="btn btn-small btn-ghost criteria-preset" data-preset=key.clone()
                    on:click=move |_| rows.set(criteria.get_value().into_iter().map(row).collect())>
                    {move || if label == "five_p" {
                        i18n.t().surveys_staff().use_five_p
                    } else {
                        i18n.t().surveys_staff().use_default
                    }}
                </button>
            }
        })
        .collect_view();
    view! {
        <Show when=move || built_in.get()>
            <p class="field-hint survey-built-in">{move || i18n.t().surveys_staff().built_in}</p>
        </Show>
        <form id="survey-settings-form" class="form survey-settings-form" on:submit=on_submit novalidate=true
            on:input=move |_| saved.set(false)>
            <div class="nps-texts">
                <NpsFieldset inputs=ru lang="ru" legend=Signal::derive(move || i18n.t().surveys_staff().in_russian.to_owned()) />
                <NpsFieldset inputs=en lang="en" legend=Signal::derive(move || i18n.t().surveys_staff().in_english.to_owned()) />
            </div>
            <h3 class="card-subtitle">{move || i18n.t().surveys_staff().criteria_title}</h3>
            <p class="field-hint">{move || i18n.t().surveys_staff().criteria_hint}</p>
            <div class="row-buttons criteria-presets">
                <span class="field-hint">{move || i18n.t().surveys_staff().use_preset}</span>
                {preset_buttons}
            </div>
            <ol class="criteria-list">
                <For each=move || rows.get() key=|r| r.id let:r>
                    {
                        let id = r.id;
                        let position = move || rows.with(|list| list.iter().position(|x| x.id == id).unwrap_or(0));
                        view! {
                            <li class="criterion-row" data-key=r.key.get_value().unwrap_or_default()>
                                <span class="section-number">
                                    {move || fill(i18n.t().surveys_staff().criterion_number, &[&(position() + 1)])}
                                </span>
                                <input type="text" class="input criterion-ru" maxlength="200" autocomplete="off"
                                    aria-label=move || format!("{} ({})", i18n.t().surveys_staff().criterion_ru, position() + 1)
                                    placeholder=move || i18n.t().surveys_staff().criterion_ru
                                    aria-invalid=move || (incomplete.get() && r.name_ru.with(|t| t.trim().is_empty())).to_string()
                                    bind:value=r.name_ru />
                                <input type="text" class="input criterion-en" maxlength="200" autocomplete="off"
                                    aria-label=move || format!("{} ({})", i18n.t().surveys_staff().criterion_en, position() + 1)
                                    placeholder=move || i18n.t().surveys_staff().criterion_en
                                    aria-invalid=move || (incomplete.get() && r.name_en.with(|t| t.trim().is_empty())).to_string()
                                    bind:value=r.name_en />
                                <div class="section-buttons">
                                    <button type="button" class="btn btn-small btn-ghost move-criterion-up"
                                        aria-label=move || format!("{} ({})", i18n.t().surveys_staff().move_up, position() + 1)
                                        disabled=move || position() == 0 on:click=move |_| shift(id, -1)>"↑"</button>
                                    <button type="button" class="btn btn-small btn-ghost move-criterion-down"
                                        aria-label=move || format!("{} ({})", i18n.t().surveys_staff().move_down, position() + 1)
                                        disabled=move || { position() + 1 >= count() } on:click=move |_| shift(id, 1)>"↓"</button>
                                    <button type="button" class="btn btn-small btn-ghost remove-criterion"
                                        aria-label=move || format!("{} ({})", i18n.t().surveys_staff().remove, position() + 1) disabled=move || { count() <= 1 }
                                        on:click=move |_| rows.update(|list| list.retain(|x| x.id != id))>"✕"</button>
                                </div>
                            </li>
                        }
                    }
                </For>
            </ol>
            <button type="button" class="btn btn-small add-criterion" disabled=move || { count() >= MAX_CRITERIA }
                on:click=move |_| {
                    let added = row(SurveyCriterion { key: None, name_ru: String::new(), name_en: String::new() });
                    rows.update(|list| list.push(added));
                }>
                "+ " {move || i18n.t().surveys_staff().add_criterion}
            </button>
            <div class="setting-row">
                <span class="setting-text">
                    <label class="setting-title" for="recontact-max">{move || i18n.t().surveys_staff().recontact_max}</label>
                    <span class="field-hint setting-hint">{move || i18n.t().surveys_staff().recontact_hint}</span>
                </span>
                <input type="number" id="recontact-max" min="1" max="12" class="input" style="width:5.5em"
                    aria-invalid=move || out_of_range.get().to_string()
                    prop:value=move || recontact.get() on:input=move |ev| recontact.set(event_target_value(&ev)) />
            </div>
            <div class="setting-row">
                <span class="setting-text">
                    <label class="setting-title" for="followup-days">{move || i18n.t().surveys_staff().followup_days}</label>
                    <span class="field-hint setting-hint">{move || i18n.t().surveys_staff().followup_hint}</span>
                </span>
                <input type="number" id="followup-days" min="0" max="10" class="input" style="width:5.5em"
                    aria-invalid=move || out_of_range.get().to_string()
                    prop:value=move || followup.get() on:input=move |ev| followup.set(event_target_value(&ev)) />
            </div>
            <Show when=move || incomplete.get()>
                <p class="form-error" role="alert">{move || i18n.t().surveys_staff().fill_everything}</p>
            </Show>
            <Show when=move || out_of_range.get()>
                <p class="form-error" role="alert">{move || i18n.t().surveys_staff().out_of_range}</p>
            </Show>
            {move || error.get().map(|e| view! { <ErrorBanner error=e /> })}
            <div class="form-actions form-actions-start">
                <button type="submit" id="save-survey-settings" class="btn btn-primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t().common().saving } else { i18n.t().surveys_staff().save }}
                </button>
                <Show when=move || saved.get()>
                    <Notice text=Signal::derive(move || i18n.t().surveys_staff().saved.to_owned()) />
                </Show>
            </div>
        </form>
    }
}

/// The NPS question and the three "why?" texts of one language.
#[component]
fn NpsFieldset(inputs: TextInputs, lang: &'static str, legend: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let field = move |name: &'static str, label: fn(&crate::i18n::Texts) -> &'static str, value: RwSignal<String>| {
        let id = format!("nps-{lang}-{name}");
        view! {
            <div class="field">
                <label for=id.clone()>{move || label(i18n.t())}</label>
                <input id=id type="text" class="input" maxlength="300" autocomplete="off" lang=lang bind:value=value />
            </div>
        }
    };
    view! {
        <fieldset class=format!("nps-fieldset nps-{lang}")>
            <legend>{move || legend.get()}</legend>
            {field("question", |t| t.surveys_staff().question, inputs.question)}
            {field("why-detractor", |t| t.surveys_staff().why_detractor, inputs.why_detractor)}
            {field("why-passive", |t| t.surveys_staff().why_passive, inputs.why_passive)}
            {field("why-promoter", |t| t.surveys_staff().why_promoter, inputs.why_promoter)}
        </fieldset>
    }
}
