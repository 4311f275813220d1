//! `meetings`: A stored meeting: a one-off, or an occurrence of a series that was edited, prepared or held. `attendees` is JSON.

use accord_api::meetings::{AckState, MeetingStatus};
use accord_api::{AgencyId, ClientId, MeetingId, SeriesId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meetings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: MeetingId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub series_id: Option<SeriesId>,
    pub occurrence_on: Option<Date>,
    pub uid: String,
    pub title: String,
    pub starts_at: DateTimeUtc,
    pub time_zone: String,
    pub duration_minutes: i32,
    pub place: Option<String>,
    pub status: MeetingStatus,
    pub cancel_reason: Option<String>,
    pub notes: String,
    pub notes_html: String,
    pub notes_version: i32,
    pub attendees: String,
    pub revision: i32,
    pub draft_changed: bool,
    pub published_at: Option<DateTimeUtc>,
    pub ack: AckState,
    pub ack_at: Option<DateTimeUtc>,
    pub sequence: i32,
    /// When the 24-hour reminder went out.
    pub reminded_at: Option<DateTimeUtc>,
    /// JSON `Invitees` (staff and contact ids); `None` = the account manager and every contact
    /// with portal access.
    pub invitees: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
