//! `#contact-history`: who joined, changed, left or was replaced, by whom and when.

use crate::api::ApiError;
use crate::components::{async_view, who_and_when, Timeline, TimelineEntry};
use crate::i18n::{fill, use_i18n, Texts};
use accord_api::clients::ContactEvent;
use accord_api::Locale;
use leptos::prelude::*;

#[component]
pub fn ContactHistory(history: LocalResource<Result<Vec<ContactEvent>, ApiError>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="card" id="contact-history">
            <h2 class="card-title">{move || i18n.t().contacts().contact_history}</h2>
            {async_view(history, move |mut events| {
                if events.is_empty() {
                    return view! { <p class="muted">{move || i18n.t().contacts().no_contact_history}</p> }.into_any();
                }
                events.sort_by_key(|e| std::cmp::Reverse(e.at));
                view! {
                    <Timeline>
                        {events.into_iter().map(|e| view! { <EventItem event=e /> }).collect_view()}
                    </Timeline>
                }
                .into_any()
            })}
        </div>
    }
}

#[component]
fn EventItem(event: ContactEvent) -> impl IntoView {
    let i18n = use_i18n();
    let ContactEvent { kind, contact_name, detail, actor, at, changes, .. } = event;
    let what = {
        let kind = kind.clone();
        move || {
            let label = i18n.t().contact_event(&kind);
            if kind == "replaced" {
                fill(label, &[&detail.clone().unwrap_or_default()])
            } else {
                label.to_owned()
            }
        }
    };
    let actor = actor.map(|a| a.name);
    view! {
        <TimelineEntry class="contact-event" attr:data-kind=kind changes=changes field=field_name value=field_value
            line=move || view! {
                <b>{contact_name.clone()}</b>
                <span class="event-what">{what.clone()}</span>
            }
            meta=move || who_and_when(actor.clone(), at) />
    }
}

/// The field of "Position: CMO → Head of marketing" in the reader's language.
fn field_name(t: &'static Texts, field: &str) -> String {
    match field {
        "name" => t.contacts().contact_name,
        "email" => t.common().email,
        "portal_role" => t.contacts().portal_role,
        "position" => t.contacts().position,
        "phone" => t.contacts().phone,
        "decision_maker" => t.contacts().decision_maker,
        other => t.contact_event(other),
    }
    .to_owned()
}

/// A value of a changed contact field: roles translated, yes/no as marks.
fn field_value(t: &'static Texts, _: Locale, _: &str, value: Option<&str>) -> String {
    match value {
        None | Some("") => "—".to_owned(),
        Some("true") => "✓".to_owned(),
        Some("false") => "✗".to_owned(),
        Some("approver") => t.contacts().portal_approver.to_owned(),
        Some("viewer") => t.contacts().portal_viewer.to_owned(),
        Some(other) => other.to_owned(),
    }
}
