//! `/portal/backlog/:id`: one item as the client reads it — estimate, price, benefit, the
//! description, the approver's decision (approve with the exact values frozen, or decline with a
//! reason) and the conversation with the agency.

use super::parts::{decision_error_text, estimate_text, price_text, status_note, CrBadge, StatusBadge, WasNow};
use crate::api::{self, ApiError};
use crate::components::{ErrorBanner, Loading, Notice};
use crate::i18n::{error_text, fill, format_date, format_date_time, texts, use_i18n};
use crate::routes::Route;
use crate::session::{use_session, SessionState};
use accord_api::backlog::{CommentView, Decision, DecisionRequest, PortalItem, PortalItemDetail};
use accord_api::error::codes;
use accord_api::{BacklogItemId, BacklogStatus, DecisionKind, Side};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The longest comment or decline reason the form accepts.
const MAX_TEXT: usize = 5000;

#[component]
pub fn PortalItemPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|s| s.parse::<BacklogItemId>().ok()));
    let detail = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::portal::backlog_item(id).await,
                None => Err(ApiError::local(codes::NOT_FOUND, String::new())),
            }
        }
    });
    let body = move || match detail.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(d)) => view! { <ItemDetail detail=d /> }.into_any(),
        Some(Err(e)) if e.status == 404 || e.status == 403 || e.is(codes::NOT_FOUND) => view! {
            <div class="card unavailable item-unavailable">
                <div class="unavailable-mark" aria-hidden="true">"?"</div>
                <h1>{move || i18n.t().pb_item_missing}</h1>
                <p class="subtitle">{move || i18n.t().pb_item_missing_hint}</p>
                <A href=Route::PortalBacklog.path() attr:class="btn btn-primary">{move || i18n.t().pb_to_backlog}</A>
            </div>
        }
        .into_any(),
        Some(Err(error)) => view! {
            <ErrorBanner error=error on_retry=Callback::new(move |_| detail.refetch()) />
        }
        .into_any(),
    };
    view! {
        <section class="page portal-page portal-item-page">
            <A href=Route::PortalBacklog.path() attr:class="back-link">"← " {move || i18n.t().pb_to_backlog}</A>
            {body}
        </section>
    }
}

/// What the page says above the item after something happened to it.
#[derive(Clone, Debug, PartialEq)]
enum Flash {
    Approved,
    Declined,
    /// The agency changed the item while it was on screen; the new version is shown.
    Stale,
    /// Someone already decided, or the agency withdrew it; the current state is shown.
    NotAwaiting,
    ReloadFailed(ApiError),
}

#[component]
fn ItemDetail(detail: PortalItemDetail) -> impl IntoView {
    let i18n = use_i18n();
    let can_decide = detail.can_decide;
    let id = detail.item.id;
    let item = RwSignal::new(detail.item);
    let comments = RwSignal::new(detail.comments);
    let flash = RwSignal::new(None::<Flash>);
    // Kept here, so a reason typed before a reload survives it.
    let reason = RwSignal::new(String::new());

    let show_flash = move |f: Flash| {
        flash.set(Some(f));
        if let Some(el) = document().get_element_by_id("item-flash") {
            el.scroll_into_view();
        }
    };
    let on_decided = Callback::new(move |(fresh, kind): (PortalItemDetail, DecisionKind)| {
        item.set(fresh.item);
        comments.set(fresh.comments);
        reason.set(String::new());
        show_flash(if kind == DecisionKind::Approved { Flash::Approved } else { Flash::Declined });
    });
    // A decision the server refused because the item moved on: show the item as it is now.
    let on_outdated = Callback::new(move |error: ApiError| {
        let then = if error.is(codes::STALE_VERSION) { Flash::Stale } else { Flash::NotAwaiting };
        spawn_local(async move {
            match api::portal::backlog_item(id).await {
                Ok(fresh) => {
                    item.set(fresh.item);
                    comments.set(fresh.comments);
                    show_flash(then);
                }
                Err(e) => show_flash(Flash::ReloadFailed(e)),
            }
        });
    });

    let flash_view = move || {
        flash.get().map(|f| match f {
            Flash::Approved => {
                view! { <div class="decision-notice"><Notice text=Signal::derive(move || i18n.t().pb_approved_notice.to_owned()) /></div> }
                    .into_any()
            }
            Flash::Declined => {
                view! { <div class="decision-notice"><Notice text=Signal::derive(move || i18n.t().pb_declined_notice.to_owned()) /></div> }
                    .into_any()
            }
            Flash::Stale => view! {
                <div class="warning-banner stale-version" role="alert">
                    <span class="error-icon" aria-hidden="true"></span>
                    <span class="stale-text">{move || i18n.t().pb_stale}</span>
                </div>
            }
            .into_any(),
            Flash::NotAwaiting => view! {
                <div class="warning-banner not-awaiting" role="alert">
                    <span class="error-icon" aria-hidden="true"></span>
                    <span class="stale-text">{move || i18n.t().pb_not_awaiting}</span>
                </div>
            }
            .into_any(),
            Flash::ReloadFailed(error) => view! {
                <ErrorBanner error=error on_retry=Callback::new(move |_| on_outdated.run(ApiError::local(codes::STALE_VERSION, String::new()))) />
            }
            .into_any(),
        })
    };

    view! {
        <div id="item-flash" class="item-flash">{flash_view}</div>
        <div class="portal-item-grid">
            <div class="portal-item-area-main">{move || view! { <ItemCard item=item.get() /> }}</div>
            <aside class="portal-item-area-decision">
                {move || {
                    let current = item.get();
                    view! {
                        <DecisionCard item=current can_decide=can_decide reason=reason
                            on_decided=on_decided on_outdated=on_outdated />
                    }
                }}
            </aside>
            <div class="portal-item-area-conversation">
                <Conversation id=id comments=comments />
            </div>
        </div>
    }
}

