//! Reading and writing meetings inside a client's transaction, and turning rows into wire
//! shapes. Every list here is a fixed number of queries whatever its length.

use super::rule::{self, Rule};
use super::MeetingError;
use crate::db::ClientTx;
use crate::error::ApiResult;
use accord_api::meetings::{
    AckState, ActionItemView, AgendaItemView, AttendeesView, BacklogRef, Decision, Invitees, MeetingStatus,
    MeetingSummary, PromiseState, Renegotiation, SeriesView, Side,
};
use accord_api::projects::ContactRef;
use accord_api::{ActionItemId, ContactId, MeetingId, SeriesId, StaffRef, UserId};
use accord_entity::{
    action_items, agencies, agenda_items, backlog_items, contacts, meeting_events, meeting_series, meetings,
    promise_changes, users,
};
use chrono::{DateTime, Duration, NaiveDate, Utc, Weekday};
use chrono_tz::Tz;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// The zone a stored name names (validated on input; an unreadable one reads as Moscow).
pub fn tz_of(name: &str) -> Tz {
    name.parse().unwrap_or(chrono_tz::Europe::Moscow)
}

/// A stored series' rule.
pub fn rule_of(s: &meeting_series::Model) -> Rule {
    Rule {
        frequency: s.frequency,
        interval: u32::try_from(s.interval_n).unwrap_or(1).max(1),
        weekday: s.weekday.and_then(|d| u8::try_from(d).ok()).and_then(|d| Weekday::try_from(d.saturating_sub(1)).ok()),
        month_day: s.month_day.and_then(|d| u32::try_from(d).ok()),
        week_of_month: s.week_of_month,
        starts_on: s.starts_on,
        time: rule::time_of_day(&s.local_time).unwrap_or_default(),
        tz: tz_of(&s.time_zone),
        until: s.until_on,
        count: s.count_n.and_then(|c| u32::try_from(c).ok()),
    }
}

pub fn series_view(s: &meeting_series::Model, today: NaiveDate) -> SeriesView {
    let r = rule_of(s);
    SeriesView {
        id: s.id,
        client_id: s.client_id,
        title: s.title.clone(),
        frequency: s.frequency,
        interval: u8::try_from(s.interval_n).unwrap_or(1),
        weekday: s.weekday.and_then(|d| u8::try_from(d).ok()),
        month_day: s.month_day.and_then(|d| u8::try_from(d).ok()),
        week_of_month: s.week_of_month.and_then(|d| i8::try_from(d).ok()),
        starts_on: s.starts_on,
        time: s.local_time.clone(),
        time_zone: s.time_zone.clone(),
        duration_minutes: u16::try_from(s.duration_minutes).unwrap_or(60),
        place: s.place.clone(),
        until: s.until_on,
        count: s.count_n.and_then(|c| u16::try_from(c).ok()),
        ended: r.last().is_some_and(|last| last < today),
        invitees: invitees_of(s.invitees.as_deref()),
    }
}

/// Stored invitees (JSON), `None` when the default applies (or the text is unreadable).
pub fn invitees_of(json: Option<&str>) -> Option<Invitees> {
    json.and_then(|j| serde_json::from_str(j).ok())
}

/// Checks chosen invitees against the agency's staff and the client's contacts, drops repeats,
/// and returns them as stored (JSON); `None` keeps the default.
pub fn check_invitees(names: &Names, chosen: Option<Invitees>) -> ApiResult<Option<String>> {
    let Some(mut chosen) = chosen else { return Ok(None) };
    let max = accord_api::input::LIST_MAX_ITEMS;
    if chosen.staff.len() > max || chosen.contacts.len() > max {
        return Err(super::MeetingError::TooMany { field: "invitees" }.into());
    }
    if chosen.staff.iter().any(|id| !names.staff.contains_key(id)) {
        return Err(super::MeetingError::UnknownStaff { field: "invitees.staff" }.into());
    }
    if chosen.contacts.iter().any(|id| !names.contacts.contains_key(id)) {
        return Err(super::MeetingError::UnknownContact { field: "invitees.contacts" }.into());
    }
    let mut seen = std::collections::HashSet::new();
    chosen.staff.retain(|id| seen.insert(id.0));
    chosen.contacts.retain(|id| seen.insert(id.0));
    Ok(Some(serde_json::to_string(&chosen).map_err(crate::error::ApiError::internal)?))
}

