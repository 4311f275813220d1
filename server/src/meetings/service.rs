//! Staff work on meetings: series, one-off meetings, stored occurrences, rescheduling and
//! cancelling with a reason, the agenda, minutes (saving marks a meeting held and carries the
//! undiscussed agenda over), publishing revisions, and the agency's unacknowledged list.

use super::rule::{self, Rule};
use super::store::{self, Names};
use super::{notify, MeetingError};
use crate::clients::access::{self, Need, VisibleClients};
use crate::db::ClientTx;
use crate::domain::Field;
use crate::error::ApiResult;
use crate::paging::PageQuery;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::input;
use accord_api::meetings::{
    AckState, ActionItemInput, AgendaItemView, AgendaMove, AgendaStatus, Attendees, ClientMeetings, MeetingStatus,
    MeetingView, MinutesInput, NewAgendaItem, NewMeeting, Reason, Reschedule, SeriesChange, SeriesInput, SeriesView,
    Side, UnacknowledgedMinutes,
};
use accord_api::{ActionItemId, AgendaItemId, ClientId, MeetingId, SeriesId, UserId};
use accord_entity::{
    action_items, agenda_items, backlog_items, clients, contacts, meeting_decisions, meeting_events, meeting_series,
    meetings, minutes_responses, minutes_revisions, users,
};
use chrono::{Duration, NaiveDate};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::{HashMap, HashSet};

/// The client's meetings page: series, the next ten, and one page of the past (six queries).
pub async fn client_meetings(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    query: &PageQuery,
) -> ApiResult<ClientMeetings> {
    let paging = query.paging()?;
    let tx = access::open_read(state, staff, client).await?;
    let agency = store::agency(&tx).await?;
    let now = tx.now();
    let today = store::today(&agency, now);
    let (upcoming, _) = store::upcoming(&tx, now, agency.ack_days, 10).await?;
    let series = store::series_all(&tx).await?;
    let past_q = tx.find::<meetings::Entity>().filter(
        sea_orm::Condition::any()
            .add(meetings::Column::Status.ne(MeetingStatus::Scheduled))
            .add(meetings::Column::StartsAt.lt(now)),
    );
    let total = past_q.clone().count().await?;
    let rows =
        past_q.order_by_desc(meetings::Column::StartsAt).offset(paging.offset()).limit(paging.limit()).all().await?;
    let counts = store::agenda_counts(&tx, &rows.iter().map(|m| m.id).collect::<Vec<_>>()).await?;
    tx.commit().await?;
    let past =
        rows.iter().map(|m| store::summary(m, counts.get(&m.id).copied().unwrap_or(0), agency.ack_days, now)).collect();
    Ok(ClientMeetings {
        series: series.iter().map(|s| store::series_view(s, today)).collect(),
        upcoming,
        past: paging.page_of(past, total),
    })
}

struct CheckedSeries {
    title: String,
    place: Option<String>,
    duration: i32,
    rule: Rule,
}

fn check_series(input: &SeriesInput) -> ApiResult<CheckedSeries> {
    let title = input::Name::parse(&input.title).field("title")?;
    let place = input::ListPoint::parse_optional(input.place.as_deref()).field("place")?;
    let duration = rule::duration(input.duration_minutes)?;
    let rule = Rule::parse(input)?;
    if rule.dates().next().is_none() {
        return Err(
            MeetingError::BadRule("starts_on", "The series has no meeting: check its start, end and weekday.").into()
        );
    }
    Ok(CheckedSeries { title, place, duration, rule })
}

fn series_row(tx: &ClientTx, staff: &Staff, c: CheckedSeries, invitees: Option<String>) -> meeting_series::Model {
    let id = SeriesId::new();
    let r = c.rule;
    meeting_series::Model {
        id,
        agency_id: tx.agency_id(),
        client_id: tx.client_id(),
        uid: format!("{}@accord", id.0),
        title: c.title,
        frequency: r.frequency,
        interval_n: i32::try_from(r.interval).unwrap_or(1),
        weekday: r.weekday.map(|w| i32::try_from(w.number_from_monday()).unwrap_or(1)),
        month_day: r.month_day.map(|d| i32::try_from(d).unwrap_or(1)),
        week_of_month: r.week_of_month,
        starts_on: r.starts_on,
        local_time: r.time.format("%H:%M").to_string(),
        time_zone: r.tz.name().to_string(),
        duration_minutes: c.duration,
        place: c.place,
        until_on: r.until,
        count_n: r.count.map(|c| i32::try_from(c).unwrap_or(1)),
        sequence: 0,
        created_by: staff.user(),
        invitees,
        created_at: tx.now(),
        updated_at: tx.now(),
    }
}

