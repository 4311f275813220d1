//! The transactions feature code works in. [`TenantTx`] sees one agency; [`ClientTx`] one client
//! of one agency and is opened only through `clients::access` (which checks the caller may see
//! that client); [`PlatformTx`] is the escape hatch. Reads, updates and deletes start from the
//! transaction and are filtered by its scope; inserts have the scope's columns filled in. None
//! of them hands out its connection except [`PlatformTx`].

use super::conn::Conn;
use super::owned::{AgencyOwned, ClientOwned, TenantOwned, TenantScope};
use super::scoped::{Scoped, UnionPart};
use super::template::StatementCache;
use crate::clients::access::{Grant, OwnClient, VisibleClients};
use accord_api::{AgencyId, ClientId};
use accord_entity::clients;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Query, SelectStatement, UnionType};
use sea_orm::IdenStatic;
use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ColumnTrait, Condition, DatabaseTransaction, DbErr, DeleteMany, EntityTrait,
    IntoActiveModel, QueryFilter, QueryResult, Select, UpdateMany, Value,
};

pub struct TenantTx {
    tx: Conn,
    scope: TenantScope,
    now: DateTime<Utc>,
}

impl TenantTx {
    pub(super) fn new(tx: Conn, scope: TenantScope, now: DateTime<Utc>) -> Self {
        Self { tx, scope, now }
    }

    pub fn agency_id(&self) -> AgencyId {
        self.scope.agency()
    }

    pub fn scope(&self) -> TenantScope {
        self.scope
    }

    /// "Now" for this change: taken from the clock once, when the transaction opened.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    pub fn backend(&self) -> sea_orm::DbBackend {
        sea_orm::ConnectionTrait::get_database_backend(&self.tx)
    }

    /// Ends an agency-wide read (an analysis that scanned the agency's indexes). On SQLite the
    /// connection first hands back the pages it cached (`PRAGMA shrink_memory`): every pooled
    /// connection would otherwise keep its own copy of them (up to its cache size) after the
    /// request. On PostgreSQL a plain commit.
    pub async fn commit_agency_wide_read(self) -> Result<(), DbErr> {
        if self.backend() == sea_orm::DbBackend::Sqlite && matches!(self.tx, Conn::Tx(_)) {
            sea_orm::ConnectionTrait::execute_unprepared(&self.tx, "PRAGMA shrink_memory").await?;
        }
        self.commit().await
    }

    /// The rows of `outer`, a query over the rows of `parts` (scoped queries of this
    /// transaction, all selecting the same columns) joined by `UNION ALL` as the table `u`:
    /// `SELECT … FROM (part UNION ALL part…) AS u`. Sums over several ranges of rows, even of
    /// several tables, in one statement that returns only what `outer` keeps. `outer` adds its
    /// columns, groups, order and limit over `u`, and reads nothing else. A part made on another
    /// transaction (another tenant's) is refused.
    pub async fn union_all_rows(
        &self,
        parts: Vec<UnionPart<'_>>,
        outer: impl FnOnce(&mut SelectStatement),
    ) -> Result<Vec<QueryResult>, DbErr> {
        if parts.iter().any(|p| !std::ptr::eq(p.tx, &self.tx)) {
            return Err(DbErr::Custom("a union part of another transaction".into()));
        }
        let mut parts = parts.into_iter().map(|p| p.q);
        let Some(mut union) = parts.next() else { return Ok(Vec::new()) };
        for part in parts {
            union.union(UnionType::All, part);
        }
        let mut query = Query::select();
        query.from_subquery(union, Alias::new("u"));
        outer(&mut query);
        sea_orm::ConnectionTrait::query_all(&self.tx, self.backend().build(&query)).await
    }

    fn pins<E: TenantOwned>(&self) -> Vec<(String, Value)> {
        vec![(E::tenant_column().as_str().to_string(), self.scope.agency().into())]
    }

    fn agency_rows<E: TenantOwned>(&self) -> Condition {
        Condition::all().add(E::tenant_column().eq(self.scope.agency()))
    }

    /// Rows of clients the caller sees (and, where a table allows it, rows of no client).
    fn visible_rows<E: ClientOwned>(&self, visible: &VisibleClients) -> Condition {
        let clients = if E::MAY_HAVE_NO_CLIENT {
            Condition::any().add(E::client_column().is_null()).add(visible.condition(E::client_column()))
        } else {
            visible.condition(E::client_column())
        };
        self.agency_rows::<E>().add(clients)
    }

    /// Reads the agency's own tables. A client's rows are read through its [`ClientTx`], or
    /// across clients with [`TenantTx::find_in`]: a per-client table does not compile here.
    pub fn find<E: AgencyOwned>(&self) -> Scoped<'_, Select<E>> {
        Scoped::new(E::find().filter(self.agency_rows::<E>()), &self.tx)
    }

    /// Reads a per-client table across the clients the caller sees (lists spanning clients).
    pub fn find_in<E: ClientOwned>(&self, visible: &VisibleClients) -> Scoped<'_, Select<E>> {
        Scoped::new(E::find().filter(self.visible_rows::<E>(visible)), &self.tx)
    }

    pub fn update_many<E: AgencyOwned>(&self) -> Scoped<'_, UpdateMany<E>> {
        Scoped::pinned(E::update_many().filter(self.agency_rows::<E>()), &self.tx, self.pins::<E>())
    }

    /// Updates a per-client table across the clients the caller sees.
    pub fn update_in<E: ClientOwned>(&self, visible: &VisibleClients) -> Scoped<'_, UpdateMany<E>> {
        Scoped::pinned(E::update_many().filter(self.visible_rows::<E>(visible)), &self.tx, self.pins::<E>())
    }

    /// Deletes a per-client table's rows across the clients the caller sees.
    pub fn delete_in<E: ClientOwned>(&self, visible: &VisibleClients) -> Scoped<'_, DeleteMany<E>> {
        Scoped::new(E::delete_many().filter(self.visible_rows::<E>(visible)), &self.tx)
    }

    pub fn delete_many<E: AgencyOwned>(&self) -> Scoped<'_, DeleteMany<E>> {
        Scoped::new(E::delete_many().filter(self.agency_rows::<E>()), &self.tx)
    }

    /// Saves a whole row by its primary key, only if it is this tenant's (the agency column
    /// stays the scope's). Returns whether a row was saved.
    pub async fn update<A>(&self, row: A) -> Result<bool, DbErr>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        A::Entity: AgencyOwned,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
    {
        update_pinned(&self.tx, row, &self.pins::<A::Entity>(), self.agency_rows::<A::Entity>()).await
    }

    /// Inserts a row with this tenant's agency filled in, whatever the row said.
    pub async fn insert<A>(&self, row: impl IntoActiveModel<A>) -> Result<(), DbErr>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
        A::Entity: TenantOwned,
    {
        self.insert_many(std::iter::once(row.into_active_model())).await
    }

    /// Inserts rows in one statement (callers keep batches under SQLite's parameter limit).
    pub async fn insert_many<A>(&self, rows: impl IntoIterator<Item = A>) -> Result<(), DbErr>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
        A::Entity: TenantOwned,
    {
        let pins = self.pins::<A::Entity>();
        insert_pinned(&self.tx, rows, &pins).await
    }

    pub async fn commit(self) -> Result<(), DbErr> {
        self.tx.commit().await
    }
}