/// Chosen invitees with their names, for a meeting's page.
pub fn invitees_view(json: Option<&str>, names: &Names) -> Option<AttendeesView> {
    let chosen = invitees_of(json)?;
    Some(AttendeesView {
        staff: chosen
            .staff
            .iter()
            .map(|id| StaffRef { id: *id, name: names.staff.get(id).cloned().unwrap_or_default() })
            .collect(),
        contacts: chosen
            .contacts
            .iter()
            .map(|id| ContactRef { id: *id, name: names.contacts.get(id).cloned().unwrap_or_default() })
            .collect(),
        guests: vec![],
    })
}

/// The agency row of the transaction's tenant.
pub async fn agency(tx: &ClientTx) -> ApiResult<agencies::Model> {
    tx.agency().find::<agencies::Entity>().one().await?.ok_or_else(crate::error::ApiError::not_found)
}

/// "Today" in the agency's zone.
pub fn today(agency: &agencies::Model, now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&tz_of(&agency.time_zone)).date_naive()
}

pub fn summary(m: &meetings::Model, agenda_count: u32, ack_days: i32, now: DateTime<Utc>) -> MeetingSummary {
    let tz = tz_of(&m.time_zone);
    MeetingSummary {
        id: Some(m.id),
        series_id: m.series_id,
        occurrence_on: m.occurrence_on,
        title: m.title.clone(),
        starts_at: m.starts_at,
        local_start: rule::local_text(tz, m.starts_at),
        time_zone: m.time_zone.clone(),
        duration_minutes: u16::try_from(m.duration_minutes).unwrap_or(60),
        place: m.place.clone(),
        status: m.status,
        ack: m.ack,
        ack_overdue: ack_overdue(m, ack_days, now),
        agenda_count,
    }
}

pub fn ack_overdue(m: &meetings::Model, ack_days: i32, now: DateTime<Utc>) -> bool {
    matches!(m.ack, AckState::Awaiting | AckState::Disputed)
        && m.published_at.is_some_and(|p| now - p > Duration::days(i64::from(ack_days)))
}

/// A computed (not stored) occurrence.
pub fn occurrence(s: &meeting_series::Model, date: NaiveDate) -> MeetingSummary {
    let r = rule_of(s);
    let starts_at = r.start_of(date);
    MeetingSummary {
        id: None,
        series_id: Some(s.id),
        occurrence_on: Some(date),
        title: s.title.clone(),
        starts_at,
        local_start: rule::local_text(r.tz, starts_at),
        time_zone: s.time_zone.clone(),
        duration_minutes: u16::try_from(s.duration_minutes).unwrap_or(60),
        place: s.place.clone(),
        status: MeetingStatus::Scheduled,
        ack: AckState::Draft,
        ack_overdue: false,
        agenda_count: 0,
    }
}

pub async fn series_all(tx: &ClientTx) -> ApiResult<Vec<meeting_series::Model>> {
    Ok(tx.find::<meeting_series::Entity>().order_by_asc(meeting_series::Column::CreatedAt).all().await?)
}

pub async fn series(tx: &ClientTx, id: SeriesId) -> ApiResult<meeting_series::Model> {
    Ok(tx
        .find::<meeting_series::Entity>()
        .filter(meeting_series::Column::Id.eq(id))
        .one()
        .await?
        .ok_or(MeetingError::NotFound)?)
}

pub async fn meeting(tx: &ClientTx, id: MeetingId) -> ApiResult<meetings::Model> {
    Ok(tx.find::<meetings::Entity>().filter(meetings::Column::Id.eq(id)).one().await?.ok_or(MeetingError::NotFound)?)
}

