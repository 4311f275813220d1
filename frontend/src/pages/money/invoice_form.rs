//! `form#invoice-form` (in `#invoice-form-card`): number, issue and due dates, currency (blank:
//! the base one), amount, the rate (`#invoice-rate`, shown and required only when the currency
//! is not the base one), the contract (picking one fills an empty amount with its fee), a note,
//! and the approved change requests to bill (`#invoice-billable`, an
//! `input.billable-check[value=item]` each; their sum may stand for the amount).

use super::client_tab::use_money;
use super::{amount, amount_input, names, parse_amount, parse_currency_or, DateField, FieldProblem};
use crate::api::money as api;
use crate::components::{send_form, submit_handler, FormActions, FormErrorExcept, FormWords, Problem};
use crate::i18n::{day_input_value, fill, parse_day_input, use_i18n};
use accord_api::finance::{ContractKind, InvoiceInput};
use accord_api::{BacklogItemId, ContractId};
use chrono::Days;
use leptos::prelude::*;

const INLINE: &[&str] =
    &["number", "issued_on", "due_on", "amount_minor", "currency", "rate", "contract_id", "note", "backlog_item_ids"];

const WORDS: FormWords = FormWords {
    add: |t| t.money().add_invoice,
    save: |t| t.common().save,
    created: |t| t.money().invoice_created,
    saved: |t| t.money().invoice_saved,
};

