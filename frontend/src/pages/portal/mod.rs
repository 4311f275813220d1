//! `/portal`: the client contact's home: who they are, their account manager, their projects,
//! what awaits their decision, how many reports they have not opened, and a survey to answer.
//! The backlog, item, meetings, reports and surveys pages live in their own modules.

mod backlog;
mod conversation;
mod decide;
mod item;
pub mod knowledge;
mod meetings;
mod minutes;
mod parts;
mod report;
mod reports;
pub mod risks;
pub mod roadmap;
pub mod surveys;

pub use backlog::PortalBacklogPage;
pub use item::PortalItemPage;
pub use meetings::PortalMeetingsPage;
pub use minutes::PortalMinutesPage;
pub use report::PortalReportPage;
pub use reports::PortalReportsPage;

use crate::api;
use crate::components::async_view;
use crate::i18n::{fill, format_money, format_period, use_i18n};
use crate::routes::Route;
use accord_api::portal::{ManagerCard, PortalHome, PortalProject};
use accord_api::surveys::OpenSurvey;
use accord_api::{PortalRole, ProjectStatus};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn PortalHomePage() -> impl IntoView {
    let home = LocalResource::new(api::portal::home);
    view! { <section class="page portal-page">{async_view(home, |h| view! { <PortalWelcome home=h /> })}</section> }
}

#[component]
fn PortalWelcome(home: PortalHome) -> impl IntoView {
    let i18n = use_i18n();
    let role = home.portal_role;
    let contact = home.contact_name.clone();
    let role_hint = move || match role {
        PortalRole::Approver => i18n.t().portal().portal_approver_hint,
        PortalRole::Viewer => i18n.t().portal().portal_viewer_hint,
    };
    view! {
        <div class="portal-hero">
            <p class="portal-eyebrow">{home.agency_name.clone()}</p>
            <h1 id="portal-client-name">{home.client.name.clone()}</h1>
            <p class="portal-greeting">{move || fill(i18n.t().portal().portal_welcome, &[&contact])}</p>
            <p class="portal-intro">{move || i18n.t().portal().portal_intro}</p>
        </div>
        <SurveyBanner open=home.open_surveys.clone() />
        <div class="portal-grid">
            <div class="card portal-card">
                <p class="card-label">{move || i18n.t().portal().portal_you_are}</p>
                <p class="card-value" id="portal-contact-name">{home.contact_name.clone()}</p>
                <p class="role-pill" id="portal-role">{move || i18n.t().portal_role_label(role)}</p>
                <p class="card-hint">{role_hint}</p>
            </div>
            <ManagerCardView manager=home.account_manager.clone() agency=home.agency_name.clone() />
            <div class="card portal-card">
                <p class="card-label">{move || i18n.t().portal().portal_client}</p>
                <p class="card-value">{home.client.name.clone()}</p>
                <p class="card-label">{move || i18n.t().portal().portal_agency}</p>
                <p class="card-value">{home.agency_name.clone()}</p>
            </div>
        </div>
        <WaitingCard count=home.awaiting_decision kind=Waiting::Decisions can_decide=role == PortalRole::Approver />
        <WaitingCard count=home.minutes_to_acknowledge kind=Waiting::Minutes can_decide=role == PortalRole::Approver />
        <WaitingCard count=home.unread_reports kind=Waiting::Reports can_decide=role == PortalRole::Approver />
        <PortalProjects projects=home.projects />
        <A href=Route::PortalReports.path() attr:class="card portal-card portal-soon-wide portal-reports-card">
            <p class="card-label">{move || i18n.t().portal().home_reports_title}</p>
            <p class="card-hint">{move || i18n.t().portal().home_reports_text}</p>
        </A>
    }
}

/// `.portal-awaiting-card`: "N items await your decision" (to the backlog), "N minutes await
/// acknowledgement" (to meetings) or "N new reports" (to reports); nothing when the count is
/// zero. The counts come with the home page, so it reads no list it does not show.
#[component]
fn WaitingCard(count: u32, kind: Waiting, can_decide: bool) -> impl IntoView {
    let i18n = use_i18n();
    let count = u64::from(count);
    (count > 0).then(|| {
        let (href, class) = match kind {
            Waiting::Decisions => (Route::PortalBacklog.path(), "card portal-awaiting-card"),
            Waiting::Minutes => (Route::PortalMeetings.path(), "card portal-awaiting-card portal-minutes-card"),
            Waiting::Reports => (Route::PortalReports.path(), "card portal-awaiting-card portal-reports-awaiting"),
        };
        let title = move || match kind {
            Waiting::Decisions => i18n.t().portal().home_awaiting.count(count),
            Waiting::Minutes => i18n.t().portal().home_minutes.count(count),
            Waiting::Reports => i18n.t().portal().home_reports.count(count),
        };
        let hint = move || {
            let t = i18n.t().portal();
            match (kind, can_decide) {
                (Waiting::Decisions, true) => t.home_awaiting_hint,
                (Waiting::Decisions, false) => t.home_awaiting_viewer,
                (Waiting::Minutes, true) => t.home_minutes_hint,
                (Waiting::Minutes, false) => t.home_minutes_viewer,
                // Any contact reads reports.
                (Waiting::Reports, _) => t.home_reports_hint,
            }
        };
        view! {
            <A href=href attr:class=class>
                <span class="awaiting-figure" aria-hidden="true">{count}</span>
                <span class="awaiting-text">
                    <span class="awaiting-title">{title}</span>
                    <span class="awaiting-hint">{hint}</span>
                </span>
                <span class="awaiting-go" aria-hidden="true">"→"</span>
            </A>
        }
    })
}

