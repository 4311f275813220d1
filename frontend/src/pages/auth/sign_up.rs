//! `/sign-up`: a new agency and its owner, only while the server has sign-up open.

use super::locale_options;
use crate::api;
use crate::components::{FormError, Loading, Problem, PublicShell, TextField};
use crate::i18n::{lower_case, use_i18n};
use crate::routes::Route;
use crate::session::use_session;
use accord_api::auth::SignUpRequest;
use accord_api::Locale;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

#[component]
pub fn SignUpPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let body = move || match session.config.get() {
        None => view! { <Loading /> }.into_any(),
        Some(c) if c.signup_open => view! { <SignUpForm /> }.into_any(),
        Some(_) => view! {
            <p class="notice notice-muted" id="signup-closed">{move || i18n.t().auth().signup_closed_text}</p>
        }
        .into_any(),
    };
    view! {
        <PublicShell>
            <div class="auth-card card">
                <h1>{move || i18n.t().auth().sign_up_title}</h1>
                <p class="subtitle">{move || i18n.t().auth().sign_up_subtitle}</p>
                {body}
                <p class="auth-switch">
                    {move || i18n.t().auth().have_account} " "
                    <A href=Route::SignIn { next: None }.path()>{move || i18n.t().auth().sign_in_link}</A>
                </p>
            </div>
        </PublicShell>
    }
}

#[component]
fn SignUpForm() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let agency_name = RwSignal::new(String::new());
    let agency_slug = RwSignal::new(String::new());
    let owner_name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let locale = RwSignal::new(i18n.locale_untracked());
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let (min, max) = session.password_limits();
        let pw_len = password.get_untracked().chars().count();
        if pw_len < min || pw_len > max {
            problem.set(Some(Problem::PasswordLength { min, max }));
            return;
        }
        let request = SignUpRequest {
            agency_name: agency_name.get_untracked().trim().to_owned(),
            agency_slug: lower_case(agency_slug.get_untracked().trim()),
            owner_name: owner_name.get_untracked().trim().to_owned(),
            email: email.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
            locale: locale.get_untracked(),
        };
        pending.set(true);
        problem.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::auth::sign_up(&request).await {
                Ok(me) => {
                    navigate(&Route::StaffClients.path(), NavigateOptions::default());
                    session.set_me(me);
                }
                Err(e) => problem.set(Some(Problem::Api(e))),
            }
            pending.set(false);
        });
    };

    view! {
        <form id="sign-up-form" class="form" on:submit=on_submit>
            <TextField id="agency-name-input" label=|t| t.auth().agency_name value=agency_name required=true />
            <TextField id="agency-slug" label=|t| t.auth().agency_slug value=agency_slug required=true hint=|t| t.auth().slug_hint />
            <TextField id="owner-name" label=|t| t.auth().owner_name value=owner_name autocomplete="name" required=true />
            <TextField id="email" label=|t| t.common().email value=email kind="email" autocomplete="username" required=true />
            <TextField id="password" label=|t| t.common().password value=password kind="password" autocomplete="new-password" required=true />
            <div class="field">
                <label for="signup-locale">{move || i18n.t().common().language}</label>
                <select
                    id="signup-locale"
                    prop:value=move || locale.get().as_str()
                    on:change=move |ev| {
                        if let Some(l) = Locale::parse(&event_target_value(&ev)) {
                            locale.set(l);
                        }
                    }
                >
                    {locale_options(locale)}
                </select>
            </div>
            <FormError id="form-error" problem=problem />
            <button id="sign-up-submit" type="submit" class="btn btn-primary btn-block" disabled=move || pending.get()>
                {move || if pending.get() { i18n.t().auth().signing_up } else { i18n.t().auth().sign_up_submit }}
            </button>
        </form>
    }
}
