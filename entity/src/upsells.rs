//! `upsells`: an upsell opportunity for an existing client; when won it links the backlog item or contract it became.

use accord_api::growth::UpsellStatus;
use accord_api::{AgencyId, BacklogItemId, ClientId, ContractId, ServiceId, UpsellId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "upsells")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: UpsellId,
    pub agency_id: AgencyId,
    pub client_id: ClientId,
    pub service_id: Option<ServiceId>,
    pub title: String,
    pub expected_minor: i64,
    pub currency: String,
    pub probability: i32,
    pub status: UpsellStatus,
    pub lost_reason: String,
    pub owner_id: Option<UserId>,
    pub backlog_item_id: Option<BacklogItemId>,
    pub contract_id: Option<ContractId>,
    pub closed_on: Option<Date>,
    pub created_by: UserId,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
