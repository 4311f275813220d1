//! Automatic drafts on the due date (the agency's `report_auto_draft` setting, off by default).
//! A periodic job finds, for every client with a report cadence in such an agency, the latest
//! period whose report is due by today (in the agency's time zone) and has no client-wide report,
//! and queues one [`DraftReport`] per such period. That job writes the draft from the period's
//! work as a person would (same template, same facts), on behalf of the client's account manager
//! (or the agency's first owner when the client has none), and mails them that it waits for
//! review. Nothing is published: the client sees the report only when a person publishes it.
//!
//! Each period is drafted at most once: the queued job's dedupe key names the client, kind and
//! period, so a draft the manager deletes does not come back. A job that finds nothing to do
//! (the setting turned off, the report written by a person, no active manager or owner) ends
//! done and is not tried again for that period. A period is drafted from its due
//! date for a week (an instance that was down catches up); older periods are left alone, so
//! turning the setting on does not flood an agency with drafts of past months.

use super::period::Period;
use super::{draft, store};
use crate::clients::access;
use crate::error::ApiError;
use crate::jobs::{self, Job, JobContext, JobError, NewJob};
use crate::mail::{self, templates};
use crate::state::AppState;
use accord_api::{AgencyId, AgencyStatus, ClientId, ClientStatus, ReportCadence, StaffRole, UserStatus};
use accord_entity::{agencies, clients, reports, users};
use actix_web::ResponseError;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// How long after its due date a period may still be drafted.
const CATCH_UP_DAYS: i64 = 7;

/// The periodic scan: queues a [`DraftReport`] for each due period without a report.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct DraftDueReports {}

/// The latest period of `cadence` whose report is due by `today` (with 0 working days the
/// period's last day is its due date), if it fell due within the catch-up window and the
/// relationship had begun by its end.
pub fn due_period(cadence: ReportCadence, due_days: u32, today: NaiveDate, since: NaiveDate) -> Option<Period> {
    let mut p = Period::containing(cadence, today);
    while p.due_on(due_days) > today {
        p = p.previous();
    }
    let due_on = p.due_on(due_days);
    (today - due_on < Duration::days(CATCH_UP_DAYS) && p.end >= since).then_some(p)
}

type ClientRow = (ClientId, AgencyId, ReportCadence, Option<NaiveDate>, DateTime<Utc>);

impl Job for DraftDueReports {
    const KIND: &'static str = "reports.draft_due";

    async fn run(self, state: &AppState, _cx: JobContext) -> Result<(), JobError> {
        // Platform-level by nature: it spans the agencies that turned the setting on.
        let tx = state.db.unscoped("report drafts due").await?;
        let now = tx.now();
        let agencies: HashMap<AgencyId, agencies::Model> = agencies::Entity::find()
            .filter(agencies::Column::ReportAutoDraft.eq(true))
            .filter(agencies::Column::Status.eq(AgencyStatus::Active))
            .all(tx.conn())
            .await?
            .into_iter()
            .map(|a| (a.id, a))
            .collect();
        if agencies.is_empty() {
            tx.commit().await?;
            return Ok(());
        }
        let ids: Vec<AgencyId> = agencies.keys().copied().collect();
        let clients: Vec<ClientRow> = clients::Entity::find()
            .select_only()
            .columns([
                clients::Column::Id,
                clients::Column::AgencyId,
                clients::Column::ReportCadence,
                clients::Column::StartedOn,
                clients::Column::CreatedAt,
            ])
            .filter(clients::Column::AgencyId.is_in(ids.clone()))
            .filter(clients::Column::ReportCadence.is_not_null())
            .filter(clients::Column::Status.is_in([ClientStatus::Onboarding, ClientStatus::Active]))
            .into_tuple()
            .all(tx.conn())
            .await?;
        let mut wanted: Vec<(AgencyId, ClientId, Period)> = Vec::new();
        for (client, agency_id, cadence, started_on, created_at) in clients {
            let Some(agency) = agencies.get(&agency_id) else { continue };
            let today = store::today(agency, now);
            let since = started_on.unwrap_or_else(|| store::today(agency, created_at));
            let due_days = u32::try_from(agency.report_due_days).unwrap_or(2);
            if let Some(p) = due_period(cadence, due_days, today, since) {
                wanted.push((agency_id, client, p));
            }
        }
        let Some(oldest) = wanted.iter().map(|(_, _, p)| p.start).min() else {
            tx.commit().await?;
            return Ok(());
        };
        // Client-wide reports already written for those periods (one query, by the agency index).
        let written: HashSet<(ClientId, ReportCadence, NaiveDate)> = reports::Entity::find()
            .select_only()
            .columns([reports::Column::ClientId, reports::Column::Kind, reports::Column::PeriodStart])
            .filter(reports::Column::AgencyId.is_in(ids))
            .filter(reports::Column::PeriodStart.gte(oldest))
            .filter(reports::Column::ProjectId.is_null())
            .into_tuple()
            .all(tx.conn())
            .await?
            .into_iter()
            .collect();
        let mut queued = 0;
        for (agency, client, p) in wanted {
            if written.contains(&(client, p.kind, p.start)) {
                continue;
            }
            let job = DraftReport { agency, client, kind: p.kind, period_start: p.start };
            let key = format!("{}:{client}:{}:{}", DraftReport::KIND, p.kind.as_str(), p.start);
            if jobs::enqueue(&tx, NewJob::new(&job)?.dedupe(key)).await?.is_some() {
                queued += 1;
            }
        }
        tx.commit().await?;
        if queued > 0 {
            tracing::info!(queued, "report drafts queued");
        }
        Ok(())
    }
}

