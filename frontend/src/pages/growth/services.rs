//! `/app/services`: the service catalogue — the playbook. `table#services-table`, a
//! `tr.service-row[data-id]` per service in playbook order with its project kinds and what it
//! comes after; owners and admins get `button.edit-service`, `button.delete-service` and
//! `form#service-form`, everyone else reads (`#catalogue-read-only`).

use super::service_form::ServiceForm;
use super::SectionTabs;
use crate::api::growth as api;
use crate::api::ApiError;
use crate::components::{async_view, delete_action, DeleteConfirm, EmptyState, ErrorBanner, Notice, RowActions};
use crate::i18n::{fill, use_i18n};
use crate::routes::Route;
use accord_api::growth::{Catalogue, ServiceView};
use accord_api::ServiceId;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ServicesPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = LocalResource::new(api::catalogue);
    let editing = RwSignal::new(None::<ServiceView>);
    let deleted = RwSignal::new(false);
    let can_edit = RwSignal::new(false);
    // Every service, for the prerequisites' checkboxes (kept from the last answer).
    let all = RwSignal::new(Vec::<ServiceView>::new());
    Effect::new(move |_| {
        if let Some(Ok(c)) = data.get() {
            can_edit.set(c.can_edit);
            all.set(c.services);
        }
    });
    let on_saved = Callback::new(move |_| {
        deleted.set(false);
        editing.set(None);
        data.refetch();
    });
    let on_edit = Callback::new(move |s: ServiceView| {
        deleted.set(false);
        editing.set(Some(s));
        if let Some(form) = document().get_element_by_id("service-form-card") {
            form.scroll_into_view();
        }
    });
    let on_deleted = Callback::new(move |id: ServiceId| {
        if editing.with_untracked(|e| e.as_ref().is_some_and(|s| s.id == id)) {
            editing.set(None);
        }
        deleted.set(true);
        data.refetch();
    });
    view! {
        <section class="page growth-page" id="services-page">
            <div class="page-header">
                <div>
                    <h1>{move || i18n.t().growth_catalogue().services_title}</h1>
                    <p class="subtitle">{move || i18n.t().growth_catalogue().services_subtitle}</p>
                </div>
            </div>
            <SectionTabs />
            {async_view(data, move |c| view! { <CatalogueCard catalogue=c on_edit=on_edit on_deleted=on_deleted /> })}
            <Show when=move || deleted.get()>
                <Notice text=Signal::derive(move || i18n.t().growth_catalogue().service_deleted.to_owned()) />
            </Show>
            <Show when=move || can_edit.get()>
                {move || view! {
                    <ServiceForm editing=editing.get() all=all.get() on_saved=on_saved
                        on_cancel=Callback::new(move |_| editing.set(None)) />
                }}
            </Show>
        </section>
    }
}

#[component]
fn CatalogueCard(
    catalogue: Catalogue,
    on_edit: Callback<ServiceView>,
    on_deleted: Callback<ServiceId>,
) -> impl IntoView {
    let i18n = use_i18n();
    let can_edit = catalogue.can_edit;
    let read_only = (!can_edit).then(|| {
        view! { <p class="card-hint" id="catalogue-read-only">{move || i18n.t().growth_catalogue().catalogue_read_only}</p> }
    });
    if catalogue.services.is_empty() {
        return view! {
            <div class="card">
                <EmptyState title=|t| t.growth_catalogue().services_empty hint=|t| t.growth_catalogue().services_empty_hint />
                {read_only}
            </div>
        }
        .into_any();
    }
    let columns = if can_edit { 5 } else { 4 };
    let rows = catalogue
        .services
        .into_iter()
        .enumerate()
        .map(|(i, s)| view! { <ServiceRow service=s place=i + 1 can_edit=can_edit columns=columns on_edit=on_edit on_deleted=on_deleted /> })
        .collect_view();
    view! {
        <div class="card card-flush" id="catalogue-card">
            {read_only}
            <div class="table-wrap">
                <table class="table services-table" id="services-table">
                    <thead>
                        <tr>
                            <th class="num">"#"</th>
                            <th>{move || i18n.t().growth_catalogue().col_service}</th>
                            <th class="hide-sm">{move || i18n.t().growth_catalogue().col_kinds}</th>
                            <th>{move || i18n.t().growth_catalogue().col_after}</th>
                            {can_edit.then(|| view! { <th class="actions">{move || i18n.t().common().actions}</th> })}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
    .into_any()
}

#[component]
fn ServiceRow(
    service: ServiceView,
    place: usize,
    can_edit: bool,
    columns: u32,
    on_edit: Callback<ServiceView>,
    on_deleted: Callback<ServiceId>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = service.id;
    let confirming = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let delete =
        delete_action(pending, error, move || api::delete_service(id), Callback::new(move |_| on_deleted.run(id)));
    let stored = StoredValue::new(service.clone());
    let kinds = service.project_kinds.clone();
    let kinds_text = move || {
        if kinds.is_empty() {
            i18n.t().growth_catalogue().any_kind.to_owned()
        } else {
            kinds.iter().map(|k| i18n.t().project_kind(*k)).collect::<Vec<_>>().join(", ")
        }
    };
    let after = service.prerequisites.iter().map(|p| p.name.clone()).collect::<Vec<_>>().join(", ");
    let has_after = !after.is_empty();
    let name = service.name.clone();
    let explainers = (!service.articles.is_empty()).then(|| {
        view! {
            <A href=Route::StaffKnowledge.path() attr:class="cell-sub service-explainer">
                {move || i18n.t().growth_catalogue().explainer_link}
            </A>
        }
    });
    view! {
        <tr class="service-row" data-id=id.to_string()>
            <td class="num muted">{place}</td>
            <td class="cell-main">
                <div class="service-name">{service.name.clone()}</div>
                {(!service.description.trim().is_empty()).then(|| view! {
                    <div class="cell-sub service-description">{service.description.clone()}</div>
                })}
                {explainers}
            </td>
            <td class="hide-sm service-kinds">{kinds_text}</td>
            <td class="service-after" class:muted=!has_after>{if has_after { after } else { "—".to_owned() }}</td>
            {can_edit.then(|| view! {
                <td class="actions">
                    <RowActions kind="service" can_edit=true confirming=confirming
                        on_edit=Callback::new(move |_| on_edit.run(stored.get_value())) />
                </td>
            })}
        </tr>
        <Show when=move || confirming.get()>
            <tr class="service-confirm-row" data-id=id.to_string()>
                <td colspan=columns>
                    <DeleteConfirm kind="service" confirming=confirming pending=pending on_confirm=delete
                        text=Signal::derive({
                            let name = name.clone();
                            move || fill(i18n.t().growth_catalogue().delete_service_confirm, &[&name])
                        }) />
                    {move || error.get().map(|e| view! { <ErrorBanner error=e /> })}
                </td>
            </tr>
        </Show>
    }
}
