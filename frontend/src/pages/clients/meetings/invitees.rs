//! `fieldset.invitees`: whom a meeting or series invites (and mails the calendar file). By
//! default the account manager and every contact with portal access; "Choose" shows the agency's
//! staff and the client's contacts as checkboxes (`invitee_staff`, `invitee_contact`). Contacts
//! without portal access are listed but receive no mail.

use crate::api;
use crate::components::{FieldError, Problem};
use crate::i18n::use_i18n;
use accord_api::clients::PortalAccess;
use accord_api::meetings::Invitees;
use accord_api::{ClientId, ContactId, UserId};
use leptos::prelude::*;

/// The picker's state; `read` gives what the form sends.
#[derive(Clone, Copy)]
pub struct InviteeChoice {
    custom: RwSignal<bool>,
    staff: RwSignal<Vec<UserId>>,
    contacts: RwSignal<Vec<ContactId>>,
}

impl InviteeChoice {
    pub fn new(start: Option<&Invitees>) -> Self {
        InviteeChoice {
            custom: RwSignal::new(start.is_some()),
            staff: RwSignal::new(start.map(|i| i.staff.clone()).unwrap_or_default()),
            contacts: RwSignal::new(start.map(|i| i.contacts.clone()).unwrap_or_default()),
        }
    }

    pub fn read(&self) -> Option<Invitees> {
        self.custom
            .get_untracked()
            .then(|| Invitees { staff: self.staff.get_untracked(), contacts: self.contacts.get_untracked() })
    }
}

fn toggle<T: PartialEq + Copy + Send + Sync + 'static>(list: RwSignal<Vec<T>>, value: T, on: bool) {
    list.update(|l| {
        l.retain(|v| *v != value);
        if on {
            l.push(value);
        }
    });
}

#[component]
pub fn InviteesField(
    client: ClientId,
    prefix: &'static str,
    choice: InviteeChoice,
    problem: RwSignal<Option<Problem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let directory = LocalResource::new(api::staff::directory);
    let contacts = LocalResource::new(move || api::clients::contacts(client));
    let staff_boxes = move || {
        let people = directory.get().and_then(Result::ok).unwrap_or_default();
        people
            .into_iter()
            .filter(|m| m.status == accord_api::UserStatus::Active)
            .map(|m| {
                let uid = m.id;
                view! {
                    <label class="check invitee">
                        <input type="checkbox" name="invitee_staff" value=uid.to_string()
                            prop:checked=move || choice.staff.with(|s| s.contains(&uid))
                            on:change=move |ev| toggle(choice.staff, uid, event_target_checked(&ev)) />
                        {m.name}
                    </label>
                }
            })
            .collect_view()
    };
    let contact_boxes = move || {
        let people = contacts.get().and_then(Result::ok).unwrap_or_default();
        people
            .into_iter()
            .filter(|c| c.left_at.is_none())
            .map(|c| {
                let cid = c.id;
                let mailed = c.portal_access == PortalAccess::Active;
                view! {
                    <label class="check invitee">
                        <input type="checkbox" name="invitee_contact" value=cid.to_string()
                            prop:checked=move || choice.contacts.with(|s| s.contains(&cid))
                            on:change=move |ev| toggle(choice.contacts, cid, event_target_checked(&ev)) />
                        {c.name}
                        {(!mailed).then(|| view! { <span class="muted invitee-no-mail">{move || i18n.t().meetings_staff().invitee_no_portal}</span> })}
                    </label>
                }
            })
            .collect_view()
    };
    let name = format!("{prefix}-invite-mode");
    let name2 = name.clone();
    view! {
        <fieldset class="form-section invitees" id=format!("{prefix}-invitees")>
            <legend>{move || i18n.t().meetings_staff().invitees_title}</legend>
            <label class="check">
                <input type="radio" name=name value="default" prop:checked=move || !choice.custom.get()
                    on:change=move |_| choice.custom.set(false) />
                {move || i18n.t().meetings_staff().invitees_default}
            </label>
            <label class="check">
                <input type="radio" name=name2 value="custom" class="invitees-choose" prop:checked=move || choice.custom.get()
                    on:change=move |_| choice.custom.set(true) />
                {move || i18n.t().meetings_staff().invitees_choose}
            </label>
            <Show when=move || choice.custom.get()>
                <div class="form-grid">
                    <div class="field invitees-staff">
                        <span class="field-label-static">{move || i18n.t().meetings_staff().attendees_staff}</span>
                        {staff_boxes}
                    </div>
                    <div class="field invitees-contacts">
                        <span class="field-label-static">{move || i18n.t().meetings_staff().attendees_contacts}</span>
                        {contact_boxes}
                    </div>
                </div>
            </Show>
            <FieldError field="invitees.staff" problem=problem />
            <FieldError field="invitees.contacts" problem=problem />
        </fieldset>
    }
}
