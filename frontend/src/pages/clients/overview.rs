//! The Overview tab: the profile (a form for those who may change it, facts otherwise), the
//! status history and archiving.

use super::client_status_badge;
use super::frame::{use_client, ClientCtx};
use super::profile_form::ProfileForm;
use crate::api::{self, ApiError};
use crate::components::{async_view, who_and_when, ErrorBanner, InlineConfirm, Notice, Timeline, TimelineEntry};
use crate::i18n::{fill, format_day, use_i18n};
use accord_api::clients::{ClientProfile, StatusChange};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn OverviewTab() -> impl IntoView {
    let Some(ctx) = use_client() else {
        return ().into_any();
    };
    let can_edit = ctx.can_edit();
    view! {
        <div class="tab-grid">
            <div class="tab-main">
                {move || if can_edit.get() {
                    view! { <ProfileForm ctx=ctx /> }.into_any()
                } else {
                    view! { <ProfileFacts ctx=ctx /> }.into_any()
                }}
            </div>
            <aside class="tab-side">
                <StatusHistory ctx=ctx />
                <Show when=move || can_edit.get()>
                    <ArchiveCard ctx=ctx />
                </Show>
            </aside>
        </div>
    }
    .into_any()
}

/// The profile for those who may only read it.
#[component]
fn ProfileFacts(ctx: ClientCtx) -> impl IntoView {
    let i18n = use_i18n();
    let p = move || ctx.profile.get();
    let text = move |get: fn(&ClientProfile) -> Option<String>| move || get(&p()).unwrap_or_else(|| "—".to_owned());
    let day = move |get: fn(&ClientProfile) -> Option<chrono::NaiveDate>| {
        move || get(&p()).map(|d| format_day(i18n.locale(), &d)).unwrap_or_else(|| "—".to_owned())
    };
    let list = move |get: fn(&ClientProfile) -> Vec<String>| {
        move || {
            let items = get(&p());
            if items.is_empty() {
                return view! { <span class="muted">"—"</span> }.into_any();
            }
            view! { <ul class="fact-list">{items.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul> }
                .into_any()
        }
    };
    view! {
        <div class="card" id="client-profile-view">
            <h2 class="card-title">{move || i18n.t().overview().client_profile_title}</h2>
            <p class="notice notice-muted read-only-note" id="read-only-note">{move || i18n.t().overview().read_only_note}</p>
            <dl class="facts facts-profile">
                <dt>{move || i18n.t().common().status}</dt>
                <dd>{move || client_status_badge(p().summary.status)}</dd>
                <dt>{move || i18n.t().clients().account_manager}</dt>
                <dd>{move || p().summary.account_manager.map(|m| m.name).unwrap_or_else(|| i18n.t().clients().no_manager.to_owned())}</dd>
                <dt>{move || i18n.t().overview().started_on}</dt>
                <dd>{day(|p| p.started_on)}</dd>
                <dt>{move || i18n.t().overview().ended_on}</dt>
                <dd>{day(|p| p.ended_on)}</dd>
                <dt>{move || i18n.t().overview().business_model}</dt>
                <dd class="prose">{text(|p| p.business_model.clone())}</dd>
                <dt>{move || i18n.t().overview().audience}</dt>
                <dd class="prose">{text(|p| p.audience.clone())}</dd>
                <dt>{move || i18n.t().overview().market}</dt>
                <dd class="prose">{text(|p| p.market.clone())}</dd>
                <dt>{move || i18n.t().overview().product_role}</dt>
                <dd class="prose">{text(|p| p.product_role.clone())}</dd>
                <dt>{move || i18n.t().overview().included}</dt>
                <dd>{list(|p| p.included.clone())}</dd>
                <dt>{move || i18n.t().overview().excluded}</dt>
                <dd>{list(|p| p.excluded.clone())}</dd>
                <dt>{move || i18n.t().overview().contact_cadence}</dt>
                <dd>{move || p().summary.contact_cadence_days.map(|d| i18n.t().clients().cadence_every.count(d.into())).unwrap_or_else(|| "—".to_owned())}</dd>
                <dt>{move || i18n.t().overview().report_cadence_label}</dt>
                <dd>{move || p().report_cadence.map(|r| i18n.t().report_cadence(r)).unwrap_or("—")}</dd>
            </dl>
        </div>
    }
}

/// `#status-history`: every status change, newest first. Reloads when the status changes.
#[component]
fn StatusHistory(ctx: ClientCtx) -> impl IntoView {
    let i18n = use_i18n();
    let id = ctx.id();
    let status = Memo::new(move |_| ctx.profile.with(|p| p.summary.status));
    let history = LocalResource::new(move || {
        status.track();
        api::clients::status_history(id)
    });
    view! {
        <div class="card" id="status-history">
            <h2 class="card-title">{move || i18n.t().overview().status_history}</h2>
            {async_view(history, move |changes| {
                if changes.is_empty() {
                    return view! { <p class="muted">{move || i18n.t().overview().no_status_changes}</p> }.into_any();
                }
                let mut changes = changes;
                changes.sort_by_key(|c| std::cmp::Reverse(c.changed_at));
                view! {
                    <Timeline>
                        {changes.into_iter().map(|c| view! { <StatusChangeItem change=c /> }).collect_view()}
                    </Timeline>
                }
                .into_any()
            })}
        </div>
    }
}

#[component]
fn StatusChangeItem(change: StatusChange) -> impl IntoView {
    let i18n = use_i18n();
    let StatusChange { from, to, changed_by, changed_at } = change;
    let who = changed_by.map(|s| s.name);
    view! {
        <TimelineEntry class="status-change" attr:data-to=to.as_str()
            line=move || match from {
                Some(from) => view! {
                    {client_status_badge(from)}
                    <span class="arrow" aria-hidden="true">"→"</span>
                    {client_status_badge(to)}
                }.into_any(),
                None => view! {
                    <span class="timeline-created">{move || i18n.t().overview().status_created}</span>
                    {client_status_badge(to)}
                }.into_any(),
            }
            meta=move || who_and_when(who.clone(), changed_at) />
    }
}

/// Archive (hide from the list, delete nothing) or bring back, each after an inline confirmation.
#[component]
fn ArchiveCard(ctx: ClientCtx) -> impl IntoView {
    let i18n = use_i18n();
    let archived = Memo::new(move |_| ctx.profile.with(|p| p.summary.archived));
    let confirming = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(None::<bool>);
    let name = move || ctx.profile.with(|p| p.summary.name.clone());

    let apply = Callback::new(move |_| {
        if pending.get_untracked() {
            return;
        }
        let target = !archived.get_untracked();
        pending.set(true);
        error.set(None);
        done.set(None);
        let id = ctx.id();
        spawn_local(async move {
            match api::clients::set_archived(id, target).await {
                Ok(profile) => {
                    ctx.profile.set(profile);
                    done.set(Some(target));
                }
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
            confirming.set(false);
        });
    });

    let button = move || {
        let (id, label, class) = if archived.get() {
            ("unarchive-client", i18n.t().overview().unarchive, "btn")
        } else {
            ("archive-client", i18n.t().overview().archive, "btn btn-danger-ghost")
        };
        view! {
            <button type="button" id=id class=class disabled=move || pending.get() on:click=move |_| {
                done.set(None);
                confirming.set(true);
            }>
                {label}
            </button>
        }
    };
    let question = move || {
        let template =
            if archived.get() { i18n.t().overview().confirm_unarchive } else { i18n.t().overview().confirm_archive };
        fill(template, &[&name()])
    };
    view! {
        <div class="card" id="archive-card">
            <h2 class="card-title">{move || i18n.t().overview().archive_title}</h2>
            <p class="card-hint archive-hint">{move || i18n.t().overview().archive_hint}</p>
            <div class="archive-actions">
                <Show when=move || confirming.get() fallback=button>
                    <InlineConfirm action="archive" class="inline-confirm-left" text=Signal::derive(question)
                        pending=pending on_confirm=apply on_cancel=Callback::new(move |_| confirming.set(false)) />
                </Show>
            </div>
            {move || error.get().map(|e| view! { <ErrorBanner error=e /> })}
            {move || done.get().map(|now_archived| view! {
                <Notice text=Signal::derive(move || {
                    if now_archived { i18n.t().overview().client_archived } else { i18n.t().overview().client_unarchived }.to_owned()
                }) />
            })}
        </div>
    }
}