/// A new series for the client (managers of the client).
#[tracing::instrument(skip(state, input))]
pub async fn create_series(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    input: SeriesInput,
) -> ApiResult<SeriesView> {
    let checked = check_series(&input)?;
    let tx = access::open(state, staff, client, Need::Manage).await?;
    let invitees = store::check_invitees(&store::names(&tx).await?, input.invitees)?;
    let row = series_row(&tx, staff, checked, invitees);
    tx.insert(meeting_series::ActiveModel::from(row.clone())).await?;
    notify::series_scheduled(&tx, state, &row).await?;
    let agency = store::agency(&tx).await?;
    let today = store::today(&agency, tx.now());
    tx.commit().await?;
    Ok(store::series_view(&row, today))
}

/// Changes a series from a date on: the old series ends the day before (or, when the change
/// starts at its first meeting, is replaced), a new series with a new UID follows the new rule.
/// Prepared occurrences from that date on hand their agenda to the new series' meetings.
#[tracing::instrument(skip(state, change))]
pub async fn change_series(
    state: &AppState,
    staff: &Staff,
    id: SeriesId,
    change: SeriesChange,
) -> ApiResult<SeriesView> {
    let mut checked = check_series(&change.series)?;
    accord_api::input::Day::check(change.from).map_err(|_| MeetingError::BadSplitDate)?;
    let tx = access::open_owner::<meeting_series::Entity>(state, staff, meeting_series::Column::Id, id.0, Need::Manage)
        .await?;
    let mut old = store::series(&tx, id).await?;
    let old_rule = store::rule_of(&old);
    let first = old_rule.dates().next().unwrap_or(old.starts_on);
    if old_rule.last().is_some_and(|last| change.from > last) {
        return Err(MeetingError::BadSplitDate.into());
    }
    // The new rule starts no earlier than the change.
    if checked.rule.starts_on < change.from {
        checked.rule.starts_on = change.from;
    }
    // The new series is described in full: no invitees sent means the default again.
    let invitees = store::check_invitees(&store::names(&tx).await?, change.series.invitees)?;
    let new = series_row(&tx, staff, checked, invitees);
    tx.insert(meeting_series::ActiveModel::from(new.clone())).await?;
    // Prepared occurrences of the old series from the date on: their agenda moves to the new
    // series' meeting on or after the same day; the old rows go.
    let moved = tx
        .find::<meetings::Entity>()
        .filter(meetings::Column::SeriesId.eq(id))
        .filter(meetings::Column::OccurrenceOn.gte(change.from))
        .filter(meetings::Column::Status.ne(MeetingStatus::Held))
        .all()
        .await?;
    let new_rule = store::rule_of(&new);
    for m in &moved {
        let date = m.occurrence_on.unwrap_or(change.from);
        if let Some(target_date) = new_rule.dates_from(date, 1).first().copied() {
            let target = store::materialize(&tx, &new, target_date).await?;
            tx.update_many::<agenda_items::Entity>()
                .col_expr(agenda_items::Column::MeetingId, sea_orm::sea_query::Expr::value(target.id))
                .filter(agenda_items::Column::MeetingId.eq(m.id))
                .exec()
                .await?;
        }
        tx.delete_many::<meetings::Entity>().filter(meetings::Column::Id.eq(m.id)).exec().await?;
    }
    if change.from <= first {
        // Nothing of the old series stays but what was held: end it before its first meeting.
        old.until_on = Some(first - Duration::days(1));
    } else {
        old.until_on = Some(change.from - Duration::days(1));
    }
    old.count_n = None;
    old.sequence += 1;
    old.updated_at = tx.now();
    tx.update(sea_orm::ActiveModelTrait::reset_all(meeting_series::ActiveModel::from(old))).await?;
    notify::series_scheduled(&tx, state, &new).await?;
    let agency = store::agency(&tx).await?;
    let today = store::today(&agency, tx.now());
    tx.commit().await?;
    Ok(store::series_view(&new, today))
}

/// A one-off meeting.
#[tracing::instrument(skip(state, input))]
pub async fn create_meeting(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    input: NewMeeting,
) -> ApiResult<MeetingView> {
    let title = input::Name::parse(&input.title).field("title")?;
    let place = input::ListPoint::parse_optional(input.place.as_deref()).field("place")?;
    let duration = rule::duration(input.duration_minutes)?;
    let tz = rule::zone("time_zone", &input.time_zone)?;
    let start = rule::to_instant(tz, rule::local_start(&input.local_start)?);
    let tx = access::open(state, staff, client, Need::Manage).await?;
    let names = store::names(&tx).await?;
    let mut row = store::new_meeting(&tx, None, None, &title, start, tz.name(), duration, place);
    row.invitees = store::check_invitees(&names, input.invitees)?;
    tx.insert(meetings::ActiveModel::from(row.clone())).await?;
    store::event(&tx, row.id, "scheduled", None, &names.person(staff.user())).await?;
    notify::scheduled(&tx, state, &row, false).await?;
    view_and_commit(tx, staff, row).await
}

