//! When reports are due: a client's report cadence (weekly or monthly, from its profile) makes
//! periods, each due N working days after it ends; one not published by then is overdue. The
//! agency's list gathers, for the clients the caller sees, the periods due within a week or
//! overdue, published reports nobody opened, and questions nobody answered.

use super::period::Period;
use super::store;
use crate::clients::access::VisibleClients;
use crate::clients::view::staff_names;
use crate::db::{ClientTx, TenantTx};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::reports::{DuePeriod, OpenQuestion, ReportSummary, ReportsDue};
use accord_api::{ClientId, ClientStatus, ReportCadence, ReportId, Side, StaffRef, UserId};
use accord_entity::{agencies, clients, report_messages, report_reads, reports};
use chrono::{Duration, NaiveDate};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// How many periods of a client's cadence its reports page lists (the current one included).
const CLIENT_PERIODS: usize = 6;
/// What the due list needs of a client.
struct Cadenced {
    id: ClientId,
    name: String,
    manager: Option<UserId>,
    cadence: ReportCadence,
    started_on: Option<NaiveDate>,
    created_at: chrono::DateTime<chrono::Utc>,
}

impl Cadenced {
    fn of(c: &clients::Model, cadence: ReportCadence) -> Self {
        Self {
            id: c.id,
            name: c.name.clone(),
            manager: c.account_manager_id,
            cadence,
            started_on: c.started_on,
            created_at: c.created_at,
        }
    }
}

/// How far back the agency's list looks for unpublished periods.
const AGENCY_PERIODS: usize = 4;
/// At most this many clients on the agency's list.
const DUE_LISTED: usize = 100;

/// The periods of `cadence` from the current one back, never before the client existed.
fn periods(cadence: ReportCadence, today: NaiveDate, since: NaiveDate, n: usize) -> Vec<Period> {
    let mut out = Vec::with_capacity(n);
    let mut p = Period::containing(cadence, today);
    while out.len() < n && p.end >= since {
        out.push(p);
        p = p.previous();
    }
    out
}

/// What is written for a client's period: (report id, published), client-wide reports first.
type Written = HashMap<(ClientId, ReportCadence, NaiveDate), (ReportId, bool)>;

fn note(written: &mut Written, r: (ClientId, ReportCadence, NaiveDate, ReportId, i32, bool)) {
    let (client, kind, start, id, revision, client_wide) = r;
    let entry = written.entry((client, kind, start)).or_insert((id, revision > 0));
    if client_wide {
        entry.0 = id;
    }
    entry.1 |= revision > 0;
}

#[allow(clippy::too_many_arguments)]
fn due_period(
    c: &Cadenced,
    manager: Option<StaffRef>,
    p: &Period,
    due_days: u32,
    written: &Written,
    today: NaiveDate,
) -> DuePeriod {
    let due_on = p.due_on(due_days);
    let found = written.get(&(c.id, p.kind, p.start));
    let published = found.is_some_and(|f| f.1);
    DuePeriod {
        client_id: c.id,
        client_name: c.name.clone(),
        manager,
        kind: p.kind,
        period_start: p.start,
        period_end: p.end,
        due_on,
        report_id: found.map(|f| f.0),
        published,
        overdue: !published && today > due_on,
        earlier_unpublished: 0,
    }
}

/// Periods before the relationship began ask for nothing: from the profile's start date, or
/// the day the client was entered.
fn created_on(c: &Cadenced, agency: &agencies::Model) -> NaiveDate {
    c.started_on.unwrap_or_else(|| store::today(agency, c.created_at))
}

/// A client's cadence and its recent periods, newest first (two queries).
pub async fn client_periods(
    tx: &ClientTx,
    agency: &agencies::Model,
    today: NaiveDate,
) -> ApiResult<(Option<ReportCadence>, Vec<DuePeriod>)> {
    let Some(cadence) = tx.client().report_cadence else { return Ok((None, vec![])) };
    let c = &Cadenced::of(tx.client(), cadence);
    let list = periods(cadence, today, created_on(c, agency), CLIENT_PERIODS);
    let Some(oldest) = list.last() else { return Ok((Some(cadence), vec![])) };
    let rows: Vec<(ReportId, NaiveDate, i32, Option<accord_api::ProjectId>)> = tx
        .find::<reports::Entity>()
        .select_only()
        .column(reports::Column::Id)
        .column(reports::Column::PeriodStart)
        .column(reports::Column::Revision)
        .column(reports::Column::ProjectId)
        .filter(reports::Column::Kind.eq(cadence))
        .filter(reports::Column::PeriodStart.gte(oldest.start))
        .into_tuple()
        .all()
        .await?;
    let mut written = Written::new();
    for (id, start, revision, project) in rows {
        note(&mut written, (c.id, cadence, start, id, revision, project.is_none()));
    }
    let names = staff_names(tx.agency(), c.manager).await?;
    let manager = crate::clients::view::staff_ref(c.manager, &names);
    let due_days = u32::try_from(agency.report_due_days).unwrap_or(2);
    Ok((Some(cadence), list.iter().map(|p| due_period(c, manager.clone(), p, due_days, &written, today)).collect()))
}

