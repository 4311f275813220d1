//! `#agenda-card`: the meeting's agenda (`ul.agenda`) and `form#agenda-form` to add to it.

use super::MeetingCtx;
use crate::api::meetings as api;
use crate::components::{send_form, submit_handler, FormError, Notice, Problem};
use crate::i18n::use_i18n;
use crate::pages::meeting_parts::AgendaList;
use accord_api::meetings::{MeetingStatus, NewAgendaItem};
use accord_api::AgendaItemId;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn AgendaCard(ctx: MeetingCtx) -> impl IntoView {
    let i18n = use_i18n();
    let agenda = move || ctx.meeting.with(|m| m.agenda.clone());
    let problem = RwSignal::new(None::<Problem>);
    // Before the meeting is held, an item can go to the next meeting by hand (after it, items
    // not discussed go there on their own).
    let movable = Memo::new(move |_| ctx.meeting.with(|m| m.can_edit && m.summary.status == MeetingStatus::Scheduled));
    let on_move = Callback::new(move |item: AgendaItemId| {
        problem.set(None);
        spawn_local(async move {
            match api::move_agenda(item).await {
                Ok(()) => ctx.meeting.update(|m| m.agenda.retain(|a| a.id != item)),
                Err(e) => problem.set(Some(Problem::Api(e))),
            }
        });
    });
    view! {
        <div class="card" id="agenda-card">
            <h2 class="card-title">{move || i18n.t().meetings().agenda_title}</h2>
            {move || if movable.get() {
                view! { <AgendaList agenda=agenda() on_move=on_move /> }.into_any()
            } else {
                view! { <AgendaList agenda=agenda() /> }.into_any()
            }}
            <FormError id="agenda-move-error" problem=problem />
            <Show when=move || ctx.meeting.with(|m| m.can_edit)>
                <AgendaForm ctx=ctx />
            </Show>
        </div>
    }
}

#[component]
fn AgendaForm(ctx: MeetingCtx) -> impl IntoView {
    let i18n = use_i18n();
    let id = ctx.id;
    let title = RwSignal::new(String::new());
    let details = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let read = move || -> Result<NewAgendaItem, Problem> {
        Ok(NewAgendaItem {
            title: title.get_untracked().trim().to_owned(),
            details: Some(details.get_untracked().trim().to_owned()).filter(|d| !d.is_empty()),
            backlog_item_id: None,
        })
    };
    let on_submit = submit_handler(pending, saved, problem, read, move |input: NewAgendaItem| {
        send_form(pending, saved, problem, async move { api::add_agenda(id, &input).await }, move |item| {
            ctx.meeting.update(|m| m.agenda.push(item));
            title.set(String::new());
            details.set(String::new());
        });
    });
    view! {
        <form id="agenda-form" class="form agenda-form" on:submit=on_submit novalidate=true>
            <h3 class="roadmap-form-title">{move || i18n.t().meetings_staff().add_agenda}</h3>
            <div class="field">
                <label for="agenda-title">{move || i18n.t().meetings_staff().item_title}</label>
                <input id="agenda-title" name="title" type="text" required=true maxlength="300" autocomplete="off" bind:value=title />
            </div>
            <div class="field">
                <label for="agenda-details">{move || i18n.t().meetings_staff().item_details}</label>
                <textarea id="agenda-details" name="details" rows="2" maxlength="5000" bind:value=details></textarea>
            </div>
            <FormError id="agenda-error" problem=problem />
            <div class="form-actions form-actions-start">
                <button type="submit" id="agenda-submit" class="btn btn-primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t().common().adding } else { i18n.t().common().add }}
                </button>
            </div>
            <Show when=move || saved.get()>
                <Notice text=Signal::derive(move || i18n.t().meetings_staff().agenda_added.to_owned()) />
            </Show>
        </form>
    }
}
