//! The client's side of the backlog: sections, decisions, questions. Ideas and internal
//! comments never leave the server through here.

use super::notify;
use super::workflow::{insert_comment, parse_comment};
use super::{repo, view, BacklogError};
use crate::clients::access;
use crate::db::{ClientTx, ClientView, Scoped, StatementCache};
use crate::domain::Field;
use crate::error::{ApiError, ApiResult};
use crate::paging::{PageOnly, Paging};
use crate::read_cache::{self, KeptPage, PageKey, PageKind};
use crate::state::AppState;
use crate::tenancy::PortalContact;
use accord_api::backlog::{
    CommentView, DecisionRequest, MonthTotal, PortalBacklog, PortalComment, PortalItem, PortalItemDetail,
    PortalSection, PORTAL_SECTION_SHOWN,
};
use accord_api::clients::FieldChange;
use accord_api::Page;
use accord_api::{BacklogItemId, BacklogStatus, DecisionKind, ItemEventKind, Money, PortalRole, ProjectId, Side};
use accord_entity::{backlog_items, backlog_tallies, projects};
use actix_web::web::Bytes;
use chrono::Utc;
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect, Select};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

async fn project_names(tx: &ClientTx) -> ApiResult<HashMap<ProjectId, String>> {
    Ok(tx
        .find::<projects::Entity>()
        .select_only()
        .column(projects::Column::Id)
        .column(projects::Column::Name)
        .into_tuple::<(ProjectId, String)>()
        .all()
        .await?
        .into_iter()
        .collect())
}

/// Every section's size in one statement: the client's tallies (kept by the database, one row
/// per project and status) summed by status, ideas left out.
async fn section_totals(tx: &ClientTx) -> ApiResult<HashMap<PortalSection, u64>> {
    let by_status: Vec<(BacklogStatus, i64)> = tx
        .find::<backlog_tallies::Entity>()
        .select_only()
        .column(backlog_tallies::Column::Status)
        .column_as(Expr::col(backlog_tallies::Column::N).sum(), "n")
        .filter(backlog_tallies::Column::Status.ne(BacklogStatus::Idea))
        .group_by(backlog_tallies::Column::Status)
        .into_tuple()
        .all()
        .await?;
    let mut totals = HashMap::new();
    for (status, n) in by_status {
        if let Some(section) = PortalSection::of(status) {
            *totals.entry(section).or_default() += u64::try_from(n).unwrap_or_default();
        }
    }
    Ok(totals)
}

/// How many items await the client's decision (the portal home's card), as a sub-select: the
/// client's tallies of those statuses summed (a row per project, whatever the number of items;
/// NULL when there are none). Counting the items walked one index entry per item awaiting,
/// most of the home page's time for a client with hundreds.
pub fn awaiting_count(tx: &ClientView) -> SimpleExpr {
    let statuses =
        BacklogStatus::ALL.iter().copied().filter(|s| PortalSection::of(*s) == Some(PortalSection::Awaiting));
    tx.find::<backlog_tallies::Entity>()
        .select_only()
        .column_as(Expr::col(backlog_tallies::Column::N).sum(), "n")
        .filter(backlog_tallies::Column::Status.is_in(statuses))
        .sub_select()
}

/// `'done'` as SQL text (a constant of this module, never input).
const DONE_LITERAL: &str = "'done'";

/// A section's items in the order the client reads them: proposed, planned (agreed, scheduled,
/// in progress) and declined by project and rank; done most recent first. Never ideas. Which
/// statuses a section holds is `PortalSection::of`, the same mapping the totals use.
fn section_query(tx: &ClientView, section: PortalSection) -> Scoped<'_, Select<backlog_items::Entity>> {
    let q = tx.find::<backlog_items::Entity>();
    match section {
        // The status as a literal, not a parameter: only then may the databases use the
        // partial index `ix_items_client_done` (migration 000010).
        PortalSection::Done => q
            .filter(Expr::col((backlog_items::Entity, backlog_items::Column::Status)).eq(Expr::cust(DONE_LITERAL)))
            .order_by_desc(backlog_items::Column::UpdatedAt)
            .order_by_desc(backlog_items::Column::Id),
        _ => {
            let statuses = BacklogStatus::ALL.iter().copied().filter(|s| PortalSection::of(*s) == Some(section));
            q.filter(backlog_items::Column::Status.is_in(statuses))
                .order_by_asc(backlog_items::Column::ProjectId)
                .order_by_asc(backlog_items::Column::Rank)
        }
    }
}

