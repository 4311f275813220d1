//! The header widgets of every signed-in layout: the language switch and the account menu.

use crate::api;
use crate::i18n::use_i18n;
use crate::routes::{Area, Route};
use crate::session::{change_locale, use_session, SignedOutBy};
use accord_api::Locale;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// Two buttons, `#lang-ru` and `#lang-en`; the current one is pressed.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let switch = move |locale: Locale| {
        spawn_local(async move {
            if let Err(e) = change_locale(i18n, session, locale).await {
                leptos::logging::warn!("saving the language failed: {}", e.summary());
            }
        });
    };
    let button = move |locale: Locale, id: &'static str, label: &'static str| {
        let pressed = move || i18n.locale() == locale;
        view! {
            <button
                type="button"
                id=id
                class="lang-button"
                class:active=pressed
                aria-pressed=move || pressed().to_string()
                lang=locale.as_str()
                on:click=move |_| switch(locale)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="lang-switch" role="group" aria-label=move || i18n.t().common().language>
            {button(Locale::Ru, "lang-ru", "RU")}
            {button(Locale::En, "lang-en", "EN")}
        </div>
    }
}

/// `#account-menu` shows the person's name; it opens Account and Sign out.
#[component]
pub fn AccountMenu() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let open = RwSignal::new(false);
    let signing_out = RwSignal::new(false);
    let name = move || session.me().map(|me| me.name).unwrap_or_default();
    let initial = move || crate::i18n::initial(&name());
    let account = move || session.me().map(|me| Route::Account(Area::of(&me)).path()).unwrap_or_default();

    let sign_out = move |_| {
        if signing_out.get_untracked() {
            return;
        }
        signing_out.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            // Even if the call fails the person wants out; the cookie expires on its own.
            if let Err(e) = api::auth::sign_out().await {
                leptos::logging::warn!("sign-out failed: {}", e.summary());
            }
            open.set(false);
            navigate(&Route::SignIn { next: None }.path(), NavigateOptions::default());
            session.signed_out(SignedOutBy::Choice);
        });
    };

    view! {
        <div class="account-menu">
            <button
                type="button"
                id="account-menu"
                class="account-button"
                aria-haspopup="menu"
                aria-expanded=move || open.get().to_string()
                aria-label=move || i18n.t().common().open_menu
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="avatar" aria-hidden="true">{initial}</span>
                <span class="account-name">{name}</span>
                <span class="chevron" aria-hidden="true">"▾"</span>
            </button>
            <Show when=move || open.get()>
                <div class="menu-backdrop" on:click=move |_| open.set(false)></div>
                <div class="menu" role="menu">
                    <div class="menu-header">
                        <div class="menu-name">{name}</div>
                        <div class="menu-email">
                            {move || session.me().map(|me| me.email).unwrap_or_default()}
                        </div>
                    </div>
                    <A href=account attr:id="menu-account" attr:class="menu-item" attr:role="menuitem" on:click=move |_| open.set(false)>
                        {move || i18n.t().common().menu_account}
                    </A>
                    <button
                        type="button"
                        id="sign-out"
                        class="menu-item menu-danger"
                        role="menuitem"
                        disabled=move || signing_out.get()
                        on:click=sign_out.clone()
                    >
                        {move || i18n.t().common().sign_out}
                    </button>
                </div>
            </Show>
        </div>
    }
}

/// Accord's mark: two overlapping rounded squares.
#[component]
pub fn Logo() -> impl IntoView {
    view! {
        <svg class="logo-mark" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
            <rect x="2" y="6" width="18" height="18" rx="6" fill="currentColor" opacity="0.55" />
            <rect x="12" y="8" width="18" height="18" rx="6" fill="currentColor" />
        </svg>
    }
}