/// One client's rows, for reading: what a [`ClientTx`] reads through (it dereferences to this),
/// and all a portal page read in one statement needs (`clients::access::open_portal_single`):
/// the scope, not the client's row, which such a page reads in that same statement.
pub struct ClientView {
    pub(super) tenant: TenantTx,
    pub(super) client: ClientId,
}

impl ClientView {
    /// A portal contact's own client: only `clients::access` can make the [`OwnClient`].
    pub fn open(tenant: TenantTx, own: OwnClient) -> Self {
        Self { tenant, client: own.client() }
    }

    pub fn client_id(&self) -> ClientId {
        self.client
    }

    pub fn agency_id(&self) -> AgencyId {
        self.tenant.agency_id()
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.tenant.now
    }

    /// The agency-wide view of the same transaction, for agency data a client's page shows
    /// (staff names, agency settings). Never for another client's rows.
    pub fn agency(&self) -> &TenantTx {
        &self.tenant
    }

    fn pins<E: ClientOwned>(&self) -> Vec<(String, Value)> {
        let mut pins = self.tenant.pins::<E>();
        pins.push((E::client_column().as_str().to_string(), self.client.into()));
        pins
    }

    fn owned<E: ClientOwned>(&self) -> Condition {
        Condition::all().add(E::tenant_column().eq(self.tenant.scope.agency())).add(E::client_column().eq(self.client))
    }

