//! Database access. Every query runs inside a transaction that knows whose data it may touch:
//! [`Db::tenant`] for one agency; a [`ClientTx`] for one client of it, opened only through
//! `clients::access::open` (which checks the caller may see that client, and how much they may
//! do); [`Db::unscoped`] — the single, grep-able escape hatch — for platform-level work (sign-in
//! lookups, sessions, the operator's agency list). Feature code never holds a connection:
//! queries start from the transaction ([`Scoped`]) and inserts take the scope's columns. On
//! PostgreSQL the same scope is handed to row-level security through transaction-local
//! settings, so even a query written around all this cannot cross tenants.

mod conn;
mod gated;
mod owned;
mod scoped;
mod sqlite_memory;
mod template;
mod tx;

pub use gated::{GatedCache, GatedView};
pub use owned::{AgencyOwned, ClientOwned, TenantOwned, TenantScope};
pub use scoped::{Scoped, UnionPart};
pub use template::StatementCache;
pub use tx::{ClientTx, ClientView, PlatformTx, TenantTx, Writes};

use crate::clock::Clock;
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, Statement,
    TransactionTrait,
};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

#[derive(Clone, Debug)]
pub struct Db {
    /// Every write, and on PostgreSQL every read too. On SQLite: the one writer connection.
    conn: DatabaseConnection,
    /// SQLite only: read-only connections, so reads run side by side (WAL) instead of queueing
    /// behind each other and behind writes on the single writer.
    reader: Option<DatabaseConnection>,
    queries: Arc<AtomicU64>,
    clock: Clock,
}

/// Read connections on SQLite (reads in WAL mode do not block each other or the writer).
const SQLITE_READERS: u32 = 4;

/// Each SQLite connection's page cache (KiB; SQLite's default is 2 MB). Hot pages of a large
/// database stay in the process instead of being copied from the OS on every read; five
/// connections keep the whole under 80 MB.
const SQLITE_CACHE_KIB: u32 = 16 * 1024;

/// A PostgreSQL connection idle at least this long is pinged before it is handed out.
const PING_WHEN_IDLE: Duration = Duration::from_secs(30);

/// Rows a SQLite connection's worker thread may send ahead of the request reading them.
const SQLITE_ROW_CHANNEL: usize = 4096;

/// Statements slower than this are logged as warnings.
const SLOW_QUERY: Duration = Duration::from_millis(200);

impl Db {
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self, DbErr> {
        let queries = Arc::new(AtomicU64::new(0));
        if url.starts_with("sqlite:") {
            sqlite_memory::configure();
            // One writer: SQLite allows one write transaction at a time, and a transaction
            // that starts reading and then writes would meet SQLITE_BUSY on upgrade if another
            // connection wrote meanwhile. Reads go to a small read-only pool.
            let conn = Self::pool(url, 1, false, &queries).await?;
            // WAL once for the file (it persists); the per-connection pragmas are set by the
            // connect options of each pool, so every connection has them.
            conn.execute_unprepared("PRAGMA journal_mode = WAL").await?;
            let reader = Self::pool(url, SQLITE_READERS, true, &queries).await?;
            return Ok(Self { conn, reader: Some(reader), queries, clock: Clock::system() });
        }
        let conn = Self::pool(url, max_connections.max(1), false, &queries).await?;
        Ok(Self { conn, reader: None, queries, clock: Clock::system() })
    }

