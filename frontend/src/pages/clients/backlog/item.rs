//! `/app/clients/:id/projects/:pid/backlog/:item`: one item — its facts, the client's decision
//! with the frozen estimate and price, "was X, now Y", the status moves the staff may make, the
//! edit form (with the version it was loaded at), comments (internal ones marked) and history.

use super::form::{problem_text, ItemForm};
use super::{
    cr_badge, event_label, format_hours, is_stale, priority_label, priority_mark, side_label, source_label,
    status_badge, status_label,
};
use crate::api::{self, ApiError};
use crate::components::{ErrorBanner, Loading, Problem};
use crate::i18n::{fill, format_date, format_date_time, format_money, parse_money, use_i18n, Texts};
use crate::pages::clients::frame::use_client;
use crate::routes::{ClientTab, Route};
use accord_api::backlog::{
    BacklogItemDetail, BacklogItemView, CommentView, Decision, ItemEvent, NewComment, PreviousEstimate, StatusChange,
};
use accord_api::clients::FieldChange;
use accord_api::error::codes;
use accord_api::{
    BacklogItemId, BacklogSource, BacklogStatus, ClientId, DecisionKind, Locale, Money, Priority, ProjectId, Side,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// What this page said last: kept outside the part that re-renders after a reload.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Flash {
    Saved,
    Moved(BacklogStatus),
}

#[component]
pub fn BacklogItemPage() -> impl IntoView {
    let params = use_params_map();
    let Some(ctx) = use_client() else {
        return ().into_any();
    };
    let client = ctx.id();
    let ids = Memo::new(move |_| {
        params.with(|p| {
            let project = p.get("pid").and_then(|s| s.parse::<ProjectId>().ok())?;
            let item = p.get("item").and_then(|s| s.parse::<BacklogItemId>().ok())?;
            Some((project, item))
        })
    });
    view! {
        {move || match ids.get() {
            Some((project, item)) => view! { <ItemPage client=client project=project item=item /> }.into_any(),
            None => view! { <ErrorBanner error=ApiError::local(codes::NOT_FOUND, String::new()) /> }.into_any(),
        }}
    }
    .into_any()
}

#[component]
fn ItemPage(client: ClientId, project: ProjectId, item: BacklogItemId) -> impl IntoView {
    let i18n = use_i18n();
    let can_edit = use_client().map(|c| c.can_edit()).unwrap_or_else(|| Memo::new(|_| false));
    let detail = LocalResource::new(move || api::backlog::detail(client, project, item));
    let stale = RwSignal::new(false);
    let flash = RwSignal::new(None::<Flash>);
    let reload = Callback::new(move |_| {
        stale.set(false);
        detail.refetch();
    });
    let on_stale = Callback::new(move |_| {
        flash.set(None);
        stale.set(true);
        // The banner is at the top; the button pressed may be far below it.
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
    let project_name = move || match detail.get() {
        Some(Ok(d)) => d.project_name,
        _ => "…".to_owned(),
    };
    let backlog = Route::StaffBacklog(client, project).path();
    let body = move || match detail.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(e)) if e.status == 404 || e.status == 403 => view! {
            <div class="card unavailable item-unavailable">
                <div class="unavailable-mark" aria-hidden="true">"?"</div>
                <h1>{move || i18n.t().bl_item_unavailable}</h1>
                <p class="subtitle">{move || i18n.t().bl_item_unavailable_hint}</p>
                <A href=Route::StaffBacklog(client, project).path() attr:class="btn btn-primary">
                    {move || i18n.t().bl_back_to_backlog}
                </A>
            </div>
        }
        .into_any(),
        Some(Err(error)) => {
            view! { <ErrorBanner error=error on_retry=Callback::new(move |_| detail.refetch()) /> }.into_any()
        }
        Some(Ok(d)) => view! {
            <ItemBody client=client project=project detail=d manage=can_edit.get() flash=flash on_stale=on_stale
                on_changed=reload />
        }
        .into_any(),
    };
    view! {
        <div class="backlog-item-page">
            <nav class="breadcrumb" aria-label=move || i18n.t().bl_breadcrumb>
                <A href=Route::StaffClientTab(client, ClientTab::Projects).path() attr:class="crumb crumb-projects">
                    {move || i18n.t().tab_projects}
                </A>
                <span class="crumb-sep" aria-hidden="true">"›"</span>
                <span class="crumb">{project_name}</span>
                <span class="crumb-sep" aria-hidden="true">"›"</span>
                <A href=backlog attr:class="crumb crumb-backlog back-to-backlog">{move || i18n.t().bl_title}</A>
            </nav>
            <Show when=move || stale.get()>
                <div class="stale-version" role="alert">
                    <span class="error-icon" aria-hidden="true"></span>
                    <span class="stale-text">{move || i18n.t().bl_stale_banner}</span>
                    <button type="button" class="btn btn-small btn-primary reload" on:click=move |_| reload.run(())>
                        {move || i18n.t().bl_reload}
                    </button>
                </div>
            </Show>
            {move || flash.get().map(|f| {
                let text = move || match f {
                    Flash::Saved => i18n.t().bl_item_saved.to_owned(),
                    Flash::Moved(to) => fill(i18n.t().bl_moved_to, &[&status_label(i18n.t(), to)]),
                };
                view! { <p class="notice item-flash" role="status">{text}</p> }
            })}
            {body}
        </div>
    }
}

