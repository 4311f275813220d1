//! `survey_followups`: the task a detractor's answer opens for the client's account manager —
//! due in the agency's working days, closed with an outcome and a note.

use accord_api::surveys::FollowupOutcome;
use accord_api::{AgencyId, ClientId, SurveyAnswerId, SurveyFollowupId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_followups")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: SurveyFollowupId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub answer_id: SurveyAnswerId,
    pub assignee_id: Option<UserId>,
    pub due_on: Date,
    pub outcome: Option<FollowupOutcome>,
    pub note: String,
    pub closed_by: Option<UserId>,
    pub closed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
