//! What a client contact sees on the portal home.

use crate::auth::ClientRef;
use crate::{Money, PortalRole, ProjectKind, ProjectStatus};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortalHome {
    pub agency_name: String,
    pub client: ClientRef,
    pub contact_name: String,
    pub portal_role: PortalRole,
    pub account_manager: Option<ManagerCard>,
    pub projects: Vec<PortalProject>,
    /// Backlog items proposed to the client, awaiting a decision.
    #[serde(default)]
    pub awaiting_decision: u32,
    /// Published minutes the client has not yet acknowledged (awaiting or disputed).
    #[serde(default)]
    pub minutes_to_acknowledge: u32,
    /// Published reports the caller has not opened.
    #[serde(default)]
    pub unread_reports: u32,
    /// Surveys the caller is asked to answer now (the home page's banner).
    #[serde(default)]
    pub open_surveys: Vec<crate::surveys::OpenSurvey>,
}

/// The client's account manager, as the portal shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ManagerCard {
    pub name: String,
    pub email: String,
}

/// A project as the client sees it: the budget only when the agency shares it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortalProject {
    pub id: crate::ProjectId,
    pub name: String,
    pub kind: ProjectKind,
    pub status: ProjectStatus,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub budget: Option<Money>,
}
