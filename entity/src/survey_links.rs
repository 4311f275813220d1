//! `survey_links`: a token mailed for a survey invitation (the first mail and each reminder's),
//! stored only as its SHA-256; every one works until the invitation is answered or its wave closes.

use accord_api::{AgencyId, ClientId, SurveyInvitationId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_links")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub invitation_id: SurveyInvitationId,
    pub token_hash: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
