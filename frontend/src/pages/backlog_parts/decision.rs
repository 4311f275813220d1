//! "Was, now" after a re-estimate, and the client's decision with the values it froze.

use super::{estimate_text, price_text, Reader};
use crate::i18n::{fill, format_date_time, use_i18n};
use accord_api::backlog::{Decision, PreviousEstimate};
use accord_api::{DecisionKind, Money};
use leptos::prelude::*;

/// `.was-now`: the estimate and price the client approved before, next to the new ones. Nothing
/// when neither differs.
#[component]
pub fn WasNow(
    reader: Reader,
    previous: PreviousEstimate,
    estimate_minutes: Option<i64>,
    price: Option<Money>,
) -> impl IntoView {
    let i18n = use_i18n();
    let estimate = (previous.estimate_minutes != estimate_minutes).then(|| {
        let was = previous.estimate_minutes;
        view! {
            <li class="was-now-line was-now-estimate">
                <span class="was-now-label">{move || i18n.t().backlog().estimate}</span>
                <span class="was">{move || estimate_text(i18n.t(), i18n.locale(), was)}</span>
                <span class="arrow" aria-hidden="true">"→"</span>
                <span class="now">{move || estimate_text(i18n.t(), i18n.locale(), estimate_minutes)}</span>
            </li>
        }
    });
    let price = (previous.price != price).then(|| {
        let was = previous.price.clone();
        view! {
            <li class="was-now-line was-now-price">
                <span class="was-now-label">
                    {move || if reader == Reader::Client { i18n.t().portal_backlog().price } else { i18n.t().backlog().price }}
                </span>
                <span class="was">{move || price_text(i18n.t(), i18n.locale(), was.as_ref())}</span>
                <span class="arrow" aria-hidden="true">"→"</span>
                <span class="now">{move || price_text(i18n.t(), i18n.locale(), price.as_ref())}</span>
            </li>
        }
    });
    if estimate.is_none() && price.is_none() {
        return None;
    }
    let title = move || match reader {
        Reader::Staff => i18n.t().backlog().was_now_title,
        Reader::Client => i18n.t().backlog().was_now_title_client,
    };
    Some(view! {
        <div class="was-now" role="note">
            <p class="was-now-title">{title}</p>
            <ul class="was-now-lines">{estimate}{price}</ul>
        </div>
    })
}

/// `.decision-summary` (`data-decision`): approved or declined, by whom and when; the frozen
/// estimate and price (`.frozen-estimate`, `.frozen-price`) with the approver's note, or the
/// reason for declining.
#[component]
pub fn DecisionSummary(decision: Decision, reader: Reader) -> impl IntoView {
    let i18n = use_i18n();
    let Decision { kind, by, at, comment, estimate_minutes, price } = decision;
    let approved = kind == DecisionKind::Approved;
    let who = by.name;
    let comment = comment.filter(|c| !c.trim().is_empty());
    let details = if approved {
        // Staff read the approver's note as the client's; the client reads it as their own.
        let note = move || match reader {
            Reader::Staff => i18n.t().backlog().approver_note,
            Reader::Client => i18n.t().backlog().note,
        };
        view! {
            <dl class="decision-quote frozen">
                <dt>{move || i18n.t().backlog().frozen_estimate}</dt>
                <dd class="frozen-estimate">{move || estimate_text(i18n.t(), i18n.locale(), estimate_minutes)}</dd>
                <dt>{move || i18n.t().backlog().frozen_price}</dt>
                <dd class="frozen-price money">{move || price_text(i18n.t(), i18n.locale(), price.as_ref())}</dd>
            </dl>
            {comment.map(|c| view! {
                <p class="decision-comment"><span class="muted">{note} ": "</span>{c}</p>
            })}
        }
        .into_any()
    } else {
        view! {
            <div class="decision-reason">
                <p class="card-label">{move || i18n.t().backlog().reason}</p>
                <p class="decision-reason-text">{comment.unwrap_or_default()}</p>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="decision-summary" data-decision=kind.as_str() class:decision-approved=approved
            class:decision-declined=!approved>
            <p class="decision-kind">
                <span class="decision-mark" aria-hidden="true">{if approved { "✓" } else { "✕" }}</span>
                {move || if approved { i18n.t().backlog().decided_approved } else { i18n.t().backlog().decided_declined }}
            </p>
            <p class="decision-by">
                {move || fill(i18n.t().backlog().decided_by, &[&who, &format_date_time(i18n.locale(), &at)])}
            </p>
            {details}
        </div>
    }
}
