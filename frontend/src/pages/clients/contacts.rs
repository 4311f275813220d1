//! A client's contacts table and the "Add contact" form.

use super::can_manage_clients;
use crate::api;
use crate::components::{async_view, Badge, EmptyState, FormError, Notice, Problem, TextField};
use crate::i18n::{format_date, use_i18n};
use crate::session::use_session;
use accord_api::clients::{ContactView, CreateContactRequest};
use accord_api::{ClientId, PortalRole, UserStatus};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ContactsCard(client: ClientId) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let contacts = LocalResource::new(move || api::staff::contacts(client));
    view! {
        <div class="card card-flush">
            <div class="card-head">
                <h2 class="card-title">{move || i18n.t().contacts_title}</h2>
            </div>
            {async_view(contacts, |list| view! { <ContactsTable contacts=list /> })}
        </div>
        <Show when=move || can_manage_clients(session)>
            <AddContactForm client=client on_added=Callback::new(move |_| contacts.refetch()) />
        </Show>
    }
}

#[component]
fn ContactsTable(contacts: Vec<ContactView>) -> impl IntoView {
    let i18n = use_i18n();
    if contacts.is_empty() {
        return view! { <EmptyState title=|t| t.no_contacts hint=|t| t.no_contacts_hint /> }.into_any();
    }
    let rows = contacts
        .into_iter()
        .map(|c| {
            let created = c.created_at;
            let role = c.portal_role;
            let (tone, access) = match c.portal_status {
                None => ("grey", None),
                Some(UserStatus::Active) => ("green", Some(UserStatus::Active)),
                Some(UserStatus::Disabled) => ("red", Some(UserStatus::Disabled)),
            };
            let access_label = Signal::derive(move || {
                let t = i18n.t();
                access.map_or(t.no_portal_account, |s| t.user_status(s)).to_owned()
            });
            view! {
                <tr class="contact-row">
                    <td class="cell-main">{c.name.clone()}</td>
                    <td><a href=format!("mailto:{}", c.email) class="muted-link">{c.email.clone()}</a></td>
                    <td class="hide-sm">{move || i18n.t().portal_role_label(role)}</td>
                    <td><Badge tone=tone label=access_label /></td>
                    <td class="muted date">{move || format_date(i18n.locale(), &created)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table" id="contacts-table">
                <thead>
                    <tr>
                        <th>{move || i18n.t().contact_name}</th>
                        <th>{move || i18n.t().email}</th>
                        <th class="hide-sm">{move || i18n.t().portal_role}</th>
                        <th>{move || i18n.t().portal_access}</th>
                        <th class="date">{move || i18n.t().col_created}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn AddContactForm(client: ClientId, on_added: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let role = RwSignal::new(PortalRole::Viewer);
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let added = RwSignal::new(false);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let request = CreateContactRequest {
            name: name.get_untracked().trim().to_owned(),
            email: email.get_untracked().trim().to_owned(),
            portal_role: role.get_untracked(),
        };
        pending.set(true);
        problem.set(None);
        added.set(false);
        spawn_local(async move {
            match api::staff::create_contact(client, &request).await {
                Ok(_) => {
                    name.set(String::new());
                    email.set(String::new());
                    added.set(true);
                    on_added.run(());
                }
                Err(e) => problem.set(Some(Problem::Api(e))),
            }
            pending.set(false);
        });
    };

    view! {
        <div class="card">
            <h2 class="card-title">{move || i18n.t().add_contact}</h2>
            <form id="new-contact-form" class="form form-inline" on:submit=on_submit>
                <TextField id="contact-name" label=|t| t.contact_name value=name required=true />
                <TextField id="contact-email" label=|t| t.email value=email kind="email" required=true />
                <div class="field">
                    <label for="contact-role">{move || i18n.t().portal_role}</label>
                    <select
                        id="contact-role"
                        prop:value=move || role.get().as_str()
                        on:change=move |ev| {
                            if let Some(r) = PortalRole::parse(&event_target_value(&ev)) {
                                role.set(r);
                            }
                        }
                    >
                        {PortalRole::ALL.iter().map(|&r| view! {
                            <option value=r.as_str() selected=move || role.get() == r>
                                {move || i18n.t().portal_role_label(r)}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <button id="contact-submit" type="submit" class="btn btn-primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t().adding } else { i18n.t().add }}
                </button>
            </form>
            <FormError id="contact-form-error" problem=problem />
            <Show when=move || added.get()>
                <Notice text=Signal::derive(move || i18n.t().contact_added.to_owned()) />
            </Show>
        </div>
    }
}
