//! Risks and incidents of a client (optionally of one of its projects).
//!
//! Risks: a register with probability and impact (1–5), mitigation, owner and due date; the
//! ones marked client-visible appear read-only in the portal. Incidents (mistakes): the seeds'
//! five steps — 1 admit and notify the client (the portal shows the incident from then on and
//! the approvers get a mail), 2 assess the damage (timeline, quality, result, reputation),
//! 3 propose a fix plan (the client may acknowledge it in the portal), 4 carry it out, 5 record
//! prevention measures (shared with the client or not). Each step records when and who.

use crate::types::{wire_enum, StaffRef};
use crate::{ClientId, IncidentId, ProjectId, RiskId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

wire_enum!(
    /// What kind of risk.
    RiskCategory {
        RequirementsChange = "requirements_change",
        TeamChange = "team_change",
        ClientUnavailable = "client_unavailable",
        Technical = "technical",
        Budget = "budget",
        Market = "market",
        Other = "other",
    }
);

wire_enum!(
    /// Where a risk stands.
    RiskStatus { Open = "open", Mitigated = "mitigated", Occurred = "occurred", Closed = "closed" }
);

/// A risk as written (create and full update). `probability` and `impact` are 1–5.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RiskInput {
    pub title: String,
    pub category: RiskCategory,
    #[serde(default)]
    pub project_id: Option<ProjectId>,
    pub probability: u8,
    pub impact: u8,
    #[serde(default)]
    pub mitigation: String,
    /// A staff member of the agency.
    #[serde(default)]
    pub owner_id: Option<UserId>,
    #[serde(default)]
    pub due_on: Option<NaiveDate>,
    pub status: RiskStatus,
    #[serde(default)]
    pub client_visible: bool,
}

/// A risk on the staff side.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RiskView {
    pub id: RiskId,
    pub client_id: ClientId,
    pub project_id: Option<ProjectId>,
    pub project_name: Option<String>,
    pub title: String,
    pub category: RiskCategory,
    pub probability: u8,
    pub impact: u8,
    /// probability × impact (1–25).
    pub exposure: u8,
    pub mitigation: String,
    pub owner: Option<StaffRef>,
    pub due_on: Option<NaiveDate>,
    /// Open, with a due date before today.
    pub overdue: bool,
    pub status: RiskStatus,
    pub client_visible: bool,
    pub created_by: StaffRef,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A client's risk register: every risk (open ones first, by exposure) and the matrix counts of
/// the open ones (`matrix[probability − 1][impact − 1]`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RiskRegister {
    pub items: Vec<RiskView>,
    pub matrix: Vec<Vec<u32>>,
    /// Whether the caller may add and change risks.
    pub can_edit: bool,
}

/// A client-visible risk in the portal (no owner, no internal fields).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortalRisk {
    pub id: RiskId,
    pub project_name: Option<String>,
    pub title: String,
    pub category: RiskCategory,
    pub probability: u8,
    pub impact: u8,
    pub mitigation: String,
    pub due_on: Option<NaiveDate>,
    pub status: RiskStatus,
}

wire_enum!(
    /// How far an incident has come: recorded (internal), then the five steps.
    IncidentStep {
        Detected = "detected",
        Notified = "notified",
        Assessed = "assessed",
        Planned = "planned",
        Fixed = "fixed",
        Prevented = "prevented",
    }
);

impl IncidentStep {
    /// 0 (recorded) … 5 (prevention recorded).
    pub fn number(self) -> u8 {
        match self {
            Self::Detected => 0,
            Self::Notified => 1,
            Self::Assessed => 2,
            Self::Planned => 3,
            Self::Fixed => 4,
            Self::Prevented => 5,
        }
    }
}

/// A new incident (recorded internally; step 1 notifies the client).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewIncident {
    pub title: String,
    #[serde(default)]
    pub project_id: Option<ProjectId>,
    /// What happened (internal until step 1 shares the message).
    #[serde(default)]
    pub description: String,
    /// When the mistake was found (default: now; not in the future).
    #[serde(default)]
    pub detected_at: Option<DateTime<Utc>>,
}

/// The damage, assessed on the seeds' four axes (step 2).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Damage {
    #[serde(default)]
    pub timeline: String,
    #[serde(default)]
    pub quality: String,
    #[serde(default)]
    pub result: String,
    #[serde(default)]
    pub reputation: String,
}

/// The next step of an incident, in order (a step out of order is 409 `wrong_step`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum StepInput {
    /// 1: admit the mistake and tell the client (this text is what they read).
    Notify { message: String },
    /// 2: the damage (at least one axis written).
    Assess { damage: Damage },
    /// 3: the fix plan the client may acknowledge.
    Plan { plan: String },
    /// 4: the fix is carried out.
    CarryOut { note: String },
    /// 5: prevention measures, shared with the client or kept internal.
    Prevent { measures: String, share: bool },
}

/// Who did a step and when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StepDone {
    pub at: DateTime<Utc>,
    pub by: StaffRef,
}

/// An incident on the staff side.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IncidentView {
    pub id: IncidentId,
    pub client_id: ClientId,
    pub project_id: Option<ProjectId>,
    pub project_name: Option<String>,
    pub title: String,
    pub description: String,
    pub step: IncidentStep,
    pub detected_at: DateTime<Utc>,
    pub created_by: StaffRef,
    pub message: String,
    pub notified: Option<StepDone>,
    /// Minutes from detection to notifying the client.
    pub notify_minutes: Option<i64>,
    pub damage: Damage,
    pub assessed: Option<StepDone>,
    pub plan: String,
    pub planned: Option<StepDone>,
    /// When a client approver acknowledged the plan, and who.
    pub plan_acknowledged_at: Option<DateTime<Utc>>,
    pub plan_acknowledged_by: Option<String>,
    pub fix_note: String,
    pub fixed: Option<StepDone>,
    pub prevention: String,
    pub prevention_shared: bool,
    pub prevented: Option<StepDone>,
    /// Days since detection (to step 5, or to today while open).
    pub days_open: i64,
    /// Not through step 5 within the agency's limit.
    pub too_long: bool,
    /// Whether the caller may take the next step.
    pub can_edit: bool,
}

/// An incident in the portal (from step 1 on): what the client was told, the damage, the plan
/// and its acknowledgement, and the prevention measures when shared.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortalIncident {
    pub id: IncidentId,
    pub project_name: Option<String>,
    pub title: String,
    pub step: IncidentStep,
    pub message: String,
    pub notified_at: DateTime<Utc>,
    pub damage: Option<Damage>,
    pub plan: Option<String>,
    pub planned_at: Option<DateTime<Utc>>,
    pub plan_acknowledged_at: Option<DateTime<Utc>>,
    pub plan_acknowledged_by: Option<String>,
    pub fixed_at: Option<DateTime<Utc>>,
    pub prevention: Option<String>,
    pub prevented_at: Option<DateTime<Utc>>,
    /// Whether this contact may acknowledge the plan now (an approver, plan proposed, not yet
    /// acknowledged).
    pub can_acknowledge: bool,
}

/// The portal's risks and incidents page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortalRisks {
    pub risks: Vec<PortalRisk>,
    pub incidents: Vec<PortalIncident>,
}