/// The item itself: where it belongs, its title and status, the figures, benefit, description.
#[component]
fn ItemCard(item: PortalItem) -> impl IntoView {
    let i18n = use_i18n();
    let (minutes, price) = (item.estimate_minutes, item.price.clone());
    let status = item.status;
    let updated = item.updated_at;
    let stage = item.stage.as_ref().map(|s| s.title.clone());
    let benefit = (!item.benefit.trim().is_empty()).then(|| item.benefit.clone());
    let description = (!item.description_html.trim().is_empty()).then(|| item.description_html.clone());
    view! {
        <article class="card portal-item-card" data-id=item.id.to_string() data-status=status.as_str()>
            <p class="portal-item-meta">
                <span class="portal-item-project">{item.project_name.clone()}</span>
                {stage.map(|s| view! {
                    <span class="meta-sep" aria-hidden="true">"·"</span>
                    <span class="portal-item-stage">{move || i18n.t().pb_stage} ": " {s}</span>
                })}
            </p>
            <h1 class="portal-item-title">{item.title.clone()}</h1>
            <div class="portal-item-tags">
                <StatusBadge status=status />
                {item.change_request.then(|| view! { <CrBadge /> })}
                <span class="portal-item-updated muted">
                    {move || fill(i18n.t().pb_updated, &[&format_date(i18n.locale(), &updated)])}
                </span>
            </div>
            <div class="item-figures">
                <div class="item-figure item-estimate">
                    <p class="card-label">{move || i18n.t().pb_estimate}</p>
                    <p class="item-figure-value">{move || estimate_text(i18n.t(), i18n.locale(), minutes)}</p>
                </div>
                <div class="item-figure item-price">
                    <p class="card-label">{move || i18n.t().pb_price}</p>
                    <p class="item-figure-value money">{move || price_text(i18n.t(), i18n.locale(), price.as_ref())}</p>
                </div>
            </div>
            {item.change_request.then(|| {
                let note = move || {
                    let t = i18n.t();
                    if matches!(status, BacklogStatus::Idea | BacklogStatus::Proposed | BacklogStatus::Declined) {
                        t.pb_cr_note
                    } else {
                        t.pb_cr_note_agreed
                    }
                };
                view! { <p class="cr-note">{note}</p> }
            })}
            <WasNow item=item.clone() />
            <div class="item-block">
                <p class="card-label">{move || i18n.t().pb_benefit}</p>
                {match benefit {
                    Some(b) => view! { <p class="item-benefit">{b}</p> }.into_any(),
                    None => view! { <p class="item-benefit muted">{move || i18n.t().pb_no_benefit}</p> }.into_any(),
                }}
            </div>
            <div class="item-block">
                <p class="card-label">{move || i18n.t().pb_description}</p>
                {match description {
                    // The server renders the Markdown and sanitizes the HTML.
                    Some(html) => view! { <div class="prose-html item-description" inner_html=html></div> }.into_any(),
                    None => view! { <p class="item-description muted">{move || i18n.t().pb_no_description}</p> }.into_any(),
                }}
            </div>
        </article>
    }
}

