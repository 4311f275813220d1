//! `/survey#<token>`: a survey answered from its e-mailed one-time link, without signing in.
//! The token comes from the URL fragment (never sent as a URL the server logs in full); while
//! the link is open the shared form ([`SurveyFormView`]) is shown, afterwards `#survey-thanks`;
//! a used, expired, closed or unknown link is `#survey-link-state[data-state]`. The page reads
//! in the language the survey was sent in, unless this browser chose one.

use crate::api::portal_surveys as api;
use crate::api::ApiError;
use crate::components::{ErrorBanner, Loading, PublicShell};
use crate::i18n::use_i18n;
use crate::pages::portal::surveys::{FormStatus, Sending, SurveyFormView, SurveyThanks};
use crate::routes::link_token;
use accord_api::error::Code;
use accord_api::surveys::{AnswerInput, LinkState, LinkSurvey, SurveyForm};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the page shows instead of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shown {
    /// Answered just now.
    Thanked,
    /// The link cannot take an answer: `answered`, `expired`, `closed` or `invalid`.
    Dead(DeadLink),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DeadLink {
    Answered,
    Expired,
    Closed,
    Invalid,
}

impl DeadLink {
    fn of_state(state: LinkState) -> Option<DeadLink> {
        match state {
            LinkState::Open => None,
            LinkState::Answered => Some(DeadLink::Answered),
            LinkState::Expired => Some(DeadLink::Expired),
            LinkState::Closed => Some(DeadLink::Closed),
        }
    }

    /// The answers that say the link is spent (410 `link_used`, `link_expired`; 404
    /// `link_invalid`; 409 a closed wave); other errors are not about the link.
    fn of_error(error: &ApiError) -> Option<DeadLink> {
        match error.known() {
            Some(Code::LinkUsed) => Some(DeadLink::Answered),
            Some(Code::LinkExpired) => Some(DeadLink::Expired),
            Some(Code::LinkInvalid | Code::LinkRevoked | Code::NotFound) => Some(DeadLink::Invalid),
            Some(Code::Conflict) => Some(DeadLink::Closed),
            _ => None,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            DeadLink::Answered => "answered",
            DeadLink::Expired => "expired",
            DeadLink::Closed => "closed",
            DeadLink::Invalid => "invalid",
        }
    }
}

#[component]
pub fn SurveyLinkPage() -> impl IntoView {
    let i18n = use_i18n();
    let token = StoredValue::new(link_token());
    let link = LocalResource::new(move || {
        let token = token.get_value();
        async move {
            if token.is_empty() {
                return Err(ApiError::local(Code::LinkInvalid, String::new()));
            }
            api::link(&token).await
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(l)) = link.get() {
            i18n.suggest_locale(l.locale);
        }
    });
    // Set once a save or submit from this page changed what the link is.
    let shown = RwSignal::new(None::<Shown>);
    let body = move || {
        let agency = link.with(|l| l.as_ref().and_then(|l| l.as_ref().ok()).map(|l| l.agency_name.clone()));
        match (shown.get(), link.get()) {
            (Some(Shown::Thanked), _) => view! {
                <SurveyThanks agency=agency.unwrap_or_default()>
                    <p class="muted">{move || i18n.t().portal_surveys().thanks_close}</p>
                </SurveyThanks>
            }
            .into_any(),
            (Some(Shown::Dead(dead)), _) => link_state(dead, agency).into_any(),
            (None, None) => view! { <Loading /> }.into_any(),
            (None, Some(Err(e))) => match DeadLink::of_error(&e) {
                Some(dead) => link_state(dead, None).into_any(),
                None => view! { <ErrorBanner error=e on_retry=Callback::new(move |_| link.refetch()) /> }.into_any(),
            },
            (None, Some(Ok(LinkSurvey { state, form, agency_name, .. }))) => {
                match (DeadLink::of_state(state), form) {
                    (Some(dead), _) => link_state(dead, Some(agency_name)).into_any(),
                    (None, Some(form)) => {
                        view! { <LinkForm form=form token=token.get_value() shown=shown /> }.into_any()
                    }
                    // Open without a form: the server has nothing to ask; nothing to answer here.
                    (None, None) => link_state(DeadLink::Closed, Some(agency_name)).into_any(),
                }
            }
        }
    };
    view! {
        <PublicShell>
            <div class="survey-public">{body}</div>
        </PublicShell>
    }
}

/// The form with the link's calls behind its buttons.
#[component]
fn LinkForm(form: SurveyForm, token: String, shown: RwSignal<Option<Shown>>) -> impl IntoView {
    let token = StoredValue::new(token);
    let status = FormStatus::default();
    let send = move |answer: AnswerInput, what: Sending| {
        status.start(what);
        spawn_local(async move {
            let token = token.get_value();
            let result = match what {
                Sending::Draft => api::link_draft(&token, &answer).await,
                Sending::Answer => api::link_submit(&token, &answer).await,
            };
            match result {
                Ok(_) if what == Sending::Answer => {
                    status.sending.set(None);
                    shown.set(Some(Shown::Thanked));
                    window().scroll_to_with_x_and_y(0.0, 0.0);
                }
                Ok(link) => {
                    status.sending.set(None);
                    match DeadLink::of_state(link.state) {
                        Some(dead) => shown.set(Some(Shown::Dead(dead))),
                        None => status.saved.set(true),
                    }
                }
                Err(e) => match DeadLink::of_error(&e) {
                    Some(dead) => shown.set(Some(Shown::Dead(dead))),
                    None => status.failed(e),
                },
            }
        });
    };
    view! {
        <div class="survey-public-form">
            <SurveyFormView
                form=form
                status=status
                via_link=true
                on_save=Callback::new(move |answer| send(answer, Sending::Draft))
                on_submit=Callback::new(move |answer| send(answer, Sending::Answer))
            />
        </div>
    }
}

/// `#survey-link-state[data-state]`: why this link takes no answer, and what that means.
fn link_state(dead: DeadLink, agency: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let title = move || {
        let t = i18n.t().portal_surveys();
        match dead {
            DeadLink::Answered => t.link_used_title,
            DeadLink::Expired => t.link_expired_title,
            DeadLink::Closed => t.link_closed_title,
            DeadLink::Invalid => t.link_invalid_title,
        }
    };
    let text = move || {
        let t = i18n.t().portal_surveys();
        match dead {
            DeadLink::Answered => t.link_used,
            DeadLink::Expired => t.link_expired,
            DeadLink::Closed => t.link_closed,
            DeadLink::Invalid => t.link_invalid,
        }
    };
    let (mark, role) = match dead {
        DeadLink::Answered => ("✓", "status"),
        _ => ("!", "alert"),
    };
    view! {
        <div class="card survey-done survey-link-state" id="survey-link-state" data-state=dead.as_str() role=role>
            <div class="survey-done-mark" class:survey-done-warn=dead != DeadLink::Answered aria-hidden="true">{mark}</div>
            {agency.filter(|a| !a.is_empty()).map(|a| view! { <p class="portal-eyebrow">{a}</p> })}
            <h1>{title}</h1>
            <p class="survey-done-text">{text}</p>
        </div>
    }
}
