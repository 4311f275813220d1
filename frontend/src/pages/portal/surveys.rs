//! `/portal/surveys` and `/portal/surveys/{invitation}`: the contact's open surveys
//! (`#survey-open`), their own past answers (`#survey-answered`), and answering one — resumable
//! from its saved draft, checked before it is sent, then `#survey-thanks`. The form itself
//! ([`SurveyFormView`]) is shared with the e-mailed link's page.

mod answered;
mod form;
mod parts;
mod questions;

pub use form::{FormStatus, Sending, SurveyFormView};

use crate::api::portal_surveys as api;
use crate::api::ApiError;
use crate::components::{async_view, ErrorBanner, Loading};
use crate::i18n::{fill, format_date, use_i18n};
use crate::routes::Route;
use accord_api::error::Code;
use accord_api::surveys::{AnswerInput, OpenSurvey, SurveyForm};
use accord_api::SurveyInvitationId;
use answered::AnsweredCard;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PortalSurveysPage() -> impl IntoView {
    let i18n = use_i18n();
    let surveys = LocalResource::new(api::list);
    view! {
        <section class="page portal-page portal-surveys-page" id="portal-surveys-page">
            <div class="portal-page-head">
                <h1>{move || i18n.t().portal_surveys().title}</h1>
                <p class="portal-intro">{move || i18n.t().portal_surveys().intro}</p>
            </div>
            {async_view(surveys, |s| view! {
                <OpenCard open=s.open />
                <AnsweredCard answered=s.answered />
            })}
        </section>
    }
}

/// `#survey-open`: `li.portal-survey[data-id][data-started]` with its closing date and an
/// "Answer" / "Continue" link (`.survey-answer-link`).
#[component]
fn OpenCard(open: Vec<OpenSurvey>) -> impl IntoView {
    let i18n = use_i18n();
    let count = open.len() as u64;
    let body = if open.is_empty() {
        view! {
            <div class="portal-empty" id="survey-none-open">
                <p class="empty-title">{move || i18n.t().portal_surveys().none_open}</p>
                <p class="empty-hint">{move || i18n.t().portal_surveys().none_open_hint}</p>
            </div>
        }
        .into_any()
    } else {
        view! { <ul class="portal-surveys">{open.into_iter().map(|s| view! { <OpenEntry survey=s /> }).collect_view()}</ul> }
            .into_any()
    };
    view! {
        <div class="card portal-card" id="survey-open">
            <div class="portal-section-head">
                <h2 class="card-title">{move || i18n.t().portal_surveys().open_title}</h2>
                {(count > 0).then(|| view! {
                    <span class="count-badge">{move || i18n.t().portal_surveys().open_count.count(count)}</span>
                })}
            </div>
            {body}
        </div>
    }
}

#[component]
fn OpenEntry(survey: OpenSurvey) -> impl IntoView {
    let i18n = use_i18n();
    let (started, closes) = (survey.started, survey.closes_at);
    view! {
        <li class="portal-survey" data-id=survey.invitation_id.to_string() data-started=started.to_string()>
            <div class="portal-item-main">
                <p class="portal-survey-name">{survey.campaign_name.clone()}</p>
                <p class="portal-item-meta">
                    <span>{move || fill(i18n.t().portal_surveys().open_until, &[&format_date(i18n.locale(), &closes)])}</span>
                    {started.then(|| view! { <span class="badge badge-amber">{move || i18n.t().portal_surveys().started}</span> })}
                </p>
            </div>
            <A href=Route::PortalSurvey(survey.invitation_id).path() attr:class="btn btn-primary survey-answer-link">
                {move || if started { i18n.t().survey_banner().resume } else { i18n.t().survey_banner().answer }}
            </A>
        </li>
    }
}

/// Where the answering page stands besides loading the form.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Answering,
    /// Submitted just now.
    Thanked,
    /// Answered or closed meanwhile (`409 conflict` on a save or submit).
    Gone,
}

