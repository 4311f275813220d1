//! Staff work on a project's backlog.

use super::notify;
use super::rules::{self, EstimateChange};
use super::{repo, view, BacklogError};
use crate::clients::access::{self, Need};
use crate::db::{ClientTx, ClientView, GatedCache, Scoped};
use crate::domain::{self, search_key, DisplayName, Field};
use crate::error::ApiResult;
use crate::paging::{self, Paging};
use crate::read_cache::{self, KeptPage, PageKey, PageKind};
use crate::rich;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::backlog::{
    BacklogItemDetail, BacklogItemInput, BacklogItemUpdate, BacklogItemView, BacklogQuery, NewBacklogItem,
};
use accord_api::clients::FieldChange;
use accord_api::input;
use accord_api::{
    BacklogItemId, BacklogSource, BacklogStatus, ClientId, ItemEventKind, Page, Priority, ProjectId, Side, StageId,
    UserId,
};
use accord_entity::{backlog_items, projects, roadmap_stages};
use actix_web::web::Bytes;
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect, Select};
use std::collections::HashMap;
use std::sync::Arc;

/// Item fields parsed from input.
#[derive(Debug)]
pub struct Fields {
    pub title: String,
    pub description: String,
    pub benefit: String,
    pub estimate_minutes: Option<i64>,
    pub price_minor: Option<i64>,
    pub currency: Option<String>,
    pub priority: Priority,
    pub source: BacklogSource,
    pub change_request: bool,
}

pub fn parse_fields(input: &BacklogItemInput) -> ApiResult<Fields> {
    let title = DisplayName::parse("title", &input.title)?.into_inner();
    let description = rich::parse("description", &input.description)?;
    let benefit = input::Note::parse(&input.benefit).field("benefit")?;
    if input.estimate_minutes.is_some_and(|m| !(0..=60 * 100_000).contains(&m)) {
        return Err(BacklogError::EstimateOutOfRange.into());
    }
    let (price_minor, currency) = match &input.price {
        Some(p) => {
            let (amount, currency) = domain::money("price", p)?;
            (Some(amount), Some(currency))
        }
        None => (None, None),
    };
    if input.change_request && price_minor.is_none() {
        return Err(BacklogError::PriceRequired.into());
    }
    Ok(Fields {
        title,
        description,
        benefit,
        estimate_minutes: input.estimate_minutes,
        price_minor,
        currency,
        priority: input.priority,
        source: input.source,
        change_request: input.change_request,
    })
}

pub(super) async fn stage_titles(tx: &ClientTx, ids: &[Option<StageId>]) -> ApiResult<HashMap<StageId, String>> {
    let ids: Vec<StageId> = ids.iter().flatten().copied().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(tx
        .find::<roadmap_stages::Entity>()
        .filter(roadmap_stages::Column::Id.is_in(ids))
        .all()
        .await?
        .into_iter()
        .map(|s| (s.id, s.title))
        .collect())
}

/// A page of a project's backlog as its JSON: kept pages are served while the client's
/// revision holds ([`crate::read_cache`]; one statement, the caller's access check in it), and
/// otherwise read by [`list`], which keeps what it reads.
pub async fn list_json(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    project: ProjectId,
    query: BacklogQuery,
) -> ApiResult<Arc<KeptPage>> {
    let paging = Paging::parse(query.page, query.per_page, 50)?;
    let search = paging::search(query.q.as_deref())?;
    let key = PageKey::new(
        PageKind::StaffBacklog,
        client,
        format!(
            "{project}|{}|{}|{:?}|{:?}|{:?}|{:?}|{}",
            paging.offset(),
            paging.limit(),
            query.status,
            query.priority,
            query.source,
            query.change_request,
            search.as_deref().unwrap_or_default()
        ),
    );
    if state.reads.enabled() {
        let read = access::open_read_single(state, staff, client).await?;
        static REVISION: GatedCache = GatedCache::new();
        let rows = read
            .rows_cached(&REVISION, &[project.into()], |v| {
                let project_row = v.find::<projects::Entity>().select_only().filter(projects::Column::Id.eq(project));
                read_cache::with_revision(v, project_row)
            })
            .await?;
        read.finish().await?;
        // No row: a client or project the caller may not see, answered by `list` (404).
        if let Some(row) = rows.first() {
            if let Some(page) = state.reads.get(&key, read_cache::rev_of(row)?) {
                return Ok(page);
            }
        }
    }
    let (page, rev) = list(state, staff, client, project, query).await?;
    let kept = KeptPage::new(Bytes::from(serde_json::to_vec(&page).map_err(crate::error::ApiError::internal)?));
    if let Some(rev) = rev {
        state.reads.put(key, rev, kept.clone());
    }
    Ok(kept)
}

