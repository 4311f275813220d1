//! `survey_answers`: a submitted answer — its source, NPS and "why?", extra answers, its own
//! CSI, and the client's account manager and segment recorded when it was submitted.

use accord_api::surveys::{AnswerSource, NpsClass, PromoterMark};
use accord_api::{
    Activity, AgencyId, ClientId, ContactId, SurveyAnswerId, SurveyCampaignId, SurveyWaveId, Temperament, UserId,
    ValueTier,
};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_answers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: SurveyAnswerId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub campaign_id: Option<SurveyCampaignId>,
    pub wave_id: Option<SurveyWaveId>,
    pub contact_id: Option<ContactId>,
    pub source: AnswerSource,
    pub nps: Option<i32>,
    pub nps_class: Option<NpsClass>,
    pub why: String,
    /// Extra questions' answers (JSON list of `ExtraAnswer`).
    pub extras: String,
    /// This answer's own CSI (10..100).
    pub csi: Option<f64>,
    pub manager_id: Option<UserId>,
    /// `false`: imported without a manager column (its own "unknown" group).
    pub manager_known: bool,
    pub temperament: Option<Temperament>,
    pub activity: Option<Activity>,
    pub tier: Option<ValueTier>,
    /// `false`: imported without that segment value (its own "unknown" group).
    pub temperament_known: bool,
    pub activity_known: bool,
    pub tier_known: bool,
    /// The day it was given, in the agency's time zone (periods group by it).
    pub answered_on: Date,
    pub submitted_at: DateTimeUtc,
    /// Who took a phone answer.
    pub taken_by: Option<UserId>,
    pub mark: Option<PromoterMark>,
    /// An imported row's fingerprint (duplicates are refused).
    pub import_key: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
