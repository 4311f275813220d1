//! "Pending invitations": colleagues invited but not signed up yet, with Resend and Revoke.

use crate::api::ApiError;
use crate::components::{async_view, breakable_email, EmptyState};
use crate::i18n::{format_date, use_i18n};
use crate::pages::invitations::{feedback_view, invitation_state_badge, Feedback, InvitationActions};
use accord_api::invitations::{InvitationState, InvitationView};
use leptos::prelude::*;

#[component]
pub fn PendingInvitations(invitations: LocalResource<Result<Vec<InvitationView>, ApiError>>) -> impl IntoView {
    let i18n = use_i18n();
    let feedback = RwSignal::new(None::<Feedback>);
    let reload = Callback::new(move |_| invitations.refetch());
    view! {
        <div class="card card-flush" id="staff-invitations">
            <div class="card-head">
                <h2 class="card-title">{move || i18n.t().team().pending_invitations}</h2>
            </div>
            <div class="card-feedback">{feedback_view(feedback)}</div>
            {async_view(invitations, move |list| view! {
                <InvitationsTable invitations=list feedback=feedback on_changed=reload />
            })}
        </div>
    }
}

#[component]
fn InvitationsTable(
    invitations: Vec<InvitationView>,
    feedback: RwSignal<Option<Feedback>>,
    on_changed: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    if invitations.is_empty() {
        return view! {
            <div id="no-invitations">
                <EmptyState title=|t| t.team().no_invitations hint=|t| t.team().no_invitations_hint />
            </div>
        }
        .into_any();
    }
    let rows = invitations
        .into_iter()
        .map(|inv| {
            let expires = inv.expires_at;
            let role = inv.staff_role;
            let state = inv.state;
            let expired = state == InvitationState::Expired;
            view! {
                <tr class="invitation-row" class:row-expired=expired data-id=inv.id.to_string()>
                    <td class="cell-main cell-email invitation-email">{breakable_email(&inv.email)}</td>
                    <td class="hide-sm invitation-name">{inv.name.clone()}</td>
                    <td>{move || role.map(|r| i18n.t().staff_role(r))}</td>
                    <td class="invitation-state">{invitation_state_badge(state)}</td>
                    <td class="muted date">{move || format_date(i18n.locale(), &expires)}</td>
                    <td class="num hide-sm invitation-sent">{inv.sent_count}</td>
                    <td class="actions">
                        <InvitationActions id=inv.id email=inv.email.clone() who=inv.name.clone() expired=expired
                            revocable=true feedback=feedback on_changed=on_changed />
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table" id="invitations-table">
                <thead>
                    <tr>
                        <th>{move || i18n.t().common().email}</th>
                        <th class="hide-sm">{move || i18n.t().common().name}</th>
                        <th>{move || i18n.t().common().role}</th>
                        <th>{move || i18n.t().common().status}</th>
                        <th class="date">{move || i18n.t().team().col_expires}</th>
                        <th class="num hide-sm">{move || i18n.t().team().col_sent}</th>
                        <th class="actions">{move || i18n.t().common().actions}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
