//! `/portal/backlog/:id`: one item as the client reads it — estimate, price, benefit, the
//! description, the approver's decision (`decide.rs`) and the conversation with the agency
//! (`conversation.rs`).

use super::conversation::Conversation;
use super::decide::DecisionCard;
use crate::api::{self, ApiError};
use crate::components::{ErrorBanner, Loading, Notice};
use crate::i18n::{fill, format_date, use_i18n};
use crate::pages::backlog_parts::{estimate_text, price_text, CrBadge, Reader, StatusBadge, WasNow};
use crate::routes::Route;
use accord_api::backlog::{PortalItem, PortalItemDetail};
use accord_api::error::Code;
use accord_api::{BacklogItemId, BacklogStatus, DecisionKind};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The longest comment or decline reason the form accepts.
pub const MAX_TEXT: usize = 5000;

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
                None => Err(ApiError::local(Code::NotFound, String::new())),
            }
        }
    });
    let body = move || {
        match detail.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(d)) => view! { <ItemDetail detail=d /> }.into_any(),
        Some(Err(e)) if e.status == 404 || e.status == 403 || e.is(Code::NotFound) => view! {
            <div class="card unavailable item-unavailable">
                <div class="unavailable-mark" aria-hidden="true">"?"</div>
                <h1>{move || i18n.t().portal_backlog().item_missing}</h1>
                <p class="subtitle">{move || i18n.t().portal_backlog().item_missing_hint}</p>
                <A href=Route::PortalBacklog.path() attr:class="btn btn-primary">{move || i18n.t().portal_backlog().to_backlog}</A>
            </div>
        }
        .into_any(),
        Some(Err(error)) => view! {
            <ErrorBanner error=error on_retry=Callback::new(move |_| detail.refetch()) />
        }
        .into_any(),
    }
    };
    view! {
        <section class="page portal-page portal-item-page">
            <A href=Route::PortalBacklog.path() attr:class="back-link">"← " {move || i18n.t().portal_backlog().to_backlog}</A>
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
        let then = if error.is(Code::StaleVersion) { Flash::Stale } else { Flash::NotAwaiting };
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
                view! { <div class="decision-notice"><Notice text=Signal::derive(move || i18n.t().portal_backlog().approved_notice.to_owned()) /></div> }
                    .into_any()
            }
            Flash::Declined => {
                view! { <div class="decision-notice"><Notice text=Signal::derive(move || i18n.t().portal_backlog().declined_notice.to_owned()) /></div> }
                    .into_any()
            }
            Flash::Stale => view! {
                <div class="warning-banner stale-version" role="alert">
                    <span class="error-icon" aria-hidden="true"></span>
                    <span class="stale-text">{move || i18n.t().portal_backlog().stale}</span>
                </div>
            }
            .into_any(),
            Flash::NotAwaiting => view! {
                <div class="warning-banner not-awaiting" role="alert">
                    <span class="error-icon" aria-hidden="true"></span>
                    <span class="stale-text">{move || i18n.t().portal_backlog().not_awaiting}</span>
                </div>
            }
            .into_any(),
            Flash::ReloadFailed(error) => view! {
                <ErrorBanner error=error on_retry=Callback::new(move |_| on_outdated.run(ApiError::local(Code::StaleVersion, String::new()))) />
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
                    <span class="portal-item-stage">{move || i18n.t().portal_backlog().stage} ": " {s}</span>
                })}
            </p>
            <h1 class="portal-item-title">{item.title.clone()}</h1>
            <div class="portal-item-tags">
                <StatusBadge status=status reader=Reader::Client />
                {item.change_request.then(|| view! { <CrBadge reader=Reader::Client /> })}
                <span class="portal-item-updated muted">
                    {move || fill(i18n.t().portal_backlog().updated, &[&format_date(i18n.locale(), &updated)])}
                </span>
            </div>
            <div class="item-figures">
                <div class="item-figure item-estimate">
                    <p class="card-label">{move || i18n.t().portal_backlog().estimate}</p>
                    <p class="item-figure-value">{move || estimate_text(i18n.t(), i18n.locale(), minutes)}</p>
                </div>
                <div class="item-figure item-price">
                    <p class="card-label">{move || i18n.t().portal_backlog().price}</p>
                    <p class="item-figure-value money">{move || price_text(i18n.t(), i18n.locale(), price.as_ref())}</p>
                </div>
            </div>
            {item.change_request.then(|| {
                let note = move || {
                    let t = i18n.t();
                    if matches!(status, BacklogStatus::Idea | BacklogStatus::Proposed | BacklogStatus::Declined) {
                        t.portal_backlog().cr_note
                    } else {
                        t.portal_backlog().cr_note_agreed
                    }
                };
                view! { <p class="cr-note">{note}</p> }
            })}
            {item.previous.clone().map(|previous| view! {
                <WasNow reader=Reader::Client previous=previous estimate_minutes=minutes price=item.price.clone() />
            })}
            <div class="item-block">
                <p class="card-label">{move || i18n.t().portal_backlog().benefit}</p>
                {match benefit {
                    Some(b) => view! { <p class="item-benefit">{b}</p> }.into_any(),
                    None => view! { <p class="item-benefit muted">{move || i18n.t().portal_backlog().no_benefit}</p> }.into_any(),
                }}
            </div>
            <div class="item-block">
                <p class="card-label">{move || i18n.t().portal_backlog().description}</p>
                {match description {
                    // The server renders the Markdown and sanitizes the HTML.
                    Some(html) => view! { <div class="prose-html item-description" inner_html=html></div> }.into_any(),
                    None => view! { <p class="item-description muted">{move || i18n.t().portal_backlog().no_description}</p> }.into_any(),
                }}
            </div>
        </article>
    }
}
