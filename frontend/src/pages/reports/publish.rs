//! `#publish-card`: the published revision, the "unpublished changes" hint, `#publish-report`
//! with its confirmation (`#publish-confirm`: whom to mail — everyone with portal access, or the
//! contacts chosen), and for a draft never published `#delete-report` with its own confirmation.

use super::ReportCtx;
use crate::api::{self, reports as reports_api, ApiError};
use crate::components::{InlineConfirm, Notice};
use crate::i18n::{fill, use_i18n};
use crate::pages::report_parts::staff_error_text;
use crate::routes::{ClientTab, Route};
use accord_api::clients::{ContactView, PortalAccess};
use accord_api::error::Code;
use accord_api::reports::PublishReport;
use accord_api::ContactId;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

#[component]
pub fn PublishCard(ctx: ReportCtx) -> impl IntoView {
    let i18n = use_i18n();
    let revision = Memo::new(move |_| ctx.report.with(|r| r.summary.revision));
    let unpublished = Memo::new(move |_| ctx.report.with(|r| r.summary.unpublished_changes));
    let can_edit = ctx.can_edit();
    // Nothing new to publish once the latest draft is out (the server would refuse it).
    let has_news = move || revision.get() == 0 || unpublished.get();
    let confirming = RwSignal::new(false);
    let published = RwSignal::new(None::<u32>);
    view! {
        <div class="card" id="publish-card" data-revision=move || revision.get().to_string()
            data-unpublished=move || unpublished.get().to_string()>
            <h2 class="card-title">{move || i18n.t().reports_staff().publish_title}</h2>
            <p id="publish-state" class="card-hint">
                {move || match revision.get() {
                    0 => i18n.t().reports_staff().never_published.to_owned(),
                    n => fill(i18n.t().reports_staff().published_revision, &[&n]),
                }}
            </p>
            <Show when=move || { revision.get() > 0 && unpublished.get() }>
                <p id="unpublished-changes" class="warning-banner">{move || i18n.t().reports_staff().unpublished_changes}</p>
            </Show>
            <Show when=move || can_edit.get() && has_news()>
                <Show when=move || ctx.dirty.get()>
                    <p id="save-before-publish" class="card-hint">{move || i18n.t().reports_staff().save_before_publish}</p>
                </Show>
                <Show when=move || !confirming.get()>
                    <button type="button" id="publish-report" class="btn btn-primary" disabled=move || ctx.dirty.get()
                        on:click=move |_| {
                            published.set(None);
                            confirming.set(true);
                        }>
                        {move || if revision.get() == 0 { i18n.t().reports_staff().publish } else { i18n.t().reports_staff().publish_again }}
                    </button>
                </Show>
                <Show when=move || confirming.get()>
                    <PublishConfirm ctx=ctx on_done=Callback::new(move |n| {
                        confirming.set(false);
                        published.set(Some(n));
                    }) on_cancel=Callback::new(move |_| confirming.set(false)) />
                </Show>
            </Show>
            {move || published.get().map(|n| view! {
                <Notice text=Signal::derive(move || fill(i18n.t().reports_staff().published_revision, &[&n])) />
            })}
            <Show when=move || can_edit.get() && revision.get() == 0>
                <DeleteDraft ctx=ctx />
            </Show>
        </div>
    }
}

