//! The client's side of the backlog: sections, decisions, questions. Ideas and internal
//! comments never leave the server through here.

use super::notify;
use super::workflow::{insert_comment, parse_comment};
use super::{repo, view, BacklogError};
use crate::clients::access;
use crate::db::ClientTx;
use crate::domain::Field;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::PortalContact;
use accord_api::backlog::{CommentView, DecisionRequest, MonthTotal, PortalBacklog, PortalComment, PortalItemDetail};
use accord_api::clients::FieldChange;
use accord_api::{BacklogItemId, BacklogStatus, DecisionKind, ItemEventKind, Money, PortalRole, ProjectId, Side};
use accord_entity::{backlog_items, projects};
use chrono::Utc;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::{BTreeMap, HashMap};

const DONE_SHOWN: u64 = 100;

async fn project_names(tx: &ClientTx) -> ApiResult<HashMap<ProjectId, String>> {
    Ok(tx.find::<projects::Entity>().all().await?.into_iter().map(|p| (p.id, p.name)).collect())
}

pub async fn backlog(state: &AppState, contact: &PortalContact) -> ApiResult<PortalBacklog> {
    let tx = access::open_portal_read(state, contact).await?;
    let names = project_names(&tx).await?;
    let open = tx
        .find::<backlog_items::Entity>()
        .filter(backlog_items::Column::Status.is_not_in([BacklogStatus::Idea, BacklogStatus::Done]))
        .order_by_asc(backlog_items::Column::ProjectId)
        .order_by_asc(backlog_items::Column::Rank)
        .all()
        .await?;
    let done_q = tx.find::<backlog_items::Entity>().filter(backlog_items::Column::Status.eq(BacklogStatus::Done));
    let done_total = done_q.clone().count().await?;
    let done = done_q.order_by_desc(backlog_items::Column::UpdatedAt).limit(DONE_SHOWN).all().await?;
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
    let all: Vec<backlog_items::Model> = open.iter().chain(done.iter()).cloned().collect();
    let l = view::lookups(&tx, &all, true).await?;
    tx.commit().await?;

    let view = |i: &backlog_items::Model| {
        view::portal_view(i, names.get(&i.project_id).map(String::as_str).unwrap_or_default(), &l)
    };
    let (mut awaiting, mut planned, mut declined) = (Vec::new(), Vec::new(), Vec::new());
    for i in &open {
        let v = view(i);
        match v.status {
            BacklogStatus::Proposed => awaiting.push(v),
            BacklogStatus::Declined => declined.push(v),
            _ => planned.push(v),
        }
    }
    let done = done.iter().map(view).collect();
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
    Ok(PortalBacklog {
        can_decide: contact.portal_role() == PortalRole::Approver,
        awaiting,
        planned,
        done,
        done_total: done_total as u32,
        declined,
        change_requests_by_month,
    })
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
