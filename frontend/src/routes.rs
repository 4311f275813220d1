//! Every in-app URL the SPA links or redirects to. Pages build links from [`Route`] only; the
//! matching patterns live next to the router in `app.rs`.

use accord_api::auth::{Me, Membership};
use accord_api::ArticleId;
use accord_api::IncidentId;
use accord_api::UserId;
use accord_api::{BacklogItemId, ClientId, MeetingId, ProjectId, ReportId, SurveyCampaignId, SurveyInvitationId};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    /// `next` is the in-app URL to return to after signing in.
    SignIn {
        next: Option<String>,
    },
    SignUp,
    /// `/forgot-password`: ask for a reset link.
    ForgotPassword,
    /// `/reset-password#<token>`: the mailed reset link (the token never reaches the server's logs).
    ResetPassword,
    /// `/invite#<token>`: the mailed invitation link.
    Invite,
    StaffClients,
    /// `/app?…`: the client list with its search, filters and order (a query string).
    StaffClientsQuery(String),
    /// A client's page, on its Overview tab.
    StaffClient(ClientId),
    StaffClientTab(ClientId, ClientTab),
    /// A project's backlog (`/app/clients/{id}/projects/{pid}/backlog`).
    StaffBacklog(ClientId, ProjectId),
    /// A project's backlog with filters and page (a query string, may be empty).
    StaffBacklogQuery(ClientId, ProjectId, String),
    /// One backlog item (`…/backlog/{item}`).
    StaffBacklogItem(ClientId, ProjectId, BacklogItemId),
    /// Active projects below the two-agreed-items standard (`/app/standard`).
    StaffStandard,
    StaffTeam,
    /// `/app/meetings/{id}`: one meeting, its agenda and minutes.
    StaffMeeting(MeetingId),
    /// `/app/promises`: promise rates per manager, what is due this week, what waits on clients.
    StaffPromises,
    /// `/app/minutes/unacknowledged`: published minutes clients have not acknowledged in time.
    StaffUnacknowledged,
    /// `/app/reports`: due and overdue report periods, unopened reports, unanswered questions.
    StaffReportsDue,
    /// `/app/reports/{id}`: one report, its editor, publishing, read receipts and questions.
    StaffReport(ReportId),
    /// `/app/surveys`: NPS and CSI analytics (owners, admins, account managers).
    StaffSurveys,
    /// `/app/surveys/campaigns`: the agency's survey campaigns.
    StaffCampaigns,
    /// `/app/surveys/campaigns/new`: set up a campaign.
    StaffNewCampaign,
    /// `/app/surveys/campaigns/{id}`: one campaign, its settings and waves.
    StaffCampaign(SurveyCampaignId),
    /// `/app/surveys/follow-ups`: detractors' follow-ups, open and overdue first.
    StaffFollowups,
    /// `/app/surveys/answers`: answers and verbatims with filters, CSV export and import.
    StaffSurveyAnswers,
    /// `/app/cockpit[?manager=…]`: the staff home — what needs doing (optionally one manager's).
    StaffCockpit(Option<UserId>),
    /// `/app/health[?manager=…]`: the at-risk list, portfolios, every client's score, settings.
    StaffHealth(Option<UserId>),
    /// `/app/clients/{id}/incidents/{inc}`: one incident and its five steps.
    StaffIncident(ClientId, IncidentId),
    /// `/app/money`: the agency's money — totals, overdue invoices, unsigned acts, ABC, every invoice.
    StaffMoney,
    /// `/app/growth[?manager=…]`: the upsell pipeline per manager and the won-upsell share.
    StaffGrowth(Option<UserId>),
    /// `/app/scorecard`: the profitability ranking and its criteria (owners, admins).
    StaffScorecard,
    /// `/app/services`: the service catalogue with prerequisites (the playbook).
    StaffServices,
    /// `/app/knowledge`: the service explainers and their editor.
    StaffKnowledge,
    PortalHome,
    /// `/portal/surveys`: the contact's open surveys and own past answers.
    PortalSurveys,
    /// `/portal/surveys/{invitation}`: answering one survey (resumable).
    PortalSurvey(SurveyInvitationId),
    /// `/survey#<token>`: a survey answered from its e-mailed one-time link, without signing in.
    SurveyLink,
    /// `/portal/roadmap`: the client's roadmap, read-only.
    PortalRoadmap,
    /// `/portal/backlog`: items awaiting the client's decision, planned, done, declined.
    PortalBacklog,
    /// `/portal/backlog/{id}`: one item, its decision and conversation.
    PortalBacklogItem(BacklogItemId),
    /// `/portal/meetings`: upcoming meetings and their agenda, minutes, action items.
    PortalMeetings,
    /// `/portal/meetings/{id}`: one meeting's published minutes.
    PortalMeeting(MeetingId),
    /// `/portal/reports`: the published reports and the KPI trend across them.
    PortalReports,
    /// `/portal/reports/{id}`: one published report and its questions.
    PortalReport(ReportId),
    /// `/portal/risks`: the client-visible risks and the incidents the client was told about.
    PortalRisks,
    /// `/portal/knowledge`: the published service explainers.
    PortalKnowledge,
    /// `/portal/knowledge/{article}`: one explainer in the contact's language.
    PortalArticle(ArticleId),
    PlatformAgencies,
    /// The signed-in person's account page, inside their own area's frame.
    Account(Area),
    ApiDocs,
}