/// Stores an occurrence so it can be prepared (idempotent).
pub async fn store_occurrence(
    state: &AppState,
    staff: &Staff,
    id: SeriesId,
    date: NaiveDate,
) -> ApiResult<MeetingView> {
    let tx =
        access::open_owner::<meeting_series::Entity>(state, staff, meeting_series::Column::Id, id.0, Need::Log).await?;
    let s = store::series(&tx, id).await?;
    let m = store::materialize(&tx, &s, date).await?;
    view_and_commit(tx, staff, m).await
}

async fn open_meeting(
    state: &AppState,
    staff: &Staff,
    id: MeetingId,
    need: Need,
) -> ApiResult<(ClientTx, meetings::Model)> {
    let tx = access::open_owner::<meetings::Entity>(state, staff, meetings::Column::Id, id.0, need).await?;
    let m = store::meeting(&tx, id).await?;
    Ok((tx, m))
}

pub async fn get(state: &AppState, staff: &Staff, id: MeetingId) -> ApiResult<MeetingView> {
    let (tx, m) = open_meeting(state, staff, id, Need::Read).await?;
    view_and_commit(tx, staff, m).await
}

#[tracing::instrument(skip(state, input))]
pub async fn reschedule(state: &AppState, staff: &Staff, id: MeetingId, input: Reschedule) -> ApiResult<MeetingView> {
    let reason = input::Message::parse(&input.reason).field("reason")?;
    let place = input::ListPoint::parse_optional(input.place.as_deref()).field("place")?;
    let duration = rule::duration(input.duration_minutes)?;
    let local = rule::local_start(&input.local_start)?;
    let (tx, mut m) = open_meeting(state, staff, id, Need::Manage).await?;
    match m.status {
        MeetingStatus::Cancelled => return Err(MeetingError::Cancelled.into()),
        MeetingStatus::Held => return Err(MeetingError::AlreadyHeld.into()),
        MeetingStatus::Scheduled => {}
    }
    let tz = store::tz_of(&m.time_zone);
    let before = rule::local_text(tz, m.starts_at);
    m.starts_at = rule::to_instant(tz, local);
    m.duration_minutes = duration;
    m.place = place;
    m.sequence += 1;
    m.updated_at = tx.now();
    store::save_meeting(&tx, &m).await?;
    let names = store::names(&tx).await?;
    let detail = format!("{before} → {} ({}): {reason}", rule::local_text(tz, m.starts_at), m.time_zone);
    store::event(&tx, m.id, "rescheduled", Some(detail), &names.person(staff.user())).await?;
    notify::scheduled(&tx, state, &m, true).await?;
    view_and_commit(tx, staff, m).await
}

#[tracing::instrument(skip(state, input))]
pub async fn cancel(state: &AppState, staff: &Staff, id: MeetingId, input: Reason) -> ApiResult<MeetingView> {
    let reason = input::Message::parse(&input.reason).field("reason")?;
    let (tx, mut m) = open_meeting(state, staff, id, Need::Manage).await?;
    match m.status {
        MeetingStatus::Cancelled => return Err(MeetingError::Cancelled.into()),
        MeetingStatus::Held => return Err(MeetingError::AlreadyHeld.into()),
        MeetingStatus::Scheduled => {}
    }
    m.status = MeetingStatus::Cancelled;
    m.cancel_reason = Some(reason.clone());
    m.sequence += 1;
    m.updated_at = tx.now();
    store::save_meeting(&tx, &m).await?;
    let names = store::names(&tx).await?;
    store::event(&tx, m.id, "cancelled", Some(reason), &names.person(staff.user())).await?;
    notify::scheduled(&tx, state, &m, true).await?;
    view_and_commit(tx, staff, m).await
}

pub async fn restore(state: &AppState, staff: &Staff, id: MeetingId) -> ApiResult<MeetingView> {
    let (tx, mut m) = open_meeting(state, staff, id, Need::Manage).await?;
    if m.status != MeetingStatus::Cancelled {
        return Err(MeetingError::NotCancelled.into());
    }
    m.status = MeetingStatus::Scheduled;
    m.cancel_reason = None;
    m.sequence += 1;
    m.updated_at = tx.now();
    store::save_meeting(&tx, &m).await?;
    let names = store::names(&tx).await?;
    store::event(&tx, m.id, "restored", None, &names.person(staff.user())).await?;
    notify::scheduled(&tx, state, &m, true).await?;
    view_and_commit(tx, staff, m).await
}

