//! `/portal`: the client contact's home.

use crate::api;
use crate::components::async_view;
use crate::i18n::{fill, use_i18n};
use accord_api::portal::PortalHome;
use accord_api::PortalRole;
use leptos::prelude::*;

#[component]
pub fn PortalHomePage() -> impl IntoView {
    let home = LocalResource::new(api::portal::home);
    view! { <section class="page portal-page">{async_view(home, |h| view! { <PortalWelcome home=h /> })}</section> }
}

#[component]
fn PortalWelcome(home: PortalHome) -> impl IntoView {
    let i18n = use_i18n();
    let role = home.portal_role;
    let contact = home.contact_name.clone();
    let role_hint = move || match role {
        PortalRole::Approver => i18n.t().portal_approver_hint,
        PortalRole::Viewer => i18n.t().portal_viewer_hint,
    };
    view! {
        <div class="portal-hero">
            <p class="portal-eyebrow">{home.agency_name.clone()}</p>
            <h1 id="portal-client-name">{home.client.name.clone()}</h1>
            <p class="portal-greeting">{move || fill(i18n.t().portal_welcome, &[&contact])}</p>
            <p class="portal-intro">{move || i18n.t().portal_intro}</p>
        </div>
        <div class="portal-grid">
            <div class="card portal-card">
                <p class="card-label">{move || i18n.t().portal_you_are}</p>
                <p class="card-value" id="portal-contact-name">{home.contact_name.clone()}</p>
                <p class="role-pill" id="portal-role">{move || i18n.t().portal_role_label(role)}</p>
                <p class="card-hint">{role_hint}</p>
            </div>
            <div class="card portal-card">
                <p class="card-label">{move || i18n.t().portal_client}</p>
                <p class="card-value">{home.client.name.clone()}</p>
                <p class="card-label">{move || i18n.t().portal_agency}</p>
                <p class="card-value">{home.agency_name.clone()}</p>
            </div>
            <div class="card portal-card portal-card-soon">
                <p class="card-label">{move || i18n.t().portal_next_title}</p>
                <p class="card-hint">{move || i18n.t().portal_next_text}</p>
            </div>
        </div>
    }
}
