//! `/forgot-password`: ask for a reset link. The answer never tells whether the address has an
//! account, so the page always says the same.

use crate::api;
use crate::components::{FormError, Problem, PublicShell, TextField};
use crate::i18n::use_i18n;
use crate::routes::Route;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let sent = RwSignal::new(false);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let address = email.get_untracked().trim().to_owned();
        pending.set(true);
        problem.set(None);
        spawn_local(async move {
            match api::auth::request_password_reset(address).await {
                Ok(()) => sent.set(true),
                Err(e) => problem.set(Some(Problem::Api(e))),
            }
            pending.set(false);
        });
    };

    view! {
        <PublicShell>
            <div class="auth-card card">
                <h1>{move || i18n.t().auth().forgot_title}</h1>
                <Show
                    when=move || sent.get()
                    fallback=move || view! {
                        <p class="subtitle">{move || i18n.t().auth().forgot_subtitle}</p>
                        <form id="forgot-form" class="form" on:submit=on_submit>
                            <TextField id="forgot-email" label=|t| t.common().email value=email kind="email" autocomplete="username" required=true maxlength=254 />
                            <FormError id="forgot-error" problem=problem />
                            <button id="forgot-submit" type="submit" class="btn btn-primary btn-block" disabled=move || pending.get()>
                                {move || if pending.get() { i18n.t().common().sending } else { i18n.t().auth().forgot_submit }}
                            </button>
                        </form>
                    }
                >
                    <p id="forgot-sent" class="notice" role="status">{move || i18n.t().auth().forgot_sent}</p>
                </Show>
                <p class="auth-switch">
                    <A href=Route::SignIn { next: None }.path() attr:id="back-to-sign-in">
                        "← " {move || i18n.t().auth().back_to_sign_in}
                    </A>
                </p>
            </div>
        </PublicShell>
    }
}
