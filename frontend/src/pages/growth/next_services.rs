//! `#next-services`: what the playbook suggests for the client — `li.next-service[data-service]`
//! to offer now (with `button.offer-service` for those who sell) and `li.later-service` with
//! "after: X" for those still waiting on a prerequisite.

use crate::components::EmptyState;
use crate::i18n::{fill, use_i18n};
use accord_api::growth::{NextServices, ServiceRef, SuggestedService};
use leptos::prelude::*;

#[component]
pub fn NextServicesCard(data: NextServices, offered: RwSignal<Option<ServiceRef>>, sells: bool) -> impl IntoView {
    let i18n = use_i18n();
    let NextServices { next, later } = data;
    let body = if next.is_empty() && later.is_empty() {
        view! { <EmptyState title=|t| t.growth().next_empty hint=|t| t.growth().next_empty_hint /> }.into_any()
    } else {
        let ready = (!next.is_empty()).then(|| {
            let items = next.into_iter().map(|s| ready_item(s, offered, sells)).collect_view();
            view! {
                <p class="next-group-title">{move || i18n.t().growth().ready_now}</p>
                <ul class="next-services" id="next-ready">{items}</ul>
            }
        });
        let waiting = (!later.is_empty()).then(|| {
            let items = later.into_iter().map(later_item).collect_view();
            view! {
                <p class="next-group-title">{move || i18n.t().growth().blocked}</p>
                <ul class="next-services next-later" id="next-later">{items}</ul>
            }
        });
        view! { {ready} {waiting} }.into_any()
    };
    view! {
        <div class="card growth-card" id="next-services">
            <h2 class="card-title">{move || i18n.t().growth().next_title}</h2>
            <p class="card-hint">{move || i18n.t().growth().next_hint}</p>
            {body}
        </div>
    }
}

fn ready_item(s: SuggestedService, offered: RwSignal<Option<ServiceRef>>, sells: bool) -> impl IntoView {
    let i18n = use_i18n();
    let service = StoredValue::new(s.service.clone());
    view! {
        <li class="next-service" data-service=s.service.id.to_string()>
            <span class="next-mark" aria-hidden="true">"→"</span>
            <span class="next-name">{s.service.name.clone()}</span>
            {sells.then(|| view! {
                <button type="button" class="btn btn-small btn-ghost offer-service"
                    on:click=move |_| offered.set(Some(service.get_value()))>
                    {move || i18n.t().growth().offer_it}
                </button>
            })}
        </li>
    }
}

fn later_item(s: SuggestedService) -> impl IntoView {
    let i18n = use_i18n();
    let missing = s.missing.iter().map(|m| m.name.clone()).collect::<Vec<_>>().join(", ");
    view! {
        <li class="next-service later-service" data-service=s.service.id.to_string()>
            <span class="next-mark" aria-hidden="true">"⋯"</span>
            <span class="next-name">{s.service.name.clone()}</span>
            <span class="next-after">{move || fill(i18n.t().growth().after, &[&missing])}</span>
        </li>
    }
}
