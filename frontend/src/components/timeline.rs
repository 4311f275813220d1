//! `ol.timeline`: what happened to something, newest first — a dot per entry, a line saying
//! what, the fields that changed ("Position: CMO → CEO"), and who did it when.

use crate::i18n::{format_date_time, use_i18n, Texts};
use accord_api::clients::FieldChange;
use accord_api::Locale;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// A changed field's name in the reader's language.
pub type FieldName = fn(&'static Texts, &str) -> String;
/// A changed field's value (`None`: it was empty) in the reader's language.
pub type FieldValue = fn(&'static Texts, Locale, &str, Option<&str>) -> String;

/// `ol.timeline` with `class` added, around its [`TimelineEntry`]s.
#[component]
pub fn Timeline(#[prop(optional)] class: &'static str, children: Children) -> impl IntoView {
    let class = if class.is_empty() { "timeline".to_owned() } else { format!("timeline {class}") };
    view! { <ol class=class>{children()}</ol> }
}

/// `li.timeline-item` with `class` added: the dot (`.dot-client` when `client` acted), `line`,
/// then `.event-changes` when `changes` has any (worded by `field` and `value`), then `meta`.
#[component]
pub fn TimelineEntry(
    class: &'static str,
    #[prop(into)] line: ViewFn,
    #[prop(into)] meta: ViewFn,
    #[prop(optional)] client: bool,
    #[prop(optional)] changes: Vec<FieldChange>,
    #[prop(default = |_, field| field.to_owned())] field: FieldName,
    #[prop(default = |_, _, _, value| value.unwrap_or("—").to_owned())] value: FieldValue,
) -> impl IntoView {
    view! {
        <li class=format!("timeline-item {class}")>
            <span class="timeline-dot" class:dot-client=client aria-hidden="true"></span>
            <div class="timeline-body">
                <div class="timeline-line">{line.run()}</div>
                {(!changes.is_empty()).then(|| view! {
                    <ul class="event-changes">
                        {changes.into_iter().map(|c| view! { <ChangeLine change=c field=field value=value /> }).collect_view()}
                    </ul>
                })}
                <div class="timeline-meta">{meta.run()}</div>
            </div>
        </li>
    }
}

/// `li.event-detail`: "Field: old → new" (`data-field`, `.old-value`, `.new-value`).
#[component]
fn ChangeLine(change: FieldChange, field: FieldName, value: FieldValue) -> impl IntoView {
    let i18n = use_i18n();
    let FieldChange { field: name, old, new } = change;
    let label = {
        let name = name.clone();
        move || field(i18n.t(), &name)
    };
    let shown = {
        let name = name.clone();
        move |v: &Option<String>| value(i18n.t(), i18n.locale(), &name, v.as_deref())
    };
    let shown_new = shown.clone();
    view! {
        <li class="event-detail history-change" data-field=name>
            {label} ": " <span class="old-value">{move || shown(&old)}</span>
            " → " <span class="new-value">{move || shown_new(&new)}</span>
        </li>
    }
}

/// "Anna Smirnova · 5 Mar 2026, 14:30", or "someone · …" when nobody is known.
pub fn who_and_when(who: Option<String>, at: DateTime<Utc>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {move || who.clone().unwrap_or_else(|| i18n.t().common().someone.to_owned())}
        " · "
        {move || format_date_time(i18n.locale(), &at)}
    }
}
