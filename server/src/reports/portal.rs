//! Reports in the portal: the client's published reports (the latest revision of each), a KPI
//! trend across them, a report page that records who opened it, and questions on a report.
//! Drafts, internal notes and read receipts never reach the portal.

use super::store::{self, PublishedSection};
use super::{notify, ReportError};
use crate::clients::access;
use crate::db::{ClientTx, ClientView};
use crate::domain::Field;
use crate::error::ApiResult;
use crate::paging::PageQuery;
use crate::state::AppState;
use crate::tenancy::PortalContact;
use accord_api::input;
use accord_api::reports::{
    KpiPoint, KpiRow, KpiTrend, NewQuestion, PortalReport, PortalReportSummary, PortalReports, PortalSection,
};
use accord_api::{ContactId, ReportId, ReportMessageId, Side};
use accord_entity::{contacts, report_messages, report_reads, report_revisions, reports};
use sea_orm::sea_query::{Expr, Query, SimpleExpr};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashSet;

/// How many published reports the KPI trend spans.
const TREND_REPORTS: u64 = 12;

/// Published reports of the client that this contact has not opened, as a sub-select (a count).
pub fn unread_count(tx: &ClientView, contact: ContactId) -> SimpleExpr {
    tx.find::<reports::Entity>()
        .filter(reports::Column::Revision.gt(0))
        .filter(
            Expr::exists(
                Query::select()
                    .expr(Expr::val(1))
                    .from(report_reads::Entity)
                    .and_where(
                        Expr::col((report_reads::Entity, report_reads::Column::ReportId))
                            .equals((reports::Entity, reports::Column::Id)),
                    )
                    .and_where(Expr::col((report_reads::Entity, report_reads::Column::ContactId)).eq(contact))
                    .to_owned(),
            )
            .not(),
        )
        .count_sub_select()
}

fn summary(r: &reports::Model, project: Option<String>, read: bool) -> PortalReportSummary {
    PortalReportSummary {
        id: r.id,
        project_name: project,
        kind: r.kind,
        period_start: r.period_start,
        period_end: r.period_end,
        title: r.title.clone(),
        revision: u32::try_from(r.revision).unwrap_or(0),
        published_at: r.published_at.unwrap_or(r.updated_at),
        read,
    }
}

/// The client's published reports, newest period first, and the KPI trend (five queries).
pub async fn list(state: &AppState, contact: &PortalContact, query: &PageQuery) -> ApiResult<PortalReports> {
    let paging = query.paging()?;
    let tx = access::open_portal_read(state, contact).await?;
    let published = tx.find::<reports::Entity>().filter(reports::Column::Revision.gt(0));
    let total = published.clone().count().await?;
    let rows = published
        .order_by_desc(reports::Column::PeriodStart)
        .order_by_asc(reports::Column::Kind)
        .offset(paging.offset())
        .limit(paging.limit())
        .all()
        .await?;
    let ids: Vec<ReportId> = rows.iter().map(|r| r.id).collect();
    let read: HashSet<ReportId> = if ids.is_empty() {
        HashSet::new()
    } else {
        tx.find::<report_reads::Entity>()
            .select_only()
            .column(report_reads::Column::ReportId)
            .filter(report_reads::Column::ContactId.eq(contact.contact()))
            .filter(report_reads::Column::ReportId.is_in(ids))
            .into_tuple::<ReportId>()
            .all()
            .await?
            .into_iter()
            .collect()
    };
    let projects = store::project_names(&tx).await?;
    // The trend: client-wide reports' KPI rows at the end of each period, oldest first.
    let trend_rows: Vec<(chrono::NaiveDate, String)> = tx
        .find::<reports::Entity>()
        .select_only()
        .column(reports::Column::PeriodEnd)
        .column(reports::Column::Kpis)
        .filter(reports::Column::Revision.gt(0))
        .filter(reports::Column::ProjectId.is_null())
        .order_by_desc(reports::Column::PeriodEnd)
        .limit(TREND_REPORTS)
        .into_tuple()
        .all()
        .await?;
    tx.commit().await?;
    let mut trend: Vec<KpiTrend> = Vec::new();
    let mut seen: HashSet<chrono::NaiveDate> = HashSet::new();
    for (end, kpis) in trend_rows.iter().rev() {
        if !seen.insert(*end) {
            continue;
        }
        let rows: Vec<KpiRow> = store::parse(kpis)?;
        for k in rows {
            let point = KpiPoint { period_end: *end, value: k.end };
            match trend.iter_mut().find(|t| t.goal_id == k.goal_id) {
                Some(t) => t.points.push(point),
                None => trend.push(KpiTrend {
                    goal_id: k.goal_id,
                    name: k.name,
                    unit: k.unit,
                    baseline: k.baseline,
                    target: k.target,
                    points: vec![point],
                }),
            }
        }
    }
    let items = rows
        .iter()
        .map(|r| summary(r, r.project_id.and_then(|p| projects.get(&p).cloned()), read.contains(&r.id)))
        .collect();
    Ok(PortalReports { reports: paging.page_of(items, total), trend })
}

async fn published(tx: &ClientTx, id: ReportId) -> ApiResult<reports::Model> {
    let r = store::report(tx, id).await?;
    if r.revision == 0 {
        return Err(ReportError::NotFound.into());
    }
    Ok(r)
}

