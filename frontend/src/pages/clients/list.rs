//! `/app`: the agency's clients with search, filters, order, counts, pages, CSV exports and the
//! "New client" form. Search, filters and page live in the URL, so Back returns to the same view.

use super::filters::ClientFilters;
use super::new_client::NewClientForm;
use super::{can_manage_clients, client_status_badge, last_touch_view};
use crate::api;
use crate::api::clients::{ClientQuery, EXPORT_CLIENTS_CSV, EXPORT_CONTACTS_CSV};
use crate::components::form::Text;
use crate::components::{async_view, EmptyState, Pagination};
use crate::i18n::use_i18n;
use crate::routes::Route;
use crate::session::use_session;
use accord_api::clients::ClientView;
use accord_api::{Page, ValueTier};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

const PER_PAGE: u64 = 25;

#[component]
pub fn ClientsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|m| ClientQuery::from_params(|key| m.get(key))));
    let page =
        Memo::new(move |_| params.with(|m| m.get("page").and_then(|p| p.parse::<u64>().ok()).unwrap_or(1).max(1)));
    let clients = LocalResource::new(move || {
        let (query, page) = (query.get(), page.get());
        async move { api::clients::list(&query, page, PER_PAGE).await }
    });
    let directory = LocalResource::new(api::staff::directory);

    let navigate = use_navigate();
    let show = Callback::new(move |(next, page): (ClientQuery, u64)| {
        let mut search = api::clients::query_string(&next);
        if page > 1 {
            let sep = if search.is_empty() { "" } else { "&" };
            search = format!("{search}{sep}page={page}");
        }
        let options = NavigateOptions { replace: true, scroll: false, ..NavigateOptions::default() };
        navigate(&Route::StaffClientsQuery(search).path(), options);
    });
    let on_filter = Callback::new(move |next: ClientQuery| show.run((next, 1)));
    let on_page = Callback::new(move |p: u64| show.run((query.get_untracked(), p)));
    let on_created = Callback::new(move |_| {
        if page.get_untracked() == 1 {
            clients.refetch();
        } else {
            on_page.run(1);
        }
    });

    view! {
        <section class="page">
            <div class="page-header">
                <div>
                    <h1>{move || i18n.t().clients().clients_title}</h1>
                    <p class="subtitle">{move || i18n.t().clients().clients_subtitle}</p>
                </div>
                <div class="header-actions">
                    <a id="export-clients" class="btn btn-small" href=EXPORT_CLIENTS_CSV download="clients.csv">
                        <span aria-hidden="true">"⤓"</span> {move || i18n.t().clients().export_clients}
                    </a>
                    <a id="export-contacts" class="btn btn-small" href=EXPORT_CONTACTS_CSV download="contacts.csv">
                        <span aria-hidden="true">"⤓"</span> {move || i18n.t().clients().export_contacts}
                    </a>
                </div>
            </div>
            <Show when=move || can_manage_clients(session)>
                <NewClientForm directory=directory on_created=on_created />
            </Show>
            <div class="card card-flush">
                <ClientFilters query=query directory=directory on_change=on_filter />
                {async_view(clients, move |data| view! {
                    <ClientsTable data=data narrowed=query.get_untracked().narrows() on_page=on_page />
                })}
            </div>
        </section>
    }
}

#[component]
fn ClientsTable(data: Page<ClientView>, narrowed: bool, on_page: Callback<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let total = data.total;
    if data.items.is_empty() && data.page <= 1 {
        let (title, hint): (Text, Text) = if narrowed {
            (|t| t.common().no_matches, |t| t.common().no_matches_hint)
        } else {
            (|t| t.clients().no_clients, |t| t.clients().no_clients_hint)
        };
        return view! {
            <p class="table-caption" id="clients-total">{move || i18n.t().clients().clients_total.count(total)}</p>
            <EmptyState title=title hint=hint />
        }
        .into_any();
    }
    let rows = data.items.into_iter().map(|c| view! { <ClientRow client=c /> }).collect_view();
    view! {
        <p class="table-caption" id="clients-total">{move || i18n.t().clients().clients_total.count(total)}</p>
        <div class="table-wrap">
            <table class="table" id="clients-table">
                <thead>
                    <tr>
                        <th>{move || i18n.t().common().col_name}</th>
                        <th>{move || i18n.t().common().status}</th>
                        <th class="hide-sm">{move || i18n.t().clients().account_manager}</th>
                        <th class="center">{move || i18n.t().clients().col_tier}</th>
                        <th class="hide-sm">{move || i18n.t().segmentation().temperament}</th>
                        <th>{move || i18n.t().clients().col_last_touch}</th>
                        <th class="num hide-sm">{move || i18n.t().clients().col_contacts}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Pagination total=total page=data.page per_page=data.per_page on_change=on_page />
    }
    .into_any()
}

#[component]
fn ClientRow(client: ClientView) -> impl IntoView {
    let i18n = use_i18n();
    let c = client;
    let temperament = c.temperament;
    let manager = c.account_manager.clone().map(|m| m.name);
    let has_manager = manager.is_some();
    view! {
        <tr class="client-row" class:row-archived=c.archived data-id=c.id.to_string()
            data-overdue=c.touch_overdue.to_string()>
            <td class="cell-main">
                <A href=Route::StaffClient(c.id).path() attr:class="row-link">{c.name.clone()}</A>
                {c.archived.then(|| view! {
                    <span class="badge badge-grey archived-tag">{move || i18n.t().clients().archived_badge}</span>
                })}
            </td>
            <td>{client_status_badge(c.status)}</td>
            <td class="hide-sm client-manager" class:muted=!has_manager>
                {move || manager.clone().unwrap_or_else(|| i18n.t().clients().no_manager.to_owned())}
            </td>
            <td class="center">{tier_mark(c.value_tier)}</td>
            <td class="hide-sm" class:muted=temperament.is_none()>
                {move || temperament.map(|t| i18n.t().temperament(t)).unwrap_or("—")}
            </td>
            <td class="client-last-touch">{last_touch_view(c.days_since_touch, c.touch_overdue)}</td>
            <td class="num hide-sm">{c.contact_count}</td>
        </tr>
    }
}

/// A small lettered square: A is the strongest colour, C the palest; "—" when not set.
pub fn tier_mark(tier: Option<ValueTier>) -> impl IntoView {
    let i18n = use_i18n();
    match tier {
        Some(t) => view! {
            <span class=format!("tier-mark tier-{}", t.as_str()) title=move || i18n.t().value_tier(t)>
                {t.as_str().to_ascii_uppercase()}
            </span>
        }
        .into_any(),
        None => view! { <span class="muted">"—"</span> }.into_any(),
    }
}
