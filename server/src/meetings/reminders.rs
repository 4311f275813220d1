//! The reminder a day before each meeting, with its agenda and calendar file: a job every ten
//! minutes takes the meetings that start within the next 24 hours and were not reminded yet
//! (occurrences of series are stored on the way), mails the invitees (by default the client's
//! portal users and the account manager) in their language, and marks the meeting reminded. Platform-level work (it
//! spans agencies), idempotent: a crash before commit sends nothing and the next run retries.

use super::feeds::meeting_event;
use super::{ics, store};
use crate::jobs::{Job, JobContext, JobError};
use crate::mail::{self, templates};
use crate::state::AppState;
use accord_api::meetings::MeetingStatus;
use accord_api::{ClientId, UserId, UserStatus};
use accord_entity::{agencies, agenda_items, clients, contacts, meeting_series, meetings, users};
use chrono::Duration;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// How far ahead a reminder goes out.
const AHEAD_HOURS: i64 = 24;

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct SendMeetingReminders {}

impl Job for SendMeetingReminders {
    const KIND: &'static str = "meetings.remind";

    async fn run(self, state: &AppState, _cx: JobContext) -> Result<(), JobError> {
        let tx = state.db.unscoped("meeting reminders").await?;
        let now = tx.now();
        let until = now + Duration::hours(AHEAD_HOURS);
        // Occurrences of series falling in the window are stored first.
        let series = meeting_series::Entity::find()
            .filter(
                sea_orm::Condition::any()
                    .add(meeting_series::Column::UntilOn.is_null())
                    .add(meeting_series::Column::UntilOn.gte((now - Duration::days(1)).date_naive())),
            )
            .all(tx.conn())
            .await?;
        let stored: HashSet<(accord_api::SeriesId, chrono::NaiveDate)> = meetings::Entity::find()
            .filter(meetings::Column::SeriesId.is_not_null())
            .filter(meetings::Column::StartsAt.gte(now - Duration::days(2)))
            .filter(meetings::Column::StartsAt.lte(until + Duration::days(2)))
            .all(tx.conn())
            .await?
            .into_iter()
            .filter_map(|m| Some((m.series_id?, m.occurrence_on?)))
            .collect();
        for s in &series {
            let rule = store::rule_of(s);
            let from = (now - Duration::days(1)).with_timezone(&rule.tz).date_naive();
            for date in rule.dates_from(from, 3) {
                let start = rule.start_of(date);
                if start > now && start <= until && !stored.contains(&(s.id, date)) {
                    store::occurrence_row(s, date, now).into_active_model().insert(tx.conn()).await?;
                }
            }
        }
        let due = meetings::Entity::find()
            .filter(meetings::Column::Status.eq(MeetingStatus::Scheduled))
            .filter(meetings::Column::StartsAt.gt(now))
            .filter(meetings::Column::StartsAt.lte(until))
            .filter(meetings::Column::RemindedAt.is_null())
            .all(tx.conn())
            .await?;
        if due.is_empty() {
            tx.commit().await?;
            return Ok(());
        }
        let ids: Vec<_> = due.iter().map(|m| m.id).collect();
        let client_ids: Vec<ClientId> = due.iter().map(|m| m.client_id).collect();
        let agenda =
            agenda_items::Entity::find().filter(agenda_items::Column::MeetingId.is_in(ids)).all(tx.conn()).await?;
        let clients: HashMap<ClientId, clients::Model> = clients::Entity::find()
            .filter(clients::Column::Id.is_in(client_ids.clone()))
            .all(tx.conn())
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
        let people = contacts::Entity::find()
            .filter(contacts::Column::ClientId.is_in(client_ids))
            .filter(contacts::Column::LeftAt.is_null())
            .all(tx.conn())
            .await?;
        let mut user_ids: Vec<UserId> = people.iter().filter_map(|c| c.user_id).collect();
        user_ids.extend(clients.values().filter_map(|c| c.account_manager_id));
        let chosen: HashMap<accord_api::MeetingId, accord_api::meetings::Invitees> =
            due.iter().filter_map(|m| Some((m.id, store::invitees_of(m.invitees.as_deref())?))).collect();
        user_ids.extend(chosen.values().flat_map(|i| i.staff.iter().copied()));
        let users: HashMap<UserId, users::Model> = users::Entity::find()
            .filter(users::Column::Id.is_in(user_ids))
            .filter(users::Column::Status.eq(UserStatus::Active))
            .all(tx.conn())
            .await?
            .into_iter()
            .map(|u| (u.id, u))
            .collect();
        let agency_names: HashMap<accord_api::AgencyId, String> =
            agencies::Entity::find().all(tx.conn()).await?.into_iter().map(|a| (a.id, a.name)).collect();
        let series_by_id: HashMap<_, _> = series.iter().map(|s| (s.id, s)).collect();
        for m in due {
            let Some(client) = clients.get(&m.client_id) else { continue };
            let agency = agency_names.get(&m.agency_id).cloned().unwrap_or_default();
            let titles: Vec<String> = agenda.iter().filter(|a| a.meeting_id == m.id).map(|a| a.title.clone()).collect();
            let tz = store::tz_of(&m.time_zone);
            let when = format!("{} ({})", super::rule::local_text(tz, m.starts_at).replace('T', " "), m.time_zone);
            let series = m.series_id.and_then(|id| series_by_id.get(&id).copied());
            // The chosen invitees, or the client's portal users and the account manager.
            let invited = chosen.get(&m.id);
            let mut to: Vec<(&users::Model, bool)> = people
                .iter()
                .filter(|c| c.client_id == m.client_id)
                .filter(|c| invited.is_none_or(|i| i.contacts.contains(&c.id)))
                .filter_map(|c| c.user_id.and_then(|u| users.get(&u)))
                .map(|u| (u, true))
                .collect();
            match invited {
                Some(i) => to.extend(i.staff.iter().filter_map(|id| users.get(id)).map(|u| (u, false))),
                None => to.extend(client.account_manager_id.and_then(|id| users.get(&id)).map(|u| (u, false))),
            }
            for (u, is_contact) in to {
                let with = if is_contact { agency.as_str() } else { client.name.as_str() };
                let event = meeting_event(&m, series, &agenda, with);
                let link = if is_contact {
                    format!("{}/portal/meetings", state.settings.public_url)
                } else {
                    format!("{}/app/meetings/{}", state.settings.public_url, m.id)
                };
                let reminder = templates::Reminder {
                    with,
                    title: &m.title,
                    when: &when,
                    place: m.place.as_deref(),
                    agenda: &titles,
                };
                let mail = templates::meeting_reminder((&u.email, &u.name), u.locale, reminder, &link)
                    .with_attachment(super::notify::invite(&ics::calendar(&m.title, &[event], now)));
                mail::enqueue(&tx, Some(m.agency_id), mail).await?;
            }
            let mut row = m.into_active_model();
            row.reminded_at = sea_orm::ActiveValue::Set(Some(now));
            row.update(tx.conn()).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
