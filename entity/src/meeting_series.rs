//! `meeting_series`: A meeting series: the recurrence rule agreed with a client.

use accord_api::meetings::Frequency;
use accord_api::{AgencyId, ClientId, SeriesId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meeting_series")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: SeriesId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub uid: String,
    pub title: String,
    pub frequency: Frequency,
    pub interval_n: i32,
    pub weekday: Option<i32>,
    pub month_day: Option<i32>,
    pub week_of_month: Option<i32>,
    pub starts_on: Date,
    pub local_time: String,
    pub time_zone: String,
    pub duration_minutes: i32,
    pub place: Option<String>,
    pub until_on: Option<Date>,
    pub count_n: Option<i32>,
    pub sequence: i32,
    pub created_by: UserId,
    /// JSON `Invitees` (staff and contact ids); `None` = the account manager and every contact
    /// with portal access.
    pub invitees: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
