//! `report_messages`: A message on a report: a client's question, a staff answer to it, or a staff-only note.

use accord_api::{AgencyId, BacklogItemId, ClientId, ReportId, ReportMessageId, Side, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "report_messages")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: ReportMessageId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub report_id: ReportId,
    /// The question an answer or a note belongs to.
    pub question_id: Option<ReportMessageId>,
    pub side: Side,
    pub author_id: UserId,
    pub author_name: String,
    /// Staff only: never in a portal answer.
    pub internal: bool,
    pub body: String,
    pub body_html: String,
    /// The backlog idea a question became.
    pub backlog_item_id: Option<BacklogItemId>,
    /// A question's first staff answer (none: unanswered).
    pub answered_at: Option<DateTimeUtc>,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
