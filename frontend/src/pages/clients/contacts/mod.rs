//! The Contacts tab: the client's people with portal access and invitations, editing in place,
//! "left the client" with a successor, the add form, and the history of changes.

mod access;
mod form;
mod history;
mod left;

use super::frame::use_client;
use crate::api;
use crate::components::{async_view, breakable_email, EmptyState, Notice};
use crate::i18n::{fill, format_day, use_i18n};
use crate::pages::invitations::{feedback_view, Feedback};
use access::{access_cell, access_state, invitation_actions};
use accord_api::clients::ContactView;
use accord_api::{ClientId, ContactId};
use form::ContactForm;
use history::ContactHistory;
use left::LeavePanel;
use leptos::prelude::*;

/// What the last row action did, shown above the table.
#[derive(Clone, Debug, PartialEq)]
enum Done {
    Saved(String),
    Left(String),
}

/// Row state shared by the table: which contact is being edited or marked as gone.
#[derive(Clone, Copy)]
struct RowState {
    client: ClientId,
    manage: bool,
    editing: RwSignal<Option<ContactId>>,
    leaving: RwSignal<Option<ContactId>>,
    feedback: RwSignal<Option<Feedback>>,
    done: RwSignal<Option<Done>>,
    on_changed: Callback<()>,
}

#[component]
pub fn ContactsTab() -> impl IntoView {
    let i18n = use_i18n();
    let Some(ctx) = use_client() else {
        return ().into_any();
    };
    let client = ctx.id();
    let can_edit = ctx.can_edit();
    let contacts = LocalResource::new(move || api::clients::contacts(client));
    let history = LocalResource::new(move || api::clients::contact_history(client));
    let feedback = RwSignal::new(None::<Feedback>);
    let done = RwSignal::new(None::<Done>);
    let on_changed = Callback::new(move |_| {
        contacts.refetch();
        history.refetch();
        // The contact count in the list and the header follow.
        ctx.refresh();
    });
    let state = RowState {
        client,
        manage: can_edit.get_untracked(),
        editing: RwSignal::new(None),
        leaving: RwSignal::new(None),
        feedback,
        done,
        on_changed,
    };
    let done_view = move || {
        done.get().map(|d| {
            let text = Signal::derive(move || match &d {
                Done::Saved(name) => fill(i18n.t().contacts().contact_saved, &[name]),
                Done::Left(name) => fill(i18n.t().contacts().contact_left_done, &[name]),
            });
            view! { <Notice text=text /> }
        })
    };
    view! {
        <div class="card card-flush">
            <div class="card-head">
                <h2 class="card-title">{move || i18n.t().contacts().contacts_title}</h2>
            </div>
            <div class="card-feedback">{feedback_view(feedback)}{done_view}</div>
            {async_view(contacts, move |list| view! { <ContactsTable contacts=list state=state /> })}
        </div>
        <Show when=move || can_edit.get()>
            <div class="card">
                <h2 class="card-title">{move || i18n.t().contacts().add_contact}</h2>
                <ContactForm client=client on_saved=Callback::new(move |_| on_changed.run(())) />
            </div>
        </Show>
        <ContactHistory history=history />
    }
    .into_any()
}

