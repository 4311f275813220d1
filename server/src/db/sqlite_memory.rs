//! Where SQLite takes its memory from. By default it calls the C library's malloc, and with
//! the bundled build's defaults every allocation also takes a global mutex to keep statistics
//! (`SQLITE_DEFAULT_MEMSTATUS`). Reading rows allocates a lot — sqlx copies each value of each
//! row out of SQLite (`sqlite3_value_dup`) — so on a page of 50 backlog items the mutex and
//! glibc's malloc were about a tenth of the server's time. Here SQLite allocates from the same
//! jemalloc the binary uses and keeps no statistics.
//!
//! SQLite takes this configuration only before it initializes itself, i.e. before the first
//! connection of the process opens: [`configure`] runs once, from `Db::connect`. Should SQLite
//! already be initialized (another library opened a database first), it keeps its defaults,
//! which work as before.

use std::ffi::{c_int, c_void};
use std::sync::OnceLock;

unsafe extern "C" fn malloc(n: c_int) -> *mut c_void {
    // SAFETY: jemalloc's malloc takes any size; SQLite never asks for a negative one.
    unsafe { tikv_jemalloc_sys::malloc(usize::try_from(n).unwrap_or(0)) }
}

unsafe extern "C" fn free(p: *mut c_void) {
    // SAFETY: `p` came from `malloc` or `realloc` above (SQLite frees only what it allocated).
    unsafe { tikv_jemalloc_sys::free(p) }
}

unsafe extern "C" fn realloc(p: *mut c_void, n: c_int) -> *mut c_void {
    // SAFETY: as `free`; SQLite handles a null answer as out of memory.
    unsafe { tikv_jemalloc_sys::realloc(p, usize::try_from(n).unwrap_or(0)) }
}

/// The usable size of an allocation, as SQLite's own glibc methods report it
/// (`malloc_usable_size`); SQLite may use every byte of it.
unsafe extern "C" fn size(p: *mut c_void) -> c_int {
    if p.is_null() {
        return 0;
    }
    // SAFETY: `p` is a live allocation of this allocator.
    let n = unsafe { tikv_jemalloc_sys::malloc_usable_size(p) };
    c_int::try_from(n).unwrap_or(c_int::MAX)
}

/// SQLite's own rounding (to 8 bytes).
unsafe extern "C" fn roundup(n: c_int) -> c_int {
    n.saturating_add(7) & !7
}

unsafe extern "C" fn init(_: *mut c_void) -> c_int {
    libsqlite3_sys::SQLITE_OK
}

unsafe extern "C" fn shutdown(_: *mut c_void) {}

fn methods() -> libsqlite3_sys::sqlite3_mem_methods {
    libsqlite3_sys::sqlite3_mem_methods {
        xMalloc: Some(malloc),
        xFree: Some(free),
        xRealloc: Some(realloc),
        xSize: Some(size),
        xRoundup: Some(roundup),
        xInit: Some(init),
        xShutdown: Some(shutdown),
        pAppData: std::ptr::null_mut(),
    }
}

/// Points SQLite at jemalloc without statistics, once per process, before its first
/// connection. Returns whether SQLite took it (false: it was initialized already).
pub fn configure() -> bool {
    static TAKEN: OnceLock<bool> = OnceLock::new();
    *TAKEN.get_or_init(|| {
        let methods = methods();
        // SAFETY: SQLite copies the struct of methods (the functions are static).
        // Called after SQLite initialized, sqlite3_config changes nothing and answers
        // SQLITE_MISUSE, so a late call is harmless.
        let taken = unsafe {
            libsqlite3_sys::sqlite3_config(libsqlite3_sys::SQLITE_CONFIG_MALLOC, &raw const methods)
                == libsqlite3_sys::SQLITE_OK
                && libsqlite3_sys::sqlite3_config(libsqlite3_sys::SQLITE_CONFIG_MEMSTATUS, 0 as c_int)
                    == libsqlite3_sys::SQLITE_OK
        };
        if !taken {
            tracing::warn!("SQLite was initialized before its memory could be set up; it keeps the C library's malloc");
        }
        taken
    })
}
