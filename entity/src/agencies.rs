//! `agencies`: the tenants.

use accord_api::{AgencyId, AgencyStatus, Locale};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "agencies")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: AgencyId,
    pub name: String,
    #[sea_orm(unique)]
    pub slug: String,
    pub status: AgencyStatus,
    pub default_locale: Locale,
    pub time_zone: String,
    pub created_at: DateTimeUtc,
    /// Account managers may read every client (write only their own).
    pub managers_see_all: bool,
    /// Days the client has to acknowledge published minutes before they are flagged.
    pub ack_days: i32,
    /// Working days after a reporting period ends before its report is due.
    pub report_due_days: i32,
    /// Days a published report may stay unopened before it is flagged.
    pub report_read_days: i32,
    /// Each client's due report is drafted on its due date, for the manager to review.
    pub report_auto_draft: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
