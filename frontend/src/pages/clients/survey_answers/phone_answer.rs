//! `form#phone-answer`: an answer taken on a call — `#phone-contact`, `#phone-date`,
//! `#phone-campaign`, the score (`button.nps-score[data-score]`), `#phone-why`, the criteria's
//! ratings (`button[data-criterion][data-kind=importance|satisfaction][data-value]`) and
//! `#phone-save`.

use crate::api::surveys as api;
use crate::api::{self as client_api, ApiError};
use crate::components::charts::today;
use crate::components::form::Text;
use crate::components::Notice;
use crate::i18n::{day_input_value, error_text, parse_day_input, use_i18n, Texts};
use crate::pages::surveys::class_label;
use accord_api::error::Code;
use accord_api::surveys::{AnswerInput, CampaignStatus, NpsClass, PhoneAnswer, RatingInput, SurveySettingsPage};
use accord_api::{ClientId, ContactId, Locale, SurveyCampaignId};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Why the phone answer was not accepted.
#[derive(Clone)]
enum FormProblem {
    Local(Text),
    Api(ApiError),
}

/// The server's `validation_failed` in this form's words where the field is known.
fn phone_error(t: &'static Texts, e: &ApiError) -> String {
    if !e.is(Code::ValidationFailed) {
        return error_text(t, e);
    }
    let words = t.surveys_staff();
    let text = match e.field.as_deref().unwrap_or_default() {
        "taken_on" => words.phone_date_range,
        "contact_id" => words.phone_bad_contact,
        "nps" | "answer.nps" => words.phone_need_score,
        _ => return error_text(t, e),
    };
    text.to_owned()
}

/// Sets one of a criterion's two ratings in `ratings` (keyed by criterion).
fn set_rating(ratings: &mut Vec<RatingInput>, key: &str, importance: bool, value: u8) {
    let index = match ratings.iter().position(|r| r.key == key) {
        Some(i) => i,
        None => {
            ratings.push(RatingInput { key: key.to_owned(), ..RatingInput::default() });
            ratings.len() - 1
        }
    };
    let slot = if importance { &mut ratings[index].importance } else { &mut ratings[index].satisfaction };
    *slot = Some(value);
}

/// The ratings to send (both given), or `Err` when a criterion has only one.
fn complete_ratings(ratings: &[RatingInput]) -> Result<Vec<RatingInput>, ()> {
    if ratings.iter().any(|r| r.importance.is_some() != r.satisfaction.is_some()) {
        return Err(());
    }
    Ok(ratings.iter().filter(|r| r.importance.is_some()).cloned().collect())
}

