//! "Left the client": pick who took over (or nobody), confirm; their portal access ends.

use crate::api::{self, ApiError};
use crate::components::{ErrorBanner, InlineConfirm};
use crate::i18n::{fill, use_i18n};
use accord_api::{ClientId, ContactId};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn LeavePanel(
    client: ClientId,
    contact: ContactId,
    name: String,
    /// The client's other current contacts.
    others: Vec<(ContactId, String)>,
    /// Called with the name of the person who left.
    on_done: Callback<String>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let successor = RwSignal::new(None::<ContactId>);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let who = StoredValue::new(name);
    let confirm = Callback::new(move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        let replaced_by = successor.get_untracked();
        spawn_local(async move {
            match api::clients::contact_left(client, contact, replaced_by).await {
                Ok(gone) => on_done.run(gone.name),
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    });
    let options = others
        .into_iter()
        .map(|(id, name)| view! { <option value=id.to_string() selected=move || successor.get() == Some(id)>{name}</option> })
        .collect_view();
    view! {
        <InlineConfirm action="left" class="leave-panel" pending=pending on_confirm=confirm on_cancel=on_cancel
            text=Signal::derive(move || fill(i18n.t().contacts().confirm_left, &[&who.get_value()]))>
            <label class="successor-field">
                <span class="filter-label">{move || i18n.t().contacts().successor}</span>
                <select
                    class="successor-select"
                    prop:value=move || successor.get().map(|s| s.to_string()).unwrap_or_default()
                    on:change=move |ev| successor.set(event_target_value(&ev).parse().ok())
                >
                    <option value="" selected=move || successor.get().is_none()>{move || i18n.t().contacts().no_successor}</option>
                    {options}
                </select>
            </label>
            {move || error.get().map(|e| view! { <ErrorBanner error=e /> })}
        </InlineConfirm>
    }
}
