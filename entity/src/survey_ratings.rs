//! `survey_ratings`: one CSI criterion's importance and satisfaction (1–10) in one answer, with
//! the answer's day, manager and segment as recorded (copied, so analytics need no join).

use accord_api::{Activity, AgencyId, ClientId, SurveyAnswerId, Temperament, UserId, ValueTier};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_ratings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub answer_id: SurveyAnswerId,
    pub criterion_key: String,
    pub importance: i32,
    pub satisfaction: i32,
    pub answered_on: Date,
    pub manager_id: Option<UserId>,
    pub manager_known: bool,
    pub temperament: Option<Temperament>,
    pub activity: Option<Activity>,
    pub tier: Option<ValueTier>,
    pub temperament_known: bool,
    pub activity_known: bool,
    pub tier_known: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
