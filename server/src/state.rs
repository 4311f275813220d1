//! Shared application state handed to every handler.

use crate::config::Settings;
use crate::db::Db;
use crate::jobs::Jobs;
use std::sync::Arc;
use tokio::sync::{Semaphore, SemaphorePermit};

pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    /// Where outgoing mail goes: "SMTP" or the `.eml` folder.
    pub mail_target: String,
    /// The job kinds this instance runs and its name in `job_runs`.
    pub jobs: Jobs,
    /// Turns for the agency-wide analyses (see [`Heavy`]).
    pub heavy: Heavy,
}

/// How many agency-wide analyses (survey analytics, the cockpit, the health and money
/// overviews, below-standard, reports due) are computed at once; the rest wait their turn.
/// Each holds its whole agency's figures in memory while it runs, so 64 of them at once
/// would raise the process's memory for good (the allocator keeps what it was given), while
/// on a few cores they finish no sooner side by side than one after another.
pub struct Heavy(Semaphore);

impl Heavy {
    pub const AT_ONCE: usize = 2;

    pub fn new() -> Self {
        Self(Semaphore::new(Self::AT_ONCE))
    }

    /// Waits for a turn; the turn ends when the permit is dropped. (`None` only if the
    /// semaphore were closed, which nothing does: the work then goes ahead without a turn.)
    pub async fn turn(&self) -> Option<SemaphorePermit<'_>> {
        self.0.acquire().await.ok()
    }
}

impl Default for Heavy {
    fn default() -> Self {
        Self::new()
    }
}
