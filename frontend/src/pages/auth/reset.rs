//! `/reset-password#<token>`: the mailed reset link. Checks the link first, then takes the new
//! password and signs in.

use super::link::{DeadLink, LinkProblem, NewPasswordForm, PasswordFormIds};
use crate::api::{self, ApiError};
use crate::components::{ErrorBanner, Loading, Problem, PublicShell};
use crate::i18n::use_i18n;
use crate::routes::{link_token, Area, Route};
use crate::session::use_session;
use accord_api::error::Code;
use accord_api::invitations::CompletePasswordReset;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

const IDS: PasswordFormIds = PasswordFormIds {
    form: "reset-form",
    email: "reset-email",
    password: "reset-password",
    repeat: "reset-repeat",
    error: "reset-error",
    submit: "reset-submit",
};

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let token = StoredValue::new(link_token());
    let check = LocalResource::new(move || {
        let token = token.get_value();
        async move {
            if token.is_empty() {
                return Err(ApiError::local(Code::LinkInvalid, String::new()));
            }
            api::auth::check_password_reset(token).await
        }
    });
    // Set when completing finds the link dead after all (used in another tab meanwhile).
    let dead = RwSignal::new(None::<DeadLink>);
    let body = move || match check.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(e)) => match DeadLink::from_error(&e) {
            Some(problem) => reset_problem(problem).into_any(),
            None => view! { <ErrorBanner error=e on_retry=Callback::new(move |_| check.refetch()) /> }.into_any(),
        },
        Some(Ok(answer)) => match dead.get().or_else(|| DeadLink::from_state(answer.state)) {
            Some(problem) => reset_problem(problem).into_any(),
            None => view! { <ResetForm token=token.get_value() dead=dead /> }.into_any(),
        },
    };
    view! {
        <PublicShell>
            <div class="auth-card card">{body}</div>
        </PublicShell>
    }
}

fn reset_problem(problem: DeadLink) -> impl IntoView {
    let i18n = use_i18n();
    let message = Signal::derive(move || {
        let t = i18n.t();
        match problem {
            DeadLink::Invalid => t.auth().reset_link_invalid,
            DeadLink::Expired | DeadLink::Used | DeadLink::Revoked => t.auth().reset_link_dead,
        }
        .to_owned()
    });
    view! {
        <LinkProblem problem=problem message=message>
            <A href=Route::ForgotPassword.path() attr:id="request-new-link" attr:class="btn btn-primary btn-block">
                {move || i18n.t().auth().request_new_link}
            </A>
        </LinkProblem>
    }
}

#[component]
fn ResetForm(token: String, dead: RwSignal<Option<DeadLink>>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let token = StoredValue::new(token);
    let pending = RwSignal::new(false);
    let problem = RwSignal::new(None::<Problem>);
    let on_password = Callback::new(move |password: String| {
        let request = CompletePasswordReset { token: token.get_value(), password };
        pending.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::auth::complete_password_reset(&request).await {
                Ok(me) => {
                    let home = Area::start(&me).path();
                    session.set_me(me);
                    navigate(&home, NavigateOptions { replace: true, ..Default::default() });
                }
                Err(e) => match DeadLink::from_error(&e) {
                    Some(d) => dead.set(Some(d)),
                    None => problem.set(Some(Problem::Api(e))),
                },
            }
            pending.set(false);
        });
    });
    view! {
        <h1>{move || i18n.t().auth().reset_title}</h1>
        <p class="subtitle">{move || i18n.t().auth().reset_subtitle}</p>
        <NewPasswordForm ids=IDS submit_label=|t| t.auth().reset_submit pending=pending problem=problem on_password=on_password />
    }
}
