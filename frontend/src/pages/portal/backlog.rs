//! `/portal/backlog`: what the agency proposes (awaiting the client's decision), what is agreed
//! and planned, what is done and what was declined; plus approved change requests by month.

use super::parts::month_label;
use crate::api;
use crate::components::async_view;
use crate::components::form::Text;
use crate::i18n::{error_text, fill, format_date, format_money, use_i18n};
use crate::pages::backlog_parts::{estimate_text, price_text, CrBadge, Reader, StatusBadge, WasNow};
use crate::routes::Route;
use accord_api::backlog::{MonthTotal, PortalBacklog, PortalItem, PortalSection, PORTAL_SECTION_SHOWN};
use accord_api::DecisionKind;
use leptos::prelude::*;
use leptos_router::components::A;

/// What the declined section says when nothing was declined (title, hint).
const DECLINED_EMPTY: (Text, Text) =
    (|t| t.portal_backlog().declined_empty, |t| t.portal_backlog().declined_empty_hint);

/// How many declined items show before "show all".
const DECLINED_SHOWN: usize = 5;

#[component]
pub fn PortalBacklogPage() -> impl IntoView {
    let i18n = use_i18n();
    let backlog = LocalResource::new(api::portal::backlog);
    view! {
        <section class="page portal-page portal-backlog-page">
            <div class="portal-page-head">
                <h1>{move || i18n.t().portal_backlog().title}</h1>
                <p class="portal-intro">{move || i18n.t().portal_backlog().intro}</p>
            </div>
            {async_view(backlog, |b| view! { <BacklogSections backlog=b /> })}
        </section>
    }
}

#[component]
fn BacklogSections(backlog: PortalBacklog) -> impl IntoView {
    let i18n = use_i18n();
    let PortalBacklog {
        can_decide,
        awaiting,
        awaiting_total,
        planned,
        planned_total,
        done,
        done_total,
        declined,
        declined_total,
        change_requests_by_month,
    } = backlog;
    view! {
        <div class="portal-backlog-grid">
            <div class="portal-backlog-main">
                <section class="card portal-section section-awaiting">
                    <div class="portal-section-head">
                        <h2 class="card-title">{move || i18n.t().portal_backlog().awaiting}</h2>
                        {(can_decide && awaiting_total > 0).then(|| view! {
                            <span class="count-badge awaiting-count">{awaiting_total}</span>
                        })}
                    </div>
                    {if can_decide {
                        (awaiting_total > 0).then(|| view! {
                            <p class="section-hint approver-hint">{move || i18n.t().portal_backlog().awaiting_hint}</p>
                        }).into_any()
                    } else {
                        view! { <p class="viewer-note" role="note">{move || i18n.t().portal_backlog().viewer_note}</p> }.into_any()
                    }}
                    <SectionItems section=PortalSection::Awaiting items=awaiting total=awaiting_total show_status=false review=can_decide
                        empty_title=|t| t.portal_backlog().awaiting_empty empty_hint=|t| t.portal_backlog().awaiting_empty_hint />
                </section>
                <section class="card portal-section section-planned">
                    <div class="portal-section-head">
                        <h2 class="card-title">{move || i18n.t().portal_backlog().planned}</h2>
                        {(planned_total > 0).then(|| view! { <span class="count-badge count-badge-muted">{planned_total}</span> })}
                    </div>
                    <SectionItems section=PortalSection::Planned items=planned total=planned_total show_status=true review=false
                        empty_title=|t| t.portal_backlog().planned_empty empty_hint=|t| t.portal_backlog().planned_empty_hint />
                </section>
                <section class="card portal-section section-done">
                    <div class="portal-section-head">
                        <h2 class="card-title">{move || i18n.t().portal_backlog().done}</h2>
                        {(done_total > 0).then(|| view! { <span class="count-badge count-badge-muted">{done_total}</span> })}
                    </div>
                    <SectionItems section=PortalSection::Done items=done total=done_total show_status=false review=false
                        empty_title=|t| t.portal_backlog().done_empty empty_hint=|t| t.portal_backlog().done_empty_hint />
                </section>
                <DeclinedSection items=declined total=declined_total />
            </div>
            <aside class="portal-backlog-side">
                <CrTotals months=change_requests_by_month />
                <div class="card portal-card portal-how">
                    <p class="card-label">{move || i18n.t().portal_backlog().how_title}</p>
                    <p class="card-hint">{move || i18n.t().portal_backlog().how_text}</p>
                </div>
            </aside>
        </div>
    }
}

