//! Backlog rows → wire shapes: the lookups a page of items needs (four queries whatever their
//! number, or sub-selects in the page's own statement) and the staff and portal views of an
//! item and a comment.

use crate::clients::view::{staff_names, staff_ref};
use crate::db::{ClientTx, ClientView, Scoped};
use crate::error::ApiResult;
use crate::rich;
use accord_api::backlog::{BacklogItemView, CommentView, Decision, PortalItem, PreviousEstimate};
use accord_api::projects::ContactRef;
use accord_api::roadmap::StageRef;
use accord_api::{BacklogItemId, ContactId, DecisionKind, Money, StageId, UserId};
use accord_entity::{backlog_comments, backlog_items, contacts, roadmap_stages, users};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter, QueryResult, QuerySelect, Select};
use std::collections::HashMap;

/// Everything the views of some items need, fetched in four queries whatever their number.
#[derive(Default)]
pub struct Lookups {
    stages: HashMap<StageId, String>,
    contacts: HashMap<ContactId, String>,
    staff: HashMap<UserId, String>,
    comments: HashMap<BacklogItemId, u32>,
}

/// `q` with what its items' views need in the same statement: the stage's title, the deciding
/// contact's and the author's names and the comment count as sub-selects on each item (the
/// four lookups of [`lookups`] without their round trips); read its rows with
/// [`decode_with_lookups`]. For pages whose order an index gives (the staff list's by rank:
/// `ix_items_client_rank`, `ix_items_portal_rank` with a status), so no sorter makes the
/// databases work out the sub-selects for every matching row.
pub fn with_lookups<'a>(
    tx: &'a ClientView,
    q: Scoped<'a, Select<backlog_items::Entity>>,
    client_visible_only: bool,
) -> Scoped<'a, Select<backlog_items::Entity>> {
    let of_item = |col: backlog_items::Column| Expr::col((backlog_items::Entity, col));
    let stage = tx
        .find::<roadmap_stages::Entity>()
        .select_only()
        .column(roadmap_stages::Column::Title)
        .filter(
            Expr::col((roadmap_stages::Entity, roadmap_stages::Column::Id)).eq(of_item(backlog_items::Column::StageId)),
        )
        .sub_select();
    let decider = tx
        .find::<contacts::Entity>()
        .select_only()
        .column(contacts::Column::Name)
        .filter(Expr::col((contacts::Entity, contacts::Column::Id)).eq(of_item(backlog_items::Column::DecidedBy)))
        .sub_select();
    let mut comments = tx.find::<backlog_comments::Entity>().filter(
        Expr::col((backlog_comments::Entity, backlog_comments::Column::ItemId)).eq(of_item(backlog_items::Column::Id)),
    );
    if client_visible_only {
        comments = comments.filter(backlog_comments::Column::Internal.eq(false));
    }
    let mut q =
        q.expr_as(stage, "l_stage").expr_as(decider, "l_decider").expr_as(comments.count_sub_select(), "l_comments");
    if !client_visible_only {
        let author = tx
            .agency()
            .find::<users::Entity>()
            .select_only()
            .column(users::Column::Name)
            .filter(Expr::col((users::Entity, users::Column::Id)).eq(of_item(backlog_items::Column::CreatedBy)))
            .sub_select();
        q = q.expr_as(author, "l_author");
    }
    q
}

/// The items and their lookups from the rows of a [`with_lookups`] query.
pub fn decode_with_lookups(
    rows: &[QueryResult],
    client_visible_only: bool,
) -> ApiResult<(Vec<backlog_items::Model>, Lookups)> {
    let mut items = Vec::with_capacity(rows.len());
    let mut l = Lookups::default();
    for row in rows {
        let item = backlog_items::from_row(row)?;
        if let (Some(id), Some(title)) = (item.stage_id, row.try_get::<Option<String>>("", "l_stage")?) {
            l.stages.insert(id, title);
        }
        if let (Some(id), Some(name)) = (item.decided_by, row.try_get::<Option<String>>("", "l_decider")?) {
            l.contacts.insert(id, name);
        }
        if let (false, Some(id)) = (client_visible_only, item.created_by) {
            if let Some(name) = row.try_get::<Option<String>>("", "l_author")? {
                l.staff.insert(id, name);
            }
        }
        let n: i64 = row.try_get::<Option<i64>>("", "l_comments")?.unwrap_or_default();
        if n > 0 {
            l.comments.insert(item.id, u32::try_from(n).unwrap_or(u32::MAX));
        }
        items.push(item);
    }
    Ok((items, l))
}

impl Lookups {
    /// Adds another page's lookups (the portal reads its sections page by page).
    pub fn extend(&mut self, other: Lookups) {
        self.stages.extend(other.stages);
        self.contacts.extend(other.contacts);
        self.staff.extend(other.staff);
        self.comments.extend(other.comments);
    }
}

