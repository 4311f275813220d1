//! Account health (staff only, never in the portal): a 0–100 score per client from weighted
//! signals, each graded 0–10 with the facts behind the grade; its daily history and corridor;
//! the agency's weights and thresholds; the at-risk list and managers' portfolios; and the
//! owner's cockpit. The grading rules are in `server/src/health/signals.rs`.

use crate::auth::ClientRef;
use crate::meetings::AckState;
use crate::surveys::NpsClass;
use crate::types::{wire_enum, ReportCadence, StaffRef};
use crate::{ActionItemId, IncidentId, MeetingId, ProjectId, ReportId, SurveyFollowupId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

wire_enum!(
    /// One signal of the score.
    SignalKey {
        Nps = "nps",
        Csi = "csi",
        Contact = "contact",
        OverduePromises = "overdue_promises",
        BrokenPromises = "broken_promises",
        Minutes = "minutes",
        Reports = "reports",
        Backlog = "backlog",
        Incidents = "incidents",
        Money = "money",
    }
);

/// The facts a signal's grade comes from (the UI words them; each variant is one signal).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "signal", rename_all = "snake_case")]
pub enum Reason {
    /// The latest NPS answer.
    Nps { score: u8, class: NpsClass, on: NaiveDate },
    /// The latest CSI answer (10..100).
    Csi { csi: f64, on: NaiveDate },
    /// Days since the last touchpoint (or since the client was entered, when there is none)
    /// against the agreed cadence.
    Contact { days: i64, cadence: i32, never: bool },
    /// Agency promises past their date and not done; the oldest one's days overdue.
    OverduePromises { overdue: u32, oldest_days: i64 },
    /// Agency promises that fell due in the window, and how many were kept (done by the date).
    BrokenPromises { kept: u32, due: u32, window_days: u32 },
    /// Minutes published in the window: acknowledged, awaiting past the agency's limit, disputed.
    Minutes { acknowledged: u32, awaiting: u32, disputed: u32 },
    /// Reports in the window: published, of them unread past the agency's limit; required
    /// periods past their due date without a published report.
    Reports { published: u32, unread: u32, overdue: u32 },
    /// Active projects, how many of them below the two agreed-items standard, and the fewest
    /// agreed not-started items any of them has.
    Backlog { projects: u32, below: u32, fewest: u32 },
    /// Incidents not yet through step 5, of them open longer than the agency allows.
    Incidents { open: u32, too_long: u32 },
    /// Invoices past their due date and not fully paid, and the oldest one's days overdue
    /// (0 when none is).
    Money { overdue: u32, oldest_days: i64 },
}

/// One signal's part in a score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalPart {
    pub key: SignalKey,
    /// 0–10 (one decimal).
    pub grade: f64,
    /// The agency's weight for it.
    pub weight: u32,
    /// Its share of the score in points (grade × 10 × weight / the present signals' weights).
    pub points: f64,
    pub reason: Reason,
}

/// A score and how it was made.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HealthScore {
    /// 0–100; `None` when no signal has data.
    pub score: Option<u8>,
    pub parts: Vec<SignalPart>,
    /// Signals with no data: left out, the others' weights re-normalised.
    pub left_out: Vec<SignalKey>,
    pub computed_at: DateTime<Utc>,
}

/// One day of a client's history: that day's lowest score, and the corridor around the rolling
/// mean of the days before it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HealthDay {
    pub day: NaiveDate,
    pub score: u8,
    /// Rolling mean of the last 30 days' points (this one included).
    pub mean: f64,
    pub low: f64,
    pub high: f64,
    /// Below the corridor.
    pub below: bool,
}

wire_enum!(
    /// Why a client is on the at-risk list.
    RiskFlag { Low = "low", Drop = "drop" }
);

/// A client's health page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientHealth {
    pub client: ClientRef,
    pub current: HealthScore,
    /// The last 12 months, one point per day with a score.
    pub history: Vec<HealthDay>,
    /// The score's drop over the agency's drop window (highest in the window − now), if any.
    pub drop: Option<u8>,
    pub flags: Vec<RiskFlag>,
    pub settings: HealthSettings,
}

/// One weight.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Weight {
    pub key: SignalKey,
    /// 0–100 (0 leaves the signal out).
    pub weight: u32,
}

/// The agency's health settings (owners and admins change them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HealthSettings {
    /// Every signal once.
    pub weights: Vec<Weight>,
    /// Half the corridor's width around the rolling mean, in points (1–50; default 10).
    pub corridor: u32,
    /// At risk below this score (1–100; default 50).
    pub at_risk_below: u32,
    /// At risk after a drop of this many points (1–100; default 15) …
    pub drop_points: u32,
    /// … within this many days (1–90; default 30).
    pub drop_days: u32,
    /// An incident not through step 5 after this many days is open too long (1–90; default 14).
    pub incident_days: u32,
}

