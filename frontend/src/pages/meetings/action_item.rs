//! `li.action-item[data-id][data-state][data-side]` for staff: the item's facts, "done" / "reopen",
//! and for agency promises "move the date" with a new date and a reason (the client's approver
//! confirms it in the portal). On a held meeting's page, the new date can instead be recorded
//! as a decision of its minutes (`record_in`): acknowledging those minutes agrees it.

use crate::api::meetings as api;
use crate::api::ApiError;
use crate::components::Problem;
use crate::i18n::{parse_day_input, use_i18n};
use crate::pages::meeting_parts::ActionItemFacts;
use accord_api::meetings::{ActionItemView, MarkDone, Renegotiate, Side};
use accord_api::MeetingId;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn StaffActionItem(
    item: ActionItemView,
    #[prop(into)] can_edit: Signal<bool>,
    #[prop(optional)] show_client: bool,
    /// A held meeting whose minutes may record a new date as a decision.
    #[prop(default = None)]
    record_in: Option<MeetingId>,
    /// Called after a new date went into those minutes (the meeting's decisions changed).
    #[prop(optional)]
    on_recorded: Option<Callback<()>>,
) -> impl IntoView {
    let current = RwSignal::new(item);
    let target = Target { record_in, on_recorded };
    view! {
        {move || {
            let item = current.get();
            view! { <ActionItemRow item=item can_edit=can_edit show_client=show_client current=current target=target /> }
        }}
    }
}

/// Where a renegotiation may be recorded besides the portal confirmation.
#[derive(Clone, Copy)]
struct Target {
    record_in: Option<MeetingId>,
    on_recorded: Option<Callback<()>>,
}

#[component]
fn ActionItemRow(
    item: ActionItemView,
    can_edit: Signal<bool>,
    show_client: bool,
    current: RwSignal<ActionItemView>,
    target: Target,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = item.id;
    let done = item.done_on.is_some();
    let renegotiable = item.side == Side::Agency && !done && item.pending.is_none();
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<Problem>);
    let renegotiating = RwSignal::new(false);
    let new_date = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let in_minutes = RwSignal::new(target.record_in.is_some());

    // The fresh answer replaces the whole row (its state, dates, renegotiations).
    let run = move |request: std::pin::Pin<Box<dyn std::future::Future<Output = Result<ActionItemView, ApiError>>>>,
                    recorded: bool| {
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match request.await {
                Ok(fresh) => {
                    current.set(fresh);
                    if let (true, Some(done)) = (recorded, target.on_recorded) {
                        done.run(());
                    }
                }
                Err(e) => error.set(Some(Problem::Api(e))),
            }
            pending.set(false);
        });
    };
    let toggle_done = move |_| {
        if pending.get_untracked() {
            return;
        }
        let input = MarkDone { done: !done, on: None };
        run(Box::pin(async move { api::mark_done(id, &input).await }), false);
    };
    let send_renegotiation = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let Ok(Some(due_on)) = parse_day_input(&new_date.get_untracked()) else {
            error.set(Some(Problem::Unreadable("due_on")));
            return;
        };
        let meeting_id = target.record_in.filter(|_| in_minutes.get_untracked());
        let input = Renegotiate { due_on, reason: reason.get_untracked().trim().to_owned(), meeting_id };
        run(Box::pin(async move { api::renegotiate(id, &input).await }), meeting_id.is_some());
    };
    let field = format!("renegotiate-{id}");
    view! {
        <li class="action-item" data-id=id.to_string() data-state=item.state.as_str() data-side=item.side.as_str()>
            <ActionItemFacts item=item.clone() show_client=show_client />
            <Show when=move || can_edit.get()>
                <div class="row-buttons action-buttons">
                    <button type="button" class="btn btn-small btn-ghost mark-done" class:mark-open=done
                        disabled=move || pending.get() on:click=toggle_done>
                        {move || if done { i18n.t().meetings_staff().mark_open } else { i18n.t().meetings_staff().mark_done }}
                    </button>
                    {renegotiable.then(|| view! {
                        <button type="button" class="btn btn-small btn-ghost renegotiate" disabled=move || pending.get()
                            on:click=move |_| renegotiating.update(|r| *r = !*r)>
                            {move || i18n.t().meetings_staff().renegotiate}
                        </button>
                    })}
                </div>
            </Show>
            <Show when=move || renegotiating.get()>
                <form class="form form-inline renegotiate-form" on:submit=send_renegotiation novalidate=true>
                    <div class="field">
                        <label for=format!("{field}-date")>{move || i18n.t().meetings_staff().new_date}</label>
                        <input id=format!("{field}-date") name="due_on" type="date" required=true bind:value=new_date />
                    </div>
                    <div class="field">
                        <label for=format!("{field}-reason")>{move || i18n.t().meetings_staff().reason}</label>
                        <input id=format!("{field}-reason") name="reason" type="text" required=true maxlength="1000" bind:value=reason />
                    </div>
                    {target.record_in.map(|_| view! {
                        <label class="check record-in-minutes">
                            <input type="checkbox" name="record_in_minutes" bind:checked=in_minutes />
                            <span>{move || i18n.t().meetings_staff().record_in_minutes}</span>
                        </label>
                    })}
                    <button type="submit" class="btn btn-small btn-primary send-renegotiation" disabled=move || pending.get()>
                        {move || i18n.t().meetings_staff().renegotiate_submit}
                    </button>
                </form>
            </Show>
            {move || error.get().map(|p| view! { <p class="form-error action-error" role="alert">{move || p.text(i18n.t())}</p> })}
        </li>
    }
}