impl Route {
    pub fn path(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::SignIn { next: None } => "/sign-in".into(),
            Route::SignIn { next: Some(next) } => {
                format!("/sign-in?next={}", crate::api::encode(next))
            }
            Route::SignUp => "/sign-up".into(),
            Route::ForgotPassword => "/forgot-password".into(),
            Route::ResetPassword => "/reset-password".into(),
            Route::Invite => "/invite".into(),
            Route::StaffClients => "/app".into(),
            Route::StaffClientsQuery(query) if query.is_empty() => "/app".into(),
            Route::StaffClientsQuery(query) => format!("/app?{query}"),
            Route::StaffClient(id) | Route::StaffClientTab(id, ClientTab::Overview) => format!("/app/clients/{id}"),
            Route::StaffClientTab(id, tab) => format!("/app/clients/{id}/{}", tab.segment()),
            Route::StaffBacklog(id, project) => format!("/app/clients/{id}/projects/{project}/backlog"),
            Route::StaffBacklogQuery(id, project, query) if query.is_empty() => {
                format!("/app/clients/{id}/projects/{project}/backlog")
            }
            Route::StaffBacklogQuery(id, project, query) => {
                format!("/app/clients/{id}/projects/{project}/backlog?{query}")
            }
            Route::StaffBacklogItem(id, project, item) => {
                format!("/app/clients/{id}/projects/{project}/backlog/{item}")
            }
            Route::StaffStandard => "/app/standard".into(),
            Route::StaffTeam => "/app/team".into(),
            Route::StaffMeeting(id) => format!("/app/meetings/{id}"),
            Route::StaffPromises => "/app/promises".into(),
            Route::StaffUnacknowledged => "/app/minutes/unacknowledged".into(),
            Route::StaffReportsDue => "/app/reports".into(),
            Route::StaffReport(id) => format!("/app/reports/{id}"),
            Route::StaffSurveys => "/app/surveys".into(),
            Route::StaffCampaigns => "/app/surveys/campaigns".into(),
            Route::StaffNewCampaign => "/app/surveys/campaigns/new".into(),
            Route::StaffCampaign(id) => format!("/app/surveys/campaigns/{id}"),
            Route::StaffFollowups => "/app/surveys/follow-ups".into(),
            Route::StaffSurveyAnswers => "/app/surveys/answers".into(),
            Route::StaffCockpit(None) => "/app/cockpit".into(),
            Route::StaffCockpit(Some(m)) => format!("/app/cockpit?manager={m}"),
            Route::StaffHealth(None) => "/app/health".into(),
            Route::StaffHealth(Some(m)) => format!("/app/health?manager={m}"),
            Route::StaffIncident(id, inc) => format!("/app/clients/{id}/incidents/{inc}"),
            Route::StaffMoney => "/app/money".into(),
            Route::StaffGrowth(None) => "/app/growth".into(),
            Route::StaffGrowth(Some(m)) => format!("/app/growth?manager={m}"),
            Route::StaffScorecard => "/app/scorecard".into(),
            Route::StaffServices => "/app/services".into(),
            Route::StaffKnowledge => "/app/knowledge".into(),
            Route::PortalHome => "/portal".into(),
            Route::PortalSurveys => "/portal/surveys".into(),
            Route::PortalSurvey(id) => format!("/portal/surveys/{id}"),
            Route::SurveyLink => "/survey".into(),
            Route::PortalRoadmap => "/portal/roadmap".into(),
            Route::PortalBacklog => "/portal/backlog".into(),
            Route::PortalBacklogItem(item) => format!("/portal/backlog/{item}"),
            Route::PortalMeetings => "/portal/meetings".into(),
            Route::PortalMeeting(id) => format!("/portal/meetings/{id}"),
            Route::PortalReports => "/portal/reports".into(),
            Route::PortalReport(id) => format!("/portal/reports/{id}"),
            Route::PortalRisks => "/portal/risks".into(),
            Route::PortalKnowledge => "/portal/knowledge".into(),
            Route::PortalArticle(id) => format!("/portal/knowledge/{id}"),
            Route::PlatformAgencies => "/platform".into(),
            Route::Account(Area::Staff) => "/app/account".into(),
            Route::Account(Area::Portal) => "/portal/account".into(),
            Route::Account(Area::Platform) => "/platform/account".into(),
            Route::ApiDocs => "/api-docs".into(),
        }
    }
}

