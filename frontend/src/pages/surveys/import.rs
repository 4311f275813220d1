//! `#survey-import` (owners and admins): past answers from CSV — pasted into
//! `textarea#survey-import-csv` or read from `input#survey-import-file` — sent with
//! `#survey-import-submit`; the answer is "imported N" (`.import-result[data-imported]`) or the
//! table of bad rows (`.import-errors`, a `tr.import-error` each), in which case nothing was
//! imported — as the backlog import shows it.

use crate::api::surveys as api;
use crate::api::ApiError;
use crate::components::ErrorBanner;
use crate::i18n::use_i18n;
use accord_api::error::{Code, RowError};
use accord_api::surveys::SurveyImportResult;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

/// The server's limit for an import body, less room for JSON.
const MAX_BYTES: usize = 10 * 1024 * 1024 - 64 * 1024;

#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Imported(SurveyImportResult),
    Rejected(Vec<RowError>),
    Failed(ApiError),
}

/// The columns the import reads, as the export writes them (two per criterion).
fn columns(criteria: &[String]) -> String {
    let mut all: Vec<String> = ["client", "contact_email", "date", "nps", "why"].map(str::to_owned).to_vec();
    for key in criteria {
        all.push(format!("{key}_importance"));
        all.push(format!("{key}_satisfaction"));
    }
    all.extend(["manager_email", "temperament", "activity", "tier", "source"].map(str::to_owned));
    all.join(",")
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
pub fn ImportAnswers(on_imported: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let settings = LocalResource::new(api::settings);
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
            outcome.set(Some(Outcome::Failed(ApiError::local(Code::ValidationFailed, String::new()))));
            return;
        }
        if text.len() > MAX_BYTES {
            outcome.set(Some(Outcome::Failed(ApiError::local(Code::TooLarge, String::new()))));
            return;
        }
        pending.set(true);
        outcome.set(None);
        spawn_local(async move {
            let result = match api::import_answers(text).await {
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
    let column_list = move || {
        let keys: Vec<String> = settings
            .get()
            .and_then(Result::ok)
            .map(|p| p.settings.criteria.into_iter().filter_map(|c| c.key).collect())
            .unwrap_or_default();
        columns(&keys)
    };
    view! {
        <div class="card import-csv" id="survey-import">
            <h2 class="card-title">{move || i18n.t().surveys_staff().import_title}</h2>
            <p class="card-hint import-hint">{move || i18n.t().surveys_staff().import_hint}</p>
            <p class="import-columns"><code>{column_list}</code></p>
            <form class="form" id="survey-import-form" on:submit=on_submit>
                <div class="field">
                    <label for="survey-import-csv">{move || i18n.t().surveys_staff().import_paste}</label>
                    <textarea id="survey-import-csv" name="csv" rows="6" class="mono-input" spellcheck="false"
                        bind:value=csv></textarea>
                </div>
                <div class="import-row">
                    <input type="file" id="survey-import-file" accept=".csv,text/csv,text/plain" class="import-file"
                        aria-label=move || i18n.t().surveys_staff().import_choose on:change=on_file />
                    <button type="submit" id="survey-import-submit" class="btn btn-primary" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t().surveys_staff().importing } else { i18n.t().surveys_staff().import_submit }}
                    </button>
                </div>
            </form>
            {move || outcome.get().map(|o| match o {
                Outcome::Imported(done) => {
                    let n = done.imported;
                    view! {
                        <p class="notice import-result" role="status" data-imported=n>
                            {move || i18n.t().surveys_staff().imported.count(n.into())}
                        </p>
                    }
                    .into_any()
                }
                Outcome::Rejected(rows) => view! { <RowErrors rows=rows /> }.into_any(),
                Outcome::Failed(error) if error.status == 0 && error.is(Code::ValidationFailed) => view! {
                    <p class="form-error" role="alert">{move || i18n.t().surveys_staff().import_empty}</p>
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
                {move || i18n.t().errors().import_rejected} " " {move || i18n.t().backlog_form().import_bad_rows.count(count)}
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

#[cfg(test)]
mod tests {
    use super::columns;

    #[test]
    fn two_columns_per_criterion() {
        let cols = columns(&["price".to_owned()]);
        assert_eq!(
            cols,
            "client,contact_email,date,nps,why,price_importance,price_satisfaction,manager_email,temperament,activity,tier,source"
        );
    }
}
