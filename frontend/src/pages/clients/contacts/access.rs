//! A contact's portal access: the badge, and the invite / resend / revoke buttons.

use crate::api;
use crate::components::Badge;
use crate::i18n::{fill, format_date, use_i18n};
use crate::pages::invitations::{Feedback, InvitationActions};
use accord_api::clients::{ContactView, PortalAccess};
use accord_api::{ClientId, ContactId};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The wire name of a contact's portal state, for `data-access` (tests and styling).
pub fn access_state(access: &PortalAccess) -> &'static str {
    match access {
        PortalAccess::NotInvited => "not_invited",
        PortalAccess::Invited { .. } => "invited",
        PortalAccess::InvitationExpired { .. } => "invitation_expired",
        PortalAccess::Active => "active",
        PortalAccess::Disabled => "disabled",
    }
}

/// The badge, plus how long the link works while an invitation is out.
pub fn access_cell(access: PortalAccess) -> impl IntoView {
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
            PortalAccess::NotInvited => t.contacts().no_portal_account,
            PortalAccess::Invited { .. } => t.contacts().access_invited,
            PortalAccess::InvitationExpired { .. } => t.contacts().access_expired,
            PortalAccess::Active => t.contacts().user_active,
            PortalAccess::Disabled => t.contacts().user_disabled,
        }
        .to_owned()
    });
    view! {
        <div class="access-cell">
            <Badge tone=tone label=label />
            {until.map(|at| view! {
                <span class="access-note invited-until">
                    {move || fill(i18n.t().contacts().invited_until, &[&format_date(i18n.locale(), &at)])}
                </span>
            })}
        </div>
    }
}

/// Invite, resend or revoke, depending on where the contact stands.
pub fn invitation_actions(c: &ContactView, feedback: RwSignal<Option<Feedback>>, on_changed: Callback<()>) -> AnyView {
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
            {move || if pending.get() { i18n.t().common().sending } else { i18n.t().contacts().invite_to_portal }}
        </button>
    }
}