/// Checks an agenda item's text and its backlog link (the client's own item).
pub async fn check_agenda(tx: &ClientTx, input: &NewAgendaItem) -> ApiResult<(String, Option<String>)> {
    let title = input::Name::parse(&input.title).field("title")?;
    let details = input::Note::parse_optional(input.details.as_deref()).field("details")?;
    if let Some(item) = input.backlog_item_id {
        let found = tx.find::<backlog_items::Entity>().filter(backlog_items::Column::Id.eq(item)).count().await?;
        if found == 0 {
            return Err(MeetingError::UnknownBacklogItem.into());
        }
    }
    Ok((title, details))
}

/// Appends an agenda item to a scheduled meeting; the meeting's calendar entry changes.
pub async fn append_agenda(
    tx: &ClientTx,
    m: &mut meetings::Model,
    input: &NewAgendaItem,
    added_by: UserId,
    by_client: bool,
) -> ApiResult<agenda_items::Model> {
    if m.status != MeetingStatus::Scheduled {
        return Err(MeetingError::BadAgendaTarget.into());
    }
    let (title, details) = check_agenda(tx, input).await?;
    let position = next_position(tx, m.id).await?;
    let row = agenda_items::Model {
        id: AgendaItemId::new(),
        agency_id: tx.agency_id(),
        client_id: tx.client_id(),
        meeting_id: m.id,
        position,
        title,
        details,
        backlog_item_id: input.backlog_item_id,
        added_by,
        added_by_client: by_client,
        status: AgendaStatus::Open,
        carried_from_on: None,
        created_at: tx.now(),
    };
    tx.insert(agenda_items::ActiveModel::from(row.clone())).await?;
    m.sequence += 1;
    m.updated_at = tx.now();
    store::save_meeting(tx, m).await?;
    Ok(row)
}

async fn next_position(tx: &ClientTx, meeting: MeetingId) -> ApiResult<i32> {
    let max: Option<i32> = tx
        .find::<agenda_items::Entity>()
        .select_only()
        .column_as(agenda_items::Column::Position.max(), "m")
        .filter(agenda_items::Column::MeetingId.eq(meeting))
        .into_tuple::<Option<i32>>()
        .one()
        .await?
        .flatten();
    Ok(max.map_or(0, |m| m + 1))
}

#[tracing::instrument(skip(state, input))]
pub async fn add_agenda(
    state: &AppState,
    staff: &Staff,
    id: MeetingId,
    input: NewAgendaItem,
) -> ApiResult<AgendaItemView> {
    let (tx, mut m) = open_meeting(state, staff, id, Need::Log).await?;
    let row = append_agenda(&tx, &mut m, &input, staff.user(), false).await?;
    let names = store::names(&tx).await?;
    let view = store::agenda_views(&tx, vec![row], &names).await?.remove(0);
    tx.commit().await?;
    Ok(view)
}

/// Moves an agenda item to another meeting of the same client that is still ahead.
pub async fn move_agenda(state: &AppState, staff: &Staff, id: AgendaItemId, to: AgendaMove) -> ApiResult<()> {
    let tx =
        access::open_owner::<agenda_items::Entity>(state, staff, agenda_items::Column::Id, id.0, Need::Manage).await?;
    let item = tx
        .find::<agenda_items::Entity>()
        .filter(agenda_items::Column::Id.eq(id))
        .one()
        .await?
        .ok_or(MeetingError::NotFound)?;
    let from = store::meeting(&tx, item.meeting_id).await?;
    let mut target = match to.meeting_id {
        Some(id) => store::meeting(&tx, id).await.map_err(|_| MeetingError::BadAgendaTarget)?,
        None => store::next_meeting(&tx, from.starts_at).await?.ok_or(MeetingError::NoUpcomingMeeting)?,
    };
    if target.status != MeetingStatus::Scheduled || target.id == item.meeting_id {
        return Err(MeetingError::BadAgendaTarget.into());
    }
    let position = next_position(&tx, target.id).await?;
    let mut moved = item.clone();
    moved.meeting_id = target.id;
    moved.position = position;
    moved.status = AgendaStatus::Open;
    moved.carried_from_on = Some(from.starts_at.with_timezone(&store::tz_of(&from.time_zone)).date_naive());
    tx.update(sea_orm::ActiveModelTrait::reset_all(agenda_items::ActiveModel::from(moved))).await?;
    target.sequence += 1;
    target.updated_at = tx.now();
    store::save_meeting(&tx, &target).await?;
    tx.commit().await?;
    Ok(())
}

