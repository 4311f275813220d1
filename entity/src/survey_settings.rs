//! `survey_settings`: an agency's survey settings (one row, once saved): NPS wording in both languages (JSON), the recontact guard and the follow-up days.

use accord_api::{AgencyId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub agency_id: AgencyId,
    /// `{"ru": NpsTexts, "en": NpsTexts}`.
    pub nps_texts: String,
    /// A contact is asked at most this many times in six months, across campaigns.
    pub recontact_max: i32,
    /// Working days a detractor's follow-up is due in.
    pub followup_days: i32,
    pub updated_by: UserId,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
