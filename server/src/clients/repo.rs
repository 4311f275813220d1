//! SeaORM queries for clients and contacts; every function takes the tenant transaction.

use crate::db::TenantTx;
use accord_api::{ClientId, ContactId};
use accord_entity::{clients, contacts, users};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

pub async fn page(
    tx: &TenantTx,
    search: Option<&str>,
    offset: u64,
    limit: u64,
) -> Result<(Vec<clients::Model>, u64), DbErr> {
    let mut q = tx.find::<clients::Entity>();
    if let Some(text) = search {
        let pattern = format!("%{}%", text.to_lowercase().replace('%', "\\%").replace('_', "\\_"));
        q = q.filter(Expr::col(clients::Column::NameSearch).like(pattern));
    }
    let total = q.clone().count(tx.conn()).await?;
    let rows = q
        .order_by_asc(clients::Column::Name)
        .order_by_asc(clients::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(tx.conn())
        .await?;
    Ok((rows, total))
}

/// Contacts per client for a page of clients, in one grouped query.
pub async fn contact_counts(tx: &TenantTx, ids: &[uuid::Uuid]) -> Result<HashMap<uuid::Uuid, u64>, DbErr> {
    let rows: Vec<(uuid::Uuid, i64)> = tx
        .find::<contacts::Entity>()
        .select_only()
        .column(contacts::Column::ClientId)
        .column_as(Expr::col(contacts::Column::Id).count(), "n")
        .filter(contacts::Column::ClientId.is_in(ids.iter().copied()))
        .group_by(contacts::Column::ClientId)
        .into_tuple()
        .all(tx.conn())
        .await?;
    Ok(rows.into_iter().map(|(id, n)| (id, n.max(0) as u64)).collect())
}

pub async fn find(tx: &TenantTx, id: ClientId) -> Result<Option<clients::Model>, DbErr> {
    tx.find::<clients::Entity>().filter(clients::Column::Id.eq(id.0)).one(tx.conn()).await
}

pub async fn insert(tx: &TenantTx, row: clients::Model) -> Result<(), DbErr> {
    debug_assert_eq!(row.agency_id, tx.agency_id().0);
    clients::Entity::insert(clients::ActiveModel::from(row)).exec_without_returning(tx.conn()).await.map(|_| ())
}

/// A client's contacts with the portal status of their account, if any (one join).
pub async fn contacts_of(
    tx: &TenantTx,
    client: ClientId,
) -> Result<Vec<(contacts::Model, Option<users::Model>)>, DbErr> {
    tx.find::<contacts::Entity>()
        .filter(contacts::Column::ClientId.eq(client.0))
        .find_also_related(users::Entity)
        .order_by_asc(contacts::Column::Name)
        .all(tx.conn())
        .await
}

pub async fn contact_email_taken(tx: &TenantTx, client: ClientId, email: &str) -> Result<bool, DbErr> {
    Ok(tx
        .find::<contacts::Entity>()
        .filter(contacts::Column::ClientId.eq(client.0))
        .filter(contacts::Column::Email.eq(email))
        .count(tx.conn())
        .await?
        > 0)
}

pub async fn insert_contact(tx: &TenantTx, row: contacts::Model) -> Result<ContactId, DbErr> {
    debug_assert_eq!(row.agency_id, tx.agency_id().0);
    let id = ContactId(row.id);
    contacts::Entity::insert(contacts::ActiveModel::from(row)).exec_without_returning(tx.conn()).await?;
    Ok(id)
}
