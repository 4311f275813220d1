//! `#money-documents`: the client's closing documents (`#documents-table`, a
//! `tr.document-row[data-id][data-signed][data-flagged]` each; an unsigned one older than the
//! agency allows is flagged red; `button.sign-document` opens `tr.sign-row` with the signing date
//! and `button.confirm-sign`) and `form#document-form` to add one (kind, number, date, amount,
//! currency, invoice, contract; picking an invoice fills an empty amount).

use super::client_tab::use_money;
use super::{amount, amount_input, badge, closing_kind_text, names, parse_amount, DateField, FieldProblem};
use crate::api::money as api;
use crate::components::{
    send_form, submit_handler, EmptyState, ErrorBanner, FormActions, FormErrorExcept, FormWords, Loading, Notice,
    Problem,
};
use crate::i18n::{day_input_value, fill, format_day, parse_day_input, use_i18n};
use accord_api::finance::{ClosingDocumentInput, ClosingDocumentView, ClosingKind, InvoiceStatus};
use accord_api::{ContractId, InvoiceId};
use leptos::prelude::*;
use leptos::task::spawn_local;

const INLINE: &[&str] = &["kind", "number", "issued_on", "amount_minor", "currency", "invoice_id", "contract_id"];

const WORDS: FormWords = FormWords {
    add: |t| t.money().add_document,
    save: |t| t.common().save,
    created: |t| t.money().document_created,
    saved: |t| t.money().document_created,
};

#[component]
pub(super) fn DocumentsCard() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_money();
    let settings = LocalResource::new(api::settings);
    let signed = RwSignal::new(false);
    let rule = move || {
        settings.get().and_then(Result::ok).map(|s| {
            let days = i18n.t().money().days_n.count(s.act_unsigned_days.into());
            view! { <p class="card-hint table-caption" id="unsigned-rule">{fill(i18n.t().money().unsigned_rule, &[&days])}</p> }
        })
    };
    let on_signed = Callback::new(move |_| {
        signed.set(true);
        ctx.changed();
    });
    let list = move || match ctx.documents.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(error)) => {
            view! { <ErrorBanner error=error on_retry=Callback::new(move |_| ctx.documents.refetch()) /> }.into_any()
        }
        Some(Ok(rows)) if rows.is_empty() => {
            view! { <EmptyState title=|t| t.money().documents_empty hint=|t| t.money().documents_empty_hint /> }
                .into_any()
        }
        Some(Ok(rows)) => view! {
            <div class="table-wrap">
                <table class="table money-table" id="documents-table">
                    <thead>
                        <tr>
                            <th>{move || i18n.t().money().col_kind}</th>
                            <th>{move || i18n.t().money().col_number}</th>
                            <th>{move || i18n.t().money().col_date}</th>
                            <th class="num">{move || i18n.t().money().col_amount}</th>
                            <th>{move || i18n.t().money().col_signed}</th>
                            <th class="actions">{move || i18n.t().money().col_actions}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|d| view! { <DocumentRow doc=d on_signed=on_signed /> }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any(),
    };
    view! {
        <div class="card card-flush money-card" id="money-documents">
            <div class="card-head"><h2 class="card-title">{move || i18n.t().money().documents_title}</h2></div>
            {rule}
            {list}
            <Show when=move || signed.get()>
                <div class="card-foot"><Notice text=Signal::derive(move || i18n.t().money().document_signed.to_owned()) /></div>
            </Show>
        </div>
        <DocumentForm on_saved=Callback::new(move |_| { signed.set(false); ctx.changed(); }) />
    }
}

/// The document as an update that changes nothing but what the caller sets.
fn unchanged(d: &ClosingDocumentView) -> ClosingDocumentInput {
    ClosingDocumentInput {
        kind: d.kind,
        number: d.number.clone(),
        issued_on: d.issued_on,
        amount_minor: d.amount_minor,
        currency: Some(d.currency.clone()),
        invoice_id: d.invoice_id,
        contract_id: d.contract_id,
        signed_on: d.signed_on,
    }
}

