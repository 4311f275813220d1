//! `/app/clients/:id`: one client's name, status and contacts.

use super::client_status_badge;
use super::contacts::ContactsCard;
use crate::api::{self, ApiError};
use crate::components::async_view;
use crate::i18n::{format_date, use_i18n};
use crate::routes::Route;
use accord_api::error::codes;
use accord_api::ClientId;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ClientPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|s| s.parse::<ClientId>().ok()));
    let client = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::staff::client(id).await,
                None => Err(ApiError::local(codes::NOT_FOUND, String::new())),
            }
        }
    });

    view! {
        <section class="page">
            <A href=Route::StaffClients.path() attr:class="back-link">
                "← " {move || i18n.t().back_to_clients}
            </A>
            {async_view(client, move |c| {
                let created = c.created_at;
                view! {
                    <div class="page-header">
                        <div>
                            <div class="title-row">
                                <h1 id="client-title">{c.name.clone()}</h1>
                                {client_status_badge(c.status)}
                            </div>
                            <p class="subtitle">
                                {move || i18n.t().client_since} " "
                                {move || format_date(i18n.locale(), &created)}
                            </p>
                        </div>
                    </div>
                    <ContactsCard client=c.id />
                }
            })}
        </section>
    }
}
