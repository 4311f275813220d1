//! The promises ledger. Agency-side action items are promises (and a manager can record one made
//! outside a meeting). Kept = done by the latest agreed date; broken = not done by then (done
//! later still counts, as "done late"); a renegotiation counts only when proposed before the old
//! date and agreed by a client approver — confirmed in the portal, or a decision of minutes the
//! client acknowledged. A promise with no assignee belongs to whoever managed the client when it
//! fell due. Client-side items past due are "waiting on the client" and never count against the
//! manager.

use super::minutes_pdf::day;
use super::store::{self, Names};
use super::MeetingError;
use crate::clients::access::{self, Need, VisibleClients};
use crate::domain::Field;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::input;
use accord_api::meetings::MeetingStatus;
use accord_api::meetings::{
    ActionItemView, MarkDone, NewPromise, PromiseRate, PromiseState, PromisesOverview, Renegotiate, Side,
};
use accord_api::{ActionItemId, ClientId, ContactId, Locale, MeetingId, StaffRef, UserId};
use accord_entity::{action_items, clients, contacts, meeting_decisions, meetings, promise_changes, users};
use chrono::{Duration, NaiveDate};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::{BTreeMap, HashMap, HashSet};

/// A client's action items and promises: open ones first, by date (at most 200).
pub async fn for_client(state: &AppState, staff: &Staff, client: ClientId) -> ApiResult<Vec<ActionItemView>> {
    let tx = access::open_read(state, staff, client).await?;
    let agency = store::agency(&tx).await?;
    let today = store::today(&agency, tx.now());
    let rows = tx
        .find::<action_items::Entity>()
        .order_by_asc(action_items::Column::DoneOn)
        .order_by_asc(action_items::Column::DueOn)
        .limit(200)
        .all()
        .await?;
    let names = store::names(&tx).await?;
    let views = store::action_views(&tx, rows, &names, today).await?;
    tx.commit().await?;
    Ok(views)
}

/// Before the client's account manager changes: the promises with no assignee that already fell
/// due stay with the manager they fell due under (one statement, in the change's transaction).
pub async fn keep_due_owners(tx: &crate::db::ClientTx, outgoing: UserId) -> ApiResult<()> {
    let agency = store::agency(tx).await?;
    let today = store::today(&agency, tx.now());
    tx.update_many::<action_items::Entity>()
        .col_expr(action_items::Column::DueOwner, sea_orm::sea_query::Expr::value(outgoing))
        .filter(action_items::Column::Side.eq(Side::Agency))
        .filter(action_items::Column::AssigneeUser.is_null())
        .filter(action_items::Column::DueOwner.is_null())
        .filter(action_items::Column::DueOn.lt(today))
        .exec()
        .await?;
    Ok(())
}

/// Records a promise made outside a meeting (what, to whom, by when).
#[tracing::instrument(skip(state, input))]
pub async fn create(state: &AppState, staff: &Staff, client: ClientId, input: NewPromise) -> ApiResult<ActionItemView> {
    let title = input::Name::parse(&input.title).field("title")?;
    let promised_to = input::Line::parse_optional(input.promised_to.as_deref()).field("promised_to")?;
    input::Day::check(input.due_on).field("due_on")?;
    let tx = access::open(state, staff, client, Need::Manage).await?;
    let names = store::names(&tx).await?;
    if let Some(user) = input.assignee_staff {
        if !names.staff.contains_key(&user) {
            return Err(MeetingError::UnknownStaff { field: "assignee_staff" }.into());
        }
    }
    let promised_to = match input.contact_id {
        Some(c) => Some(names.contacts.get(&c).cloned().ok_or(MeetingError::UnknownContact { field: "contact_id" })?),
        None => promised_to,
    };
    let row = action_items::Model {
        id: ActionItemId::new(),
        agency_id: tx.agency_id(),
        client_id: tx.client_id(),
        meeting_id: None,
        position: 0,
        title,
        side: Side::Agency,
        assignee_user: input.assignee_staff,
        assignee_contact: None,
        promised_to,
        original_due_on: input.due_on,
        due_on: input.due_on,
        done_on: None,
        due_owner: None,
        created_by: staff.user(),
        created_at: tx.now(),
    };
    tx.insert(action_items::ActiveModel::from(row.clone())).await?;
    let agency = store::agency(&tx).await?;
    let today = store::today(&agency, tx.now());
    let view = store::action_views(&tx, vec![row], &names, today).await?.remove(0);
    crate::health::changed(&tx).await?;
    tx.commit().await?;
    Ok(view)
}