/// Drafts one client's report for one period (queued by [`DraftDueReports`]).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DraftReport {
    pub agency: AgencyId,
    pub client: ClientId,
    pub kind: ReportCadence,
    pub period_start: NaiveDate,
}

impl Job for DraftReport {
    const KIND: &'static str = "reports.draft";

    async fn run(self, state: &AppState, _cx: JobContext) -> Result<(), JobError> {
        let tx = match access::open_for_job(state, self.agency, self.client).await {
            Ok(tx) => tx,
            // The client was deleted meanwhile: nothing to draft.
            Err(e) if e.status_code() == actix_web::http::StatusCode::NOT_FOUND => return Ok(()),
            Err(e) => return Err(e.into()),
        };
        let agency = store::agency(&tx).await?;
        let period = Period::containing(self.kind, self.period_start);
        // The setting, the cadence or the client's standing changed since the job was queued;
        // or someone wrote the report first.
        let client = tx.client();
        let still = agency.report_auto_draft
            && agency.status == AgencyStatus::Active
            && client.report_cadence == Some(self.kind)
            && matches!(client.status, ClientStatus::Onboarding | ClientStatus::Active)
            && period.start == self.period_start;
        if !still || draft::exists(&tx, &period, None).await? {
            tx.commit().await?;
            return Ok(());
        }
        let author = match client.account_manager_id {
            Some(id) => {
                tx.agency()
                    .find::<users::Entity>()
                    .filter(users::Column::Id.eq(id))
                    .filter(users::Column::Status.eq(UserStatus::Active))
                    // Still one who manages clients (not since made a specialist).
                    .filter(users::Column::StaffRole.is_in([
                        StaffRole::Owner,
                        StaffRole::Admin,
                        StaffRole::AccountManager,
                    ]))
                    .one()
                    .await?
            }
            None => None,
        };
        let author = match author {
            Some(u) => Some(u),
            None => {
                tx.agency()
                    .find::<users::Entity>()
                    .filter(users::Column::StaffRole.eq(StaffRole::Owner))
                    .filter(users::Column::Status.eq(UserStatus::Active))
                    .order_by_asc(users::Column::CreatedAt)
                    .one()
                    .await?
            }
        };
        let Some(author) = author else {
            tracing::warn!(client = %self.client, "no active manager or owner to draft a report for");
            tx.commit().await?;
            return Ok(());
        };
        let row = draft::write(&tx, &agency, &period, None, draft::Author { user: author.id, auto: true }).await?;
        let link = format!("{}/app/reports/{}", state.settings.public_url, row.id);
        let as_manager = client.account_manager_id == Some(author.id);
        let drafted = templates::Drafted {
            client: &client.name,
            title: &row.title,
            due_on: row.due_on,
            late: store::today(&agency, tx.now()) > row.due_on,
            as_manager,
        };
        let mail = templates::report_drafted((&author.email, &author.name), author.locale, drafted, &link);
        mail::enqueue(&tx, Some(tx.agency_id()), mail).await?;
        tx.commit().await.map_err(ApiError::from)?;
        tracing::info!(report = %row.id, client = %self.client, "report drafted on its due date");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_latest_period_due_by_today_within_a_week() {
        let long_ago = d("2020-01-01");
        // Week of 23–29 Nov 2026 is due two working days after Sunday: Tuesday 1 Dec.
        assert_eq!(
            due_period(ReportCadence::Weekly, 2, d("2026-11-30"), long_ago).map(|p| p.start),
            Some(d("2026-11-16"))
        );
        assert_eq!(
            due_period(ReportCadence::Weekly, 2, d("2026-12-01"), long_ago).map(|p| p.start),
            Some(d("2026-11-23"))
        );
        assert_eq!(
            due_period(ReportCadence::Weekly, 2, d("2026-12-03"), long_ago).map(|p| p.start),
            Some(d("2026-11-23"))
        );
        // November is due Wednesday 2 Dec; on 1 Dec October's due date (3 Nov) is weeks behind.
        assert_eq!(due_period(ReportCadence::Monthly, 2, d("2026-12-01"), long_ago), None);
        assert_eq!(
            due_period(ReportCadence::Monthly, 2, d("2026-12-02"), long_ago).map(|p| p.start),
            Some(d("2026-11-01"))
        );
        assert_eq!(
            due_period(ReportCadence::Monthly, 2, d("2026-12-08"), long_ago).map(|p| p.start),
            Some(d("2026-11-01"))
        );
        assert_eq!(due_period(ReportCadence::Monthly, 2, d("2026-12-09"), long_ago), None);
        // With 0 working days a week is due on its Sunday.
        assert_eq!(
            due_period(ReportCadence::Weekly, 0, d("2026-11-29"), long_ago).map(|p| p.start),
            Some(d("2026-11-23"))
        );
        assert_eq!(
            due_period(ReportCadence::Weekly, 0, d("2026-11-30"), long_ago).map(|p| p.start),
            Some(d("2026-11-23"))
        );
        // A relationship that began after the period asks for nothing.
        assert_eq!(due_period(ReportCadence::Weekly, 2, d("2026-12-01"), d("2026-11-30")), None);
    }
}
