//! The agency-wide settings card (owners and admins): whether account managers see every client,
//! and how many days clients have to acknowledge minutes.

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
            {async_view(settings, |s| {
                let current = RwSignal::new(s);
                view! { <ManagersSeeAll current /> <AckDays current /> }
            })}
        </div>
    }
}

/// `#managers-see-all`: saved as soon as it is switched; reverts if the server refuses.
#[component]
fn ManagersSeeAll(current: RwSignal<AgencySettings>) -> impl IntoView {
    let i18n = use_i18n();
    let on = RwSignal::new(current.get_untracked().managers_see_all);
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
            let ack_days = current.get_untracked().ack_days;
            match api::staff::save_settings(&AgencySettings { managers_see_all: wanted, ack_days }).await {
                Ok(s) => {
                    on.set(s.managers_see_all);
                    current.set(s);
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

/// `#ack-days`: days clients have to acknowledge published minutes before they are flagged.
#[component]
fn AckDays(current: RwSignal<AgencySettings>) -> impl IntoView {
    let i18n = use_i18n();
    let days = RwSignal::new(current.get_untracked().ack_days.to_string());
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Out of range or not a number: the server says why (422 on `ack_days`).
        let ack_days = days.get_untracked().trim().parse::<u8>().unwrap_or(0);
        pending.set(true);
        error.set(None);
        saved.set(false);
        spawn_local(async move {
            let managers_see_all = current.get_untracked().managers_see_all;
            match api::staff::save_settings(&AgencySettings { managers_see_all, ack_days }).await {
                Ok(s) => {
                    days.set(s.ack_days.to_string());
                    current.set(s);
                    saved.set(true);
                }
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    view! {
        <form class="setting-row" id="ack-days-form" on:submit=on_submit>
            <span class="setting-text">
                <label class="setting-title" for="ack-days">{move || i18n.t().team().ack_days}</label>
                <span class="field-hint setting-hint">{move || i18n.t().team().ack_days_hint}</span>
            </span>
            <input type="number" id="ack-days" name="ack_days" min="1" max="30" class="input" style="width:5.5em"
                prop:value=move || days.get() on:input=move |ev| days.set(event_target_value(&ev)) />
            <button type="submit" class="btn" disabled=move || pending.get()>{move || i18n.t().team().save_setting}</button>
        </form>
        {move || error.get().map(|e| view! { <ErrorBanner error=e /> })}
        <Show when=move || saved.get()>
            <Notice text=Signal::derive(move || i18n.t().team().settings_saved.to_owned()) />
        </Show>
    }
}
