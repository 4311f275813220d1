//! Pieces shared by the places where staff manage invitations (the team page for colleagues,
//! a client's contacts for the portal): the Resend/Revoke buttons and the line that reports
//! what just happened.

use crate::api::{self, ApiError};
use crate::components::{Badge, ErrorBanner, InlineConfirm, Notice};
use crate::i18n::{fill, invitation_error_text, use_i18n};
use accord_api::invitations::InvitationState;
use accord_api::InvitationId;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The outcome of the last invitation action on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Feedback {
    /// Sent (or sent again) to this address.
    Sent(String),
    /// Withdrawn; the name or address it was for.
    Revoked(String),
    Failed(ApiError),
}

/// The notice or error banner for `feedback`, or nothing.
pub fn feedback_view(feedback: RwSignal<Option<Feedback>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        feedback.get().map(|f| match f {
            Feedback::Sent(to) => {
                view! { <Notice text=Signal::derive(move || fill(i18n.t().invitations().invitation_sent, &[&to])) /> }
                    .into_any()
            }
            Feedback::Revoked(who) => {
                view! { <Notice text=Signal::derive(move || fill(i18n.t().invitations().invitation_revoked, &[&who])) /> }
                    .into_any()
            }
            Feedback::Failed(error) => view! { <ErrorBanner error=error describe=invitation_error_text /> }.into_any(),
        })
    }
}

/// A pending invitation is blue, an expired one amber.
pub fn invitation_state_badge(state: InvitationState) -> impl IntoView {
    let i18n = use_i18n();
    let tone = match state {
        InvitationState::Pending => "blue",
        InvitationState::Expired => "amber",
        InvitationState::Accepted => "green",
        InvitationState::Revoked => "grey",
    };
    view! { <Badge tone=tone label=Signal::derive(move || i18n.t().invitation_state(state).to_owned()) /> }
}

/// `button.resend-invitation` ("Resend", or "Send again" once expired) and, when `revocable`,
/// `button.revoke-invitation` with an inline confirmation (`.confirm-revoke` / `.cancel-revoke`).
/// `email` is where a resent link goes; `who` names the person in the confirmation.
#[component]
pub fn InvitationActions(
    id: InvitationId,
    email: String,
    who: String,
    expired: bool,
    #[prop(optional)] revocable: bool,
    feedback: RwSignal<Option<Feedback>>,
    /// Called after a successful action, to reload the list.
    on_changed: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let email = StoredValue::new(email);
    let who = StoredValue::new(who);

    let resend = move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        feedback.set(None);
        spawn_local(async move {
            match api::invitations::resend(id).await {
                Ok(view) => {
                    feedback.set(Some(Feedback::Sent(view.email)));
                    on_changed.run(());
                }
                Err(e) => feedback.set(Some(Feedback::Failed(e))),
            }
            pending.set(false);
        });
    };
    let revoke = Callback::new(move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        feedback.set(None);
        spawn_local(async move {
            match api::invitations::revoke(id).await {
                Ok(_) => {
                    feedback.set(Some(Feedback::Revoked(email.get_value())));
                    on_changed.run(());
                }
                Err(e) => feedback.set(Some(Feedback::Failed(e))),
            }
            pending.set(false);
            confirming.set(false);
        });
    });

    move || {
        if confirming.get() {
            view! {
                <InlineConfirm action="revoke" pending=pending label=|t| t.invitations().revoke on_confirm=revoke
                    text=Signal::derive(move || fill(i18n.t().invitations().confirm_revoke, &[&who.get_value()]))
                    on_cancel=Callback::new(move |_| confirming.set(false)) />
            }
            .into_any()
        } else {
            view! {
                <div class="row-buttons">
                    <button type="button" class="btn btn-small resend-invitation" disabled=move || pending.get()
                        on:click=resend>
                        {move || if expired { i18n.t().invitations().send_again } else { i18n.t().invitations().resend }}
                    </button>
                    <Show when=move || revocable>
                        <button type="button" class="btn btn-small btn-danger-ghost revoke-invitation"
                            disabled=move || pending.get() on:click=move |_| confirming.set(true)>
                            {move || i18n.t().invitations().revoke}
                        </button>
                    </Show>
                </div>
            }
            .into_any()
        }
    }
}
