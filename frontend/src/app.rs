//! The route table and the guards that keep each kind of person in their own area.

use crate::components::{ErrorBanner, Loading, PlatformShell, PortalShell, StaffShell};
use crate::i18n::provide_i18n;
use crate::pages;
use crate::routes::{Area, Route};
use crate::session::{provide_session, use_session, SessionState, SignedOutBy};
use accord_api::bundles::Bundle;
use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route as RouteDef, Router, Routes};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::{path, NavigateOptions};

/// One bundle's app: the session and language, and a router over `routes`; a path the bundle
/// has no route for goes to [`Unmatched`].
macro_rules! bundle_app {
    ($(#[$doc:meta])* $name:ident, $bundle:ident, { $($routes:tt)* }) => {
        $(#[$doc])*
        #[component]
        pub fn $name() -> impl IntoView {
            note_first_path();
            let i18n = provide_i18n();
            provide_session(i18n);
            view! {
                <Router>
                    <Routes fallback=|| view! { <Unmatched own=Bundle::$bundle /> }>
                        $($routes)*
                    </Routes>
                </Router>
            }
        }
    };
}

/// A client-facing bundle: [`bundle_app!`] with `/` and the sign-in page (so a contact
/// following a mailed link signs in without changing bundle), the routes given outside the
/// portal frame, and the bundle's portal pages inside it.
macro_rules! portal_app {
    ($(#[$doc:meta])* $name:ident, $bundle:ident, { $($outside:tt)* } portal { $($routes:tt)* }) => {
        bundle_app! {
            $(#[$doc])*
            $name, $bundle, {
                <RouteDef path=path!("/") view=HomeRedirect />
                <RouteDef path=path!("/sign-in") view=pages::auth::SignInPage />
                $($outside)*
                <ParentRoute path=path!("/portal") view=PortalArea>
                    $($routes)*
                </ParentRoute>
            }
        }
    };
}

portal_app! {
    /// The entry bundle's routes: a contact's first visit — sign-in, an invitation, a password
    /// reset, the portal home. Everything else is one full page load away, in another bundle.
    EntryApp, Entry, {
        <RouteDef path=path!("/forgot-password") view=pages::auth::ForgotPasswordPage />
        <RouteDef path=path!("/reset-password") view=pages::auth::ResetPasswordPage />
        <RouteDef path=path!("/invite") view=pages::auth::InvitePage />
    } portal {
        <RouteDef path=path!("") view=pages::portal::PortalHomePage />
    }
}

portal_app! {
    /// The backlog bundle (what a "decision awaits you" e-mail opens): the backlog's sections
    /// and months, with the sign-in page.
    BacklogApp, Backlog, {} portal {
        <RouteDef path=path!("backlog") view=pages::portal::PortalBacklogPage />
    }
}

portal_app! {
    /// The item bundle: one backlog item, its decision (approve, decline, ask) and its
    /// conversation, with the sign-in page.
    ItemApp, Item, {} portal {
        <RouteDef path=path!("backlog/:id") view=pages::portal::PortalItemPage />
    }
}

portal_app! {
    /// The meetings bundle (what a meeting's reminder or agenda e-mail opens): the upcoming
    /// meetings, their agenda, the minutes list and open action items, with the sign-in page.
    MeetingsApp, Meetings, {} portal {
        <RouteDef path=path!("meetings") view=pages::portal::PortalMeetingsPage />
    }
}

portal_app! {
    /// The minutes bundle (what a "minutes to acknowledge" e-mail opens): one meeting's
    /// minutes, acknowledging them or disputing a decision, with the sign-in page.
    MinutesApp, Minutes, {} portal {
        <RouteDef path=path!("meetings/:mid") view=pages::portal::PortalMinutesPage />
    }
}

portal_app! {
    /// The reports bundle: the client's reports, with the sign-in page.
    ReportsApp, Reports, {} portal {
        <RouteDef path=path!("reports") view=pages::portal::PortalReportsPage />
    }
}

portal_app! {
    /// The report bundle (what a "new report" e-mail opens): one report, its questions and
    /// answers, with the sign-in page.
    ReportApp, Report, {} portal {
        <RouteDef path=path!("reports/:rid") view=pages::portal::PortalReportPage />
    }
}

portal_app! {
    /// The surveys bundle: a survey answered from its e-mailed one-time link (no sign-in), and a
    /// contact's surveys in the portal, with the sign-in page.
    SurveysApp, Surveys, {
        <RouteDef path=path!("/survey") view=pages::survey_link::SurveyLinkPage />
    } portal {
        <RouteDef path=path!("surveys") view=pages::portal::surveys::PortalSurveysPage />
        <RouteDef path=path!("surveys/:sid") view=pages::portal::surveys::PortalSurveyPage />
    }
}

portal_app! {
    /// The risks bundle (what a "new risk or incident" e-mail opens): the client-visible risks
    /// and incidents, with the sign-in page.
    RisksApp, Risks, {} portal {
        <RouteDef path=path!("risks") view=pages::portal::risks::PortalRisksPage />
    }
}

portal_app! {
    /// The portal bundle: the rest of the portal (the roadmap, knowledge, the account page),
    /// agency sign-up, the entry's pages again, and the 404 page of every path nobody routes.
    PortalApp, Portal, {
        <RouteDef path=path!("/sign-up") view=pages::auth::SignUpPage />
        <RouteDef path=path!("/forgot-password") view=pages::auth::ForgotPasswordPage />
        <RouteDef path=path!("/reset-password") view=pages::auth::ResetPasswordPage />
        <RouteDef path=path!("/invite") view=pages::auth::InvitePage />
        <RouteDef path=path!("/account") view=AccountRedirect />
    } portal {
        <RouteDef path=path!("") view=pages::portal::PortalHomePage />
        <RouteDef path=path!("roadmap") view=pages::portal::roadmap::PortalRoadmapPage />
        <RouteDef path=path!("knowledge") view=pages::portal::knowledge::PortalKnowledgePage />
        <RouteDef path=path!("knowledge/:article") view=pages::portal::knowledge::PortalArticlePage />
        <RouteDef path=path!("account") view=pages::account::AccountPage />
    }
}

bundle_app! {
    /// The staff bundle's routes: agency staff, the platform operator, the API docs.
    StaffApp, Staff, {
        <RouteDef path=path!("/api-docs") view=pages::docs::ApiDocsPage />
        <ParentRoute path=path!("/app") view=StaffArea>
            <RouteDef path=path!("") view=pages::clients::ClientsPage />
            <ParentRoute path=path!("clients/:id") view=pages::clients::ClientPage>
                <RouteDef path=path!("") view=pages::clients::OverviewTab />
                <RouteDef path=path!("roadmap") view=pages::clients::RoadmapTab />
                <RouteDef path=path!("segmentation") view=pages::clients::SegmentationTab />
                <RouteDef path=path!("contacts") view=pages::clients::ContactsTab />
                <RouteDef path=path!("projects") view=pages::clients::ProjectsTab />
                <RouteDef path=path!("touchpoints") view=pages::clients::TouchpointsTab />
                <RouteDef path=path!("meetings") view=pages::clients::MeetingsTab />
                <RouteDef path=path!("promises") view=pages::clients::PromisesTab />
                <RouteDef path=path!("reports") view=pages::clients::ReportsTab />
                <RouteDef path=path!("health") view=pages::health::HealthTab />
                <RouteDef path=path!("risks") view=pages::risks::RisksTab />
                <RouteDef path=path!("incidents") view=pages::risks::IncidentsTab />
                <RouteDef path=path!("incidents/:inc") view=pages::risks::IncidentPage />
                <RouteDef path=path!("money") view=pages::money::MoneyTab />
                <RouteDef path=path!("growth") view=pages::growth::GrowthTab />
                // Project backlogs (staff)
                <RouteDef path=path!("projects/:pid/backlog") view=pages::clients::BacklogPage />
                <RouteDef path=path!("projects/:pid/backlog/:item") view=pages::clients::BacklogItemPage />
            </ParentRoute>
            <RouteDef path=path!("meetings/:mid") view=pages::meetings::MeetingPage />
            <RouteDef path=path!("promises") view=pages::meetings::PromisesPage />
            <RouteDef path=path!("minutes/unacknowledged") view=pages::meetings::UnacknowledgedPage />
            <RouteDef path=path!("reports") view=pages::reports::ReportsDuePage />
            <RouteDef path=path!("reports/:rid") view=pages::reports::ReportPage />
            <RouteDef path=path!("surveys") view=pages::surveys::AnalyticsPage />
            <RouteDef path=path!("surveys/campaigns") view=pages::surveys::CampaignsPage />
            <RouteDef path=path!("surveys/campaigns/new") view=pages::surveys::NewCampaignPage />
            <RouteDef path=path!("surveys/campaigns/:cid") view=pages::surveys::CampaignPage />
            <RouteDef path=path!("surveys/follow-ups") view=pages::surveys::FollowupsPage />
            <RouteDef path=path!("surveys/answers") view=pages::surveys::AnswersPage />
            <RouteDef path=path!("cockpit") view=pages::health::CockpitPage />
            <RouteDef path=path!("health") view=pages::health::HealthPage />
            <RouteDef path=path!("money") view=pages::money::MoneyPage />
            <RouteDef path=path!("growth") view=pages::growth::PipelinePage />
            <RouteDef path=path!("scorecard") view=pages::growth::ScorecardPage />
            <RouteDef path=path!("services") view=pages::growth::ServicesPage />
            <RouteDef path=path!("knowledge") view=pages::growth::KnowledgePage />
            <RouteDef path=path!("team") view=pages::team::TeamPage />
            <RouteDef path=path!("standard") view=pages::standard::StandardPage />
            <RouteDef path=path!("account") view=pages::account::AccountPage />
        </ParentRoute>
        <ParentRoute path=path!("/platform") view=PlatformArea>
            <RouteDef path=path!("") view=pages::platform::AgenciesPage />
            <RouteDef path=path!("account") view=pages::account::AccountPage />
        </ParentRoute>
    }
}

/// A path this bundle has no route for. If another bundle routes it (say, staff landing on `/app`
/// after signing in on the entry bundle's sign-in page, or a contact opening the backlog from the
/// portal home), the page is loaded again so the server sends that bundle; otherwise, or if this
/// very URL was the page load (the server already chose), it is a 404.
#[component]
fn Unmatched(own: Bundle) -> impl IntoView {
    // The router's location, not the window's: on an in-app link the router renders the new
    // route before the address bar changes, so the window still shows the page left behind.
    let location = use_location();
    let path = location.pathname.get_untracked();
    let first_load = LOADED_AT.with(|loaded| loaded.get() == Some(&path));
    if !own.routes(&path) && !first_load {
        let search = location.search.get_untracked();
        let query = if search.is_empty() || search.starts_with('?') { search } else { format!("?{search}") };
        let hash = location.hash.get_untracked();
        let hash = if hash.is_empty() || hash.starts_with('#') { hash } else { format!("#{hash}") };
        // A full page load of that address: the server sends the bundle that routes it. A
        // failed load leaves the spinner; nothing else to do.
        let _ = window().location().assign(&format!("{path}{query}{hash}"));
        return view! { <div class="page-center"><Loading /></div> }.into_any();
    }
    view! { <pages::not_found::NotFoundPage /> }.into_any()
}

thread_local! {
    /// The path the page was loaded at, noted when the first route matches.
    static LOADED_AT: std::cell::OnceCell<String> = const { std::cell::OnceCell::new() };
}

/// Notes the path the page was loaded at (before the router can change it).
fn note_first_path() {
    LOADED_AT.with(|loaded| {
        loaded.get_or_init(|| window().location().pathname().unwrap_or_default());
    });
}

/// Who may see a guarded page.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Allow {
    Only(Area),
}

/// What a guard does right now. Kept in a memo so a change of `Me` (say, its language) does not
/// rebuild the page underneath.
#[derive(Clone, PartialEq)]
enum Access {
    Wait,
    Show(Area),
    Failed(crate::api::ApiError),
    ToSignIn { come_back: bool },
    To(Route),
}

fn decide(state: &SessionState, allow: Allow) -> Access {
    match state {
        SessionState::Loading => Access::Wait,
        SessionState::Failed(e) => Access::Failed(e.clone()),
        SessionState::SignedOut(by) => Access::ToSignIn { come_back: *by == SignedOutBy::Expiry },
        SessionState::SignedIn(me) => {
            let area = Area::of(me);
            match allow {
                Allow::Only(wanted) if wanted != area => Access::To(area.home()),
                Allow::Only(_) => Access::Show(area),
            }
        }
    }
}

/// Renders `children` with the person's [`Area`] once they are allowed; otherwise waits, shows
/// the failure, or redirects (to sign-in with a way back, or to their own area).
#[component]
fn Guard(allow: Allow, children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let location = use_location();
    let access = Memo::new(move |_| decide(&session.state.get(), allow));
    Effect::new(move |_| {
        let target = match access.get() {
            Access::ToSignIn { come_back } => {
                let mut here = location.pathname.get_untracked();
                let search = location.search.get_untracked();
                if !search.is_empty() {
                    here = format!("{here}?{search}");
                }
                let next = come_back.then_some(here);
                Route::SignIn { next }.path()
            }
            Access::To(route) => route.path(),
            _ => return,
        };
        let options = NavigateOptions { replace: true, ..NavigateOptions::default() };
        navigate(&target, options);
    });
    move || match access.get() {
        Access::Show(_) => children().into_any(),
        Access::Failed(error) => view! {
            <div class="page-center">
                <ErrorBanner error=error on_retry=Callback::new(move |_| session.load()) />
            </div>
        }
        .into_any(),
        _ => view! { <div class="page-center"><Loading /></div> }.into_any(),
    }
}

#[component]
fn StaffArea() -> impl IntoView {
    view! { <Guard allow=Allow::Only(Area::Staff)><StaffShell><Outlet /></StaffShell></Guard> }
}

#[component]
fn PortalArea() -> impl IntoView {
    view! { <Guard allow=Allow::Only(Area::Portal)><PortalShell><Outlet /></PortalShell></Guard> }
}

#[component]
fn PlatformArea() -> impl IntoView {
    view! {
        <Guard allow=Allow::Only(Area::Platform)><PlatformShell><Outlet /></PlatformShell></Guard>
    }
}

/// `/account` (an older link): to the signed-in person's own account page, or to sign-in.
#[component]
fn AccountRedirect() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let target = match session.state.get() {
            SessionState::SignedIn(me) => Route::Account(Area::of(&me)),
            SessionState::SignedOut(_) => Route::SignIn { next: None },
            SessionState::Loading | SessionState::Failed(_) => return,
        };
        let options = NavigateOptions { replace: true, ..NavigateOptions::default() };
        navigate(&target.path(), options);
    });
    view! { <div class="page-center"><Loading /></div> }
}

/// `/`: to the signed-in person's home, or to sign-in.
#[component]
fn HomeRedirect() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let target = match session.state.get() {
            SessionState::SignedIn(me) => Area::start(&me),
            SessionState::SignedOut(_) => Route::SignIn { next: None },
            SessionState::Loading | SessionState::Failed(_) => return,
        };
        let options = NavigateOptions { replace: true, ..NavigateOptions::default() };
        navigate(&target.path(), options);
    });
    move || match session.state.get() {
        SessionState::Failed(error) => view! {
            <div class="page-center">
                <ErrorBanner error=error on_retry=Callback::new(move |_| session.load()) />
            </div>
        }
        .into_any(),
        _ => view! { <div class="page-center"><Loading /></div> }.into_any(),
    }
}