    /// The same pools with another clock (tests hand in a manual one).
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// The clock every transaction takes its "now" from.
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    async fn pool(
        url: &str,
        max_connections: u32,
        read_only: bool,
        queries: &Arc<AtomicU64>,
    ) -> Result<DatabaseConnection, DbErr> {
        let mut opts = ConnectOptions::new(url.to_string());
        opts.max_connections(max_connections)
            .min_connections(1)
            .connect_timeout(Duration::from_secs(10))
            .acquire_timeout(Duration::from_secs(10))
            .sqlx_logging(false);
        let mut conn = if url.starts_with("sqlite:") {
            // No liveness ping before each use: a connection to a file on the local disk does
            // not hang up, and the ping was one more round trip to SQLite's worker thread on
            // every pool checkout (two per request: the session lookup and the handler's).
            opts.test_before_acquire(false);
            // Set on every connection the pool opens, not once on the pool.
            opts.map_sqlx_sqlite_opts(move |o| {
                // Rows cross from the connection's worker thread to the request's over a
                // bounded channel. At sqlx's default of 50 the worker blocked after every 50th
                // row and was woken for each row taken after that: on a busy core a thread switch
                // per row of a long result (survey analytics' groupings). The channel does not
                // allocate its bound up front, and the callers keep every row anyway.
                let o = o
                    .row_buffer_size(SQLITE_ROW_CHANNEL)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(5))
                    .pragma("cache_size", format!("-{SQLITE_CACHE_KIB}"));
                if read_only {
                    o.read_only(true).create_if_missing(false)
                } else {
                    o
                }
            });
            Database::connect(opts).await?
        } else {
            Self::postgres_pool(url, opts).await?
        };
        // Every statement is counted (tests prove lists run a constant number of queries)
        // and slow ones are logged.
        let counter = queries.clone();
        conn.set_metric_callback(move |info| {
            counter.fetch_add(1, Ordering::Relaxed);
            tracing::trace!(elapsed_us = info.elapsed.as_micros() as u64, sql = %info.statement.sql, "statement");
            if info.elapsed > SLOW_QUERY {
                tracing::warn!(elapsed_ms = info.elapsed.as_millis() as u64, sql = %info.statement.sql, "slow query");
            }
        });
        Ok(conn)
    }

    /// PostgreSQL's pool, built through sqlx for one setting SeaORM does not pass on: a
    /// connection is pinged before use only when it sat idle for a while (a server restart or a
    /// dropped link shows there), not on every checkout, where the ping was a round trip to
    /// the database on every request.
    async fn postgres_pool(url: &str, opts: ConnectOptions) -> Result<DatabaseConnection, DbErr> {
        use sea_orm::sqlx::{self, postgres::PgConnectOptions, ConnectOptions as _, Connection as _};
        let connect: PgConnectOptions =
            url.parse().map_err(|e: sqlx::Error| DbErr::Conn(sea_orm::RuntimeErr::SqlxError(e)))?;
        let pool = opts
            .sqlx_pool_options::<sqlx::Postgres>()
            .test_before_acquire(false)
            .before_acquire(|conn, meta| {
                Box::pin(async move {
                    if meta.idle_for >= PING_WHEN_IDLE {
                        conn.ping().await?;
                    }
                    Ok(true)
                })
            })
            .connect_with(connect.disable_statement_logging())
            .await
            .map_err(|e| DbErr::Conn(sea_orm::RuntimeErr::SqlxError(e)))?;
        Ok(sea_orm::SqlxPostgresConnector::from_sqlx_postgres_pool(pool))
    }

    /// Where read-only transactions run: the SQLite read pool, else the one pool.
    fn read_conn(&self) -> &DatabaseConnection {
        self.reader.as_ref().unwrap_or(&self.conn)
    }

    /// Statements run through this pool so far.
    pub fn queries_run(&self) -> u64 {
        self.queries.load(Ordering::Relaxed)
    }

    pub fn backend(&self) -> DbBackend {
        self.conn.get_database_backend()
    }

    /// The raw connection, for migrations and readiness checks only.
    pub fn connection(&self) -> &DatabaseConnection {
        &self.conn
    }

    pub async fn ping(&self) -> Result<(), DbErr> {
        self.conn.ping().await
    }

    /// A transaction limited to one agency (and, for portal contacts, one client).
    pub async fn tenant(&self, scope: impl Into<TenantScope>) -> Result<TenantTx, DbErr> {
        self.tenant_on(&self.conn, scope.into(), false).await
    }

    /// Like [`Db::tenant`], for work that only reads: on SQLite it runs on a read-only
    /// connection beside other reads (a write there fails loudly).
    pub async fn tenant_read(&self, scope: impl Into<TenantScope>) -> Result<TenantTx, DbErr> {
        self.tenant_on(self.read_conn(), scope.into(), false).await
    }

    /// Like [`Db::tenant_read`], for an analysis whose statements' best plans depend on their
    /// values (an agency of any size, a period of any length). On PostgreSQL the transaction
    /// plans every statement for the values it is given (`plan_cache_mode =
    /// force_custom_plan`, set in the same round trip as the tenant): sqlx prepares each
    /// statement, and after five runs PostgreSQL may keep a generic plan that ignores the agency
    /// and the dates (survey analytics of the largest agency of the 0.1 set: 246–256 ms with
    /// generic plans, 61–66 ms planned for their values). The rest of the pool keeps the default.
    /// It is also one snapshot there (REPEATABLE READ, READ ONLY): an analysis adds some sums
    /// and takes others away over several statements, which under READ COMMITTED could each see
    /// another write. On SQLite a read transaction is one snapshot already.
    pub async fn tenant_analysis(&self, scope: impl Into<TenantScope>) -> Result<TenantTx, DbErr> {
        self.tenant_on(self.read_conn(), scope.into(), true).await
    }

    /// For a read that is one statement: on SQLite that statement runs on a read connection
    /// with no transaction around it (a lone SELECT reads one snapshot; BEGIN and COMMIT were
    /// two of a portal page's round trips), and a second statement fails. On PostgreSQL a read
    /// transaction as [`Db::tenant_read`] opens, since row-level security takes its scope from
    /// the transaction's settings.
    pub async fn tenant_read_single(&self, scope: impl Into<TenantScope>) -> Result<TenantTx, DbErr> {
        match &self.reader {
            Some(reader) => Ok(TenantTx::new(
                conn::Conn::Single { conn: reader.clone(), used: Default::default() },
                scope.into(),
                self.clock.now(),
            )),
            None => self.tenant_read(scope).await,
        }
    }

    async fn tenant_on(
        &self,
        conn: &DatabaseConnection,
        scope: TenantScope,
        analysis: bool,
    ) -> Result<TenantTx, DbErr> {
        let postgres = conn.get_database_backend() == DbBackend::Postgres;
        let tx = if analysis && postgres {
            let (level, mode) = (sea_orm::IsolationLevel::RepeatableRead, sea_orm::AccessMode::ReadOnly);
            conn.begin_with_config(Some(level), Some(mode)).await?
        } else {
            conn.begin().await?
        };
        if postgres {
            // One round trip for the whole scope (a portal contact's has the client too) and
            // the plan mode.
            let mut sql = String::from("SELECT set_config('app.tenant_id', $1, true)");
            let mut values: Vec<sea_orm::Value> = vec![scope.agency().to_string().into()];
            if let Some(client) = scope.client() {
                sql.push_str(", set_config('app.client_id', $2, true)");
                values.push(client.to_string().into());
            }
            if analysis {
                sql.push_str(", set_config('plan_cache_mode', 'force_custom_plan', true)");
            }
            tx.execute(Statement::from_sql_and_values(DbBackend::Postgres, sql, values)).await?;
        }
        Ok(TenantTx::new(conn::Conn::Tx(tx), scope, self.clock.now()))
    }

    /// The escape hatch: a transaction that may see every tenant. Use it only for work that
    /// is platform-level by nature; `reason` lands in the trace.
    pub async fn unscoped(&self, reason: &'static str) -> Result<PlatformTx, DbErr> {
        self.unscoped_on(&self.conn, reason).await
    }

    /// The escape hatch for platform-level reads (on SQLite, on a read-only connection).
    pub async fn unscoped_read(&self, reason: &'static str) -> Result<PlatformTx, DbErr> {
        self.unscoped_on(self.read_conn(), reason).await
    }

    /// One platform-level read statement, outside any transaction (a single statement is
    /// atomic by itself): on SQLite on a read connection. On PostgreSQL row-level security hides
    /// every row from a bare statement, so `statement` must call a function that opens the
    /// platform scope for itself (as `accord_session_lookup` does). For the per-request session
    /// lookup: one round trip instead of BEGIN, the scope, several SELECTs and COMMIT.
    pub async fn unscoped_statement(
        &self,
        reason: &'static str,
        statement: Statement,
    ) -> Result<Option<sea_orm::QueryResult>, DbErr> {
        tracing::trace!(reason, "unscoped statement");
        self.read_conn().query_one(statement).await
    }

    async fn unscoped_on(&self, conn: &DatabaseConnection, reason: &'static str) -> Result<PlatformTx, DbErr> {
        tracing::debug!(reason, "unscoped transaction");
        let tx = conn.begin().await?;
        if conn.get_database_backend() == DbBackend::Postgres {
            set_local(&tx, "app.platform", "on").await?;
        }
        Ok(PlatformTx::new(tx, self.clock.now()))
    }
}

async fn set_local(tx: &DatabaseTransaction, key: &str, value: &str) -> Result<(), DbErr> {
    tx.execute(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT set_config($1, $2, true)",
        [key.into(), value.into()],
    ))
    .await
    .map(|_| ())
}