/// The decision: buttons for an approver while the item awaits one, a note for viewers, and
/// the summary once decided.
#[component]
fn DecisionCard(
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
            <p class="section-hint">{move || i18n.t().pb_awaiting_item}</p>
            <p class="viewer-note" role="note">{move || i18n.t().pb_viewer_note}</p>
        }
        .into_any(),
        (_, _, Some(decision)) => view! { <DecisionSummary decision=decision /> }.into_any(),
        (status, _, None) => view! {
            <p class="decision-none muted">{move || status_note(i18n.t(), status)}</p>
        }
        .into_any(),
    };
    view! {
        <section class="card decision-card">
            <h2 class="card-title">{move || i18n.t().pb_decision}</h2>
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
                Err(e) if e.is(codes::STALE_VERSION) || e.is(codes::NOT_AWAITING_DECISION) => on_outdated.run(e),
                Err(e) if e.is(codes::REASON_REQUIRED) => reason_missing.set(true),
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
            t.pb_approve_confirm,
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
            <p class="section-hint">{move || i18n.t().pb_decide_hint}</p>
            <dl class="decision-quote">
                <dt>{move || i18n.t().pb_estimate}</dt>
                <dd class="quote-estimate">{move || estimate_text(i18n.t(), i18n.locale(), minutes)}</dd>
                <dt>{move || i18n.t().pb_price}</dt>
                <dd class="quote-price money">{move || price_text(i18n.t(), i18n.locale(), price.as_ref())}</dd>
            </dl>
            <p class="freeze-note">{move || i18n.t().pb_freeze_note}</p>
            <Show when=move || !declining.get()>
                <div class="decision-buttons">
                    <button type="button" class="btn btn-primary approve" disabled=move || pending.get() on:click=approve.clone()>
                        {move || if pending.get() { i18n.t().saving } else { i18n.t().pb_approve }}
                    </button>
                    <button type="button" class="btn btn-danger-ghost decline" disabled=move || pending.get()
                        on:click=move |_| {
                            problem.set(None);
                            declining.set(true);
                        }>
                        {move || i18n.t().pb_decline}
                    </button>
                </div>
            </Show>
            <Show when=move || declining.get()>
                <div class="decline-panel">
                    <div class="field">
                        <label for="decline-reason">{move || i18n.t().pb_reason_label}</label>
                        <textarea id="decline-reason" name="reason" rows="4" required=true maxlength=MAX_TEXT.to_string()
                            placeholder=move || i18n.t().pb_reason_placeholder
                            aria-invalid=move || reason_missing.get().to_string()
                            bind:value=reason></textarea>
                        <p class="field-hint">{move || i18n.t().pb_reason_hint}</p>
                    </div>
                    <Show when=move || reason_missing.get()>
                        <p class="field-error reason-required" role="alert">{move || i18n.t().pb_reason_required}</p>
                    </Show>
                    <div class="decision-buttons">
                        <button type="button" class="btn btn-danger confirm-decline" disabled=move || pending.get()
                            on:click=confirm_decline>
                            {move || if pending.get() { i18n.t().saving } else { i18n.t().pb_confirm_decline }}
                        </button>
                        <button type="button" class="btn btn-ghost cancel-decline" disabled=move || pending.get()
                            on:click=move |_| {
                                declining.set(false);
                                reason_missing.set(false);
                            }>
                            {move || i18n.t().cancel}
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

/// `.decision-summary`: approved or declined, by whom, when; the frozen figures or the reason.
#[component]
fn DecisionSummary(decision: Decision) -> impl IntoView {
    let i18n = use_i18n();
    let Decision { kind, by, at, comment, estimate_minutes, price } = decision;
    let approved = kind == DecisionKind::Approved;
    let who = by.name.clone();
    let comment = comment.filter(|c| !c.trim().is_empty());
    let details = if approved {
        view! {
            <dl class="decision-quote frozen">
                <dt>{move || i18n.t().pb_frozen_estimate}</dt>
                <dd class="frozen-estimate">{move || estimate_text(i18n.t(), i18n.locale(), estimate_minutes)}</dd>
                <dt>{move || i18n.t().pb_frozen_price}</dt>
                <dd class="frozen-price money">{move || price_text(i18n.t(), i18n.locale(), price.as_ref())}</dd>
            </dl>
            {comment.map(|c| view! {
                <p class="decision-comment"><span class="muted">{move || i18n.t().pb_note} ": "</span>{c}</p>
            })}
        }
        .into_any()
    } else {
        view! {
            <div class="decision-reason">
                <p class="card-label">{move || i18n.t().pb_reason}</p>
                <p class="decision-reason-text">{comment.unwrap_or_default()}</p>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="decision-summary" data-decision=kind.as_str() class:decision-approved=approved class:decision-declined=!approved>
            <p class="decision-kind">
                <span class="decision-mark" aria-hidden="true">{if approved { "✓" } else { "✕" }}</span>
                {move || if approved { i18n.t().pb_decided_approved } else { i18n.t().pb_decided_declined }}
            </p>
            <p class="decision-by">
                {move || fill(i18n.t().pb_decided_by, &[&who, &format_date_time(i18n.locale(), &at)])}
            </p>
            {details}
        </div>
    }
}

/// The client-visible conversation, oldest first, and the ask-a-question form.
#[component]
fn Conversation(id: BacklogItemId, comments: RwSignal<Vec<CommentView>>) -> impl IntoView {
    let i18n = use_i18n();
    let body = RwSignal::new(String::new());
    let pending = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let empty_body = RwSignal::new(false);
    let sent = RwSignal::new(false);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        sent.set(false);
        let text = body.get_untracked().trim().to_owned();
        if text.is_empty() {
            empty_body.set(true);
            return;
        }
        empty_body.set(false);
        pending.set(true);
        problem.set(None);
        spawn_local(async move {
            match api::portal::comment(id, text).await {
                Ok(comment) => {
                    comments.update(|list| list.push(comment));
                    body.set(String::new());
                    sent.set(true);
                }
                Err(e) => problem.set(Some(e)),
            }
            pending.set(false);
        });
    };

    let list = move || {
        let all = comments.get();
        if all.is_empty() {
            return view! {
                <div class="portal-empty comments-empty">
                    <p class="empty-title">{move || i18n.t().pb_no_comments}</p>
                    <p class="empty-hint">{move || i18n.t().pb_no_comments_hint}</p>
                </div>
            }
            .into_any();
        }
        view! {
            <ul class="comments">
                {all.into_iter().map(|c| view! { <CommentItem comment=c /> }).collect_view()}
            </ul>
        }
        .into_any()
    };

    view! {
        <section class="card conversation-card">
            <h2 class="card-title">{move || i18n.t().pb_conversation}</h2>
            {list}
            <form class="form comment-form" on:submit=on_submit>
                <div class="field">
                    <label for="comment-body">{move || i18n.t().pb_ask}</label>
                    <textarea id="comment-body" name="body" rows="3" maxlength=MAX_TEXT.to_string()
                        placeholder=move || i18n.t().pb_ask_placeholder
                        aria-invalid=move || empty_body.get().to_string()
                        bind:value=body></textarea>
                    <p class="field-hint">{move || i18n.t().pb_ask_hint}</p>
                </div>
                <Show when=move || empty_body.get()>
                    <p class="field-error" role="alert">{move || i18n.t().pb_comment_empty}</p>
                </Show>
                {move || problem.get().map(|e| view! {
                    <p class="form-error comment-error" role="alert">{move || error_text(i18n.t(), &e)}</p>
                })}
                <div class="form-actions form-actions-start">
                    <button type="submit" class="btn btn-primary send-comment" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t().pb_sending } else { i18n.t().pb_send }}
                    </button>
                </div>
                <Show when=move || sent.get()>
                    <Notice text=Signal::derive(move || i18n.t().pb_comment_sent.to_owned()) />
                </Show>
            </form>
        </section>
    }
}