    /// The one way to read this client's rows.
    pub fn find<E: ClientOwned>(&self) -> Scoped<'_, Select<E>> {
        Scoped::new(E::find().filter(self.owned::<E>()), &self.tenant.tx)
    }

    /// `q` beside this client's rows of `E`, by a LEFT JOIN on the scope alone (each row of `q`
    /// repeated for every row of `E`, or once with `E`'s columns NULL when there are none).
    pub fn left_join_own<'a, E: ClientOwned + Default, Q: EntityTrait>(
        &self,
        mut q: Scoped<'a, Select<Q>>,
    ) -> Scoped<'a, Select<Q>> {
        sea_orm::QuerySelect::query(&mut q).join(
            sea_orm::sea_query::JoinType::LeftJoin,
            E::default(),
            self.owned::<E>(),
        );
        q
    }

    /// The rows of the page query `build` makes from this view, its statement kept in `cache`
    /// after the first request (see [`StatementCache`]). The scope's agency and client and the
    /// transaction's "now" vary by themselves; `varying` names what else the query takes from
    /// the request (the contact). Use it only where the query's shape never depends on the
    /// request: the same sub-selects, joins and conditions every time.
    pub async fn rows_cached<'a, E: EntityTrait>(
        &'a self,
        cache: &StatementCache,
        varying: &[Value],
        build: impl FnOnce(&'a Self) -> Scoped<'a, Select<E>>,
    ) -> Result<Vec<sea_orm::QueryResult>, DbErr> {
        let mut all: Vec<Value> = vec![self.agency_id().into(), self.client.into(), self.now().into()];
        all.extend_from_slice(varying);
        let statement = cache.statement(self.tenant.backend(), &all, || build(self).statement());
        sea_orm::ConnectionTrait::query_all(&self.tenant.tx, statement).await
    }

    /// Ends the read (a commit, or nothing for a one-statement read).
    pub async fn finish(self) -> Result<(), DbErr> {
        self.tenant.commit().await
    }
}

/// One client's data, opened after the caller's access to that client was checked.
pub struct ClientTx {
    view: ClientView,
    client: clients::Model,
}

impl std::ops::Deref for ClientTx {
    type Target = ClientView;
    fn deref(&self) -> &ClientView {
        &self.view
    }
}

impl ClientTx {
    /// Only `clients::access` can make a [`Grant`]: it is the proof the check ran.
    pub fn open(tenant: TenantTx, grant: Grant) -> Self {
        let client = grant.into_client();
        Self { view: ClientView { tenant, client: client.id }, client }
    }

    /// The client as loaded when access was checked.
    pub fn client(&self) -> &clients::Model {
        &self.client
    }

    pub fn update_many<E: ClientOwned>(&self) -> Scoped<'_, UpdateMany<E>> {
        Scoped::pinned(E::update_many().filter(self.view.owned::<E>()), &self.view.tenant.tx, self.view.pins::<E>())
    }

    pub fn delete_many<E: ClientOwned>(&self) -> Scoped<'_, DeleteMany<E>> {
        Scoped::new(E::delete_many().filter(self.view.owned::<E>()), &self.view.tenant.tx)
    }

    /// Saves a whole row by its primary key, only if it is this client's (agency and client
    /// columns stay the scope's). Returns whether a row was saved.
    pub async fn update<A>(&self, row: A) -> Result<bool, DbErr>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        A::Entity: ClientOwned,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
    {
        update_pinned(&self.view.tenant.tx, row, &self.view.pins::<A::Entity>(), self.view.owned::<A::Entity>()).await
    }

    /// Inserts a row with this client's agency and client filled in, whatever the row said.
    pub async fn insert<A>(&self, row: impl IntoActiveModel<A>) -> Result<(), DbErr>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
        A::Entity: ClientOwned,
    {
        self.insert_many(std::iter::once(row.into_active_model())).await
    }

    pub async fn insert_many<A>(&self, rows: impl IntoIterator<Item = A>) -> Result<(), DbErr>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
        A::Entity: ClientOwned,
    {
        let pins = self.view.pins::<A::Entity>();
        insert_pinned(&self.view.tenant.tx, rows, &pins).await
    }

    pub async fn commit(self) -> Result<(), DbErr> {
        self.view.tenant.commit().await
    }
}

/// The escape hatch's transaction: sees every tenant (platform-level work only).
pub struct PlatformTx {
    tx: DatabaseTransaction,
    now: DateTime<Utc>,
}

impl PlatformTx {
    pub(super) fn new(tx: DatabaseTransaction, now: DateTime<Utc>) -> Self {
        Self { tx, now }
    }

    /// "Now" for this change: taken from the clock once, when the transaction opened.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    pub fn conn(&self) -> &DatabaseTransaction {
        &self.tx
    }

    pub async fn commit(self) -> Result<(), DbErr> {
        self.tx.commit().await
    }
}

/// Rows of tenant-owned tables written from either side of the wall (the outbox, the audit
/// log): in a tenant's transaction the agency is filled in from the scope; in the platform's
/// it is kept as given.
pub trait Writes {
    /// The transaction's "now" (rows written through it are stamped with it).
    fn now(&self) -> DateTime<Utc>;

