//! Calendars: a secret per-person ICS feed (staff: the meetings of clients they see; a
//! contact: their client's), revocable and re-issuable, and one `.ics` per meeting. A series is
//! one VEVENT with RRULE; a stored occurrence is an override (same UID, RECURRENCE-ID), a
//! cancelled one has STATUS:CANCELLED; one-off meetings have their own UID. The token travels
//! in the query string (calendar apps cannot send anything else) and request spans log only the
//! path, so it never reaches the logs.

use super::ics::{self, Event};
use super::store;
use crate::auth::session::{hash_token, new_token};
use crate::clients::access::{self, Need, VisibleClients};
use crate::db::{Scoped, TenantScope, TenantTx};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::tenancy::{PortalContact, Principal, Staff};
use accord_api::meetings::{CalendarFeed, MeetingStatus};
use accord_api::{ClientId, MeetingId, UserId};
use accord_entity::{agenda_items, calendar_feeds, clients, meeting_series, meetings};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect, Select};
use std::collections::HashMap;

fn feed_url(state: &AppState, token: &str) -> String {
    format!("{}/api/calendar.ics?token={token}", state.settings.public_url)
}

/// Whether the person has a feed, and since when.
pub async fn status(state: &AppState, scope: impl Into<TenantScope>, user: UserId) -> ApiResult<CalendarFeed> {
    let tx = state.db.tenant_read(scope).await?;
    let row = tx.find::<calendar_feeds::Entity>().filter(calendar_feeds::Column::UserId.eq(user)).one().await?;
    tx.commit().await?;
    Ok(CalendarFeed { url: None, active: row.is_some(), issued_at: row.map(|r| r.created_at) })
}

/// Issues a feed URL (replacing any earlier one, which stops working). The URL is shown once.
pub async fn issue(state: &AppState, scope: impl Into<TenantScope>, user: UserId) -> ApiResult<CalendarFeed> {
    let tx = state.db.tenant(scope).await?;
    tx.delete_many::<calendar_feeds::Entity>().filter(calendar_feeds::Column::UserId.eq(user)).exec().await?;
    let token = new_token();
    let now = tx.now();
    tx.insert(calendar_feeds::ActiveModel::from(calendar_feeds::Model {
        id: uuid::Uuid::new_v4(),
        agency_id: tx.agency_id(),
        user_id: user,
        token_hash: hash_token(&token),
        created_at: now,
    }))
    .await?;
    tx.commit().await?;
    Ok(CalendarFeed { url: Some(feed_url(state, &token)), active: true, issued_at: Some(now) })
}

pub async fn revoke(state: &AppState, scope: impl Into<TenantScope>, user: UserId) -> ApiResult<CalendarFeed> {
    let tx = state.db.tenant(scope).await?;
    tx.delete_many::<calendar_feeds::Entity>().filter(calendar_feeds::Column::UserId.eq(user)).exec().await?;
    tx.commit().await?;
    Ok(CalendarFeed { url: None, active: false, issued_at: None })
}

/// The feed behind a token; an unknown, revoked or disabled one is a 404.
pub async fn feed(state: &AppState, token: &str) -> ApiResult<String> {
    if token.is_empty() || token.len() > 100 {
        return Err(ApiError::not_found());
    }
    let principal: Principal =
        crate::tenancy::resolve_feed(state, &hash_token(token)).await?.ok_or_else(ApiError::not_found)?;
    if let Some(staff) = principal.as_staff() {
        return staff_feed(state, &staff, &principal.name).await;
    }
    if let Some(contact) = principal.as_portal_contact() {
        return contact_feed(state, &contact).await;
    }
    Err(ApiError::not_found())
}

/// What one feed holds: series (with their stored occurrences) and one-off meetings from a
/// month back on.
struct Rows {
    series: Vec<meeting_series::Model>,
    meetings: Vec<meetings::Model>,
    agenda: Vec<agenda_items::Model>,
    clients: HashMap<ClientId, String>,
}

async fn rows<'a>(
    series: Scoped<'a, Select<meeting_series::Entity>>,
    meetings_q: Scoped<'a, Select<meetings::Entity>>,
    agenda: impl FnOnce(Vec<MeetingId>) -> Option<Scoped<'a, Select<agenda_items::Entity>>>,
    since: DateTime<Utc>,
) -> ApiResult<(Vec<meeting_series::Model>, Vec<meetings::Model>, Vec<agenda_items::Model>)> {
    let series = series.order_by_asc(meeting_series::Column::CreatedAt).limit(2_000).all().await?;
    let meetings = meetings_q
        .filter(meetings::Column::StartsAt.gte(since))
        .order_by_asc(meetings::Column::StartsAt)
        .limit(5_000)
        .all()
        .await?;
    let ids: Vec<MeetingId> = meetings.iter().map(|m| m.id).collect();
    let agenda = match agenda(ids) {
        Some(q) => q.order_by_asc(agenda_items::Column::Position).all().await?,
        None => vec![],
    };
    Ok((series, meetings, agenda))
}

async fn staff_feed(state: &AppState, staff: &Staff, name: &str) -> ApiResult<String> {
    let tx: TenantTx = state.db.tenant_read(staff).await?;
    let visible = VisibleClients::of(&tx, staff).await?;
    let since = tx.now() - Duration::days(31);
    let (series, meetings, agenda) = rows(
        tx.find_in::<meeting_series::Entity>(&visible),
        tx.find_in::<meetings::Entity>(&visible),
        |ids| {
            (!ids.is_empty()).then(|| {
                tx.find_in::<agenda_items::Entity>(&visible).filter(agenda_items::Column::MeetingId.is_in(ids))
            })
        },
        since,
    )
    .await?;
    let clients = tx
        .find_in::<clients::Entity>(&visible)
        .select_only()
        .column(clients::Column::Id)
        .column(clients::Column::Name)
        .into_tuple::<(ClientId, String)>()
        .all()
        .await?
        .into_iter()
        .collect();
    let now = tx.now();
    tx.commit().await?;
    Ok(render(&format!("Accord — {name}"), Rows { series, meetings, agenda, clients }, now))
}

