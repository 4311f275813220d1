//! `reports`: A client report: weekly or monthly, for the client or one project; the draft's sections, KPI rows and facts as JSON.

use accord_api::reports::ReportStatus;
use accord_api::{AgencyId, ClientId, ProjectId, ReportCadence, ReportId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: ReportId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub project_id: Option<ProjectId>,
    pub kind: ReportCadence,
    pub period_start: Date,
    pub period_end: Date,
    pub due_on: Date,
    pub title: String,
    /// The draft's sections (JSON: kind, title, Markdown, rendered HTML, hidden).
    pub sections: String,
    /// KPI rows for the period (JSON).
    pub kpis: String,
    /// The period's facts (JSON).
    pub stats: String,
    pub status: ReportStatus,
    /// The latest published revision (0: never published).
    pub revision: i32,
    /// Raised on every save (optimistic concurrency).
    pub version: i32,
    /// The draft differs from the published revision.
    pub draft_changed: bool,
    pub published_at: Option<DateTimeUtc>,
    pub published_by: Option<UserId>,
    pub created_by: UserId,
    /// Drafted by the due-date job (for the manager to review), not by a person.
    pub auto_drafted: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
