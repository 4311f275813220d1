//! `#contact-history`: who joined, changed, left or was replaced, by whom and when.

use crate::api::ApiError;
use crate::components::async_view;
use crate::i18n::{fill, format_date_time, use_i18n};
use accord_api::clients::ContactEvent;
use leptos::prelude::*;

#[component]
pub fn ContactHistory(history: LocalResource<Result<Vec<ContactEvent>, ApiError>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="card" id="contact-history">
            <h2 class="card-title">{move || i18n.t().contact_history}</h2>
            {async_view(history, move |mut events| {
                if events.is_empty() {
                    return view! { <p class="muted">{move || i18n.t().no_contact_history}</p> }.into_any();
                }
                events.sort_by_key(|e| std::cmp::Reverse(e.at));
                view! {
                    <ol class="timeline">
                        {events.into_iter().map(|e| view! { <EventItem event=e /> }).collect_view()}
                    </ol>
                }
                .into_any()
            })}
        </div>
    }
}

#[component]
fn EventItem(event: ContactEvent) -> impl IntoView {
    let i18n = use_i18n();
    let at = event.at;
    let kind = event.kind.clone();
    let replaced = kind == "replaced";
    let detail = event.detail.clone();
    let what = {
        let (kind, detail) = (kind.clone(), detail.clone());
        move || {
            let label = i18n.t().contact_event(&kind);
            if replaced {
                fill(label, &[&detail.clone().unwrap_or_default()])
            } else {
                label.to_owned()
            }
        }
    };
    let actor = event.actor.map(|a| a.name);
    view! {
        <li class="timeline-item contact-event" data-kind=kind>
            <span class="timeline-dot" aria-hidden="true"></span>
            <div class="timeline-body">
                <div class="timeline-line">
                    <b>{event.contact_name.clone()}</b>
                    <span class="event-what">{what}</span>
                </div>
                {(!replaced).then_some(detail).flatten().map(|d| view! { <div class="event-detail">{d}</div> })}
                <div class="timeline-meta">
                    {move || actor.clone().unwrap_or_else(|| i18n.t().someone.to_owned())}
                    " · "
                    {move || format_date_time(i18n.locale(), &at)}
                </div>
            </div>
        </li>
    }
}
