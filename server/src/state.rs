//! Shared application state handed to every handler.

use crate::config::Settings;
use crate::db::Db;
use crate::jobs::Jobs;
use accord_api::AgencyId;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Instant;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, SemaphorePermit};

pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    /// Where outgoing mail goes: "SMTP" or the `.eml` folder.
    pub mail_target: String,
    /// The job kinds this instance runs and its name in `job_runs`.
    pub jobs: Jobs,
    /// Turns for the agency-wide analyses (see [`Heavy`]).
    pub heavy: Heavy,
    /// Built backlog pages, served again while their client's revision holds.
    pub reads: crate::read_cache::ReadCache,
}

/// How many agency-wide analyses (survey analytics, the cockpit, the health and money
/// overviews, reports due) are computed at once; the rest wait their turn.
/// Each holds its whole agency's figures in memory while it runs, so 64 of them at once
/// would raise the process's memory for good (the allocator keeps what it was given), while
/// on a few cores they finish no sooner side by side than one after another.
///
/// Turns are fair between agencies: an agency runs one analysis at a time and waits behind
/// itself, so one agency reloading its cockpit in a loop holds at most one of the
/// [`Heavy::AT_ONCE`] turns and another agency's analysis starts as soon as the other is free.
pub struct Heavy {
    all: Semaphore,
    /// One turn per agency; an agency's entry lives while someone of it holds or awaits a turn.
    agencies: Mutex<HashMap<AgencyId, Arc<Semaphore>>>,
    started: Instant,
    /// When memory was last handed back (ms since `started`).
    trimmed_at: AtomicU64,
}

impl Heavy {
    pub const AT_ONCE: usize = 2;

    pub fn new() -> Self {
        Self {
            all: Semaphore::new(Self::AT_ONCE),
            agencies: Mutex::new(HashMap::new()),
            started: Instant::now(),
            trimmed_at: AtomicU64::new(0),
        }
    }

    fn agencies(&self) -> MutexGuard<'_, HashMap<AgencyId, Arc<Semaphore>>> {
        self.agencies.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits for the agency's turn, then for one of the turns overall; the turn ends when the
    /// returned guard is dropped. (Were a semaphore closed, which nothing does, the work would
    /// go ahead without that turn.)
    pub async fn turn(&self, agency: AgencyId) -> Turn<'_> {
        let mine = self.agencies().entry(agency).or_insert_with(|| Arc::new(Semaphore::new(1))).clone();
        let agency_turn = mine.acquire_owned().await.ok();
        let turn = self.all.acquire().await.ok();
        Turn { heavy: self, agency, agency_turn, turn }
    }

    /// Agencies with a turn held or awaited.
    #[cfg(test)]
    fn agencies_waiting(&self) -> usize {
        self.agencies().len()
    }
}

impl Default for Heavy {
    fn default() -> Self {
        Self::new()
    }
}

/// A turn at agency-wide work. When it ends, the memory the work freed goes back to the
/// system instead of staying with the allocator (see [`release_free_memory`]): at once when
/// no other turn is running, else at most once a second.
pub struct Turn<'a> {
    heavy: &'a Heavy,
    agency: AgencyId,
    agency_turn: Option<OwnedSemaphorePermit>,
    turn: Option<SemaphorePermit<'a>>,
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        self.turn.take();
        self.agency_turn.take();
        // The agency's entry goes when nobody else holds or awaits it (the map's is the only
        // reference left: waiters clone it under the same lock).
        let mut agencies = self.heavy.agencies();
        if agencies.get(&self.agency).is_some_and(|s| Arc::strong_count(s) == 1) {
            agencies.remove(&self.agency);
        }
        drop(agencies);
        // Trimming makes the next analysis fault its memory in afresh, so under a stream of
        // them it runs once a second; the last turn out trims in any case.
        let idle = self.heavy.all.available_permits() == Heavy::AT_ONCE;
        let now = self.heavy.started.elapsed().as_millis() as u64;
        let last = self.heavy.trimmed_at.load(Ordering::Relaxed);
        if (idle || now.saturating_sub(last) >= TRIM_EVERY_MS)
            && self.heavy.trimmed_at.compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed).is_ok()
        {
            release_free_memory();
        }
    }
}

/// How often memory is handed back while agency-wide analyses keep coming.
const TRIM_EVERY_MS: u64 = 1000;

/// Hands memory the process freed back to the system. The binary and SQLite allocate with
/// jemalloc (main.rs, db/sqlite_memory.rs), which keeps freed pages for reuse and hands them
/// back only after seconds; what still comes from the C library's malloc stays in each
/// thread's arena for good. So one large answer (an agency's analysis, a long page) left the
/// process that much larger. Measured here: the request after a trim is about 0.5–3 ms slower (it faults its memory in
/// afresh), hence the throttle in [`Turn`]'s drop.
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists; it takes no pointer and
    // may be called from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
    // "arena.<MALLCTL_ARENAS_ALL>.purge": every jemalloc arena returns its unused dirty pages.
    // SAFETY: a void control (no old or new value); the name is a NUL-terminated literal.
    unsafe {
        tikv_jemalloc_sys::mallctl(
            c"arena.4096.purge".as_ptr(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            0,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;
    use tokio::time::timeout;

    #[tokio::test]
    async fn an_agency_waits_behind_itself_not_behind_others() {
        let heavy = Heavy::new();
        let (a, b, c) = (AgencyId::new(), AgencyId::new(), AgencyId::new());
        let first = heavy.turn(a).await;
        // A second analysis of the same agency waits although a turn is free overall…
        assert!(timeout(Duration::from_millis(50), heavy.turn(a)).await.is_err());
        // …while another agency gets that turn at once,
        let other = timeout(Duration::from_millis(50), heavy.turn(b)).await.expect("agency b's turn");
        // and a third waits only because both turns overall are held.
        assert!(timeout(Duration::from_millis(50), heavy.turn(c)).await.is_err());
        drop(other);
        let third = timeout(Duration::from_millis(50), heavy.turn(c)).await.expect("agency c's turn");
        drop(third);
        drop(first);
        let again = timeout(Duration::from_millis(50), heavy.turn(a)).await.expect("agency a's next turn");
        drop(again);
        assert_eq!(heavy.agencies_waiting(), 0, "entries go when nobody holds or awaits them");
    }
}
