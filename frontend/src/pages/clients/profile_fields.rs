//! The selects of the profile form: status, account manager (admins pick; others see who it
//! is) and report cadence.

use super::manager_candidates;
use crate::api;
use crate::components::{names_field, FieldError, Problem};
use crate::i18n::use_i18n;
use crate::session::use_session;
use accord_api::{ClientStatus, ReportCadence, UserId};
use leptos::prelude::*;

#[component]
pub fn StatusSelect(status: RwSignal<ClientStatus>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for="client-edit-status">{move || i18n.t().common().status}</label>
            <select
                id="client-edit-status"
                prop:value=move || status.get().as_str()
                on:change=move |ev| {
                    if let Some(s) = ClientStatus::parse(&event_target_value(&ev)) {
                        status.set(s);
                    }
                }
            >
                {ClientStatus::ALL.iter().map(|&s| view! {
                    <option value=s.as_str() selected=move || status.get() == s>
                        {move || i18n.t().client_status(s)}
                    </option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// Admins pick the manager from the directory; everyone else sees who it is.
#[component]
pub fn ManagerField(manager: RwSignal<Option<UserId>>, problem: RwSignal<Option<Problem>>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let Some(ctx) = super::frame::use_client() else {
        return ().into_any();
    };
    let current = ctx.profile.with_untracked(|p| p.summary.account_manager.clone());
    if !session.is_agency_admin() {
        let name = current.map(|m| m.name);
        return view! {
            <div class="field">
                <span class="field-label-static">{move || i18n.t().clients().account_manager}</span>
                <p class="static-value" id="client-edit-manager-name">
                    {move || name.clone().unwrap_or_else(|| i18n.t().clients().no_manager.to_owned())}
                </p>
                <p class="field-hint">{move || i18n.t().overview().manager_admin_only}</p>
            </div>
        }
        .into_any();
    }
    let directory = LocalResource::new(api::staff::directory);
    let options = move || {
        let mut people = directory.get().and_then(Result::ok).map(|d| manager_candidates(&d)).unwrap_or_default();
        // Someone no longer active still shows as the current manager.
        let missing = current.clone().filter(|c| !people.iter().any(|m| m.id == c.id));
        let mut views: Vec<AnyView> = Vec::new();
        if let Some(c) = missing {
            let id = c.id;
            views.push(
                view! { <option value=id.to_string() selected=move || manager.get() == Some(id)>{c.name}</option> }
                    .into_any(),
            );
        }
        people.sort_by(|a, b| a.name.cmp(&b.name));
        for m in people {
            let id = m.id;
            views.push(
                view! { <option value=id.to_string() selected=move || manager.get() == Some(id)>{m.name}</option> }
                    .into_any(),
            );
        }
        views
    };
    view! {
        <div class="field-wrap">
            <div class="field">
                <label for="client-edit-manager">{move || i18n.t().clients().account_manager}</label>
                <select
                    id="client-edit-manager"
                    aria-invalid=move || names_field(problem, "account_manager_id").get().to_string()
                    prop:value=move || manager.get().map(|m| m.to_string()).unwrap_or_default()
                    on:change=move |ev| manager.set(event_target_value(&ev).parse().ok())
                >
                    <option value="" selected=move || manager.get().is_none()>{move || i18n.t().clients().no_manager}</option>
                    {options}
                </select>
            </div>
            <FieldError field="account_manager_id" problem=problem />
        </div>
    }
    .into_any()
}

#[component]
pub fn ReportCadenceSelect(report: RwSignal<Option<ReportCadence>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for="client-report-cadence">{move || i18n.t().overview().report_cadence_label}</label>
            <select
                id="client-report-cadence"
                prop:value=move || report.get().map(|r| r.as_str()).unwrap_or("")
                on:change=move |ev| report.set(ReportCadence::parse(&event_target_value(&ev)))
            >
                <option value="" selected=move || report.get().is_none()>{move || i18n.t().common().not_set}</option>
                {ReportCadence::ALL.iter().map(|&r| view! {
                    <option value=r.as_str() selected=move || report.get() == Some(r)>
                        {move || i18n.t().report_cadence(r)}
                    </option>
                }).collect_view()}
            </select>
        </div>
    }
}