async fn open_item(
    state: &AppState,
    staff: &Staff,
    id: ActionItemId,
    need: Need,
) -> ApiResult<(crate::db::ClientTx, action_items::Model)> {
    let tx = access::open_owner::<action_items::Entity>(state, staff, action_items::Column::Id, id.0, need).await?;
    let item = tx
        .find::<action_items::Entity>()
        .filter(action_items::Column::Id.eq(id))
        .one()
        .await?
        .ok_or(MeetingError::NotFound)?;
    Ok((tx, item))
}

/// Marks an item done on a day (not in the future), or open again.
pub async fn mark_done(
    state: &AppState,
    staff: &Staff,
    id: ActionItemId,
    input: MarkDone,
) -> ApiResult<ActionItemView> {
    let (tx, mut item) = open_item(state, staff, id, Need::Log).await?;
    let agency = store::agency(&tx).await?;
    let today = store::today(&agency, tx.now());
    item.done_on = if input.done {
        let on = input.on.unwrap_or(today);
        if on > today || input::Day::check(on).is_err() {
            return Err(MeetingError::BadRule("on", "A task cannot be done in the future.").into());
        }
        Some(on)
    } else {
        None
    };
    tx.update(sea_orm::ActiveModelTrait::reset_all(action_items::ActiveModel::from(item.clone()))).await?;
    let names = store::names(&tx).await?;
    let view = store::action_views(&tx, vec![item], &names, today).await?.remove(0);
    crate::health::changed(&tx).await?;
    tx.commit().await?;
    Ok(view)
}

/// Proposes a new date for an agency promise before its date passes; a client approver
/// confirms it in the portal. A newer proposal replaces one not yet agreed.
#[tracing::instrument(skip(state, input))]
pub async fn renegotiate(
    state: &AppState,
    staff: &Staff,
    id: ActionItemId,
    input: Renegotiate,
) -> ApiResult<ActionItemView> {
    let reason = input::Message::parse(&input.reason).field("reason")?;
    let (tx, item) = open_item(state, staff, id, Need::Manage).await?;
    if item.side != Side::Agency {
        return Err(MeetingError::NotAPromise.into());
    }
    let agency = store::agency(&tx).await?;
    let today = store::today(&agency, tx.now());
    if item.done_on.is_some() || today > item.due_on {
        return Err(MeetingError::TooLate.into());
    }
    if input.due_on == item.due_on || input.due_on < today || input::Day::check(input.due_on).is_err() {
        return Err(MeetingError::BadNewDate.into());
    }
    let minutes_text = match input.meeting_id {
        Some(mid) => Some(into_minutes(&tx, &agency, mid, &item, input.due_on, &reason).await?),
        None => None,
    };
    tx.delete_many::<promise_changes::Entity>()
        .filter(promise_changes::Column::ActionItemId.eq(id))
        .filter(promise_changes::Column::AgreedAt.is_null())
        .exec()
        .await?;
    tx.insert(promise_changes::ActiveModel::from(promise_changes::Model {
        id: uuid::Uuid::new_v4(),
        agency_id: tx.agency_id(),
        client_id: tx.client_id(),
        action_item_id: id,
        from_on: item.due_on,
        to_on: input.due_on,
        reason,
        proposed_by: staff.user(),
        proposed_at: tx.now(),
        agreed_by: None,
        agreed_at: None,
        meeting_id: input.meeting_id,
        minutes_text,
    }))
    .await?;
    let names = store::names(&tx).await?;
    let view = store::action_views(&tx, vec![item], &names, today).await?.remove(0);
    crate::health::changed(&tx).await?;
    tx.commit().await?;
    Ok(view)
}

