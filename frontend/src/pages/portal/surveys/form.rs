//! The survey form a contact answers, the same in the portal and from the e-mailed link: NPS as
//! eleven radio buttons with the "why?" worded for the chosen score's class, each CSI criterion's
//! importance and satisfaction (1–10), the extra questions; "save and finish later" and "submit".
//! The parts a submit needs are checked here first; the server's 422 is shown by the part its
//! `field` names. The page makes the calls and reports back through [`FormStatus`].

use super::parts::{missing_parts, part_named, Part};
use super::questions::{CsiPart, ExtrasPart, Flags, NpsPart, Rating};
use crate::api::ApiError;
use crate::components::Notice;
use crate::i18n::{error_text, fill, format_date, use_i18n};
use accord_api::error::Code;
use accord_api::surveys::{AnswerInput, ExtraAnswer, RatingInput, SurveyForm};
use leptos::prelude::*;

/// What the form is sending, if anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sending {
    Draft,
    Answer,
}

/// How a save or a submit is going; the page that makes the call sets it.
#[derive(Clone, Copy)]
pub struct FormStatus {
    pub sending: RwSignal<Option<Sending>>,
    pub problem: RwSignal<Option<ApiError>>,
    /// The last "save and finish later" succeeded (until the next call).
    pub saved: RwSignal<bool>,
}

impl Default for FormStatus {
    fn default() -> Self {
        FormStatus { sending: RwSignal::new(None), problem: RwSignal::new(None), saved: RwSignal::new(false) }
    }
}

impl FormStatus {
    /// A call starts: the last outcome goes.
    pub fn start(&self, what: Sending) {
        self.sending.set(Some(what));
        self.problem.set(None);
        self.saved.set(false);
    }

    /// A call failed for a reason the form shows (by the part it names, or under the buttons).
    pub fn failed(&self, error: ApiError) {
        self.sending.set(None);
        self.problem.set(Some(error));
    }
}

/// What the contact has chosen and written so far (started from the saved draft).
#[derive(Clone)]
struct Answers {
    nps: RwSignal<Option<u8>>,
    why: RwSignal<String>,
    ratings: Vec<(String, Rating)>,
    extras: Vec<(String, RwSignal<String>)>,
}

impl Answers {
    fn from_draft(form: &SurveyForm) -> Self {
        let draft = &form.draft;
        let ratings = form
            .criteria
            .iter()
            .map(|c| {
                let saved = draft.ratings.iter().find(|r| r.key == c.key);
                let rating = Rating {
                    importance: RwSignal::new(saved.and_then(|r| r.importance)),
                    satisfaction: RwSignal::new(saved.and_then(|r| r.satisfaction)),
                };
                (c.key.clone(), rating)
            })
            .collect();
        let extras = form
            .extras
            .iter()
            .map(|e| {
                let saved = draft.extras.iter().find(|a| a.key == e.key).map(|a| a.value.clone());
                (e.key.clone(), RwSignal::new(saved.unwrap_or_default()))
            })
            .collect();
        Answers {
            nps: RwSignal::new(draft.nps.filter(|n| *n <= 10)),
            why: RwSignal::new(draft.why.clone()),
            ratings,
            extras,
        }
    }

    fn input(&self) -> AnswerInput {
        AnswerInput {
            nps: self.nps.get_untracked(),
            why: self.why.get_untracked().trim().to_owned(),
            ratings: self
                .ratings
                .iter()
                .map(|(key, r)| RatingInput {
                    key: key.clone(),
                    importance: r.importance.get_untracked(),
                    satisfaction: r.satisfaction.get_untracked(),
                })
                .collect(),
            extras: self
                .extras
                .iter()
                .map(|(key, value)| ExtraAnswer { key: key.clone(), value: value.get_untracked().trim().to_owned() })
                .filter(|a| !a.value.is_empty())
                .collect(),
        }
    }

    /// The parts a submit still needs, as the contact fills them in.
    fn missing(&self, asks_nps: bool) -> Vec<Part> {
        let ratings: Vec<_> =
            self.ratings.iter().map(|(key, r)| (key.as_str(), r.importance.get(), r.satisfaction.get())).collect();
        missing_parts(asks_nps, self.nps.get(), &ratings)
    }
}