/// Checks the minutes as sent: who attended, notes, decisions, action items with their sides
/// and assignees, and which agenda items were discussed.
struct CheckedMinutes {
    attendees: Attendees,
    notes: String,
    decisions: Vec<String>,
    items: Vec<(ActionItemInput, String)>,
    discussed: HashSet<AgendaItemId>,
}

fn check_minutes(input: MinutesInput) -> ApiResult<CheckedMinutes> {
    let max = input::LIST_MAX_ITEMS;
    if input.decisions.len() > max {
        return Err(MeetingError::TooMany { field: "decisions" }.into());
    }
    if input.action_items.len() > max {
        return Err(MeetingError::TooMany { field: "action_items" }.into());
    }
    let a = &input.attendees;
    if a.staff.len() > max || a.contacts.len() > max || a.guests.len() > max {
        return Err(MeetingError::TooMany { field: "attendees" }.into());
    }
    let mut guests = Vec::new();
    for g in &a.guests {
        if let Some(g) = input::Line::parse_optional(Some(g)).field("attendees.guests")? {
            guests.push(g);
        }
    }
    let notes = crate::rich::parse("notes", &input.notes)?;
    let mut decisions = Vec::new();
    for d in &input.decisions {
        decisions.push(input::Note::parse(d).field("decisions")?);
    }
    decisions.retain(|d| !d.is_empty());
    let mut items = Vec::new();
    for item in input.action_items {
        let title = input::Name::parse(&item.title).field("action_items.title")?;
        input::Day::check(item.due_on).field("action_items.due_on")?;
        let ok = match item.side {
            Side::Agency => item.assignee_contact.is_none(),
            Side::Client => item.assignee_staff.is_none(),
        };
        if !ok {
            return Err(MeetingError::WrongAssignee.into());
        }
        items.push((item, title));
    }
    let mut staff: Vec<UserId> = a.staff.clone();
    staff.sort();
    staff.dedup();
    let mut contacts = a.contacts.clone();
    contacts.sort();
    contacts.dedup();
    Ok(CheckedMinutes {
        attendees: Attendees { staff, contacts, guests },
        notes,
        decisions,
        items,
        discussed: input.discussed.into_iter().collect(),
    })
}

