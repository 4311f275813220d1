//! A new report's draft, made from the period's work: backlog items finished in it (with the
//! benefit each brings), items scheduled or in progress, each roadmap goal's value at the start
//! and the end, agency promises that fell due (and were kept), and meetings held. The agency's
//! template (or the built-in one in its language) gives the sections and their order.

use super::period::{self, Period};
use super::store::{self, StoredSection};
use crate::db::ClientTx;
use crate::error::{ApiError, ApiResult};
use accord_api::meetings::{MeetingStatus, Side};
use accord_api::reports::{KpiRow, ReportStats, ReportStatus, SectionKind, TemplateSection};
use accord_api::{BacklogStatus, Locale, ProjectId, ReportCadence, ReportId, UserId};
use accord_entity::{
    action_items, agencies, backlog_items, goal_values, meetings, projects, report_templates, reports, roadmap_goals,
};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// At most this many items are listed in a drafted section (the count says how many there were).
const LISTED: u64 = 100;

pub struct Facts {
    pub done: Vec<backlog_items::Model>,
    pub planned: Vec<backlog_items::Model>,
    pub kpis: Vec<KpiRow>,
    pub stats: ReportStats,
}

/// Who a draft is written by: a person, or the due-date job on the manager's behalf.
#[derive(Clone, Copy, Debug)]
pub struct Author {
    pub user: UserId,
    pub auto: bool,
}

/// Whether a report of the period's kind and start exists for this scope (the client, or one
/// project).
pub async fn exists(tx: &ClientTx, period: &Period, project: Option<ProjectId>) -> ApiResult<bool> {
    let q = tx
        .find::<reports::Entity>()
        .filter(reports::Column::Kind.eq(period.kind))
        .filter(reports::Column::PeriodStart.eq(period.start));
    let q = match project {
        Some(p) => q.filter(reports::Column::ProjectId.eq(p)),
        None => q.filter(reports::Column::ProjectId.is_null()),
    };
    Ok(q.count().await? > 0)
}

