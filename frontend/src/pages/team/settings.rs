//! The agency-wide settings card (owners and admins): whether account managers see every client.

use crate::api::{self, ApiError};
use crate::components::{async_view, ErrorBanner, Notice};
use crate::i18n::use_i18n;
use accord_api::staff::AgencySettings;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn AgencySettingsCard() -> impl IntoView {
    let i18n = use_i18n();
    let settings = LocalResource::new(api::staff::settings);
    view! {
        <div class="card" id="agency-settings">
            <h2 class="card-title">{move || i18n.t().team().agency_settings}</h2>
            {async_view(settings, |s| view! { <ManagersSeeAll initial=s /> })}
        </div>
    }
}

/// `#managers-see-all`: saved as soon as it is switched; reverts if the server refuses.
#[component]
fn ManagersSeeAll(initial: AgencySettings) -> impl IntoView {
    let i18n = use_i18n();
    let on = RwSignal::new(initial.managers_see_all);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| {
        let wanted = event_target_checked(&ev);
        let before = on.get_untracked();
        on.set(wanted);
        pending.set(true);
        error.set(None);
        saved.set(false);
        spawn_local(async move {
            match api::staff::save_settings(&AgencySettings { managers_see_all: wanted }).await {
                Ok(s) => {
                    on.set(s.managers_see_all);
                    saved.set(true);
                }
                Err(e) => {
                    on.set(before);
                    error.set(Some(e));
                }
            }
            pending.set(false);
        });
    };
    view! {
        <label class="setting-row" for="managers-see-all">
            <input type="checkbox" id="managers-see-all" class="switch" disabled=move || pending.get()
                prop:checked=move || on.get() on:change=on_change />
            <span class="setting-text">
                <span class="setting-title">{move || i18n.t().team().managers_see_all}</span>
                <span class="field-hint setting-hint">{move || i18n.t().team().managers_see_all_hint}</span>
            </span>
        </label>
        {move || error.get().map(|e| view! { <ErrorBanner error=e /> })}
        <Show when=move || saved.get()>
            <Notice text=Signal::derive(move || i18n.t().team().settings_saved.to_owned()) />
        </Show>
    }
}