/// Every cadenced onboarding or active client among `visible` (or only `only`) with its
/// manager and its recent periods (the agency list's look-back), newest first, managers'
/// names not filled in. Two queries, whatever the number of clients.
pub(crate) async fn recent_periods(
    tx: &TenantTx,
    visible: &VisibleClients,
    agency: &agencies::Model,
    today: NaiveDate,
    only: Option<ClientId>,
) -> ApiResult<Vec<(Option<UserId>, Vec<DuePeriod>)>> {
    let due_days = u32::try_from(agency.report_due_days).unwrap_or(2);
    type Row = (ClientId, String, Option<UserId>, ReportCadence, Option<NaiveDate>, chrono::DateTime<chrono::Utc>);
    let mut q = tx
        .find_in::<clients::Entity>(visible)
        .select_only()
        .columns([
            clients::Column::Id,
            clients::Column::Name,
            clients::Column::AccountManagerId,
            clients::Column::ReportCadence,
            clients::Column::StartedOn,
            clients::Column::CreatedAt,
        ])
        .filter(clients::Column::ReportCadence.is_not_null())
        .filter(clients::Column::Status.is_in([ClientStatus::Onboarding, ClientStatus::Active]));
    if let Some(id) = only {
        q = q.filter(clients::Column::Id.eq(id));
    }
    let clients: Vec<Cadenced> = q
        .into_tuple::<Row>()
        .all()
        .await?
        .into_iter()
        .map(|(id, name, manager, cadence, started_on, created_at)| Cadenced {
            id,
            name,
            manager,
            cadence,
            started_on,
            created_at,
        })
        .collect();
    // Four months back covers four periods of either cadence.
    let since = today - Duration::days(130);
    let mut q = tx
        .find_in::<reports::Entity>(visible)
        .select_only()
        .column(reports::Column::ClientId)
        .column(reports::Column::Kind)
        .column(reports::Column::PeriodStart)
        .column(reports::Column::Id)
        .column(reports::Column::Revision)
        .column(reports::Column::ProjectId)
        .filter(reports::Column::PeriodStart.gte(since));
    if let Some(id) = only {
        q = q.filter(reports::Column::ClientId.eq(id));
    }
    let rows: Vec<(ClientId, ReportCadence, NaiveDate, ReportId, i32, Option<accord_api::ProjectId>)> =
        q.into_tuple().all().await?;
    let mut written = Written::new();
    for (client, kind, start, id, revision, project) in rows {
        note(&mut written, (client, kind, start, id, revision, project.is_none()));
    }
    Ok(clients
        .iter()
        .map(|c| {
            let list = periods(c.cadence, today, created_on(c, agency), AGENCY_PERIODS + 1)
                .iter()
                .map(|p| due_period(c, None, p, due_days, &written, today))
                .collect();
            (c.manager, list)
        })
        .collect())
}

