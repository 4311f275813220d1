//! The client's Promises tab (`/app/clients/:id/promises`): agency action items and promises made
//! outside meetings, each with done and renegotiate; and `form#promise-form` for a new promise.

use super::super::frame::use_client;
use crate::api::{self, meetings as meetings_api};
use crate::components::{
    async_view, send_form, submit_handler, EmptyState, FieldError, FormErrorExcept, Notice, Problem,
};
use crate::i18n::{parse_day_input, use_i18n};
use crate::pages::meetings::StaffActionItem;
use crate::routes::{ClientTab, Route};
use accord_api::meetings::{ActionItemView, NewPromise};
use accord_api::{ClientId, ContactId, UserId};
use leptos::prelude::*;
use leptos_router::components::A;

const INLINE: &[&str] = &["title", "due_on"];

#[component]
pub fn PromisesTab() -> impl IntoView {
    let i18n = use_i18n();
    let Some(ctx) = use_client() else {
        return ().into_any();
    };
    let client = ctx.id();
    let can_edit = ctx.can_edit();
    let promises = LocalResource::new(move || meetings_api::client_promises(client));
    view! {
        <div class="tab-grid tab-grid-wide-side promises-tab">
            <div class="tab-main">
                <p class="tab-links">
                    <A href=Route::StaffClientTab(client, ClientTab::Meetings).path() attr:class="muted-link to-client-meetings">
                        {move || i18n.t().meetings_staff().to_meetings}
                    </A>
                </p>
                <div class="card" id="client-promises">
                    <h2 class="card-title">{move || i18n.t().meetings_staff().client_promises_title}</h2>
                    {async_view(promises, move |list| view! { <PromiseList items=list can_edit=can_edit /> })}
                </div>
            </div>
            <aside class="tab-side">
                <Show when=move || can_edit.get()>
                    <PromiseForm client=client on_saved=Callback::new(move |_| promises.refetch()) />
                </Show>
            </aside>
        </div>
    }
    .into_any()
}

#[component]
fn PromiseList(items: Vec<ActionItemView>, can_edit: Memo<bool>) -> impl IntoView {
    if items.is_empty() {
        return view! {
            <EmptyState title=|t| t.meetings_staff().no_client_promises hint=|t| t.meetings_staff().no_client_promises_hint />
        }
        .into_any();
    }
    view! {
        <ul class="action-items promises-list">
            {items.into_iter().map(|i| view! { <StaffActionItem item=i can_edit=can_edit /> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn PromiseForm(client: ClientId, on_saved: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let contacts = LocalResource::new(move || api::clients::contacts(client));
    let staff = LocalResource::new(api::staff::directory);
    let title = RwSignal::new(String::new());
    let contact = RwSignal::new(None::<ContactId>);
    let words = RwSignal::new(String::new());
    let assignee = RwSignal::new(None::<UserId>);
    let due = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let read = move || -> Result<NewPromise, Problem> {
        Ok(NewPromise {
            title: title.get_untracked().trim().to_owned(),
            contact_id: contact.get_untracked(),
            promised_to: Some(words.get_untracked().trim().to_owned()).filter(|w| !w.is_empty()),
            assignee_staff: assignee.get_untracked(),
            due_on: parse_day_input(&due.get_untracked()).ok().flatten().ok_or(Problem::Unreadable("due_on"))?,
        })
    };
    let on_submit = submit_handler(pending, saved, problem, read, move |input: NewPromise| {
        let request = async move { meetings_api::create_promise(client, &input).await };
        send_form(pending, saved, problem, request, move |_| {
            title.set(String::new());
            words.set(String::new());
            due.set(String::new());
            on_saved.run(());
        });
    });
    let contact_options = move || {
        contacts
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter(|c| c.left_at.is_none())
            .map(|c| {
                let id = c.id;
                view! { <option value=id.to_string() selected=move || contact.get() == Some(id)>{c.name}</option> }
            })
            .collect_view()
    };
    let staff_options = move || {
        staff
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|m| {
                let id = m.id;
                view! { <option value=id.to_string() selected=move || assignee.get() == Some(id)>{m.name}</option> }
            })
            .collect_view()
    };
    let invalid = move |field: &'static str| {
        move || problem.with(|p| p.as_ref().and_then(Problem::field) == Some(field)).to_string()
    };
    view! {
        <div class="card" id="promise-form-card">
            <h2 class="card-title">{move || i18n.t().meetings_staff().new_promise}</h2>
            <form id="promise-form" class="form promise-form" on:submit=on_submit novalidate=true>
                <div class="field-wrap">
                    <div class="field">
                        <label for="promise-title">{move || i18n.t().meetings_staff().col_promise}</label>
                        <input id="promise-title" name="title" type="text" required=true maxlength="300" autocomplete="off"
                            aria-invalid=invalid("title") bind:value=title />
                    </div>
                    <FieldError field="title" problem=problem />
                </div>
                <div class="field">
                    <label for="promise-contact">{move || i18n.t().meetings_staff().promise_to_contact}</label>
                    <select id="promise-contact" name="contact_id"
                        prop:value=move || contact.get().map(|c| c.to_string()).unwrap_or_default()
                        on:change=move |ev| contact.set(event_target_value(&ev).parse().ok())>
                        <option value="" selected=move || contact.get().is_none()>{move || i18n.t().meetings_staff().nobody}</option>
                        {contact_options}
                    </select>
                </div>
                <div class="field">
                    <label for="promise-to">{move || i18n.t().meetings_staff().promise_to_words}</label>
                    <input id="promise-to" name="promised_to" type="text" maxlength="200" autocomplete="off" bind:value=words />
                </div>
                <div class="field">
                    <label for="promise-assignee">{move || i18n.t().meetings_staff().assignee}</label>
                    <select id="promise-assignee" name="assignee_staff"
                        prop:value=move || assignee.get().map(|a| a.to_string()).unwrap_or_default()
                        on:change=move |ev| assignee.set(event_target_value(&ev).parse().ok())>
                        <option value="" selected=move || assignee.get().is_none()>{move || i18n.t().meetings().no_assignee}</option>
                        {staff_options}
                    </select>
                </div>
                <div class="field-wrap">
                    <div class="field">
                        <label for="promise-due">{move || i18n.t().meetings_staff().due_on}</label>
                        <input id="promise-due" name="due_on" type="date" required=true aria-invalid=invalid("due_on") bind:value=due />
                    </div>
                    <FieldError field="due_on" problem=problem />
                </div>
                <FormErrorExcept id="promise-error" problem=problem inline=INLINE />
                <div class="form-actions form-actions-start">
                    <button type="submit" id="promise-submit" class="btn btn-primary" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t().common().saving } else { i18n.t().common().add }}
                    </button>
                </div>
                <Show when=move || saved.get()>
                    <Notice text=Signal::derive(move || i18n.t().meetings_staff().promise_created.to_owned()) />
                </Show>
            </form>
        </div>
    }
}
