//! Queries that already carry their tenant (and client) filter and run only on the transaction
//! that made them. Feature code adds conditions, order, projections and joins as with SeaORM's
//! own builders (the query traits are implemented), but never holds a connection: a query that
//! did not start from a scoped transaction has nothing to run on.

use super::conn::Conn;
use sea_orm::sea_query::{Asterisk, DeleteStatement, Expr, SelectStatement, SimpleExpr, UpdateStatement};
use sea_orm::IdenStatic;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DbErr, DeleteMany, DeleteResult, EntityTrait, IntoSimpleExpr, PaginatorTrait,
    QueryFilter, QueryOrder, QueryResult, QuerySelect, QueryTrait, Related, Select, SelectGetableTuple, SelectTwo,
    Selector, SelectorTrait, TryGetableMany, UpdateMany, UpdateResult, Value,
};
use std::str::FromStr;

/// A scoped query's statement, as a part of a `UNION ALL` (made only by [`Scoped::union_part`],
/// so every part carries its scope filters), bound to the transaction that made it.
pub struct UnionPart<'a> {
    pub(super) q: SelectStatement,
    pub(super) tx: &'a Conn,
}

/// A query bound to its transaction. Built by `find`, `update_many` and `delete_many` of the
/// scoped transactions.
#[derive(Clone, Debug)]
pub struct Scoped<'a, Q> {
    q: Q,
    tx: &'a Conn,
    /// Columns an update may not change (the scope's agency and client) and their values.
    pins: Vec<(String, Value)>,
}

impl<'a, Q> Scoped<'a, Q> {
    pub(super) fn new(q: Q, tx: &'a Conn) -> Self {
        Self { q, tx, pins: Vec::new() }
    }

    pub(super) fn pinned(q: Q, tx: &'a Conn, pins: Vec<(String, Value)>) -> Self {
        Self { q, tx, pins }
    }
}

impl<E: EntityTrait> QueryFilter for Scoped<'_, Select<E>> {
    type QueryStatement = SelectStatement;
    fn query(&mut self) -> &mut SelectStatement {
        QueryFilter::query(&mut self.q)
    }
}

impl<E: EntityTrait> QueryOrder for Scoped<'_, Select<E>> {
    type QueryStatement = SelectStatement;
    fn query(&mut self) -> &mut SelectStatement {
        QueryOrder::query(&mut self.q)
    }
}

impl<E: EntityTrait> QuerySelect for Scoped<'_, Select<E>> {
    type QueryStatement = SelectStatement;
    fn query(&mut self) -> &mut SelectStatement {
        QuerySelect::query(&mut self.q)
    }
}

impl<'a, E: EntityTrait> Scoped<'a, Select<E>> {
    pub async fn all(self) -> Result<Vec<E::Model>, DbErr> {
        self.q.all(self.tx).await
    }

    pub async fn one(self) -> Result<Option<E::Model>, DbErr> {
        self.q.one(self.tx).await
    }

    pub async fn count(self) -> Result<u64, DbErr>
    where
        E::Model: Sync,
    {
        self.q.count(self.tx).await
    }

    /// This query as a scalar sub-select inside another query of the same transaction: its
    /// scope filters come along, so several figures are read in one round trip (the query must
    /// select one column, and at most one row).
    pub fn sub_select(self) -> SimpleExpr {
        SimpleExpr::SubQuery(None, Box::new(self.q.into_query().into_sub_query_statement()))
    }

    /// Whether this query finds a row, as a condition of another query of the same transaction
    /// (its scope filters come along).
    pub fn exists(self) -> SimpleExpr {
        Expr::exists(self.q.into_query())
    }

    /// This query's rows as the list of an `IN` of another query of the same transaction (it
    /// must select one column; its scope filters come along).
    pub fn in_list(self) -> sea_orm::sea_query::SelectStatement {
        self.q.into_query()
    }

    /// How many rows this query finds, as a scalar sub-select (see [`Scoped::sub_select`]).
    pub fn count_sub_select(self) -> SimpleExpr {
        self.select_only().column_as(Expr::col(Asterisk).count(), "n").sub_select()
    }