pub async fn lookups(tx: &ClientTx, items: &[backlog_items::Model], client_visible_only: bool) -> ApiResult<Lookups> {
    if items.is_empty() {
        return Ok(Lookups::default());
    }
    let stage_ids: Vec<StageId> = items.iter().filter_map(|i| i.stage_id).collect();
    let stages = if stage_ids.is_empty() {
        HashMap::new()
    } else {
        tx.find::<roadmap_stages::Entity>()
            .filter(roadmap_stages::Column::Id.is_in(stage_ids))
            .all()
            .await?
            .into_iter()
            .map(|s| (s.id, s.title))
            .collect()
    };
    let contact_ids: Vec<ContactId> = items.iter().filter_map(|i| i.decided_by).collect();
    let contacts = if contact_ids.is_empty() {
        HashMap::new()
    } else {
        tx.find::<contacts::Entity>()
            .filter(contacts::Column::Id.is_in(contact_ids))
            .all()
            .await?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect()
    };
    let staff = if client_visible_only {
        HashMap::new()
    } else {
        staff_names(tx.agency(), items.iter().filter_map(|i| i.created_by).collect::<Vec<_>>()).await?
    };
    let mut q = tx
        .find::<backlog_comments::Entity>()
        .select_only()
        .column(backlog_comments::Column::ItemId)
        .column_as(Expr::col(backlog_comments::Column::Id).count(), "n")
        .filter(backlog_comments::Column::ItemId.is_in(items.iter().map(|i| i.id)))
        .group_by(backlog_comments::Column::ItemId);
    if client_visible_only {
        q = q.filter(backlog_comments::Column::Internal.eq(false));
    }
    let comments: HashMap<BacklogItemId, u32> =
        q.into_tuple::<(BacklogItemId, i64)>().all().await?.into_iter().map(|(id, n)| (id, n as u32)).collect();
    Ok(Lookups { stages, contacts, staff, comments })
}

fn money(minor: Option<i64>, currency: &str) -> Option<Money> {
    minor.map(|amount_minor| Money { amount_minor, currency: currency.to_string() })
}

fn decision(i: &backlog_items::Model, l: &Lookups) -> Option<Decision> {
    let (Some(kind), Some(by), Some(at)) = (i.decision_kind, i.decided_by, i.decided_at) else {
        return None;
    };
    let approved = kind == DecisionKind::Approved;
    Some(Decision {
        kind,
        by: ContactRef { id: by, name: l.contacts.get(&by).cloned().unwrap_or_default() },
        at,
        comment: i.decision_comment.clone(),
        estimate_minutes: if approved { i.frozen_estimate_minutes } else { None },
        price: if approved { money(i.frozen_price_minor, &i.currency) } else { None },
    })
}

fn previous(i: &backlog_items::Model) -> Option<PreviousEstimate> {
    i.has_previous.then(|| PreviousEstimate {
        estimate_minutes: i.previous_estimate_minutes,
        price: money(i.previous_price_minor, &i.currency),
    })
}

fn stage_ref(i: &backlog_items::Model, l: &Lookups) -> Option<StageRef> {
    let id = i.stage_id?;
    Some(StageRef { id, title: l.stages.get(&id).cloned().unwrap_or_default() })
}

pub fn staff_view(i: &backlog_items::Model, l: &Lookups) -> BacklogItemView {
    BacklogItemView {
        id: i.id,
        client_id: i.client_id,
        project_id: i.project_id,
        title: i.title.clone(),
        description: rich::rich(&i.description, &i.description_html, i.html_version),
        benefit: i.benefit.clone(),
        estimate_minutes: i.estimate_minutes,
        price: money(i.price_minor, &i.currency),
        rank: i.rank,
        priority: i.priority,
        source: i.source,
        status: i.status,
        change_request: i.change_request,
        stage: stage_ref(i, l),
        version: i.version,
        decision: decision(i, l),
        previous: previous(i),
        comment_count: l.comments.get(&i.id).copied().unwrap_or(0),
        created_by: staff_ref(i.created_by, &l.staff),
        created_at: i.created_at,
        updated_at: i.updated_at,
    }
}

pub fn portal_view(i: &backlog_items::Model, project_name: &str, l: &Lookups) -> PortalItem {
    PortalItem {
        id: i.id,
        project_id: i.project_id,
        project_name: project_name.to_string(),
        title: i.title.clone(),
        description_html: rich::html_of(&i.description, &i.description_html, i.html_version),
        benefit: i.benefit.clone(),
        estimate_minutes: i.estimate_minutes,
        price: money(i.price_minor, &i.currency),
        status: i.status,
        change_request: i.change_request,
        stage: stage_ref(i, l),
        version: i.version,
        decision: decision(i, l),
        previous: previous(i),
        comment_count: l.comments.get(&i.id).copied().unwrap_or(0),
        updated_at: i.updated_at,
    }
}

pub fn comment_view(c: &backlog_comments::Model, names: &HashMap<UserId, String>) -> CommentView {
    CommentView {
        id: c.id,
        author_id: c.author_id,
        author: names.get(&c.author_id).cloned().unwrap_or_default(),
        side: c.side,
        internal: c.internal,
        body: c.body.clone(),
        created_at: c.created_at,
    }
}