/// A page of a project's backlog in one statement: the items by rank, what their views need,
/// the total (the database's tally when filtered by status alone, or not at all; the count
/// of matching items otherwise) and the client's revision, behind the caller's access check
/// (`access::open_read_single`). Finding no rows, it asks again the longer way, which tells a
/// client or project the caller cannot see (404) from a page past the end or an empty project
/// (a page read that way has no revision: it is not kept).
pub async fn list(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    project: ProjectId,
    query: BacklogQuery,
) -> ApiResult<(Page<BacklogItemView>, Option<i64>)> {
    let paging = Paging::parse(query.page, query.per_page, 50)?;
    let search = paging::search(query.q.as_deref())?;
    let search = search.as_deref();
    let read = access::open_read_single(state, staff, client).await?;
    // The first page with no filter has the same statement for every project and caller of a
    // role: kept after the first request.
    let default_shape = paging.offset() == 0
        && paging.limit() == 50
        && search.is_none()
        && (query.status, query.priority, query.source, query.change_request) == (None, None, None, None);
    let rows = if default_shape {
        static FIRST_PAGE: GatedCache = GatedCache::new();
        read.rows_cached(&FIRST_PAGE, &[project.into()], |v| page(v, project, &query, search, paging)).await?
    } else {
        read.rows(|v| page(v, project, &query, search, paging)).await?
    };
    read.finish().await?;
    if let Some(first) = rows.first() {
        let total: Option<i64> = first.try_get("", "l_total")?;
        let rev = read_cache::rev_of(first)?;
        return Ok((staff_page(&rows, paging, count(total))?, Some(rev)));
    }
    // No rows: asked again the long way, which answers 404 for a client the caller may not see
    // or a project not the client's, and otherwise reads the total and (if the project has items
    // there, as it may have gained since) the page itself: the long way's answer is the page's.
    let tx = access::open_read(state, staff, client).await?;
    let found: Option<Option<i64>> = tx
        .find::<projects::Entity>()
        .select_only()
        .column_as(total(&tx, project, &query, search), "n")
        .filter(projects::Column::Id.eq(project))
        .into_tuple()
        .one()
        .await?;
    let total = count(found.ok_or(BacklogError::NotFound)?);
    let rows =
        if total > paging.offset() { page(&tx, project, &query, search, paging).rows().await? } else { Vec::new() };
    tx.commit().await?;
    Ok((staff_page(&rows, paging, total)?, None))
}

fn count(n: Option<i64>) -> u64 {
    n.and_then(|n| u64::try_from(n).ok()).unwrap_or_default()
}

/// The page's items from the rows of a [`page`] query.
fn staff_page(rows: &[sea_orm::QueryResult], paging: Paging, total: u64) -> ApiResult<Page<BacklogItemView>> {
    let (items, l) = view::decode_with_lookups(rows, false)?;
    Ok(paging.page_of(items.iter().map(|i| view::staff_view(i, &l)).collect(), total))
}

/// A page of items with their views' lookups and the total as sub-selects (`l_total`).
fn page<'a>(
    v: &'a ClientView,
    project: ProjectId,
    query: &BacklogQuery,
    search: Option<&str>,
    paging: Paging,
) -> Scoped<'a, Select<backlog_items::Entity>> {
    let total = total(v, project, query, search);
    let items = filtered(v, project, query, search).order_by_asc(backlog_items::Column::Rank);
    let q = view::with_lookups(v, items.offset(paging.offset()).limit(paging.limit()), false).expr_as(total, "l_total");
    read_cache::with_revision(v, q)
}

