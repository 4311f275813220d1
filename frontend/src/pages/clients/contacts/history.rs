//! `#contact-history`: who joined, changed, left or was replaced, by whom and when.

use crate::api::ApiError;
use crate::components::async_view;
use crate::i18n::{fill, format_date_time, use_i18n};
use accord_api::clients::{ContactEvent, FieldChange};
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
    let changes = event.changes.clone();
    view! {
        <li class="timeline-item contact-event" data-kind=kind>
            <span class="timeline-dot" aria-hidden="true"></span>
            <div class="timeline-body">
                <div class="timeline-line">
                    <b>{event.contact_name.clone()}</b>
                    <span class="event-what">{what}</span>
                </div>
                {(!changes.is_empty()).then(|| view! {
                    <ul class="event-changes">
                        {changes.into_iter().map(|c| view! { <ChangeLine change=c /> }).collect_view()}
                    </ul>
                })}
                <div class="timeline-meta">
                    {move || actor.clone().unwrap_or_else(|| i18n.t().someone.to_owned())}
                    " · "
                    {move || format_date_time(i18n.locale(), &at)}
                </div>
            </div>
        </li>
    }
}

/// "Position: CMO → Head of marketing", with the field and values in the reader's language.
#[component]
fn ChangeLine(change: FieldChange) -> impl IntoView {
    let i18n = use_i18n();
    let field = change.field.clone();
    let label = move || {
        let t = i18n.t();
        match field.as_str() {
            "name" => t.contact_name,
            "email" => t.email,
            "portal_role" => t.portal_role,
            "position" => t.position,
            "phone" => t.phone,
            "decision_maker" => t.decision_maker,
            other => t.contact_event(other),
        }
    };
    let shown = move |v: &Option<String>| -> String {
        let t = i18n.t();
        match v.as_deref() {
            None | Some("") => "—".to_owned(),
            Some("true") => "✓".to_owned(),
            Some("false") => "✗".to_owned(),
            Some("approver") => t.portal_approver.to_owned(),
            Some("viewer") => t.portal_viewer.to_owned(),
            Some(other) => other.to_owned(),
        }
    };
    let (old, new) = (change.old.clone(), change.new.clone());
    view! {
        <li class="event-detail">
            {label} ": " {move || shown(&old)} " → " {move || shown(&new)}
        </li>
    }
}
