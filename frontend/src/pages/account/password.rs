//! The change-password form: length checked here first, then the server's verdict by code.

use crate::api;
use crate::components::{FormError, Problem, TextField};
use crate::i18n::use_i18n;
use crate::session::use_session;
use accord_api::auth::ChangePasswordRequest;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn PasswordForm() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let changed = RwSignal::new(false);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        changed.set(false);
        let (min, max) = session.password_limits();
        let len = new.get_untracked().chars().count();
        if len < min || len > max {
            problem.set(Some(Problem::PasswordLength { min, max }));
            return;
        }
        if new.get_untracked() != repeat.get_untracked() {
            problem.set(Some(Problem::PasswordsDiffer));
            return;
        }
        let request =
            ChangePasswordRequest { current_password: current.get_untracked(), new_password: new.get_untracked() };
        pending.set(true);
        problem.set(None);
        spawn_local(async move {
            match api::auth::change_password(&request).await {
                Ok(()) => {
                    for field in [current, new, repeat] {
                        field.set(String::new());
                    }
                    changed.set(true);
                }
                Err(e) => problem.set(Some(Problem::Api(e))),
            }
            pending.set(false);
        });
    };

    let hint = move || {
        let (min, max) = session.password_limits();
        Problem::PasswordLength { min, max }.text(i18n.t())
    };
    view! {
        <div class="card">
            <h2 class="card-title">{move || i18n.t().account().change_password}</h2>
            <form id="password-form" class="form" on:submit=on_submit>
                <TextField id="current-password" label=|t| t.account().current_password value=current kind="password" autocomplete="current-password" required=true />
                <TextField id="new-password" label=|t| t.account().new_password value=new kind="password" autocomplete="new-password" required=true />
                <TextField id="repeat-password" label=|t| t.account().repeat_password value=repeat kind="password" autocomplete="new-password" required=true />
                <p class="field-hint">{hint}</p>
                <FormError id="password-error" problem=problem />
                <Show when=move || changed.get()>
                    <p id="password-success" class="notice" role="status">{move || i18n.t().account().password_changed}</p>
                </Show>
                <div class="form-actions">
                    <button id="password-submit" type="submit" class="btn btn-primary" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t().common().saving } else { i18n.t().account().password_submit }}
                    </button>
                </div>
            </form>
        </div>
    }
}
