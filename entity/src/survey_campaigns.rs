//! `survey_campaigns`: what an agency asks (NPS, CSI, extra questions), of whom (all active
//! clients, chosen ones or a segment; approvers or all contacts with portal access), how often,
//! and its reminders and closing.

use accord_api::surveys::{CampaignRecipients, CampaignStatus, CampaignTarget};
use accord_api::{AgencyId, SurveyCampaignId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_campaigns")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: SurveyCampaignId,
    pub agency_id: AgencyId,
    pub name: String,
    pub ask_nps: bool,
    pub ask_csi: bool,
    /// Extra questions (JSON list of `ExtraQuestion` with keys).
    pub extras: String,
    pub target: CampaignTarget,
    /// The chosen clients (JSON list of ids).
    pub target_clients: String,
    /// The segment (JSON `SegmentFilter`).
    pub segment: String,
    pub recipients: CampaignRecipients,
    pub repeat_months: Option<i32>,
    pub remind_after_days: i32,
    pub remind_max: i32,
    pub close_after_days: i32,
    pub status: CampaignStatus,
    /// When a repeating running campaign opens its next wave.
    pub next_wave_on: Option<Date>,
    pub created_by: UserId,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