/// `#survey-banner`: a survey to answer (or to continue), linking to it; with more than one,
/// how many and a link to them all. Only links: the form lives in the portal bundle, so the
/// entry bundle carries just these few words.
#[component]
fn SurveyBanner(open: Vec<OpenSurvey>) -> impl IntoView {
    let i18n = use_i18n();
    let count = open.len() as u64;
    open.into_iter().next().map(|first| {
        let started = first.started;
        view! {
            <div class="card survey-banner" id="survey-banner" data-started=started.to_string()>
                <span class="survey-banner-mark" aria-hidden="true">"★"</span>
                <span class="awaiting-text">
                    <span class="awaiting-title">
                        {move || {
                            let t = i18n.t().survey_banner();
                            if count > 1 { t.many.count(count) } else { t.one.to_owned() }
                        }}
                    </span>
                    <span class="awaiting-hint">{move || i18n.t().survey_banner().hint}</span>
                </span>
                <span class="survey-banner-actions">
                    <A href=Route::PortalSurvey(first.invitation_id).path() attr:class="btn btn-primary" attr:id="survey-banner-go">
                        {move || if started { i18n.t().survey_banner().resume } else { i18n.t().survey_banner().answer }}
                    </A>
                    {(count > 1).then(|| view! {
                        <A href=Route::PortalSurveys.path() attr:class="survey-banner-all" attr:id="survey-banner-all">
                            {move || i18n.t().survey_banner().all}
                        </A>
                    })}
                </span>
            </div>
        }
    })
}

#[derive(Clone, Copy)]
enum Waiting {
    Decisions,
    Minutes,
    Reports,
}

/// `#manager-card`: the person at the agency to write to.
#[component]
fn ManagerCardView(manager: Option<ManagerCard>, agency: String) -> impl IntoView {
    let i18n = use_i18n();
    let body = match manager {
        Some(m) => {
            let initial = crate::i18n::initial(&m.name).unwrap_or_default();
            view! {
                <div class="manager-line">
                    <span class="avatar manager-avatar" aria-hidden="true">{initial}</span>
                    <div class="manager-text">
                        <p class="card-value manager-name" id="manager-name">{m.name.clone()}</p>
                        <a class="manager-email" id="manager-email" href=format!("mailto:{}", m.email)>{m.email.clone()}</a>
                    </div>
                </div>
                <p class="card-hint">{move || i18n.t().portal().portal_manager_hint}</p>
            }
            .into_any()
        }
        None => view! {
            <p class="card-value muted" id="manager-none">{move || i18n.t().portal().portal_no_manager}</p>
            <p class="card-hint">{move || fill(i18n.t().portal().portal_no_manager_hint, &[&agency])}</p>
        }
        .into_any(),
    };
    view! {
        <div class="card portal-card" id="manager-card">
            <p class="card-label">{move || i18n.t().portal().portal_manager}</p>
            {body}
        </div>
    }
}

#[component]
fn PortalProjects(projects: Vec<PortalProject>) -> impl IntoView {
    let i18n = use_i18n();
    let body = if projects.is_empty() {
        view! {
            <div class="portal-empty" id="portal-no-projects">
                <p class="empty-title">{move || i18n.t().portal().portal_no_projects}</p>
                <p class="empty-hint">{move || i18n.t().portal().portal_no_projects_hint}</p>
            </div>
        }
        .into_any()
    } else {
        view! {
            <ul class="portal-projects" id="portal-projects">
                {projects.into_iter().map(|p| view! { <PortalProjectItem project=p /> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <div class="card portal-projects-card">
            <h2 class="card-title">{move || i18n.t().portal().portal_projects}</h2>
            {body}
        </div>
    }
}

#[component]
fn PortalProjectItem(project: PortalProject) -> impl IntoView {
    let i18n = use_i18n();
    let p = project;
    let (kind, status) = (p.kind, p.status);
    let (starts, ends) = (p.starts_on, p.ends_on);
    let dates = move || {
        let t = i18n.t();
        format_period(i18n.locale(), starts, ends, (t.common().from_day, t.common().until_day))
    };
    let tone = match status {
        ProjectStatus::Planned => "blue",
        ProjectStatus::Active => "green",
        ProjectStatus::Paused => "amber",
        ProjectStatus::Done => "grey",
    };
    view! {
        <li class="portal-project" data-kind=kind.as_str() data-status=status.as_str()>
            <div class="portal-project-main">
                <p class="portal-project-name">{p.name.clone()}</p>
                <p class="portal-project-meta">
                    <span class="portal-project-kind">{move || i18n.t().project_kind(kind)}</span>
                    {move || dates().map(|d| view! { <span class="meta-sep" aria-hidden="true">"·"</span><span class="portal-project-dates">{d}</span> })}
                </p>
            </div>
            <div class="portal-project-side">
                <span class=format!("badge badge-{tone}")>{move || i18n.t().project_status(status)}</span>
                {p.budget.map(|money| view! {
                    <span class="portal-project-budget">{move || format_money(i18n.locale(), &money)}</span>
                })}
            </div>
        </li>
    }
}
