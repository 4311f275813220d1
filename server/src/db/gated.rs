//! Staff pages read in one statement with the caller's access check inside it: a
//! [`GatedView`] puts the [`StaffGate`] `clients::access` made around whatever the page's query
//! builds, and a [`GatedCache`] keeps such a page's statement per shape of the gate.

use super::scoped::Scoped;
use super::template::StatementCache;
use super::tx::{ClientView, TenantTx};
use crate::clients::access::StaffGate;
use sea_orm::{DbErr, EntityTrait, QueryFilter, Select, Value};

/// One client's rows for a staff member, read in one statement that checks the staff member's
/// access itself: its outermost condition is the [`StaffGate`] `clients::access` made (the
/// client's row exists in the agency and the caller's role lets them see it), so for a client
/// they may not see the statement finds no rows (an aggregate, nothing to count), whatever the
/// page's query asked. A page read
/// this way answers from its rows and, finding none, asks again through `access::open_read`
/// (which tells a 404 from an empty page). The query builder gets the plain [`ClientView`]
/// for the page's own sub-selects; whatever it builds, the gate is added around it here.
pub struct GatedView {
    view: ClientView,
    gate: sea_orm::sea_query::SimpleExpr,
    shape: usize,
    varying: Vec<Value>,
}

/// A staff page's kept statements: one per shape of [`StaffGate`] (owners and admins, account
/// managers, specialists), as `static LIST: GatedCache = GatedCache::new();`. A shape without a
/// place here is read without keeping its statement.
pub struct GatedCache([StatementCache; 3]);

impl Default for GatedCache {
    fn default() -> Self {
        Self::new()
    }
}

impl GatedCache {
    pub const fn new() -> Self {
        Self([StatementCache::new(), StatementCache::new(), StatementCache::new()])
    }
}

impl GatedView {
    /// Only `clients::access` can make a [`StaffGate`].
    pub fn open(tenant: TenantTx, gate: StaffGate) -> Self {
        let (client, gate, shape, varying) = gate.into_parts();
        Self { view: ClientView { tenant, client }, gate, shape, varying }
    }

    /// The rows of the query `build` makes, behind the gate. `build` gets the view for that
    /// query alone: it cannot keep it (any lifetime will do for it) to read without the gate.
    pub async fn rows<E: EntityTrait>(
        &self,
        build: impl for<'b> FnOnce(&'b ClientView) -> Scoped<'b, Select<E>>,
    ) -> Result<Vec<sea_orm::QueryResult>, DbErr> {
        build(&self.view).filter(self.gate.clone()).rows().await
    }

    /// [`GatedView::rows`] with the statement kept in `cache` (see [`ClientView::rows_cached`];
    /// the gate's own varying values, the staff member, are added here).
    pub async fn rows_cached<E: EntityTrait>(
        &self,
        cache: &GatedCache,
        varying: &[Value],
        build: impl for<'b> FnOnce(&'b ClientView) -> Scoped<'b, Select<E>>,
    ) -> Result<Vec<sea_orm::QueryResult>, DbErr> {
        let Some(cache) = cache.0.get(self.shape) else {
            return self.rows(build).await;
        };
        let mut all = varying.to_vec();
        all.extend_from_slice(&self.varying);
        let gate = self.gate.clone();
        self.view.rows_cached(cache, &all, |v| build(v).filter(gate)).await
    }

    /// Ends the read (nothing for a one-statement read on SQLite, a commit on PostgreSQL).
    pub async fn finish(self) -> Result<(), DbErr> {
        self.view.finish().await
    }
}
