//! `survey_invitations`: one contact asked in one wave — reminders sent, the saved draft, and when
//! it was answered (its mailed links are `survey_links`).

use accord_api::{AgencyId, ClientId, ContactId, SurveyCampaignId, SurveyInvitationId, SurveyWaveId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_invitations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: SurveyInvitationId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub campaign_id: SurveyCampaignId,
    pub wave_id: SurveyWaveId,
    pub contact_id: ContactId,
    pub expires_at: DateTimeUtc,
    pub reminders_sent: i32,
    pub last_sent_at: DateTimeUtc,
    /// The answer saved so far (JSON `AnswerInput`).
    pub draft: Option<String>,
    pub answered_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
