//! `/account`: my name, my language, my password. Rendered inside the frame of my area.

mod name;
mod password;

use crate::components::Notice;
use crate::i18n::{error_text, use_i18n};
use crate::pages::auth::locale_options;
use crate::session::{change_locale, use_session};
use accord_api::auth::Membership;
use accord_api::Locale;
use leptos::prelude::*;
use leptos::task::spawn_local;
use name::ProfileCard;
use password::PasswordForm;

#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let me = move || session.me();
    let role = move || {
        me().map(|me| match me.membership {
            Membership::Platform => i18n.t().common().platform_label.to_owned(),
            Membership::Staff { agency, role } => {
                format!("{} · {}", agency.name, i18n.t().staff_role(role))
            }
            Membership::Contact { agency, client, portal_role } => {
                format!("{} · {} · {}", agency.name, client.name, i18n.t().portal_role_label(portal_role))
            }
        })
    };
    view! {
        <section class="page page-narrow">
            <div class="page-header">
                <div>
                    <h1>{move || i18n.t().account().account_title}</h1>
                    <p class="subtitle">{role}</p>
                </div>
            </div>
            <ProfileCard />
            <LanguageCard />
            <PasswordForm />
        </section>
    }
}

#[component]
fn LanguageCard() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let selected = RwSignal::new(i18n.locale_untracked());
    // Follow switches made with the header buttons too.
    Effect::new(move |_| selected.set(i18n.locale()));
    let pending = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Result<(), crate::api::ApiError>>);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(locale) = Locale::parse(&event_target_value(&ev)) else {
            return;
        };
        pending.set(true);
        outcome.set(None);
        spawn_local(async move {
            let result = change_locale(i18n, session, locale).await;
            outcome.set(Some(result));
            pending.set(false);
        });
    };
    view! {
        <div class="card">
            <h2 class="card-title">{move || i18n.t().common().language}</h2>
            <div class="form">
                <div class="field">
                    <label for="account-locale">{move || i18n.t().account().language_hint}</label>
                    <select
                        id="account-locale"
                        disabled=move || pending.get()
                        prop:value=move || selected.get().as_str()
                        on:change=on_change
                    >
                        {locale_options(selected)}
                    </select>
                </div>
            </div>
            {move || match outcome.get() {
                Some(Ok(())) => Some(view! { <Notice text=Signal::derive(move || i18n.t().common().saved.to_owned()) /> }.into_any()),
                Some(Err(e)) => Some(view! { <p class="form-error" role="alert">{move || error_text(i18n.t(), &e)}</p> }.into_any()),
                None => None,
            }}
        </div>
    }
}