/// Declined items, muted; the first few, then a button for the rest.
#[component]
fn DeclinedSection(items: Vec<PortalItem>, total: u32) -> impl IntoView {
    let i18n = use_i18n();
    let expanded = RwSignal::new(total as usize <= DECLINED_SHOWN);
    let items = StoredValue::new(items);
    view! {
        <section class="card portal-section section-declined">
            <div class="portal-section-head">
                <h2 class="card-title">{move || i18n.t().portal_backlog().declined}</h2>
                {(total > 0).then(|| view! { <span class="count-badge count-badge-muted">{total}</span> })}
            </div>
            {move || if expanded.get() {
                view! {
                    <SectionItems section=PortalSection::Declined items=items.get_value() total=total show_status=false review=false
                        empty_title=DECLINED_EMPTY.0 empty_hint=DECLINED_EMPTY.1 />
                }.into_any()
            } else {
                let first: Vec<PortalItem> = items.get_value().into_iter().take(DECLINED_SHOWN).collect();
                view! {
                    <ItemList items=first show_status=false review=false
                        empty_title=DECLINED_EMPTY.0 empty_hint=DECLINED_EMPTY.1 />
                    <button type="button" class="btn btn-small btn-ghost show-declined" on:click=move |_| expanded.set(true)>
                        {move || fill(i18n.t().portal_backlog().show_all, &[&total])}
                    </button>
                }.into_any()
            }}
        </section>
    }
}

/// A section's items: those the backlog came with, then page after page on "Show more" until
/// the section's total is shown.
#[component]
fn SectionItems(
    section: PortalSection,
    items: Vec<PortalItem>,
    total: u32,
    show_status: bool,
    review: bool,
    empty_title: Text,
    empty_hint: Text,
) -> impl IntoView {
    let i18n = use_i18n();
    let items = RwSignal::new(items);
    let loading = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    let more = move |_| {
        if loading.get_untracked() {
            return;
        }
        loading.set(true);
        failed.set(None);
        // Pages hold PORTAL_SECTION_SHOWN items; the backlog brought the first page.
        let next = items.with_untracked(Vec::len) as u32 / PORTAL_SECTION_SHOWN + 1;
        leptos::task::spawn_local(async move {
            match api::portal::section(section, next).await {
                Ok(page) => items.update(|all| {
                    let known: std::collections::HashSet<_> = all.iter().map(|i| i.id).collect();
                    all.extend(page.items.into_iter().filter(|i| !known.contains(&i.id)));
                }),
                Err(e) => failed.set(Some(error_text(i18n.t(), &e))),
            }
            loading.set(false);
        });
    };
    view! {
        {move || view! {
            <ItemList items=items.get() show_status=show_status review=review empty_title=empty_title empty_hint=empty_hint />
        }}
        <Show when=move || { items.with(Vec::len) < total as usize }>
            <div class="section-more">
                <span class="section-footnote">
                    {move || fill(i18n.t().portal_backlog().shown_of, &[&items.with(Vec::len), &total])}
                </span>
                <button type="button" class="btn btn-small btn-ghost show-more" disabled=move || loading.get() on:click=more>
                    {move || i18n.t().portal_backlog().show_more}
                </button>
                {move || failed.get().map(|message| view! { <span class="form-error" role="alert">{message}</span> })}
            </div>
        </Show>
    }
}

#[component]
fn ItemList(
    items: Vec<PortalItem>,
    show_status: bool,
    review: bool,
    empty_title: Text,
    empty_hint: Text,
) -> impl IntoView {
    let i18n = use_i18n();
    if items.is_empty() {
        return view! {
            <div class="portal-empty section-empty">
                <p class="empty-title">{move || empty_title(i18n.t())}</p>
                <p class="empty-hint">{move || empty_hint(i18n.t())}</p>
            </div>
        }
        .into_any();
    }
    view! {
        <ul class="portal-items">
            {items.into_iter().map(|item| view! { <ItemRow item=item show_status=show_status review=review /> }).collect_view()}
        </ul>
    }
    .into_any()
}