#[component]
fn ItemBody(
    client: ClientId,
    project: ProjectId,
    detail: BacklogItemDetail,
    manage: bool,
    flash: RwSignal<Option<Flash>>,
    on_stale: Callback<()>,
    on_changed: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let it = detail.item.clone();
    let status = it.status;
    let on_saved = Callback::new(move |_: BacklogItemView| {
        flash.set(Some(Flash::Saved));
        on_changed.run(());
    });
    let on_moved = Callback::new(move |to: BacklogStatus| {
        flash.set(Some(Flash::Moved(to)));
        on_changed.run(());
    });
    view! {
        <div class="tab-grid tab-grid-wide-side item-grid">
            <div class="tab-main">
                <div class="card item-card" data-id=it.id.to_string() data-version=it.version>
                    <div class="item-head">
                        <span class="item-rank" title=move || i18n.t().bl_rank>"#" {it.rank}</span>
                        <h2 class="item-heading">{it.title.clone()}</h2>
                        <span class="item-status" data-status=status.as_str()>{status_badge(status)}</span>
                        {it.change_request.then(cr_badge)}
                    </div>
                    <StatusHint status=status change_request=it.change_request />
                    <ItemFacts item=it.clone() />
                    {it.previous.clone().map(|p| view! { <WasNow previous=p item=it.clone() /> })}
                    <div class="item-section">
                        <h3 class="section-title">{move || i18n.t().bl_description}</h3>
                        {if it.description.html.trim().is_empty() {
                            view! { <p class="muted">{move || i18n.t().bl_no_description}</p> }.into_any()
                        } else {
                            view! { <div class="item-description prose-html" inner_html=it.description.html.clone()></div> }
                                .into_any()
                        }}
                    </div>
                    <div class="item-section">
                        <h3 class="section-title">{move || i18n.t().bl_benefit}</h3>
                        {if it.benefit.trim().is_empty() {
                            view! { <p class="muted">{move || i18n.t().bl_no_benefit}</p> }.into_any()
                        } else {
                            view! { <p class="item-benefit">{it.benefit.clone()}</p> }.into_any()
                        }}
                    </div>
                </div>
                {it.decision.clone().map(|d| view! { <DecisionCard decision=d /> })}
                <StatusActions client=client project=project item=it.clone() manage=manage on_moved=on_moved
                    on_stale=on_stale />
                {manage.then(|| view! {
                    <div class="card item-edit-card" id="edit-item">
                        <h2 class="card-title">{move || i18n.t().bl_edit_item}</h2>
                        <ItemForm client=client project=project editing=Some(it.clone()) on_saved=on_saved
                            on_stale=on_stale />
                    </div>
                })}
            </div>
            <aside class="item-side">
                <Comments client=client project=project item=it.id initial=detail.comments.clone() />
                <History events=detail.history.clone() />
            </aside>
        </div>
    }
}