/// Records that the contact opened the report: the first time, or one more time.
/// Counts an open; returns whether it was this contact's first (the report's health signal
/// changes only then).
async fn record_read(tx: &ClientTx, report: ReportId, contact: ContactId) -> ApiResult<bool> {
    let now = tx.now();
    let bumped = tx
        .update_many::<report_reads::Entity>()
        .col_expr(report_reads::Column::LastAt, Expr::value(now))
        .col_expr(report_reads::Column::Opens, Expr::col(report_reads::Column::Opens).add(1))
        .filter(report_reads::Column::ReportId.eq(report))
        .filter(report_reads::Column::ContactId.eq(contact))
        .exec()
        .await?;
    if bumped.rows_affected == 0 {
        tx.insert(report_reads::ActiveModel::from(report_reads::Model {
            id: uuid::Uuid::new_v4(),
            agency_id: tx.agency_id(),
            client_id: tx.client_id(),
            report_id: report,
            contact_id: contact,
            first_at: now,
            last_at: now,
            opens: 1,
        }))
        .await?;
    }
    Ok(bumped.rows_affected == 0)
}

/// The latest revision as the portal shows it; sections changed since the revision before are marked.
async fn view(tx: &ClientTx, r: &reports::Model, read: bool) -> ApiResult<PortalReport> {
    let revisions = tx
        .find::<report_revisions::Entity>()
        .filter(report_revisions::Column::ReportId.eq(r.id))
        .filter(report_revisions::Column::Revision.gte(r.revision - 1))
        .order_by_desc(report_revisions::Column::Revision)
        .all()
        .await?;
    let latest = revisions.first().ok_or(ReportError::NotFound)?;
    let sections: Vec<PublishedSection> = store::parse(&latest.sections)?;
    let before: Option<Vec<PublishedSection>> = match revisions.get(1) {
        Some(prev) => Some(store::parse(&prev.sections)?),
        None => None,
    };
    let project = match r.project_id {
        Some(p) => store::project_names(tx).await?.remove(&p),
        None => None,
    };
    let agency = store::agency(tx).await?;
    let messages = store::messages(tx, r.id, true).await?;
    let mut s = summary(r, project, read);
    s.title = latest.title.clone();
    Ok(PortalReport {
        summary: s,
        changed: latest.revision > 1,
        agency_name: agency.name,
        sections: sections
            .into_iter()
            .map(|x| {
                let changed =
                    before.as_ref().is_some_and(|b| !b.iter().any(|p| p.title == x.title && p.html == x.html));
                PortalSection { kind: x.kind, title: x.title, html: x.html, changed }
            })
            .collect(),
        kpis: store::parse(&latest.kpis)?,
        stats: store::parse(&latest.stats)?,
        messages,
    })
}

/// A published report; opening it records a read receipt for the contact.
pub async fn get(state: &AppState, contact: &PortalContact, id: ReportId) -> ApiResult<PortalReport> {
    // Two people opening at once may both try to write the first receipt; the loser reads the
    // winner's and counts one more.
    let mut attempt = 0;
    loop {
        let tx = access::open_portal(state, contact).await?;
        let r = published(&tx, id).await?;
        match record_read(&tx, r.id, contact.contact()).await {
            Ok(first) => {
                let v = view(&tx, &r, true).await?;
                if first {
                    crate::health::changed(&tx).await?;
                }
                tx.commit().await?;
                return Ok(v);
            }
            Err(e) if attempt == 0 && e.code() == accord_api::error::Code::AlreadyExists => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

/// A contact's question on a published report (any contact may ask).
#[tracing::instrument(skip(state, input))]
pub async fn ask(
    state: &AppState,
    contact: &PortalContact,
    id: ReportId,
    input: NewQuestion,
) -> ApiResult<PortalReport> {
    let body = input::Message::parse(&input.body).field("body")?;
    let tx = access::open_portal(state, contact).await?;
    let r = published(&tx, id).await?;
    let me = tx
        .find::<contacts::Entity>()
        .filter(contacts::Column::Id.eq(contact.contact()))
        .one()
        .await?
        .ok_or(ReportError::NotFound)?;
    tx.insert(report_messages::ActiveModel::from(report_messages::Model {
        id: ReportMessageId::new(),
        agency_id: tx.agency_id(),
        client_id: tx.client_id(),
        report_id: r.id,
        question_id: None,
        side: Side::Client,
        author_id: contact.user(),
        author_name: me.name.clone(),
        internal: false,
        body_html: crate::rich::render(&body),
        body,
        backlog_item_id: None,
        answered_at: None,
        at: tx.now(),
    }))
    .await?;
    notify::asked(&tx, state, &r, &me.name).await?;
    let read = tx
        .find::<report_reads::Entity>()
        .filter(report_reads::Column::ReportId.eq(r.id))
        .filter(report_reads::Column::ContactId.eq(contact.contact()))
        .count()
        .await?
        > 0;
    let v = view(&tx, &r, read).await?;
    tx.commit().await?;
    Ok(v)
}

/// The portal's copy of a report for the PDF: the latest revision.
pub async fn latest(
    state: &AppState,
    contact: &PortalContact,
    id: ReportId,
) -> ApiResult<(reports::Model, report_revisions::Model, String, Option<String>, accord_api::Locale, String)> {
    let tx = access::open_portal_read(state, contact).await?;
    let r = published(&tx, id).await?;
    let latest = tx
        .find::<report_revisions::Entity>()
        .filter(report_revisions::Column::ReportId.eq(r.id))
        .filter(report_revisions::Column::Revision.eq(r.revision))
        .one()
        .await?
        .ok_or(ReportError::NotFound)?;
    let agency = store::agency(&tx).await?;
    let project = match r.project_id {
        Some(p) => store::project_names(&tx).await?.remove(&p),
        None => None,
    };
    tx.commit().await?;
    Ok((r, latest, agency.name, project, agency.default_locale, agency.time_zone))
}
