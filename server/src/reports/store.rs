//! Reading and writing reports: the stored JSON of sections, KPI rows and facts, summaries for
//! lists, and the whole report as staff see it (a constant number of queries).

use super::period::{self, Period};
use super::ReportError;
use crate::db::ClientTx;
use crate::error::{ApiError, ApiResult};
use crate::rich;
use accord_api::meetings::BacklogRef;
use accord_api::projects::ContactRef;
use accord_api::reports::{
    KpiRow, PreviousReport, ReadReceipt, ReportMessage, ReportStats, ReportSummary, ReportView, SectionKind,
    SectionView,
};
use accord_api::{ReportId, StaffRef};
use accord_entity::{agencies, backlog_items, contacts, projects, report_messages, report_reads, reports, users};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A section as stored: the Markdown, its sanitized HTML and the renderer version that made it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredSection {
    pub kind: SectionKind,
    pub title: String,
    pub body: String,
    pub html: String,
    pub v: i32,
    pub hidden: bool,
}

impl StoredSection {
    pub fn new(kind: SectionKind, title: String, body: String, hidden: bool) -> Self {
        let html = rich::render(&body);
        Self { kind, title, body, html, v: rich::VERSION, hidden }
    }

    pub fn html(&self) -> String {
        rich::html_of(&self.body, &self.html, self.v)
    }

    /// What the client gets: not hidden, and with something to read (the KPI section always
    /// has its table).
    pub fn published(&self) -> bool {
        !self.hidden && (self.kind == SectionKind::Kpis || !self.body.trim().is_empty())
    }
}

/// A published section: what the portal shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedSection {
    pub kind: SectionKind,
    pub title: String,
    pub html: String,
}

pub fn json<T: Serialize>(value: &T) -> ApiResult<String> {
    serde_json::to_string(value).map_err(ApiError::internal)
}

pub fn parse<T: for<'de> Deserialize<'de>>(text: &str) -> ApiResult<T> {
    serde_json::from_str(text).map_err(ApiError::internal)
}

pub async fn agency(tx: &ClientTx) -> ApiResult<agencies::Model> {
    tx.agency().find::<agencies::Entity>().one().await?.ok_or_else(ApiError::not_found)
}

pub fn today(agency: &agencies::Model, now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&period::zone(&agency.time_zone)).date_naive()
}

pub async fn report(tx: &ClientTx, id: ReportId) -> ApiResult<reports::Model> {
    Ok(tx.find::<reports::Entity>().filter(reports::Column::Id.eq(id)).one().await?.ok_or(ReportError::NotFound)?)
}