#[component]
fn DocumentRow(doc: ClosingDocumentView, on_signed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let id = doc.id;
    let kind = doc.kind;
    let d = StoredValue::new(doc.clone());
    let signing = RwSignal::new(false);
    let day = RwSignal::new(day_input_value(Some(crate::components::charts::today())));
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<Problem>);
    let sign = move |_| {
        if pending.get_untracked() {
            return;
        }
        let Ok(Some(on)) = parse_day_input(&day.get_untracked()) else {
            return error.set(Some(Problem::Unreadable("signed_on")));
        };
        let mut input = d.with_value(unchanged);
        input.signed_on = Some(on);
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match api::update_document(id, &input).await {
                Ok(()) => {
                    signing.set(false);
                    on_signed.run(());
                }
                Err(e) => error.set(Some(Problem::Api(e))),
            }
            pending.set(false);
        });
    };
    let signature = move || {
        d.with_value(|d| match (d.signed_on, d.unsigned_days) {
            (Some(on), _) => view! {
                <span class="signed-on">{fill(i18n.t().money().signed, &[&format_day(i18n.locale(), &on)])}</span>
            }
            .into_any(),
            (None, days) => {
                let flagged = d.unsigned_too_long;
                let long = days.filter(|_| flagged).map(|n| {
                    view! { <span class="badge badge-red unsigned-flag">{i18n.t().money().unsigned_long.count(n.into())}</span> }
                });
                view! {
                    <span class="unsigned" class:muted=!flagged>{i18n.t().money().unsigned}</span>
                    " "
                    {long}
                }
                .into_any()
            }
        })
    };
    let links = move || {
        d.with_value(|d| {
            let parts: Vec<String> =
                [d.invoice_number.clone(), d.contract_title.clone()].into_iter().flatten().collect();
            (!parts.is_empty()).then(|| view! { <div class="cell-sub">{parts.join(" · ")}</div> })
        })
    };
    let unsigned = doc.signed_on.is_none();
    view! {
        <tr class="document-row" class:row-flagged=doc.unsigned_too_long data-id=id.to_string()
            data-signed=(!unsigned).to_string() data-flagged=doc.unsigned_too_long.to_string()>
            <td>{badge(if kind == ClosingKind::Act { "blue" } else { "grey" }, move || closing_kind_text(i18n.t(), kind))}</td>
            <td class="cell-main"><div>{doc.number.clone()}</div>{links}</td>
            <td>{move || d.with_value(|d| format_day(i18n.locale(), &d.issued_on))}</td>
            <td class="num">{move || d.with_value(|d| amount(i18n.locale(), d.amount_minor, &d.currency))}</td>
            <td class="document-signature">{signature}</td>
            <td class="actions">
                <Show when=move || unsigned && !signing.get()>
                    <button type="button" class="btn btn-small sign-document" on:click=move |_| signing.set(true)>
                        {move || i18n.t().money().mark_signed}
                    </button>
                </Show>
            </td>
        </tr>
        <Show when=move || signing.get()>
            <tr class="sign-row" data-id=id.to_string()>
                <td colspan="6">
                    <div class="inline-confirm inline-confirm-left sign-form" role="group">
                        <label class="sign-label" for=format!("sign-date-{id}")>{move || i18n.t().money().signed_on_label}</label>
                        <input type="date" class="sign-date" id=format!("sign-date-{id}") bind:value=day />
                        <div class="confirm-buttons">
                            <button type="button" class="btn btn-small btn-primary confirm-sign" disabled=move || pending.get()
                                on:click=sign>
                                {move || if pending.get() { i18n.t().common().saving } else { i18n.t().money().save_signed }}
                            </button>
                            <button type="button" class="btn btn-small btn-ghost cancel-sign" on:click=move |_| signing.set(false)>
                                {move || i18n.t().common().cancel}
                            </button>
                        </div>
                    </div>
                    {move || error.get().map(|p| view! {
                        <p class="form-error" role="alert">{move || match &p {
                            Problem::Api(e) if e.is(accord_api::error::Code::ValidationFailed) =>
                                fill(i18n.t().money().field_value, &[&i18n.t().money().signed_on_label]),
                            Problem::Unreadable(_) => fill(i18n.t().money().field_value, &[&i18n.t().money().signed_on_label]),
                            other => other.text(i18n.t()),
                        }}</p>
                    })}
                </td>
            </tr>
        </Show>
    }
}