    #[allow(async_fn_in_trait)]
    async fn write_row<A>(&self, row: A) -> Result<(), DbErr>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
        A::Entity: TenantOwned;
}

impl Writes for TenantTx {
    fn now(&self) -> DateTime<Utc> {
        self.now
    }

    async fn write_row<A>(&self, row: A) -> Result<(), DbErr>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
        A::Entity: TenantOwned,
    {
        self.insert(row).await
    }
}

impl Writes for ClientTx {
    fn now(&self) -> DateTime<Utc> {
        self.view.tenant.now
    }

    async fn write_row<A>(&self, row: A) -> Result<(), DbErr>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
        A::Entity: TenantOwned,
    {
        self.view.tenant.insert(row).await
    }
}

impl Writes for PlatformTx {
    fn now(&self) -> DateTime<Utc> {
        self.now
    }

    async fn write_row<A>(&self, row: A) -> Result<(), DbErr>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
        A::Entity: TenantOwned,
    {
        <A::Entity as EntityTrait>::insert(row).exec_without_returning(&self.tx).await.map(|_| ())
    }
}

impl<T: Writes> Writes for &T {
    fn now(&self) -> DateTime<Utc> {
        (**self).now()
    }

    async fn write_row<A>(&self, row: A) -> Result<(), DbErr>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        A::Entity: TenantOwned,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
    {
        (**self).write_row(row).await
    }
}

async fn update_pinned<A>(
    tx: &Conn,
    mut row: A,
    pins: &[(String, Value)],
    owned: impl sea_orm::sea_query::IntoCondition,
) -> Result<bool, DbErr>
where
    A: ActiveModelTrait + ActiveModelBehavior + Send,
    <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
{
    use std::str::FromStr;
    for (name, value) in pins {
        if let Ok(col) = <A::Entity as EntityTrait>::Column::from_str(name) {
            row.set(col, value.clone());
        }
    }
    match <A::Entity as EntityTrait>::update(row).filter(owned).exec(tx).await {
        Ok(_) => Ok(true),
        Err(DbErr::RecordNotUpdated) => Ok(false),
        Err(e) => Err(e),
    }
}

async fn insert_pinned<A>(tx: &Conn, rows: impl IntoIterator<Item = A>, pins: &[(String, Value)]) -> Result<(), DbErr>
where
    A: ActiveModelTrait + ActiveModelBehavior + Send,
    <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
{
    use std::str::FromStr;
    let rows: Vec<A> = rows
        .into_iter()
        .map(|mut row| {
            for (name, value) in pins {
                if let Ok(col) = <A::Entity as EntityTrait>::Column::from_str(name) {
                    row.set(col, value.clone());
                }
            }
            row
        })
        .collect();
    if rows.is_empty() {
        return Ok(());
    }
    <A::Entity as EntityTrait>::insert_many(rows).exec_without_returning(tx).await.map(|_| ())
}

/// Jobs written in the change's own transaction (see `jobs::enqueue`).
impl crate::jobs::JobTx for TenantTx {
    fn now(&self) -> DateTime<Utc> {
        self.now
    }

    async fn insert_job(&self, insert: sea_orm::Insert<accord_entity::jobs::ActiveModel>) -> Result<u64, DbErr> {
        insert.exec_without_returning(&self.tx).await
    }
}

impl crate::jobs::JobTx for ClientTx {
    fn now(&self) -> DateTime<Utc> {
        self.view.tenant.now
    }

    async fn insert_job(&self, insert: sea_orm::Insert<accord_entity::jobs::ActiveModel>) -> Result<u64, DbErr> {
        self.view.tenant.insert_job(insert).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_union_part_made_on_another_transaction_is_refused() {
        let path = std::env::temp_dir().join(format!("accord-union-{}.db", uuid::Uuid::new_v4()));
        let db = super::super::Db::connect(&format!("sqlite:{}?mode=rwc", path.display()), 1).await.unwrap();
        let scope = || TenantScope::of_agency(AgencyId(uuid::Uuid::new_v4()));
        let (a, b) = (db.tenant_read(scope()).await.unwrap(), db.tenant_read(scope()).await.unwrap());
        let of_a = a.find::<accord_entity::survey_segment_tallies::Entity>().union_part();
        let refused = b.union_all_rows(vec![of_a], |_| {}).await.unwrap_err();
        assert!(refused.to_string().contains("another transaction"), "{refused}");
        drop((a, b, db));
        for end in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{end}", path.display()));
        }
    }
}