/// The tabs of a client's page; each is its own sub-route, so it can be linked to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClientTab {
    Overview,
    Roadmap,
    Segmentation,
    Contacts,
    Projects,
    Touchpoints,
    Meetings,
    Promises,
    Reports,
    Health,
    Risks,
    Incidents,
    Money,
    Growth,
}

impl ClientTab {
    pub const ALL: [ClientTab; 14] = [
        ClientTab::Overview,
        ClientTab::Roadmap,
        ClientTab::Segmentation,
        ClientTab::Contacts,
        ClientTab::Projects,
        ClientTab::Touchpoints,
        ClientTab::Meetings,
        ClientTab::Promises,
        ClientTab::Reports,
        ClientTab::Health,
        ClientTab::Risks,
        ClientTab::Incidents,
        ClientTab::Money,
        ClientTab::Growth,
    ];

    /// The path segment after `/app/clients/:id` (empty for Overview); also the tab link's class suffix.
    pub fn segment(self) -> &'static str {
        match self {
            ClientTab::Overview => "",
            ClientTab::Roadmap => "roadmap",
            ClientTab::Segmentation => "segmentation",
            ClientTab::Contacts => "contacts",
            ClientTab::Projects => "projects",
            ClientTab::Touchpoints => "touchpoints",
            ClientTab::Meetings => "meetings",
            ClientTab::Promises => "promises",
            ClientTab::Reports => "reports",
            ClientTab::Health => "health",
            ClientTab::Risks => "risks",
            ClientTab::Incidents => "incidents",
            ClientTab::Money => "money",
            ClientTab::Growth => "growth",
        }
    }
}

/// The three kinds of signed-in people; each has its own area of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    Staff,
    Portal,
    Platform,
}

impl Area {
    pub fn of(me: &Me) -> Area {
        match me.membership {
            Membership::Platform => Area::Platform,
            Membership::Staff { .. } => Area::Staff,
            Membership::Contact { .. } => Area::Portal,
        }
    }

    /// Where this kind of person lands after signing in.
    pub fn home(self) -> Route {
        match self {
            Area::Staff => Route::StaffClients,
            Area::Portal => Route::PortalHome,
            Area::Platform => Route::PlatformAgencies,
        }
    }

    /// Where a person starts after signing in (or opening `/`): staff who manage clients on the
    /// cockpit ("what needs attention"), everyone else on their area's home.
    pub fn start(me: &Me) -> Route {
        match &me.membership {
            Membership::Staff { role, .. } if *role != accord_api::StaffRole::Specialist => Route::StaffCockpit(None),
            _ => Area::of(me).home(),
        }
    }

    /// Whether an in-app URL is one this kind of person may be sent back to after sign-in.
    pub fn suits(self, path: &str) -> bool {
        let under = |prefix: &str| {
            path == prefix || path.starts_with(&format!("{prefix}/")) || path.starts_with(&format!("{prefix}?"))
        };
        match self {
            Area::Staff => under(&Route::StaffClients.path()),
            Area::Portal => under(&Route::PortalHome.path()),
            Area::Platform => under(&Route::PlatformAgencies.path()),
        }
    }
}

/// The token a mailed link carries in its fragment (`#<token>`), or an empty string.
pub fn link_token() -> String {
    let hash = leptos::prelude::window().location().hash().unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).trim().to_owned()
}

/// Accepts a `next` value only if it is a local path (no `//host` or scheme tricks) and not a
/// signed-out page (sign-in itself, or a one-time mailed link that would be spent by then).
pub fn safe_next(next: &str) -> Option<String> {
    let local = next.starts_with('/') && !next.starts_with("//") && !next.contains('\\');
    let signed_out_page =
        [Route::SignIn { next: None }, Route::ForgotPassword, Route::ResetPassword, Route::Invite, Route::SurveyLink]
            .iter()
            .any(|route| next.starts_with(&route.path()));
    (local && !signed_out_page).then(|| next.to_owned())
}