/// A client's score now and with the proposed settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreviewRow {
    pub client: ClientRef,
    pub current: Option<u8>,
    pub proposed: Option<u8>,
    pub at_risk_now: bool,
    pub at_risk_proposed: bool,
}

/// What the proposed settings would do to the portfolio (nothing is saved).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HealthPreview {
    /// The clients whose score or risk would change most, largest change first (at most 50).
    pub rows: Vec<PreviewRow>,
    pub clients: u32,
    pub changed: u32,
    pub at_risk_now: u32,
    pub at_risk_proposed: u32,
    pub mean_now: Option<f64>,
    pub mean_proposed: Option<f64>,
}

/// One client on the at-risk list or in a portfolio.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientScoreRow {
    pub client: ClientRef,
    pub manager: Option<StaffRef>,
    pub score: Option<u8>,
    pub drop: Option<u8>,
    pub flags: Vec<RiskFlag>,
    /// The signals graded below 5, weakest first (every client).
    pub weak: Vec<SignalKey>,
    /// For a client at risk, the weakest parts (grade below 5), weakest first: the reasons to
    /// show (empty for the others).
    pub reasons: Vec<SignalPart>,
    pub computed_at: Option<DateTime<Utc>>,
}

/// One manager's portfolio (`manager` none: clients without one).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Portfolio {
    pub manager: Option<StaffRef>,
    pub clients: u32,
    pub scored: u32,
    pub mean: Option<f64>,
    pub at_risk: u32,
}

/// The agency's (or a manager's) health overview.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HealthOverview {
    pub at_risk: Vec<ClientScoreRow>,
    pub portfolios: Vec<Portfolio>,
    /// Every visible active client with its score, lowest first.
    pub clients: Vec<ClientScoreRow>,
    pub settings: HealthSettings,
}

// ---- The owner's cockpit ----

/// An agency promise due this week (or overdue).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CockpitPromise {
    pub id: ActionItemId,
    pub client: ClientRef,
    pub title: String,
    pub due_on: NaiveDate,
    pub overdue: bool,
    pub assignee: Option<StaffRef>,
}

/// Published minutes the client has not acknowledged (or disputed).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CockpitMinutes {
    pub meeting: MeetingId,
    pub client: ClientRef,
    pub title: String,
    pub published_at: DateTime<Utc>,
    pub ack: AckState,
}

/// A report period due (or overdue) without a published report, or a draft to publish.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CockpitReport {
    pub client: ClientRef,
    pub kind: ReportCadence,
    pub period_start: NaiveDate,
    pub due_on: NaiveDate,
    pub overdue: bool,
    pub report: Option<ReportId>,
}

/// An open detractor follow-up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CockpitFollowup {
    pub id: SurveyFollowupId,
    pub client: ClientRef,
    pub nps: Option<u8>,
    pub due_on: NaiveDate,
    pub overdue: bool,
    pub assignee: Option<StaffRef>,
}

/// An active project below the backlog standard (two agreed items not started).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CockpitProject {
    pub project: ProjectId,
    pub client: ClientRef,
    pub name: String,
    pub agreed: u32,
}

/// A client not contacted for longer than its cadence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CockpitSilent {
    pub client: ClientRef,
    /// Days since the last touchpoint (`None`: never).
    pub days: Option<i64>,
    pub cadence: i32,
}

/// An incident not yet through step 5.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CockpitIncident {
    pub id: IncidentId,
    pub client: ClientRef,
    pub title: String,
    pub step: crate::risks::IncidentStep,
    pub days_open: i64,
    pub too_long: bool,
}

/// One cockpit list: the first rows (at most 10) and how many there are.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CockpitList<T> {
    pub items: Vec<T>,
    pub total: u32,
}

impl<T> Default for CockpitList<T> {
    fn default() -> Self {
        Self { items: Vec::new(), total: 0 }
    }
}

/// The staff home: what needs doing across the clients the caller sees (or one manager's).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Cockpit {
    pub manager: Option<StaffRef>,
    pub today: NaiveDate,
    pub at_risk: CockpitList<ClientScoreRow>,
    pub promises: CockpitList<CockpitPromise>,
    pub minutes: CockpitList<CockpitMinutes>,
    pub reports: CockpitList<CockpitReport>,
    pub followups: CockpitList<CockpitFollowup>,
    pub below_standard: CockpitList<CockpitProject>,
    pub silent: CockpitList<CockpitSilent>,
    pub incidents: CockpitList<CockpitIncident>,
    /// The staff a cockpit can be narrowed to (owners and admins only; empty otherwise).
    pub managers: Vec<StaffRef>,
}
