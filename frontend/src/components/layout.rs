//! The page frames: staff app (sidebar + header), client portal (light, friendly), platform
//! console (dark header), and the public frame for sign-in, docs and 404.

use super::account_menu::{AccountMenu, LangSwitch, Logo};
use crate::i18n::use_i18n;
use crate::routes::Route;
use crate::session::use_session;
use accord_api::auth::Membership;
use accord_api::StaffRole;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

#[component]
pub fn StaffShell(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let agency = move || session.me().and_then(|me| me.agency().map(|a| a.name.clone()));
    let is_admin = move || {
        session.me().is_some_and(|me| matches!(me.membership, Membership::Staff { role, .. } if role.is_admin()))
    };
    // Surveys are for the people who answer for clients: owners, admins and account managers.
    let sees_surveys = move || session.staff_role().is_some_and(|role| role != StaffRole::Specialist);
    Effect::new(move |_| set_title(agency().as_deref()));
    let path = use_location().pathname;
    let clients_path = Route::StaffClients.path();
    let on_clients = move || {
        let p = path.get();
        p == clients_path || p.starts_with(&format!("{clients_path}/clients"))
    };
    let on_growth = move || {
        let p = path.get();
        [Route::StaffGrowth(None), Route::StaffScorecard, Route::StaffServices, Route::StaffKnowledge]
            .iter()
            .any(|r| p == r.path())
    };
    view! {
        <div id="staff-app" class="shell shell-staff">
            <aside class="sidebar">
                <A href=Route::StaffClients.path() attr:class="brand">
                    <Logo />
                    <span class="brand-name">"Accord"</span>
                </A>
                <nav class="side-nav">
                    <Show when=sees_surveys>
                        <A href=Route::StaffCockpit(None).path() {..} class="nav-link" id="nav-home">
                            <span class="nav-icon" aria-hidden="true">"⌂"</span>
                            {move || i18n.t().health().nav_home}
                        </A>
                    </Show>
                    <A href=Route::StaffClients.path() exact=true {..} class="nav-link" class:active=on_clients>
                        <span class="nav-icon" aria-hidden="true">"◧"</span>
                        {move || i18n.t().common().nav_clients}
                    </A>
                    <A href=Route::StaffStandard.path() {..} class="nav-link nav-standard">
                        <span class="nav-icon" aria-hidden="true">"⚑"</span>
                        {move || i18n.t().common().nav_standard}
                    </A>
                    <A href=Route::StaffPromises.path() {..} class="nav-link" id="nav-promises">
                        <span class="nav-icon" aria-hidden="true">"✓"</span>
                        {move || i18n.t().meetings_staff().nav_promises}
                    </A>
                    <A href=Route::StaffUnacknowledged.path() {..} class="nav-link" id="nav-unacknowledged">
                        <span class="nav-icon" aria-hidden="true">"✎"</span>
                        {move || i18n.t().meetings_staff().nav_unacknowledged}
                    </A>
                    <A href=Route::StaffReportsDue.path() {..} class="nav-link" id="nav-reports">
                        <span class="nav-icon" aria-hidden="true">"▤"</span>
                        {move || i18n.t().reports_staff().nav_reports}
                    </A>
                    <Show when=sees_surveys>
                        <A href=Route::StaffHealth(None).path() {..} class="nav-link" id="nav-health">
                            <span class="nav-icon" aria-hidden="true">"♥"</span>
                            {move || i18n.t().health().nav_health}
                        </A>
                    </Show>
                    <Show when=sees_surveys>
                        <A href=Route::StaffSurveys.path() {..} class="nav-link" id="nav-surveys">
                            <span class="nav-icon" aria-hidden="true">"☺"</span>
                            {move || i18n.t().surveys_staff().nav_surveys}
                        </A>
                    </Show>
                    <crate::pages::money::MoneyNavLink />
                    // Growth: the pipeline for those who sell; the service catalogue for specialists.
                    <A href=move || if sees_surveys() { Route::StaffGrowth(None).path() } else { Route::StaffServices.path() }
                        {..} class="nav-link" id="nav-growth" class:active=on_growth>
                        <span class="nav-icon" aria-hidden="true">"↗"</span>
                        {move || if sees_surveys() { i18n.t().growth().nav_growth } else { i18n.t().growth().nav_services }}
                    </A>
                    <Show when=is_admin>
                        <A href=Route::StaffTeam.path() {..} class="nav-link" id="nav-team">
                            <span class="nav-icon" aria-hidden="true">"◎"</span>
                            {move || i18n.t().common().nav_team}
                        </A>
                    </Show>
                </nav>
            </aside>
            <div class="main-column">
                <header class="topbar">
                    <div id="agency-name" class="agency-name">{agency}</div>
                    <div class="topbar-actions">
                        <LangSwitch />
                        <AccountMenu />
                    </div>
                </header>
                <main class="content">{children()}</main>
            </div>
        </div>
    }
}

