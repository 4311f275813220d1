//! The "New client" card on the client list (owners, admins, account managers).

use crate::api;
use crate::components::{FormError, Notice, Problem, TextField};
use crate::i18n::use_i18n;
use accord_api::clients::CreateClientRequest;
use accord_api::ClientStatus;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn NewClientForm(on_created: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let status = RwSignal::new(ClientStatus::Onboarding);
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let created = RwSignal::new(false);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let request = CreateClientRequest {
            name: name.get_untracked().trim().to_owned(),
            status: status.get_untracked(),
            account_manager_id: None,
        };
        pending.set(true);
        problem.set(None);
        created.set(false);
        spawn_local(async move {
            match api::staff::create_client(&request).await {
                Ok(_) => {
                    name.set(String::new());
                    status.set(ClientStatus::Onboarding);
                    created.set(true);
                    on_created.run(());
                }
                Err(e) => problem.set(Some(Problem::Api(e))),
            }
            pending.set(false);
        });
    };

    view! {
        <div class="card">
            <h2 class="card-title">{move || i18n.t().new_client}</h2>
            <form id="new-client-form" class="form form-inline" on:submit=on_submit>
                <TextField id="client-name" label=|t| t.client_name value=name required=true maxlength=200 />
                <div class="field">
                    <label for="client-status">{move || i18n.t().status}</label>
                    <select
                        id="client-status"
                        prop:value=move || status.get().as_str()
                        on:change=move |ev| {
                            if let Some(s) = ClientStatus::parse(&event_target_value(&ev)) {
                                status.set(s);
                            }
                        }
                    >
                        {ClientStatus::ALL.iter().map(|&s| view! {
                            <option value=s.as_str() selected=move || status.get() == s>
                                {move || i18n.t().client_status(s)}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <button id="client-submit" type="submit" class="btn btn-primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t().creating } else { i18n.t().create }}
                </button>
            </form>
            <FormError id="client-form-error" problem=problem />
            <Show when=move || created.get()>
                <Notice text=Signal::derive(move || i18n.t().client_created.to_owned()) />
            </Show>
        </div>
    }
}
