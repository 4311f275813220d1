//! The Risks tab (`/app/clients/:id/risks`): the matrix and a summary (`#risk-summary`), the
//! register (`#risks-table`, a `tr.risk-row[data-id]` per risk with `button.edit-risk` and
//! `button.delete-risk` for editors) and `form#risk-form` to add a risk or change the chosen one.
//! Read-only (no buttons, no form) when the register says the caller may not edit.

use super::matrix::RiskMatrix;
use super::risk_form::RiskForm;
use crate::api::risks as api;
use crate::api::ApiError;
use crate::components::{async_view, delete_action, DeleteConfirm, EmptyState, ErrorBanner, Notice, RowActions};
use crate::i18n::{fill, format_day, use_i18n};
use crate::pages::portal::risks::{status_tone, Level};
use accord_api::risks::{RiskRegister, RiskStatus, RiskView};
use leptos::prelude::*;

#[component]
pub fn RisksTab() -> impl IntoView {
    let i18n = use_i18n();
    let Some(client) = super::client_param() else {
        return ().into_any();
    };
    let register = LocalResource::new(move || api::register(client));
    let editing = RwSignal::new(None::<RiskView>);
    let cell = RwSignal::new(None::<(u8, u8)>);
    let deleted = RwSignal::new(false);
    // Kept from the last answer, so the form survives a reload of the register.
    let can_edit = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(r)) = register.get() {
            if can_edit.get_untracked() != r.can_edit {
                can_edit.set(r.can_edit);
            }
        }
    });
    let on_saved = Callback::new(move |_| {
        deleted.set(false);
        register.refetch();
    });
    let on_edit = Callback::new(move |risk: RiskView| {
        deleted.set(false);
        editing.set(Some(risk));
        if let Some(form) = document().get_element_by_id("risk-form-card") {
            form.scroll_into_view();
        }
    });
    let on_deleted = Callback::new(move |id| {
        if editing.with_untracked(|e| e.as_ref().is_some_and(|r| r.id == id)) {
            editing.set(None);
        }
        deleted.set(true);
        register.refetch();
    });
    view! {
        <div class="risks-tab" id="risks-tab">
            {async_view(register, move |r| view! {
                <RegisterBody register=r cell=cell on_edit=on_edit on_deleted=on_deleted />
            })}
            <Show when=move || deleted.get()>
                <Notice text=Signal::derive(move || i18n.t().risks().risk_deleted.to_owned()) />
            </Show>
            <Show when=move || can_edit.get()>
                // Re-created when another risk is chosen, so the fields start from it.
                {move || view! {
                    <RiskForm client=client editing=editing.get() on_saved=on_saved
                        on_cancel=Callback::new(move |_| editing.set(None)) />
                }}
            </Show>
        </div>
    }
    .into_any()
}