/// A page of a section with what the items' views need read as sub-selects of the same
/// statement (every section's order comes from an index).
fn section_page(
    v: &ClientView,
    section: PortalSection,
    offset: u64,
    limit: u64,
) -> Scoped<'_, Select<backlog_items::Entity>> {
    view::with_lookups(v, section_query(v, section).offset(offset).limit(limit), true)
}

/// The first page of each section (what the portal backlog shows) has the same statement for
/// every client: kept after the first request (`ClientView::rows_cached`).
fn first_page_statement(section: PortalSection) -> &'static StatementCache {
    static AWAITING: StatementCache = StatementCache::new();
    static PLANNED: StatementCache = StatementCache::new();
    static DONE: StatementCache = StatementCache::new();
    static DECLINED: StatementCache = StatementCache::new();
    match section {
        PortalSection::Awaiting => &AWAITING,
        PortalSection::Planned => &PLANNED,
        PortalSection::Done => &DONE,
        PortalSection::Declined => &DECLINED,
    }
}

/// One page of a section (none past its end).
async fn section_rows(
    tx: &ClientTx,
    section: PortalSection,
    total: u64,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<backlog_items::Model>, view::Lookups)> {
    if total <= offset {
        return Ok((Vec::new(), view::Lookups::default()));
    }
    let rows = if (offset, limit) == (0, u64::from(PORTAL_SECTION_SHOWN)) {
        // Offset and limit are the same on every request: only the scope varies.
        let cache = first_page_statement(section);
        tx.rows_cached(cache, &[], |v| section_page(v, section, offset, limit)).await?
    } else {
        section_page(tx, section, offset, limit).rows().await?
    };
    view::decode_with_lookups(&rows, true)
}

/// The portal backlog as its JSON, kept per client and whether the contact may decide (see
/// [`kept_page`]).
pub async fn backlog_json(state: &AppState, contact: &PortalContact) -> ApiResult<Arc<KeptPage>> {
    let detail = format!("backlog|{}", can_decide(contact));
    kept_page(state, contact, detail, |tx| backlog_in(tx, contact)).await
}

/// A portal page as its JSON: the page kept for the client under `detail` while the client's
/// revision holds ([`crate::read_cache`]; one statement, the client's row with its revision, as
/// the portal home reads it), else built by `build` in a read transaction and kept. The
/// revision is read before that transaction begins, so a page is kept at most under an older
/// number than its rows (the next request builds it again), never a newer one.
async fn kept_page<T, F, Fut>(
    state: &AppState,
    contact: &PortalContact,
    detail: String,
    build: F,
) -> ApiResult<Arc<KeptPage>>
where
    T: serde::Serialize,
    F: FnOnce(ClientTx) -> Fut,
    Fut: std::future::Future<Output = ApiResult<T>>,
{
    let json = |page: &T| -> ApiResult<Arc<KeptPage>> {
        Ok(KeptPage::new(Bytes::from(serde_json::to_vec(page).map_err(ApiError::internal)?)))
    };
    if !state.reads.enabled() {
        return json(&build(access::open_portal_read(state, contact).await?).await?);
    }
    let key = PageKey::new(PageKind::Portal, contact.client(), detail);
    let view = access::open_portal_single(state, contact).await?;
    static REVISION: StatementCache = StatementCache::new();
    let rows = view
        .rows_cached(&REVISION, &[], |v| read_cache::with_revision(v, access::own_client_row(v).select_only()))
        .await?;
    view.finish().await?;
    // No row: the client is gone, which the long way answers (404).
    let rev = rows.first().map(read_cache::rev_of).transpose()?;
    if let Some(page) = rev.and_then(|rev| state.reads.get(&key, rev)) {
        return Ok(page);
    }
    let kept = json(&build(access::open_portal_read(state, contact).await?).await?)?;
    if let Some(rev) = rev {
        state.reads.put(key, rev, kept.clone());
    }
    Ok(kept)
}

fn can_decide(contact: &PortalContact) -> bool {
    contact.portal_role() == PortalRole::Approver
}

