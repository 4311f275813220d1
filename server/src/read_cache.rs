//! Built pages kept in memory and served again while their client's revision holds.
//!
//! The database raises a client's revision (`client_revisions`, migration 000023) on every
//! change to what its backlog pages show, whoever writes and on whichever instance. A page is
//! kept as its JSON bytes beside the revision it was read at (the revision is a sub-select of
//! the page's own statement, or read first in the page's transaction, so the pair is never
//! newer in its number than in its rows). A request reads the revision (one short statement,
//! with the caller's access check in it) and, when the kept page has that number, answers with
//! its bytes without reading or encoding a row. Every instance keeps its own pages; none is
//! ever served at a revision other than the one the database holds at that moment.
//!
//! The pages are held up to a budget of bytes (`ACCORD_READ_CACHE_MB`); past it the pages
//! used least recently go. A budget of 0 keeps nothing. A kept page also keeps its gzip
//! encoding, made the first time a browser asks for it ([`KeptPage::respond`]): compressing a
//! 50 KB page on every request cost about as much as serving it.

use crate::db::{ClientView, Scoped};
use accord_api::ClientId;
use accord_entity::client_revisions;
use actix_web::http::header::{self, ContentType, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse};
use sea_orm::sea_query::{Alias, Expr, Func, SimpleExpr};
use sea_orm::{QuerySelect, Select};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// Which page a kept body is.
#[derive(Clone, Copy, Debug, Hash, PartialEq, Eq)]
pub enum PageKind {
    /// A staff page of one project's backlog (`detail`: the project and the query).
    StaffBacklog,
    /// A portal backlog page (`detail`: the whole backlog and whether the contact may decide,
    /// or a section and page).
    Portal,
}

/// A kept page's name: the kind, the client and what else the page depends on. The caller's
/// right to read it is checked on every request, never by the key.
#[derive(Clone, Debug, Hash, PartialEq, Eq)]
pub struct PageKey {
    kind: PageKind,
    client: ClientId,
    detail: String,
}

impl PageKey {
    pub fn new(kind: PageKind, client: ClientId, detail: String) -> Self {
        Self { kind, client, detail }
    }

    /// What a page counts against the budget: its bytes, a quarter more for its gzip
    /// encoding (JSON compresses to well under that), and its name.
    fn weight(&self, body: &Bytes) -> usize {
        body.len() + body.len() / 4 + self.detail.len() + 96
    }
}

/// A page's JSON, and its gzip encoding once someone asked for it.
pub struct KeptPage {
    body: Bytes,
    gzip: OnceLock<Bytes>,
}

impl KeptPage {
    pub fn new(body: Bytes) -> Arc<Self> {
        Arc::new(Self { body, gzip: OnceLock::new() })
    }

    /// The page as the request accepts it: gzip-encoded (made once per kept page) when the
    /// request allows gzip and the page is not small, the JSON as it is otherwise (the
    /// compression middleware leaves a response with its encoding set alone).
    pub fn respond(&self, req: &HttpRequest) -> HttpResponse {
        let mut res = HttpResponse::Ok();
        res.content_type(ContentType::json())
            .insert_header((header::VARY, HeaderValue::from_static("accept-encoding")));
        let wants_gzip = crate::http::assets::accepts_gzip(req.headers().get(header::ACCEPT_ENCODING));
        if wants_gzip && self.body.len() as u64 >= crate::http::headers::COMPRESS_FROM {
            let gzip = self.gzip.get_or_init(|| gzip(&self.body));
            return res.insert_header((header::CONTENT_ENCODING, "gzip")).body(gzip.clone());
        }
        res.insert_header((header::CONTENT_ENCODING, "identity")).body(self.body.clone())
    }
}

fn gzip(body: &[u8]) -> Bytes {
    use std::io::Write;
    // The level actix's own compression uses: a page is compressed again after every change.
    let mut out = flate2::write::GzEncoder::new(Vec::with_capacity(body.len() / 5), flate2::Compression::fast());
    // Writing to a Vec cannot fail.
    let _ = out.write_all(body);
    Bytes::from(out.finish().unwrap_or_default())
}

struct Kept {
    rev: i64,
    page: Arc<KeptPage>,
    used: u64,
}

#[derive(Default)]
struct Pages {
    kept: HashMap<PageKey, Kept>,
    bytes: usize,
    tick: u64,
}

pub struct ReadCache {
    budget: usize,
    pages: Mutex<Pages>,
}

impl ReadCache {
    pub fn new(megabytes: u64) -> Self {
        let budget = usize::try_from(megabytes.saturating_mul(1 << 20)).unwrap_or(usize::MAX);
        Self { budget, pages: Mutex::default() }
    }

    pub fn enabled(&self) -> bool {
        self.budget > 0
    }

    fn pages(&self) -> std::sync::MutexGuard<'_, Pages> {
        // A panic while holding the lock leaves whole entries behind (every change below is one
        // insert or remove), so the map is still sound.
        self.pages.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The page kept under `key` if it was built at revision `rev`.
    pub fn get(&self, key: &PageKey, rev: i64) -> Option<Arc<KeptPage>> {
        if !self.enabled() {
            return None;
        }
        let mut pages = self.pages();
        pages.tick += 1;
        let tick = pages.tick;
        let kept = pages.kept.get_mut(key)?;
        if kept.rev != rev {
            // Built at another number: it can never be served again (the number only rises, and
            // a page kept under a number that came back after a restore would be wrong).
            if let Some(old) = pages.kept.remove(key) {
                pages.bytes -= key.weight(&old.page.body);
            }
            return None;
        }
        kept.used = tick;
        Some(kept.page.clone())
    }