/// The project's items the query's filters keep.
fn filtered<'a>(
    v: &'a ClientView,
    project: ProjectId,
    query: &BacklogQuery,
    search: Option<&str>,
) -> Scoped<'a, Select<backlog_items::Entity>> {
    let mut q = v.find::<backlog_items::Entity>().filter(backlog_items::Column::ProjectId.eq(project));
    if let Some(s) = query.status {
        q = q.filter(backlog_items::Column::Status.eq(s));
    }
    if let Some(p) = query.priority {
        q = q.filter(backlog_items::Column::Priority.eq(p));
    }
    if let Some(s) = query.source {
        q = q.filter(backlog_items::Column::Source.eq(s));
    }
    if let Some(cr) = query.change_request {
        q = q.filter(backlog_items::Column::ChangeRequest.eq(cr));
    }
    if let Some(text) = search {
        q = q.filter(backlog_items::Column::TitleSearch.contains(search_key(text)));
    }
    q
}

/// How many items the query's filters keep, as a sub-select: filtered by status alone (or not
/// at all), the database's tally; other filters count the matching items.
fn total(v: &ClientView, project: ProjectId, query: &BacklogQuery, search: Option<&str>) -> SimpleExpr {
    let by_status_only =
        query.priority.is_none() && query.source.is_none() && query.change_request.is_none() && search.is_none();
    if by_status_only {
        repo::project_total(v, project, query.status)
    } else {
        filtered(v, project, query, search).count_sub_select()
    }
}

#[tracing::instrument(skip(state, input))]
pub async fn create(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    project: ProjectId,
    input: NewBacklogItem,
) -> ApiResult<BacklogItemView> {
    let f = parse_fields(&input.item)?;
    let tx = access::open(state, staff, client, Need::Manage).await?;
    let p = repo::project(&tx, project).await?;
    let _c = tx.client().clone();
    repo::stage(&tx, input.item.stage_id).await?;
    let rank = next_rank(&tx, project).await?;
    let status = if input.propose { BacklogStatus::Proposed } else { BacklogStatus::Idea };
    let row = new_row(&p, f, input.item.stage_id, rank, status, staff.user());
    tx.insert(backlog_items::ActiveModel::from(row.clone())).await?;
    repo::record(
        &tx,
        &row,
        ItemEventKind::Created,
        staff.user(),
        Side::Agency,
        vec![FieldChange { field: "status".into(), old: None, new: Some(status.as_str().into()) }],
    )
    .await?;
    if input.propose {
        notify::approvers(&tx, state, vec![row.title.clone()]).await?;
    }
    let l = view::lookups(&tx, std::slice::from_ref(&row), false).await?;
    tx.commit().await?;
    Ok(view::staff_view(&row, &l))
}

pub async fn next_rank(tx: &ClientTx, project: ProjectId) -> ApiResult<i64> {
    let max: Option<i64> = tx
        .find::<backlog_items::Entity>()
        .select_only()
        .column_as(Expr::col(backlog_items::Column::Rank).max(), "m")
        .filter(backlog_items::Column::ProjectId.eq(project))
        .into_tuple::<Option<i64>>()
        .one()
        .await?
        .flatten();
    Ok(max.unwrap_or(0) + 1)
}

/// A new item of `project` from parsed fields.
pub fn new_row(
    project: &accord_entity::projects::Model,
    f: Fields,
    stage: Option<StageId>,
    rank: i64,
    status: BacklogStatus,
    author: UserId,
) -> backlog_items::Model {
    let mut row = repo::new_item(project, &f.title, status, rank, Some(author));
    repo::set_description(&mut row, f.description);
    row.benefit = f.benefit;
    row.estimate_minutes = f.estimate_minutes;
    row.price_minor = f.price_minor;
    if let Some(currency) = f.currency {
        row.currency = currency;
    }
    row.priority = f.priority;
    row.source = f.source;
    row.change_request = f.change_request;
    row.stage_id = stage;
    row
}

pub async fn detail(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    project: ProjectId,
    item: BacklogItemId,
) -> ApiResult<BacklogItemDetail> {
    let tx = access::open_read(state, staff, client).await?;
    let p = repo::project(&tx, project).await?;
    let row = repo::item(&tx, project, item).await?;
    let l = view::lookups(&tx, std::slice::from_ref(&row), false).await?;
    let comments = repo::comments(&tx, row.id, false).await?;
    let history = repo::history(&tx, row.id).await?;
    tx.commit().await?;
    Ok(BacklogItemDetail { item: view::staff_view(&row, &l), project_name: p.name, comments, history })
}