/// Appends the new date as the next decision of a held meeting's draft minutes (in the agency's
/// language) and returns its text; publishing and acknowledging those minutes agrees it.
async fn into_minutes(
    tx: &crate::db::ClientTx,
    agency: &accord_entity::agencies::Model,
    meeting: MeetingId,
    item: &action_items::Model,
    to: NaiveDate,
    reason: &str,
) -> ApiResult<String> {
    let mut m = tx
        .find::<meetings::Entity>()
        .filter(meetings::Column::Id.eq(meeting))
        .one()
        .await?
        .ok_or(MeetingError::UnknownMeeting)?;
    if m.status != MeetingStatus::Held {
        return Err(MeetingError::MinutesNotOpen.into());
    }
    let count =
        tx.find::<meeting_decisions::Entity>().filter(meeting_decisions::Column::MeetingId.eq(m.id)).count().await?;
    if count >= input::LIST_MAX_ITEMS as u64 {
        return Err(MeetingError::TooMany { field: "decisions" }.into());
    }
    let locale = agency.default_locale;
    let (from_day, to_day) = (day(item.due_on, locale), day(to, locale));
    let text = match locale {
        Locale::Ru => format!("Новый срок «{}»: {to_day} вместо {from_day}. Причина: {reason}", item.title),
        Locale::En => format!("New date for “{}”: {to_day} instead of {from_day}. Reason: {reason}", item.title),
    };
    tx.insert(meeting_decisions::ActiveModel::from(meeting_decisions::Model {
        id: uuid::Uuid::new_v4(),
        agency_id: tx.agency_id(),
        client_id: tx.client_id(),
        meeting_id: m.id,
        number: i32::try_from(count + 1).unwrap_or(i32::MAX),
        text: text.clone(),
    }))
    .await?;
    m.draft_changed = true;
    m.updated_at = tx.now();
    store::save_meeting(tx, &m).await?;
    Ok(text)
}

/// Acknowledging a revision of a meeting's minutes agrees the renegotiations it carries as
/// decisions, if that revision was published by the old date (the promise had not yet fallen
/// due when the client was told). Returns how many were agreed.
pub async fn agree_in_minutes(
    tx: &crate::db::ClientTx,
    revision: &accord_entity::minutes_revisions::Model,
    decisions: &[String],
    by: ContactId,
) -> ApiResult<usize> {
    let pending = tx
        .find::<promise_changes::Entity>()
        .filter(promise_changes::Column::MeetingId.eq(revision.meeting_id))
        .filter(promise_changes::Column::AgreedAt.is_null())
        .all()
        .await?;
    let carried: Vec<promise_changes::Model> = pending
        .into_iter()
        .filter(|c| {
            c.minutes_text.as_ref().is_some_and(|t| decisions.contains(t)) && c.proposed_at <= revision.published_at
        })
        .collect();
    if carried.is_empty() {
        return Ok(0);
    }
    let agency = store::agency(tx).await?;
    let published_on = store::today(&agency, revision.published_at);
    let items: HashMap<ActionItemId, action_items::Model> = tx
        .find::<action_items::Entity>()
        .filter(action_items::Column::Id.is_in(carried.iter().map(|c| c.action_item_id)))
        .all()
        .await?
        .into_iter()
        .map(|i| (i.id, i))
        .collect();
    let mut agreed = 0;
    for mut change in carried {
        let Some(item) = items.get(&change.action_item_id) else { continue };
        if published_on > change.from_on || item.due_on != change.from_on {
            continue;
        }
        let mut item = item.clone();
        item.due_on = change.to_on;
        change.agreed_by = Some(by);
        change.agreed_at = Some(tx.now());
        tx.update(sea_orm::ActiveModelTrait::reset_all(promise_changes::ActiveModel::from(change))).await?;
        tx.update(sea_orm::ActiveModelTrait::reset_all(action_items::ActiveModel::from(item))).await?;
        agreed += 1;
    }
    Ok(agreed)
}

/// A promise's figures: whom it counts for and how it ended.
fn tally(rate: &mut PromiseRate, state: PromiseState, renegotiated: bool) {
    rate.due += 1;
    match state {
        PromiseState::Kept => rate.kept += 1,
        PromiseState::Broken | PromiseState::DoneLate => rate.broken += 1,
        PromiseState::Open | PromiseState::WaitingOnClient => {}
    }
    if renegotiated {
        rate.renegotiated += 1;
    }
}

fn finish(mut rate: PromiseRate) -> PromiseRate {
    rate.broken_rate_tenths = (rate.due > 0).then(|| {
        u32::try_from((u64::from(rate.broken) * 1000 + u64::from(rate.due) / 2) / u64::from(rate.due)).unwrap_or(0)
    });
    rate
}

