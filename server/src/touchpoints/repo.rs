//! Touchpoint queries, all inside the client's transaction.

use crate::db::ClientTx;
use crate::paging::Paging;

use accord_entity::{clients, touchpoints};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{DbErr, QueryOrder, QuerySelect};

pub async fn page(tx: &ClientTx, paging: Paging) -> Result<(Vec<touchpoints::Model>, u64), DbErr> {
    let q = tx.find::<touchpoints::Entity>();
    let total = q.clone().count().await?;
    let rows =
        q.order_by_desc(touchpoints::Column::OccurredAt).offset(paging.offset()).limit(paging.limit()).all().await?;
    Ok((rows, total))
}

pub async fn insert(tx: &ClientTx, row: touchpoints::Model) -> Result<(), DbErr> {
    tx.insert(touchpoints::ActiveModel::from(row)).await
}

pub async fn set_last_touch(tx: &ClientTx, at: DateTime<Utc>) -> Result<(), DbErr> {
    tx.update_many::<clients::Entity>().col_expr(clients::Column::LastTouchAt, Expr::value(at)).exec().await.map(|_| ())
}
