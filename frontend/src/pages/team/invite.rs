//! The "Invite a colleague" card: email, name and role; the mail goes out at once.

use crate::api;
use crate::components::{FormError, Notice, Problem, TextField};
use crate::i18n::{fill, use_i18n};
use crate::session::use_session;
use accord_api::auth::Membership;
use accord_api::invitations::InviteStaffRequest;
use accord_api::StaffRole;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Roles an admin may hand out; an owner may also invite another owner.
const INVITABLE: [StaffRole; 3] = [StaffRole::Admin, StaffRole::AccountManager, StaffRole::Specialist];

#[component]
pub fn InviteStaffForm(on_sent: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let email = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(StaffRole::Specialist);
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let sent_to = RwSignal::new(None::<String>);

    let is_owner = move || {
        session.me().is_some_and(|me| matches!(me.membership, Membership::Staff { role: StaffRole::Owner, .. }))
    };
    let roles = move || {
        let mut roles = Vec::with_capacity(4);
        if is_owner() {
            roles.push(StaffRole::Owner);
        }
        roles.extend(INVITABLE);
        roles
    };
    let email_invalid = Signal::derive(move || problem.with(|p| p.as_ref().and_then(|p| p.field()) == Some("email")));
    let name_invalid = Signal::derive(move || problem.with(|p| p.as_ref().and_then(|p| p.field()) == Some("name")));

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let request = InviteStaffRequest {
            email: email.get_untracked().trim().to_owned(),
            name: name.get_untracked().trim().to_owned(),
            role: role.get_untracked(),
            locale: None,
        };
        pending.set(true);
        problem.set(None);
        sent_to.set(None);
        spawn_local(async move {
            match api::invitations::invite_staff(&request).await {
                Ok(invitation) => {
                    email.set(String::new());
                    name.set(String::new());
                    sent_to.set(Some(invitation.email));
                    on_sent.run(());
                }
                Err(e) => problem.set(Some(Problem::Invitation(e))),
            }
            pending.set(false);
        });
    };

    view! {
        <div class="card" id="invite-staff">
            <h2 class="card-title">{move || i18n.t().team().invite_colleague}</h2>
            <form id="invite-staff-form" class="form form-inline" on:submit=on_submit>
                <TextField id="invite-email" label=|t| t.common().email value=email kind="email" required=true maxlength=254 invalid=email_invalid />
                <TextField id="invite-name" label=|t| t.common().name value=name required=true maxlength=200 invalid=name_invalid />
                <div class="field">
                    <label for="invite-role">{move || i18n.t().common().role}</label>
                    <select
                        id="invite-role"
                        prop:value=move || role.get().as_str()
                        on:change=move |ev| {
                            if let Some(r) = StaffRole::parse(&event_target_value(&ev)) {
                                role.set(r);
                            }
                        }
                    >
                        {move || roles().into_iter().map(|r| view! {
                            <option value=r.as_str() selected=move || role.get() == r>
                                {move || i18n.t().staff_role(r)}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <button id="invite-submit" type="submit" class="btn btn-primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t().common().sending } else { i18n.t().team().invite_send }}
                </button>
            </form>
            <p class="field-hint form-footnote">{move || i18n.t().team().invite_colleague_hint}</p>
            <FormError id="invite-error" problem=problem />
            {move || sent_to.get().map(|to| view! {
                <Notice text=Signal::derive(move || fill(i18n.t().invitations().invitation_sent, &[&to])) />
            })}
        </div>
    }
}