/// One line about what happens next in this status.
#[component]
fn StatusHint(status: BacklogStatus, change_request: bool) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        let t = i18n.t();
        match status {
            BacklogStatus::Idea => t.bl_hint_idea,
            BacklogStatus::Proposed => t.bl_hint_proposed,
            BacklogStatus::Agreed if change_request => t.bl_hint_agreed_cr,
            BacklogStatus::Agreed => t.bl_hint_agreed,
            BacklogStatus::Scheduled => t.bl_hint_scheduled,
            BacklogStatus::InProgress => t.bl_hint_in_progress,
            BacklogStatus::Done => t.bl_hint_done,
            BacklogStatus::Declined => t.bl_hint_declined,
        }
    };
    view! { <p class="item-hint">{text}</p> }
}

#[component]
fn ItemFacts(item: BacklogItemView) -> impl IntoView {
    let i18n = use_i18n();
    let estimate = item.estimate_minutes;
    let price = item.price.clone();
    let (priority, source) = (item.priority, item.source);
    let stage = item.stage.clone().map(|s| s.title);
    let no_stage = stage.is_none();
    let created_by = item.created_by.clone().map(|s| s.name);
    let (created, updated) = (item.created_at, item.updated_at);
    let cr = item.change_request;
    view! {
        <dl class="facts item-facts">
            <dt>{move || i18n.t().bl_estimate}</dt>
            <dd class="item-estimate">
                {move || estimate.map(|m| format_hours(i18n.locale(), m)).unwrap_or_else(|| "—".to_owned())}
            </dd>
            <dt>{move || i18n.t().bl_price}</dt>
            <dd class="item-price">
                {move || price.as_ref().map(|p| format_money(i18n.locale(), p)).unwrap_or_else(|| "—".to_owned())}
            </dd>
            <dt>{move || i18n.t().bl_priority}</dt>
            <dd class="item-priority">{priority_mark(priority)}</dd>
            <dt>{move || i18n.t().bl_source}</dt>
            <dd class="item-source">{move || source_label(i18n.t(), source)}</dd>
            <dt>{move || i18n.t().bl_stage}</dt>
            <dd class="item-stage" class:muted=no_stage>
                {move || stage.clone().unwrap_or_else(|| i18n.t().bl_no_stage.to_owned())}
            </dd>
            <dt>{move || i18n.t().bl_change_request}</dt>
            <dd class="item-cr">{move || if cr { i18n.t().bl_yes_cr } else { i18n.t().bl_no_cr }}</dd>
            <dt>{move || i18n.t().bl_created}</dt>
            <dd class="item-created">
                {move || format_date(i18n.locale(), &created)}
                {created_by.clone().map(|n| view! { " · " {n} })}
            </dd>
            <dt>{move || i18n.t().bl_updated}</dt>
            <dd class="item-updated">{move || format_date_time(i18n.locale(), &updated)}</dd>
        </dl>
    }
}

/// `.was-now`: the estimate and price the client approved before, next to the new ones.
#[component]
fn WasNow(previous: PreviousEstimate, item: BacklogItemView) -> impl IntoView {
    let i18n = use_i18n();
    let hours = move |m: Option<i64>| m.map(|m| format_hours(i18n.locale(), m)).unwrap_or_else(|| "—".to_owned());
    let money =
        move |m: &Option<Money>| m.as_ref().map(|m| format_money(i18n.locale(), m)).unwrap_or_else(|| "—".to_owned());
    let (old_estimate, new_estimate) = (previous.estimate_minutes, item.estimate_minutes);
    let (old_price, new_price) = (previous.price.clone(), item.price.clone());
    let estimate_changed = old_estimate != new_estimate;
    let price_changed = old_price != new_price;
    view! {
        <div class="was-now" role="note">
            <p class="was-now-title">{move || i18n.t().bl_was_now_title}</p>
            {estimate_changed.then(|| view! {
                <p class="was-now-line was-now-estimate">
                    <span class="was-now-label">{move || i18n.t().bl_estimate} ": "</span>
                    {move || fill(i18n.t().bl_was_now, &[&hours(old_estimate), &hours(new_estimate)])}
                </p>
            })}
            {price_changed.then(|| {
                let (old_price, new_price) = (old_price.clone(), new_price.clone());
                view! {
                    <p class="was-now-line was-now-price">
                        <span class="was-now-label">{move || i18n.t().bl_price} ": "</span>
                        {move || fill(i18n.t().bl_was_now, &[&money(&old_price), &money(&new_price)])}
                    </p>
                }
            })}
        </div>
    }
}