/// Agenda item counts per meeting (one grouped query).
pub async fn agenda_counts(tx: &ClientTx, ids: &[MeetingId]) -> ApiResult<HashMap<MeetingId, u32>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(MeetingId, i64)> = tx
        .find::<agenda_items::Entity>()
        .select_only()
        .column(agenda_items::Column::MeetingId)
        .column_as(Expr::col(agenda_items::Column::Id).count(), "n")
        .filter(agenda_items::Column::MeetingId.is_in(ids.iter().copied()))
        .group_by(agenda_items::Column::MeetingId)
        .into_tuple()
        .all()
        .await?;
    Ok(rows.into_iter().map(|(id, n)| (id, u32::try_from(n).unwrap_or(0))).collect())
}

/// The next meetings from `now` on, stored or computed, soonest first (at most `limit`).
/// Three queries: series, stored meetings still ahead, and their agenda counts.
pub async fn upcoming(
    tx: &ClientTx,
    now: DateTime<Utc>,
    ack_days: i32,
    limit: usize,
) -> ApiResult<(Vec<MeetingSummary>, Vec<meetings::Model>)> {
    let series = series_all(tx).await?;
    // Stored occurrences of the series (any date: a stored one replaces its computed twin) and
    // stored meetings still ahead.
    let horizon = now + Duration::days(400);
    let stored = tx
        .find::<meetings::Entity>()
        .filter(
            sea_orm::Condition::any()
                .add(meetings::Column::StartsAt.gte(now - Duration::hours(12)))
                .add(meetings::Column::OccurrenceOn.gte((now - Duration::days(2)).date_naive())),
        )
        .filter(meetings::Column::StartsAt.lte(horizon))
        .all()
        .await?;
    let taken: std::collections::HashSet<(SeriesId, NaiveDate)> =
        stored.iter().filter_map(|m| Some((m.series_id?, m.occurrence_on?))).collect();
    let mut out: Vec<MeetingSummary> = Vec::new();
    let ahead: Vec<&meetings::Model> = stored
        .iter()
        .filter(|m| {
            m.status == MeetingStatus::Scheduled && m.starts_at + Duration::minutes(i64::from(m.duration_minutes)) > now
        })
        .collect();
    let ids: Vec<MeetingId> = ahead.iter().map(|m| m.id).collect();
    let counts = agenda_counts(tx, &ids).await?;
    for m in &ahead {
        out.push(summary(m, counts.get(&m.id).copied().unwrap_or(0), ack_days, now));
    }
    for s in &series {
        let r = rule_of(s);
        let from = (now - Duration::days(1)).with_timezone(&r.tz).date_naive();
        for date in r.dates_from(from, limit + taken.len()) {
            let o = occurrence(s, date);
            if taken.contains(&(s.id, date)) || o.starts_at + Duration::minutes(i64::from(o.duration_minutes)) <= now {
                continue;
            }
            if o.starts_at > horizon {
                break;
            }
            out.push(o);
        }
    }
    out.sort_by_key(|m| m.starts_at);
    out.truncate(limit);
    let kept: Vec<meetings::Model> =
        ahead.into_iter().filter(|m| out.iter().any(|o| o.id == Some(m.id))).cloned().collect();
    Ok((out, kept))
}

/// Stores an occurrence of a series (idempotent): the row it already has, or a new one.
pub async fn materialize(tx: &ClientTx, s: &meeting_series::Model, date: NaiveDate) -> ApiResult<meetings::Model> {
    if let Some(m) = tx
        .find::<meetings::Entity>()
        .filter(meetings::Column::SeriesId.eq(s.id))
        .filter(meetings::Column::OccurrenceOn.eq(date))
        .one()
        .await?
    {
        return Ok(m);
    }
    let r = rule_of(s);
    if !r.has(date) {
        return Err(MeetingError::NoSuchOccurrence.into());
    }
    let row = new_meeting(
        tx,
        Some(s),
        Some(date),
        &s.title,
        r.start_of(date),
        &s.time_zone,
        s.duration_minutes,
        s.place.clone(),
    );
    tx.insert(meetings::ActiveModel::from(row.clone())).await?;
    Ok(row)
}

