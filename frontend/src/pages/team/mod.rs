//! `/app/team`: the agency's staff with role changes and enable/disable, inviting colleagues and
//! the invitations still waiting, the agency-wide settings, the report templates and the survey
//! settings (owners and admins).

mod invitations;
mod invite;
mod settings;
mod surveys;
mod templates;

use crate::api;
use crate::components::{async_view, Badge, ErrorBanner, InlineConfirm, Notice};
use crate::i18n::{fill, format_date, use_i18n};
use crate::session::use_session;
use accord_api::auth::Membership;
use accord_api::invitations::InvitationKind;
use accord_api::staff::StaffMember;
use accord_api::{StaffRole, UserStatus};
use invitations::PendingInvitations;
use invite::InviteStaffForm;
use leptos::prelude::*;
use leptos::task::spawn_local;
use settings::AgencySettingsCard;
use surveys::SurveySettingsCard;
use templates::ReportTemplatesCard;

#[component]
pub fn TeamPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let is_admin = move || {
        session.me().is_some_and(|me| matches!(me.membership, Membership::Staff { role, .. } if role.is_admin()))
    };
    view! {
        <section class="page">
            <div class="page-header">
                <div>
                    <h1>{move || i18n.t().team().team_title}</h1>
                    <p class="subtitle">{move || i18n.t().team().team_subtitle}</p>
                </div>
            </div>
            <Show
                when=is_admin
                fallback=move || view! {
                    <p class="notice notice-muted" id="team-forbidden">{move || i18n.t().team().team_forbidden}</p>
                }
            >
                <TeamTable />
                <Invitations />
                <AgencySettingsCard />
                <ReportTemplatesCard />
                <SurveySettingsCard />
            </Show>
        </section>
    }
}

/// The invite form and, below it, the invitations not yet accepted; sending reloads the list.
#[component]
fn Invitations() -> impl IntoView {
    let invitations = LocalResource::new(|| api::invitations::list(InvitationKind::Staff));
    view! {
        <InviteStaffForm on_sent=Callback::new(move |_| invitations.refetch()) />
        <PendingInvitations invitations=invitations />
    }
}

#[component]
fn TeamTable() -> impl IntoView {
    let i18n = use_i18n();
    let members = LocalResource::new(api::staff::members);
    // Errors and notices of row actions show above the table, not in every row.
    let action_error = RwSignal::new(None::<api::ApiError>);
    let notice = RwSignal::new(false);
    view! {
        {move || action_error.get().map(|e| view! { <ErrorBanner error=e /> })}
        <Show when=move || notice.get()>
            <Notice text=Signal::derive(move || i18n.t().team().role_changed.to_owned()) />
        </Show>
        <div class="card card-flush">
            {async_view(members, move |list| {
                let rows = list
                    .into_iter()
                    .map(|m| view! { <MemberRow member=m action_error=action_error notice=notice /> })
                    .collect_view();
                view! {
                    <div class="table-wrap">
                        <table class="table" id="team-table">
                            <thead>
                                <tr>
                                    <th>{move || i18n.t().common().name}</th>
                                    <th class="hide-sm">{move || i18n.t().common().email}</th>
                                    <th>{move || i18n.t().common().role}</th>
                                    <th>{move || i18n.t().common().status}</th>
                                    <th class="date">{move || i18n.t().common().col_created}</th>
                                    <th class="actions">{move || i18n.t().common().actions}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
            })}
        </div>
    }
}

/// One member; keeps its own copy so a change shows at once without refetching the list.
#[component]
fn MemberRow(
    member: StaffMember,
    action_error: RwSignal<Option<api::ApiError>>,
    notice: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let id = member.id;
    let created = member.created_at;
    let current = RwSignal::new(member);
    let pending = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let is_me = move || session.me().is_some_and(|me| me.user_id == id);

    let run = move |call: std::pin::Pin<Box<dyn std::future::Future<Output = Result<StaffMember, api::ApiError>>>>,
                    role_change: bool| {
        pending.set(true);
        action_error.set(None);
        notice.set(false);
        spawn_local(async move {
            match call.await {
                Ok(updated) => {
                    current.set(updated);
                    notice.set(role_change);
                }
                Err(e) => {
                    // The select shows what the server still has.
                    current.update(|_| {});
                    action_error.set(Some(e));
                }
            }
            pending.set(false);
            confirming.set(false);
        });
    };

    let on_role = move |ev: leptos::ev::Event| {
        if let Some(role) = StaffRole::parse(&event_target_value(&ev)) {
            if role != current.get_untracked().role {
                run(Box::pin(api::staff::change_role(id, role)), true);
            }
        }
    };
    let set_status = move |status: UserStatus| run(Box::pin(api::staff::set_status(id, status)), false);

    let status = move || current.get().status;
    let status_tone = move || {
        if status() == UserStatus::Active {
            "green"
        } else {
            "red"
        }
    };
    view! {
        <tr class="member-row" class:row-disabled=move || status() == UserStatus::Disabled>
            <td class="cell-main">
                {move || current.get().name}
                <Show when=is_me>
                    <span class="you-tag">{move || i18n.t().common().you}</span>
                </Show>
            </td>
            <td class="muted hide-sm">{move || current.get().email}</td>
            <td>
                <select
                    class="role-select"
                    aria-label=move || i18n.t().common().role
                    disabled=move || pending.get()
                    prop:value=move || current.get().role.as_str()
                    on:change=on_role
                >
                    {StaffRole::ALL.iter().map(|&r| view! {
                        <option value=r.as_str() selected=move || current.get().role == r>
                            {move || i18n.t().staff_role(r)}
                        </option>
                    }).collect_view()}
                </select>
            </td>
            <td>
                {move || {
                    let s = status();
                    view! { <Badge tone=status_tone() label=Signal::derive(move || i18n.t().user_status(s).to_owned()) /> }
                }}
            </td>
            <td class="muted date">{move || format_date(i18n.locale(), &created)}</td>
            <td class="actions">
                {move || match (status(), confirming.get()) {
                    (UserStatus::Disabled, _) => view! {
                        <button type="button" class="btn btn-small enable-button" disabled=move || pending.get()
                            on:click=move |_| set_status(UserStatus::Active)>
                            {move || i18n.t().team().enable}
                        </button>
                    }.into_any(),
                    (UserStatus::Active, false) => view! {
                        <button type="button" class="btn btn-small btn-danger-ghost disable-button"
                            disabled=move || pending.get() || is_me()
                            on:click=move |_| confirming.set(true)>
                            {move || i18n.t().team().disable}
                        </button>
                    }.into_any(),
                    (UserStatus::Active, true) => view! {
                        <InlineConfirm action="disable" pending=pending
                            on_confirm=Callback::new(move |_| set_status(UserStatus::Disabled))
                            text=Signal::derive(move || fill(i18n.t().team().confirm_disable, &[&current.get().name]))
                            on_cancel=Callback::new(move |_| confirming.set(false)) />
                    }.into_any(),
                }}
            </td>
        </tr>
    }
}
