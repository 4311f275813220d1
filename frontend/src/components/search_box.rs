//! The search box over a list: it reports what was typed once the person pauses, so the list is
//! not fetched again on every key.

use super::form::Text;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use std::time::Duration;

/// How long typing must pause before the search runs.
const SEARCH_DELAY: Duration = Duration::from_millis(250);

/// `.search.filter-search`: `input[type=search]` (with `id` and `name` when given) showing `value`,
/// labelled and filled in by `placeholder`; `on_search` gets the text after a pause.
#[component]
pub fn SearchBox(
    #[prop(into)] value: Signal<String>,
    placeholder: Text,
    on_search: Callback<String>,
    #[prop(optional)] id: Option<&'static str>,
    #[prop(optional)] name: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if let Some(pending) = timer.get_value() {
            pending.clear();
        }
        timer.set_value(set_timeout_with_handle(move || on_search.run(text), SEARCH_DELAY).ok());
    };
    view! {
        <div class="search filter-search">
            <span class="search-icon" aria-hidden="true">"⌕"</span>
            <input
                id=id
                name=name
                type="search"
                autocomplete="off"
                placeholder=move || placeholder(i18n.t())
                aria-label=move || placeholder(i18n.t())
                prop:value=move || value.get()
                on:input=on_input
            />
        </div>
    }
}
