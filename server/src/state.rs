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

    /// Waits for a turn; the turn ends when the returned guard is dropped. (Were the semaphore
    /// closed, which nothing does, the work would go ahead without a turn.)
    pub async fn turn(&self) -> Turn<'_> {
        Turn(self.0.acquire().await.ok())
    }
}

/// A turn at agency-wide work. When it ends, the memory the work freed goes back to the
/// system instead of staying with the allocator (see [`release_free_memory`]).
pub struct Turn<'a>(Option<SemaphorePermit<'a>>);

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        self.0.take();
        release_free_memory();
    }
}

/// Hands memory the process freed back to the system. glibc's allocator keeps freed memory in
/// each thread's arena for reuse, so one large answer (an agency's analysis, a long page) left
/// the process that much larger for good; trimming costs well under a millisecond here.
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists; it takes no pointer and
    // may be called from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

impl Default for Heavy {
    fn default() -> Self {
        Self::new()
    }
}
