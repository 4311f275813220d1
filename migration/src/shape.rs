//! Table shapes migrations share.

use sea_orm_migration::{prelude::*, schema::*};

pub(crate) fn a(name: &str) -> Alias {
    Alias::new(name)
}

/// The columns an agency-owned table starts with: an id and the agency (rows go with it).
pub(crate) fn agency_table(name: &str) -> TableCreateStatement {
    Table::create()
        .table(a(name))
        .col(pk_uuid(a("id")))
        .col(uuid(a("agency_id")))
        .foreign_key(
            ForeignKey::create()
                .name(format!("fk_{name}_agency"))
                .from(a(name), a("agency_id"))
                .to(a("agencies"), a("id"))
                .on_delete(ForeignKeyAction::Cascade),
        )
        .to_owned()
}

/// The columns every per-client table starts with: an id, the agency and the client (rows go
/// with their client).
pub(crate) fn client_table(name: &str) -> TableCreateStatement {
    Table::create()
        .table(a(name))
        .col(pk_uuid(a("id")))
        .col(uuid(a("agency_id")))
        .col(uuid(a("client_id")))
        .foreign_key(
            ForeignKey::create()
                .name(format!("fk_{name}_client"))
                .from(a(name), a("client_id"))
                .to(a("clients"), a("id"))
                .on_delete(ForeignKeyAction::Cascade),
        )
        .to_owned()
}
