//! `client_health`: a client's latest health score (one row per client), so lists and the
//! at-risk scan read one row per client instead of grouping the history.

use accord_api::{AgencyId, ClientId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "client_health")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub score: Option<i32>,
    /// JSON `HealthScore` parts and left-out signals.
    pub parts: String,
    /// The keys of the parts graded below 5, weakest first, comma-separated (lists show them
    /// without reading the parts).
    pub weak: String,
    pub computed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
