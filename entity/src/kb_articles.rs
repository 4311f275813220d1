//! `kb_articles`: the knowledge base: a service explainer (what we do and what we do NOT do) in both languages, Markdown as written and its sanitized HTML; published ones are read by every contact in the portal.

use accord_api::{AgencyId, ArticleId, ServiceId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "kb_articles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: ArticleId,
    pub agency_id: AgencyId,
    pub service_id: Option<ServiceId>,
    pub title_ru: String,
    pub title_en: String,
    pub body_ru: String,
    pub body_en: String,
    pub html_ru: String,
    pub html_en: String,
    pub published: bool,
    pub position: i32,
    pub updated_by: UserId,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
