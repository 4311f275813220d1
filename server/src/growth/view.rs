//! Upsell rows → wire shapes, with the names they show looked up in bulk (a fixed number of
//! statements per page, whatever the number of rows).

use super::settings::weighted;
use crate::clients::access::VisibleClients;
use crate::db::TenantTx;
use crate::error::ApiResult;
use accord_api::auth::ClientRef;
use accord_api::backlog::ItemRef;
use accord_api::growth::{ServiceRef, UpsellView};
use accord_api::{BacklogItemId, ClientId, ClientStatus, ContractId, Money, ServiceId, StaffRef, UserId};
use accord_entity::{backlog_items, clients, contracts, services, upsells};
use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;

#[derive(Default)]
pub struct Lookups {
    clients: HashMap<ClientId, ClientRef>,
    services: HashMap<ServiceId, String>,
    staff: HashMap<UserId, String>,
    items: HashMap<BacklogItemId, ItemRef>,
    contracts: HashMap<ContractId, String>,
}

fn ids<T: Ord + Copy>(it: impl Iterator<Item = T>) -> Vec<T> {
    let mut v: Vec<T> = it.collect();
    v.sort();
    v.dedup();
    v
}

impl Lookups {
    /// `visible` must cover the clients of `rows` (the rows were read through it).
    pub async fn load(tx: &TenantTx, visible: &VisibleClients, rows: &[upsells::Model]) -> ApiResult<Self> {
        if rows.is_empty() {
            return Ok(Self::default());
        }
        let client_ids = ids(rows.iter().map(|r| r.client_id));
        let clients = tx
            .find_in::<clients::Entity>(visible)
            .select_only()
            .column(clients::Column::Id)
            .column(clients::Column::Name)
            .column(clients::Column::Status)
            .filter(clients::Column::Id.is_in(client_ids))
            .into_tuple::<(ClientId, String, ClientStatus)>()
            .all()
            .await?
            .into_iter()
            .map(|(id, name, status)| (id, ClientRef { id, name, status }))
            .collect();
        let service_ids = ids(rows.iter().filter_map(|r| r.service_id));
        let services = if service_ids.is_empty() {
            HashMap::new()
        } else {
            tx.find::<services::Entity>()
                .select_only()
                .column(services::Column::Id)
                .column(services::Column::Name)
                .filter(services::Column::Id.is_in(service_ids))
                .into_tuple::<(ServiceId, String)>()
                .all()
                .await?
                .into_iter()
                .collect()
        };
        let people = ids(rows.iter().flat_map(|r| [r.owner_id, Some(r.created_by)]).flatten());
        let staff = crate::clients::view::staff_names(tx, people).await?;
        let item_ids = ids(rows.iter().filter_map(|r| r.backlog_item_id));
        let items = if item_ids.is_empty() {
            HashMap::new()
        } else {
            tx.find_in::<backlog_items::Entity>(visible)
                .select_only()
                .column(backlog_items::Column::Id)
                .column(backlog_items::Column::ProjectId)
                .column(backlog_items::Column::Title)
                .column(backlog_items::Column::Status)
                .filter(backlog_items::Column::Id.is_in(item_ids))
                .into_tuple()
                .all()
                .await?
                .into_iter()
                .map(|(id, project_id, title, status)| (id, ItemRef { id, project_id, title, status }))
                .collect()
        };
        let contract_ids = ids(rows.iter().filter_map(|r| r.contract_id));
        let contracts = if contract_ids.is_empty() {
            HashMap::new()
        } else {
            tx.find_in::<contracts::Entity>(visible)
                .select_only()
                .column(contracts::Column::Id)
                .column(contracts::Column::Title)
                .filter(contracts::Column::Id.is_in(contract_ids))
                .into_tuple::<(ContractId, String)>()
                .all()
                .await?
                .into_iter()
                .collect()
        };
        Ok(Self { clients, services, staff, items, contracts })
    }

    fn staff(&self, id: UserId) -> StaffRef {
        StaffRef { id, name: self.staff.get(&id).cloned().unwrap_or_default() }
    }

    pub fn upsell(&self, r: upsells::Model) -> UpsellView {
        let client = self.clients.get(&r.client_id).cloned().unwrap_or(ClientRef {
            id: r.client_id,
            name: String::new(),
            status: ClientStatus::Active,
        });
        UpsellView {
            id: r.id,
            client,
            title: r.title,
            service: r
                .service_id
                .map(|id| ServiceRef { id, name: self.services.get(&id).cloned().unwrap_or_default() }),
            weighted: Money { amount_minor: weighted(r.expected_minor, r.probability), currency: r.currency.clone() },
            expected: Money { amount_minor: r.expected_minor, currency: r.currency },
            probability: u8::try_from(r.probability).unwrap_or_default(),
            status: r.status,
            lost_reason: r.lost_reason,
            owner: r.owner_id.map(|id| self.staff(id)),
            backlog_item: r.backlog_item_id.and_then(|id| self.items.get(&id).cloned()),
            contract_title: r.contract_id.and_then(|id| self.contracts.get(&id).cloned()),
            contract_id: r.contract_id,
            closed_on: r.closed_on,
            created_by: self.staff(r.created_by),
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}