#[component]
pub(super) fn InvoiceForm(on_saved: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_money();
    let today = crate::components::charts::today();
    let number = RwSignal::new(String::new());
    let issued = RwSignal::new(day_input_value(Some(today)));
    let due = RwSignal::new(day_input_value(today.checked_add_days(Days::new(10))));
    let currency = RwSignal::new(String::new());
    let value = RwSignal::new(String::new());
    let rate = RwSignal::new(String::new());
    let contract = RwSignal::new(None::<ContractId>);
    let note = RwSignal::new(String::new());
    let chosen = RwSignal::new(Vec::<BacklogItemId>::new());
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);

    let code = Signal::derive(move || {
        parse_currency_or(&currency.get(), &ctx.base.get()).unwrap_or_else(|| currency.get().trim().to_owned())
    });
    let foreign = Memo::new(move |_| code.get() != ctx.base.get());
    let billable = move || ctx.billable.get().and_then(Result::ok).unwrap_or_default();
    // The ticked items' prices in the invoice's currency (items priced otherwise are not offered).
    let chosen_sum = Memo::new(move |_| {
        let picked = chosen.get();
        billable().iter().filter(|b| picked.contains(&b.backlog_item_id)).map(|b| b.price_minor).sum::<i64>()
    });

    let read = move || -> Result<InvoiceInput, Problem> {
        let cur = parse_currency_or(&currency.get_untracked(), &ctx.base.get_untracked())
            .ok_or(Problem::Unreadable("currency"))?;
        let typed = value.get_untracked();
        let items = chosen.get_untracked();
        let amount_minor = if typed.trim().is_empty() && !items.is_empty() {
            None
        } else {
            Some(parse_amount(&typed, &cur).filter(|a| *a > 0).ok_or(Problem::Amount("amount_minor"))?)
        };
        let rate_text = if cur == ctx.base.get_untracked() {
            None
        } else {
            let r = rate.get_untracked();
            accord_api::money::parse_rate(&r).ok_or(Problem::Unreadable("rate"))?;
            Some(r.trim().to_owned())
        };
        let day = |s: RwSignal<String>, field: &'static str| -> Result<chrono::NaiveDate, Problem> {
            parse_day_input(&s.get_untracked()).ok().flatten().ok_or(Problem::Unreadable(field))
        };
        Ok(InvoiceInput {
            number: number.get_untracked().trim().to_owned(),
            issued_on: day(issued, "issued_on")?,
            due_on: day(due, "due_on")?,
            amount_minor,
            currency: Some(cur),
            rate: rate_text,
            contract_id: contract.get_untracked(),
            note: note.get_untracked().trim().to_owned(),
            backlog_item_ids: items,
        })
    };
    let on_submit = submit_handler(pending, saved, problem, read, move |input: InvoiceInput| {
        let client = ctx.client;
        let request = async move { api::create_invoice(client, &input).await };
        send_form(pending, saved, problem, request, move |_| {
            for field in [number, value, rate, note] {
                field.set(String::new());
            }
            chosen.set(Vec::new());
            contract.set(None);
            on_saved.run(());
        });
    });
    // A contract picked while the amount is empty fills it (a retainer's fee, a project's total).
    let pick_contract = move |ev: leptos::ev::Event| {
        let id: Option<ContractId> = event_target_value(&ev).parse().ok();
        contract.set(id);
        let Some(id) = id else { return };
        if let Some(c) = ctx.contract_list().into_iter().find(|c| c.id == id) {
            if value.get_untracked().trim().is_empty() {
                value.set(amount_input(i18n.locale_untracked(), c.amount_minor, &c.currency));
                currency.set(if c.currency == ctx.base.get_untracked() { String::new() } else { c.currency.clone() });
            }
        }
    };
    let contract_options = move || {
        ctx.contract_list()
            .into_iter()
            .map(|c| {
                let id = c.id;
                let kind = c.kind;
                let label = move || {
                    let sum = amount(i18n.locale(), c.amount_minor, &c.currency);
                    let sum = match kind {
                        ContractKind::Retainer => fill(i18n.t().money().per_month, &[&sum]),
                        ContractKind::Project => fill(i18n.t().money().in_total, &[&sum]),
                    };
                    format!("{} — {sum}", c.title)
                };
                view! { <option value=id.to_string() selected=move || contract.get() == Some(id)>{label}</option> }
            })
            .collect_view()
    };
    let billable_list = move || {
        let items: Vec<_> = billable().into_iter().filter(|b| b.currency == code.get()).collect();
        if items.is_empty() {
            return view! { <p class="muted billable-none">{move || i18n.t().money().billable_none}</p> }.into_any();
        }
        let rows = items
            .into_iter()
            .map(|b| {
                let id = b.backlog_item_id;
                let price = amount(i18n.locale(), b.price_minor, &b.currency);
                view! {
                    <li class="billable-item" data-id=id.to_string()>
                        <label class="check">
                            <input type="checkbox" class="billable-check" value=id.to_string()
                                prop:checked=move || chosen.with(|c| c.contains(&id))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    chosen.update(|c| {
                                        c.retain(|x| *x != id);
                                        if on { c.push(id); }
                                    });
                                } />
                            <span class="billable-title">{b.title.clone()}</span>
                            <span class="cell-sub">{b.project_name.clone()}</span>
                            <span class="billable-price">{price}</span>
                        </label>
                    </li>
                }
            })
            .collect_view();
        view! {
            <ul class="billable-list">{rows}</ul>
            <Show when=move || !chosen.with(Vec::is_empty)>
                <p class="billable-sum">
                    {move || fill(i18n.t().money().billable_sum, &[&amount(i18n.locale(), chosen_sum.get(), &code.get())])}
                    " "
                    <button type="button" class="btn btn-small btn-ghost" id="use-billable-sum"
                        on:click=move |_| value.set(amount_input(i18n.locale_untracked(), chosen_sum.get_untracked(), &code.get_untracked()))>
                        {move || i18n.t().money().use_billable_sum}
                    </button>
                </p>
            </Show>
        }
        .into_any()
    };
    view! {
        <div class="card money-form-card" id="invoice-form-card">
            <h2 class="card-title">{move || i18n.t().money().new_invoice}</h2>
            <form id="invoice-form" class="form" on:submit=on_submit>
                <div class="form-grid money-form-grid">
                    <div class="field-wrap">
                        <div class="field">
                            <label for="invoice-number">{move || i18n.t().money().field_number}</label>
                            <input id="invoice-number" name="number" type="text" required=true maxlength="200" autocomplete="off"
                                placeholder=move || i18n.t().money().number_placeholder
                                aria-invalid=move || names(problem, "number").to_string() bind:value=number />
                        </div>
                        <FieldProblem field="number" label=|t| t.money().field_number problem=problem />
                    </div>
                    <DateField id="invoice-issued" field="issued_on" label=|t| t.money().field_issued value=issued problem=problem required=true />
                    <DateField id="invoice-due" field="due_on" label=|t| t.money().field_due value=due problem=problem required=true />
                    <div class="field">
                        <label for="invoice-contract">{move || i18n.t().money().field_contract}</label>
                        <select id="invoice-contract" name="contract_id"
                            prop:value=move || contract.get().map(|c| c.to_string()).unwrap_or_default() on:change=pick_contract>
                            <option value="" selected=move || contract.get().is_none()>{move || i18n.t().money().no_contract}</option>
                            {contract_options}
                        </select>
                    </div>
                    <div class="field-wrap">
                        <div class="field">
                            <label for="invoice-currency">{move || i18n.t().money().field_currency}</label>
                            <input id="invoice-currency" name="currency" type="text" maxlength="3" autocomplete="off"
                                class="input-short currency-input" placeholder=move || ctx.base.get()
                                aria-invalid=move || names(problem, "currency").to_string() bind:value=currency />
                        </div>
                        <FieldProblem field="currency" label=|t| t.money().field_currency problem=problem />
                    </div>
                    <div class="field-wrap">
                        <div class="field">
                            <label for="invoice-amount">{move || i18n.t().money().field_amount}</label>
                            <input id="invoice-amount" name="amount_minor" type="text" inputmode="decimal" autocomplete="off"
                                aria-invalid=move || names(problem, "amount_minor").to_string() bind:value=value />
                        </div>
                        <FieldProblem field="amount_minor" label=|t| t.money().field_amount problem=problem currency=code />
                    </div>
                    <Show when=move || foreign.get()>
                        <div class="field-wrap">
                            <div class="field">
                                <label for="invoice-rate">
                                    {move || fill(i18n.t().money().field_rate, &[&ctx.base.get(), &code.get()])}
                                </label>
                                <input id="invoice-rate" name="rate" type="text" inputmode="decimal" autocomplete="off"
                                    required=true aria-invalid=move || names(problem, "rate").to_string() bind:value=rate />
                                <p class="field-hint">{move || fill(i18n.t().money().field_rate_hint, &[&ctx.base.get()])}</p>
                            </div>
                            <FieldProblem field="rate" label=|t| t.money().field_rate problem=problem />
                        </div>
                    </Show>
                </div>
                <div class="field">
                    <label for="invoice-note">{move || i18n.t().money().field_note}</label>
                    <input id="invoice-note" name="note" type="text" maxlength="2000" autocomplete="off" bind:value=note />
                </div>
                <fieldset class="form-section billable-section" id="invoice-billable">
                    <legend>{move || i18n.t().money().billable_title}</legend>
                    <p class="field-hint">{move || i18n.t().money().billable_hint}</p>
                    {billable_list}
                    <FieldProblem field="backlog_item_ids" label=|t| t.money().billable_title problem=problem />
                </fieldset>
                <FormErrorExcept id="invoice-form-error" problem=problem inline=INLINE />
                <FormActions words=WORDS editing=false pending=pending saved=saved on_close=Callback::new(|_| {})
                    submit_id="invoice-submit" />
            </form>
        </div>
    }
}
