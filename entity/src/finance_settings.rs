//! `finance_settings`: an agency's base currency and how many days a closing document may stay unsigned before it is flagged (one row, once saved; until then RUB and 30 days).

use accord_api::{AgencyId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "finance_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub agency_id: AgencyId,
    pub base_currency: String,
    pub act_unsigned_days: i32,
    pub updated_by: UserId,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
