//! The "New client" card on the client list (owners, admins, account managers). Admins may
//! pick the account manager; an account manager's new client is their own.

use super::manager_candidates;
use crate::api::{self, ApiError};
use crate::components::{names_field, FieldError, FormErrorExcept, Notice, Problem, TextField};
use crate::i18n::use_i18n;
use crate::session::use_session;
use accord_api::clients::CreateClientRequest;
use accord_api::staff::StaffMember;
use accord_api::{ClientStatus, UserId};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn NewClientForm(
    directory: LocalResource<Result<Vec<StaffMember>, ApiError>>,
    on_created: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let name = RwSignal::new(String::new());
    let status = RwSignal::new(ClientStatus::Onboarding);
    let manager = RwSignal::new(None::<UserId>);
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let created = RwSignal::new(false);
    let is_admin = move || session.is_agency_admin();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let request = CreateClientRequest {
            name: name.get_untracked().trim().to_owned(),
            status: status.get_untracked(),
            account_manager_id: if session.is_agency_admin() { manager.get_untracked() } else { None },
        };
        pending.set(true);
        problem.set(None);
        created.set(false);
        spawn_local(async move {
            match api::clients::create(&request).await {
                Ok(_) => {
                    name.set(String::new());
                    status.set(ClientStatus::Onboarding);
                    manager.set(None);
                    created.set(true);
                    on_created.run(());
                }
                Err(e) => problem.set(Some(Problem::Api(e))),
            }
            pending.set(false);
        });
    };

    let manager_options = move || {
        let people = directory.get().and_then(Result::ok).map(|d| manager_candidates(&d)).unwrap_or_default();
        people
            .into_iter()
            .map(|m| {
                let id = m.id;
                view! { <option value=id.to_string() selected=move || manager.get() == Some(id)>{m.name}</option> }
            })
            .collect_view()
    };

    view! {
        <div class="card">
            <h2 class="card-title">{move || i18n.t().clients().new_client}</h2>
            <form id="new-client-form" class="form form-inline" on:submit=on_submit>
                <TextField id="client-name" label=|t| t.clients().client_name value=name required=true maxlength=200
                    invalid=names_field(problem, "name") />
                <div class="field">
                    <label for="client-status">{move || i18n.t().common().status}</label>
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
                <Show when=is_admin>
                    <div class="field">
                        <label for="client-manager">{move || i18n.t().clients().account_manager}</label>
                        <select
                            id="client-manager"
                            prop:value=move || manager.get().map(|m| m.to_string()).unwrap_or_default()
                            on:change=move |ev| manager.set(event_target_value(&ev).parse().ok())
                        >
                            <option value="" selected=move || manager.get().is_none()>{move || i18n.t().clients().no_manager}</option>
                            {manager_options}
                        </select>
                        <FieldError field="account_manager_id" problem=problem />
                    </div>
                </Show>
                <button id="client-submit" type="submit" class="btn btn-primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t().common().creating } else { i18n.t().common().create }}
                </button>
            </form>
            <Show when=move || !is_admin()>
                <p class="field-hint form-footnote">{move || i18n.t().clients().new_client_yours}</p>
            </Show>
            <FormErrorExcept id="client-form-error" problem=problem inline=&["account_manager_id"] />
            <Show when=move || created.get()>
                <Notice text=Signal::derive(move || i18n.t().clients().client_created.to_owned()) />
            </Show>
        </div>
    }
}