/// Saves the minutes (the meeting becomes held). Agenda items not discussed move to the next
/// meeting; open action items show on the next meeting as carried over.
#[tracing::instrument(skip(state, input))]
pub async fn save_minutes(
    state: &AppState,
    staff: &Staff,
    id: MeetingId,
    input: MinutesInput,
) -> ApiResult<MeetingView> {
    let c = check_minutes(input)?;
    let (tx, mut m) = open_meeting(state, staff, id, Need::Manage).await?;
    if m.status == MeetingStatus::Cancelled {
        return Err(MeetingError::Cancelled.into());
    }
    // People must be the agency's staff and this client's contacts.
    let staff_ids: HashSet<UserId> =
        c.attendees.staff.iter().copied().chain(c.items.iter().filter_map(|(i, _)| i.assignee_staff)).collect();
    if !staff_ids.is_empty() {
        let found = tx
            .agency()
            .find::<users::Entity>()
            .filter(users::Column::Id.is_in(staff_ids.iter().copied()))
            .filter(users::Column::StaffRole.is_not_null())
            .count()
            .await?;
        if found != staff_ids.len() as u64 {
            return Err(MeetingError::UnknownStaff { field: "attendees" }.into());
        }
    }
    let contact_ids: HashSet<_> =
        c.attendees.contacts.iter().copied().chain(c.items.iter().filter_map(|(i, _)| i.assignee_contact)).collect();
    if !contact_ids.is_empty() {
        let found = tx
            .find::<contacts::Entity>()
            .filter(contacts::Column::Id.is_in(contact_ids.iter().copied()))
            .count()
            .await?;
        if found != contact_ids.len() as u64 {
            return Err(MeetingError::UnknownContact { field: "attendees" }.into());
        }
    }
    let agenda = tx.find::<agenda_items::Entity>().filter(agenda_items::Column::MeetingId.eq(m.id)).all().await?;
    if c.discussed.iter().any(|d| !agenda.iter().any(|a| a.id == *d)) {
        return Err(MeetingError::NotOnAgenda.into());
    }
    let first_time = m.status != MeetingStatus::Held;
    m.status = MeetingStatus::Held;
    m.attendees = serde_json::to_string(&c.attendees).unwrap_or_else(|_| "{}".into());
    m.notes_html = crate::rich::render(&c.notes);
    m.notes = c.notes;
    m.notes_version = crate::rich::VERSION;
    m.draft_changed = m.revision > 0;
    m.updated_at = tx.now();
    store::save_meeting(&tx, &m).await?;
    // Decisions: the list as sent, numbered.
    tx.delete_many::<meeting_decisions::Entity>().filter(meeting_decisions::Column::MeetingId.eq(m.id)).exec().await?;
    let rows: Vec<meeting_decisions::ActiveModel> = c
        .decisions
        .iter()
        .enumerate()
        .map(|(i, text)| {
            meeting_decisions::ActiveModel::from(meeting_decisions::Model {
                id: uuid::Uuid::new_v4(),
                agency_id: tx.agency_id(),
                client_id: tx.client_id(),
                meeting_id: m.id,
                number: i32::try_from(i + 1).unwrap_or(i32::MAX),
                text: text.clone(),
            })
        })
        .collect();
    tx.insert_many(rows).await?;
    save_action_items(&tx, staff, &m, c.items).await?;
    // The agenda: discussed ones stay; the rest carry over to the next meeting.
    let open: Vec<&agenda_items::Model> = agenda.iter().filter(|a| !c.discussed.contains(&a.id)).collect();
    let discussed: Vec<AgendaItemId> = agenda.iter().filter(|a| c.discussed.contains(&a.id)).map(|a| a.id).collect();
    if !discussed.is_empty() {
        tx.update_many::<agenda_items::Entity>()
            .col_expr(agenda_items::Column::Status, sea_orm::sea_query::Expr::value(AgendaStatus::Discussed))
            .filter(agenda_items::Column::Id.is_in(discussed))
            .exec()
            .await?;
    }
    if !open.is_empty() {
        if let Some(mut next) = store::next_meeting(&tx, m.starts_at).await? {
            let mut position = next_position(&tx, next.id).await?;
            let from = m.starts_at.with_timezone(&store::tz_of(&m.time_zone)).date_naive();
            for a in open {
                let mut moved = a.clone();
                moved.meeting_id = next.id;
                moved.position = position;
                moved.status = AgendaStatus::Open;
                moved.carried_from_on = Some(from);
                position += 1;
                tx.update(sea_orm::ActiveModelTrait::reset_all(agenda_items::ActiveModel::from(moved))).await?;
            }
            next.sequence += 1;
            next.updated_at = tx.now();
            store::save_meeting(&tx, &next).await?;
        }
    }
    let names = store::names(&tx).await?;
    let kind = if first_time { "held" } else { "minutes_edited" };
    store::event(&tx, m.id, kind, None, &names.person(staff.user())).await?;
    crate::health::changed(&tx).await?;
    view_and_commit(tx, staff, m).await
}

async fn save_action_items(
    tx: &ClientTx,
    staff: &Staff,
    m: &meetings::Model,
    items: Vec<(ActionItemInput, String)>,
) -> ApiResult<()> {
    let existing = tx.find::<action_items::Entity>().filter(action_items::Column::MeetingId.eq(m.id)).all().await?;
    let by_id: HashMap<ActionItemId, &action_items::Model> = existing.iter().map(|a| (a.id, a)).collect();
    let kept: HashSet<ActionItemId> = items.iter().filter_map(|(i, _)| i.id).collect();
    if kept.iter().any(|id| !by_id.contains_key(id)) {
        return Err(MeetingError::NotFound.into());
    }
    let gone: Vec<ActionItemId> = existing.iter().filter(|a| !kept.contains(&a.id)).map(|a| a.id).collect();
    if !gone.is_empty() {
        tx.delete_many::<action_items::Entity>().filter(action_items::Column::Id.is_in(gone)).exec().await?;
    }
    let mut new_rows = Vec::new();
    for (position, (input, title)) in items.into_iter().enumerate() {
        let position = i32::try_from(position).unwrap_or(i32::MAX);
        match input.id.and_then(|id| by_id.get(&id)) {
            Some(old) => {
                let mut row = (*old).clone();
                // Once published, a date changes only by renegotiation (the original stays).
                if row.due_on != input.due_on {
                    if m.revision > 0 {
                        return Err(MeetingError::UseRenegotiation.into());
                    }
                    row.due_on = input.due_on;
                    row.original_due_on = input.due_on;
                }
                row.title = title;
                row.side = input.side;
                row.assignee_user = input.assignee_staff;
                row.assignee_contact = input.assignee_contact;
                row.position = position;
                tx.update(sea_orm::ActiveModelTrait::reset_all(action_items::ActiveModel::from(row))).await?;
            }
            None => new_rows.push(action_items::ActiveModel::from(action_items::Model {
                id: ActionItemId::new(),
                agency_id: tx.agency_id(),
                client_id: tx.client_id(),
                meeting_id: Some(m.id),
                position,
                title,
                side: input.side,
                assignee_user: input.assignee_staff,
                assignee_contact: input.assignee_contact,
                promised_to: None,
                original_due_on: input.due_on,
                due_on: input.due_on,
                done_on: None,
                due_owner: None,
                created_by: staff.user(),
                created_at: tx.now(),
            })),
        }
    }
    tx.insert_many(new_rows).await?;
    Ok(())
}

