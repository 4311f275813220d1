//! `#money-contracts`: the client's contracts (`#contracts-table`, a
//! `tr.contract-row[data-id][data-kind][data-status]` each with `button.edit-contract` and
//! `button.delete-contract`) and `form#contract-form` (`data-mode` new or edit): title, kind,
//! currency, the monthly fee or total, start, end (empty: open-ended), renewal, status, and an
//! optional project and service.

use super::client_tab::use_money;
use super::{
    amount, amount_input, badge, contract_kind_text, contract_status_text, contract_status_tone, names, parse_amount,
    parse_currency_or, DateField, FieldProblem,
};
use crate::api;
use crate::api::ApiError;
use crate::components::{
    delete_action, send_form, submit_handler, EmptyState, ErrorBanner, FormActions, FormErrorExcept, FormWords,
    InlineConfirm, Problem,
};
use crate::i18n::{day_input_value, fill, format_day, parse_day_input, use_i18n};
use accord_api::finance::{ContractInput, ContractKind, ContractStatus, ContractView};
use accord_api::{ContractId, ProjectId, ServiceId};
use leptos::prelude::*;

const INLINE: &[&str] = &[
    "title",
    "kind",
    "currency",
    "amount_minor",
    "starts_on",
    "ends_on",
    "renews_on",
    "status",
    "project_id",
    "service_id",
];

const WORDS: FormWords = FormWords {
    add: |t| t.money().add_contract,
    save: |t| t.common().save,
    created: |t| t.money().contract_created,
    saved: |t| t.money().contract_saved,
};

#[component]
pub(super) fn ContractsCard() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_money();
    let editing = RwSignal::new(None::<ContractView>);
    let on_edit = Callback::new(move |c: ContractView| {
        editing.set(Some(c));
        if let Some(form) = document().get_element_by_id("contract-form-card") {
            form.scroll_into_view();
        }
    });
    let on_saved = Callback::new(move |_| ctx.changed());
    let on_deleted = Callback::new(move |id: ContractId| {
        if editing.with_untracked(|e| e.as_ref().is_some_and(|c| c.id == id)) {
            editing.set(None);
        }
        ctx.changed();
    });
    let list = move || {
        match ctx.contracts.get() {
        None => view! { <crate::components::Loading /> }.into_any(),
        Some(Err(error)) => {
            view! { <ErrorBanner error=error on_retry=Callback::new(move |_| ctx.contracts.refetch()) /> }.into_any()
        }
        Some(Ok(rows)) if rows.is_empty() => {
            view! { <EmptyState title=|t| t.money().contracts_empty hint=|t| t.money().contracts_empty_hint /> }
                .into_any()
        }
        Some(Ok(rows)) => view! {
            <div class="table-wrap">
                <table class="table money-table" id="contracts-table">
                    <thead>
                        <tr>
                            <th>{move || i18n.t().money().col_contract}</th>
                            <th class="num">{move || i18n.t().money().col_amount}</th>
                            <th>{move || i18n.t().money().col_period}</th>
                            <th>{move || i18n.t().money().col_status}</th>
                            <th class="actions">{move || i18n.t().money().col_actions}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|c| view! { <ContractRow contract=c on_edit=on_edit on_deleted=on_deleted /> }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any(),
    }
    };
    view! {
        <div class="card card-flush money-card" id="money-contracts">
            <div class="card-head"><h2 class="card-title">{move || i18n.t().money().contracts_title}</h2></div>
            {list}
        </div>
        {move || view! {
            <ContractForm editing=editing.get() on_saved=on_saved on_cancel=Callback::new(move |_| editing.set(None)) />
        }}
    }
}