/// The agency's "reports due" list, for the clients the caller sees (a constant number of queries).
pub async fn agency_list(state: &AppState, staff: &Staff) -> ApiResult<ReportsDue> {
    let tx = state.db.tenant_read(staff).await?;
    let visible = VisibleClients::of(&tx, staff).await?;
    let agency = tx.find::<agencies::Entity>().one().await?.ok_or_else(ApiError::not_found)?;
    let now = tx.now();
    let today = store::today(&agency, now);
    let clients = recent_periods(&tx, &visible, &agency, today, None).await?;
    let managers: Vec<UserId> = clients.iter().filter_map(|c| c.0).collect();
    let names = staff_names(&tx, managers).await?;
    let soon = today + Duration::days(7);
    // Per client the latest period to write (newest first), and how many before it are missing.
    let mut due: Vec<DuePeriod> = clients
        .into_iter()
        .filter_map(|(manager, list)| {
            let manager = crate::clients::view::staff_ref(manager, &names);
            let mut open = list.into_iter().filter(|d| !d.published && d.due_on <= soon);
            let mut latest = open.next()?;
            latest.earlier_unpublished = u32::try_from(open.count()).unwrap_or(u32::MAX);
            latest.manager = manager;
            Some(latest)
        })
        .collect();
    due.sort_by(|a, b| b.overdue.cmp(&a.overdue).then(a.due_on.cmp(&b.due_on)).then(a.client_name.cmp(&b.client_name)));
    let due_total = u32::try_from(due.len()).unwrap_or(u32::MAX);
    due.truncate(DUE_LISTED);

    // Published within 90 days, longer ago than the read window, and opened by nobody.
    let unread_rows = tx
        .find_in::<reports::Entity>(&visible)
        .filter(reports::Column::Revision.gt(0))
        .filter(reports::Column::PublishedAt.lt(now - Duration::days(i64::from(agency.report_read_days))))
        .filter(reports::Column::PublishedAt.gte(now - Duration::days(90)))
        .filter(
            Expr::exists(
                Query::select()
                    .expr(Expr::val(1))
                    .from(report_reads::Entity)
                    .and_where(
                        Expr::col((report_reads::Entity, report_reads::Column::ReportId))
                            .equals((reports::Entity, reports::Column::Id)),
                    )
                    .to_owned(),
            )
            .not(),
        )
        .order_by_asc(reports::Column::PublishedAt)
        .limit(50)
        .all()
        .await?;
    let questions = tx
        .find_in::<report_messages::Entity>(&visible)
        .filter(report_messages::Column::Side.eq(Side::Client))
        .filter(report_messages::Column::QuestionId.is_null())
        .filter(report_messages::Column::AnsweredAt.is_null())
        .order_by_asc(report_messages::Column::At)
        .limit(50)
        .all()
        .await?;
    let asked_on: Vec<ReportId> = questions.iter().map(|q| q.report_id).collect();
    let titles: HashMap<ReportId, String> = if asked_on.is_empty() {
        HashMap::new()
    } else {
        tx.find_in::<reports::Entity>(&visible)
            .select_only()
            .column(reports::Column::Id)
            .column(reports::Column::Title)
            .filter(reports::Column::Id.is_in(asked_on))
            .into_tuple::<(ReportId, String)>()
            .all()
            .await?
            .into_iter()
            .collect()
    };
    let mut client_ids: Vec<ClientId> =
        unread_rows.iter().map(|r| r.client_id).chain(questions.iter().map(|q| q.client_id)).collect();
    client_ids.sort();
    client_ids.dedup();
    let client_names: HashMap<ClientId, String> = if client_ids.is_empty() {
        HashMap::new()
    } else {
        tx.find_in::<clients::Entity>(&visible)
            .select_only()
            .column(clients::Column::Id)
            .column(clients::Column::Name)
            .filter(clients::Column::Id.is_in(client_ids))
            .into_tuple::<(ClientId, String)>()
            .all()
            .await?
            .into_iter()
            .collect()
    };
    tx.commit_agency_wide_read().await?;
    let no_counts = store::Counts::default();
    let unread: Vec<ReportSummary> = unread_rows
        .iter()
        .map(|r| {
            let name = client_names.get(&r.client_id).cloned().unwrap_or_default();
            store::summary(r, &name, None, &no_counts, &agency, today, now)
        })
        .collect();
    let questions = questions
        .into_iter()
        .map(|q| OpenQuestion {
            id: q.id,
            report_id: q.report_id,
            report_title: titles.get(&q.report_id).cloned().unwrap_or_default(),
            client_id: q.client_id,
            client_name: client_names.get(&q.client_id).cloned().unwrap_or_default(),
            author: q.author_name,
            excerpt: q.body.chars().take(200).collect(),
            at: q.at,
        })
        .collect();
    Ok(ReportsDue { today, due, due_total, unread, questions })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn periods_go_back_from_today_but_not_before_the_client() {
        let p = periods(ReportCadence::Weekly, d(2026, 12, 3), d(2026, 11, 18), 6);
        let starts: Vec<NaiveDate> = p.iter().map(|p| p.start).collect();
        assert_eq!(starts, [d(2026, 11, 30), d(2026, 11, 23), d(2026, 11, 16)]);
        let m = periods(ReportCadence::Monthly, d(2026, 12, 3), d(2020, 1, 1), 3);
        assert_eq!(m.iter().map(|p| p.start).collect::<Vec<_>>(), [d(2026, 12, 1), d(2026, 11, 1), d(2026, 10, 1)]);
    }
}