#[component]
fn CommentItem(comment: CommentView) -> impl IntoView {
    let i18n = use_i18n();
    let side = comment.side;
    let at = comment.created_at;
    let initial = comment.author.chars().next().map(|c| c.to_uppercase().to_string()).unwrap_or_default();
    // Comments carry the author's name only; the reader's own ones say "you".
    let session = use_session();
    let mine = side == Side::Client
        && session
            .state
            .with_untracked(|state| matches!(state, SessionState::SignedIn(me) if me.user_id == comment.author_id));
    view! {
        <li class="comment" class:from-agency=side == Side::Agency class:from-client=side == Side::Client
            data-side=side.as_str()>
            <div class="comment-head">
                <span class="avatar comment-avatar" aria-hidden="true">{initial}</span>
                <span class="comment-author">{comment.author.clone()}</span>
                <span class="side-tag" class:side-client=side == Side::Client>
                    {move || match side {
                        Side::Agency => i18n.t().pb_side_agency,
                        Side::Client if mine => i18n.t().pb_side_you,
                        Side::Client => i18n.t().pb_side_team,
                    }}
                </span>
                <span class="comment-date muted">{move || format_date_time(i18n.locale(), &at)}</span>
            </div>
            <p class="comment-body">{comment.body.clone()}</p>
        </li>
    }
}
