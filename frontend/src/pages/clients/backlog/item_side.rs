//! The side of a staff item page: the comments (internal ones marked) with the form to add
//! one, and the item's history with each change in the reader's language.

use super::form::problem_text;
use super::{event_label, priority_label, source_label};
use crate::api;
use crate::components::{Problem, Timeline, TimelineEntry};
use crate::i18n::{format_date_time, format_money, parse_money, use_i18n, Texts};
use crate::pages::backlog_parts::{format_hours, side_label, status_label, CommentItem, Reader};
use accord_api::backlog::{CommentView, ItemEvent, NewComment};
use accord_api::{BacklogItemId, BacklogSource, BacklogStatus, ClientId, Locale, Money, Priority, ProjectId, Side};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Comments(client: ClientId, project: ProjectId, item: BacklogItemId, initial: Vec<CommentView>) -> impl IntoView {
    let i18n = use_i18n();
    let mut initial = initial;
    initial.sort_by_key(|c| c.created_at);
    let comments = RwSignal::new(initial);
    let body = RwSignal::new(String::new());
    let internal = RwSignal::new(true);
    let pending = RwSignal::new(false);
    let problem = RwSignal::new(None::<Problem>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let text = body.get_untracked().trim().to_owned();
        if text.is_empty() {
            problem.set(Some(Problem::Unreadable("body")));
            return;
        }
        pending.set(true);
        problem.set(None);
        let request = NewComment { body: text, internal: internal.get_untracked() };
        spawn_local(async move {
            match api::backlog::comment(client, project, item, &request).await {
                Ok(c) => {
                    comments.update(|list| list.push(c));
                    body.set(String::new());
                }
                Err(e) => problem.set(Some(Problem::Api(e))),
            }
            pending.set(false);
        });
    };
    view! {
        <div class="card item-comments-card">
            <h2 class="card-title">
                {move || i18n.t().backlog().comments} " "
                <span class="count-pill">{move || comments.with(Vec::len)}</span>
            </h2>
            {move || comments.with(Vec::is_empty).then(|| view! {
                <p class="muted no-comments">{move || i18n.t().backlog_item().no_comments}</p>
            })}
            <ol class="comments">
                <For each=move || comments.get() key=|c| c.id let:c>
                    <CommentItem comment=c reader=Reader::Staff />
                </For>
            </ol>
            <form class="form comment-form" on:submit=on_submit>
                <div class="field">
                    <label for="comment-body">{move || i18n.t().backlog_form().comment_body}</label>
                    <textarea id="comment-body" name="body" rows="3" bind:value=body
                        placeholder=move || i18n.t().backlog_item().comment_placeholder></textarea>
                </div>
                <div class="field field-check">
                    <label class="check">
                        <input type="checkbox" name="internal" bind:checked=internal />
                        <span>{move || i18n.t().backlog_item().internal_comment}</span>
                    </label>
                    <p class="field-hint">
                        {move || if internal.get() { i18n.t().backlog().internal_hint } else { i18n.t().backlog_item().visible_hint }}
                    </p>
                </div>
                {move || problem.get().map(|p| view! {
                    <p class="form-error" role="alert">{move || problem_text(i18n.t(), &p)}</p>
                })}
                <div class="form-actions form-actions-start">
                    <button type="submit" class="btn btn-primary send-comment" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t().common().sending } else { i18n.t().backlog_item().send_comment }}
                    </button>
                </div>
            </form>
        </div>
    }
}

#[component]
pub fn History(events: Vec<ItemEvent>) -> impl IntoView {
    let i18n = use_i18n();
    let mut events = events;
    events.sort_by_key(|e| std::cmp::Reverse(e.at));
    let empty = events.is_empty();
    view! {
        <div class="card item-history-card">
            <h2 class="card-title">{move || i18n.t().backlog_item().history}</h2>
            {empty.then(|| view! { <p class="muted">{move || i18n.t().backlog_item().no_history}</p> })}
            <Timeline class="item-history">
                {events.into_iter().map(|e| view! { <HistoryEntry event=e /> }).collect_view()}
            </Timeline>
        </div>
    }
}

#[component]
fn HistoryEntry(event: ItemEvent) -> impl IntoView {
    let i18n = use_i18n();
    let ItemEvent { kind, side, actor, at, changes } = event;
    view! {
        <TimelineEntry class="history-entry" attr:data-kind=kind.as_str() attr:data-side=side.as_str()
            client=side == Side::Client changes=changes field=history_field value=history_value
            line=move || view! { <b class="history-kind">{move || event_label(i18n.t(), kind)}</b> }
            meta=move || view! {
                <span class="history-actor">{actor.clone()}</span>
                " ("{move || side_label(i18n.t(), side)}")"
                " · "
                <span class="history-at">{move || format_date_time(i18n.locale(), &at)}</span>
            } />
    }
}

fn history_field(t: &'static Texts, field: &str) -> String {
    match field {
        "title" => t.backlog().item_title.to_owned(),
        "description" => t.backlog_form().description.to_owned(),
        "benefit" => t.backlog_form().benefit.to_owned(),
        "estimate" => t.backlog().estimate.to_owned(),
        "price" => t.backlog().price.to_owned(),
        "priority" => t.backlog().priority.to_owned(),
        "source" => t.backlog().source.to_owned(),
        "status" => t.common().status.to_owned(),
        "change_request" => t.backlog().change_request.to_owned(),
        "stage" => t.backlog_form().stage.to_owned(),
        "rank" => t.backlog_item().rank.to_owned(),
        "comment" | "reason" => t.backlog_form().comment_body.to_owned(),
        other => other.to_owned(),
    }
}

/// A history value in the reader's language: statuses and choices translated, hours and money
/// in the local format, long text shortened.
fn history_value(t: &'static Texts, locale: Locale, field: &str, value: Option<&str>) -> String {
    let Some(value) = value.filter(|v| !v.is_empty()) else {
        return "—".to_owned();
    };
    match field {
        "status" => BacklogStatus::parse(value).map(|s| status_label(t, s).to_owned()),
        "priority" => Priority::parse(value).map(|p| priority_label(t, p).to_owned()),
        "source" => BacklogSource::parse(value).map(|s| source_label(t, s).to_owned()),
        "change_request" => match value {
            "true" => Some(t.backlog_item().yes_cr.to_owned()),
            "false" => Some(t.backlog_item().no_cr.to_owned()),
            _ => None,
        },
        // "12.5" hours
        "estimate" => value.parse::<f64>().ok().map(|h| format_hours(locale, (h * 60.0).round() as i64)),
        // "1500.00 RUB"
        "price" => value.split_once(' ').and_then(|(amount, currency)| {
            parse_money(amount)
                .map(|minor| format_money(locale, &Money { amount_minor: minor, currency: currency.trim().to_owned() }))
        }),
        "description" | "benefit" | "comment" | "reason" => {
            let short: String = value.chars().take(80).collect();
            Some(if short.len() < value.len() { format!("{short}…") } else { short })
        }
        _ => None,
    }
    .unwrap_or_else(|| value.to_owned())
}
