//! A report as a PDF: the agency's name on every page, the period, the sections as text, the
//! KPI table and a chart of each goal's progress toward its target. Staff get the current
//! draft (hidden sections left out), the portal the latest published revision.

use super::period::Period;
use super::store::{self, PublishedSection, StoredSection};
use super::ReportError;
use crate::clients::access::{self, Need};
use crate::error::{ApiError, ApiResult};
use crate::meetings::minutes_pdf::plain_from_html;
use crate::pdf::Pdf;
use crate::state::AppState;
use crate::tenancy::{PortalContact, Staff};
use accord_api::reports::{KpiRow, ReportStats};
use accord_api::{Locale, ReportId};
use accord_entity::reports;

struct Content {
    agency: String,
    title: String,
    period: Period,
    project: Option<String>,
    /// (revision, published on) or a draft.
    revision: Option<(i32, chrono::NaiveDate)>,
    sections: Vec<PublishedSection>,
    kpis: Vec<KpiRow>,
    stats: ReportStats,
}

struct Texts {
    period: &'static str,
    project: &'static str,
    revision: &'static str,
    draft: &'static str,
    facts: &'static str,
    facts_lines: [&'static str; 4],
    kpis: &'static str,
    columns: [&'static str; 5],
    chart: &'static str,
    page: &'static str,
}

fn texts(locale: Locale) -> Texts {
    match locale {
        Locale::Ru => Texts {
            period: "Период",
            project: "Проект",
            revision: "Редакция",
            draft: "черновик, не опубликован",
            facts: "Итоги периода",
            facts_lines: ["Задач завершено", "Запланировано", "Обещаний выполнено в срок", "Встреч проведено"],
            kpis: "Показатели",
            columns: ["Показатель", "На начало", "На конец", "Изменение", "Цель"],
            chart: "Путь к цели",
            page: "Страница {n} из {m}",
        },
        Locale::En => Texts {
            period: "Period",
            project: "Project",
            revision: "Revision",
            draft: "draft, not published",
            facts: "The period in figures",
            facts_lines: ["Items finished", "Planned", "Promises kept on time", "Meetings held"],
            kpis: "KPIs",
            columns: ["KPI", "At the start", "At the end", "Change", "Target"],
            chart: "Progress to target",
            page: "Page {n} of {m}",
        },
    }
}

/// A number as people write it: up to two decimals, no trailing zeros, the locale's decimal mark.
fn number(v: f64, locale: Locale) -> String {
    let mut s = format!("{:.2}", v);
    while s.contains('.') && (s.ends_with('0') || s.ends_with('.')) {
        s.pop();
    }
    if s == "-0" {
        s = "0".into();
    }
    match locale {
        Locale::Ru => s.replace('.', ","),
        Locale::En => s,
    }
}

fn with_unit(v: f64, unit: &str, locale: Locale) -> String {
    if unit.is_empty() {
        number(v, locale)
    } else {
        format!("{} {unit}", number(v, locale))
    }
}

fn day(d: chrono::NaiveDate, locale: Locale) -> String {
    match locale {
        Locale::Ru => d.format("%d.%m.%Y").to_string(),
        Locale::En => d.format("%-d %b %Y").to_string(),
    }
}

fn render(c: Content, locale: Locale) -> ApiResult<Vec<u8>> {
    let t = texts(locale);
    let mut pdf = Pdf::new(&c.agency, &c.title);
    pdf.heading(&c.title, 16.0);
    pdf.note(&format!("{}: {}", t.period, c.period.label(locale)));
    if let Some(p) = &c.project {
        pdf.note(&format!("{}: {p}", t.project));
    }
    match c.revision {
        Some((n, on)) => pdf.note(&format!("{} {n}, {}", t.revision, day(on, locale))),
        None => pdf.note(&format!("{}: {}", t.revision, t.draft)),
    }
    pdf.heading(t.facts, 13.0);
    let s = &c.stats;
    let facts = [
        format!("{}: {}", t.facts_lines[0], s.done),
        format!("{}: {}", t.facts_lines[1], s.planned),
        format!("{}: {} / {}", t.facts_lines[2], s.promises_kept, s.promises_due),
        format!("{}: {}", t.facts_lines[3], s.meetings_held),
    ];
    let items: Vec<(String, String)> = facts.iter().map(|f| ("•".to_string(), f.clone())).collect();
    pdf.list(&items, 11.0);
    for section in &c.sections {
        pdf.heading(&section.title, 13.0);
        let text = plain_from_html(&section.html);
        if !text.is_empty() {
            pdf.paragraph(&text, 11.0);
        }
        if section.kind == accord_api::reports::SectionKind::Kpis && !c.kpis.is_empty() {
            kpi_table(&mut pdf, &c.kpis, &t, locale);
        }
    }
    // A template without a KPI section still gets the table once, at the end.
    if !c.sections.iter().any(|s| s.kind == accord_api::reports::SectionKind::Kpis) && !c.kpis.is_empty() {
        pdf.heading(t.kpis, 13.0);
        kpi_table(&mut pdf, &c.kpis, &t, locale);
    }
    pdf.finish(|n, m| t.page.replace("{n}", &n.to_string()).replace("{m}", &m.to_string()))
        .map_err(|e| ApiError::internal(format!("pdf: {e}")))
}

fn kpi_table(pdf: &mut Pdf, kpis: &[KpiRow], t: &Texts, locale: Locale) {
    let header: Vec<String> = t.columns.iter().map(|s| (*s).to_string()).collect();
    let rows: Vec<Vec<String>> = kpis
        .iter()
        .map(|k| {
            let sign = if k.change > 0.0 { "+" } else { "" };
            vec![
                k.name.clone(),
                with_unit(k.start, &k.unit, locale),
                with_unit(k.end, &k.unit, locale),
                format!("{sign}{}", number(k.change, locale)),
                with_unit(k.target, &k.unit, locale),
            ]
        })
        .collect();
    pdf.table(&header, &rows, &[3.2, 1.6, 1.6, 1.4, 1.6], 9.5);
    pdf.note(t.chart);
    let bars: Vec<(String, f64, String)> =
        kpis.iter().map(|k| (k.name.clone(), f64::from(k.progress_pct), format!("{} %", k.progress_pct))).collect();
    pdf.bars_to(&bars, 100.0, 10.0);
}

/// A revision just published, for mail to contacts without portal access.
pub(super) fn of_revision(
    agency: &accord_entity::agencies::Model,
    r: &reports::Model,
    project: Option<String>,
    sections: Vec<PublishedSection>,
) -> ApiResult<Vec<u8>> {
    let tz = super::period::zone(&agency.time_zone);
    let on = r.published_at.unwrap_or(r.updated_at).with_timezone(&tz).date_naive();
    let content = Content {
        agency: agency.name.clone(),
        title: r.title.clone(),
        period: store::period_of(r),
        project,
        revision: Some((r.revision, on)),
        sections,
        kpis: store::parse(&r.kpis)?,
        stats: store::parse(&r.stats)?,
    };
    render(content, agency.default_locale)
}

/// The current draft for staff (hidden sections left out).
pub async fn staff(state: &AppState, staff: &Staff, id: ReportId, lang: Option<Locale>) -> ApiResult<Vec<u8>> {
    let tx = access::open_owner::<reports::Entity>(state, staff, reports::Column::Id, id.0, Need::Read).await?;
    let r = store::report(&tx, id).await?;
    let agency = store::agency(&tx).await?;
    let project = match r.project_id {
        Some(p) => store::project_names(&tx).await?.remove(&p),
        None => None,
    };
    tx.commit().await?;
    let sections: Vec<StoredSection> = store::parse(&r.sections)?;
    let tz = super::period::zone(&agency.time_zone);
    let content = Content {
        agency: agency.name,
        title: r.title.clone(),
        period: store::period_of(&r),
        project,
        revision: (r.revision > 0 && !r.draft_changed)
            .then(|| (r.revision, r.published_at.unwrap_or(r.updated_at).with_timezone(&tz).date_naive())),
        sections: sections
            .iter()
            .filter(|s| s.published())
            .map(|s| PublishedSection { kind: s.kind, title: s.title.clone(), html: s.html() })
            .collect(),
        kpis: store::parse(&r.kpis)?,
        stats: store::parse(&r.stats)?,
    };
    render(content, lang.unwrap_or(agency.default_locale))
}

/// The latest published revision, for the client.
pub async fn portal(
    state: &AppState,
    contact: &PortalContact,
    id: ReportId,
    lang: Option<Locale>,
) -> ApiResult<Vec<u8>> {
    let (r, latest, agency, project, locale, zone) = super::portal::latest(state, contact, id).await?;
    if latest.revision == 0 {
        return Err(ReportError::NotFound.into());
    }
    let tz = super::period::zone(&zone);
    let content = Content {
        agency,
        title: latest.title.clone(),
        period: store::period_of(&r),
        project,
        revision: Some((latest.revision, latest.published_at.with_timezone(&tz).date_naive())),
        sections: store::parse(&latest.sections)?,
        kpis: store::parse(&latest.kpis)?,
        stats: store::parse(&latest.stats)?,
    };
    render(content, lang.unwrap_or(locale))
}

#[cfg(test)]
mod tests {
    use super::number;
    use accord_api::Locale;

    #[test]
    fn numbers_read_in_the_locale() {
        assert_eq!(number(3.5, Locale::Ru), "3,5");
        assert_eq!(number(3.5, Locale::En), "3.5");
        assert_eq!(number(120.0, Locale::Ru), "120");
        assert_eq!(number(-0.001, Locale::En), "0");
        assert_eq!(number(2.256, Locale::En), "2.26");
    }
}