/// Writes the draft of `period` (for the client, or one project) from the period's work in
/// the agency's template and language (eight queries and the insert). The caller made sure no
/// report of this kind, period and scope exists (the unique index says so again).
pub async fn write(
    tx: &ClientTx,
    agency: &agencies::Model,
    period: &Period,
    project: Option<&projects::Model>,
    by: Author,
) -> ApiResult<reports::Model> {
    let locale = agency.default_locale;
    let (template, _) = template(tx.agency(), period.kind, locale).await?;
    let span = period.instants(period::zone(&agency.time_zone));
    let facts = facts(tx, project.map(|p| p.id), period, span).await?;
    let sections = sections(&template, &facts, locale);
    let now = tx.now();
    let row = reports::Model {
        id: ReportId::new(),
        agency_id: tx.agency_id(),
        client_id: tx.client_id(),
        project_id: project.map(|p| p.id),
        kind: period.kind,
        period_start: period.start,
        period_end: period.end,
        due_on: period.due_on(u32::try_from(agency.report_due_days).unwrap_or(2)),
        title: title(period, locale, project.map(|p| p.name.as_str())),
        sections: store::json(&sections)?,
        kpis: store::json(&facts.kpis)?,
        stats: store::json(&facts.stats)?,
        status: ReportStatus::Draft,
        revision: 0,
        version: 1,
        draft_changed: false,
        published_at: None,
        published_by: None,
        created_by: by.user,
        auto_drafted: by.auto,
        created_at: now,
        updated_at: now,
    };
    tx.insert(reports::ActiveModel::from(row.clone())).await?;
    Ok(row)
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The period's facts (six queries).
pub async fn facts(
    tx: &ClientTx,
    project: Option<ProjectId>,
    period: &Period,
    span: (DateTime<Utc>, DateTime<Utc>),
) -> ApiResult<Facts> {
    let (from, to) = span;
    let mut done_q = tx
        .find::<backlog_items::Entity>()
        .filter(backlog_items::Column::DoneAt.gte(from))
        .filter(backlog_items::Column::DoneAt.lt(to))
        .filter(backlog_items::Column::Status.eq(BacklogStatus::Done));
    let mut planned_q = tx
        .find::<backlog_items::Entity>()
        .filter(backlog_items::Column::Status.is_in([BacklogStatus::Scheduled, BacklogStatus::InProgress]));
    if let Some(p) = project {
        done_q = done_q.filter(backlog_items::Column::ProjectId.eq(p));
        planned_q = planned_q.filter(backlog_items::Column::ProjectId.eq(p));
    }
    let done_total = done_q.clone().count().await?;
    let done = done_q.order_by_asc(backlog_items::Column::DoneAt).limit(LISTED).all().await?;
    let planned_total = planned_q.clone().count().await?;
    let planned = planned_q
        .order_by_asc(backlog_items::Column::Status)
        .order_by_asc(backlog_items::Column::Rank)
        .limit(LISTED)
        .all()
        .await?;
    let kpis = kpis(tx, period).await?;
    let promises: Vec<(chrono::NaiveDate, Option<chrono::NaiveDate>)> = tx
        .find::<action_items::Entity>()
        .select_only()
        .column(action_items::Column::DueOn)
        .column(action_items::Column::DoneOn)
        .filter(action_items::Column::Side.eq(Side::Agency))
        .filter(action_items::Column::DueOn.gte(period.start))
        .filter(action_items::Column::DueOn.lte(period.end))
        .into_tuple()
        .all()
        .await?;
    let held = tx
        .find::<meetings::Entity>()
        .filter(meetings::Column::Status.eq(MeetingStatus::Held))
        .filter(meetings::Column::StartsAt.gte(from))
        .filter(meetings::Column::StartsAt.lt(to))
        .count()
        .await?;
    let stats = ReportStats {
        done: u32::try_from(done_total).unwrap_or(u32::MAX),
        planned: u32::try_from(planned_total).unwrap_or(u32::MAX),
        promises_due: count(promises.len()),
        promises_kept: count(promises.iter().filter(|(due, done)| done.is_some_and(|d| d <= *due)).count()),
        meetings_held: u32::try_from(held).unwrap_or(u32::MAX),
    };
    Ok(Facts { done, planned, kpis, stats })
}

/// Each goal's value at the start of the period (the latest measured before it) and at its end
/// (the latest measured on or before its last day); the baseline stands in for "never measured".
async fn kpis(tx: &ClientTx, period: &Period) -> ApiResult<Vec<KpiRow>> {
    let goals = tx.find::<roadmap_goals::Entity>().order_by_asc(roadmap_goals::Column::CreatedAt).all().await?;
    if goals.is_empty() {
        return Ok(vec![]);
    }
    let values = tx
        .find::<goal_values::Entity>()
        .filter(goal_values::Column::MeasuredOn.lte(period.end))
        .order_by_asc(goal_values::Column::MeasuredOn)
        .order_by_asc(goal_values::Column::RecordedAt)
        .all()
        .await?;
    let mut at_start: HashMap<_, f64> = HashMap::new();
    let mut at_end: HashMap<_, f64> = HashMap::new();
    for v in &values {
        if v.measured_on < period.start {
            at_start.insert(v.goal_id, v.value);
        }
        at_end.insert(v.goal_id, v.value);
    }
    Ok(goals
        .into_iter()
        .map(|g| {
            let start = at_start.get(&g.id).copied().unwrap_or(g.baseline);
            let end = at_end.get(&g.id).copied().unwrap_or(start);
            let change = end - start;
            let toward_target = change != 0.0 && (g.target - g.baseline).signum() == change.signum();
            KpiRow {
                goal_id: g.id,
                progress_pct: crate::roadmap::view::progress(g.baseline, g.target, end),
                name: g.name,
                unit: g.unit,
                baseline: g.baseline,
                target: g.target,
                start,
                end,
                change,
                toward_target,
            }
        })
        .collect())
}

/// The built-in template in the agency's language.
pub fn built_in(locale: Locale) -> Vec<TemplateSection> {
    let s = |kind, title: &str| TemplateSection { kind, title: title.to_string(), body: String::new() };
    match locale {
        Locale::Ru => vec![
            s(SectionKind::Done, "Что сделано"),
            s(SectionKind::Planned, "Что планируем дальше"),
            s(SectionKind::Problems, "Проблемы и что мы предлагаем"),
            s(SectionKind::Kpis, "Показатели"),
        ],
        Locale::En => vec![
            s(SectionKind::Done, "Done"),
            s(SectionKind::Planned, "Planned next"),
            s(SectionKind::Problems, "Problems and the steps we propose"),
            s(SectionKind::Kpis, "KPIs"),
        ],
    }
}

/// The agency's template for `kind`, or the built-in one (`true` when built in).
pub async fn template(
    tx: &crate::db::TenantTx,
    kind: ReportCadence,
    locale: Locale,
) -> ApiResult<(Vec<TemplateSection>, bool)> {
    let saved = tx.find::<report_templates::Entity>().filter(report_templates::Column::Kind.eq(kind)).one().await?;
    match saved {
        Some(t) => Ok((serde_json::from_str(&t.sections).map_err(ApiError::internal)?, false)),
        None => Ok((built_in(locale), true)),
    }
}

fn status_name(s: BacklogStatus, locale: Locale) -> &'static str {
    match (locale, s) {
        (Locale::Ru, BacklogStatus::InProgress) => "в работе",
        (Locale::Ru, _) => "запланировано",
        (Locale::En, BacklogStatus::InProgress) => "in progress",
        (Locale::En, _) => "scheduled",
    }
}