/// `.decision`: approved (by whom, when, the frozen estimate and price) or declined (the reason).
#[component]
fn DecisionCard(decision: Decision) -> impl IntoView {
    let i18n = use_i18n();
    let approved = decision.kind == DecisionKind::Approved;
    let name = decision.by.name.clone();
    let at = decision.at;
    let estimate = decision.estimate_minutes;
    let price = decision.price.clone();
    let comment = decision.comment.clone().filter(|c| !c.trim().is_empty());
    let headline = {
        let name = name.clone();
        move || {
            let t = i18n.t();
            let template = if approved { t.bl_approved_by } else { t.bl_declined_by };
            fill(template, &[&name, &format_date(i18n.locale(), &at)])
        }
    };
    view! {
        <div class="card decision" class:decision-approved=approved class:decision-declined=!approved
            data-decision=decision.kind.as_str()>
            <div class="decision-head">
                <span class="decision-mark" aria-hidden="true">{if approved { "✓" } else { "✕" }}</span>
                <p class="decision-headline">{headline}</p>
            </div>
            {if approved {
                view! {
                    <dl class="facts decision-facts">
                        <dt>{move || i18n.t().bl_frozen_estimate}</dt>
                        <dd class="frozen-estimate">
                            {move || estimate.map(|m| format_hours(i18n.locale(), m)).unwrap_or_else(|| "—".to_owned())}
                        </dd>
                        <dt>{move || i18n.t().bl_frozen_price}</dt>
                        <dd class="frozen-price">
                            {move || price.as_ref().map(|p| format_money(i18n.locale(), p)).unwrap_or_else(|| "—".to_owned())}
                        </dd>
                    </dl>
                    <p class="field-hint">{move || i18n.t().bl_frozen_hint}</p>
                    {comment.clone().map(|c| view! {
                        <p class="decision-note"><b>{move || i18n.t().bl_approver_note} ": "</b>{c}</p>
                    })}
                }
                .into_any()
            } else {
                view! {
                    <p class="decision-reason">
                        <b>{move || i18n.t().bl_decline_reason} ": "</b>
                        {comment.clone().unwrap_or_else(|| "—".to_owned())}
                    </p>
                }
                .into_any()
            }}
        </div>
    }
}

/// The status moves staff may make from `status`: the client alone approves or declines.
fn staff_moves(status: BacklogStatus) -> &'static [BacklogStatus] {
    use BacklogStatus::*;
    match status {
        Idea => &[Proposed],
        Proposed => &[Idea],
        Declined => &[Proposed],
        Agreed => &[Scheduled],
        Scheduled => &[InProgress],
        InProgress => &[Done],
        Done => &[],
    }
}

fn move_label(t: &Texts, from: BacklogStatus, to: BacklogStatus) -> &'static str {
    use BacklogStatus::*;
    match (from, to) {
        (Declined, Proposed) => t.bl_action_offer_again,
        (_, Proposed) => t.bl_action_propose,
        (_, Idea) => t.bl_action_withdraw,
        (_, Scheduled) => t.bl_action_schedule,
        (_, InProgress) => t.bl_action_start,
        (_, Done) => t.bl_action_done,
        (_, other) => status_label(t, other),
    }
}

