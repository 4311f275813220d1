//! The questions of the survey form: `#survey-nps` (the score as `.nps-score[data-score]` radio
//! buttons 0–10, then `#survey-why` labelled for the chosen score's class), `#survey-csi` (per
//! criterion, importance and satisfaction as `.rating[data-criterion][data-kind][data-value]`
//! 1–10) and `#survey-extras`; each with the line saying what is missing or refused there.

use super::parts::Part;
use crate::components::form::Text;
use crate::i18n::{use_i18n, Texts};
use accord_api::surveys::{ExtraKind, FormCriterion, FormExtra, NpsClass, NpsTexts};
use leptos::prelude::*;

/// One criterion's two ratings on screen.
#[derive(Clone, Copy)]
pub struct Rating {
    pub importance: RwSignal<Option<u8>>,
    pub satisfaction: RwSignal<Option<u8>>,
}

/// Which marks the parts show: the gaps a submit found, and the part a 422 named.
#[derive(Clone, Copy)]
pub struct Flags {
    pub missing: Memo<Vec<Part>>,
    pub server_part: Memo<Option<Part>>,
}

impl Flags {
    fn missing(&self, part: &Part) -> bool {
        self.missing.with(|m| m.contains(part))
    }

    fn named(&self, part: &Part) -> bool {
        self.server_part.with(|p| p.as_ref() == Some(part))
    }
}

/// `#survey-nps`: the question, `.nps-score[data-score]` 0–10, and `#survey-why` once a score
/// is chosen, labelled for that score's class.
#[component]
pub fn NpsPart(texts: NpsTexts, nps: RwSignal<Option<u8>>, why: RwSignal<String>, flags: Flags) -> impl IntoView {
    let i18n = use_i18n();
    let had_why = !why.get_untracked().trim().is_empty();
    let question = texts.question.clone();
    let why_label = move || match nps.get().and_then(NpsClass::of) {
        Some(NpsClass::Detractor) => texts.why_detractor.clone(),
        Some(NpsClass::Passive) => texts.why_passive.clone(),
        Some(NpsClass::Promoter) => texts.why_promoter.clone(),
        None => i18n.t().portal_surveys().why_generic.to_owned(),
    };
    let score_flagged = move || flags.missing(&Part::Nps) || flags.named(&Part::Nps);
    view! {
        <section class="card survey-part survey-nps" id="survey-nps" class:flagged=score_flagged>
            <h2 class="survey-question" id="survey-nps-question">{question}</h2>
            <div class="scale scale-11" role="radiogroup" aria-labelledby="survey-nps-question"
                aria-describedby="survey-nps-ends" aria-invalid=move || score_flagged().to_string()>
                <Scale name="nps" low=0 high=10 value=nps kind=ScaleKind::Nps />
            </div>
            <p class="scale-ends" id="survey-nps-ends" aria-hidden="true">
                <span>{move || i18n.t().portal_surveys().nps_low}</span>
                <span>{move || i18n.t().portal_surveys().nps_high}</span>
            </p>
            <PartError part=Part::Nps flags=flags missing=|t| t.portal_surveys().missing_nps invalid=|t| t.portal_surveys().bad_nps />
            <Show when=move || had_why || nps.get().is_some()>
                <div class="field survey-why-field">
                    <label for="survey-why">{why_label.clone()}</label>
                    <textarea id="survey-why" name="why" rows="4" maxlength="5000" bind:value=why
                        aria-invalid=move || flags.named(&Part::Why).to_string()></textarea>
                    <p class="field-hint">{move || i18n.t().portal_surveys().why_hint}</p>
                    <PartError part=Part::Why flags=flags missing=|t| t.portal_surveys().bad_text invalid=|t| t.portal_surveys().bad_text />
                </div>
            </Show>
        </section>
    }
}

/// `#survey-csi`: each criterion (`li.survey-criterion[data-criterion]`) with its importance and
/// satisfaction rows.
#[component]
pub fn CsiPart(criteria: Vec<FormCriterion>, ratings: Vec<(String, Rating)>, flags: Flags) -> impl IntoView {
    let i18n = use_i18n();
    let rows = criteria
        .into_iter()
        .zip(ratings)
        .enumerate()
        .map(|(i, (criterion, (_, rating)))| view! { <CriterionRow index=i criterion=criterion rating=rating flags=flags /> })
        .collect_view();
    view! {
        <section class="card survey-part survey-csi" id="survey-csi">
            <h2 class="survey-question">{move || i18n.t().portal_surveys().csi_title}</h2>
            <p class="section-hint">{move || i18n.t().portal_surveys().csi_hint}</p>
            <p class="scale-ends scale-ends-top" aria-hidden="true">
                <span>{move || i18n.t().portal_surveys().scale_low}</span>
                <span>{move || i18n.t().portal_surveys().scale_high}</span>
            </p>
            <PartError part=Part::Csi flags=flags missing=|t| t.portal_surveys().bad_rating invalid=|t| t.portal_surveys().bad_rating />
            <ol class="survey-criteria">{rows}</ol>
        </section>
    }
}

