//! Staff names on a page (`clients::view::staff_names`: `users WHERE agency_id = ? AND id IN (…)`)
//! had only `ix_users_staff_names (agency_id, staff_role, id, name)` to use, and SQLite — which is
//! never ANALYZEd here — walked every user of the agency through it: at full scale the largest
//! agency has 4,665 users, 400 µs a lookup, and the clients list paid it on every request. Keyed
//! by (agency_id, id) and covering the name, the lookup is a few index seeks (35 µs).

use crate::rls;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        rls::exec(manager, "CREATE INDEX ix_users_agency_id ON users (agency_id, id, name)").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        rls::exec(manager, "DROP INDEX IF EXISTS ix_users_agency_id").await
    }
}
