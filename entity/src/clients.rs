//! `clients`: an agency's client accounts.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "clients")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub agency_id: Uuid,
    pub name: String,
    /// `name` lower-cased by the server (Unicode-aware, unlike SQLite's `lower`), for search.
    pub name_search: String,
    pub status: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub account_manager_id: Option<Uuid>,
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
    pub report_cadence: Option<String>,
    pub temperament: Option<String>,
    pub activity: Option<String>,
    pub value_tier: Option<String>,
    pub archived_at: Option<DateTimeUtc>,
    /// Kept equal to the newest touchpoint's time, so lists sort and warn without a join.
    pub last_touch_at: Option<DateTimeUtc>,
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
