//! `/sign-in`: email and password, the agency-choice step, then off to the person's area (or
//! back to the page they wanted).

use crate::api;
use crate::components::{FormError, Problem, PublicShell, TextField};
use crate::i18n::use_i18n;
use crate::routes::{safe_next, Area, Route};
use crate::session::{use_session, SessionState};
use accord_api::auth::{AgencyChoice, Me, SignInRequest};
use accord_api::error::Code;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// Where to go after signing in: the wanted page if it is in the person's area, else home.
fn landing(me: &Me, next: Option<String>) -> String {
    let area = Area::of(me);
    next.and_then(|n| safe_next(&n)).filter(|n| area.suits(n)).unwrap_or_else(|| Area::start(me).path())
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let next = use_query_map().get_untracked().get("next");

    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let choices = RwSignal::new(Vec::<AgencyChoice>::new());
    let chosen = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    // Set once this page signed someone in, so the "already signed in" redirect stays out of
    // the way of the landing navigation.
    let handled = StoredValue::new(false);

    {
        let navigate = navigate.clone();
        let next = next.clone();
        Effect::new(move |_| {
            if let SessionState::SignedIn(me) = session.state.get() {
                if !handled.get_value() {
                    handled.set_value(true);
                    let options = NavigateOptions { replace: true, ..Default::default() };
                    navigate(&landing(&me, next.clone()), options);
                }
            }
        });
    }

    // A different email may have a different set of agencies.
    Effect::new(move |_| {
        email.track();
        choices.set(Vec::new());
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let has_choice = !choices.get_untracked().is_empty();
        let request = SignInRequest {
            email: email.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
            agency_slug: has_choice.then(|| chosen.get_untracked()),
        };
        pending.set(true);
        problem.set(None);
        let navigate = navigate.clone();
        let next = next.clone();
        spawn_local(async move {
            match api::auth::sign_in(&request).await {
                Ok(me) => {
                    handled.set_value(true);
                    navigate(&landing(&me, next), NavigateOptions::default());
                    session.set_me(me);
                }
                Err(e) if e.is(Code::AgencyChoiceRequired) && !e.choices.is_empty() => {
                    if let Some(first) = e.choices.first() {
                        chosen.set(first.slug.clone());
                    }
                    choices.set(e.choices.clone());
                    problem.set(Some(Problem::Api(e)));
                }
                Err(e) => problem.set(Some(Problem::Api(e))),
            }
            pending.set(false);
        });
    };

    let signup_open = move || session.config.get().is_some_and(|c| c.signup_open);

    view! {
        <PublicShell>
            <div class="auth-card card">
                <h1>{move || i18n.t().auth().sign_in_title}</h1>
                <p class="subtitle">{move || i18n.t().auth().sign_in_subtitle}</p>
                <form id="sign-in-form" class="form" on:submit=on_submit>
                    <TextField id="email" label=|t| t.common().email value=email kind="email" autocomplete="username" required=true />
                    <TextField id="password" label=|t| t.common().password value=password kind="password" autocomplete="current-password" required=true />
                    <p class="forgot-row">
                        <A href=Route::ForgotPassword.path() attr:id="forgot-link">{move || i18n.t().auth().forgot_link}</A>
                    </p>
                    <Show when=move || !choices.get().is_empty()>
                        <div class="field">
                            <label for="agency-choice">{move || i18n.t().auth().choose_agency}</label>
                            <select
                                id="agency-choice"
                                name="agency-choice"
                                prop:value=move || chosen.get()
                                on:change=move |ev| chosen.set(event_target_value(&ev))
                            >
                                {move || choices.get().into_iter().map(|c| view! {
                                    <option value=c.slug.clone() selected=c.slug == chosen.get_untracked()>
                                        {c.name.clone()} " (" {c.slug.clone()} ")"
                                    </option>
                                }).collect_view()}
                            </select>
                            <p class="field-hint">{move || i18n.t().auth().choose_agency_hint}</p>
                        </div>
                    </Show>
                    <FormError id="form-error" problem=problem />
                    <button id="sign-in-submit" type="submit" class="btn btn-primary btn-block" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t().auth().signing_in } else { i18n.t().auth().sign_in_submit }}
                    </button>
                </form>
                <Show when=signup_open>
                    <p class="auth-switch">
                        {move || i18n.t().auth().no_account} " "
                        <A href=Route::SignUp.path() attr:id="sign-up-link">{move || i18n.t().auth().sign_up_link}</A>
                    </p>
                </Show>
            </div>
            <p class="public-footnote">
                <A href=Route::ApiDocs.path()>{move || i18n.t().auth().api_docs_link}</A>
            </p>
        </PublicShell>
    }
}