/// `form#survey-form`: the survey's head, its parts, and `#survey-submit` / `#survey-save`.
/// `via_link` words the saved note for the e-mailed link (open it again) rather than the portal.
#[component]
pub fn SurveyFormView(
    form: SurveyForm,
    status: FormStatus,
    on_save: Callback<AnswerInput>,
    on_submit: Callback<AnswerInput>,
    #[prop(optional)] via_link: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let answers = StoredValue::new(Answers::from_draft(&form));
    let asks_nps = form.nps.is_some();
    // Set by the first submit that found gaps; the marks then follow the answers live.
    let tried = RwSignal::new(false);
    let missing =
        Memo::new(move |_| if tried.get() { answers.with_value(|a| a.missing(asks_nps)) } else { Vec::new() });
    let keys = StoredValue::new((
        form.criteria.iter().map(|c| c.key.clone()).collect::<Vec<_>>(),
        form.extras.iter().map(|e| e.key.clone()).collect::<Vec<_>>(),
    ));
    // The part the server's 422 names (`Whole` when it names none this form knows).
    let server_part = Memo::new(move |_| {
        status.problem.with(|p| {
            p.as_ref().filter(|e| e.is(Code::ValidationFailed)).map(|e| {
                keys.with_value(|(criteria, extras)| {
                    part_named(e.field.as_deref().unwrap_or_default(), criteria, extras)
                })
            })
        })
    });
    let flags = Flags { missing, server_part };

    let on_form_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if status.sending.get_untracked().is_some() {
            return;
        }
        tried.set(true);
        if let Some(first) = missing.get_untracked().first() {
            let anchor = keys.with_value(|(criteria, _)| anchor_of(first, criteria));
            focus_first_input(&anchor);
            return;
        }
        on_submit.run(answers.with_value(Answers::input));
    };
    let save = move |_| {
        if status.sending.get_untracked().is_none() {
            on_save.run(answers.with_value(Answers::input));
        }
    };
    let busy = move || status.sending.get().is_some();
    let form_error = move || {
        let shown_by_part = server_part.get().is_some_and(|p| p != Part::Whole);
        status.problem.get().filter(|_| !shown_by_part).map(|e| {
            view! { <p id="survey-error" class="form-error" role="alert">{move || error_text(i18n.t(), &e)}</p> }
        })
    };
    let gaps = move || missing.with(Vec::len) as u64;
    let a = answers.get_value();
    let (criteria, extras) = (form.criteria.clone(), form.extras.clone());
    view! {
        <SurveyHead form=form.clone() via_link=via_link />
        <form id="survey-form" class="form survey-form" novalidate=true on:submit=on_form_submit>
            {form.nps.clone().map(|texts| view! { <NpsPart texts=texts nps=a.nps why=a.why flags=flags /> })}
            {(!criteria.is_empty()).then(|| view! { <CsiPart criteria=criteria ratings=a.ratings.clone() flags=flags /> })}
            {(!extras.is_empty()).then(|| view! { <ExtrasPart extras=extras values=a.extras.clone() flags=flags /> })}
            <div class="survey-actions">
                <Show when=move || { gaps() > 0 }>
                    <p id="survey-missing" class="form-error" role="alert">
                        {move || i18n.t().portal_surveys().missing_summary.count(gaps())}
                    </p>
                </Show>
                {form_error}
                <div class="form-actions form-actions-start">
                    <button type="submit" id="survey-submit" class="btn btn-primary" disabled=busy>
                        {move || match status.sending.get() {
                            Some(Sending::Answer) => i18n.t().common().sending,
                            _ => i18n.t().portal_surveys().submit,
                        }}
                    </button>
                    <button type="button" id="survey-save" class="btn" disabled=busy on:click=save>
                        {move || match status.sending.get() {
                            Some(Sending::Draft) => i18n.t().common().saving,
                            _ => i18n.t().portal_surveys().save,
                        }}
                    </button>
                </div>
                <Show when=move || status.saved.get()>
                    <div id="survey-saved">
                        <Notice text=Signal::derive(move || {
                            let t = i18n.t().portal_surveys();
                            (if via_link { t.saved_link } else { t.saved_portal }).to_owned()
                        }) />
                    </div>
                </Show>
            </div>
        </form>
    }
}

/// The eyebrow (agency), the campaign's name, who gets the answer and until when it is open.
#[component]
fn SurveyHead(form: SurveyForm, via_link: bool) -> impl IntoView {
    let i18n = use_i18n();
    let (agency, closes) = (form.agency_name.clone(), form.closes_at);
    let agency_eyebrow = agency.clone();
    view! {
        <div class="portal-page-head survey-head">
            <p class="portal-eyebrow">{agency_eyebrow}</p>
            <h1 id="survey-title">{form.campaign_name.clone()}</h1>
            <p class="portal-intro">{move || fill(i18n.t().portal_surveys().form_intro, &[&agency])}</p>
            <p class="muted survey-closes">
                {move || fill(i18n.t().portal_surveys().open_until, &[&format_date(i18n.locale(), &closes)])}
            </p>
            {via_link.then(|| view! { <p class="muted survey-no-sign-in">{move || i18n.t().portal_surveys().link_no_sign_in}</p> })}
        </div>
    }
}

/// The element a missing part is marked on.
fn anchor_of(part: &Part, criteria: &[String]) -> String {
    match part {
        Part::Criterion(key) => match criteria.iter().position(|k| k == key) {
            Some(i) => format!("survey-criterion-{i}"),
            None => "survey-csi".to_owned(),
        },
        Part::Csi => "survey-csi".to_owned(),
        _ => "survey-nps".to_owned(),
    }
}

/// Moves the focus (and the view) to the first unchosen radio group inside `#{anchor}`.
fn focus_first_input(anchor: &str) {
    let Some(part) = document().get_element_by_id(anchor) else { return };
    // The first row with nothing chosen (`:has` where the browser knows it), else the first row.
    let target = part
        .query_selector("[role=radiogroup]:not(:has(input:checked)) input")
        .ok()
        .flatten()
        .or_else(|| part.query_selector("input").ok().flatten());
    part.scroll_into_view();
    if let Some(input) = target.and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok()) {
        // Focus cannot meaningfully fail here.
        let _ = input.focus();
    }
}
