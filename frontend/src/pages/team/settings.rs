//! The agency-wide settings card (owners and admins): whether account managers see every client,
//! how many days clients have to acknowledge minutes, and the report deadlines (working days to
//! deliver a period's report, days a published report may stay unopened, and whether each due
//! report is drafted automatically on its due date).

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
                view! { <ManagersSeeAll current /> <AckDays current /> <ReportDays current /> <ReportAutoDraft current /> }
            })}
        </div>
    }
}

/// `#managers-see-all`: managers read every client.
#[component]
fn ManagersSeeAll(current: RwSignal<AgencySettings>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <SettingSwitch current id="managers-see-all"
            read=|s| s.managers_see_all
            write=|s, on| AgencySettings { managers_see_all: on, ..s }
            title=Signal::derive(move || i18n.t().team().managers_see_all.to_owned())
            hint=Signal::derive(move || i18n.t().team().managers_see_all_hint.to_owned()) />
    }
}

/// `#report-auto-draft`: each client's due report is drafted on its due date for review.
#[component]
fn ReportAutoDraft(current: RwSignal<AgencySettings>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <SettingSwitch current id="report-auto-draft"
            read=|s| s.report_auto_draft
            write=|s, on| AgencySettings { report_auto_draft: on, ..s }
            title=Signal::derive(move || i18n.t().team().report_auto_draft.to_owned())
            hint=Signal::derive(move || i18n.t().team().report_auto_draft_hint.to_owned()) />
    }
}

/// A setting that is on or off: saved as soon as it is switched; reverts if the server refuses.
#[component]
fn SettingSwitch(
    current: RwSignal<AgencySettings>,
    id: &'static str,
    read: fn(&AgencySettings) -> bool,
    write: fn(AgencySettings, bool) -> AgencySettings,
    title: Signal<String>,
    hint: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let on = RwSignal::new(read(&current.get_untracked()));
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
            match api::staff::save_settings(&write(current.get_untracked(), wanted)).await {
                Ok(s) => {
                    on.set(read(&s));
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
        <label class="setting-row" for=id>
            <input type="checkbox" id=id class="switch" disabled=move || pending.get()
                prop:checked=move || on.get() on:change=on_change />
            <span class="setting-text">
                <span class="setting-title">{move || title.get()}</span>
                <span class="field-hint setting-hint">{move || hint.get()}</span>
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
            match api::staff::save_settings(&AgencySettings { ack_days, ..current.get_untracked() }).await {
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

/// A number typed into a settings field, if it is a whole number within `range`.
fn days_in(typed: &str, range: std::ops::RangeInclusive<u8>) -> Option<u8> {
    typed.trim().parse::<u8>().ok().filter(|days| range.contains(days))
}

/// `#report-days-form`: `#report-due-days` (working days after a period ends before its report
/// is due, 0–10) and `#report-read-days` (days a published report may stay unopened, 1–30).
/// Out-of-range numbers are refused here with the rule under the field.
#[component]
fn ReportDays(current: RwSignal<AgencySettings>) -> impl IntoView {
    let i18n = use_i18n();
    let due = RwSignal::new(current.get_untracked().report_due_days.to_string());
    let read = RwSignal::new(current.get_untracked().report_read_days.to_string());
    let due_bad = RwSignal::new(false);
    let read_bad = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        saved.set(false);
        let due_days = days_in(&due.get_untracked(), 0..=10);
        let read_days = days_in(&read.get_untracked(), 1..=30);
        due_bad.set(due_days.is_none());
        read_bad.set(read_days.is_none());
        let (Some(report_due_days), Some(report_read_days)) = (due_days, read_days) else {
            return;
        };
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let wanted = AgencySettings { report_due_days, report_read_days, ..current.get_untracked() };
            match api::staff::save_settings(&wanted).await {
                Ok(s) => {
                    due.set(s.report_due_days.to_string());
                    read.set(s.report_read_days.to_string());
                    current.set(s);
                    saved.set(true);
                }
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    view! {
        <form class="report-days-form" id="report-days-form" on:submit=on_submit novalidate=true>
            <div class="setting-row">
                <span class="setting-text">
                    <label class="setting-title" for="report-due-days">{move || i18n.t().team().report_due_days}</label>
                    <span class="field-hint setting-hint">{move || i18n.t().team().report_due_days_hint}</span>
                    <Show when=move || due_bad.get()>
                        <span class="field-error" role="alert" data-field="report_due_days">
                            {move || i18n.t().team().report_due_range}
                        </span>
                    </Show>
                </span>
                <input type="number" id="report-due-days" name="report_due_days" min="0" max="10" class="input"
                    style="width:5.5em" aria-invalid=move || due_bad.get().to_string()
                    prop:value=move || due.get() on:input=move |ev| due.set(event_target_value(&ev)) />
            </div>
            <div class="setting-row">
                <span class="setting-text">
                    <label class="setting-title" for="report-read-days">{move || i18n.t().team().report_read_days}</label>
                    <span class="field-hint setting-hint">{move || i18n.t().team().report_read_days_hint}</span>
                    <Show when=move || read_bad.get()>
                        <span class="field-error" role="alert" data-field="report_read_days">
                            {move || i18n.t().team().report_read_range}
                        </span>
                    </Show>
                </span>
                <input type="number" id="report-read-days" name="report_read_days" min="1" max="30" class="input"
                    style="width:5.5em" aria-invalid=move || read_bad.get().to_string()
                    prop:value=move || read.get() on:input=move |ev| read.set(event_target_value(&ev)) />
                <button type="submit" class="btn" id="save-report-days" disabled=move || pending.get()>
                    {move || i18n.t().team().save_setting}
                </button>
            </div>
        </form>
        {move || error.get().map(|e| view! { <ErrorBanner error=e /> })}
        <Show when=move || saved.get()>
            <Notice text=Signal::derive(move || i18n.t().team().settings_saved.to_owned()) />
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::days_in;

    #[test]
    fn settings_days_stay_in_their_range() {
        assert_eq!(days_in(" 0 ", 0..=10), Some(0));
        assert_eq!(days_in("10", 0..=10), Some(10));
        assert_eq!(days_in("11", 0..=10), None);
        assert_eq!(days_in("0", 1..=30), None);
        assert_eq!(days_in("30", 1..=30), Some(30));
        assert_eq!(days_in("2,5", 1..=30), None);
        assert_eq!(days_in("", 1..=30), None);
    }
}