#[component]
pub fn PhoneAnswerForm(client: ClientId, on_saved: Callback<()>, on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let contacts = LocalResource::new(move || client_api::clients::contacts(client));
    let settings = LocalResource::new(api::settings);
    let campaigns = LocalResource::new(|| api::campaigns(1));
    let contact = RwSignal::new(None::<ContactId>);
    let day = RwSignal::new(day_input_value(Some(today())));
    let campaign = RwSignal::new(None::<SurveyCampaignId>);
    let score = RwSignal::new(None::<u8>);
    let why = RwSignal::new(String::new());
    let ratings = RwSignal::new(Vec::<RatingInput>::new());
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let problem = RwSignal::new(None::<FormProblem>);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        saved.set(false);
        let fail = |text: Text| problem.set(Some(FormProblem::Local(text)));
        let taken_on = match parse_day_input(&day.get_untracked()) {
            Ok(Some(d)) if d <= today() => d,
            Ok(Some(_)) => return fail(|t| t.errors().future),
            _ => return fail(|t| t.surveys_staff().phone_need_date),
        };
        let Ok(ratings_sent) = ratings.with_untracked(|r| complete_ratings(r)) else {
            return fail(|t| t.surveys_staff().phone_pair_incomplete);
        };
        let nps = score.get_untracked();
        if nps.is_none() && ratings_sent.is_empty() {
            return fail(|t| t.surveys_staff().phone_need_score);
        }
        let request = PhoneAnswer {
            contact_id: contact.get_untracked(),
            taken_on,
            campaign_id: campaign.get_untracked(),
            answer: AnswerInput {
                nps,
                why: why.get_untracked().trim().to_owned(),
                ratings: ratings_sent,
                extras: Vec::new(),
            },
        };
        pending.set(true);
        problem.set(None);
        spawn_local(async move {
            match api::record_phone_answer(client, &request).await {
                Ok(_) => {
                    score.set(None);
                    why.set(String::new());
                    ratings.set(Vec::new());
                    saved.set(true);
                    on_saved.run(());
                }
                Err(e) => problem.set(Some(FormProblem::Api(e))),
            }
            pending.set(false);
        });
    };

    let contact_options = move || {
        contacts
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter(|c| c.left_at.is_none())
            .map(|c| {
                let id = c.id;
                view! { <option value=id.to_string() selected=move || contact.get() == Some(id)>{c.name}</option> }
            })
            .collect_view()
    };
    let campaign_options = move || {
        let running = campaigns.get().and_then(Result::ok).map(|p| p.items).unwrap_or_default();
        running
            .into_iter()
            .filter(|c| c.status == CampaignStatus::Running)
            .map(|c| {
                let id = c.id;
                view! { <option value=id.to_string() selected=move || campaign.get() == Some(id)>{c.name}</option> }
            })
            .collect_view()
    };
    let why_hint = move || {
        let (class, page) = (score.get().and_then(NpsClass::of)?, settings.get()?.ok()?);
        Some(why_question(&page, i18n.locale(), class))
    };

    view! {
        <form id="phone-answer" class="form phone-answer" novalidate=true on:submit=on_submit>
            <p class="field-hint">{move || i18n.t().surveys_staff().phone_hint}</p>
            <div class="form-grid phone-grid">
                <div class="field">
                    <label for="phone-contact">{move || i18n.t().surveys_staff().phone_contact}</label>
                    <select id="phone-contact" prop:value=move || contact.get().map(|c| c.to_string()).unwrap_or_default()
                        on:change=move |ev| contact.set(event_target_value(&ev).parse().ok())>
                        <option value="" selected=move || contact.get().is_none()>{move || i18n.t().surveys_staff().no_contact}</option>
                        {contact_options}
                    </select>
                </div>
                <div class="field">
                    <label for="phone-date">{move || i18n.t().surveys_staff().phone_date}</label>
                    <input id="phone-date" type="date" required=true max=day_input_value(Some(today())) bind:value=day />
                </div>
                <div class="field">
                    <label for="phone-campaign">{move || i18n.t().surveys_staff().phone_campaign}</label>
                    <select id="phone-campaign" prop:value=move || campaign.get().map(|c| c.to_string()).unwrap_or_default()
                        on:change=move |ev| campaign.set(event_target_value(&ev).parse().ok())>
                        <option value="" selected=move || campaign.get().is_none()>{move || i18n.t().surveys_staff().no_campaign}</option>
                        {campaign_options}
                    </select>
                </div>
            </div>
            <fieldset class="form-section phone-nps">
                <legend>{move || i18n.t().surveys_staff().phone_nps}</legend>
                <div class="score-row" role="group">
                    {(0u8..=10).map(|n| {
                        let class = NpsClass::of(n).map_or("none", NpsClass::as_str);
                        view! {
                            <button type="button" class=format!("score-button nps-score score-{class}") data-score=n.to_string()
                                aria-pressed=move || (score.get() == Some(n)).to_string()
                                title=move || NpsClass::of(n).map(|c| class_label(i18n.t(), c))
                                on:click=move |_| score.set(Some(n))>{n}</button>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <div class="field">
                <label for="phone-why">{move || i18n.t().surveys_staff().phone_why}</label>
                <textarea id="phone-why" rows="3" maxlength="5000" bind:value=why></textarea>
                {move || why_hint().map(|q| view! { <p class="field-hint phone-why-question">{q}</p> })}
            </div>
            {move || settings.get().and_then(Result::ok).map(|page| view! { <CriteriaRatings page=page ratings=ratings /> })}
            {move || problem.get().map(|p| view! {
                <p class="form-error" id="phone-error" role="alert">
                    {move || match &p {
                        FormProblem::Local(text) => text(i18n.t()).to_owned(),
                        FormProblem::Api(e) => phone_error(i18n.t(), e),
                    }}
                </p>
            })}
            <div class="form-actions form-actions-start">
                <button type="submit" id="phone-save" class="btn btn-primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t().common().saving } else { i18n.t().surveys_staff().phone_save }}
                </button>
                <button type="button" id="phone-close" class="btn btn-ghost" on:click=move |_| on_close.run(())>
                    {move || i18n.t().common().close_edit}
                </button>
                <Show when=move || saved.get()>
                    <Notice text=Signal::derive(move || i18n.t().surveys_staff().phone_saved.to_owned()) />
                </Show>
            </div>
        </form>
    }
}

/// The agency's "why?" wording for a class, in the reader's language (what to ask on the call).
fn why_question(page: &SurveySettingsPage, locale: Locale, class: NpsClass) -> String {
    let texts = match locale {
        Locale::Ru => &page.settings.nps_ru,
        Locale::En => &page.settings.nps_en,
    };
    match class {
        NpsClass::Detractor => texts.why_detractor.clone(),
        NpsClass::Passive => texts.why_passive.clone(),
        NpsClass::Promoter => texts.why_promoter.clone(),
    }
}

/// `fieldset.phone-criteria`: per criterion (`.phone-criterion[data-key]`) a row of ten
/// importance buttons and a row of ten satisfaction buttons.
#[component]
fn CriteriaRatings(page: SurveySettingsPage, ratings: RwSignal<Vec<RatingInput>>) -> impl IntoView {
    let i18n = use_i18n();
    let criteria: Vec<(String, String, String)> =
        page.settings.criteria.into_iter().filter_map(|c| Some((c.key?, c.name_ru, c.name_en))).collect();
    if criteria.is_empty() {
        return ().into_any();
    }
    let row =
        move |key: String, importance: bool, kind_text: fn(&'static Texts) -> &'static str| {
            let kind = if importance { "importance" } else { "satisfaction" };
            let buttons = (1u8..=10)
            .map(|n| {
                let (key_here, key_set) = (key.clone(), key.clone());
                let pressed = move || {
                    ratings.with(|list| {
                        list.iter()
                            .find(|r| r.key == key_here)
                            .and_then(|r| if importance { r.importance } else { r.satisfaction })
                            == Some(n)
                    })
                };
                view! {
                    <button type="button" class="score-button rating-button" data-criterion=key.clone() data-kind=kind
                        data-value=n.to_string() aria-pressed=move || pressed().to_string()
                        on:click=move |_| ratings.update(|list| set_rating(list, &key_set, importance, n))>{n}</button>
                }
            })
            .collect_view();
            view! {
                <div class="rating-line" data-kind=kind>
                    <span class="rating-kind">{move || kind_text(i18n.t())}</span>
                    <div class="score-row" role="group">{buttons}</div>
                </div>
            }
        };
    let items = criteria
        .into_iter()
        .map(|(key, ru, en)| {
            let data_key = key.clone();
            view! {
                <div class="phone-criterion" data-key=data_key>
                    <p class="phone-criterion-name">{move || if i18n.locale() == Locale::Ru { ru.clone() } else { en.clone() }}</p>
                    {row(key.clone(), true, |t| t.surveys_staff().importance)}
                    {row(key, false, |t| t.surveys_staff().satisfaction)}
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="form-section phone-criteria">
            <legend>{move || i18n.t().surveys_staff().criteria_legend}</legend>
            <p class="field-hint">{move || i18n.t().surveys_staff().criteria_optional}</p>
            {items}
        </fieldset>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::{complete_ratings, set_rating};

    #[test]
    fn a_criterion_needs_both_ratings_or_none() {
        let mut ratings = Vec::new();
        set_rating(&mut ratings, "price", true, 7);
        assert!(complete_ratings(&ratings).is_err());
        set_rating(&mut ratings, "price", false, 9);
        set_rating(&mut ratings, "price", false, 8);
        let sent = complete_ratings(&ratings).unwrap();
        assert_eq!(sent.len(), 1);
        assert_eq!((sent[0].importance, sent[0].satisfaction), (Some(7), Some(8)));
    }
}