async fn contact_feed(state: &AppState, contact: &PortalContact) -> ApiResult<String> {
    let tx = access::open_portal_read(state, contact).await?;
    let since = tx.now() - Duration::days(31);
    let (series, meetings, agenda) = rows(
        tx.find::<meeting_series::Entity>(),
        tx.find::<meetings::Entity>(),
        |ids| {
            (!ids.is_empty())
                .then(|| tx.find::<agenda_items::Entity>().filter(agenda_items::Column::MeetingId.is_in(ids)))
        },
        since,
    )
    .await?;
    let agency = store::agency(&tx).await?;
    let clients = HashMap::from([(tx.client_id(), agency.name.clone())]);
    let now = tx.now();
    tx.commit().await?;
    Ok(render(&format!("Accord — {}", agency.name), Rows { series, meetings, agenda, clients }, now))
}

fn agenda_text(agenda: &[agenda_items::Model], meeting: MeetingId) -> String {
    let items: Vec<String> = agenda
        .iter()
        .filter(|a| a.meeting_id == meeting)
        .enumerate()
        .map(|(i, a)| format!("{}. {}", i + 1, a.title))
        .collect();
    if items.is_empty() {
        String::new()
    } else {
        format!("Повестка / Agenda:\n{}", items.join("\n"))
    }
}

pub(super) fn meeting_event(
    m: &meetings::Model,
    s: Option<&meeting_series::Model>,
    agenda: &[agenda_items::Model],
    who: &str,
) -> Event {
    let tz = store::tz_of(&m.time_zone);
    Event {
        uid: m.uid.clone(),
        // An override also carries the series' changes.
        sequence: m.sequence.max(s.map_or(0, |s| s.sequence)),
        start: m.starts_at,
        tz,
        minutes: m.duration_minutes,
        summary: format!("{} — {who}", m.title),
        description: agenda_text(agenda, m.id),
        location: m.place.clone(),
        cancelled: m.status == MeetingStatus::Cancelled,
        rrule: None,
        recurrence_id: match (s, m.occurrence_on) {
            (Some(s), Some(date)) => Some(date.and_time(store::rule_of(s).time)),
            _ => None,
        },
        updated: m.updated_at,
    }
}

/// A series' master event: the rule from its first meeting on.
pub(super) fn series_event(s: &meeting_series::Model, who: &str) -> Option<Event> {
    let rule = store::rule_of(s);
    let first = rule.dates().next()?;
    Some(Event {
        uid: s.uid.clone(),
        sequence: s.sequence,
        start: rule.start_of(first),
        tz: rule.tz,
        minutes: s.duration_minutes,
        summary: format!("{} — {who}", s.title),
        description: String::new(),
        location: s.place.clone(),
        cancelled: false,
        rrule: Some(rule.rrule()),
        recurrence_id: None,
        updated: s.updated_at,
    })
}

fn render(name: &str, r: Rows, now: DateTime<Utc>) -> String {
    let mut events = Vec::new();
    for s in &r.series {
        let who = r.clients.get(&s.client_id).cloned().unwrap_or_default();
        events.extend(series_event(s, &who));
    }
    for m in &r.meetings {
        let s = m.series_id.and_then(|id| r.series.iter().find(|s| s.id == id));
        if m.series_id.is_some() && s.is_none() {
            continue;
        }
        let who = r.clients.get(&m.client_id).cloned().unwrap_or_default();
        events.push(meeting_event(m, s, &r.agenda, &who));
    }
    ics::calendar(name, &events, now)
}

/// One meeting as an `.ics` file (an occurrence keeps its series' UID and names its date).
pub async fn one(tx: crate::db::ClientTx, id: MeetingId, who: String) -> ApiResult<String> {
    let m = store::meeting(&tx, id).await?;
    let text = ics_of(&tx, &m, &who).await?;
    tx.commit().await?;
    Ok(text)
}

/// The calendar file of one meeting, inside the caller's transaction (mail attachments too).
pub async fn ics_of(tx: &crate::db::ClientTx, m: &meetings::Model, who: &str) -> ApiResult<String> {
    let s = match m.series_id {
        Some(sid) => Some(store::series(tx, sid).await?),
        None => None,
    };
    let agenda = tx.find::<agenda_items::Entity>().filter(agenda_items::Column::MeetingId.eq(m.id)).all().await?;
    Ok(ics::calendar(&m.title, &[meeting_event(m, s.as_ref(), &agenda, who)], tx.now()))
}

pub async fn staff_one(state: &AppState, staff: &Staff, id: MeetingId) -> ApiResult<String> {
    let tx = access::open_owner::<meetings::Entity>(state, staff, meetings::Column::Id, id.0, Need::Read).await?;
    let who = tx.client().name.clone();
    one(tx, id, who).await
}

pub async fn portal_one(state: &AppState, contact: &PortalContact, id: MeetingId) -> ApiResult<String> {
    let tx = access::open_portal_read(state, contact).await?;
    let who = store::agency(&tx).await?.name;
    one(tx, id, who).await
}
