//! `/app/clients/:id/projects/:pid/backlog/:item`: one item — its facts, the client's decision
//! with the frozen estimate and price, "was X, now Y", and the edit form (with the version it was
//! loaded at). The status moves are in `item_moves.rs`, comments and history in `item_side.rs`.

use super::form::ItemForm;
use super::item_moves::StatusActions;
use super::item_side::{Comments, History};
use super::{priority_mark, source_label};
use crate::api::{self, ApiError};
use crate::components::{ErrorBanner, Loading};
use crate::i18n::{fill, format_date, format_date_time, format_money, use_i18n};
use crate::pages::backlog_parts::{format_hours, status_label, CrBadge, DecisionSummary, Reader, StatusBadge, WasNow};
use crate::pages::clients::frame::use_client;
use crate::routes::{ClientTab, Route};
use accord_api::backlog::{BacklogItemDetail, BacklogItemView, Decision};
use accord_api::error::Code;
use accord_api::{BacklogItemId, BacklogStatus, ClientId, DecisionKind, ProjectId};
use leptos::prelude::*;
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
            None => view! { <ErrorBanner error=ApiError::local(Code::NotFound, String::new()) /> }.into_any(),
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
                <h1>{move || i18n.t().backlog_item().item_unavailable}</h1>
                <p class="subtitle">{move || i18n.t().backlog_item().item_unavailable_hint}</p>
                <A href=Route::StaffBacklog(client, project).path() attr:class="btn btn-primary">
                    {move || i18n.t().backlog_item().back_to_backlog}
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
            <nav class="breadcrumb" aria-label=move || i18n.t().backlog().breadcrumb>
                <A href=Route::StaffClientTab(client, ClientTab::Projects).path() attr:class="crumb crumb-projects">
                    {move || i18n.t().clients().tab_projects}
                </A>
                <span class="crumb-sep" aria-hidden="true">"›"</span>
                <span class="crumb">{project_name}</span>
                <span class="crumb-sep" aria-hidden="true">"›"</span>
                <A href=backlog attr:class="crumb crumb-backlog back-to-backlog">{move || i18n.t().backlog().title}</A>
            </nav>
            <Show when=move || stale.get()>
                <div class="stale-version" role="alert">
                    <span class="error-icon" aria-hidden="true"></span>
                    <span class="stale-text">{move || i18n.t().backlog_item().stale_banner}</span>
                    <button type="button" class="btn btn-small btn-primary reload" on:click=move |_| reload.run(())>
                        {move || i18n.t().backlog_item().reload}
                    </button>
                </div>
            </Show>
            {move || flash.get().map(|f| {
                let text = move || match f {
                    Flash::Saved => i18n.t().backlog_form().item_saved.to_owned(),
                    Flash::Moved(to) => fill(i18n.t().backlog_item().moved_to, &[&status_label(i18n.t(), to)]),
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
                        <span class="item-rank" title=move || i18n.t().backlog_item().rank>"#" {it.rank}</span>
                        <h2 class="item-heading">{it.title.clone()}</h2>
                        <StatusBadge status=status reader=Reader::Staff />
                        {it.change_request.then(|| view! { <CrBadge reader=Reader::Staff /> })}
                    </div>
                    <StatusHint status=status change_request=it.change_request />
                    <ItemFacts item=it.clone() />
                    {it.previous.clone().map(|p| view! {
                        <WasNow reader=Reader::Staff previous=p estimate_minutes=it.estimate_minutes price=it.price.clone() />
                    })}
                    <div class="item-section">
                        <h3 class="section-title">{move || i18n.t().backlog_form().description}</h3>
                        {if it.description.html.trim().is_empty() {
                            view! { <p class="muted">{move || i18n.t().backlog_item().no_description}</p> }.into_any()
                        } else {
                            view! { <div class="item-description prose-html" inner_html=it.description.html.clone()></div> }
                                .into_any()
                        }}
                    </div>
                    <div class="item-section">
                        <h3 class="section-title">{move || i18n.t().backlog_form().benefit}</h3>
                        {if it.benefit.trim().is_empty() {
                            view! { <p class="muted">{move || i18n.t().backlog_item().no_benefit}</p> }.into_any()
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
                        <h2 class="card-title">{move || i18n.t().backlog_item().edit_item}</h2>
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
            BacklogStatus::Idea => t.backlog_item().hint_idea,
            BacklogStatus::Proposed => t.backlog_item().hint_proposed,
            BacklogStatus::Agreed if change_request => t.backlog_item().hint_agreed_cr,
            BacklogStatus::Agreed => t.backlog_item().hint_agreed,
            BacklogStatus::Scheduled => t.backlog_item().hint_scheduled,
            BacklogStatus::InProgress => t.backlog_item().hint_in_progress,
            BacklogStatus::Done => t.backlog_item().hint_done,
            BacklogStatus::Declined => t.backlog_item().hint_declined,
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
            <dt>{move || i18n.t().backlog().estimate}</dt>
            <dd class="item-estimate">
                {move || estimate.map(|m| format_hours(i18n.locale(), m)).unwrap_or_else(|| "—".to_owned())}
            </dd>
            <dt>{move || i18n.t().backlog().price}</dt>
            <dd class="item-price">
                {move || price.as_ref().map(|p| format_money(i18n.locale(), p)).unwrap_or_else(|| "—".to_owned())}
            </dd>
            <dt>{move || i18n.t().backlog().priority}</dt>
            <dd class="item-priority">{priority_mark(priority)}</dd>
            <dt>{move || i18n.t().backlog().source}</dt>
            <dd class="item-source">{move || source_label(i18n.t(), source)}</dd>
            <dt>{move || i18n.t().backlog_form().stage}</dt>
            <dd class="item-stage" class:muted=no_stage>
                {move || stage.clone().unwrap_or_else(|| i18n.t().backlog_form().no_stage.to_owned())}
            </dd>
            <dt>{move || i18n.t().backlog().change_request}</dt>
            <dd class="item-cr">{move || if cr { i18n.t().backlog_item().yes_cr } else { i18n.t().backlog_item().no_cr }}</dd>
            <dt>{move || i18n.t().backlog_item().created}</dt>
            <dd class="item-created">
                {move || format_date(i18n.locale(), &created)}
                {created_by.clone().map(|n| view! { " · " {n} })}
            </dd>
            <dt>{move || i18n.t().backlog_item().updated}</dt>
            <dd class="item-updated">{move || format_date_time(i18n.locale(), &updated)}</dd>
        </dl>
    }
}

/// `.decision`: the client's decision; an approval adds that its values are frozen.
#[component]
fn DecisionCard(decision: Decision) -> impl IntoView {
    let i18n = use_i18n();
    let kind = decision.kind;
    let approved = kind == DecisionKind::Approved;
    view! {
        <div class="card decision" class:decision-approved=approved class:decision-declined=!approved
            data-decision=kind.as_str()>
            <DecisionSummary decision=decision reader=Reader::Staff />
            {approved.then(|| view! { <p class="field-hint frozen-hint">{move || i18n.t().backlog_item().frozen_hint}</p> })}
        </div>
    }
}
