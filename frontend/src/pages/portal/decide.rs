//! The portal item's decision card: approve with the exact values frozen, or decline with a
//! reason; a note for viewers; the summary once decided.

use super::item::MAX_TEXT;
use super::parts::{decision_error_text, status_note};
use crate::api::{self, ApiError};
use crate::i18n::{fill, texts, use_i18n};
use crate::pages::backlog_parts::{estimate_text, price_text, DecisionSummary, Reader};
use accord_api::backlog::{DecisionRequest, PortalItem, PortalItemDetail};
use accord_api::error::Code;
use accord_api::{BacklogStatus, DecisionKind};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The decision: buttons for an approver while the item awaits one, a note for viewers, and
/// the summary once decided.
#[component]
pub fn DecisionCard(
    item: PortalItem,
    can_decide: bool,
    reason: RwSignal<String>,
    on_decided: Callback<(PortalItemDetail, DecisionKind)>,
    on_outdated: Callback<ApiError>,
) -> impl IntoView {
    let i18n = use_i18n();
    let body = match (item.status, can_decide, item.decision.clone()) {
        (BacklogStatus::Proposed, true, _) => view! {
            <DecisionActions item=item reason=reason on_decided=on_decided on_outdated=on_outdated />
        }
        .into_any(),
        (BacklogStatus::Proposed, false, _) => view! {
            <p class="section-hint">{move || i18n.t().portal_backlog().awaiting_item}</p>
            <p class="viewer-note" role="note">{move || i18n.t().portal_backlog().viewer_note}</p>
        }
        .into_any(),
        (_, _, Some(decision)) => view! { <DecisionSummary decision=decision reader=Reader::Client /> }.into_any(),
        (status, _, None) => view! {
            <p class="decision-none muted">{move || status_note(i18n.t(), status)}</p>
        }
        .into_any(),
    };
    view! {
        <section class="card decision-card">
            <h2 class="card-title">{move || i18n.t().portal_backlog().decision}</h2>
            {body}
        </section>
    }
}

#[component]
fn DecisionActions(
    item: PortalItem,
    reason: RwSignal<String>,
    on_decided: Callback<(PortalItemDetail, DecisionKind)>,
    on_outdated: Callback<ApiError>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = item.id;
    let version = item.version;
    let (minutes, price) = (item.estimate_minutes, item.price.clone());
    let declining = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let reason_missing = RwSignal::new(false);

    let send = move |request: DecisionRequest| {
        pending.set(true);
        problem.set(None);
        let kind = request.decision;
        spawn_local(async move {
            let answer = api::portal::decide(id, &request).await;
            pending.set(false);
            match answer {
                Ok(fresh) => on_decided.run((fresh, kind)),
                Err(e) if e.is(Code::StaleVersion) || e.is(Code::NotAwaitingDecision) => on_outdated.run(e),
                Err(e) if e.is(Code::ReasonRequired) => reason_missing.set(true),
                Err(e) => problem.set(Some(e)),
            }
        });
    };

    let price_for_confirm = price.clone();
    let approve = move |_| {
        if pending.get_untracked() {
            return;
        }
        let locale = i18n.locale_untracked();
        let t = texts(locale);
        let question = fill(
            t.portal_backlog().approve_confirm,
            &[&estimate_text(t, locale, minutes), &price_text(t, locale, price_for_confirm.as_ref())],
        );
        if !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
        send(DecisionRequest { decision: DecisionKind::Approved, version, comment: None });
    };
    let confirm_decline = move |_| {
        if pending.get_untracked() {
            return;
        }
        let text = reason.get_untracked().trim().to_owned();
        if text.is_empty() {
            reason_missing.set(true);
            if let Some(el) = document().get_element_by_id("decline-reason") {
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    // Focus cannot meaningfully fail here.
                    let _ = el.focus();
                }
            }
            return;
        }
        reason_missing.set(false);
        send(DecisionRequest { decision: DecisionKind::Declined, version, comment: Some(text) });
    };

    view! {
        <div class="decision-actions">
            <p class="section-hint">{move || i18n.t().portal_backlog().decide_hint}</p>
            <dl class="decision-quote">
                <dt>{move || i18n.t().portal_backlog().estimate}</dt>
                <dd class="quote-estimate">{move || estimate_text(i18n.t(), i18n.locale(), minutes)}</dd>
                <dt>{move || i18n.t().portal_backlog().price}</dt>
                <dd class="quote-price money">{move || price_text(i18n.t(), i18n.locale(), price.as_ref())}</dd>
            </dl>
            <p class="freeze-note">{move || i18n.t().portal_backlog().freeze_note}</p>
            <Show when=move || !declining.get()>
                <div class="decision-buttons">
                    <button type="button" class="btn btn-primary approve" disabled=move || pending.get() on:click=approve.clone()>
                        {move || if pending.get() { i18n.t().common().saving } else { i18n.t().portal_backlog().approve }}
                    </button>
                    <button type="button" class="btn btn-danger-ghost decline" disabled=move || pending.get()
                        on:click=move |_| {
                            problem.set(None);
                            declining.set(true);
                        }>
                        {move || i18n.t().portal_backlog().decline}
                    </button>
                </div>
            </Show>
            <Show when=move || declining.get()>
                <div class="decline-panel">
                    <div class="field">
                        <label for="decline-reason">{move || i18n.t().portal_backlog().reason_label}</label>
                        <textarea id="decline-reason" name="reason" rows="4" required=true maxlength=MAX_TEXT.to_string()
                            placeholder=move || i18n.t().portal_backlog().reason_placeholder
                            aria-invalid=move || reason_missing.get().to_string()
                            bind:value=reason></textarea>
                        <p class="field-hint">{move || i18n.t().portal_backlog().reason_hint}</p>
                    </div>
                    <Show when=move || reason_missing.get()>
                        <p class="field-error reason-required" role="alert">{move || i18n.t().portal_backlog().reason_required}</p>
                    </Show>
                    <div class="decision-buttons">
                        <button type="button" class="btn btn-danger confirm-decline" disabled=move || pending.get()
                            on:click=confirm_decline>
                            {move || if pending.get() { i18n.t().common().saving } else { i18n.t().portal_backlog().confirm_decline }}
                        </button>
                        <button type="button" class="btn btn-ghost cancel-decline" disabled=move || pending.get()
                            on:click=move |_| {
                                declining.set(false);
                                reason_missing.set(false);
                            }>
                            {move || i18n.t().common().cancel}
                        </button>
                    </div>
                </div>
            </Show>
            {move || problem.get().map(|e| view! {
                <p class="form-error decision-error" role="alert">{move || decision_error_text(i18n.t(), &e)}</p>
            })}
        </div>
    }
}
