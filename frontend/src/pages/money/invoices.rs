//! `#money-invoices`: the client's invoices (`#invoices-table`, a
//! `tr.invoice-row[data-id][data-status][data-overdue]` each: number, dates with the overdue
//! marker, amount (and its base-currency value), paid and remaining, status; `button.pay-invoice`
//! opens `tr.payment-row` with `form.payment-form`, `button.cancel-invoice` asks first) and the
//! form to issue one (`invoice_form`). Also the row the agency-wide list shows.

use super::client_tab::use_money;
use super::invoice_form::InvoiceForm;
use super::{amount, amount_input, badge, invoice_status_text, invoice_status_tone, parse_amount};
use crate::api::money as api;
use crate::api::ApiError;
use crate::components::{EmptyState, ErrorBanner, InlineConfirm, Loading, Notice, Problem};
use crate::i18n::{day_input_value, fill, format_day, parse_day_input, use_i18n};
use crate::routes::{ClientTab, Route};
use accord_api::error::Code;
use accord_api::finance::{InvoiceStatus, InvoiceView, PaymentInput};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

#[component]
pub(super) fn InvoicesCard() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_money();
    let notice = RwSignal::new(None::<&'static str>);
    let on_changed = Callback::new(move |what: &'static str| {
        notice.set(Some(what));
        ctx.changed();
    });
    let list = move || match ctx.invoices.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(error)) => {
            view! { <ErrorBanner error=error on_retry=Callback::new(move |_| ctx.invoices.refetch()) /> }.into_any()
        }
        Some(Ok(rows)) if rows.is_empty() => {
            view! { <EmptyState title=|t| t.money().invoices_empty hint=|t| t.money().invoices_empty_hint /> }
                .into_any()
        }
        Some(Ok(rows)) => view! {
            <InvoiceTable id="invoices-table" rows=rows with_client=false can_act=true on_changed=on_changed />
        }
        .into_any(),
    };
    view! {
        <div class="card card-flush money-card" id="money-invoices">
            <div class="card-head"><h2 class="card-title">{move || i18n.t().money().invoices_title}</h2></div>
            {list}
            {move || notice.get().map(|key| view! {
                <div class="card-foot"><Notice text=Signal::derive(move || notice_text(i18n.t(), key)) /></div>
            })}
        </div>
        <InvoiceForm on_saved=Callback::new(move |_| { notice.set(None); ctx.changed(); }) />
    }
}

fn notice_text(t: &'static crate::i18n::Texts, key: &str) -> String {
    match key {
        "paid" => t.money().payment_saved,
        "cancelled" => t.money().invoice_cancelled,
        _ => "",
    }
    .to_owned()
}

