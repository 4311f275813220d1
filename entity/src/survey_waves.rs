//! `survey_waves`: one round of a campaign — when it opened and closes, the questions as they
//! were asked (JSON), how many contacts were invited and how many the recontact guard left out.

use accord_api::{AgencyId, SurveyCampaignId, SurveyWaveId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_waves")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: SurveyWaveId,
    pub agency_id: AgencyId,
    pub campaign_id: SurveyCampaignId,
    pub number: i32,
    pub opened_at: DateTimeUtc,
    pub closes_at: DateTimeUtc,
    pub closed_at: Option<DateTimeUtc>,
    /// The questions frozen at opening (JSON: NPS texts in both languages, criteria, extras).
    pub questions: String,
    pub invited: i32,
    pub skipped: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