#[component]
fn StatusActions(
    client: ClientId,
    project: ProjectId,
    item: BacklogItemView,
    manage: bool,
    on_moved: Callback<BacklogStatus>,
    on_stale: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let from = item.status;
    let version = item.version;
    let id = item.id;
    let pending = RwSignal::new(None::<BacklogStatus>);
    let error = RwSignal::new(None::<ApiError>);
    // Managers make every staff move; everyone else who sees the item starts and finishes work.
    let moves: Vec<BacklogStatus> = staff_moves(from)
        .iter()
        .copied()
        .filter(|to| manage || matches!(to, BacklogStatus::InProgress | BacklogStatus::Done))
        .collect();
    let run = move |to: BacklogStatus| {
        if pending.get_untracked().is_some() {
            return;
        }
        pending.set(Some(to));
        error.set(None);
        spawn_local(async move {
            match api::backlog::change_status(client, project, id, &StatusChange { to, version }).await {
                Ok(_) => on_moved.run(to),
                Err(e) if is_stale(&e) => on_stale.run(()),
                Err(e) => error.set(Some(e)),
            }
            pending.set(None);
        });
    };
    let awaiting = from == BacklogStatus::Proposed;
    if moves.is_empty() && !awaiting {
        return ().into_any();
    }
    view! {
        <div class="card status-actions">
            <h2 class="card-title">{move || i18n.t().bl_next_step}</h2>
            {awaiting.then(|| view! {
                <p class="awaiting-client"><span class="badge badge-amber">{move || i18n.t().bl_awaiting_client}</span></p>
            })}
            <div class="status-buttons">
                {moves.into_iter().map(|to| {
                    let primary = !matches!(to, BacklogStatus::Idea);
                    view! {
                        <button type="button" class="btn status-action" class:btn-primary=primary
                            data-to=to.as_str() disabled=move || pending.get().is_some() on:click=move |_| run(to)>
                            {move || if pending.get() == Some(to) { i18n.t().saving } else { move_label(i18n.t(), from, to) }}
                        </button>
                    }
                }).collect_view()}
            </div>
            {move || error.get().map(|e| view! {
                <div class="status-error">
                    <ErrorBanner error=e describe=status_error_text />
                </div>
            })}
        </div>
    }
    .into_any()
}

/// Status answers in words; a change request not yet approved gets the "no gifts" rule.
fn status_error_text(t: &'static Texts, error: &ApiError) -> String {
    if error.is(codes::CHANGE_REQUEST_NOT_APPROVED) {
        return format!("{} {}", t.err_change_request_not_approved, t.bl_no_gifts);
    }
    crate::i18n::error_text(t, error)
}

#[component]
fn Comments(client: ClientId, project: ProjectId, item: BacklogItemId, initial: Vec<CommentView>) -> impl IntoView {
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
                {move || i18n.t().bl_comments} " "
                <span class="count-pill">{move || comments.with(Vec::len)}</span>
            </h2>
            {move || comments.with(Vec::is_empty).then(|| view! {
                <p class="muted no-comments">{move || i18n.t().bl_no_comments}</p>
            })}
            <ol class="comments">
                <For each=move || comments.get() key=|c| c.id let:c>
                    <CommentItem comment=c />
                </For>
            </ol>
            <form class="form comment-form" on:submit=on_submit>
                <div class="field">
                    <label for="comment-body">{move || i18n.t().bl_comment_body}</label>
                    <textarea id="comment-body" name="body" rows="3" bind:value=body
                        placeholder=move || i18n.t().bl_comment_placeholder></textarea>
                </div>
                <div class="field field-check">
                    <label class="check">
                        <input type="checkbox" name="internal" bind:checked=internal />
                        <span>{move || i18n.t().bl_internal_comment}</span>
                    </label>
                    <p class="field-hint">
                        {move || if internal.get() { i18n.t().bl_internal_hint } else { i18n.t().bl_visible_hint }}
                    </p>
                </div>
                {move || problem.get().map(|p| view! {
                    <p class="form-error" role="alert">{move || problem_text(i18n.t(), &p)}</p>
                })}
                <div class="form-actions form-actions-start">
                    <button type="submit" class="btn btn-primary send-comment" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t().sending } else { i18n.t().bl_send_comment }}
                    </button>
                </div>
            </form>
        </div>
    }
}

#[component]
fn CommentItem(comment: CommentView) -> impl IntoView {
    let i18n = use_i18n();
    let at = comment.created_at;
    let side = comment.side;
    let internal = comment.internal;
    view! {
        <li class="comment" class:internal=internal class:from-client=side == Side::Client data-side=side.as_str()>
            <div class="comment-head">
                <b class="comment-author">{comment.author.clone()}</b>
                <span class=format!("side-tag side-{}", side.as_str())>{move || side_label(i18n.t(), side)}</span>
                {internal.then(|| view! {
                    <span class="badge badge-grey internal-badge" title=move || i18n.t().bl_internal_hint>
                        {move || i18n.t().bl_internal_badge}
                    </span>
                })}
                <span class="comment-date">{move || format_date_time(i18n.locale(), &at)}</span>
            </div>
            <p class="comment-body">{comment.body.clone()}</p>
        </li>
    }
}

