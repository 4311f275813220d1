//! Money for staff (owners, admins and account managers; never specialists, never the portal):
//! a client's Money tab (`/app/clients/:id/money`: figures, the 12-month revenue chart, the ABC
//! tier, contracts, invoices with payments, closing documents) and the agency's money page
//! (`/app/money`: totals, trend, overdue invoices, unsigned documents, the ABC table, every
//! invoice, the finance settings, CSV import and export). Styles: `money-staff.css`.

mod chart;
mod client_tab;
mod contracts;
mod documents;
mod import;
mod invoice_form;
mod invoices;
mod overview;
mod settings;

pub use client_tab::MoneyTab;
pub use overview::MoneyPage;

use crate::components::form::Text;
use crate::components::Problem;
use crate::i18n::{fill, use_i18n, Texts};
use crate::routes::Route;
use crate::session::use_session;
use accord_api::error::Code;
use accord_api::finance::{ClosingKind, ContractKind, ContractStatus, InvoiceStatus};
use accord_api::{Locale, Money, StaffRole};
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsValue;

/// Whether the signed-in person may see money (everyone on the staff but specialists).
pub fn sees_money() -> bool {
    use_session().staff_role().is_some_and(|role| role != StaffRole::Specialist)
}

/// `a#nav-money` in the staff sidebar, for owners, admins and account managers.
#[component]
pub fn MoneyNavLink() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let sees = move || session.staff_role().is_some_and(|role| role != StaffRole::Specialist);
    view! {
        <Show when=sees>
            <A href=Route::StaffMoney.path() {..} class="nav-link" id="nav-money">
                <span class="nav-icon" aria-hidden="true">"₽"</span>
                {move || i18n.t().money().nav_money}
            </A>
        </Show>
    }
}

fn locale_tag(locale: Locale) -> &'static str {
    match locale {
        Locale::Ru => "ru-RU",
        Locale::En => "en-US",
    }
}

/// An amount for reading: "150 000 ₽" when whole, "150 000,50 ₽" otherwise; a code that is no
/// currency reads "150000.50 XXX".
pub fn amount(locale: Locale, amount_minor: i64, currency: &str) -> String {
    let money = Money { amount_minor, currency: currency.to_owned() };
    let digits = accord_api::money::minor_units(currency);
    let plain = || format!("{} {}", money.major_text(), currency);
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
        return plain();
    }
    let scale = 10_i64.pow(digits);
    let options = js_sys::Intl::NumberFormatOptions::new();
    options.set_style(js_sys::Intl::NumberFormatStyle::Currency);
    options.set_currency(currency);
    if amount_minor % scale == 0 {
        options.set_minimum_fraction_digits(0);
        options.set_maximum_fraction_digits(0);
    }
    let locales = js_sys::Array::of1(&JsValue::from_str(locale_tag(locale)));
    let formatter = js_sys::Intl::NumberFormat::new(&locales, &options);
    let major = amount_minor as f64 / scale as f64;
    formatter
        .format()
        .call1(&JsValue::NULL, &JsValue::from_f64(major))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(plain)
}

/// [`amount`] of a [`Money`].
pub fn money(locale: Locale, m: &Money) -> String {
    amount(locale, m.amount_minor, &m.currency)
}

/// An amount as people type it back: no grouping, the locale's decimal mark, the currency's
/// digits ("150000,50", "1500").
pub fn amount_input(locale: Locale, amount_minor: i64, currency: &str) -> String {
    let text = accord_api::money::major_text(amount_minor, currency);
    if locale == Locale::Ru {
        text.replace('.', ",")
    } else {
        text
    }
}

/// An amount typed in major units of `currency` ("150 000,50"), in minor units.
pub fn parse_amount(typed: &str, currency: &str) -> Option<i64> {
    Money::parse_major(typed, currency).map(|m| m.amount_minor)
}

/// The currency typed (blank: `base`), upper-cased, if it is an ISO code.
pub fn parse_currency_or(typed: &str, base: &str) -> Option<String> {
    if typed.trim().is_empty() {
        return Some(base.to_owned());
    }
    accord_api::money::parse_currency(typed)
}

/// "Jan", "янв." (with the year when asked) of a month's first day.
pub fn month_label(locale: Locale, day: chrono::NaiveDate, with_year: bool) -> String {
    let options = js_sys::Intl::DateTimeFormatOptions::new();
    options.set_month(js_sys::Intl::MonthFormat::Short);
    if with_year {
        options.set_year(js_sys::Intl::YearFormat::Numeric);
    }
    options.set_time_zone("UTC");
    let locales = js_sys::Array::of1(&JsValue::from_str(locale_tag(locale)));
    let formatter = js_sys::Intl::DateTimeFormat::new(&locales, &options);
    let millis = day.and_hms_opt(12, 0, 0).map(|t| t.and_utc().timestamp_millis() as f64).unwrap_or_default();
    let date = js_sys::Date::new(&JsValue::from_f64(millis));
    formatter.format().call1(&JsValue::NULL, &date).ok().and_then(|v| v.as_string()).unwrap_or_else(|| day.to_string())
}