/// `#publish-confirm`: "publish revision N?", then whom to mail: `input[name=notify-mode]`
/// (`default` or `custom`) and, when choosing, `input[name=notify_contact]` per contact.
#[component]
fn PublishConfirm(ctx: ReportCtx, on_done: Callback<u32>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let client = ctx.report.with_untracked(|r| r.summary.client_id);
    let contacts = LocalResource::new(move || api::clients::contacts(client));
    let custom = RwSignal::new(false);
    let chosen = RwSignal::new(Vec::<ContactId>::new());
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let current: Memo<Vec<ContactView>> = Memo::new(move |_| {
        let all = contacts.get().and_then(Result::ok).unwrap_or_default();
        all.into_iter().filter(|c| c.left_at.is_none()).collect()
    });
    let next = move || ctx.report.with(|r| r.summary.revision) + 1;
    let confirm = Callback::new(move |_| {
        if pending.get_untracked() {
            return;
        }
        let request = PublishReport {
            version: ctx.report.with_untracked(|r| r.version),
            notify: custom.get_untracked().then(|| chosen.get_untracked()),
        };
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match reports_api::publish(ctx.id, &request).await {
                Ok(fresh) => {
                    let revision = fresh.summary.revision;
                    ctx.report.set(fresh);
                    on_done.run(revision);
                }
                Err(e) if e.is(Code::StaleVersion) => {
                    ctx.stale.set(true);
                    window().scroll_to_with_x_and_y(0.0, 0.0);
                }
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    });
    let default_names = move || {
        let names: Vec<String> =
            current.get().into_iter().filter(|c| c.portal_access == PortalAccess::Active).map(|c| c.name).collect();
        if names.is_empty() {
            i18n.t().reports_staff().notify_default_nobody.to_owned()
        } else {
            fill(i18n.t().reports_staff().notify_default_names, &[&names.join(", ")])
        }
    };
    let boxes = move || {
        current
            .get()
            .into_iter()
            .map(|c| {
                let cid = c.id;
                let pdf = c.portal_access != PortalAccess::Active;
                view! {
                    <label class="check notify-contact">
                        <input type="checkbox" name="notify_contact" value=cid.to_string()
                            prop:checked=move || chosen.with(|list| list.contains(&cid))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                chosen.update(|list| {
                                    list.retain(|x| *x != cid);
                                    if on {
                                        list.push(cid);
                                    }
                                });
                            } />
                        {c.name}
                        {pdf.then(|| view! { <span class="muted invitee-no-mail">{move || i18n.t().reports_staff().notify_pdf}</span> })}
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <InlineConfirm action="publish" class="publish-confirm"
            text=Signal::derive(move || fill(i18n.t().reports_staff().publish_confirm, &[&next()]))
            pending=pending label=|t| t.reports_staff().publish_submit on_confirm=confirm on_cancel=on_cancel>
            <fieldset class="form-section notify-choice" id="publish-notify">
                <legend>{move || i18n.t().reports_staff().notify_title}</legend>
                <label class="check">
                    <input type="radio" name="notify-mode" value="default" prop:checked=move || !custom.get()
                        on:change=move |_| custom.set(false) />
                    {move || i18n.t().reports_staff().notify_default}
                </label>
                <Show when=move || !custom.get()>
                    <p class="field-hint notify-default-names">{default_names}</p>
                </Show>
                <label class="check">
                    <input type="radio" name="notify-mode" value="custom" prop:checked=move || custom.get()
                        on:change=move |_| custom.set(true) />
                    {move || i18n.t().reports_staff().notify_choose}
                </label>
                <Show when=move || custom.get()>
                    <div class="notify-contacts">{boxes}</div>
                    <Show when=move || chosen.with(Vec::is_empty)>
                        <p class="field-hint notify-nobody">{move || i18n.t().reports_staff().notify_none_chosen}</p>
                    </Show>
                </Show>
            </fieldset>
            {move || error.get().map(|e| view! {
                <p class="form-error publish-error" role="alert">{move || staff_error_text(i18n.t(), &e)}</p>
            })}
        </InlineConfirm>
    }
}

/// `#delete-report` and its confirmation: a draft never published can go; then the client's
/// reports tab opens.
#[component]
fn DeleteDraft(ctx: ReportCtx) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let confirming = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let client = ctx.report.with_untracked(|r| r.summary.client_id);
    let delete = Callback::new(move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            match reports_api::delete(ctx.id).await {
                Ok(()) => navigate(&Route::StaffClientTab(client, ClientTab::Reports).path(), Default::default()),
                Err(e) => {
                    error.set(Some(e));
                    pending.set(false);
                }
            }
        });
    });
    view! {
        <div class="delete-report">
            <Show when=move || !confirming.get()>
                <button type="button" id="delete-report" class="btn btn-small btn-danger-ghost" on:click=move |_| confirming.set(true)>
                    {move || i18n.t().reports_staff().delete_draft}
                </button>
            </Show>
            <Show when=move || confirming.get()>
                <InlineConfirm action="delete" class="inline-confirm-left delete-report-confirm"
                    text=Signal::derive(move || i18n.t().reports_staff().delete_confirm.to_owned())
                    pending=pending label=|t| t.common().delete on_confirm=delete
                    on_cancel=Callback::new(move |_| confirming.set(false)) />
            </Show>
            {move || error.get().map(|e| view! {
                <p class="form-error delete-error" role="alert">
                    {move || if e.is(Code::InvalidTransition) {
                        i18n.t().reports_staff().delete_published.to_owned()
                    } else {
                        staff_error_text(i18n.t(), &e)
                    }}
                </p>
            })}
        </div>
    }
}