#[component]
fn RegisterBody(
    register: RiskRegister,
    cell: RwSignal<Option<(u8, u8)>>,
    on_edit: Callback<RiskView>,
    on_deleted: Callback<accord_api::RiskId>,
) -> impl IntoView {
    let i18n = use_i18n();
    let can_edit = register.can_edit;
    let items = StoredValue::new(register.items);
    let top: Vec<(u8, String)> = items.with_value(|items| {
        let mut open: Vec<_> = items.iter().filter(|r| r.status == RiskStatus::Open).collect();
        open.sort_by_key(|r| std::cmp::Reverse(r.exposure));
        open.into_iter().take(3).map(|r| (r.exposure, r.title.clone())).collect()
    });
    let (open_count, critical, overdue, visible) = items.with_value(|items| {
        let open = items.iter().filter(|r| r.status == RiskStatus::Open);
        let open_count = open.clone().count() as u64;
        let critical = open.clone().filter(|r| Level::of(r.exposure) == Level::Critical).count() as u64;
        let overdue = items.iter().filter(|r| r.overdue).count() as u64;
        let visible = items.iter().filter(|r| r.client_visible).count() as u64;
        (open_count, critical, overdue, visible)
    });
    let shown = move || {
        let picked = cell.get();
        items.with_value(|items| {
            items
                .iter()
                .filter(|r| match picked {
                    Some((p, i)) => r.status == RiskStatus::Open && r.probability == p && r.impact == i,
                    None => true,
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let empty = items.with_value(Vec::is_empty);
    view! {
        <div class="risks-top">
            <div class="card risk-matrix-card">
                <h2 class="card-title">{move || i18n.t().risks().matrix_title}</h2>
                <p class="card-hint">{move || i18n.t().risks().matrix_hint}</p>
                <RiskMatrix matrix=register.matrix cell=cell />
            </div>
            <div class="card risk-summary" id="risk-summary">
                <p class="summary-figure" data-kind="open">
                    <span class="summary-number">{open_count}</span>
                    <span class="summary-text">{move || i18n.t().risks().summary_open.form(open_count)}</span>
                </p>
                <p class="summary-figure" class:alarm={critical > 0} data-kind="critical">
                    <span class="summary-number">{critical}</span>
                    <span class="summary-text">{move || i18n.t().risks().summary_critical.form(critical)}</span>
                </p>
                <p class="summary-figure" class:alarm={overdue > 0} data-kind="overdue">
                    <span class="summary-number">{overdue}</span>
                    <span class="summary-text">{move || i18n.t().risks().summary_overdue.form(overdue)}</span>
                </p>
                <p class="summary-figure" data-kind="visible">
                    <span class="summary-number">{visible}</span>
                    <span class="summary-text">{move || i18n.t().risks().visible_badge}</span>
                </p>
                {(!top.is_empty()).then(|| view! {
                    <div class="risk-top" id="risk-top">
                        <p class="risk-top-title">{move || i18n.t().risks().top_title}</p>
                        <ol class="risk-top-list">
                            {top.into_iter().map(|(exposure, title)| view! {
                                <li>
                                    <span class=format!("exposure-pill exposure-{}", Level::of(exposure).key())>{exposure}</span>
                                    <span class="risk-top-name">{title}</span>
                                </li>
                            }).collect_view()}
                        </ol>
                    </div>
                })}
                {(!can_edit).then(|| view! { <p class="card-hint risks-read-only" id="risks-read-only">{move || i18n.t().risks().read_only}</p> })}
            </div>
        </div>
        <div class="card card-flush">
            <div class="card-head">
                <h2 class="card-title">{move || i18n.t().risks().register_title}</h2>
                {move || cell.get().map(|(p, i)| view! {
                    <span class="risk-filter" id="risk-filter">
                        {move || fill(i18n.t().risks().filter_cell, &[&p, &i])}
                        <button type="button" class="btn btn-small btn-ghost" id="risk-filter-clear" on:click=move |_| cell.set(None)>
                            {move || i18n.t().risks().show_all}
                        </button>
                    </span>
                })}
            </div>
            {if empty {
                view! { <EmptyState title=|t| t.risks().no_risks hint=|t| t.risks().no_risks_hint /> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="table risks-table" id="risks-table">
                            <thead>
                                <tr>
                                    <th>{move || i18n.t().risks().col_risk}</th>
                                    <th class="hide-sm">{move || i18n.t().risks().col_project_category}</th>
                                    <th class="num" title=move || i18n.t().risks().probability>{move || i18n.t().risks().probability_short}</th>
                                    <th class="num" title=move || i18n.t().risks().impact>{move || i18n.t().risks().impact_short}</th>
                                    <th class="num" title=move || i18n.t().risks().exposure>{move || i18n.t().risks().exposure_short}</th>
                                    <th>{move || i18n.t().risks().col_owner}</th>
                                    <th>{move || i18n.t().risks().col_due}</th>
                                    <th>{move || i18n.t().common().status}</th>
                                    {can_edit.then(|| view! { <th class="actions">{move || i18n.t().common().actions}</th> })}
                                </tr>
                            </thead>
                            <tbody>
                                {move || shown().into_iter().map(|r| view! {
                                    <RiskRow risk=r can_edit=can_edit on_edit=on_edit on_deleted=on_deleted />
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
        </div>
    }
}

/// `tr.risk-row[data-id][data-status][data-visible]`, and below it while a delete is being
/// confirmed, `tr.risk-confirm-row` with the question.
#[component]
fn RiskRow(
    risk: RiskView,
    can_edit: bool,
    on_edit: Callback<RiskView>,
    on_deleted: Callback<accord_api::RiskId>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = risk.id;
    let (category, status, exposure) = (risk.category, risk.status, risk.exposure);
    let level = Level::of(exposure);
    let overdue = risk.overdue;
    let due = risk.due_on;
    let owner = risk.owner.as_ref().map(|o| o.name.clone());
    let no_owner = owner.is_none();
    let title = risk.title.clone();
    let confirming = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let delete =
        delete_action(pending, error, move || api::delete_risk(id), Callback::new(move |_| on_deleted.run(id)));
    let columns = if can_edit { 9 } else { 8 };
    let stored = StoredValue::new(risk.clone());
    view! {
        <tr class="risk-row" class:overdue=overdue data-id=id.to_string() data-status=status.as_str()
            data-visible=risk.client_visible.to_string() data-exposure=exposure>
            <td class="cell-main risk-title-cell">
                <div class="risk-title">{risk.title.clone()}</div>
                {(!risk.mitigation.trim().is_empty()).then(|| view! {
                    <div class="cell-sub risk-mitigation">{risk.mitigation.clone()}</div>
                })}
                {risk.client_visible.then(|| view! {
                    <span class="badge badge-blue visible-badge" title=move || i18n.t().risks().visible_hint>
                        {move || i18n.t().risks().visible_badge}
                    </span>
                })}
            </td>
            <td class="hide-sm risk-where">
                <div class="risk-project" class:muted=risk.project_name.is_none()>
                    {risk.project_name.clone().unwrap_or_else(|| "—".to_owned())}
                </div>
                <div class="cell-sub risk-category">{move || i18n.t().risk_category(category)}</div>
            </td>
            <td class="num risk-p">{risk.probability}</td>
            <td class="num risk-i">{risk.impact}</td>
            <td class="num">
                <span class=format!("exposure-pill exposure-{}", level.key()) title=move || level.label(i18n.t())>{exposure}</span>
            </td>
            <td class="risk-owner" class:muted=no_owner>
                {move || owner.clone().unwrap_or_else(|| i18n.t().risks().no_owner.to_owned())}
            </td>
            <td class="risk-due" class:overdue=overdue title=move || overdue.then(|| i18n.t().risks().overdue_hint)>
                {move || due.map(|d| format_day(i18n.locale(), &d)).unwrap_or_else(|| "—".to_owned())}
            </td>
            <td class="risk-status">
                <span class=format!("badge badge-{}", status_tone(status))>{move || i18n.t().risk_status(status)}</span>
            </td>
            {can_edit.then(|| view! {
                <td class="actions">
                    <RowActions kind="risk" can_edit=true confirming=confirming
                        on_edit=Callback::new(move |_| on_edit.run(stored.get_value())) />
                </td>
            })}
        </tr>
        <Show when=move || confirming.get()>
            <tr class="risk-confirm-row" data-id=id.to_string()>
                <td colspan=columns>
                    <DeleteConfirm kind="risk" confirming=confirming pending=pending on_confirm=delete
                        text=Signal::derive({
                            let title = title.clone();
                            move || fill(i18n.t().risks().delete_confirm, &[&title])
                        }) />
                    {move || error.get().map(|e| view! { <ErrorBanner error=e /> })}
                </td>
            </tr>
        </Show>
    }
}