/// `table#{id}`: invoices, with a client column when `with_client`, and the payment and cancel
/// buttons when `can_act`.
#[component]
pub(super) fn InvoiceTable(
    id: &'static str,
    rows: Vec<InvoiceView>,
    with_client: bool,
    can_act: bool,
    #[prop(optional)] on_changed: Option<Callback<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let on_changed = on_changed.unwrap_or_else(|| Callback::new(|_| {}));
    view! {
        <div class="table-wrap">
            <table class="table money-table invoices-table" id=id>
                <thead>
                    <tr>
                        <th>{move || i18n.t().money().col_number}</th>
                        {with_client.then(|| view! { <th>{move || i18n.t().money().col_client}</th> })}
                        <th>{move || i18n.t().money().col_issued}</th>
                        <th>{move || i18n.t().money().col_due}</th>
                        <th class="num">{move || i18n.t().money().col_amount}</th>
                        <th class="num">{move || i18n.t().money().col_paid}</th>
                        <th>{move || i18n.t().money().col_status}</th>
                        {can_act.then(|| view! { <th class="actions">{move || i18n.t().money().col_actions}</th> })}
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|inv| view! {
                        <InvoiceRow invoice=inv with_client=with_client can_act=can_act on_changed=on_changed />
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn InvoiceRow(
    invoice: InvoiceView,
    with_client: bool,
    can_act: bool,
    on_changed: Callback<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = invoice.id;
    let status = invoice.status;
    let inv = StoredValue::new(invoice.clone());
    let paying = RwSignal::new(false);
    let cancelling = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let columns = 6 + usize::from(with_client) + usize::from(can_act);
    let payable = matches!(status, InvoiceStatus::Issued | InvoiceStatus::PartlyPaid);
    let cancellable = status != InvoiceStatus::Cancelled && invoice.paid_minor == 0;
    let cancel = Callback::new(move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match api::cancel_invoice(id).await {
                Ok(()) => {
                    cancelling.set(false);
                    on_changed.run("cancelled");
                }
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    });
    let amount_cell = move || {
        inv.with_value(|v| {
            let main = amount(i18n.locale(), v.amount_minor, &v.currency);
            let foreign = v.currency != v.base_currency;
            let sub = foreign.then(|| {
                let base = fill(i18n.t().money().in_base, &[&amount(i18n.locale(), v.base_minor, &v.base_currency)]);
                let rate = fill(i18n.t().money().rate_line, &[&v.rate, &v.base_currency, &v.currency]);
                format!("{base} · {rate}")
            });
            view! {
                <div>{main}</div>
                {sub.map(|s| view! { <div class="cell-sub">{s}</div> })}
            }
        })
    };
    let paid_cell = move || {
        inv.with_value(|v| {
            let paid = amount(i18n.locale(), v.paid_minor, &v.currency);
            let sub = match (v.status, v.paid_on) {
                (InvoiceStatus::Paid, Some(day)) => {
                    Some(fill(i18n.t().money().paid_on, &[&format_day(i18n.locale(), &day)]))
                }
                (InvoiceStatus::Issued | InvoiceStatus::PartlyPaid, _) => Some(fill(
                    i18n.t().money().payment_remaining,
                    &[&amount(i18n.locale(), v.remaining_minor, &v.currency)],
                )),
                _ => None,
            };
            view! {
                <div class="invoice-paid">{paid}</div>
                {sub.map(|s| view! { <div class="cell-sub invoice-remaining">{s}</div> })}
            }
        })
    };
    let due_cell = move || {
        inv.with_value(|v| {
            let due = format_day(i18n.locale(), &v.due_on);
            let late = v.days_overdue.filter(|_| v.overdue).map(|days| {
                view! {
                    <div class="overdue-marker">
                        <span class="badge badge-red">{move || i18n.t().money().overdue_badge}</span>
                        " "
                        <span class="overdue-days">{move || i18n.t().money().overdue_by.count(days.into())}</span>
                    </div>
                }
            });
            view! { <div>{due}</div> {late} }
        })
    };
    let number_cell = move || {
        inv.with_value(|v| {
            let extra: Vec<String> =
                v.contract_title.iter().cloned().chain(v.billed_items.iter().map(|b| b.title.clone())).collect();
            view! {
                <div class="invoice-number">{v.number.clone()}</div>
                {(!extra.is_empty()).then(|| view! { <div class="cell-sub">{extra.join(" · ")}</div> })}
            }
        })
    };
    let client_cell = with_client.then(|| {
        inv.with_value(|v| {
            let href = Route::StaffClientTab(v.client_id, ClientTab::Money).path();
            let name = v.client_name.clone();
            view! { <td class="cell-main"><A href=href attr:class="row-link">{name}</A></td> }
        })
    });
    view! {
        <tr class="invoice-row" class:row-overdue=invoice.overdue class:row-cancelled={status == InvoiceStatus::Cancelled}
            data-id=id.to_string() data-status=status.as_str() data-overdue=invoice.overdue.to_string()
            data-number=invoice.number.clone()>
            <td class="cell-main">{number_cell}</td>
            {client_cell}
            <td>{move || inv.with_value(|v| format_day(i18n.locale(), &v.issued_on))}</td>
            <td class="invoice-due" class:overdue=invoice.overdue>{due_cell}</td>
            <td class="num invoice-amount">{amount_cell}</td>
            <td class="num">{paid_cell}</td>
            <td>{badge(invoice_status_tone(status), move || invoice_status_text(i18n.t(), status))}</td>
            {can_act.then(|| view! {
                <td class="actions">
                    <Show when=move || !paying.get() && !cancelling.get()>
                        <div class="row-buttons">
                            {payable.then(|| view! {
                                <button type="button" class="btn btn-small pay-invoice" on:click=move |_| paying.set(true)>
                                    {move || i18n.t().money().record_payment}
                                </button>
                            })}
                            {cancellable.then(|| view! {
                                <button type="button" class="btn btn-small btn-danger-ghost cancel-invoice"
                                    on:click=move |_| cancelling.set(true)>
                                    {move || i18n.t().money().cancel_invoice}
                                </button>
                            })}
                        </div>
                    </Show>
                </td>
            })}
        </tr>
        <Show when=move || paying.get()>
            <tr class="payment-row" data-id=id.to_string()>
                <td colspan=columns>
                    <PaymentForm invoice=inv.get_value() on_done=Callback::new(move |_| { paying.set(false); on_changed.run("paid"); })
                        on_cancel=Callback::new(move |_| paying.set(false)) />
                </td>
            </tr>
        </Show>
        <Show when=move || cancelling.get()>
            <tr class="confirm-row" data-id=id.to_string()>
                <td colspan=columns>
                    <InlineConfirm action="cancel-invoice" class="inline-confirm-left invoice-confirm"
                        text=Signal::derive(move || inv.with_value(|v| fill(i18n.t().money().cancel_invoice_confirm, &[&v.number])))
                        pending=pending label=|t| t.money().cancel_invoice on_confirm=cancel
                        on_cancel=Callback::new(move |_| cancelling.set(false)) />
                    {move || error.get().map(|e| {
                        if e.is(Code::Conflict) {
                            view! { <p class="form-error" role="alert">{move || i18n.t().money().cancel_has_payments}</p> }.into_any()
                        } else {
                            view! { <ErrorBanner error=e /> }.into_any()
                        }
                    })}
                </td>
            </tr>
        </Show>
    }
}

/// `form.payment-form`: the remaining amount, `#payment-paid-on` (today), `#payment-amount`
/// (the remaining amount), `button.pay-rest`, `#payment-submit`.
#[component]
fn PaymentForm(invoice: InvoiceView, on_done: Callback<()>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale_untracked();
    let (id, remaining, currency) = (invoice.id, invoice.remaining_minor, invoice.currency.clone());
    let paid_on = RwSignal::new(day_input_value(Some(crate::components::charts::today())));
    let value = RwSignal::new(amount_input(locale, remaining, &currency));
    let pending = RwSignal::new(false);
    let problem = RwSignal::new(None::<Problem>);
    let cur = StoredValue::new(currency.clone());
    let over = Memo::new(move |_| parse_amount(&value.get(), &cur.get_value()).is_some_and(|a| a > remaining));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let day = match parse_day_input(&paid_on.get_untracked()) {
            Ok(Some(d)) => d,
            _ => return problem.set(Some(Problem::Unreadable("paid_on"))),
        };
        let amount_minor = match parse_amount(&value.get_untracked(), &cur.get_value()) {
            Some(a) if a > 0 && a <= remaining => a,
            _ => return problem.set(Some(Problem::Amount("amount_minor"))),
        };
        pending.set(true);
        problem.set(None);
        let input = PaymentInput { paid_on: day, amount_minor, note: String::new() };
        spawn_local(async move {
            match api::record_payment(id, &input).await {
                Ok(()) => on_done.run(()),
                Err(e) => problem.set(Some(Problem::Api(e))),
            }
            pending.set(false);
        });
    };
    let remaining_text = {
        let currency = currency.clone();
        move || fill(i18n.t().money().payment_remaining, &[&amount(i18n.locale(), remaining, &currency)])
    };
    let error_line = move || {
        let over_now = over.get();
        let p = problem.get();
        let text = move || {
            let t = i18n.t();
            match &p {
                _ if over_now => fill(t.money().payment_over, &[&amount(i18n.locale(), remaining, &cur.get_value())]),
                Some(Problem::Amount(_)) => {
                    let code = cur.get_value();
                    fill(t.money().amount_error, &[&code, &accord_api::money::minor_units(&code)])
                }
                Some(Problem::Api(e)) if e.is(Code::ValidationFailed) && e.field.as_deref() == Some("amount_minor") => {
                    fill(t.money().payment_over, &[&amount(i18n.locale(), remaining, &cur.get_value())])
                }
                Some(p) => p.text(t),
                None => String::new(),
            }
        };
        (over_now || problem.with(Option::is_some)).then(|| view! { <p class="form-error" role="alert">{text}</p> })
    };
    view! {
        <form class="form payment-form" on:submit=on_submit>
            <p class="payment-title">
                <b>{move || inv_title(i18n.t(), &invoice.number)}</b>
                " · "
                <span class="payment-remaining" data-remaining=remaining.to_string()>{remaining_text}</span>
            </p>
            <div class="payment-fields">
                <div class="field">
                    <label for="payment-paid-on">{move || i18n.t().money().field_paid_on}</label>
                    <input id="payment-paid-on" type="date" required=true bind:value=paid_on />
                </div>
                <div class="field">
                    <label for="payment-amount">{move || i18n.t().money().field_payment_amount}</label>
                    <input id="payment-amount" type="text" inputmode="decimal" autocomplete="off" required=true
                        aria-invalid=move || over.get().to_string() bind:value=value />
                </div>
                <button type="button" class="btn btn-small btn-ghost pay-rest"
                    on:click=move |_| value.set(amount_input(i18n.locale_untracked(), remaining, &cur.get_value()))>
                    {move || i18n.t().money().pay_rest}
                </button>
                <button type="submit" class="btn btn-primary btn-small" id="payment-submit"
                    disabled=move || pending.get() || over.get()>
                    {move || if pending.get() { i18n.t().common().saving } else { i18n.t().money().save_payment }}
                </button>
                <button type="button" class="btn btn-small btn-ghost payment-cancel" on:click=move |_| on_cancel.run(())>
                    {move || i18n.t().common().cancel}
                </button>
            </div>
            {error_line}
        </form>
    }
}

fn inv_title(t: &'static crate::i18n::Texts, number: &str) -> String {
    fill(t.money().payment_title, &[&number])
}