#[component]
fn CriterionRow(index: usize, criterion: FormCriterion, rating: Rating, flags: Flags) -> impl IntoView {
    let i18n = use_i18n();
    let part = Part::Criterion(criterion.key.clone());
    let flag_part = part.clone();
    let flagged = move || flags.missing(&flag_part) || flags.named(&flag_part);
    let id = format!("survey-criterion-{index}");
    let name_id = format!("{id}-name");
    let row = |kind: ScaleKind, value: RwSignal<Option<u8>>, label: Text| {
        let label_id = format!("{id}-{}", kind.as_str());
        let flagged = flagged.clone();
        let unset = move || flagged() && value.get().is_none();
        view! {
            <div class="survey-rating" data-kind=kind.as_str()>
                <p class="survey-rating-label" id=label_id.clone()>{move || label(i18n.t())}</p>
                <div class="scale scale-10" role="radiogroup" aria-labelledby=format!("{name_id} {label_id}")
                    aria-invalid=move || unset().to_string()>
                    <Scale name=format!("{}-{index}", kind.as_str()) low=1 high=10 value=value kind=kind
                        criterion=criterion.key.clone() />
                </div>
            </div>
        }
    };
    let importance = row(ScaleKind::Importance, rating.importance, |t| t.portal_surveys().importance);
    let satisfaction = row(ScaleKind::Satisfaction, rating.satisfaction, |t| t.portal_surveys().satisfaction);
    view! {
        <li class="survey-criterion" id=id.clone() data-criterion=criterion.key.clone() class:flagged=flagged>
            <h3 class="survey-criterion-name" id=name_id.clone()>{criterion.name.clone()}</h3>
            <div class="survey-ratings">{importance}{satisfaction}</div>
            <PartError part=part flags=flags missing=|t| t.portal_surveys().missing_rating invalid=|t| t.portal_surveys().bad_rating />
        </li>
    }
}

/// `#survey-extras`: a text box or a radio list (`.survey-option[data-option]`, the option's
/// index is what is sent) per question.
#[component]
pub fn ExtrasPart(extras: Vec<FormExtra>, values: Vec<(String, RwSignal<String>)>, flags: Flags) -> impl IntoView {
    let i18n = use_i18n();
    let questions = extras
        .into_iter()
        .zip(values)
        .enumerate()
        .map(|(i, (extra, (_, value)))| {
            let id = format!("survey-extra-{i}");
            let part = Part::Extra(extra.key.clone());
            let named = {
                let part = part.clone();
                move || flags.named(&part).to_string()
            };
            let (bad, body) = match extra.kind {
                ExtraKind::Text => (
                    (|t: &'static Texts| t.portal_surveys().bad_text) as Text,
                    view! {
                        <label for=id.clone() class="survey-extra-question">{extra.text.clone()}</label>
                        <textarea id=id.clone() name=id.clone() rows="3" maxlength="5000" bind:value=value aria-invalid=named></textarea>
                    }
                    .into_any(),
                ),
                ExtraKind::Choice => {
                    let options = extra.options.iter().enumerate().map(|(o, label)| {
                        let o = o.to_string();
                        let (data, checked, picked) = (o.clone(), o.clone(), o.clone());
                        view! {
                            <label class="check survey-option" data-option=data>
                                <input type="radio" name=id.clone() value=o prop:checked=move || value.get() == checked
                                    on:change=move |_| value.set(picked.clone()) />
                                <span>{label.clone()}</span>
                            </label>
                        }
                    });
                    (
                        (|t: &'static Texts| t.portal_surveys().bad_choice) as Text,
                        view! {
                            <p class="survey-extra-question" id=id.clone()>{extra.text.clone()}</p>
                            <div class="survey-choice" role="radiogroup" aria-labelledby=id.clone() aria-invalid=named>
                                {options.collect_view()}
                            </div>
                        }
                        .into_any(),
                    )
                }
            };
            view! {
                <div class="field survey-extra" data-extra=extra.key.clone() data-kind=extra.kind.as_str()>
                    {body}
                    <PartError part=part flags=flags missing=bad invalid=bad />
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="card survey-part survey-extras" id="survey-extras">
            <h2 class="survey-question">{move || i18n.t().portal_surveys().extras_title}</h2>
            <p class="section-hint">{move || i18n.t().portal_surveys().extras_hint}</p>
            {questions}
        </section>
    }
}

/// The line under a part: what a submit found missing there, or what the server refused.
#[component]
fn PartError(part: Part, flags: Flags, missing: Text, invalid: Text) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let text = if flags.missing(&part) {
            missing
        } else if flags.named(&part) {
            invalid
        } else {
            return None;
        };
        Some(view! { <p class="field-error survey-part-error" role="alert">{move || text(i18n.t())}</p> })
    }
}

/// Which scale a row of radio buttons is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ScaleKind {
    Nps,
    Importance,
    Satisfaction,
}

impl ScaleKind {
    fn as_str(self) -> &'static str {
        match self {
            ScaleKind::Nps => "nps",
            ScaleKind::Importance => "importance",
            ScaleKind::Satisfaction => "satisfaction",
        }
    }
}

/// One row of radio inputs from `low` to `high`, each inside its button-like label:
/// `.nps-score[data-score]` for NPS, `.rating[data-criterion][data-kind][data-value]` otherwise;
/// the chosen one is `.selected` (and its input `:checked`).
#[component]
fn Scale(
    #[prop(into)] name: String,
    low: u8,
    high: u8,
    value: RwSignal<Option<u8>>,
    kind: ScaleKind,
    #[prop(optional)] criterion: Option<String>,
) -> impl IntoView {
    (low..=high)
        .map(|n| {
            let selected = move || value.get() == Some(n);
            let nps = kind == ScaleKind::Nps;
            let class = match NpsClass::of(n).filter(|_| nps) {
                Some(class) => format!("scale-option nps-score nps-{}", class.as_str()),
                None => "scale-option rating".to_owned(),
            };
            view! {
                <label class=class class:selected=selected
                    data-score=nps.then(|| n.to_string())
                    data-criterion=criterion.clone()
                    data-kind=(!nps).then_some(kind.as_str())
                    data-value=(!nps).then(|| n.to_string())>
                    <input type="radio" name=name.clone() value=n.to_string() prop:checked=selected
                        on:change=move |_| value.set(Some(n)) />
                    <span class="scale-number">{n}</span>
                </label>
            }
        })
        .collect_view()
}
