//! The profile card: the display name (`#profile-name`, saved to the account) and the email.

use crate::api;
use crate::components::{names_field, FieldError, FormErrorExcept, Notice, Problem, TextField};
use crate::i18n::use_i18n;
use crate::session::use_session;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ProfileCard() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let name = RwSignal::new(session.me().map(|me| me.name).unwrap_or_default());
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let unchanged = move || session.me().is_some_and(|me| me.name == name.get().trim());

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let wanted = name.get_untracked().trim().to_owned();
        pending.set(true);
        problem.set(None);
        saved.set(false);
        spawn_local(async move {
            match api::auth::update_profile(wanted).await {
                Ok(me) => {
                    name.set(me.name.clone());
                    // The header's account menu reads the session, so it follows at once.
                    session.set_me(me);
                    saved.set(true);
                }
                Err(e) => problem.set(Some(Problem::Api(e))),
            }
            pending.set(false);
        });
    };
    view! {
        <div class="card">
            <h2 class="card-title">{move || i18n.t().account().profile}</h2>
            <form id="profile-name-form" class="form" on:submit=on_submit>
                <div class="field-wrap">
                    <TextField id="profile-name" label=|t| t.account().your_name value=name required=true maxlength=200
                        autocomplete="name" invalid=names_field(problem, "name") hint=|t| t.account().your_name_hint />
                    <FieldError field="name" problem=problem />
                </div>
                <dl class="facts">
                    <dt>{move || i18n.t().common().email}</dt>
                    <dd id="account-email">{move || session.me().map(|m| m.email)}</dd>
                </dl>
                <FormErrorExcept id="profile-name-error" problem=problem inline=&["name"] />
                <div class="form-actions">
                    <button id="profile-name-submit" type="submit" class="btn btn-primary"
                        disabled=move || pending.get() || unchanged()>
                        {move || if pending.get() { i18n.t().common().saving } else { i18n.t().account().save_name }}
                    </button>
                    <Show when=move || saved.get()>
                        <Notice text=Signal::derive(move || i18n.t().account().name_saved.to_owned()) />
                    </Show>
                </div>
            </form>
        </div>
    }
}