/// `.portal-item`: project and stage, title (a link to the item), benefit, estimate, price.
#[component]
fn ItemRow(item: PortalItem, show_status: bool, review: bool) -> impl IntoView {
    let i18n = use_i18n();
    let href = Route::PortalBacklogItem(item.id).path();
    let (minutes, price) = (item.estimate_minutes, item.price.clone());
    let no_price = price.is_none();
    let status = item.status;
    let project = item.project_name.clone();
    let stage = item.stage.as_ref().map(|s| s.title.clone());
    let benefit = (!item.benefit.trim().is_empty()).then(|| item.benefit.clone());
    let comments = item.comment_count;
    let reason = match &item.decision {
        Some(d) if d.kind == DecisionKind::Declined => d.comment.clone().filter(|c| !c.trim().is_empty()),
        _ => None,
    };
    let declined_on = item.decision.as_ref().filter(|d| d.kind == DecisionKind::Declined).map(|d| d.at);
    let change_request = item.change_request;
    let review_href = href.clone();
    let title = item.title.clone();
    let item_id = item.id.to_string();
    let was_now = item.previous.clone().map(|previous| {
        view! { <WasNow reader=Reader::Client previous=previous estimate_minutes=minutes price=price.clone() /> }
    });
    view! {
        <li class="portal-item" data-id=item_id data-status=status.as_str()
            class:portal-item-cr=change_request>
            <div class="portal-item-main">
                <p class="portal-item-meta">
                    <span class="portal-item-project">{project}</span>
                    {stage.map(|s| view! {
                        <span class="meta-sep" aria-hidden="true">"·"</span>
                        <span class="portal-item-stage">{move || i18n.t().portal_backlog().stage} ": " {s}</span>
                    })}
                </p>
                <A href=href attr:class="portal-item-link">{title}</A>
                {benefit.map(|b| view! { <p class="portal-item-benefit">{b}</p> })}
                {reason.map(|r| view! {
                    <p class="portal-item-reason"><span class="muted">{move || i18n.t().backlog().reason} ": "</span>{r}</p>
                })}
                {declined_on.map(|at| view! {
                    <p class="portal-item-when muted">{move || fill(i18n.t().portal_backlog().declined_on, &[&format_date(i18n.locale(), &at)])}</p>
                })}
                {was_now}
            </div>
            <div class="portal-item-side">
                <div class="portal-item-tags">
                    {show_status.then(|| view! { <StatusBadge status=status reader=Reader::Client /> })}
                    {change_request.then(|| view! { <CrBadge reader=Reader::Client /> })}
                </div>
                <span class="portal-item-price money" class:muted=no_price>
                    {move || price_text(i18n.t(), i18n.locale(), price.as_ref())}
                </span>
                <span class="portal-item-estimate">{move || estimate_text(i18n.t(), i18n.locale(), minutes)}</span>
                {(comments > 0).then(|| view! {
                    <span class="portal-item-comments" title=move || i18n.t().portal_backlog().conversation>
                        <svg class="comments-icon" viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor"
                            stroke-width="2" aria-hidden="true">
                            <path d="M4 5h16v11H9l-5 4z" stroke-linejoin="round" />
                        </svg>
                        {comments}
                    </span>
                })}
                {review.then(|| view! {
                    <A href=review_href attr:class="btn btn-small btn-primary portal-item-review">
                        {move || i18n.t().portal_backlog().review}
                    </A>
                })}
            </div>
        </li>
    }
}

/// `.cr-totals`: approved change requests per month (newest first), as bars.
#[component]
fn CrTotals(months: Vec<MonthTotal>) -> impl IntoView {
    let i18n = use_i18n();
    // Bars compare months of the same currency.
    let max_of = |currency: &str, months: &[MonthTotal]| {
        months.iter().filter(|m| m.total.currency == currency).map(|m| m.total.amount_minor).max().unwrap_or(0)
    };
    let rows = months
        .iter()
        .map(|m| {
            let max = max_of(&m.total.currency, &months);
            let pct = if max > 0 { (m.total.amount_minor.max(0) as f64 / max as f64 * 100.0).round() } else { 0.0 };
            // A whole number (2 to 100): written as an integer, which reads the same as the f64
            // and keeps float formatting out of the bundle.
            let pct = pct.max(2.0) as u32;
            let month = m.month.clone();
            let label_month = m.month.clone();
            let total = m.total.clone();
            let count = u64::from(m.count);
            view! {
                <li class="cr-month" data-month=month>
                    <div class="cr-month-line">
                        <span class="cr-month-name">{move || month_label(i18n.locale(), &label_month)}</span>
                        <span class="cr-month-total money">{move || format_money(i18n.locale(), &total)}</span>
                    </div>
                    <div class="cr-bar" aria-hidden="true">
                        <span class="cr-bar-fill" style=format!("width: {pct}%")></span>
                    </div>
                    <p class="cr-month-count">{move || i18n.t().portal_backlog().items.count(count)}</p>
                </li>
            }
        })
        .collect_view();
    let empty = months.is_empty();
    view! {
        <section class="card cr-totals">
            <h2 class="card-title">{move || i18n.t().portal_backlog().cr_title}</h2>
            <p class="card-hint cr-totals-hint">{move || i18n.t().portal_backlog().cr_totals_hint}</p>
            {if empty {
                view! { <p class="cr-empty muted">{move || i18n.t().portal_backlog().cr_empty}</p> }.into_any()
            } else {
                view! { <ul class="cr-months">{rows}</ul> }.into_any()
            }}
        </section>
    }
}
