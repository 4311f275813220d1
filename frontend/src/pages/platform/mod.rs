//! `/platform`: every agency with its usage, the create form, suspend and reactivate.

mod create;

use crate::api::{self, ApiError};
use crate::components::{async_view, Badge, EmptyState, ErrorBanner, InlineConfirm, Pagination};
use crate::i18n::{fill, format_date, use_i18n};
use accord_api::platform::AgencyUsage;
use accord_api::{AgencyStatus, Page};
use create::NewAgencyForm;
use leptos::prelude::*;
use leptos::task::spawn_local;

const PER_PAGE: u64 = 50;

#[component]
pub fn AgenciesPage() -> impl IntoView {
    let i18n = use_i18n();
    let page = RwSignal::new(1u64);
    let agencies = LocalResource::new(move || api::platform::agencies(page.get(), PER_PAGE));
    let action_error = RwSignal::new(None::<ApiError>);
    view! {
        <section class="page">
            <div class="page-header">
                <div>
                    <h1>{move || i18n.t().platform().agencies_title}</h1>
                    <p class="subtitle">{move || i18n.t().platform().agencies_subtitle}</p>
                </div>
            </div>
            {move || action_error.get().map(|e| view! { <ErrorBanner error=e /> })}
            <div class="card card-flush">
                {async_view(agencies, move |data| view! {
                    <AgenciesTable data=data action_error=action_error on_page=Callback::new(move |p| page.set(p)) />
                })}
            </div>
            <NewAgencyForm on_created=Callback::new(move |_| agencies.refetch()) />
        </section>
    }
}

#[component]
fn AgenciesTable(
    data: Page<AgencyUsage>,
    action_error: RwSignal<Option<ApiError>>,
    on_page: Callback<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    if data.items.is_empty() && data.page <= 1 {
        return view! { <EmptyState title=|t| t.platform().no_agencies hint=|t| t.platform().no_agencies_hint /> }
            .into_any();
    }
    let rows = data.items.into_iter().map(|a| view! { <AgencyRow usage=a action_error=action_error /> }).collect_view();
    view! {
        <div class="table-wrap">
            <table class="table" id="agencies-table">
                <thead>
                    <tr>
                        <th>{move || i18n.t().common().col_name}</th>
                        <th class="hide-sm">{move || i18n.t().platform().slug}</th>
                        <th>{move || i18n.t().common().status}</th>
                        <th class="num">{move || i18n.t().platform().col_staff}</th>
                        <th class="num">{move || i18n.t().platform().col_clients}</th>
                        <th class="num">{move || i18n.t().clients().col_contacts}</th>
                        <th class="date">{move || i18n.t().common().col_created}</th>
                        <th class="actions">{move || i18n.t().common().actions}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Pagination total=data.total page=data.page per_page=data.per_page on_change=on_page />
    }
    .into_any()
}

/// One agency; keeps its own copy so suspend/reactivate shows at once.
#[component]
fn AgencyRow(usage: AgencyUsage, action_error: RwSignal<Option<ApiError>>) -> impl IntoView {
    let i18n = use_i18n();
    let id = usage.agency.id;
    let created = usage.created_at;
    let current = RwSignal::new(usage);
    let pending = RwSignal::new(false);
    let confirming = RwSignal::new(false);

    let change = move |suspend: bool| {
        pending.set(true);
        action_error.set(None);
        spawn_local(async move {
            let result = if suspend { api::platform::suspend(id).await } else { api::platform::reactivate(id).await };
            match result {
                Ok(updated) => current.set(updated),
                Err(e) => action_error.set(Some(e)),
            }
            pending.set(false);
            confirming.set(false);
        });
    };

    let status = move || current.get().agency.status;
    let name = move || current.get().agency.name;
    view! {
        <tr class="agency-row" data-slug=move || current.get().agency.slug>
            <td class="cell-main">{name}</td>
            <td class="hide-sm"><code>{move || current.get().agency.slug}</code></td>
            <td>
                {move || {
                    let s = status();
                    let tone = if s == AgencyStatus::Active { "green" } else { "red" };
                    view! { <Badge tone=tone label=Signal::derive(move || i18n.t().agency_status(s).to_owned()) /> }
                }}
            </td>
            <td class="num">{move || current.get().staff_count}</td>
            <td class="num">{move || current.get().client_count}</td>
            <td class="num">{move || current.get().contact_count}</td>
            <td class="muted date">{move || format_date(i18n.locale(), &created)}</td>
            <td class="actions">
                {move || match (status(), confirming.get()) {
                    (AgencyStatus::Suspended, _) => view! {
                        <button type="button" class="btn btn-small reactivate-button" disabled=move || pending.get()
                            on:click=move |_| change(false)>
                            {move || i18n.t().platform().reactivate}
                        </button>
                    }.into_any(),
                    (AgencyStatus::Active, false) => view! {
                        <button type="button" class="btn btn-small btn-danger-ghost suspend-button"
                            on:click=move |_| confirming.set(true)>
                            {move || i18n.t().platform().suspend}
                        </button>
                    }.into_any(),
                    (AgencyStatus::Active, true) => view! {
                        <InlineConfirm action="suspend" pending=pending on_confirm=Callback::new(move |_| change(true))
                            text=Signal::derive(move || fill(i18n.t().platform().confirm_suspend, &[&name()]))
                            on_cancel=Callback::new(move |_| confirming.set(false)) />
                    }.into_any(),
                }}
            </td>
        </tr>
    }
}
