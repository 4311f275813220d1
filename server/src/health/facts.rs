//! Gathering the facts the score is made of, for one client or a whole agency at once: a fixed
//! number of narrow statements (about fourteen), whatever the number of clients — never one
//! query per client.

use super::signals::{Facts, WINDOW_DAYS};
use crate::clients::access::VisibleClients;
use crate::db::TenantTx;
use crate::error::ApiResult;
use crate::surveys::store::agency_today;
use accord_api::finance::InvoiceStatus;
use accord_api::health::HealthSettings;
use accord_api::meetings::{AckState, Side};
use accord_api::risks::IncidentStep;
use accord_api::{ClientId, ProjectId, ProjectStatus, ReportId};
use accord_entity::{
    action_items, agencies, backlog_tallies, clients, incidents, invoices, meetings, projects, report_reads, reports,
    survey_answers,
};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
use std::collections::{HashMap, HashSet};

/// A latest answer: client, submitted, NPS, CSI, day.
type AnswerRow = (ClientId, DateTime<Utc>, Option<i32>, Option<f64>, NaiveDate);

/// The clients to score: their own row's part of the facts.
pub struct Subject {
    pub id: ClientId,
    pub cadence: Option<i32>,
    pub last_touch_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl Subject {
    pub fn of(c: &clients::Model) -> Self {
        Self { id: c.id, cadence: c.contact_cadence_days, last_touch_at: c.last_touch_at, created_at: c.created_at }
    }
}

/// The facts of `subjects` (all of the agency's when `only` is `None`; the one client otherwise).
pub async fn gather(
    tx: &TenantTx,
    agency: &agencies::Model,
    settings: &HealthSettings,
    subjects: &[Subject],
    only: Option<ClientId>,
    now: DateTime<Utc>,
) -> ApiResult<HashMap<ClientId, Facts>> {
    let every = VisibleClients::whole_agency();
    let today = agency_today(agency, now);
    let window_start = today - Duration::days(i64::from(WINDOW_DAYS));
    let year_ago = today - Duration::days(365);
    let mut out: HashMap<ClientId, Facts> = subjects
        .iter()
        .map(|s| {
            let days = |t: DateTime<Utc>| (today - agency_today(agency, t)).num_days();
            let f = Facts {
                cadence: s.cadence,
                days_since_touch: s.last_touch_at.map(days),
                days_since_entered: days(s.created_at),
                ..Facts::default()
            };
            (s.id, f)
        })
        .collect();
    macro_rules! scoped {
        ($entity:ident) => {{
            let q = tx.find_in::<$entity::Entity>(&every);
            match only {
                Some(id) => q.filter($entity::Column::ClientId.eq(id)),
                None => q,
            }
        }};
    }

    // NPS and CSI: each client's latest answer within a year (the latest time, then its row).
    for nps in [true, false] {
        let col = if nps { survey_answers::Column::Nps } else { survey_answers::Column::Csi };
        let latest: Vec<(ClientId, DateTime<Utc>)> = scoped!(survey_answers)
            .select_only()
            .column(survey_answers::Column::ClientId)
            .column_as(Expr::col(survey_answers::Column::SubmittedAt).max(), "latest")
            .filter(col.is_not_null())
            .filter(survey_answers::Column::AnsweredOn.gte(year_ago))
            .group_by(survey_answers::Column::ClientId)
            .into_tuple()
            .all()
            .await?;
        if latest.is_empty() {
            continue;
        }
        let wanted: HashSet<(ClientId, DateTime<Utc>)> = latest.iter().copied().collect();
        // By clients and their latest times, in chunks (index seeks on client and time).
        for chunk in latest.chunks(400) {
            let clients: Vec<ClientId> = chunk.iter().map(|w| w.0).collect();
            let times: Vec<DateTime<Utc>> = chunk.iter().map(|w| w.1).collect::<HashSet<_>>().into_iter().collect();
            let rows: Vec<AnswerRow> = scoped!(survey_answers)
                .select_only()
                .column(survey_answers::Column::ClientId)
                .column(survey_answers::Column::SubmittedAt)
                .column(survey_answers::Column::Nps)
                .column(survey_answers::Column::Csi)
                .column(survey_answers::Column::AnsweredOn)
                .filter(col.is_not_null())
                .filter(survey_answers::Column::ClientId.is_in(clients))
                .filter(survey_answers::Column::SubmittedAt.is_in(times))
                .into_tuple()
                .all()
                .await?;
            for (client, at, score, csi, on) in rows {
                let Some(f) = out.get_mut(&client).filter(|_| wanted.contains(&(client, at))) else { continue };
                if nps {
                    f.nps = score.and_then(|s| u8::try_from(s).ok()).map(|s| (s, on));
                } else {
                    f.csi = csi.map(|c| (c, on));
                }
            }
        }
    }

    // Agency promises: open ones (overdue or not) and those due in the window.
    let promises: Vec<(ClientId, NaiveDate, Option<NaiveDate>)> = scoped!(action_items)
        .select_only()
        .column(action_items::Column::ClientId)
        .column(action_items::Column::DueOn)
        .column(action_items::Column::DoneOn)
        .filter(action_items::Column::Side.eq(Side::Agency))
        .filter(
            sea_orm::Condition::any()
                .add(action_items::Column::DoneOn.is_null())
                .add(action_items::Column::DueOn.gte(window_start)),
        )
        .into_tuple()
        .all()
        .await?;
    for (client, due_on, done_on) in promises {
        let Some(f) = out.get_mut(&client) else { continue };
        f.has_promises = true;
        if done_on.is_none() && due_on < today {
            f.overdue += 1;
            f.oldest_overdue_days = f.oldest_overdue_days.max((today - due_on).num_days());
        }
        if due_on >= window_start && due_on < today {
            f.due_in_window += 1;
            if done_on.is_some_and(|d| d <= due_on) {
                f.kept_in_window += 1;
            }
        }
    }

    // Minutes published in the window.
    let ack_limit = now - Duration::days(i64::from(agency.ack_days));
    let minutes: Vec<(ClientId, AckState, DateTime<Utc>)> = scoped!(meetings)
        .select_only()
        .column(meetings::Column::ClientId)
        .column(meetings::Column::Ack)
        .column(meetings::Column::PublishedAt)
        .filter(meetings::Column::PublishedAt.gte(now - Duration::days(i64::from(WINDOW_DAYS))))
        .into_tuple()
        .all()
        .await?;
    for (client, ack, published_at) in minutes {
        let Some(f) = out.get_mut(&client) else { continue };
        match ack {
            AckState::Acknowledged => f.minutes_acknowledged += 1,
            AckState::Disputed => f.minutes_disputed += 1,
            AckState::Awaiting if published_at < ack_limit => f.minutes_awaiting += 1,
            _ => {}
        }
    }

    // Reports published in the window, and which of them someone opened.
    let published: Vec<(ClientId, ReportId, DateTime<Utc>)> = scoped!(reports)
        .select_only()
        .column(reports::Column::ClientId)
        .column(reports::Column::Id)
        .column(reports::Column::PublishedAt)
        .filter(reports::Column::Revision.gt(0))
        .filter(reports::Column::PublishedAt.gte(now - Duration::days(i64::from(WINDOW_DAYS))))
        .into_tuple()
        .all()
        .await?;
    let mut opened: HashSet<ReportId> = HashSet::new();
    for chunk in published.chunks(500) {
        let ids: Vec<ReportId> = chunk.iter().map(|r| r.1).collect();
        opened.extend(
            scoped!(report_reads)
                .select_only()
                .column(report_reads::Column::ReportId)
                .filter(report_reads::Column::ReportId.is_in(ids))
                .distinct()
                .into_tuple::<ReportId>()
                .all()
                .await?,
        );
    }
    let read_limit = now - Duration::days(i64::from(agency.report_read_days));
    for (client, id, published_at) in published {
        let Some(f) = out.get_mut(&client) else { continue };
        f.reports_published += 1;
        if published_at < read_limit && !opened.contains(&id) {
            f.reports_unread += 1;
        }
    }
    for (_, periods) in crate::reports::due::recent_periods(tx, &every, agency, today, only).await? {
        for p in periods.iter().filter(|p| p.overdue && p.due_on >= window_start) {
            if let Some(f) = out.get_mut(&p.client_id) {
                f.reports_overdue += 1;
            }
        }
    }

    // The backlog standard: each active project's agreed items not started.
    let active: Vec<(ProjectId, ClientId)> = scoped!(projects)
        .select_only()
        .column(projects::Column::Id)
        .column(projects::Column::ClientId)
        .filter(projects::Column::Status.eq(ProjectStatus::Active))
        .into_tuple()
        .all()
        .await?;
    if !active.is_empty() {
        let counts = crate::backlog::repo::agreed_counts_in(scoped!(backlog_tallies)).await?;
        for (project, client) in active {
            if let Some(f) = out.get_mut(&client) {
                f.agreed_per_project.push(counts.get(&project).copied().unwrap_or(0));
            }
        }
    }

    // Incidents of the last year, and the open ones whenever they began.
    let incident_rows: Vec<(ClientId, IncidentStep, DateTime<Utc>)> = scoped!(incidents)
        .select_only()
        .column(incidents::Column::ClientId)
        .column(incidents::Column::Step)
        .column(incidents::Column::DetectedAt)
        .filter(
            sea_orm::Condition::any()
                .add(incidents::Column::PreventedAt.is_null())
                .add(incidents::Column::DetectedAt.gte(now - Duration::days(365))),
        )
        .into_tuple()
        .all()
        .await?;
    let too_long = Duration::days(i64::from(settings.incident_days));
    for (client, step, detected_at) in incident_rows {
        let Some(f) = out.get_mut(&client) else { continue };
        f.has_incidents = true;
        if step != IncidentStep::Prevented {
            f.incidents_open += 1;
            if now - detected_at > too_long {
                f.incidents_too_long += 1;
            }
        }
    }

    // Money: who was ever invoiced (one row per client), and the overdue unpaid invoices per
    // client with the earliest due date.
    let invoiced: Vec<ClientId> = scoped!(invoices)
        .select_only()
        .column(invoices::Column::ClientId)
        .filter(invoices::Column::Status.ne(InvoiceStatus::Cancelled))
        .group_by(invoices::Column::ClientId)
        .into_tuple()
        .all()
        .await?;
    for client in invoiced {
        if let Some(f) = out.get_mut(&client) {
            f.has_invoices = true;
        }
    }
    let overdue: Vec<(ClientId, i64, Option<NaiveDate>)> = scoped!(invoices)
        .select_only()
        .column(invoices::Column::ClientId)
        .column_as(Expr::cust("COUNT(*)"), "n")
        .column_as(Expr::col(invoices::Column::DueOn).min(), "earliest")
        .filter(invoices::Column::Status.is_in(crate::revenue::repo::OPEN))
        .filter(invoices::Column::DueOn.lt(today))
        .group_by(invoices::Column::ClientId)
        .into_tuple()
        .all()
        .await?;
    for (client, n, earliest) in overdue {
        let Some(f) = out.get_mut(&client) else { continue };
        f.invoices_overdue = u32::try_from(n).unwrap_or(u32::MAX);
        f.oldest_invoice_days = earliest.map_or(0, |d| (today - d).num_days());
    }
    Ok(out)
}