#[component]
fn ContractRow(
    contract: ContractView,
    on_edit: Callback<ContractView>,
    on_deleted: Callback<ContractId>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = contract.id;
    let (kind, status) = (contract.kind, contract.status);
    let confirming = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let delete = delete_action(
        pending,
        error,
        move || api::money::delete_contract(id),
        Callback::new(move |_| on_deleted.run(id)),
    );
    let c = StoredValue::new(contract.clone());
    let value = move || {
        c.with_value(|c| {
            let text = amount(i18n.locale(), c.amount_minor, &c.currency);
            match c.kind {
                ContractKind::Retainer => fill(i18n.t().money().per_month, &[&text]),
                ContractKind::Project => fill(i18n.t().money().in_total, &[&text]),
            }
        })
    };
    let period = move || {
        c.with_value(|c| {
            let start = format_day(i18n.locale(), &c.starts_on);
            match c.ends_on {
                Some(end) => fill(i18n.t().money().period, &[&start, &format_day(i18n.locale(), &end)]),
                None => fill(i18n.t().money().period_open, &[&start]),
            }
        })
    };
    let renewal = move || {
        c.with_value(|c| c.renews_on.map(|d| fill(i18n.t().money().renewal_on, &[&format_day(i18n.locale(), &d)])))
    };
    let links: Vec<String> =
        [contract.project_name.clone(), contract.service_name.clone()].into_iter().flatten().collect();
    let title = contract.title.clone();
    let deletable = contract.invoice_count == 0;
    view! {
        <tr class="contract-row" data-id=id.to_string() data-kind=kind.as_str() data-status=status.as_str()>
            <td class="cell-main">
                <div class="contract-title">{contract.title.clone()}</div>
                <div class="cell-sub">
                    <span class="kind-tag">{move || contract_kind_text(i18n.t(), kind)}</span>
                    {(!links.is_empty()).then(|| view! { " · " {links.join(" · ")} })}
                </div>
            </td>
            <td class="num contract-amount">{value}</td>
            <td class="contract-period">
                <div>{period}</div>
                <div class="cell-sub">{renewal}</div>
            </td>
            <td>{badge(contract_status_tone(status), move || contract_status_text(i18n.t(), status))}</td>
            <td class="actions">
                <Show when=move || !confirming.get()>
                    <div class="row-buttons">
                        <button type="button" class="btn btn-small btn-ghost edit-contract"
                            on:click=move |_| on_edit.run(c.get_value())>
                            {move || i18n.t().common().edit}
                        </button>
                        {deletable.then(|| view! {
                            <button type="button" class="btn btn-small btn-danger-ghost delete-contract"
                                on:click=move |_| confirming.set(true)>
                                {move || i18n.t().common().delete}
                            </button>
                        })}
                    </div>
                </Show>
            </td>
        </tr>
        <Show when=move || confirming.get()>
            <tr class="confirm-row" data-id=id.to_string()>
                <td colspan="5">
                    <InlineConfirm action="delete" class="inline-confirm-left contract-confirm"
                        text=Signal::derive({
                            let title = title.clone();
                            move || fill(i18n.t().money().delete_contract_confirm, &[&title])
                        })
                        pending=pending label=|t| t.common().delete on_confirm=delete
                        on_cancel=Callback::new(move |_| confirming.set(false)) />
                    {move || error.get().map(|e| view! { <ErrorBanner error=e /> })}
                </td>
            </tr>
        </Show>
    }
}

