//! What a scoped transaction's statements run on: a database transaction, or — for a read that
//! is a single statement — a pooled connection with no transaction around it.

use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, ExecResult, QueryResult, Statement,
};
use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Debug)]
pub(crate) enum Conn {
    Tx(DatabaseTransaction),
    /// One read statement on SQLite's read pool, outside any transaction. A lone SELECT reads
    /// one snapshot by itself, so BEGIN and COMMIT would only be two more round trips to the
    /// connection's thread. A second statement is refused: two statements would read two
    /// snapshots, and a page built from them could disagree with itself.
    Single {
        conn: DatabaseConnection,
        used: AtomicBool,
    },
}

impl Conn {
    pub(crate) async fn commit(self) -> Result<(), DbErr> {
        match self {
            Conn::Tx(tx) => tx.commit().await,
            Conn::Single { .. } => Ok(()),
        }
    }

    fn single_use(used: &AtomicBool) -> Result<(), DbErr> {
        if used.swap(true, Ordering::Relaxed) {
            return Err(DbErr::Custom("a one-statement read ran a second statement".into()));
        }
        Ok(())
    }
}

#[async_trait::async_trait]
impl ConnectionTrait for Conn {
    fn get_database_backend(&self) -> DbBackend {
        match self {
            Conn::Tx(tx) => tx.get_database_backend(),
            Conn::Single { conn, .. } => conn.get_database_backend(),
        }
    }

    async fn execute(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        match self {
            Conn::Tx(tx) => tx.execute(stmt).await,
            Conn::Single { .. } => Err(DbErr::Custom("a one-statement read may not write".into())),
        }
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        match self {
            Conn::Tx(tx) => tx.execute_unprepared(sql).await,
            Conn::Single { .. } => Err(DbErr::Custom("a one-statement read may not write".into())),
        }
    }

    async fn query_one(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        match self {
            Conn::Tx(tx) => tx.query_one(stmt).await,
            Conn::Single { conn, used } => {
                Self::single_use(used)?;
                conn.query_one(stmt).await
            }
        }
    }

    async fn query_all(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        match self {
            Conn::Tx(tx) => tx.query_all(stmt).await,
            Conn::Single { conn, used } => {
                Self::single_use(used)?;
                conn.query_all(stmt).await
            }
        }
    }
}
