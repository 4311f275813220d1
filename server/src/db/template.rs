//! Statements built once per process and backend, then given each request's values.
//!
//! A hot page whose statement has the same shape on every request (the portal home: the client,
//! eight figures as sub-selects, its projects joined) had SeaORM build that statement's query
//! tree and render it to SQL again on every request; kept, the page went from about 5,800 to
//! 11,900 requests a second at 32 connections on one core (SQLite). A [`StatementCache`] keeps the
//! first rendering — its text and its values — with the positions of the values that vary: the
//! scope's agency and client, the transaction's "now" (added by [`ClientView::rows_cached`]
//! itself, so no page can leave them out) and whatever else the page names (the contact). Every
//! later request copies the values and puts its own in those positions.
//!
//! Debug builds (every test) build the statement afresh on each request as well and panic when
//! the two differ, so a value that varies but was not named cannot pass the test suite.
//!
//! [`ClientView::rows_cached`]: super::ClientView::rows_cached

use sea_orm::{DbBackend, Statement, Value, Values};
use std::sync::OnceLock;

/// A rendered statement and where the varying values go.
#[derive(Debug)]
struct Template {
    sql: String,
    values: Vec<Value>,
    /// (position among the statement's values, index of the varying value put there).
    slots: Vec<(usize, usize)>,
}

impl Template {
    /// The template of `statement` built with `varying`; none when two varying values are
    /// equal (their positions could not be told apart) or one is not an id or a time: a number
    /// or a word could also be one of the query's constants (`revision > 0`, a status), which
    /// would then take the next request's value.
    fn of(statement: &Statement, varying: &[Value]) -> Option<Self> {
        let distinctive = |v: &Value| matches!(v, Value::Uuid(Some(_)) | Value::ChronoDateTimeUtc(Some(_)));
        debug_assert!(varying.iter().all(distinctive), "varying values are ids and times: {varying:?}");
        if !varying.iter().all(distinctive) || varying.iter().enumerate().any(|(i, v)| varying[i + 1..].contains(v)) {
            return None;
        }
        let values = statement.values.as_ref().map(|v| v.0.clone()).unwrap_or_default();
        let slots = values
            .iter()
            .enumerate()
            .filter_map(|(at, value)| varying.iter().position(|v| v == value).map(|k| (at, k)))
            .collect();
        Some(Self { sql: statement.sql.clone(), values, slots })
    }

    fn fill(&self, backend: DbBackend, varying: &[Value]) -> Statement {
        let mut values = self.values.clone();
        for &(at, k) in &self.slots {
            values[at] = varying[k].clone();
        }
        Statement { sql: self.sql.clone(), values: Some(Values(values)), db_backend: backend }
    }
}

/// One page's statement, kept for the process: `static HOME: StatementCache = StatementCache::new();`
/// A process talks to one database, but tests and tools may open either, so each backend has
/// its own.
pub struct StatementCache {
    sqlite: OnceLock<Template>,
    postgres: OnceLock<Template>,
}

impl Default for StatementCache {
    fn default() -> Self {
        Self::new()
    }
}

impl StatementCache {
    pub const fn new() -> Self {
        Self { sqlite: OnceLock::new(), postgres: OnceLock::new() }
    }

    /// The statement `build` makes, with `varying` being this request's values of everything
    /// that changes between requests. `build` runs on the first request of the process (and on
    /// every request in debug builds, as a check).
    pub(super) fn statement(
        &self,
        backend: DbBackend,
        varying: &[Value],
        build: impl FnOnce() -> Statement,
    ) -> Statement {
        let cell = if backend == DbBackend::Postgres { &self.postgres } else { &self.sqlite };
        if let Some(template) = cell.get() {
            let filled = template.fill(backend, varying);
            #[cfg(debug_assertions)]
            {
                let fresh = build();
                assert_eq!(
                    (&filled.sql, &filled.values),
                    (&fresh.sql, &fresh.values),
                    "a cached statement differs from the one built afresh: a value that varies between requests \
                     is not among the varying values"
                );
            }
            return filled;
        }
        let fresh = build();
        if let Some(template) = Template::of(&fresh, varying) {
            let _ = cell.set(template);
        }
        fresh
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement(values: Vec<Value>) -> Statement {
        Statement::from_sql_and_values(DbBackend::Sqlite, "SELECT ?, ?, ?", values)
    }

    fn id() -> Value {
        Value::from(uuid::Uuid::new_v4())
    }

    #[test]
    fn the_varying_values_take_their_places_and_the_rest_stay() {
        let cache = StatementCache::new();
        let (a, b) = (id(), id());
        let built = cache.statement(DbBackend::Sqlite, &[a.clone(), b.clone()], || {
            statement(vec![a.clone(), Value::from(0_i64), b.clone()])
        });
        assert_eq!(built.values.unwrap().0[2], b);
        let (c, d) = (id(), id());
        let filled = cache.statement(DbBackend::Sqlite, &[c.clone(), d.clone()], || {
            statement(vec![c.clone(), Value::from(0_i64), d.clone()])
        });
        assert_eq!(filled.values.unwrap().0, vec![c, Value::from(0_i64), d]);
        assert!(cache.postgres.get().is_none(), "each backend keeps its own");
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "not among the varying values")]
    fn a_varying_value_left_unnamed_fails_in_debug_builds() {
        let cache = StatementCache::new();
        let (first, second) = (id(), id());
        cache.statement(DbBackend::Sqlite, std::slice::from_ref(&first), || statement(vec![first.clone(), id()]));
        cache.statement(DbBackend::Sqlite, std::slice::from_ref(&second), || statement(vec![second.clone(), id()]));
    }

    #[test]
    fn equal_varying_values_are_not_cached() {
        let cache = StatementCache::new();
        let a = id();
        cache.statement(DbBackend::Sqlite, &[a.clone(), a.clone()], || statement(vec![a.clone()]));
        assert!(cache.sqlite.get().is_none());
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "varying values are ids and times")]
    fn a_number_may_not_vary() {
        let cache = StatementCache::new();
        cache.statement(DbBackend::Sqlite, &[Value::from(20_i64)], || statement(vec![Value::from(20_i64)]));
    }
}