#[component]
fn ContactsTable(contacts: Vec<ContactView>, state: RowState) -> impl IntoView {
    let i18n = use_i18n();
    if contacts.is_empty() {
        return view! { <EmptyState title=|t| t.contacts().no_contacts hint=|t| t.contacts().no_contacts_hint /> }
            .into_any();
    }
    let names: Vec<(ContactId, String)> = contacts.iter().map(|c| (c.id, c.name.clone())).collect();
    let current: Vec<(ContactId, String)> =
        contacts.iter().filter(|c| c.left_at.is_none()).map(|c| (c.id, c.name.clone())).collect();
    let columns = if state.manage { 6 } else { 5 };
    let rows = contacts
        .into_iter()
        .map(|c| {
            let successor = c.replaced_by.and_then(|r| names.iter().find(|(id, _)| *id == r).map(|(_, n)| n.clone()));
            let others: Vec<(ContactId, String)> = current.iter().filter(|(id, _)| *id != c.id).cloned().collect();
            view! { <ContactRow contact=c successor=successor others=others columns=columns state=state /> }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table" id="contacts-table">
                <thead>
                    <tr>
                        <th>{move || i18n.t().contacts().contact_name}</th>
                        <th>{move || i18n.t().common().email}</th>
                        <th class="hide-sm">{move || i18n.t().contacts().phone}</th>
                        <th class="hide-sm">{move || i18n.t().contacts().portal_role}</th>
                        <th>{move || i18n.t().contacts().portal_access}</th>
                        {state.manage.then(|| view! { <th class="actions">{move || i18n.t().common().actions}</th> })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn ContactRow(
    contact: ContactView,
    /// The name of whoever took over, for someone who left.
    successor: Option<String>,
    /// The client's other current contacts (possible successors).
    others: Vec<(ContactId, String)>,
    columns: usize,
    state: RowState,
) -> impl IntoView {
    let i18n = use_i18n();
    let c = contact;
    let id = c.id;
    let left_at = c.left_at;
    let role = c.portal_role;
    let phone = c.phone.clone();
    let left_note = left_at.map(|at| {
        let successor = successor.clone();
        move || {
            let day = format_day(i18n.locale(), &at.date_naive());
            match &successor {
                Some(name) => fill(i18n.t().contacts().left_on_replaced, &[&day, name]),
                None => fill(i18n.t().contacts().left_on, &[&day]),
            }
        }
    });
    let actions = (state.manage && left_at.is_none()).then(|| row_actions(&c, others, state));
    let editing_me = move || state.editing.get() == Some(id);
    let edit_row = {
        let c = c.clone();
        move || {
            editing_me().then(|| {
                let on_saved = Callback::new(move |saved: ContactView| {
                    state.editing.set(None);
                    state.done.set(Some(Done::Saved(saved.name)));
                    state.on_changed.run(());
                });
                view! {
                    <tr class="contact-edit-row">
                        <td colspan=columns>
                            <ContactForm client=state.client editing=c.clone() on_saved=on_saved
                                on_cancel=Callback::new(move |_| state.editing.set(None)) />
                        </td>
                    </tr>
                }
            })
        }
    };
    view! {
        <tr class="contact-row" class:row-left=left_at.is_some() class:row-editing=editing_me
            data-id=id.to_string() data-access=access_state(&c.portal_access) data-left=left_at.is_some().to_string()>
            <td class="cell-main">
                <div class="contact-name">
                    <span>{c.name.clone()}</span>
                    {c.decision_maker.then(|| view! {
                        <span class="badge badge-blue decision-maker" title=move || i18n.t().contacts().decision_maker_hint>
                            {move || i18n.t().contacts().decision_maker_short}
                        </span>
                    })}
                </div>
                {c.position.clone().map(|p| view! { <div class="contact-position">{p}</div> })}
                {left_note.map(|note| view! { <div class="left-note">{note}</div> })}
            </td>
            <td class="cell-email"><a href=format!("mailto:{}", c.email) class="muted-link">{breakable_email(&c.email)}</a></td>
            <td class="hide-sm contact-phone">
                {match phone {
                    Some(p) => {
                        let href = format!("tel:{}", p.replace([' ', '-', '(', ')'], ""));
                        view! { <a class="muted-link" href=href>{p}</a> }.into_any()
                    }
                    None => view! { <span class="muted">"—"</span> }.into_any(),
                }}
            </td>
            <td class="hide-sm">{move || i18n.t().portal_role_label(role)}</td>
            <td>{access_cell(c.portal_access.clone())}</td>
            {state.manage.then(|| view! { <td class="actions">{actions}</td> })}
        </tr>
        {edit_row}
    }
}

/// Invitation buttons, `button.edit-contact` and `button.contact-left` — or the leave panel.
fn row_actions(c: &ContactView, others: Vec<(ContactId, String)>, state: RowState) -> impl IntoView {
    let i18n = use_i18n();
    let id = c.id;
    let contact = StoredValue::new(c.clone());
    let others = StoredValue::new(others);
    move || {
        if state.leaving.get() == Some(id) {
            let on_done = Callback::new(move |gone: String| {
                state.leaving.set(None);
                state.done.set(Some(Done::Left(gone)));
                state.on_changed.run(());
            });
            return view! {
                <LeavePanel client=state.client contact=id name=contact.with_value(|c| c.name.clone())
                    others=others.get_value() on_done=on_done
                    on_cancel=Callback::new(move |_| state.leaving.set(None)) />
            }
            .into_any();
        }
        let invitations = contact.with_value(|c| invitation_actions(c, state.feedback, state.on_changed));
        view! {
            <div class="contact-actions">
                {invitations}
                <button type="button" class="btn btn-small edit-contact"
                    on:click=move |_| {
                        state.leaving.set(None);
                        state.editing.set(Some(id));
                    }>
                    {move || i18n.t().common().edit}
                </button>
                <button type="button" class="btn btn-small btn-danger-ghost contact-left"
                    on:click=move |_| {
                        state.editing.set(None);
                        state.leaving.set(Some(id));
                    }>
                    {move || i18n.t().contacts().contact_left_action}
                </button>
            </div>
        }
        .into_any()
    }
}