/// The portal backlog read in `tx` (committed here).
async fn backlog_in(tx: ClientTx, contact: &PortalContact) -> ApiResult<PortalBacklog> {
    let names = project_names(&tx).await?;
    let shown = u64::from(PORTAL_SECTION_SHOWN);
    let totals = section_totals(&tx).await?;
    let total = |s: PortalSection| totals.get(&s).copied().unwrap_or_default();
    let first = |s: PortalSection| section_rows(&tx, s, total(s), 0, shown);
    let (awaiting, mut l) = first(PortalSection::Awaiting).await?;
    let (planned, more) = first(PortalSection::Planned).await?;
    l.extend(more);
    let (done, more) = first(PortalSection::Done).await?;
    l.extend(more);
    let (declined, more) = first(PortalSection::Declined).await?;
    l.extend(more);
    let approved_crs: Vec<(Option<chrono::DateTime<Utc>>, Option<i64>, String)> = tx
        .find::<backlog_items::Entity>()
        .select_only()
        .column(backlog_items::Column::DecidedAt)
        .column(backlog_items::Column::FrozenPriceMinor)
        .column(backlog_items::Column::Currency)
        .filter(backlog_items::Column::ChangeRequest.eq(true))
        .filter(backlog_items::Column::DecisionKind.eq(DecisionKind::Approved))
        .into_tuple()
        .all()
        .await?;
    tx.commit().await?;

    let views = |rows: &[backlog_items::Model]| -> Vec<PortalItem> {
        rows.iter()
            .map(|i| view::portal_view(i, names.get(&i.project_id).map(String::as_str).unwrap_or_default(), &l))
            .collect()
    };
    let mut months: BTreeMap<(String, String), (i64, u32)> = BTreeMap::new();
    for (at, price, currency) in approved_crs {
        let (Some(at), Some(price)) = (at, price) else { continue };
        let e = months.entry((at.format("%Y-%m").to_string(), currency)).or_default();
        e.0 += price;
        e.1 += 1;
    }
    let change_requests_by_month = months
        .into_iter()
        .rev()
        .map(|((month, currency), (amount_minor, count))| MonthTotal {
            month,
            total: Money { amount_minor, currency },
            count,
        })
        .collect();
    let count = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(PortalBacklog {
        can_decide: can_decide(contact),
        awaiting: views(&awaiting),
        awaiting_total: count(total(PortalSection::Awaiting)),
        planned: views(&planned),
        planned_total: count(total(PortalSection::Planned)),
        done: views(&done),
        done_total: count(total(PortalSection::Done)),
        declined: views(&declined),
        declined_total: count(total(PortalSection::Declined)),
        change_requests_by_month,
    })
}

/// One page of one section of the portal backlog (the part beyond what [`backlog_json`]
/// shows), as its JSON, kept per section and page (see [`kept_page`]).
pub async fn section_json(
    state: &AppState,
    contact: &PortalContact,
    section: PortalSection,
    query: &PageOnly,
) -> ApiResult<Arc<KeptPage>> {
    let paging = Paging::parse(query.page, query.per_page, u64::from(PORTAL_SECTION_SHOWN))?;
    let detail = format!("section|{}|{}|{}", section.as_str(), paging.offset(), paging.limit());
    kept_page(state, contact, detail, |tx| section_in(tx, section, paging)).await
}

async fn section_in(tx: ClientTx, section: PortalSection, paging: Paging) -> ApiResult<Page<PortalItem>> {
    let total = section_totals(&tx).await?.get(&section).copied().unwrap_or_default();
    let (rows, l) = section_rows(&tx, section, total, paging.offset(), paging.limit()).await?;
    let names = if rows.is_empty() { HashMap::new() } else { project_names(&tx).await? };
    tx.commit().await?;
    let items = rows
        .iter()
        .map(|i| view::portal_view(i, names.get(&i.project_id).map(String::as_str).unwrap_or_default(), &l))
        .collect();
    Ok(paging.page_of(items, total))
}

/// A non-idea item of the contact's client, or 404 (an idea does not exist for the client).
async fn visible_item(tx: &ClientTx, _contact: &PortalContact, item: BacklogItemId) -> ApiResult<backlog_items::Model> {
    let found = tx
        .find::<backlog_items::Entity>()
        .filter(backlog_items::Column::Id.eq(item))
        .filter(backlog_items::Column::Status.ne(BacklogStatus::Idea))
        .one()
        .await?;
    Ok(found.ok_or(BacklogError::NotFound)?)
}

