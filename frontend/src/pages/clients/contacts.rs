//! A client's contacts table (portal access and invitations) and the "Add contact" form.

use super::can_manage_clients;
use crate::api;
use crate::components::{async_view, breakable_email, Badge, EmptyState, FormError, Notice, Problem, TextField};
use crate::i18n::{fill, format_date, use_i18n};
use crate::pages::invitations::{feedback_view, Feedback, InvitationActions};
use crate::session::use_session;
use accord_api::clients::{ContactView, CreateContactRequest, PortalAccess};
use accord_api::{ClientId, ContactId, PortalRole};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ContactsCard(client: ClientId) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let contacts = LocalResource::new(move || api::staff::contacts(client));
    let feedback = RwSignal::new(None::<Feedback>);
    let reload = Callback::new(move |_| contacts.refetch());
    view! {
        <div class="card card-flush">
            <div class="card-head">
                <h2 class="card-title">{move || i18n.t().contacts_title}</h2>
            </div>
            <div class="card-feedback">{feedback_view(feedback)}</div>
            {async_view(contacts, move |list| {
                let manage = can_manage_clients(session);
                view! { <ContactsTable contacts=list manage=manage feedback=feedback on_changed=reload /> }
            })}
        </div>
        <Show when=move || can_manage_clients(session)>
            <AddContactForm client=client on_added=Callback::new(move |_| contacts.refetch()) />
        </Show>
    }
}

/// `manage`: the signed-in person may invite contacts (the Actions column).
#[component]
fn ContactsTable(
    contacts: Vec<ContactView>,
    manage: bool,
    feedback: RwSignal<Option<Feedback>>,
    on_changed: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    if contacts.is_empty() {
        return view! { <EmptyState title=|t| t.no_contacts hint=|t| t.no_contacts_hint /> }.into_any();
    }
    let rows = contacts
        .into_iter()
        .map(|c| {
            let created = c.created_at;
            let role = c.portal_role;
            let actions = manage.then(|| contact_actions(&c, feedback, on_changed));
            view! {
                <tr class="contact-row" data-id=c.id.to_string() data-access=access_state(&c.portal_access)>
                    <td class="cell-main">{c.name.clone()}</td>
                    <td class="cell-email"><a href=format!("mailto:{}", c.email) class="muted-link">{breakable_email(&c.email)}</a></td>
                    <td class="hide-sm">{move || i18n.t().portal_role_label(role)}</td>
                    <td>{access_cell(c.portal_access.clone())}</td>
                    <td class="muted date">{move || format_date(i18n.locale(), &created)}</td>
                    {actions.map(|a| view! { <td class="actions">{a}</td> })}
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
                        {manage.then(|| view! { <th class="actions">{move || i18n.t().actions}</th> })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The wire name of a contact's portal state, for `data-access` (tests and styling).
fn access_state(access: &PortalAccess) -> &'static str {
    match access {
        PortalAccess::NotInvited => "not_invited",
        PortalAccess::Invited { .. } => "invited",
        PortalAccess::InvitationExpired { .. } => "invitation_expired",
        PortalAccess::Active => "active",
        PortalAccess::Disabled => "disabled",
    }
}

/// The badge, plus how long the link works while an invitation is out.
fn access_cell(access: PortalAccess) -> impl IntoView {
    let i18n = use_i18n();
    let tone = match access {
        PortalAccess::NotInvited => "grey",
        PortalAccess::Invited { .. } => "blue",
        PortalAccess::InvitationExpired { .. } => "amber",
        PortalAccess::Active => "green",
        PortalAccess::Disabled => "red",
    };
    let until = match &access {
        PortalAccess::Invited { expires_at, .. } => Some(*expires_at),
        _ => None,
    };
    let label = Signal::derive(move || {
        let t = i18n.t();
        match access {
            PortalAccess::NotInvited => t.no_portal_account,
            PortalAccess::Invited { .. } => t.access_invited,
            PortalAccess::InvitationExpired { .. } => t.access_expired,
            PortalAccess::Active => t.user_active,
            PortalAccess::Disabled => t.user_disabled,
        }
        .to_owned()
    });
    view! {
        <div class="access-cell">
            <Badge tone=tone label=label />
            {until.map(|at| view! {
                <span class="access-note invited-until">
                    {move || fill(i18n.t().invited_until, &[&format_date(i18n.locale(), &at)])}
                </span>
            })}
        </div>
    }
}

/// Invite, resend or revoke, depending on where the contact stands.
fn contact_actions(c: &ContactView, feedback: RwSignal<Option<Feedback>>, on_changed: Callback<()>) -> AnyView {
    match c.portal_access {
        PortalAccess::NotInvited => view! {
            <InviteContactButton client=c.client_id contact=c.id feedback=feedback on_changed=on_changed />
        }
        .into_any(),
        PortalAccess::Invited { invitation_id, .. } => view! {
            <InvitationActions id=invitation_id email=c.email.clone() who=c.name.clone() expired=false revocable=true
                feedback=feedback on_changed=on_changed />
        }
        .into_any(),
        PortalAccess::InvitationExpired { invitation_id } => view! {
            <InvitationActions id=invitation_id email=c.email.clone() who=c.name.clone() expired=true
                feedback=feedback on_changed=on_changed />
        }
        .into_any(),
        PortalAccess::Active | PortalAccess::Disabled => ().into_any(),
    }
}

/// `button.invite-contact`: mails the contact a portal invitation.
#[component]
fn InviteContactButton(
    client: ClientId,
    contact: ContactId,
    feedback: RwSignal<Option<Feedback>>,
    on_changed: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = RwSignal::new(false);
    let invite = move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        feedback.set(None);
        spawn_local(async move {
            match api::invitations::invite_contact(client, contact).await {
                Ok(view) => {
                    feedback.set(Some(Feedback::Sent(view.email)));
                    on_changed.run(());
                }
                Err(e) => feedback.set(Some(Feedback::Failed(e))),
            }
            pending.set(false);
        });
    };
    view! {
        <button type="button" class="btn btn-small btn-primary invite-contact" disabled=move || pending.get()
            on:click=invite>
            {move || if pending.get() { i18n.t().sending } else { i18n.t().invite_to_portal }}
        </button>
    }
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
            position: None,
            phone: None,
            decision_maker: false,
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