/// A Markdown list line that cannot break out of its item (no leading block syntax).
fn line(text: &str) -> String {
    text.replace(['\n', '\r'], " ").replace('*', "\\*").replace('_', "\\_").replace('[', "\\[")
}

/// The drafted sections: the template's, with the facts written into done and planned.
pub fn sections(template: &[TemplateSection], facts: &Facts, locale: Locale) -> Vec<StoredSection> {
    let more = |total: u32, listed: usize| {
        let rest = total.saturating_sub(count(listed));
        (rest > 0).then(|| match locale {
            Locale::Ru => format!("\n_…и ещё {rest}_"),
            Locale::En => format!("\n_…and {rest} more_"),
        })
    };
    template
        .iter()
        .map(|t| {
            let mut body = t.body.trim().to_string();
            let facts_text = match t.kind {
                SectionKind::Done if facts.done.is_empty() => Some(match locale {
                    Locale::Ru => "_За этот период задачи не завершались._".to_string(),
                    Locale::En => "_Nothing was finished in this period._".to_string(),
                }),
                SectionKind::Done => {
                    let mut lines: Vec<String> = facts
                        .done
                        .iter()
                        .map(|i| {
                            if i.benefit.trim().is_empty() {
                                format!("- **{}**", line(&i.title))
                            } else {
                                format!("- **{}** — {}", line(&i.title), line(i.benefit.trim()))
                            }
                        })
                        .collect();
                    lines.extend(more(facts.stats.done, facts.done.len()));
                    Some(lines.join("\n"))
                }
                SectionKind::Planned if facts.planned.is_empty() => Some(match locale {
                    Locale::Ru => "_Запланированных задач нет._".to_string(),
                    Locale::En => "_Nothing is scheduled yet._".to_string(),
                }),
                SectionKind::Planned => {
                    let mut lines: Vec<String> = facts
                        .planned
                        .iter()
                        .map(|i| format!("- {} ({})", line(&i.title), status_name(i.status, locale)))
                        .collect();
                    lines.extend(more(facts.stats.planned, facts.planned.len()));
                    Some(lines.join("\n"))
                }
                _ => None,
            };
            if let Some(f) = facts_text {
                if !body.is_empty() {
                    body.push_str("\n\n");
                }
                body.push_str(&f);
            }
            StoredSection::new(t.kind, t.title.clone(), body, false)
        })
        .collect()
}

/// "Отчёт за неделю 23–29 ноября 2026" / "Weekly report, Nov 23–29, 2026" (and the project).
pub fn title(period: &Period, locale: Locale, project: Option<&str>) -> String {
    let label = period.label(locale);
    let base = match (locale, period.kind) {
        (Locale::Ru, ReportCadence::Weekly) => format!("Отчёт за неделю {label}"),
        (Locale::Ru, ReportCadence::Monthly) => format!("Отчёт за {label}"),
        (Locale::En, ReportCadence::Weekly) => format!("Weekly report, {label}"),
        (Locale::En, ReportCadence::Monthly) => format!("Monthly report, {label}"),
    };
    match project {
        Some(p) => format!("{base} — {p}"),
        None => base,
    }
}

#[cfg(test)]
mod tests {
    use super::line;

    #[test]
    fn item_titles_stay_inside_their_list_line() {
        assert_eq!(line("a\n# b *c* [x](y)"), "a # b \\*c\\* \\[x](y)");
    }
}
