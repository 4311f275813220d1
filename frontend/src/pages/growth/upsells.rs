//! `#upsells-card`: a summary (open opportunities, their weighted value, won) and
//! `table#upsells-table`, a `tr.upsell-row[data-id][data-status]` per opportunity with
//! `button.edit-upsell` and `button.delete-upsell` for those who may change them.

use super::{money_list, status_label, status_tone};
use crate::api::growth as api;
use crate::api::ApiError;
use crate::components::{delete_action, DeleteConfirm, EmptyState, ErrorBanner, RowActions};
use crate::i18n::{fill, format_day, format_money, use_i18n};
use crate::routes::Route;
use accord_api::growth::{ClientUpsells, UpsellStatus, UpsellView};
use accord_api::{Money, UpsellId};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn UpsellsCard(
    data: ClientUpsells,
    on_edit: Callback<UpsellView>,
    on_deleted: Callback<UpsellId>,
) -> impl IntoView {
    let i18n = use_i18n();
    let can_edit = data.can_edit;
    let open: Vec<&UpsellView> =
        data.items.iter().filter(|u| matches!(u.status, UpsellStatus::Idea | UpsellStatus::Proposed)).collect();
    let open_count = open.len() as u64;
    let weighted = sum_by_currency(open.iter().map(|u| &u.weighted));
    let won = sum_by_currency(data.items.iter().filter(|u| u.status == UpsellStatus::Won).map(|u| &u.expected));
    let body = if data.items.is_empty() {
        view! { <EmptyState title=|t| t.growth().no_upsells hint=|t| t.growth().no_upsells_hint /> }.into_any()
    } else {
        let columns = if can_edit { 6 } else { 5 };
        let rows = data
            .items
            .into_iter()
            .map(|u| view! { <UpsellRow upsell=u can_edit=can_edit columns=columns on_edit=on_edit on_deleted=on_deleted /> })
            .collect_view();
        view! {
            <div class="table-wrap">
                <table class="table upsells-table" id="upsells-table">
                    <thead>
                        <tr>
                            <th>{move || i18n.t().growth().col_upsell}</th>
                            <th class="num">{move || i18n.t().growth().col_expected}</th>
                            <th class="num">{move || i18n.t().growth().col_probability}</th>
                            <th class="num hide-sm">{move || i18n.t().growth().col_weighted}</th>
                            <th>{move || i18n.t().growth().col_status}</th>
                            {can_edit.then(|| view! { <th class="actions">{move || i18n.t().common().actions}</th> })}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="card card-flush" id="upsells-card">
            <div class="card-head">
                <div>
                    <h2 class="card-title">{move || i18n.t().growth().upsells_title}</h2>
                    <p class="card-hint">{move || i18n.t().growth().upsells_hint}</p>
                </div>
                <div class="upsell-summary" id="upsell-summary">
                    <p class="summary-figure" data-kind="open">
                        <span class="summary-number">{open_count}</span>
                        <span class="summary-text">{move || i18n.t().growth().open_count.form(open_count)}</span>
                    </p>
                    <p class="summary-figure" data-kind="weighted">
                        <span class="summary-money">{move || money_list(i18n.locale(), &weighted)}</span>
                        <span class="summary-text">{move || i18n.t().growth().weighted_open}</span>
                    </p>
                    <p class="summary-figure" data-kind="won">
                        <span class="summary-money">{move || money_list(i18n.locale(), &won)}</span>
                        <span class="summary-text">{move || i18n.t().growth().won_total}</span>
                    </p>
                </div>
            </div>
            {body}
        </div>
    }
}

/// Sums per currency (in the order the currencies first appear).
fn sum_by_currency<'a>(amounts: impl Iterator<Item = &'a Money>) -> Vec<Money> {
    let mut sums: Vec<Money> = Vec::new();
    for m in amounts {
        match sums.iter_mut().find(|s| s.currency == m.currency) {
            Some(s) => s.amount_minor = s.amount_minor.saturating_add(m.amount_minor),
            None => sums.push(m.clone()),
        }
    }
    sums
}

#[component]
fn UpsellRow(
    upsell: UpsellView,
    can_edit: bool,
    columns: u32,
    on_edit: Callback<UpsellView>,
    on_deleted: Callback<UpsellId>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = upsell.id;
    let status = upsell.status;
    let confirming = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let delete =
        delete_action(pending, error, move || api::delete_upsell(id), Callback::new(move |_| on_deleted.run(id)));
    let stored = StoredValue::new(upsell.clone());
    let (expected, weighted) = (upsell.expected.clone(), upsell.weighted.clone());
    let title = upsell.title.clone();
    let closed = upsell.closed_on;
    let reason = upsell.lost_reason.clone();
    let item_link = upsell.backlog_item.as_ref().map(|item| {
        let href = Route::StaffBacklogItem(upsell.client.id, item.project_id, item.id).path();
        let name = item.title.clone();
        view! {
            <div class="cell-sub upsell-link">
                {move || i18n.t().growth().became_item} ": " <A href=href attr:class="row-link">{name}</A>
            </div>
        }
    });
    let contract = upsell.contract_title.clone().map(|name| {
        view! { <div class="cell-sub upsell-link">{move || i18n.t().growth().became_contract} ": " <b>{name}</b></div> }
    });
    view! {
        <tr class="upsell-row" data-id=id.to_string() data-status=status.as_str()>
            <td class="cell-main">
                <div class="upsell-title">{upsell.title.clone()}</div>
                {upsell.service.as_ref().map(|s| view! { <div class="cell-sub upsell-service">{s.name.clone()}</div> })}
                {(status == UpsellStatus::Lost && !reason.trim().is_empty()).then(|| {
                    let reason = reason.clone();
                    view! { <div class="cell-sub upsell-reason">{move || fill(i18n.t().growth().lost_because, &[&reason])}</div> }
                })}
                {item_link}
                {contract}
            </td>
            <td class="num upsell-expected">{move || format_money(i18n.locale(), &expected)}</td>
            <td class="num upsell-probability">{upsell.probability} "%"</td>
            <td class="num hide-sm upsell-weighted">{move || format_money(i18n.locale(), &weighted)}</td>
            <td class="upsell-status">
                <span class=format!("badge badge-{}", status_tone(status))>{move || status_label(i18n.t(), status)}</span>
                {closed.map(|d| view! {
                    <div class="cell-sub">{move || fill(i18n.t().growth().closed_on, &[&format_day(i18n.locale(), &d)])}</div>
                })}
            </td>
            {can_edit.then(|| view! {
                <td class="actions">
                    <RowActions kind="upsell" can_edit=true confirming=confirming
                        on_edit=Callback::new(move |_| on_edit.run(stored.get_value())) />
                </td>
            })}
        </tr>
        <Show when=move || confirming.get()>
            <tr class="upsell-confirm-row" data-id=id.to_string()>
                <td colspan=columns>
                    <DeleteConfirm kind="upsell" confirming=confirming pending=pending on_confirm=delete
                        text=Signal::derive({
                            let title = title.clone();
                            move || fill(i18n.t().growth().delete_upsell_confirm, &[&title])
                        }) />
                    {move || error.get().map(|e| view! { <ErrorBanner error=e /> })}
                </td>
            </tr>
        </Show>
    }
}
