//! The staff home (`/app`: the client list with filters) and one client's page, whose tabs are
//! sub-routes: overview (profile, status history, archive), segmentation, contacts, projects and
//! touchpoints.

mod backlog;
mod contacts;
mod filters;
mod frame;
mod list;
mod meetings;
mod new_client;
mod overview;
mod points;
mod profile_fields;
mod profile_form;
mod projects;
mod reports;
pub(crate) mod roadmap;
mod segmentation;
mod survey_answers;
mod touchpoints;

pub use backlog::{BacklogItemPage, BacklogPage, STANDARD};
pub use contacts::ContactsTab;
pub use frame::ClientPage;
pub use list::ClientsPage;
pub use meetings::{MeetingsTab, PromisesTab};
pub use overview::OverviewTab;
pub use projects::ProjectsTab;
pub use reports::ReportsTab;
pub use roadmap::RoadmapTab;
pub use segmentation::SegmentationTab;
pub use touchpoints::TouchpointsTab;

use crate::components::Badge;
use crate::i18n::{format_days_ago, use_i18n};
use crate::session::Session;
use accord_api::clients::{ClientProfile, UpdateClientRequest};
use accord_api::staff::StaffMember;
use accord_api::{ClientStatus, StaffRole};
use leptos::prelude::*;

pub fn client_status_badge(status: ClientStatus) -> impl IntoView {
    let i18n = use_i18n();
    let tone = match status {
        ClientStatus::Onboarding => "blue",
        ClientStatus::Active => "green",
        ClientStatus::Paused => "amber",
        ClientStatus::Churned => "grey",
    };
    view! { <Badge tone=tone label=Signal::derive(move || i18n.t().client_status(status).to_owned()) /> }
}

/// "5 days ago" / "never", and the red `.touch-overdue` badge when the silence is too long.
pub fn last_touch_view(days: Option<i64>, overdue: bool) -> impl IntoView {
    let i18n = use_i18n();
    let when = move || match days {
        Some(d) => format_days_ago(i18n.locale(), d),
        None => i18n.t().common().never.to_owned(),
    };
    view! {
        <span class="last-touch">
            <span class="last-touch-when" class:muted=days.is_none()>{when}</span>
            {overdue.then(|| view! {
                <span class="badge badge-red touch-overdue" title=move || i18n.t().clients().touch_overdue_hint>
                    {move || i18n.t().clients().touch_overdue}
                </span>
            })}
        </span>
    }
}

/// Owners, admins and account managers create clients and contacts; specialists do not.
pub fn can_manage_clients(session: Session) -> bool {
    session.staff_role().is_some_and(|role| role != StaffRole::Specialist)
}

/// Who may be a client's account manager: active owners, admins and account managers.
pub fn manager_candidates(directory: &[StaffMember]) -> Vec<StaffMember> {
    directory.iter().filter(|m| m.role != StaffRole::Specialist).cloned().collect()
}

/// The profile as an update that changes nothing; forms override the fields they edit (the
/// endpoint replaces the whole profile).
pub fn unchanged(profile: &ClientProfile) -> UpdateClientRequest {
    let p = profile.clone();
    UpdateClientRequest {
        name: p.summary.name,
        status: p.summary.status,
        account_manager_id: p.summary.account_manager.map(|m| m.id),
        started_on: p.started_on,
        ended_on: p.ended_on,
        business_model: p.business_model,
        audience: p.audience,
        market: p.market,
        product_role: p.product_role,
        included: p.included,
        excluded: p.excluded,
        contact_cadence_days: p.summary.contact_cadence_days,
        report_cadence: p.report_cadence,
        temperament: p.summary.temperament,
        activity: p.summary.activity,
        value_tier: p.summary.value_tier,
    }
}
