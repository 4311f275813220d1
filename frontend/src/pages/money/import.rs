//! `#invoice-import` (owners and admins): invoices and payments from CSV — pasted into
//! `textarea#invoice-import-csv` or read from `input#invoice-import-file` — sent with
//! `#invoice-import-submit`; the answer is "imported N invoices and M payments"
//! (`.import-result[data-invoices][data-payments]`) or the table of bad rows (`.import-errors`,
//! a `tr.import-error[data-row]` each), in which case nothing was imported.

use crate::api::money as api;
use crate::api::ApiError;
use crate::components::ErrorBanner;
use crate::i18n::use_i18n;
use accord_api::error::{Code, RowError};
use accord_api::finance::{InvoiceImportResult, INVOICE_CSV_COLUMNS};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

/// The server's limit for an import body, less room for JSON.
const MAX_BYTES: usize = 10 * 1024 * 1024 - 64 * 1024;

#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Imported(InvoiceImportResult),
    Rejected(Vec<RowError>),
    Empty,
    Failed(ApiError),
}

/// The chosen file's text (UTF-8, via `File.text()`), or `None` when no file is chosen.
async fn read_chosen(input: &web_sys::HtmlInputElement) -> Result<Option<String>, JsValue> {
    let files = js_sys::Reflect::get(input.as_ref(), &JsValue::from_str("files"))?;
    if files.is_null() || files.is_undefined() {
        return Ok(None);
    }
    let file = js_sys::Reflect::get(&files, &JsValue::from_f64(0.0))?;
    if file.is_null() || file.is_undefined() {
        return Ok(None);
    }
    let text: js_sys::Function = js_sys::Reflect::get(&file, &JsValue::from_str("text"))?.dyn_into()?;
    let promise: js_sys::Promise = text.call0(&file)?.dyn_into()?;
    Ok(wasm_bindgen_futures::JsFuture::from(promise).await?.as_string())
}

#[component]
pub(super) fn ImportInvoices(on_imported: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let csv = RwSignal::new(String::new());
    let pending = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Outcome>);
    let on_file = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        spawn_local(async move {
            match read_chosen(&input).await {
                Ok(Some(text)) => csv.set(text),
                Ok(None) => {}
                Err(_) => outcome.set(Some(Outcome::Failed(ApiError::local(Code::ValidationFailed, String::new())))),
            }
            // Let the same file be chosen again after fixing it.
            input.set_value("");
        });
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let text = csv.get_untracked();
        if text.trim().is_empty() {
            outcome.set(Some(Outcome::Empty));
            return;
        }
        if text.len() > MAX_BYTES {
            outcome.set(Some(Outcome::Failed(ApiError::local(Code::TooLarge, String::new()))));
            return;
        }
        pending.set(true);
        outcome.set(None);
        spawn_local(async move {
            let result = match api::import_invoices(text).await {
                Ok(done) => {
                    csv.set(String::new());
                    on_imported.run(());
                    Outcome::Imported(done)
                }
                Err(e) if e.is(Code::ImportRejected) && !e.rows.is_empty() => Outcome::Rejected(e.rows),
                Err(e) => Outcome::Failed(e),
            };
            outcome.set(Some(result));
            pending.set(false);
        });
    };
    view! {
        <div class="card import-csv" id="invoice-import">
            <h2 class="card-title">{move || i18n.t().money().import_title}</h2>
            <p class="card-hint import-hint">{move || i18n.t().money().import_hint}</p>
            <p class="import-columns"><code>{INVOICE_CSV_COLUMNS.join(",")}</code></p>
            <form class="form" id="invoice-import-form" on:submit=on_submit>
                <div class="field">
                    <label for="invoice-import-csv">{move || i18n.t().money().import_paste}</label>
                    <textarea id="invoice-import-csv" name="csv" rows="6" class="mono-input" spellcheck="false"
                        bind:value=csv></textarea>
                </div>
                <div class="import-row">
                    <input type="file" id="invoice-import-file" accept=".csv,text/csv,text/plain" class="import-file"
                        aria-label=move || i18n.t().money().import_choose on:change=on_file />
                    <button type="submit" id="invoice-import-submit" class="btn btn-primary" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t().money().importing } else { i18n.t().money().import_submit }}
                    </button>
                </div>
            </form>
            {move || outcome.get().map(|o| match o {
                Outcome::Imported(done) => {
                    let (invoices, payments) = (done.invoices, done.payments);
                    view! {
                        <p class="notice import-result" role="status" data-invoices=invoices data-payments=payments>
                            {move || format!(
                                "{} {}",
                                i18n.t().money().imported.count(invoices.into()),
                                i18n.t().money().imported_payments.count(payments.into())
                            )}
                        </p>
                    }
                    .into_any()
                }
                Outcome::Rejected(rows) => view! { <RowErrors rows=rows /> }.into_any(),
                Outcome::Empty => view! {
                    <p class="form-error" role="alert">{move || i18n.t().money().import_empty}</p>
                }
                .into_any(),
                Outcome::Failed(error) => view! { <ErrorBanner error=error /> }.into_any(),
            })}
        </div>
    }
}

#[component]
fn RowErrors(rows: Vec<RowError>) -> impl IntoView {
    let i18n = use_i18n();
    let count = rows.len() as u64;
    view! {
        <div class="import-errors" role="alert">
            <p class="form-error">
                {move || i18n.t().money().import_rejected} " " {move || i18n.t().money().import_bad_rows.count(count)}
            </p>
            <div class="table-wrap">
                <table class="table import-errors-table">
                    <thead>
                        <tr>
                            <th class="num">{move || i18n.t().money().import_row}</th>
                            <th>{move || i18n.t().money().import_column}</th>
                            <th>{move || i18n.t().money().import_message}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|r| view! {
                            <tr class="import-error" data-row=r.row>
                                <td class="num">{r.row}</td>
                                <td><code>{r.field}</code></td>
                                <td>{r.message}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
}
