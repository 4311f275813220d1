//! The filter bar over the client list: search, status, manager, segmentation, archived, order.

use super::manager_candidates;
use crate::api::clients::{ClientQuery, ClientSort, ManagerFilter};
use crate::api::ApiError;
use crate::components::{ChoiceFilter, SearchBox};
use crate::i18n::{use_i18n, Texts};
use accord_api::staff::StaffMember;
use leptos::prelude::*;

#[component]
pub fn ClientFilters(
    query: Memo<ClientQuery>,
    directory: LocalResource<Result<Vec<StaffMember>, ApiError>>,
    on_change: Callback<ClientQuery>,
) -> impl IntoView {
    let i18n = use_i18n();
    let change = move |edit: &dyn Fn(&mut ClientQuery)| {
        let mut next = query.get_untracked();
        edit(&mut next);
        if next != query.get_untracked() {
            on_change.run(next);
        }
    };

    // The page reads the query from its URL, where an unknown manager already fell back to anyone.
    let manager = move || query.get().manager_filter().unwrap_or_default();
    let managers = move || {
        let people = directory.get().and_then(Result::ok).map(|d| manager_candidates(&d)).unwrap_or_default();
        let current = manager();
        people
            .into_iter()
            .map(|m| {
                let selected = current == ManagerFilter::Person(m.id);
                view! { <option value=m.id.to_string() selected=selected>{m.name}</option> }
            })
            .collect_view()
    };
    let manager_value = move || manager().to_param().unwrap_or_default();
    let on_manager = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let picked = ManagerFilter::parse(&value).unwrap_or_default();
        change(&|q| q.set_manager(picked));
    };

    view! {
        <div class="filters" id="client-filters">
            <div class="filters-top">
                <SearchBox id="client-search" placeholder=|t| t.clients().search_clients value=Signal::derive(move || query.get().q.unwrap_or_default())
                    on_search=Callback::new(move |text: String| {
                        change(&|q| q.q = Some(text.clone()).filter(|t| !t.trim().is_empty()))
                    }) />
                <label class="filter">
                    <span class="filter-label">{move || i18n.t().clients().sort_label}</span>
                    <select
                        id="client-sort"
                        prop:value=move || query.get().order().unwrap_or_default().as_str()
                        on:change=move |ev| {
                            let sort = ClientSort::parse(&event_target_value(&ev)).unwrap_or_default();
                            change(&|q| q.set_order(sort));
                        }
                    >
                        {ClientSort::ALL.into_iter().map(|s| view! {
                            <option value=s.as_str() selected=move || query.get().order() == Some(s)>
                                {move || sort_label(i18n.t(), s)}
                            </option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="filter-check">
                    <input
                        type="checkbox"
                        id="filter-archived"
                        prop:checked=move || query.get().archived
                        on:change=move |ev| {
                            let archived = event_target_checked(&ev);
                            change(&|q| q.archived = archived);
                        }
                    />
                    <span>{move || i18n.t().clients().show_archived}</span>
                </label>
                <Show when=move || query.get().narrows()>
                    <button
                        type="button"
                        id="filters-reset"
                        class="btn btn-small btn-ghost"
                        on:click=move |_| change(&|q| *q = ClientQuery { sort: q.sort.clone(), ..ClientQuery::default() })
                    >
                        {move || i18n.t().common().reset_filters}
                    </button>
                </Show>
            </div>
            <div class="filters-grid">
                <ChoiceFilter id="filter-status" label=|t| t.common().status current=move || query.get().status
                    text=Texts::client_status on_pick=move |v| change(&|q| q.status = v) />
                <label class="filter">
                    <span class="filter-label">{move || i18n.t().clients().account_manager}</span>
                    <select id="filter-manager" prop:value=manager_value on:change=on_manager>
                        <option value="" selected=move || manager() == ManagerFilter::Anyone>
                            {move || i18n.t().common().any}
                        </option>
                        <option value="none" selected=move || manager() == ManagerFilter::Nobody>
                            {move || i18n.t().clients().no_manager}
                        </option>
                        {managers}
                    </select>
                </label>
                <ChoiceFilter id="filter-temperament" label=|t| t.segmentation().temperament current=move || query.get().temperament
                    text=Texts::temperament on_pick=move |v| change(&|q| q.temperament = v) />
                <ChoiceFilter id="filter-activity" label=|t| t.segmentation().activity current=move || query.get().activity
                    text=Texts::activity on_pick=move |v| change(&|q| q.activity = v) />
                <ChoiceFilter id="filter-tier" label=|t| t.clients().col_tier current=move || query.get().tier
                    text=Texts::value_tier on_pick=move |v| change(&|q| q.tier = v) />
            </div>
        </div>
    }
}

fn sort_label(t: &Texts, sort: ClientSort) -> &'static str {
    match sort {
        ClientSort::Name => t.clients().sort_name,
        ClientSort::NameDesc => t.clients().sort_name_desc,
        ClientSort::Created => t.clients().sort_created,
        ClientSort::CreatedDesc => t.clients().sort_created_desc,
        ClientSort::LastTouch => t.clients().sort_last_touch,
        ClientSort::LastTouchDesc => t.clients().sort_last_touch_desc,
    }
}