#[component]
fn ContractForm(editing: Option<ContractView>, on_saved: Callback<()>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_money();
    let start = editing.as_ref();
    let contract_id = start.map(|c| c.id);
    let locale = i18n.locale_untracked();
    let title = RwSignal::new(start.map(|c| c.title.clone()).unwrap_or_default());
    let kind = RwSignal::new(start.map_or(ContractKind::Retainer, |c| c.kind));
    let currency = RwSignal::new(start.map(|c| c.currency.clone()).unwrap_or_default());
    let value = RwSignal::new(start.map(|c| amount_input(locale, c.amount_minor, &c.currency)).unwrap_or_default());
    let starts =
        RwSignal::new(day_input_value(Some(start.map_or_else(crate::components::charts::today, |c| c.starts_on))));
    let ends = RwSignal::new(day_input_value(start.and_then(|c| c.ends_on)));
    let renews = RwSignal::new(day_input_value(start.and_then(|c| c.renews_on)));
    let status = RwSignal::new(start.map_or(ContractStatus::Active, |c| c.status));
    let project = RwSignal::new(start.and_then(|c| c.project_id));
    let service = RwSignal::new(start.and_then(|c| c.service_id));
    let note = StoredValue::new(start.map(|c| c.note.clone()).unwrap_or_default());
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let code = Signal::derive(move || {
        parse_currency_or(&currency.get(), &ctx.base.get()).unwrap_or_else(|| currency.get().trim().to_owned())
    });

    let read = move || -> Result<ContractInput, Problem> {
        let cur = parse_currency_or(&currency.get_untracked(), &ctx.base.get_untracked())
            .ok_or(Problem::Unreadable("currency"))?;
        let amount_minor = parse_amount(&value.get_untracked(), &cur).ok_or(Problem::Amount("amount_minor"))?;
        let day = |s: RwSignal<String>, field: &'static str| {
            parse_day_input(&s.get_untracked()).map_err(|_| Problem::Unreadable(field))
        };
        Ok(ContractInput {
            title: title.get_untracked().trim().to_owned(),
            kind: kind.get_untracked(),
            currency: Some(cur),
            amount_minor,
            starts_on: day(starts, "starts_on")?.ok_or(Problem::Unreadable("starts_on"))?,
            ends_on: day(ends, "ends_on")?,
            renews_on: day(renews, "renews_on")?,
            status: status.get_untracked(),
            project_id: project.get_untracked(),
            service_id: service.get_untracked(),
            note: note.get_value(),
        })
    };
    let on_submit = submit_handler(pending, saved, problem, read, move |input: ContractInput| {
        let request = async move {
            match contract_id {
                Some(id) => api::money::update_contract(id, &input).await,
                None => api::money::create_contract(ctx.client, &input).await,
            }
        };
        send_form(pending, saved, problem, request, move |_| {
            if contract_id.is_none() {
                for field in [title, value, ends, renews] {
                    field.set(String::new());
                }
            }
            on_saved.run(());
        });
    });
    let heading = {
        let name = start.map(|c| c.title.clone());
        move || match &name {
            Some(n) => fill(i18n.t().money().edit_contract, &[n]),
            None => i18n.t().money().new_contract.to_owned(),
        }
    };
    let amount_label = move || match kind.get() {
        ContractKind::Retainer => i18n.t().money().field_fee,
        ContractKind::Project => i18n.t().money().field_total,
    };
    view! {
        <div class="card money-form-card" id="contract-form-card" class:editing=contract_id.is_some()>
            <h2 class="card-title">{heading}</h2>
            <form id="contract-form" class="form" on:submit=on_submit data-mode=if contract_id.is_some() { "edit" } else { "new" }>
                <div class="field-wrap">
                    <div class="field">
                        <label for="contract-title">{move || i18n.t().money().field_contract_title}</label>
                        <input id="contract-title" name="title" type="text" required=true maxlength="200" autocomplete="off"
                            placeholder=move || i18n.t().money().contract_title_placeholder
                            aria-invalid=move || names(problem, "title").to_string() bind:value=title />
                    </div>
                    <FieldProblem field="title" label=|t| t.money().field_contract_title problem=problem />
                </div>
                <div class="form-grid money-form-grid">
                    <div class="field">
                        <label for="contract-kind">{move || i18n.t().money().field_kind}</label>
                        <select id="contract-kind" name="kind" prop:value=move || kind.get().as_str()
                            on:change=move |ev| { if let Some(k) = ContractKind::parse(&event_target_value(&ev)) { kind.set(k) } }>
                            {ContractKind::ALL.iter().map(|&k| view! {
                                <option value=k.as_str() selected=move || kind.get() == k>{move || contract_kind_text(i18n.t(), k)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field-wrap">
                        <div class="field">
                            <label for="contract-currency">{move || i18n.t().money().field_currency}</label>
                            <input id="contract-currency" name="currency" type="text" maxlength="3" autocomplete="off"
                                class="input-short currency-input" placeholder=move || ctx.base.get()
                                aria-invalid=move || names(problem, "currency").to_string() bind:value=currency />
                        </div>
                        <FieldProblem field="currency" label=|t| t.money().field_currency problem=problem />
                    </div>
                    <div class="field-wrap">
                        <div class="field">
                            <label for="contract-amount">{amount_label}</label>
                            <input id="contract-amount" name="amount_minor" type="text" inputmode="decimal" autocomplete="off"
                                required=true aria-invalid=move || names(problem, "amount_minor").to_string() bind:value=value />
                        </div>
                        <FieldProblem field="amount_minor" label=|t| t.money().field_amount problem=problem currency=code />
                    </div>
                    <div class="field">
                        <label for="contract-status">{move || i18n.t().money().field_contract_status}</label>
                        <select id="contract-status" name="status" prop:value=move || status.get().as_str()
                            on:change=move |ev| { if let Some(s) = ContractStatus::parse(&event_target_value(&ev)) { status.set(s) } }>
                            {ContractStatus::ALL.iter().map(|&s| view! {
                                <option value=s.as_str() selected=move || status.get() == s>{move || contract_status_text(i18n.t(), s)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <DateField id="contract-starts" field="starts_on" label=|t| t.money().field_starts value=starts problem=problem required=true />
                    <DateField id="contract-ends" field="ends_on" label=|t| t.money().field_ends value=ends problem=problem
                        hint=|t| t.money().field_ends_hint />
                    <DateField id="contract-renews" field="renews_on" label=|t| t.money().field_renewal value=renews problem=problem />
                    <ProjectSelect value=project former=start.and_then(|c| c.project_id.zip(c.project_name.clone())) />
                    <ServiceSelect value=service former=start.and_then(|c| c.service_id.zip(c.service_name.clone())) />
                </div>
                <FormErrorExcept id="contract-form-error" problem=problem inline=INLINE />
                <FormActions words=WORDS editing=contract_id.is_some() pending=pending saved=saved on_close=on_cancel
                    submit_id="contract-submit" close_id="contract-cancel" />
            </form>
        </div>
    }
}

/// `select#contract-project`: "no project" and the client's projects.
#[component]
fn ProjectSelect(value: RwSignal<Option<ProjectId>>, former: Option<(ProjectId, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_money();
    let projects = LocalResource::new(move || api::projects::list(ctx.client));
    let former = StoredValue::new(former);
    let options = move || {
        let mut rows: Vec<(ProjectId, String)> =
            projects.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|p| (p.id, p.name)).collect();
        if let Some((id, name)) = former.get_value() {
            if !rows.iter().any(|(p, _)| *p == id) {
                rows.push((id, name));
            }
        }
        rows.into_iter()
            .map(|(id, name)| view! { <option value=id.to_string() selected=move || value.get() == Some(id)>{name}</option> })
            .collect_view()
    };
    view! {
        <div class="field">
            <label for="contract-project">{move || i18n.t().money().field_project}</label>
            <select id="contract-project" name="project_id"
                prop:value=move || value.get().map(|p| p.to_string()).unwrap_or_default()
                on:change=move |ev| value.set(event_target_value(&ev).parse().ok())>
                <option value="" selected=move || value.get().is_none()>{move || i18n.t().money().no_project}</option>
                {options}
            </select>
        </div>
    }
}

/// `select#contract-service`: "no service" and the agency's catalogue.
#[component]
fn ServiceSelect(value: RwSignal<Option<ServiceId>>, former: Option<(ServiceId, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let services = LocalResource::new(api::money::services);
    let former = StoredValue::new(former);
    let options = move || {
        let mut rows: Vec<(ServiceId, String)> =
            services.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|s| (s.id, s.name)).collect();
        if let Some((id, name)) = former.get_value() {
            if !rows.iter().any(|(s, _)| *s == id) {
                rows.push((id, name));
            }
        }
        rows.into_iter()
            .map(|(id, name)| view! { <option value=id.to_string() selected=move || value.get() == Some(id)>{name}</option> })
            .collect_view()
    };
    view! {
        <div class="field">
            <label for="contract-service">{move || i18n.t().money().field_service}</label>
            <select id="contract-service" name="service_id"
                prop:value=move || value.get().map(|p| p.to_string()).unwrap_or_default()
                on:change=move |ev| value.set(event_target_value(&ev).parse().ok())>
                <option value="" selected=move || value.get().is_none()>{move || i18n.t().money().no_service}</option>
                {options}
            </select>
        </div>
    }
}