#[component]
pub fn PortalSurveyPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("sid").and_then(|s| s.parse::<SurveyInvitationId>().ok()));
    let form = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::form(id).await,
                None => Err(ApiError::local(Code::NotFound, String::new())),
            }
        }
    });
    let outcome = RwSignal::new(Outcome::Answering);
    // Another survey opened in this same page starts over.
    Effect::new(move |_| {
        id.track();
        if outcome.get_untracked() != Outcome::Answering {
            outcome.set(Outcome::Answering);
        }
    });
    let body = move || match (outcome.get(), form.get()) {
        (_, None) => view! { <Loading /> }.into_any(),
        (Outcome::Thanked, Some(Ok(f))) => view! { <PortalThanks agency=f.agency_name /> }.into_any(),
        (Outcome::Gone, _) => unavailable(true).into_any(),
        (Outcome::Answering, Some(Ok(f))) => view! { <Answering form=f outcome=outcome /> }.into_any(),
        (_, Some(Err(e))) if e.is(Code::Conflict) || e.status == 409 => unavailable(true).into_any(),
        (_, Some(Err(e))) if e.status == 404 || e.status == 403 || e.is(Code::NotFound) => {
            unavailable(false).into_any()
        }
        (_, Some(Err(error))) => {
            view! { <ErrorBanner error=error on_retry=Callback::new(move |_| form.refetch()) /> }.into_any()
        }
    };
    view! {
        <section class="page portal-page portal-survey-page">
            <A href=Route::PortalSurveys.path() attr:class="back-link">"← " {move || i18n.t().portal_surveys().back_to_surveys}</A>
            {body}
        </section>
    }
}

/// The form with the portal's calls behind its buttons.
#[component]
fn Answering(form: SurveyForm, outcome: RwSignal<Outcome>) -> impl IntoView {
    let id = form.invitation_id;
    let status = FormStatus::default();
    let finish = move |result: Result<(), ApiError>, what: Sending| match result {
        Ok(()) if what == Sending::Answer => {
            status.sending.set(None);
            outcome.set(Outcome::Thanked);
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        Ok(()) => {
            status.sending.set(None);
            status.saved.set(true);
        }
        Err(e) if e.is(Code::Conflict) => outcome.set(Outcome::Gone),
        Err(e) => status.failed(e),
    };
    let send = move |answer: AnswerInput, what: Sending| {
        status.start(what);
        spawn_local(async move {
            let result = match what {
                Sending::Draft => api::save_draft(id, &answer).await,
                Sending::Answer => api::submit(id, &answer).await,
            };
            finish(result, what);
        });
    };
    view! {
        <SurveyFormView
            form=form
            status=status
            on_save=Callback::new(move |answer| send(answer, Sending::Draft))
            on_submit=Callback::new(move |answer| send(answer, Sending::Answer))
        />
    }
}

/// `#survey-thanks` after a portal answer, with the way back to the surveys and home.
#[component]
fn PortalThanks(agency: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <SurveyThanks agency=agency>
            <A href=Route::PortalSurveys.path() attr:class="btn btn-primary" attr:id="survey-thanks-back">
                {move || i18n.t().portal_surveys().back_to_surveys}
            </A>
            <A href=Route::PortalHome.path() attr:class="btn">{move || i18n.t().portal_surveys().to_home}</A>
        </SurveyThanks>
    }
}

/// `#survey-thanks`: the answer is in; `children` are the ways on.
#[component]
pub fn SurveyThanks(agency: String, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="card survey-done" id="survey-thanks" role="status">
            <div class="survey-done-mark" aria-hidden="true">"✓"</div>
            <h1>{move || i18n.t().portal_surveys().thanks_title}</h1>
            <p class="survey-done-text">{move || fill(i18n.t().portal_surveys().thanks_text, &[&agency])}</p>
            <div class="survey-done-actions">{children()}</div>
        </div>
    }
}

/// `#survey-unavailable[data-reason]`: not this contact's survey (`missing`), or no longer
/// answerable (`gone`: answered or closed).
fn unavailable(gone: bool) -> impl IntoView {
    let i18n = use_i18n();
    let title = move || if gone { i18n.t().portal_surveys().gone } else { i18n.t().portal_surveys().missing };
    let hint = move || if gone { i18n.t().portal_surveys().gone_hint } else { i18n.t().portal_surveys().missing_hint };
    view! {
        <div class="card unavailable" id="survey-unavailable" data-reason=if gone { "gone" } else { "missing" }>
            <div class="unavailable-mark" aria-hidden="true">{if gone { "✓" } else { "?" }}</div>
            <h1>{title}</h1>
            <p class="subtitle">{hint}</p>
            <A href=Route::PortalSurveys.path() attr:class="btn btn-primary">{move || i18n.t().portal_surveys().back_to_surveys}</A>
        </div>
    }
}
