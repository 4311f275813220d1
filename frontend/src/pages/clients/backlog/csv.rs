//! `.import-csv`: choose a CSV file and it is read here and sent as text; the answer is either
//! "imported N" or the table of bad rows (`.import-errors`), in which case nothing was imported.

use crate::api::{self, ApiError};
use crate::components::ErrorBanner;
use crate::i18n::{use_i18n, Texts};
use accord_api::error::{Code, RowError};
use accord_api::{ClientId, ProjectId};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

/// The columns the import reads, in order (as the export writes them).
pub const COLUMNS: &str =
    "title;description;benefit;estimate_hours;price;currency;priority;source;change_request;status";

/// The server's limit for an import body (`server/src/backlog/csv.rs`), less room for JSON.
const MAX_BYTES: usize = 10 * 1024 * 1024 - 64 * 1024;

#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Imported(u32),
    Rejected(Vec<RowError>),
    Failed(ApiError),
}

/// The chosen file's name and text, or `None` when no file is chosen. Reads it with
/// `File.text()` (UTF-8; a byte-order mark is dropped).
async fn read_chosen(input: &web_sys::HtmlInputElement) -> Result<Option<(String, String)>, JsValue> {
    let files = js_sys::Reflect::get(input.as_ref(), &JsValue::from_str("files"))?;
    if files.is_null() || files.is_undefined() {
        return Ok(None);
    }
    let file = js_sys::Reflect::get(&files, &JsValue::from_f64(0.0))?;
    if file.is_null() || file.is_undefined() {
        return Ok(None);
    }
    let name = js_sys::Reflect::get(&file, &JsValue::from_str("name"))?.as_string().unwrap_or_default();
    let text: js_sys::Function = js_sys::Reflect::get(&file, &JsValue::from_str("text"))?.dyn_into()?;
    let promise: js_sys::Promise = text.call0(&file)?.dyn_into()?;
    let content = wasm_bindgen_futures::JsFuture::from(promise).await?.as_string().unwrap_or_default();
    Ok(Some((name, content)))
}

#[component]
pub fn ImportCsv(client: ClientId, project: ProjectId, on_imported: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let pending = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Outcome>);
    let file_name = RwSignal::new(String::new());

    let on_change = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        outcome.set(None);
        spawn_local(async move {
            let read = read_chosen(&input).await;
            // Let the same file be chosen again after fixing it.
            input.set_value("");
            let result = match read {
                Ok(None) => None,
                Err(e) => {
                    let message = e.as_string().unwrap_or_else(|| format!("{e:?}"));
                    Some(Outcome::Failed(ApiError::local(Code::ValidationFailed, message)))
                }
                // The server takes at most 10 MB; say so before uploading a bigger file.
                Ok(Some((name, text))) if text.len() > MAX_BYTES => {
                    file_name.set(name);
                    Some(Outcome::Failed(ApiError::local(Code::TooLarge, String::new())))
                }
                Ok(Some((name, text))) => {
                    file_name.set(name);
                    Some(match api::backlog::import_csv(client, project, text).await {
                        Ok(done) => {
                            on_imported.run(());
                            Outcome::Imported(done.imported)
                        }
                        Err(e) if e.is(Code::ImportRejected) && !e.rows.is_empty() => Outcome::Rejected(e.rows),
                        Err(e) => Outcome::Failed(e),
                    })
                }
            };
            outcome.set(result);
            pending.set(false);
        });
    };

    view! {
        <div class="card import-csv" id="import-csv">
            <h2 class="card-title">{move || i18n.t().backlog_form().import_title}</h2>
            <p class="card-hint import-hint">{move || i18n.t().backlog_form().import_hint}</p>
            <p class="import-columns"><code>{COLUMNS}</code></p>
            <div class="import-row">
                <input type="file" name="csv" accept=".csv,text/csv,text/plain" class="import-file"
                    aria-label=move || i18n.t().backlog_form().import_choose disabled=move || pending.get() on:change=on_change />
                <Show when=move || pending.get()>
                    <span class="muted import-pending">{move || i18n.t().backlog_form().importing}</span>
                </Show>
            </div>
            {move || outcome.get().map(|o| match o {
                Outcome::Imported(n) => view! {
                    <p class="notice import-result" role="status" data-imported=n>
                        {move || i18n.t().backlog_form().imported.fill(n as u64, &[&n, &file_name.get()])}
                    </p>
                }.into_any(),
                Outcome::Rejected(rows) => view! { <RowErrors rows=rows /> }.into_any(),
                Outcome::Failed(error) => view! { <ErrorBanner error=error /> }.into_any(),
            })}
        </div>
    }
}

/// The server explains bad cells in English; the known rules are said in the reader's language.
fn row_message(t: &Texts, field: &str, message: &str) -> String {
    let known = match (field, message) {
        ("estimate_hours", "Hours must be a number from 0 to 100000.") => t.backlog_form().csv_hours,
        ("price", "The price must be a number, zero or more.") => t.backlog_form().csv_price,
        ("priority", "Use high, normal or low.") => t.backlog_form().csv_priority,
        ("source", "Use analytics, client_request or agency_idea.") => t.backlog_form().csv_source,
        ("change_request", "Use true or false.") => t.backlog_form().csv_change_request,
        ("status", "Imported items start as idea or proposed.") => t.backlog_form().csv_status,
        _ => return message.to_owned(),
    };
    known.to_owned()
}

#[component]
fn RowErrors(rows: Vec<RowError>) -> impl IntoView {
    let i18n = use_i18n();
    let count = rows.len();
    view! {
        <div class="import-errors" role="alert">
            <p class="form-error">
                {move || i18n.t().errors().import_rejected} " " {move || i18n.t().backlog_form().import_bad_rows.count(count as u64)}
            </p>
            <div class="table-wrap">
                <table class="table import-errors-table">
                    <thead>
                        <tr>
                            <th class="num">{move || i18n.t().backlog_form().import_row}</th>
                            <th>{move || i18n.t().backlog_form().import_field}</th>
                            <th>{move || i18n.t().backlog_form().import_message}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|r| view! {
                            <tr class="import-error">
                                <td class="num">{r.row}</td>
                                <td><code>{r.field.clone()}</code></td>
                                <td>{move || row_message(i18n.t(), &r.field, &r.message)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
}