/// Publishes the minutes as a new revision: the portal shows it, approvers are asked to
/// acknowledge, and an earlier answer no longer counts.
#[tracing::instrument(skip(state))]
pub async fn publish(state: &AppState, staff: &Staff, id: MeetingId) -> ApiResult<MeetingView> {
    let (tx, mut m) = open_meeting(state, staff, id, Need::Manage).await?;
    if m.status != MeetingStatus::Held || (m.revision > 0 && !m.draft_changed) {
        return Err(MeetingError::NothingToPublish.into());
    }
    let names = store::names(&tx).await?;
    let decisions: Vec<String> = tx
        .find::<meeting_decisions::Entity>()
        .filter(meeting_decisions::Column::MeetingId.eq(m.id))
        .order_by_asc(meeting_decisions::Column::Number)
        .all()
        .await?
        .into_iter()
        .map(|d| d.text)
        .collect();
    m.revision += 1;
    m.draft_changed = false;
    m.published_at = Some(tx.now());
    m.ack = AckState::Awaiting;
    m.ack_at = None;
    m.updated_at = tx.now();
    store::save_meeting(&tx, &m).await?;
    let attendees = store::attendees_view(&m.attendees, &names);
    tx.insert(minutes_revisions::ActiveModel::from(minutes_revisions::Model {
        id: uuid::Uuid::new_v4(),
        agency_id: tx.agency_id(),
        client_id: tx.client_id(),
        meeting_id: m.id,
        revision: m.revision,
        attendees: serde_json::to_string(&attendees).unwrap_or_default(),
        notes_html: m.notes_html.clone(),
        decisions: serde_json::to_string(&decisions).unwrap_or_default(),
        published_by: staff.user(),
        published_at: tx.now(),
    }))
    .await?;
    store::event(&tx, m.id, "published", Some(format!("{}", m.revision)), &names.person(staff.user())).await?;
    notify::published(&tx, state, &m).await?;
    crate::health::changed(&tx).await?;
    view_and_commit(tx, staff, m).await
}

/// The whole meeting for staff (a fixed number of queries).
pub async fn view_and_commit(tx: ClientTx, staff: &Staff, m: meetings::Model) -> ApiResult<MeetingView> {
    let agency = store::agency(&tx).await?;
    let now = tx.now();
    let today = store::today(&agency, now);
    let names = store::names(&tx).await?;
    let agenda = store::agenda(&tx, m.id, &names).await?;
    let decisions: Vec<String> = tx
        .find::<meeting_decisions::Entity>()
        .filter(meeting_decisions::Column::MeetingId.eq(m.id))
        .order_by_asc(meeting_decisions::Column::Number)
        .all()
        .await?
        .into_iter()
        .map(|d| d.text)
        .collect();
    let revisions = tx
        .find::<minutes_revisions::Entity>()
        .filter(minutes_revisions::Column::MeetingId.eq(m.id))
        .filter(minutes_revisions::Column::Revision.gte(m.revision - 1))
        .all()
        .await?;
    let published = revisions.iter().find(|r| r.revision == m.revision).map(|r| parse_list(&r.decisions));
    // With a draft pending, "changed" marks what the next revision will change; otherwise what
    // the latest revision changed, as the client sees it.
    let against = if m.draft_changed {
        published
    } else {
        revisions.iter().find(|r| r.revision == m.revision - 1).map(|r| parse_list(&r.decisions))
    };
    let items = tx
        .find::<action_items::Entity>()
        .filter(action_items::Column::MeetingId.eq(m.id))
        .order_by_asc(action_items::Column::Position)
        .all()
        .await?;
    let before = tx
        .find::<action_items::Entity>()
        .filter(action_items::Column::DoneOn.is_null())
        .filter(action_items::Column::CreatedAt.lt(m.starts_at.max(m.created_at)))
        .filter(
            sea_orm::Condition::any()
                .add(action_items::Column::MeetingId.ne(m.id))
                .add(action_items::Column::MeetingId.is_null()),
        )
        .order_by_asc(action_items::Column::DueOn)
        .limit(100)
        .all()
        .await?;
    let mut all = items;
    let split = all.len();
    all.extend(before);
    let mut views = store::action_views(&tx, all, &names, today).await?;
    let open_from_before = views.split_off(split);
    let responses = responses(&tx, m.id, &names).await?;
    let history = tx
        .find::<meeting_events::Entity>()
        .filter(meeting_events::Column::MeetingId.eq(m.id))
        .order_by_asc(meeting_events::Column::At)
        .all()
        .await?
        .into_iter()
        .map(|e| accord_api::meetings::MeetingEvent { kind: e.kind, detail: e.detail, by: e.actor_name, at: e.at })
        .collect();
    let can_edit = access::may_manage(staff, tx.client());
    let client_name = tx.client().name.clone();
    tx.commit().await?;
    let decisions = store::decisions_against(&decisions, against.as_deref());
    Ok(MeetingView {
        summary: store::summary(&m, u32::try_from(agenda.len()).unwrap_or(0), agency.ack_days, now),
        client_id: m.client_id,
        client_name,
        agenda,
        attendees: store::attendees_view(&m.attendees, &names),
        invitees: store::invitees_view(m.invitees.as_deref(), &names),
        notes: crate::rich::rich(&m.notes, &m.notes_html, m.notes_version),
        decisions,
        action_items: views,
        open_from_before,
        revision: u32::try_from(m.revision).unwrap_or(0),
        unpublished_changes: m.draft_changed,
        cancel_reason: m.cancel_reason.clone(),
        responses,
        history,
        can_edit,
    })
}

