//! The agency's own people.

use crate::{StaffRole, UserId, UserStatus};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffMember {
    pub id: UserId,
    pub name: String,
    pub email: String,
    pub role: StaffRole,
    pub status: UserStatus,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangeRoleRequest {
    pub role: StaffRole,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetStatusRequest {
    pub status: UserStatus,
}

/// Agency-wide settings an owner or admin changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgencySettings {
    /// Account managers may read every client (they change only their own).
    pub managers_see_all: bool,
    /// Days the client has to acknowledge published minutes before they are flagged (1–30).
    #[serde(default = "default_ack_days")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 30))]
    pub ack_days: u8,
    /// Working days (Monday–Friday) after a reporting period ends before its report is due (0–10).
    #[serde(default = "default_report_due_days")]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10))]
    pub report_due_days: u8,
    /// Days a published report may stay unopened by every contact before it is flagged (1–30).
    #[serde(default = "default_ack_days")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 30))]
    pub report_read_days: u8,
    /// On each client's report due date, a draft is made from the period's work for the
    /// manager to review (never published without a person).
    #[serde(default)]
    pub report_auto_draft: bool,
}

fn default_ack_days() -> u8 {
    3
}

fn default_report_due_days() -> u8 {
    2
}