    /// Keeps `body`, built at revision `rev`, under `key` (replacing what was there unless that
    /// was built at a later revision). A page larger than an eighth of the budget is not kept.
    pub fn put(&self, key: PageKey, rev: i64, page: Arc<KeptPage>) {
        let weight = key.weight(&page.body);
        if !self.enabled() || weight > self.budget / 8 {
            return;
        }
        let mut pages = self.pages();
        if pages.kept.get(&key).is_some_and(|k| k.rev > rev) {
            return;
        }
        pages.tick += 1;
        let used = pages.tick;
        if let Some(old) = pages.kept.insert(key.clone(), Kept { rev, page, used }) {
            pages.bytes -= key.weight(&old.page.body);
        }
        pages.bytes += weight;
        if pages.bytes > self.budget {
            Self::shed(&mut pages, self.budget / 4 * 3);
        }
    }

    /// Drops the pages used least recently until at most `to` bytes are kept.
    fn shed(pages: &mut Pages, to: usize) {
        let mut by_use: Vec<(u64, PageKey)> = pages.kept.iter().map(|(k, v)| (v.used, k.clone())).collect();
        by_use.sort_unstable_by_key(|(used, _)| *used);
        for (_, key) in by_use {
            if pages.bytes <= to {
                break;
            }
            if let Some(old) = pages.kept.remove(&key) {
                pages.bytes -= key.weight(&old.page.body);
            }
        }
    }

    /// How many pages and bytes are kept (for tests and the benchmark).
    pub fn size(&self) -> (usize, usize) {
        let pages = self.pages();
        (pages.kept.len(), pages.bytes)
    }
}

/// The view's client's revision as a sub-select of another statement of the same view: the
/// sum of its rows (0 when nothing has changed since migration 000023; cast back to a 64-bit
/// integer, as PostgreSQL sums `bigint` into `numeric`).
pub fn revision(v: &ClientView) -> SimpleExpr {
    let sum = Expr::col(client_revisions::Column::Rev).sum().cast_as(Alias::new("BIGINT"));
    let rev = v.find::<client_revisions::Entity>().select_only().expr(sum).sub_select();
    Func::coalesce([rev, Expr::val(0i64).into()]).into()
}

/// `q` with the view's client's revision as its column `l_rev` (see [`rev_of`]).
pub fn with_revision<'a, E: sea_orm::EntityTrait>(
    v: &'a ClientView,
    q: Scoped<'a, Select<E>>,
) -> Scoped<'a, Select<E>> {
    q.expr_as(revision(v), "l_rev")
}

/// The `l_rev` column of a row of a [`with_revision`] query.
pub fn rev_of(row: &sea_orm::QueryResult) -> Result<i64, sea_orm::DbErr> {
    row.try_get::<i64>("", "l_rev")
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static CLIENT: ClientId = ClientId::new();
    }

    fn page(body: &'static [u8]) -> Arc<KeptPage> {
        KeptPage::new(Bytes::from_static(body))
    }

    fn body(page: Option<Arc<KeptPage>>) -> Option<Bytes> {
        page.map(|p| p.body.clone())
    }

    #[test]
    fn the_gzip_encoding_is_the_page() {
        use std::io::Read;
        let json = Bytes::from(serde_json::to_vec(&vec!["Задача"; 500]).unwrap());
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&gzip(&json)[..]).read_to_end(&mut back).unwrap();
        assert_eq!(back, json);
    }

    fn key(n: u8) -> PageKey {
        PageKey::new(PageKind::Portal, CLIENT.with(|c| *c), n.to_string())
    }

    #[test]
    fn a_page_is_served_only_at_its_revision() {
        let cache = ReadCache::new(1);
        cache.put(key(1), 3, page(b"three"));
        assert_eq!(body(cache.get(&key(1), 3)), Some(Bytes::from_static(b"three")));
        assert!(cache.get(&key(1), 4).is_none(), "another number");
        assert!(cache.get(&key(1), 3).is_none(), "a page asked for at another number is dropped");
        cache.put(key(1), 3, page(b"three"));
        assert!(cache.get(&key(2), 3).is_none());
        // An older page never replaces a newer one.
        cache.put(key(1), 2, page(b"two"));
        assert_eq!(body(cache.get(&key(1), 3)), Some(Bytes::from_static(b"three")));
        cache.put(key(1), 4, page(b"four"));
        assert_eq!(body(cache.get(&key(1), 4)), Some(Bytes::from_static(b"four")));
        assert_eq!(cache.size().0, 1);
    }

    #[test]
    fn past_the_budget_the_least_recently_used_pages_go() {
        let cache = ReadCache::new(1);
        for n in 0..12 {
            cache.put(key(n), 1, KeptPage::new(Bytes::from(vec![b'x'; 80 << 10])));
            // Page 0 is read after every other put: it stays.
            assert!(cache.get(&key(0), 1).is_some());
        }
        let (pages, bytes) = cache.size();
        assert!(bytes <= 1 << 20, "{bytes}");
        assert!(pages < 12);
        assert!(cache.get(&key(0), 1).is_some(), "the page in use stays");
        assert!(cache.get(&key(1), 1).is_none(), "the oldest unused page went");
        assert!(cache.get(&key(11), 1).is_some());
    }

    #[test]
    fn a_budget_of_zero_keeps_nothing_and_big_pages_are_not_kept() {
        let off = ReadCache::new(0);
        off.put(key(1), 1, page(b"x"));
        assert!(off.get(&key(1), 1).is_none());
        let small = ReadCache::new(1);
        small.put(key(1), 1, KeptPage::new(Bytes::from(vec![0; 200 << 10])));
        assert!(small.get(&key(1), 1).is_none());
    }
}
