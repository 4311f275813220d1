//! Picking clients by name from the client list: one client as a filter, several as a
//! campaign's target.

use crate::api;
use crate::api::clients::ClientQuery;
use crate::components::SearchBox;
use crate::i18n::use_i18n;
use accord_api::clients::ClientView;
use accord_api::ClientId;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// How many matches a search shows (the list API's largest page).
const MATCHES: u64 = 100;

/// The clients whose name holds `search` (every client while it is empty), by name.
fn matches(search: RwSignal<String>) -> LocalResource<Vec<ClientView>> {
    LocalResource::new(move || {
        let text = search.get();
        let query = ClientQuery { q: Some(text).filter(|t| !t.trim().is_empty()), ..ClientQuery::default() };
        async move { api::clients::list(&query, 1, MATCHES).await.map(|p| p.items).unwrap_or_default() }
    })
}

/// `.client-filter`: a search box narrowing `select#{id}` (all clients, or one); `value` is the
/// chosen client, kept while a search no longer lists it.
#[component]
pub fn ClientFilter(id: &'static str, value: RwSignal<Option<ClientId>>) -> impl IntoView {
    let i18n = use_i18n();
    let search = RwSignal::new(String::new());
    let found = matches(search);
    // The chosen client's name, so it stays an option when a search leaves it out.
    let chosen_name = RwSignal::new(String::new());
    let options = move || {
        let list = found.get().unwrap_or_default();
        let current = value.get();
        let kept = current.filter(|c| !list.iter().any(|v| v.id == *c)).map(|c| {
            view! { <option value=c.to_string() selected=true>{move || chosen_name.get()}</option> }
        });
        let listed = list
            .into_iter()
            .map(|c| {
                let id = c.id;
                view! { <option value=id.to_string() selected=move || value.get() == Some(id)>{c.name}</option> }
            })
            .collect_view();
        view! { {kept} {listed} }
    };
    let on_change = move |ev: leptos::ev::Event| {
        let picked: Option<ClientId> = event_target_value(&ev).parse().ok();
        let name = picked
            .and_then(|id| found.get_untracked().and_then(|l| l.into_iter().find(|c| c.id == id)))
            .map(|c| c.name)
            .unwrap_or_default();
        chosen_name.set(name);
        value.set(picked);
    };
    view! {
        <div class="filter client-filter">
            <label class="filter-label" for=id>{move || i18n.t().surveys_staff().filter_client}</label>
            <div class="client-filter-row">
                <SearchBox value=search placeholder=|t| t.surveys_staff().find_client
                    on_search=Callback::new(move |text| search.set(text)) />
                <select id=id name=id prop:value=move || value.get().map(|c| c.to_string()).unwrap_or_default()
                    on:change=on_change>
                    <option value="" selected=move || value.get().is_none()>{move || i18n.t().surveys_staff().any_client}</option>
                    {options}
                </select>
            </div>
        </div>
    }
}

/// `.client-checklist`: a search box over `input.target-client[type=checkbox][value=id]` per
/// matching client; the chosen ones (`chosen`, with their names) are listed as
/// `li.chosen-client[data-id]` with a remove button, whether a search lists them or not.
#[component]
pub fn ClientChecklist(chosen: RwSignal<Vec<(ClientId, String)>>) -> impl IntoView {
    let i18n = use_i18n();
    let search = RwSignal::new(String::new());
    let found = matches(search);
    name_the_unnamed(chosen);
    let toggle = move |client: ClientId, name: String, on: bool| {
        chosen.update(|list| {
            list.retain(|(id, _)| *id != client);
            if on {
                list.push((client, name));
            }
        });
    };
    let rows = move || {
        found
            .get()
            .unwrap_or_default()
            .into_iter()
            .map(|c| {
                let (id, name) = (c.id, c.name);
                let label = name.clone();
                view! {
                    <li>
                        <label class="check">
                            <input type="checkbox" class="target-client" value=id.to_string()
                                prop:checked=move || chosen.with(|l| l.iter().any(|(c, _)| *c == id))
                                on:change=move |ev| toggle(id, name.clone(), event_target_checked(&ev)) />
                            <span>{label}</span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    let chips = move || {
        chosen
            .get()
            .into_iter()
            .map(|(id, name)| {
                view! {
                    <li class="chosen-client" data-id=id.to_string()>
                        <span>{name}</span>
                        <button type="button" class="btn btn-small btn-ghost remove-client"
                            aria-label=move || i18n.t().surveys_staff().remove
                            on:click=move |_| toggle(id, String::new(), false)>"×"</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="client-checklist" id="target-client-list">
            <SearchBox value=search placeholder=|t| t.surveys_staff().find_client
                on_search=Callback::new(move |text| search.set(text)) />
            <ul class="client-options">{rows}</ul>
            <p class="field-hint chosen-count">
                {move || i18n.t().surveys_staff().chosen_clients.count(chosen.with(Vec::len) as u64)}
            </p>
            <ul class="chosen-clients">{chips}</ul>
        </div>
    }
}

/// Chosen clients known only by id (a saved campaign) get their names from their profiles.
fn name_the_unnamed(chosen: RwSignal<Vec<(ClientId, String)>>) {
    let unnamed: Vec<ClientId> =
        chosen.with_untracked(|list| list.iter().filter(|(_, name)| name.is_empty()).map(|(id, _)| *id).collect());
    for id in unnamed {
        spawn_local(async move {
            if let Ok(profile) = api::clients::profile(id).await {
                chosen.update(|list| {
                    if let Some(entry) = list.iter_mut().find(|(c, _)| *c == id) {
                        entry.1 = profile.summary.name;
                    }
                });
            }
        });
    }
}
