//! `incidents`: a mistake taken through the seeds' five steps (notify, assess, plan, carry out,
//! prevent), each with when and who; the portal shows it from step 1 on.

use accord_api::risks::IncidentStep;
use accord_api::{AgencyId, ClientId, ContactId, IncidentId, ProjectId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "incidents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: IncidentId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub project_id: Option<ProjectId>,
    pub title: String,
    /// What happened (internal).
    pub description: String,
    pub step: IncidentStep,
    pub detected_at: DateTimeUtc,
    pub created_by: UserId,
    pub created_at: DateTimeUtc,
    /// Step 1: what the client was told.
    pub message: String,
    pub notified_at: Option<DateTimeUtc>,
    pub notified_by: Option<UserId>,
    /// Step 2: JSON `Damage`.
    pub damage: String,
    pub assessed_at: Option<DateTimeUtc>,
    pub assessed_by: Option<UserId>,
    /// Step 3: the fix plan.
    pub plan: String,
    pub planned_at: Option<DateTimeUtc>,
    pub planned_by: Option<UserId>,
    pub plan_ack_at: Option<DateTimeUtc>,
    pub plan_ack_by: Option<ContactId>,
    /// Step 4.
    pub fix_note: String,
    pub fixed_at: Option<DateTimeUtc>,
    pub fixed_by: Option<UserId>,
    /// Step 5.
    pub prevention: String,
    pub prevention_shared: bool,
    pub prevented_at: Option<DateTimeUtc>,
    pub prevented_by: Option<UserId>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