#[component]
fn History(events: Vec<ItemEvent>) -> impl IntoView {
    let i18n = use_i18n();
    let mut events = events;
    events.sort_by_key(|e| std::cmp::Reverse(e.at));
    let empty = events.is_empty();
    view! {
        <div class="card item-history-card">
            <h2 class="card-title">{move || i18n.t().bl_history}</h2>
            {empty.then(|| view! { <p class="muted">{move || i18n.t().bl_no_history}</p> })}
            <ol class="timeline item-history">
                {events.into_iter().map(|e| view! { <HistoryEntry event=e /> }).collect_view()}
            </ol>
        </div>
    }
}

#[component]
fn HistoryEntry(event: ItemEvent) -> impl IntoView {
    let i18n = use_i18n();
    let at = event.at;
    let kind = event.kind;
    let side = event.side;
    let changes = event.changes.clone();
    view! {
        <li class="timeline-item history-entry" data-kind=kind.as_str() data-side=side.as_str()>
            <span class="timeline-dot" class:dot-client=side == Side::Client aria-hidden="true"></span>
            <div class="timeline-body">
                <div class="timeline-line">
                    <b class="history-kind">{move || event_label(i18n.t(), kind)}</b>
                </div>
                {(!changes.is_empty()).then(|| view! {
                    <ul class="event-changes">
                        {changes.into_iter().map(|c| view! { <ChangeLine change=c /> }).collect_view()}
                    </ul>
                })}
                <div class="timeline-meta">
                    <span class="history-actor">{event.actor.clone()}</span>
                    " ("{move || side_label(i18n.t(), side)}")"
                    " · "
                    <span class="history-at">{move || format_date_time(i18n.locale(), &at)}</span>
                </div>
            </div>
        </li>
    }
}

fn history_field(t: &Texts, field: &str) -> String {
    match field {
        "title" => t.bl_item_title.to_owned(),
        "description" => t.bl_description.to_owned(),
        "benefit" => t.bl_benefit.to_owned(),
        "estimate" => t.bl_estimate.to_owned(),
        "price" => t.bl_price.to_owned(),
        "priority" => t.bl_priority.to_owned(),
        "source" => t.bl_source.to_owned(),
        "status" => t.status.to_owned(),
        "change_request" => t.bl_change_request.to_owned(),
        "stage" => t.bl_stage.to_owned(),
        "rank" => t.bl_rank.to_owned(),
        "comment" | "reason" => t.bl_comment_body.to_owned(),
        other => other.to_owned(),
    }
}

/// A history value in the reader's language: statuses and choices translated, hours and money
/// in the local format, long text shortened.
fn history_value(t: &Texts, locale: Locale, field: &str, value: Option<&str>) -> String {
    let Some(value) = value.filter(|v| !v.is_empty()) else {
        return "—".to_owned();
    };
    match field {
        "status" => BacklogStatus::parse(value).map(|s| status_label(t, s).to_owned()),
        "priority" => Priority::parse(value).map(|p| priority_label(t, p).to_owned()),
        "source" => BacklogSource::parse(value).map(|s| source_label(t, s).to_owned()),
        "change_request" => match value {
            "true" => Some(t.bl_yes_cr.to_owned()),
            "false" => Some(t.bl_no_cr.to_owned()),
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

#[component]
fn ChangeLine(change: FieldChange) -> impl IntoView {
    let i18n = use_i18n();
    let field = change.field.clone();
    let (old, new) = (change.old.clone(), change.new.clone());
    let label = {
        let field = field.clone();
        move || history_field(i18n.t(), &field)
    };
    let shown = move |v: &Option<String>| history_value(i18n.t(), i18n.locale(), &field, v.as_deref());
    let shown_new = shown.clone();
    view! {
        <li class="event-detail history-change" data-field=change.field.clone()>
            {label} ": " <span class="old-value">{move || shown(&old)}</span>
            " → " <span class="new-value">{move || shown_new(&new)}</span>
        </li>
    }
}
