//! `survey_ratings`: one CSI criterion's importance and satisfaction (1–10) in one answer.

use accord_api::{AgencyId, ClientId, SurveyAnswerId};
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
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