/// A new stored meeting of this client (a one-off, or an occurrence of `s`).
#[allow(clippy::too_many_arguments)]
pub fn new_meeting(
    tx: &ClientTx,
    s: Option<&meeting_series::Model>,
    occurrence_on: Option<NaiveDate>,
    title: &str,
    starts_at: DateTime<Utc>,
    time_zone: &str,
    duration_minutes: i32,
    place: Option<String>,
) -> meetings::Model {
    let mut m = meeting_row(tx.agency_id(), tx.client_id(), s, occurrence_on, starts_at, tx.now());
    m.title = title.to_string();
    m.time_zone = time_zone.to_string();
    m.duration_minutes = duration_minutes;
    m.place = place;
    m
}

/// A stored occurrence of `s` on `date` (also for the reminder job, which works across tenants).
pub fn occurrence_row(s: &meeting_series::Model, date: NaiveDate, now: DateTime<Utc>) -> meetings::Model {
    meeting_row(s.agency_id, s.client_id, Some(s), Some(date), rule_of(s).start_of(date), now)
}

fn meeting_row(
    agency_id: accord_api::AgencyId,
    client_id: accord_api::ClientId,
    s: Option<&meeting_series::Model>,
    occurrence_on: Option<NaiveDate>,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> meetings::Model {
    let id = MeetingId::new();
    meetings::Model {
        id,
        agency_id,
        client_id,
        series_id: s.map(|s| s.id),
        occurrence_on,
        uid: s.map_or_else(|| format!("{}@accord", id.0), |s| s.uid.clone()),
        title: s.map(|s| s.title.clone()).unwrap_or_default(),
        starts_at,
        time_zone: s.map_or_else(|| "Europe/Moscow".to_string(), |s| s.time_zone.clone()),
        duration_minutes: s.map_or(60, |s| s.duration_minutes),
        place: s.and_then(|s| s.place.clone()),
        status: MeetingStatus::Scheduled,
        cancel_reason: None,
        notes: String::new(),
        notes_html: String::new(),
        notes_version: crate::rich::VERSION,
        attendees: "{}".into(),
        revision: 0,
        draft_changed: false,
        published_at: None,
        ack: AckState::Draft,
        ack_at: None,
        sequence: s.map_or(0, |s| s.sequence),
        reminded_at: None,
        invitees: s.and_then(|s| s.invitees.clone()),
        created_at: now,
        updated_at: now,
    }
}

/// The first meeting after `after` that can take agenda items: a stored scheduled one, or the
/// next computed occurrence of a series (stored now). `None` when nothing is planned.
pub async fn next_meeting(tx: &ClientTx, after: DateTime<Utc>) -> ApiResult<Option<meetings::Model>> {
    let stored = tx
        .find::<meetings::Entity>()
        .filter(meetings::Column::StartsAt.gt(after))
        .filter(meetings::Column::Status.eq(MeetingStatus::Scheduled))
        .order_by_asc(meetings::Column::StartsAt)
        .one()
        .await?;
    let mut best: Option<(DateTime<Utc>, &meeting_series::Model, NaiveDate)> = None;
    let series = series_all(tx).await?;
    let stored_dates: Vec<(SeriesId, NaiveDate)> = tx
        .find::<meetings::Entity>()
        .select_only()
        .column(meetings::Column::SeriesId)
        .column(meetings::Column::OccurrenceOn)
        .filter(meetings::Column::SeriesId.is_not_null())
        .filter(meetings::Column::StartsAt.gt(after - Duration::days(2)))
        .into_tuple::<(Option<SeriesId>, Option<NaiveDate>)>()
        .all()
        .await?
        .into_iter()
        .filter_map(|(s, d)| Some((s?, d?)))
        .collect();
    for s in &series {
        let r = rule_of(s);
        let from = (after - Duration::days(1)).with_timezone(&r.tz).date_naive();
        for date in r.dates_from(from, 60) {
            let start = r.start_of(date);
            if start <= after || stored_dates.contains(&(s.id, date)) {
                continue;
            }
            if best.as_ref().is_none_or(|(b, _, _)| start < *b) {
                best = Some((start, s, date));
            }
            break;
        }
    }
    match (stored, best) {
        (Some(m), Some((start, _, _))) if m.starts_at <= start => Ok(Some(m)),
        (Some(m), None) => Ok(Some(m)),
        (_, Some((_, s, date))) => Ok(Some(materialize(tx, s, date).await?)),
        (None, None) => Ok(None),
    }
}

pub async fn event(
    tx: &ClientTx,
    meeting: MeetingId,
    kind: &str,
    detail: Option<String>,
    actor: &str,
) -> ApiResult<()> {
    tx.insert(meeting_events::ActiveModel::from(meeting_events::Model {
        id: uuid::Uuid::new_v4(),
        agency_id: tx.agency_id(),
        client_id: tx.client_id(),
        meeting_id: meeting,
        kind: kind.into(),
        detail,
        actor_name: actor.into(),
        at: tx.now(),
    }))
    .await?;
    Ok(())
}

pub async fn save_meeting(tx: &ClientTx, row: &meetings::Model) -> ApiResult<()> {
    tx.update(sea_orm::ActiveModelTrait::reset_all(meetings::ActiveModel::from(row.clone()))).await?;
    Ok(())
}

/// Names of staff and contacts, for views (two queries).
pub struct Names {
    pub staff: HashMap<UserId, String>,
    pub contacts: HashMap<ContactId, String>,
    /// Contacts' portal users → their names (who added an agenda item).
    pub contact_users: HashMap<UserId, String>,
}

pub async fn names(tx: &ClientTx) -> ApiResult<Names> {
    let staff = tx
        .agency()
        .find::<users::Entity>()
        .select_only()
        .column(users::Column::Id)
        .column(users::Column::Name)
        .filter(users::Column::StaffRole.is_not_null())
        .into_tuple::<(UserId, String)>()
        .all()
        .await?
        .into_iter()
        .collect();
    let people = tx.find::<contacts::Entity>().all().await?;
    let contact_users = people.iter().filter_map(|c| Some((c.user_id?, c.name.clone()))).collect();
    let contacts = people.into_iter().map(|c| (c.id, c.name)).collect();
    Ok(Names { staff, contacts, contact_users })
}

impl Names {
    pub fn person(&self, user: UserId) -> String {
        self.staff.get(&user).or_else(|| self.contact_users.get(&user)).cloned().unwrap_or_default()
    }
}

/// Stored attendees (JSON of ids and guests) → names.
pub fn attendees_view(json: &str, names: &Names) -> AttendeesView {
    let a: accord_api::meetings::Attendees = serde_json::from_str(json).unwrap_or(accord_api::meetings::Attendees {
        staff: vec![],
        contacts: vec![],
        guests: vec![],
    });
    AttendeesView {
        staff: a
            .staff
            .iter()
            .map(|id| StaffRef { id: *id, name: names.staff.get(id).cloned().unwrap_or_default() })
            .collect(),
        contacts: a
            .contacts
            .iter()
            .map(|id| ContactRef { id: *id, name: names.contacts.get(id).cloned().unwrap_or_default() })
            .collect(),
        guests: a.guests,
    }
}

pub async fn agenda(tx: &ClientTx, meeting: MeetingId, names: &Names) -> ApiResult<Vec<AgendaItemView>> {
    let rows = tx
        .find::<agenda_items::Entity>()
        .filter(agenda_items::Column::MeetingId.eq(meeting))
        .order_by_asc(agenda_items::Column::Position)
        .all()
        .await?;
    agenda_views(tx, rows, names).await
}

pub async fn agenda_views(
    tx: &ClientTx,
    rows: Vec<agenda_items::Model>,
    names: &Names,
) -> ApiResult<Vec<AgendaItemView>> {
    let linked: Vec<_> = rows.iter().filter_map(|a| a.backlog_item_id).collect();
    let titles: HashMap<accord_api::BacklogItemId, String> = if linked.is_empty() {
        HashMap::new()
    } else {
        tx.find::<backlog_items::Entity>()
            .select_only()
            .column(backlog_items::Column::Id)
            .column(backlog_items::Column::Title)
            .filter(backlog_items::Column::Id.is_in(linked))
            .into_tuple()
            .all()
            .await?
            .into_iter()
            .collect()
    };
    Ok(rows
        .into_iter()
        .map(|a| AgendaItemView {
            id: a.id,
            title: a.title,
            details: a.details,
            backlog_item: a
                .backlog_item_id
                .map(|id| BacklogRef { id, title: titles.get(&id).cloned().unwrap_or_default() }),
            added_by: names.person(a.added_by),
            added_by_client: a.added_by_client,
            status: a.status,
            carried_from: a.carried_from_on,
        })
        .collect())
}

/// Where an action item stands on `today`.
pub fn state(item: &action_items::Model, today: NaiveDate) -> PromiseState {
    match (item.side, item.done_on) {
        (_, Some(done)) if done <= item.due_on => PromiseState::Kept,
        (_, Some(_)) => PromiseState::DoneLate,
        (Side::Agency, None) if today > item.due_on => PromiseState::Broken,
        (Side::Client, None) if today > item.due_on => PromiseState::WaitingOnClient,
        (_, None) => PromiseState::Open,
    }
}

/// Action items → views, with their renegotiations (one query for all).
pub async fn action_views(
    tx: &ClientTx,
    rows: Vec<action_items::Model>,
    names: &Names,
    today: NaiveDate,
) -> ApiResult<Vec<ActionItemView>> {
    let ids: Vec<ActionItemId> = rows.iter().map(|r| r.id).collect();
    let changes = if ids.is_empty() {
        vec![]
    } else {
        tx.find::<promise_changes::Entity>()
            .filter(promise_changes::Column::ActionItemId.is_in(ids))
            .order_by_asc(promise_changes::Column::ProposedAt)
            .all()
            .await?
    };
    let client_name = tx.client().name.clone();
    Ok(rows.into_iter().map(|r| action_view(&r, &changes, names, &client_name, today)).collect())
}

pub fn action_view(
    r: &action_items::Model,
    changes: &[promise_changes::Model],
    names: &Names,
    client_name: &str,
    today: NaiveDate,
) -> ActionItemView {
    let reneg = |c: &promise_changes::Model| Renegotiation {
        from: c.from_on,
        to: c.to_on,
        reason: c.reason.clone(),
        proposed_at: c.proposed_at,
        agreed_by: c.agreed_by.map(|id| names.contacts.get(&id).cloned().unwrap_or_default()),
        agreed_at: c.agreed_at,
    };
    let mine: Vec<&promise_changes::Model> = changes.iter().filter(|c| c.action_item_id == r.id).collect();
    ActionItemView {
        id: r.id,
        client_id: r.client_id,
        client_name: client_name.to_string(),
        meeting_id: r.meeting_id,
        title: r.title.clone(),
        side: r.side,
        assignee: r
            .assignee_user
            .and_then(|u| names.staff.get(&u).cloned())
            .or_else(|| r.assignee_contact.and_then(|c| names.contacts.get(&c).cloned())),
        assignee_staff: r.assignee_user,
        assignee_contact: r.assignee_contact,
        promised_to: r.promised_to.clone(),
        original_due_on: r.original_due_on,
        due_on: r.due_on,
        done_on: r.done_on,
        state: state(r, today),
        renegotiations: mine.iter().filter(|c| c.agreed_at.is_some()).map(|c| reneg(c)).collect(),
        pending: mine.iter().rev().find(|c| c.agreed_at.is_none()).map(|c| reneg(c)),
    }
}

/// Decisions of revision N against those of N-1 (numbers match by position).
pub fn decisions_against(now: &[String], before: Option<&[String]>) -> Vec<Decision> {
    now.iter()
        .enumerate()
        .map(|(i, text)| {
            let prev = before.and_then(|b| b.get(i));
            let changed = before.is_some() && prev != Some(text);
            Decision {
                number: u16::try_from(i + 1).unwrap_or(u16::MAX),
                text: text.clone(),
                changed,
                previous: if changed { prev.cloned() } else { None },
            }
        })
        .collect()
}