pub fn period_of(r: &reports::Model) -> Period {
    Period { kind: r.kind, start: r.period_start, end: r.period_end }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// What a list needs to know of a report besides its row.
#[derive(Clone, Debug, Default)]
pub struct Counts {
    pub readers: u32,
    pub open_questions: u32,
}

/// Readers and unanswered questions of the given reports (two grouped queries).
pub async fn counts(tx: &ClientTx, ids: &[ReportId]) -> ApiResult<HashMap<ReportId, Counts>> {
    let mut out: HashMap<ReportId, Counts> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let readers: Vec<(ReportId, i64)> = tx
        .find::<report_reads::Entity>()
        .select_only()
        .column(report_reads::Column::ReportId)
        .column_as(report_reads::Column::Id.count(), "n")
        .filter(report_reads::Column::ReportId.is_in(ids.iter().copied()))
        .group_by(report_reads::Column::ReportId)
        .into_tuple()
        .all()
        .await?;
    for (id, n) in readers {
        out.entry(id).or_default().readers = u32::try_from(n).unwrap_or(0);
    }
    let open: Vec<(ReportId, i64)> = tx
        .find::<report_messages::Entity>()
        .select_only()
        .column(report_messages::Column::ReportId)
        .column_as(report_messages::Column::Id.count(), "n")
        .filter(report_messages::Column::ReportId.is_in(ids.iter().copied()))
        .filter(report_messages::Column::Side.eq(accord_api::Side::Client))
        .filter(report_messages::Column::AnsweredAt.is_null())
        .group_by(report_messages::Column::ReportId)
        .into_tuple()
        .all()
        .await?;
    for (id, n) in open {
        out.entry(id).or_default().open_questions = u32::try_from(n).unwrap_or(0);
    }
    Ok(out)
}

pub fn summary(
    r: &reports::Model,
    client_name: &str,
    project_name: Option<String>,
    c: &Counts,
    agency: &agencies::Model,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> ReportSummary {
    let published = r.revision > 0;
    ReportSummary {
        id: r.id,
        client_id: r.client_id,
        client_name: client_name.to_string(),
        project_id: r.project_id,
        project_name,
        kind: r.kind,
        period_start: r.period_start,
        period_end: r.period_end,
        title: r.title.clone(),
        status: r.status,
        revision: u32::try_from(r.revision).unwrap_or(0),
        published_at: r.published_at,
        unpublished_changes: published && r.draft_changed,
        due_on: r.due_on,
        overdue: !published && today > r.due_on,
        readers: c.readers,
        unread_flag: published
            && c.readers == 0
            && r.published_at.is_some_and(|at| now - at > Duration::days(i64::from(agency.report_read_days))),
        open_questions: c.open_questions,
        auto_drafted: r.auto_drafted,
    }
}

/// The project names of a client (for lists).
pub async fn project_names(tx: &ClientTx) -> ApiResult<HashMap<accord_api::ProjectId, String>> {
    Ok(tx
        .find::<projects::Entity>()
        .select_only()
        .column(projects::Column::Id)
        .column(projects::Column::Name)
        .into_tuple::<(accord_api::ProjectId, String)>()
        .all()
        .await?
        .into_iter()
        .collect())
}

pub fn section_views(sections: &[StoredSection]) -> Vec<SectionView> {
    sections
        .iter()
        .map(|s| SectionView {
            kind: s.kind,
            title: s.title.clone(),
            body: accord_api::roadmap::RichText { markdown: s.body.clone(), html: s.html() },
            hidden: s.hidden,
        })
        .collect()
}

/// The messages of a report, oldest first; `portal` leaves internal notes out.
pub async fn messages(tx: &ClientTx, report: ReportId, portal: bool) -> ApiResult<Vec<ReportMessage>> {
    let mut q = tx.find::<report_messages::Entity>().filter(report_messages::Column::ReportId.eq(report));
    if portal {
        q = q.filter(report_messages::Column::Internal.eq(false));
    }
    let rows = q.order_by_asc(report_messages::Column::At).all().await?;
    let linked: Vec<_> = rows.iter().filter_map(|m| m.backlog_item_id).collect();
    let ideas: HashMap<_, (String, accord_api::ProjectId)> = if linked.is_empty() || portal {
        HashMap::new()
    } else {
        tx.find::<backlog_items::Entity>()
            .select_only()
            .column(backlog_items::Column::Id)
            .column(backlog_items::Column::Title)
            .column(backlog_items::Column::ProjectId)
            .filter(backlog_items::Column::Id.is_in(linked))
            .into_tuple::<(accord_api::BacklogItemId, String, accord_api::ProjectId)>()
            .all()
            .await?
            .into_iter()
            .map(|(id, title, project)| (id, (title, project)))
            .collect()
    };
    Ok(rows
        .into_iter()
        .map(|m| ReportMessage {
            id: m.id,
            question_id: m.question_id,
            side: m.side,
            author: m.author_name,
            internal: m.internal,
            body_html: m.body_html,
            at: m.at,
            answered: m.answered_at.is_some(),
            // The portal sees that a question became an idea, not the idea (ideas are internal).
            backlog_item: if portal {
                None
            } else {
                m.backlog_item_id
                    .map(|id| BacklogRef { id, title: ideas.get(&id).map(|(t, _)| t.clone()).unwrap_or_default() })
            },
            backlog_project_id: if portal {
                None
            } else {
                m.backlog_item_id.and_then(|id| ideas.get(&id).map(|x| x.1))
            },
        })
        .collect())
}

/// The whole report for staff (about ten queries, whatever its size).
pub async fn view(tx: &ClientTx, r: &reports::Model, can_edit: bool) -> ApiResult<ReportView> {
    let agency = agency(tx).await?;
    let now = tx.now();
    let today = today(&agency, now);
    let project_name = match r.project_id {
        Some(p) => tx.find::<projects::Entity>().filter(projects::Column::Id.eq(p)).one().await?.map(|p| p.name),
        None => None,
    };
    let reads = tx
        .find::<report_reads::Entity>()
        .filter(report_reads::Column::ReportId.eq(r.id))
        .order_by_asc(report_reads::Column::FirstAt)
        .all()
        .await?;
    let people = tx.find::<contacts::Entity>().all().await?;
    let name_of: HashMap<_, _> = people.iter().map(|c| (c.id, c.name.clone())).collect();
    let messages = messages(tx, r.id, false).await?;
    let previous = previous(tx, r).await?;
    let published_by = match r.published_by {
        Some(id) => tx
            .agency()
            .find::<users::Entity>()
            .filter(users::Column::Id.eq(id))
            .one()
            .await?
            .map(|u| StaffRef { id, name: u.name }),
        None => None,
    };
    let counts = Counts {
        readers: count(reads.len()),
        open_questions: count(
            messages
                .iter()
                .filter(|m| m.side == accord_api::Side::Client && m.question_id.is_none() && !m.answered)
                .count(),
        ),
    };
    let not_read_by = if r.revision > 0 {
        people
            .iter()
            .filter(|c| c.user_id.is_some() && c.left_at.is_none() && !reads.iter().any(|x| x.contact_id == c.id))
            .map(|c| ContactRef { id: c.id, name: c.name.clone() })
            .collect()
    } else {
        vec![]
    };
    let sections: Vec<StoredSection> = parse(&r.sections)?;
    Ok(ReportView {
        summary: summary(r, &tx.client().name, project_name, &counts, &agency, today, now),
        version: u32::try_from(r.version).unwrap_or(0),
        sections: section_views(&sections),
        kpis: parse(&r.kpis)?,
        stats: parse(&r.stats)?,
        previous,
        reads: reads
            .into_iter()
            .map(|x| ReadReceipt {
                contact: ContactRef { id: x.contact_id, name: name_of.get(&x.contact_id).cloned().unwrap_or_default() },
                first_at: x.first_at,
                last_at: x.last_at,
                opens: u32::try_from(x.opens).unwrap_or(0),
            })
            .collect(),
        not_read_by,
        messages,
        published_by,
        can_edit,
    })
}

/// The report of the same kind and scope for the period before this one's.
async fn previous(tx: &ClientTx, r: &reports::Model) -> ApiResult<Option<PreviousReport>> {
    let mut q = tx
        .find::<reports::Entity>()
        .filter(reports::Column::Kind.eq(r.kind))
        .filter(reports::Column::PeriodStart.lt(r.period_start));
    q = match r.project_id {
        Some(p) => q.filter(reports::Column::ProjectId.eq(p)),
        None => q.filter(reports::Column::ProjectId.is_null()),
    };
    let Some(p) = q.order_by_desc(reports::Column::PeriodStart).one().await? else { return Ok(None) };
    let kpis: Vec<KpiRow> = parse(&p.kpis)?;
    let stats: ReportStats = parse(&p.stats)?;
    Ok(Some(PreviousReport { id: p.id, period_start: p.period_start, period_end: p.period_end, stats, kpis }))
}