#[component]
pub fn PortalShell(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let agency = move || session.me().and_then(|me| me.agency().map(|a| a.name.clone()));
    Effect::new(move |_| set_title(agency().as_deref()));
    let monogram = move || agency().and_then(|name| crate::i18n::initial(&name));
    view! {
        <div id="portal-app" class="shell shell-portal">
            <header class="portal-header">
                <A href=Route::PortalHome.path() attr:class="portal-brand">
                    <span class="portal-monogram" aria-hidden="true">{monogram}</span>
                    <span id="agency-name" class="agency-name">{agency}</span>
                </A>
                // Portal navigation: home, roadmap, backlog, meetings, reports, surveys, risks
                <nav class="portal-nav">
                    <A href=Route::PortalHome.path() exact=true {..} class="portal-nav-link nav-portal-home">
                        {move || i18n.t().portal().nav_portal_home}
                    </A>
                    <A href=Route::PortalRoadmap.path() {..} class="portal-nav-link nav-roadmap">
                        {move || i18n.t().portal().nav_portal_roadmap}
                    </A>
                    <A href=Route::PortalBacklog.path() {..} class="portal-nav-link nav-backlog">
                        {move || i18n.t().portal().nav_portal_backlog}
                    </A>
                    <A href=Route::PortalMeetings.path() {..} class="portal-nav-link nav-meetings">
                        {move || i18n.t().portal_meetings().nav_meetings}
                    </A>
                    <A href=Route::PortalReports.path() {..} class="portal-nav-link nav-reports">
                        {move || i18n.t().portal().nav_portal_reports}
                    </A>
                    <A href=Route::PortalSurveys.path() {..} class="portal-nav-link nav-surveys">
                        {move || i18n.t().portal().nav_portal_surveys}
                    </A>
                    <A href=Route::PortalRisks.path() {..} class="portal-nav-link nav-risks">
                        {move || i18n.t().portal_risks_nav().nav}
                    </A>
                    <A href=Route::PortalKnowledge.path() {..} class="portal-nav-link nav-knowledge">
                        {move || i18n.t().portal_knowledge_nav().nav}
                    </A>
                </nav>
                <div class="topbar-actions">
                    <LangSwitch />
                    <AccountMenu />
                </div>
            </header>
            <main class="portal-content">{children()}</main>
            <footer class="portal-footer">{move || i18n.t().common().portal_footer}</footer>
        </div>
    }
}

#[component]
pub fn PlatformShell(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| set_title(Some(i18n.t().common().platform_label)));
    view! {
        <div id="platform-app" class="shell shell-platform">
            <header class="topbar topbar-dark">
                <A href=Route::PlatformAgencies.path() attr:class="brand">
                    <Logo />
                    <span class="brand-name">"Accord"</span>
                    <span class="brand-tag">{move || i18n.t().common().platform_label}</span>
                </A>
                <div class="topbar-actions">
                    <LangSwitch />
                    <AccountMenu />
                </div>
            </header>
            <main class="content content-wide">{children()}</main>
        </div>
    }
}

/// Sign-in, sign-up, API docs and 404: a logo, the language switch, and centred content.
#[component]
pub fn PublicShell(children: Children, #[prop(optional)] wide: bool) -> impl IntoView {
    set_title(None);
    view! {
        <div class="shell shell-public" class:public-wide=wide>
            <header class="public-header">
                <a href=Route::Home.path() class="brand">
                    <Logo />
                    <span class="brand-name">"Accord"</span>
                </a>
                <LangSwitch />
            </header>
            <main class="public-content">{children()}</main>
        </div>
    }
}

/// The browser tab says whose space this is: "Agency · Accord", or just "Accord".
fn set_title(context: Option<&str>) {
    let title = match context {
        Some(context) if !context.is_empty() => format!("{context} · Accord"),
        _ => "Accord".to_owned(),
    };
    document().set_title(&title);
}
