//! `/app`: the agency's clients with search, counts, pages and the "New client" form.

use super::new_client::NewClientForm;
use super::{can_manage_clients, client_status_badge};
use crate::api;
use crate::components::form::Text;
use crate::components::{async_view, EmptyState, Pagination};
use crate::i18n::{fill, format_date, use_i18n};
use crate::routes::Route;
use crate::session::use_session;
use accord_api::clients::ClientView;
use accord_api::Page;
use leptos::prelude::*;
use leptos_router::components::A;
use std::time::Duration;

const PER_PAGE: u64 = 25;
const SEARCH_DELAY: Duration = Duration::from_millis(250);

#[component]
pub fn ClientsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let page = RwSignal::new(1u64);
    let query = RwSignal::new(String::new());
    let clients = LocalResource::new(move || {
        let (page, query) = (page.get(), query.get());
        async move { api::staff::list_clients(page, PER_PAGE, &query).await }
    });

    // Search as the person types, once they pause.
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let on_search = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if let Some(pending) = timer.get_value() {
            pending.clear();
        }
        let apply = move || {
            page.set(1);
            query.set(text);
        };
        timer.set_value(set_timeout_with_handle(apply, SEARCH_DELAY).ok());
    };

    let on_created = Callback::new(move |_| {
        page.set(1);
        clients.refetch();
    });

    view! {
        <section class="page">
            <div class="page-header">
                <div>
                    <h1>{move || i18n.t().clients_title}</h1>
                    <p class="subtitle">{move || i18n.t().clients_subtitle}</p>
                </div>
            </div>
            <Show when=move || can_manage_clients(session)>
                <NewClientForm on_created=on_created />
            </Show>
            <div class="card card-flush">
                <div class="toolbar">
                    <div class="search">
                        <span class="search-icon" aria-hidden="true">"⌕"</span>
                        <input
                            id="client-search"
                            type="search"
                            autocomplete="off"
                            placeholder=move || i18n.t().search_clients
                            aria-label=move || i18n.t().search_clients
                            on:input=on_search
                        />
                    </div>
                </div>
                {async_view(clients, move |data| view! {
                    <ClientsTable data=data searching=!query.get_untracked().trim().is_empty() on_page=Callback::new(move |p| page.set(p)) />
                })}
            </div>
        </section>
    }
}

#[component]
fn ClientsTable(data: Page<ClientView>, searching: bool, on_page: Callback<u64>) -> impl IntoView {
    let i18n = use_i18n();
    if data.items.is_empty() && data.page <= 1 {
        let (title, hint): (Text, Text) = if searching {
            (|t| t.no_matches, |t| t.no_matches_hint)
        } else {
            (|t| t.no_clients, |t| t.no_clients_hint)
        };
        return view! { <EmptyState title=title hint=hint /> }.into_any();
    }
    let total = data.total;
    let rows = data
        .items
        .into_iter()
        .map(|c| {
            let created = c.created_at;
            view! {
                <tr class="client-row" data-id=c.id.to_string()>
                    <td class="cell-main">
                        <A href=Route::StaffClient(c.id).path() attr:class="row-link">{c.name.clone()}</A>
                    </td>
                    <td>{client_status_badge(c.status)}</td>
                    <td class="num hide-sm">{c.contact_count}</td>
                    <td class="muted date">{move || format_date(i18n.locale(), &created)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="table-caption" id="clients-total">{move || fill(i18n.t().clients_total, &[&total])}</p>
        <div class="table-wrap">
            <table class="table" id="clients-table">
                <thead>
                    <tr>
                        <th>{move || i18n.t().col_name}</th>
                        <th>{move || i18n.t().status}</th>
                        <th class="num hide-sm">{move || i18n.t().col_contacts}</th>
                        <th class="date">{move || i18n.t().col_created}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Pagination total=total page=data.page per_page=data.per_page on_change=on_page />
    }
    .into_any()
}