    pub fn into_tuple<T: TryGetableMany>(self) -> Scoped<'a, Selector<SelectGetableTuple<T>>> {
        Scoped::new(self.q.into_tuple(), self.tx)
    }

    /// This query's statement, rendered for its transaction's database.
    pub(super) fn statement(self) -> sea_orm::Statement {
        self.q.build(self.tx.get_database_backend())
    }

    /// The rows as they come, for a projection whose width is known only at run time (read
    /// them by position).
    pub async fn rows(self) -> Result<Vec<QueryResult>, DbErr> {
        let tx = self.tx;
        tx.query_all(self.statement()).await
    }

    /// This query as one part of a `UNION ALL` read by [`crate::db::TenantTx::union_all_rows`]
    /// (its scope filters come along).
    pub fn union_part(self) -> UnionPart<'a> {
        UnionPart { q: self.q.into_query(), tx: self.tx }
    }

    pub fn find_also_related<R: EntityTrait>(self, r: R) -> Scoped<'a, SelectTwo<E, R>>
    where
        E: Related<R>,
    {
        Scoped::new(self.q.find_also_related(r), self.tx)
    }
}

impl<S: SelectorTrait> Scoped<'_, Selector<S>> {
    pub async fn all(self) -> Result<Vec<S::Item>, DbErr> {
        self.q.all(self.tx).await
    }

    pub async fn one(self) -> Result<Option<S::Item>, DbErr> {
        self.q.one(self.tx).await
    }
}

impl<E: EntityTrait, F: EntityTrait> QueryFilter for Scoped<'_, SelectTwo<E, F>> {
    type QueryStatement = SelectStatement;
    fn query(&mut self) -> &mut SelectStatement {
        QueryFilter::query(&mut self.q)
    }
}

impl<E: EntityTrait, F: EntityTrait> QueryOrder for Scoped<'_, SelectTwo<E, F>> {
    type QueryStatement = SelectStatement;
    fn query(&mut self) -> &mut SelectStatement {
        QueryOrder::query(&mut self.q)
    }
}

impl<E: EntityTrait, F: EntityTrait> Scoped<'_, SelectTwo<E, F>> {
    pub async fn all(self) -> Result<Vec<(E::Model, Option<F::Model>)>, DbErr> {
        self.q.all(self.tx).await
    }

    pub async fn one(self) -> Result<Option<(E::Model, Option<F::Model>)>, DbErr> {
        self.q.one(self.tx).await
    }
}

impl<E: EntityTrait> QueryFilter for Scoped<'_, UpdateMany<E>> {
    type QueryStatement = UpdateStatement;
    fn query(&mut self) -> &mut UpdateStatement {
        QueryFilter::query(&mut self.q)
    }
}

impl<E: EntityTrait> Scoped<'_, UpdateMany<E>> {
    /// Sets a column; the scope's own columns (agency, client) cannot be changed this way.
    pub fn col_expr(mut self, col: E::Column, expr: impl IntoSimpleExpr) -> Self {
        if self.pins.iter().any(|(name, _)| name == col.as_str()) {
            tracing::warn!(column = col.as_str(), "an update tried to change a row's tenant; ignored");
            return self;
        }
        self.q = self.q.col_expr(col, expr.into_simple_expr());
        self
    }

    /// Sets every field that is `Set` in `model` (use `reset_all` for a whole row); the scope's
    /// columns are put back to the scope's values, so a row can never move to another tenant.
    pub fn set<A>(mut self, mut model: A) -> Self
    where
        A: ActiveModelTrait<Entity = E>,
    {
        for (name, value) in &self.pins {
            if let Ok(col) = E::Column::from_str(name) {
                model.set(col, value.clone());
            }
        }
        self.q = self.q.set(model);
        self
    }

    pub async fn exec(self) -> Result<UpdateResult, DbErr> {
        self.q.exec(self.tx).await
    }
}

impl<E: EntityTrait> QueryFilter for Scoped<'_, DeleteMany<E>> {
    type QueryStatement = DeleteStatement;
    fn query(&mut self) -> &mut DeleteStatement {
        QueryFilter::query(&mut self.q)
    }
}

impl<E: EntityTrait> Scoped<'_, DeleteMany<E>> {
    pub async fn exec(self) -> Result<DeleteResult, DbErr> {
        self.q.exec(self.tx).await
    }
}