/// The agency's promises over the clients the caller sees: rates over the last 90 days per
/// manager and overall, promises due this week, and what waits on clients (six queries).
pub async fn overview(state: &AppState, staff: &Staff) -> ApiResult<PromisesOverview> {
    let tx = state.db.tenant_read(staff).await?;
    let visible = VisibleClients::of(&tx, staff).await?;
    let agency =
        tx.find::<accord_entity::agencies::Entity>().one().await?.ok_or_else(crate::error::ApiError::not_found)?;
    let today: NaiveDate = tx.now().with_timezone(&store::tz_of(&agency.time_zone)).date_naive();
    let window_start = today - Duration::days(90);
    // Everything whose latest agreed date lies in the 90-day window or the coming week: the
    // rates, the week's agency promises (and the broken ones still open), what clients owe.
    let rows = tx
        .find_in::<action_items::Entity>(&visible)
        .filter(action_items::Column::DueOn.gte(window_start))
        .filter(action_items::Column::DueOn.lte(today + Duration::days(7)))
        .order_by_asc(action_items::Column::DueOn)
        .all()
        .await?;
    let ids: Vec<ActionItemId> = rows.iter().map(|r| r.id).collect();
    let changes = if ids.is_empty() {
        vec![]
    } else {
        tx.find_in::<promise_changes::Entity>(&visible)
            .filter(promise_changes::Column::ActionItemId.is_in(ids))
            .order_by_asc(promise_changes::Column::ProposedAt)
            .all()
            .await?
    };
    let client_ids: HashSet<ClientId> = rows.iter().map(|r| r.client_id).collect();
    let client_rows: Vec<(ClientId, String, Option<UserId>)> = if client_ids.is_empty() {
        vec![]
    } else {
        tx.find_in::<clients::Entity>(&visible)
            .select_only()
            .column(clients::Column::Id)
            .column(clients::Column::Name)
            .column(clients::Column::AccountManagerId)
            .filter(clients::Column::Id.is_in(client_ids.iter().copied()))
            .into_tuple()
            .all()
            .await?
    };
    let staff_names: HashMap<UserId, String> = tx
        .find::<users::Entity>()
        .select_only()
        .column(users::Column::Id)
        .column(users::Column::Name)
        .filter(users::Column::StaffRole.is_not_null())
        .into_tuple()
        .all()
        .await?
        .into_iter()
        .collect();
    let contact_names: HashMap<accord_api::ContactId, String> = if client_ids.is_empty() {
        HashMap::new()
    } else {
        tx.find_in::<contacts::Entity>(&visible)
            .select_only()
            .column(contacts::Column::Id)
            .column(contacts::Column::Name)
            .filter(contacts::Column::ClientId.is_in(client_ids.iter().copied()))
            .into_tuple()
            .all()
            .await?
            .into_iter()
            .collect()
    };
    tx.commit().await?;
    let clients: HashMap<ClientId, (String, Option<UserId>)> =
        client_rows.into_iter().map(|(id, name, m)| (id, (name, m))).collect();
    let names = Names { staff: staff_names.clone(), contacts: contact_names, contact_users: HashMap::new() };
    let empty = |manager: Option<StaffRef>| PromiseRate {
        manager,
        due: 0,
        kept: 0,
        broken: 0,
        renegotiated: 0,
        broken_rate_tenths: None,
    };
    let mut all = empty(None);
    let mut per: BTreeMap<UserId, PromiseRate> = BTreeMap::new();
    let mut due_this_week = Vec::new();
    let mut waiting = Vec::new();
    for r in &rows {
        let state = store::state(r, today);
        let client_name = clients.get(&r.client_id).map(|c| c.0.clone()).unwrap_or_default();
        let renegotiated = changes.iter().any(|c| c.action_item_id == r.id && c.agreed_at.is_some());
        if r.side == Side::Agency && r.due_on >= window_start && r.due_on < today {
            // Owned by the assignee, else by whoever managed the client when it fell due.
            let owner = r.assignee_user.or(r.due_owner).or_else(|| clients.get(&r.client_id).and_then(|c| c.1));
            tally(&mut all, state, renegotiated);
            if let Some(owner) = owner {
                let entry = per.entry(owner).or_insert_with(|| {
                    empty(Some(StaffRef { id: owner, name: staff_names.get(&owner).cloned().unwrap_or_default() }))
                });
                tally(entry, state, renegotiated);
            }
        }
        if r.side == Side::Agency
            && r.done_on.is_none()
            && r.due_on <= today + Duration::days(7)
            && due_this_week.len() < 100
        {
            due_this_week.push(store::action_view(r, &changes, &names, &client_name, today));
        }
        if r.side == Side::Client && state == PromiseState::WaitingOnClient && waiting.len() < 100 {
            waiting.push(store::action_view(r, &changes, &names, &client_name, today));
        }
    }
    let mut managers: Vec<PromiseRate> = per.into_values().map(finish).collect();
    managers.sort_by(|a, b| b.broken_rate_tenths.cmp(&a.broken_rate_tenths).then(b.due.cmp(&a.due)));
    Ok(PromisesOverview { agency: finish(all), managers, due_this_week, waiting_on_client: waiting })
}
