//! The filter bar over a project's backlog.

use super::{priority_label, source_label};
use crate::api::backlog::BacklogQuery;
use crate::components::{ChoiceFilter, SearchBox};
use crate::i18n::use_i18n;
use crate::pages::backlog_parts::status_label;
use leptos::prelude::*;

/// `.backlog-filters`: search, status, priority, source and change requests; each change goes
/// to `on_change` (the page keeps it in the URL).
#[component]
pub fn BacklogFilters(query: Memo<BacklogQuery>, on_change: Callback<BacklogQuery>) -> impl IntoView {
    let i18n = use_i18n();
    let change = move |edit: &dyn Fn(&mut BacklogQuery)| {
        let mut next = query.get_untracked();
        edit(&mut next);
        if next != query.get_untracked() {
            on_change.run(next);
        }
    };
    let cr_value = move || match query.get().change_request {
        None => "",
        Some(true) => "true",
        Some(false) => "false",
    };
    view! {
        <div class="filters backlog-filters">
            <div class="filters-top">
                <SearchBox name="q" placeholder=|t| t.backlog().search
                    value=Signal::derive(move || query.get().q.unwrap_or_default())
                    on_search=Callback::new(move |text: String| {
                        change(&|q| q.q = Some(text.clone()).filter(|t| !t.trim().is_empty()))
                    }) />
                <Show when=move || query.get().narrows()>
                    <button type="button" class="btn btn-small btn-ghost filters-reset"
                        on:click=move |_| change(&|q| *q = BacklogQuery::default())>
                        {move || i18n.t().common().reset_filters}
                    </button>
                </Show>
            </div>
            <div class="filters-grid">
                <ChoiceFilter name="status" label=|t| t.common().status current=move || query.get().status
                    text=status_label on_pick=move |v| change(&|q| q.status = v) />
                <ChoiceFilter name="priority" label=|t| t.backlog().priority current=move || query.get().priority
                    text=priority_label on_pick=move |v| change(&|q| q.priority = v) />
                <ChoiceFilter name="source" label=|t| t.backlog().source current=move || query.get().source
                    text=source_label on_pick=move |v| change(&|q| q.source = v) />
                <label class="filter">
                    <span class="filter-label">{move || i18n.t().backlog().change_request}</span>
                    <select name="change_request" prop:value=cr_value on:change=move |ev| {
                        let v = match event_target_value(&ev).as_str() {
                            "true" => Some(true),
                            "false" => Some(false),
                            _ => None,
                        };
                        change(&|q| q.change_request = v);
                    }>
                        <option value="" selected=move || query.get().change_request.is_none()>
                            {move || i18n.t().common().any}
                        </option>
                        <option value="true" selected=move || query.get().change_request == Some(true)>
                            {move || i18n.t().backlog().cr_only}
                        </option>
                        <option value="false" selected=move || query.get().change_request == Some(false)>
                            {move || i18n.t().backlog().cr_none}
                        </option>
                    </select>
                </label>
            </div>
        </div>
    }
}