/// Clears the client's decision and remembers the approved values, so the client sees
/// "was X, now Y" when the item comes back to them.
fn back_to_client(row: &mut backlog_items::Model) {
    row.has_previous = true;
    row.previous_estimate_minutes = row.frozen_estimate_minutes;
    row.previous_price_minor = row.frozen_price_minor;
    row.status = BacklogStatus::Proposed;
    row.decision_kind = None;
    row.decided_by = None;
    row.decided_at = None;
    row.decision_comment = None;
    row.frozen_estimate_minutes = None;
    row.frozen_price_minor = None;
}

#[tracing::instrument(skip(state, input))]
pub async fn update(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    project: ProjectId,
    item: BacklogItemId,
    input: BacklogItemUpdate,
) -> ApiResult<BacklogItemView> {
    let f = parse_fields(&input.item)?;
    let tx = access::open(state, staff, client, Need::Manage).await?;
    repo::project(&tx, project).await?;
    let _c = tx.client().clone();
    let before = repo::item(&tx, project, item).await?;
    repo::check_version(&before, input.version)?;
    repo::stage(&tx, input.item.stage_id).await?;
    let mut after = before.clone();
    after.title_search = search_key(&f.title);
    after.title = f.title;
    after.description = f.description;
    after.benefit = f.benefit;
    after.estimate_minutes = f.estimate_minutes;
    after.price_minor = f.price_minor;
    if let Some(currency) = f.currency {
        after.currency = currency;
    }
    after.priority = f.priority;
    after.source = f.source;
    after.change_request = f.change_request;
    after.stage_id = input.item.stage_id;
    let estimate_changed = after.estimate_minutes != before.estimate_minutes
        || after.price_minor != before.price_minor
        || (after.price_minor.is_some() && after.currency != before.currency);
    let mut kind = ItemEventKind::Updated;
    if estimate_changed {
        match rules::estimate_change(before.status) {
            EstimateChange::Free => {}
            EstimateChange::Locked => return Err(BacklogError::EstimateLocked.into()),
            EstimateChange::BackToClient => {
                back_to_client(&mut after);
                kind = ItemEventKind::Reproposed;
            }
        }
    }
    let titles = stage_titles(&tx, &[before.stage_id, after.stage_id]).await?;
    let changes = repo::diff(&before, &after, &titles);
    if changes.is_empty() {
        let l = view::lookups(&tx, std::slice::from_ref(&before), false).await?;
        crate::health::changed(&tx).await?;
        tx.commit().await?;
        return Ok(view::staff_view(&before, &l));
    }
    let after = repo::save(&tx, &before, after).await?;
    repo::record(&tx, &after, kind, staff.user(), Side::Agency, changes).await?;
    if kind == ItemEventKind::Reproposed {
        notify::approvers(&tx, state, vec![after.title.clone()]).await?;
    }
    let l = view::lookups(&tx, std::slice::from_ref(&after), false).await?;
    tx.commit().await?;
    Ok(view::staff_view(&after, &l))
}

/// A new idea in `project` written from elsewhere (a client's question on a report), with its
/// "created" history entry. The caller checked access and that the project is the client's.
pub async fn add_idea(
    tx: &ClientTx,
    project: &accord_entity::projects::Model,
    title: &str,
    description: &str,
    author: UserId,
) -> ApiResult<backlog_items::Model> {
    let rank = next_rank(tx, project.id).await?;
    let mut row = super::new_item(project, title, BacklogStatus::Idea, rank, Some(author));
    row.source = BacklogSource::ClientRequest;
    row.description = description.to_string();
    row.description_html = crate::rich::render(description);
    row.html_version = crate::rich::VERSION;
    tx.insert(backlog_items::ActiveModel::from(row.clone())).await?;
    repo::record(
        tx,
        &row,
        ItemEventKind::Created,
        author,
        Side::Agency,
        vec![FieldChange { field: "status".into(), old: None, new: Some(BacklogStatus::Idea.as_str().into()) }],
    )
    .await?;
    Ok(row)
}