#[component]
fn DocumentForm(on_saved: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_money();
    let kind = RwSignal::new(ClosingKind::Act);
    let number = RwSignal::new(String::new());
    let issued = RwSignal::new(day_input_value(Some(crate::components::charts::today())));
    let value = RwSignal::new(String::new());
    let currency = RwSignal::new(String::new());
    let invoice = RwSignal::new(None::<InvoiceId>);
    let contract = RwSignal::new(None::<ContractId>);
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    // Blank: the linked invoice's currency, else the base one.
    let code = Signal::derive(move || {
        let typed = currency.get();
        if let Some(c) = accord_api::money::parse_currency(&typed) {
            return c;
        }
        if !typed.trim().is_empty() {
            return typed.trim().to_owned();
        }
        invoice
            .get()
            .and_then(|id| ctx.invoice_list().into_iter().find(|i| i.id == id).map(|i| i.currency))
            .unwrap_or_else(|| ctx.base.get())
    });
    let read = move || -> Result<ClosingDocumentInput, Problem> {
        let typed = currency.get_untracked();
        let cur = if typed.trim().is_empty() {
            None
        } else {
            Some(accord_api::money::parse_currency(&typed).ok_or(Problem::Unreadable("currency"))?)
        };
        let code = code.get_untracked();
        Ok(ClosingDocumentInput {
            kind: kind.get_untracked(),
            number: number.get_untracked().trim().to_owned(),
            issued_on: parse_day_input(&issued.get_untracked())
                .ok()
                .flatten()
                .ok_or(Problem::Unreadable("issued_on"))?,
            amount_minor: parse_amount(&value.get_untracked(), &code).ok_or(Problem::Amount("amount_minor"))?,
            currency: cur,
            invoice_id: invoice.get_untracked(),
            contract_id: contract.get_untracked(),
            signed_on: None,
        })
    };
    let on_submit = submit_handler(pending, saved, problem, read, move |input: ClosingDocumentInput| {
        let client = ctx.client;
        let request = async move { api::create_document(client, &input).await };
        send_form(pending, saved, problem, request, move |_| {
            for field in [number, value, currency] {
                field.set(String::new());
            }
            invoice.set(None);
            contract.set(None);
            on_saved.run(());
        });
    });
    let pick_invoice = move |ev: leptos::ev::Event| {
        let id: Option<InvoiceId> = event_target_value(&ev).parse().ok();
        invoice.set(id);
        let Some(found) = id.and_then(|id| ctx.invoice_list().into_iter().find(|i| i.id == id)) else { return };
        if value.get_untracked().trim().is_empty() {
            value.set(amount_input(i18n.locale_untracked(), found.amount_minor, &found.currency));
        }
        if contract.get_untracked().is_none() {
            contract.set(found.contract_id);
        }
    };
    let invoice_options = move || {
        ctx.invoice_list()
            .into_iter()
            .filter(|i| i.status != InvoiceStatus::Cancelled)
            .map(|i| {
                let id = i.id;
                let label = move || format!("{} — {}", i.number, amount(i18n.locale(), i.amount_minor, &i.currency));
                view! { <option value=id.to_string() selected=move || invoice.get() == Some(id)>{label}</option> }
            })
            .collect_view()
    };
    let contract_options = move || {
        ctx.contract_list()
            .into_iter()
            .map(|c| {
                let id = c.id;
                view! { <option value=id.to_string() selected=move || contract.get() == Some(id)>{c.title}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="card money-form-card" id="document-form-card">
            <h2 class="card-title">{move || i18n.t().money().new_document}</h2>
            <form id="document-form" class="form" on:submit=on_submit>
                <div class="form-grid money-form-grid">
                    <div class="field">
                        <label for="document-kind">{move || i18n.t().money().field_doc_kind}</label>
                        <select id="document-kind" name="kind" prop:value=move || kind.get().as_str()
                            on:change=move |ev| { if let Some(k) = ClosingKind::parse(&event_target_value(&ev)) { kind.set(k) } }>
                            {ClosingKind::ALL.iter().map(|&k| view! {
                                <option value=k.as_str() selected=move || kind.get() == k>{move || closing_kind_text(i18n.t(), k)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field-wrap">
                        <div class="field">
                            <label for="document-number">{move || i18n.t().money().field_doc_number}</label>
                            <input id="document-number" name="number" type="text" required=true maxlength="200" autocomplete="off"
                                aria-invalid=move || names(problem, "number").to_string() bind:value=number />
                        </div>
                        <FieldProblem field="number" label=|t| t.money().field_doc_number problem=problem />
                    </div>
                    <DateField id="document-issued" field="issued_on" label=|t| t.money().field_doc_issued value=issued problem=problem required=true />
                    <div class="field">
                        <label for="document-invoice">{move || i18n.t().money().field_invoice}</label>
                        <select id="document-invoice" name="invoice_id"
                            prop:value=move || invoice.get().map(|c| c.to_string()).unwrap_or_default() on:change=pick_invoice>
                            <option value="" selected=move || invoice.get().is_none()>{move || i18n.t().money().no_invoice}</option>
                            {invoice_options}
                        </select>
                    </div>
                    <div class="field-wrap">
                        <div class="field">
                            <label for="document-amount">{move || i18n.t().money().field_amount}</label>
                            <input id="document-amount" name="amount_minor" type="text" inputmode="decimal" autocomplete="off"
                                required=true aria-invalid=move || names(problem, "amount_minor").to_string() bind:value=value />
                        </div>
                        <FieldProblem field="amount_minor" label=|t| t.money().field_amount problem=problem currency=code />
                    </div>
                    <div class="field-wrap">
                        <div class="field">
                            <label for="document-currency">{move || i18n.t().money().field_currency}</label>
                            <input id="document-currency" name="currency" type="text" maxlength="3" autocomplete="off"
                                class="input-short currency-input" placeholder=move || code.get()
                                aria-invalid=move || names(problem, "currency").to_string() bind:value=currency />
                        </div>
                        <FieldProblem field="currency" label=|t| t.money().field_currency problem=problem />
                    </div>
                    <div class="field">
                        <label for="document-contract">{move || i18n.t().money().field_contract}</label>
                        <select id="document-contract" name="contract_id"
                            prop:value=move || contract.get().map(|c| c.to_string()).unwrap_or_default()
                            on:change=move |ev| contract.set(event_target_value(&ev).parse().ok())>
                            <option value="" selected=move || contract.get().is_none()>{move || i18n.t().money().no_contract}</option>
                            {contract_options}
                        </select>
                    </div>
                </div>
                <FormErrorExcept id="document-form-error" problem=problem inline=INLINE />
                <FormActions words=WORDS editing=false pending=pending saved=saved on_close=Callback::new(|_| {})
                    submit_id="document-submit" />
            </form>
        </div>
    }
}
