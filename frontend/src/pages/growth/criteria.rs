//! `#criteria-card`: the scorecard's criteria in column order — `li.criterion-row[data-key]`
//! with its name (empty = the standard name of a built-in one), `button.criterion-up`,
//! `button.criterion-down` and `button.criterion-remove` — `input#criterion-new` with
//! `button#criterion-add`, and `button#criteria-save` (the whole list is saved at once).

use super::default_criterion_name;
use crate::api::ApiError;
use crate::components::{shift_in, ErrorBanner, Notice};
use crate::i18n::use_i18n;
use accord_api::growth::{CriteriaInput, Criterion, CriterionInput, CRITERIA_MAX};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// One row of the editor: an existing criterion (its key) or a new one (`key: None`, `tag` tells
/// new rows apart).
#[derive(Clone, Debug, PartialEq)]
struct Row {
    key: Option<String>,
    tag: u32,
    name: RwSignal<String>,
}

#[component]
pub fn CriteriaCard(criteria: Vec<Criterion>, on_saved: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let next_tag = StoredValue::new(criteria.len() as u32);
    let rows = RwSignal::new(
        criteria
            .into_iter()
            .enumerate()
            .map(|(i, c)| Row { key: Some(c.key), tag: i as u32, name: RwSignal::new(c.name) })
            .collect::<Vec<_>>(),
    );
    let new_name = RwSignal::new(String::new());
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let add = move |_| {
        let name = new_name.get_untracked().trim().to_owned();
        if name.is_empty() || rows.with_untracked(Vec::len) >= CRITERIA_MAX {
            return;
        }
        let tag = next_tag.get_value();
        next_tag.set_value(tag + 1);
        rows.update(|r| r.push(Row { key: None, tag, name: RwSignal::new(name) }));
        new_name.set(String::new());
        saved.set(false);
    };
    let save = move |_| {
        if pending.get_untracked() {
            return;
        }
        let input = CriteriaInput {
            criteria: rows.with_untracked(|r| {
                r.iter()
                    .map(|row| CriterionInput {
                        key: row.key.clone(),
                        name: row.name.get_untracked().trim().to_owned(),
                    })
                    .collect()
            }),
        };
        pending.set(true);
        saved.set(false);
        error.set(None);
        spawn_local(async move {
            let body = crate::api::json_body(&input);
            let result = match body {
                Ok(body) => crate::api::send_ignoring_answer("PUT", "/api/staff/scorecard/criteria", Some(body)).await,
                Err(e) => Err(e),
            };
            match result {
                Ok(()) => {
                    saved.set(true);
                    on_saved.run(());
                }
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    let list = move || {
        let count = rows.with(Vec::len);
        rows.get()
            .into_iter()
            .enumerate()
            .map(|(i, row)| view! { <CriterionRow row=row rows=rows first=i == 0 last=i + 1 == count saved=saved /> })
            .collect_view()
    };
    view! {
        <div class="card" id="criteria-card">
            <h2 class="card-title">{move || i18n.t().growth_catalogue().criteria_title}</h2>
            <p class="card-hint">{move || i18n.t().growth_catalogue().criteria_hint}</p>
            <ol class="criteria-list">{list}</ol>
            <div class="criterion-add">
                <input id="criterion-new" type="text" maxlength="100" autocomplete="off"
                    aria-label=move || i18n.t().growth_catalogue().criterion_name
                    placeholder=move || i18n.t().growth_catalogue().criterion_placeholder bind:value=new_name />
                <button type="button" class="btn btn-ghost" id="criterion-add" on:click=add
                    disabled=move || new_name.with(|n| n.trim().is_empty())>
                    {move || i18n.t().growth_catalogue().add_criterion}
                </button>
            </div>
            {move || error.get().map(|e| view! { <ErrorBanner error=e /> })}
            <div class="form-actions form-actions-start">
                <button type="button" class="btn btn-primary" id="criteria-save" on:click=save disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t().common().saving } else { i18n.t().growth_catalogue().save_criteria }}
                </button>
                <Show when=move || saved.get()>
                    <Notice text=Signal::derive(move || i18n.t().growth_catalogue().criteria_saved.to_owned()) />
                </Show>
            </div>
        </div>
    }
}

#[component]
fn CriterionRow(row: Row, rows: RwSignal<Vec<Row>>, first: bool, last: bool, saved: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let (key, tag, name) = (row.key.clone(), row.tag, row.name);
    let standard = key.clone();
    let placeholder = move || {
        standard
            .as_deref()
            .and_then(|k| default_criterion_name(i18n.t(), k))
            .unwrap_or(i18n.t().growth_catalogue().criterion_placeholder)
    };
    let shift = move |step: isize| {
        rows.update(|r| shift_in(r, |x| x.tag == tag, step));
        saved.set(false);
    };
    let remove = move |_| {
        rows.update(|r| r.retain(|x| x.tag != tag));
        saved.set(false);
    };
    view! {
        <li class="criterion-row" data-key=key.clone().unwrap_or_default()>
            <input type="text" class="criterion-name" maxlength="100" autocomplete="off"
                aria-label=move || i18n.t().growth_catalogue().criterion_name
                placeholder=placeholder title=move || i18n.t().growth_catalogue().default_name_hint bind:value=name />
            <div class="row-buttons">
                <button type="button" class="btn btn-small btn-ghost criterion-up" disabled=first on:click=move |_| shift(-1)
                    title=move || i18n.t().growth_catalogue().move_up>"↑"</button>
                <button type="button" class="btn btn-small btn-ghost criterion-down" disabled=last on:click=move |_| shift(1)
                    title=move || i18n.t().growth_catalogue().move_down>"↓"</button>
                <button type="button" class="btn btn-small btn-danger-ghost criterion-remove" on:click=remove>
                    {move || i18n.t().growth_catalogue().remove_criterion}
                </button>
            </div>
        </li>
    }
}
