//! The Growth tab (`/app/clients/:id/growth`): `#upsells-card` with the client's upsell
//! opportunities and `form#upsell-form` (for those who may change them), `#services-had` (what
//! the client has had, `form#service-had-form` to record one) and `#next-services` (what to offer
//! now, and later with "after X"). Specialists see the services and suggestions only.

use super::next_services::NextServicesCard;
use super::services_had::ServicesHadCard;
use super::upsell_form::UpsellForm;
use super::upsells::UpsellsCard;
use crate::api::growth as api;
use crate::components::{async_view, Notice};
use crate::i18n::use_i18n;
use accord_api::growth::{ServiceRef, UpsellView};
use leptos::prelude::*;

#[component]
pub fn GrowthTab() -> impl IntoView {
    let Some(client) = super::client_param() else {
        return ().into_any();
    };
    let sells = super::sells();
    // Recording a service changes the suggestions: both reload.
    let services = LocalResource::new(move || api::client_services(client));
    let next = LocalResource::new(move || api::next_services(client));
    let on_recorded = Callback::new(move |_| {
        services.refetch();
        next.refetch();
    });
    // "Record as an opportunity" on a suggestion fills the upsell form with that service.
    let offered = RwSignal::new(None::<ServiceRef>);
    view! {
        <div class="growth-tab" id="growth-tab">
            {sells.then(|| view! { <UpsellsSection client=client offered=offered /> })}
            <div class="growth-columns">
                {async_view(services, move |s| view! { <ServicesHadCard client=client data=s on_recorded=on_recorded /> })}
                {async_view(next, move |n| view! { <NextServicesCard data=n offered=offered sells=sells /> })}
            </div>
            {(!sells).then(|| {
                let i18n = use_i18n();
                view! { <p class="card-hint growth-read-only" id="growth-read-only">{move || i18n.t().growth().read_only}</p> }
            })}
        </div>
    }
    .into_any()
}

/// The upsells card and, for those who may change them, the form.
#[component]
fn UpsellsSection(client: accord_api::ClientId, offered: RwSignal<Option<ServiceRef>>) -> impl IntoView {
    let i18n = use_i18n();
    let upsells = LocalResource::new(move || api::upsells(client));
    let editing = RwSignal::new(None::<UpsellView>);
    let deleted = RwSignal::new(false);
    let can_edit = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(u)) = upsells.get() {
            if can_edit.get_untracked() != u.can_edit {
                can_edit.set(u.can_edit);
            }
        }
    });
    let on_saved = Callback::new(move |_| {
        deleted.set(false);
        offered.set(None);
        upsells.refetch();
    });
    let on_edit = Callback::new(move |u: UpsellView| {
        deleted.set(false);
        offered.set(None);
        editing.set(Some(u));
        scroll_to_form();
    });
    let on_deleted = Callback::new(move |id| {
        if editing.with_untracked(|e| e.as_ref().is_some_and(|u| u.id == id)) {
            editing.set(None);
        }
        deleted.set(true);
        upsells.refetch();
    });
    // A suggestion chosen for an offer starts a new opportunity.
    Effect::new(move |_| {
        if offered.get().is_some() {
            editing.set(None);
            scroll_to_form();
        }
    });
    view! {
        {async_view(upsells, move |u| view! { <UpsellsCard data=u on_edit=on_edit on_deleted=on_deleted /> })}
        <Show when=move || deleted.get()>
            <Notice text=Signal::derive(move || i18n.t().growth().upsell_deleted.to_owned()) />
        </Show>
        <Show when=move || can_edit.get()>
            // Re-created when another opportunity (or a suggestion) is chosen.
            {move || view! {
                <UpsellForm client=client editing=editing.get() service=offered.get() on_saved=on_saved
                    on_cancel=Callback::new(move |_| editing.set(None)) />
            }}
        </Show>
    }
}

fn scroll_to_form() {
    if let Some(form) = document().get_element_by_id("upsell-form-card") {
        form.scroll_into_view();
    }
}