pub fn invoice_status_text(t: &Texts, status: InvoiceStatus) -> &'static str {
    let m = t.money();
    match status {
        InvoiceStatus::Issued => m.status_issued,
        InvoiceStatus::PartlyPaid => m.status_partly_paid,
        InvoiceStatus::Paid => m.status_paid,
        InvoiceStatus::Cancelled => m.status_cancelled,
    }
}

pub fn invoice_status_tone(status: InvoiceStatus) -> &'static str {
    match status {
        InvoiceStatus::Issued => "blue",
        InvoiceStatus::PartlyPaid => "amber",
        InvoiceStatus::Paid => "green",
        InvoiceStatus::Cancelled => "grey",
    }
}

pub fn contract_status_text(t: &Texts, status: ContractStatus) -> &'static str {
    let m = t.money();
    match status {
        ContractStatus::Draft => m.contract_draft,
        ContractStatus::Active => m.contract_active,
        ContractStatus::Ended => m.contract_ended,
    }
}

pub fn contract_status_tone(status: ContractStatus) -> &'static str {
    match status {
        ContractStatus::Draft => "grey",
        ContractStatus::Active => "green",
        ContractStatus::Ended => "blue",
    }
}

pub fn contract_kind_text(t: &Texts, kind: ContractKind) -> &'static str {
    match kind {
        ContractKind::Retainer => t.money().kind_retainer,
        ContractKind::Project => t.money().kind_project,
    }
}

pub fn closing_kind_text(t: &Texts, kind: ClosingKind) -> &'static str {
    match kind {
        ClosingKind::Act => t.money().doc_act,
        ClosingKind::Upd => t.money().doc_upd,
    }
}

/// `span.badge.badge-{tone}` with a status's words.
fn badge(tone: &'static str, text: impl Fn() -> &'static str + Send + Sync + 'static) -> impl IntoView {
    view! { <span class=format!("badge badge-{tone}")>{text}</span> }
}

/// Whether the problem names `field`.
fn names(problem: RwSignal<Option<Problem>>, field: &str) -> bool {
    problem.with(|p| p.as_ref().and_then(Problem::field) == Some(field))
}

/// `p.field-error[data-field]` under one field: for a `validation_failed` naming it, "Check
/// “<label>”"; for an amount, what an amount in `currency` looks like; otherwise the problem's
/// own words.
#[component]
fn FieldProblem(
    field: &'static str,
    label: Text,
    problem: RwSignal<Option<Problem>>,
    #[prop(optional, into)] currency: Option<Signal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        problem.get().filter(|p| p.field() == Some(field)).map(|p| {
            let text = move || {
                let t = i18n.t();
                match &p {
                    Problem::Amount(_) => {
                        let code = currency.map(|c| c.get()).unwrap_or_else(|| "RUB".to_owned());
                        let digits = accord_api::money::minor_units(&code);
                        fill(t.money().amount_error, &[&code, &digits])
                    }
                    Problem::Unreadable("currency") => t.money().currency_error.to_owned(),
                    Problem::Unreadable("rate") => t.money().rate_error.to_owned(),
                    Problem::Api(e) if e.is(Code::ValidationFailed) && field == "currency" => {
                        t.money().currency_error.to_owned()
                    }
                    Problem::Api(e) if e.is(Code::ValidationFailed) && field == "rate" => {
                        t.money().rate_error.to_owned()
                    }
                    Problem::Api(e) if e.is(Code::AlreadyExists) && field == "number" => {
                        t.money().duplicate_number.to_owned()
                    }
                    Problem::Api(e) if e.is(Code::ValidationFailed) => fill(t.money().field_value, &[&label(t)]),
                    other => other.field_text(t),
                }
            };
            view! { <p class="field-error" role="alert" data-field=field>{text}</p> }
        })
    }
}

/// A labelled `<input type="date">` bound to `value`, with its problem under it.
#[component]
fn DateField(
    id: &'static str,
    field: &'static str,
    label: Text,
    value: RwSignal<String>,
    problem: RwSignal<Option<Problem>>,
    #[prop(optional)] required: bool,
    #[prop(optional)] hint: Option<Text>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field-wrap">
            <div class="field">
                <label for=id>{move || label(i18n.t())}</label>
                <input id=id name=field type="date" required=required
                    aria-invalid=move || names(problem, field).to_string() bind:value=value />
                {hint.map(|h| view! { <p class="field-hint">{move || h(i18n.t())}</p> })}
            </div>
            <FieldProblem field=field label=label problem=problem />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::{parse_amount, parse_currency_or};

    #[test]
    fn amounts_follow_their_currency() {
        assert_eq!(parse_amount("150 000,50", "RUB"), Some(15_000_050));
        assert_eq!(parse_amount("1500", "JPY"), Some(1500));
        assert_eq!(parse_amount("1,5", "JPY"), None);
        assert_eq!(parse_amount("", "RUB"), None);
    }

    #[test]
    fn a_blank_currency_is_the_base() {
        assert_eq!(parse_currency_or(" ", "RUB").as_deref(), Some("RUB"));
        assert_eq!(parse_currency_or("usd", "RUB").as_deref(), Some("USD"));
        assert_eq!(parse_currency_or("XYZ", "RUB"), None);
    }
}