pub fn parse_list(json: &str) -> Vec<String> {
    serde_json::from_str(json).unwrap_or_default()
}

pub async fn responses(
    tx: &ClientTx,
    meeting: MeetingId,
    names: &Names,
) -> ApiResult<Vec<accord_api::meetings::MinutesResponse>> {
    Ok(tx
        .find::<minutes_responses::Entity>()
        .filter(minutes_responses::Column::MeetingId.eq(meeting))
        .order_by_asc(minutes_responses::Column::At)
        .all()
        .await?
        .into_iter()
        .map(|r| accord_api::meetings::MinutesResponse {
            revision: u32::try_from(r.revision).unwrap_or(0),
            contact: names.contacts.get(&r.contact_id).cloned().unwrap_or_default(),
            acknowledged: r.acknowledged,
            decision: r.decision_number.and_then(|d| u16::try_from(d).ok()),
            comment: r.comment,
            at: r.at,
        })
        .collect())
}

/// Published minutes waiting for the client longer than the agency allows (clients the caller
/// sees; three queries).
pub async fn unacknowledged(state: &AppState, staff: &Staff) -> ApiResult<Vec<UnacknowledgedMinutes>> {
    let tx = state.db.tenant_read(staff).await?;
    let visible = VisibleClients::of(&tx, staff).await?;
    let agency =
        tx.find::<accord_entity::agencies::Entity>().one().await?.ok_or_else(crate::error::ApiError::not_found)?;
    let now = tx.now();
    let cutoff = now - Duration::days(i64::from(agency.ack_days));
    let rows = tx
        .find_in::<meetings::Entity>(&visible)
        .filter(meetings::Column::Ack.is_in([AckState::Awaiting, AckState::Disputed]))
        .filter(meetings::Column::PublishedAt.lt(cutoff))
        .order_by_asc(meetings::Column::PublishedAt)
        .limit(200)
        .all()
        .await?;
    let ids: Vec<ClientId> = rows.iter().map(|m| m.client_id).collect();
    let clients: HashMap<ClientId, String> = if ids.is_empty() {
        HashMap::new()
    } else {
        tx.find_in::<clients::Entity>(&visible)
            .select_only()
            .column(clients::Column::Id)
            .column(clients::Column::Name)
            .filter(clients::Column::Id.is_in(ids))
            .into_tuple()
            .all()
            .await?
            .into_iter()
            .collect()
    };
    tx.commit().await?;
    Ok(rows
        .into_iter()
        .map(|m| UnacknowledgedMinutes {
            meeting_id: m.id,
            client_id: m.client_id,
            client_name: clients.get(&m.client_id).cloned().unwrap_or_default(),
            title: m.title,
            starts_at: m.starts_at,
            published_at: m.published_at.unwrap_or(now),
            ack: m.ack,
            days_waiting: u32::try_from((now - m.published_at.unwrap_or(now)).num_days()).unwrap_or(0),
        })
        .collect())
}
