//! The contact form: `form#new-contact-form` under the table, and the same fields inline in a
//! row when a contact is edited (`form#edit-contact-form`).

use crate::api;
use crate::components::{names_field, FieldError, FormErrorExcept, Notice, Problem, TextField};
use crate::i18n::use_i18n;
use accord_api::clients::{ContactView, CreateContactRequest, PortalAccess};
use accord_api::{ClientId, PortalRole};
use leptos::prelude::*;
use leptos::task::spawn_local;

const INLINE: &[&str] = &["name", "email", "position", "phone"];

/// Element ids of one copy of the form (the add form and the inline edit form coexist).
struct Ids {
    form: &'static str,
    name: &'static str,
    email: &'static str,
    position: &'static str,
    phone: &'static str,
    role: &'static str,
    decision_maker: &'static str,
    submit: &'static str,
    error: &'static str,
}

const NEW: Ids = Ids {
    form: "new-contact-form",
    name: "contact-name",
    email: "contact-email",
    position: "contact-position",
    phone: "contact-phone",
    role: "contact-role",
    decision_maker: "contact-decision-maker",
    submit: "contact-submit",
    error: "contact-form-error",
};

const EDIT: Ids = Ids {
    form: "edit-contact-form",
    name: "edit-contact-name",
    email: "edit-contact-email",
    position: "edit-contact-position",
    phone: "edit-contact-phone",
    role: "edit-contact-role",
    decision_maker: "edit-contact-decision-maker",
    submit: "edit-contact-submit",
    error: "edit-contact-error",
};

/// Adds a contact, or — given `editing` — changes that one. `on_saved` gets the saved contact.
#[component]
pub fn ContactForm(
    client: ClientId,
    #[prop(optional)] editing: Option<ContactView>,
    on_saved: Callback<ContactView>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ids = if editing.is_some() { &EDIT } else { &NEW };
    let start = editing.clone();
    let text =
        |get: fn(&ContactView) -> Option<String>| RwSignal::new(start.as_ref().and_then(get).unwrap_or_default());
    let name = text(|c| Some(c.name.clone()));
    let email = text(|c| Some(c.email.clone()));
    let position = text(|c| c.position.clone());
    let phone = text(|c| c.phone.clone());
    let role = RwSignal::new(start.as_ref().map_or(PortalRole::Viewer, |c| c.portal_role));
    let decision_maker = RwSignal::new(start.as_ref().is_some_and(|c| c.decision_maker));
    // Someone with a portal account signs in with this address; the server refuses a change.
    let email_locked =
        start.as_ref().is_some_and(|c| matches!(c.portal_access, PortalAccess::Active | PortalAccess::Disabled));
    let editing_id = start.as_ref().map(|c| c.id);
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let added = RwSignal::new(false);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let optional = |s: RwSignal<String>| Some(s.get_untracked().trim().to_owned()).filter(|v| !v.is_empty());
        let request = CreateContactRequest {
            name: name.get_untracked().trim().to_owned(),
            email: email.get_untracked().trim().to_owned(),
            portal_role: role.get_untracked(),
            position: optional(position),
            phone: optional(phone),
            decision_maker: decision_maker.get_untracked(),
        };
        pending.set(true);
        problem.set(None);
        added.set(false);
        spawn_local(async move {
            let result = match editing_id {
                Some(contact) => api::clients::update_contact(client, contact, &request).await,
                None => api::clients::create_contact(client, &request).await,
            };
            match result {
                Ok(saved) => {
                    if editing_id.is_none() {
                        for field in [name, email, position, phone] {
                            field.set(String::new());
                        }
                        role.set(PortalRole::Viewer);
                        decision_maker.set(false);
                        added.set(true);
                    }
                    on_saved.run(saved);
                }
                Err(e) => problem.set(Some(Problem::Api(e))),
            }
            pending.set(false);
        });
    };

    let submit_label = move || match (pending.get(), editing_id.is_some()) {
        (true, true) => i18n.t().common().saving,
        (true, false) => i18n.t().common().adding,
        (false, true) => i18n.t().common().save,
        (false, false) => i18n.t().common().add,
    };
    let form_class = if editing_id.is_some() { "form contact-form contact-edit-form" } else { "form contact-form" };
    let submit_class = if editing_id.is_some() { "btn btn-primary save-contact" } else { "btn btn-primary" };
    view! {
        <form id=ids.form class=form_class on:submit=on_submit>
            <div class="form-grid">
                <div class="field-wrap">
                    <TextField id=ids.name label=|t| t.contacts().contact_name value=name required=true maxlength=200
                        invalid=names_field(problem, "name") />
                    <FieldError field="name" problem=problem />
                </div>
                <div class="field-wrap">
                    <TextField id=ids.email label=|t| t.common().email value=email kind="email" required=true maxlength=254
                        readonly=email_locked invalid=names_field(problem, "email") />
                    {email_locked.then(|| view! { <p class="field-hint">{move || i18n.t().contacts().email_locked_hint}</p> })}
                    <FieldError field="email" problem=problem />
                </div>
                <div class="field-wrap">
                    <TextField id=ids.position label=|t| t.contacts().position value=position maxlength=200
                        placeholder=|t| t.contacts().position_placeholder invalid=names_field(problem, "position") />
                    <FieldError field="position" problem=problem />
                </div>
                <div class="field-wrap">
                    <TextField id=ids.phone label=|t| t.contacts().phone value=phone kind="tel" maxlength=50
                        placeholder=|t| t.contacts().phone_placeholder invalid=names_field(problem, "phone") />
                    <FieldError field="phone" problem=problem />
                </div>
                <div class="field">
                    <label for=ids.role>{move || i18n.t().contacts().portal_role}</label>
                    <select
                        id=ids.role
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
                <div class="field field-check">
                    <label class="check">
                        <input type="checkbox" id=ids.decision_maker bind:checked=decision_maker />
                        <span>{move || i18n.t().contacts().decision_maker}</span>
                    </label>
                    <p class="field-hint">{move || i18n.t().contacts().decision_maker_hint}</p>
                </div>
            </div>
            <FormErrorExcept id=ids.error problem=problem inline=INLINE />
            <div class="form-actions form-actions-start">
                <button id=ids.submit type="submit" class=submit_class disabled=move || pending.get()>
                    {submit_label}
                </button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" class="btn btn-ghost cancel-edit-contact" on:click=move |_| cancel.run(())>
                        {move || i18n.t().common().cancel}
                    </button>
                })}
                <Show when=move || added.get()>
                    <Notice text=Signal::derive(move || i18n.t().contacts().contact_added.to_owned()) />
                </Show>
            </div>
        </form>
    }
}