async fn detail_in(tx: &ClientTx, contact: &PortalContact, row: &backlog_items::Model) -> ApiResult<PortalItemDetail> {
    let project = tx
        .find::<projects::Entity>()
        .filter(projects::Column::Id.eq(row.project_id))
        .one()
        .await?
        .map(|p| p.name)
        .unwrap_or_default();
    let l = view::lookups(tx, std::slice::from_ref(row), true).await?;
    let comments = repo::comments(tx, row.id, true).await?;
    Ok(PortalItemDetail {
        can_decide: contact.portal_role() == PortalRole::Approver,
        item: view::portal_view(row, &project, &l),
        comments,
    })
}

pub async fn item(state: &AppState, contact: &PortalContact, item: BacklogItemId) -> ApiResult<PortalItemDetail> {
    let tx = access::open_portal_read(state, contact).await?;
    let row = visible_item(&tx, contact, item).await?;
    let d = detail_in(&tx, contact, &row).await?;
    tx.commit().await?;
    Ok(d)
}

#[tracing::instrument(skip(state, input))]
pub async fn decide(
    state: &AppState,
    contact: &PortalContact,
    item: BacklogItemId,
    input: DecisionRequest,
) -> ApiResult<PortalItemDetail> {
    let tx = access::open_portal(state, contact).await?;
    let before = visible_item(&tx, contact, item).await?;
    if contact.portal_role() != PortalRole::Approver {
        return Err(BacklogError::NotApprover.into());
    }
    repo::check_version(&before, input.version)?;
    if before.status != BacklogStatus::Proposed {
        return Err(BacklogError::NotDecidable { status: before.status }.into());
    }
    let comment = accord_api::input::OptionalMessage::parse_optional(input.comment.as_deref()).field("comment")?;
    if input.decision == DecisionKind::Declined && comment.is_none() {
        return Err(BacklogError::ReasonRequired.into());
    }
    let me = crate::clients::repo::contact(&tx, contact.contact()).await?.ok_or(BacklogError::NotFound)?;
    let approved = input.decision == DecisionKind::Approved;
    let to = if approved { BacklogStatus::Agreed } else { BacklogStatus::Declined };
    let mut after = before.clone();
    after.status = to;
    after.decision_kind = Some(input.decision);
    after.decided_by = Some(contact.contact());
    after.decided_at = Some(tx.now());
    after.decision_comment = comment;
    // Approval freezes exactly what the approver was shown (the version they sent).
    after.frozen_estimate_minutes = if approved { before.estimate_minutes } else { None };
    after.frozen_price_minor = if approved { before.price_minor } else { None };
    after.has_previous = false;
    after.previous_estimate_minutes = None;
    after.previous_price_minor = None;
    let after = repo::save(&tx, &before, after).await?;
    let mut changes = vec![FieldChange {
        field: "status".into(),
        old: Some(before.status.as_str().into()),
        new: Some(to.as_str().into()),
    }];
    if let Some(c) = &after.decision_comment {
        changes.push(FieldChange { field: "comment".into(), old: None, new: Some(c.clone()) });
    }
    let kind = if approved { ItemEventKind::Approved } else { ItemEventKind::Declined };
    repo::record(&tx, &after, kind, contact.user(), Side::Client, changes).await?;
    notify::manager(&tx, state, &after, &me.name, approved).await?;
    let d = detail_in(&tx, contact, &after).await?;
    crate::health::changed(&tx).await?;
    tx.commit().await?;
    Ok(d)
}

#[tracing::instrument(skip(state, input))]
pub async fn comment(
    state: &AppState,
    contact: &PortalContact,
    item: BacklogItemId,
    input: PortalComment,
) -> ApiResult<CommentView> {
    let body = parse_comment(&input.body)?;
    let tx = access::open_portal(state, contact).await?;
    let row = visible_item(&tx, contact, item).await?;
    // Client comments are visible to both sides by nature.
    let c = insert_comment(&tx, &row, contact.user(), Side::Client, false, body).await?;
    let names = crate::clients::view::staff_names(tx.agency(), [contact.user()]).await?;
    tx.commit().await?;
    Ok(view::comment_view(&c, &names))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_done_literal_is_the_done_status() {
        assert_eq!(DONE_LITERAL, format!("'{}'", BacklogStatus::Done.as_str()));
        let done: Vec<_> =
            BacklogStatus::ALL.iter().copied().filter(|s| PortalSection::of(*s) == Some(PortalSection::Done)).collect();
        assert_eq!(done, [BacklogStatus::Done]);
    }
}
