//! `clients`: an agency's client accounts.

use accord_api::{Activity, AgencyId, ClientId, ClientStatus, ReportCadence, Temperament, UserId, ValueTier};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "clients")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: ClientId,
    pub agency_id: AgencyId,
    pub name: String,
    /// `name` lower-cased by the server (Unicode-aware, unlike SQLite's `lower`), for search.
    pub name_search: String,
    pub status: ClientStatus,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub account_manager_id: Option<UserId>,
    pub started_on: Option<Date>,
    pub ended_on: Option<Date>,
    pub business_model: Option<String>,
    pub audience: Option<String>,
    pub market: Option<String>,
    pub product_role: Option<String>,
    /// JSON array of strings: what the engagement includes.
    pub included: String,
    /// JSON array of strings: what it does not include.
    pub excluded: String,
    pub contact_cadence_days: Option<i32>,
    pub report_cadence: Option<ReportCadence>,
    pub temperament: Option<Temperament>,
    pub activity: Option<Activity>,
    /// The tier shown and recorded (on survey answers): the computed ABC tier unless
    /// `tier_override`, when it is the one set by hand.
    pub value_tier: Option<ValueTier>,
    pub archived_at: Option<DateTimeUtc>,
    /// Kept equal to the newest touchpoint's time, so lists sort and warn without a join.
    pub last_touch_at: Option<DateTimeUtc>,
    /// The ABC tier computed from trailing-12-month paid revenue (None before the first run).
    pub abc_tier: Option<ValueTier>,
    /// `value_tier` was set by hand and stays until an owner clears the override.
    pub tier_override: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::contacts::Entity")]
    Contacts,
}

impl Related<super::contacts::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Contacts.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
