//! Any URL the router does not know.

use crate::components::PublicShell;
use crate::i18n::use_i18n;
use crate::routes::Route;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PublicShell>
            <div class="card not-found">
                <div class="not-found-code" aria-hidden="true">"404"</div>
                <h1>{move || i18n.t().common().not_found_title}</h1>
                <p class="subtitle">{move || i18n.t().common().not_found_text}</p>
                <A href=Route::Home.path() attr:class="btn btn-primary" attr:id="go-home">
                    {move || i18n.t().common().go_home}
                </A>
            </div>
        </PublicShell>
    }
}
