//! `client_revisions`: a number (summed over a client's rows) the database raises on every change to what a client's backlog
//! pages show (its items, their comments, its roadmap stages, contacts and projects, and the
//! names of its agency's staff), kept by triggers (migration 000023); read only, never written
//! by the application. The server's read cache keeps a page beside the number it was built at.

use accord_api::{AgencyId, ClientId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "client_revisions")]
pub struct Model {
    /// With `shard` the table's primary key; the entity names only this half (the rows are read
    /// in sums, never fetched or saved by key).
    #[sea_orm(primary_key, auto_increment = false)]
    pub client_id: ClientId,
    /// Which of the client's rows (always 0 on SQLite; on PostgreSQL the writing connection's).
    pub shard: i16,
    pub agency_id: AgencyId,
    /// This row's count of changes; the client's number is the sum of its rows.
    pub rev: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
