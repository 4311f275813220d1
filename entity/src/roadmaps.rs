//! `roadmaps`: a client's point A and point B (Markdown), one row per client.

use accord_api::{AgencyId, ClientId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "roadmaps")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub client_id: ClientId,
    pub agency_id: AgencyId,
    pub point_a: String,
    pub point_b: String,
    /// Sanitized HTML of the points, rendered on write by renderer `html_version`.
    pub point_a_html: String,
    pub point_b_html: String,
    pub html_version: i32,
    pub updated_by: Option<UserId>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
