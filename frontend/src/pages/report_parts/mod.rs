//! Pieces of reports that the staff app and the portal both show: kinds, states and section
//! kinds in words, the period, the KPI table, the period's numbers, the PDF links, the questions
//! thread, and the words for a refused report call.

use crate::api::{ApiError, ErrorCode};
use crate::components::charts::{format_number, ProgressBar};
use crate::i18n::{error_text, fill, format_date_time, format_report_period, use_i18n, Texts};
use accord_api::error::Code;
use accord_api::reports::{DuePeriod, KpiRow, ReportMessage, ReportStats, ReportStatus, SectionKind};
use accord_api::{Locale, ReportCadence, ReportMessageId, Side};
use chrono::NaiveDate;
use leptos::prelude::*;

pub fn kind_label(t: &Texts, kind: ReportCadence) -> &'static str {
    match kind {
        ReportCadence::Weekly => t.reports().kind_weekly,
        ReportCadence::Monthly => t.reports().kind_monthly,
    }
}

pub fn section_kind_label(t: &Texts, kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::Done => t.reports().section_done,
        SectionKind::Planned => t.reports().section_planned,
        SectionKind::Problems => t.reports().section_problems,
        SectionKind::Kpis => t.reports().section_kpis,
        SectionKind::Free => t.reports().section_free,
    }
}

/// `.period-label`: the report's period in words, following the language.
pub fn period_view(kind: ReportCadence, start: NaiveDate, end: NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class="period-label">{move || format_report_period(i18n.locale(), kind, &start, &end)}</span> }
}

/// `.badge.report-status[data-status]`: grey for a draft, green once published.
pub fn status_badge(status: ReportStatus) -> impl IntoView {
    let i18n = use_i18n();
    let (class, text): (&str, fn(&Texts) -> &'static str) = match status {
        ReportStatus::Draft => ("badge badge-grey report-status", |t| t.reports().status_draft),
        ReportStatus::Published => ("badge badge-green report-status", |t| t.reports().status_published),
    };
    view! { <span class=class data-status=status.as_str()>{move || text(i18n.t())}</span> }
}

/// Where a period stands: published, overdue (with or without a draft), a draft written, due.
pub fn period_state(period: &DuePeriod) -> &'static str {
    if period.published {
        "published"
    } else if period.overdue {
        "overdue"
    } else if period.report_id.is_some() {
        "draft"
    } else {
        "due"
    }
}

/// `.badge.period-badge[data-state]` for [`period_state`].
pub fn period_badge(period: &DuePeriod) -> impl IntoView {
    let i18n = use_i18n();
    let state = period_state(period);
    let (class, text): (&str, fn(&Texts) -> &'static str) = match state {
        "published" => ("badge badge-green period-badge", |t| t.reports_staff().period_published),
        "overdue" => ("badge badge-red period-badge", |t| t.reports_staff().period_overdue),
        "draft" => ("badge badge-blue period-badge", |t| t.reports_staff().period_draft),
        _ => ("badge badge-amber period-badge", |t| t.reports_staff().period_due),
    };
    view! { <span class=class data-state=state>{move || text(i18n.t())}</span> }
}

/// A value with its unit: "1 250,5 визитов".
pub fn with_unit(locale: Locale, value: f64, unit: &str) -> String {
    let number = format_number(locale, value);
    if unit.trim().is_empty() {
        number
    } else {
        format!("{number} {unit}")
    }
}

/// A change with its sign: "+12", "−3", "0".
pub fn signed(locale: Locale, value: f64) -> String {
    if value > 0.0 {
        format!("+{}", format_number(locale, value))
    } else if value < 0.0 {
        format!("−{}", format_number(locale, -value))
    } else {
        format_number(locale, 0.0)
    }
}

/// Which way a KPI moved over the period: `(class, arrow)`; green toward the target, red away
/// from it, grey when it did not move.
fn direction(row: &KpiRow) -> (&'static str, &'static str) {
    let arrow = if row.change > 0.0 { "▲" } else { "▼" };
    if row.change == 0.0 {
        ("kpi-change kpi-flat", "●")
    } else if row.toward_target {
        ("kpi-change kpi-toward", arrow)
    } else {
        ("kpi-change kpi-away", arrow)
    }
}

/// `table.kpi-table`: goal, value at the start and end of the period, the change with an arrow
/// coloured by whether it moves toward the target, progress from baseline to target.
#[component]
pub fn KpiTable(kpis: Vec<KpiRow>) -> impl IntoView {
    let i18n = use_i18n();
    if kpis.is_empty() {
        return view! { <p class="muted kpi-empty">{move || i18n.t().reports().no_kpis}</p> }.into_any();
    }
    let rows = kpis
        .into_iter()
        .map(|row| {
            let (class, arrow) = direction(&row);
            let toward = row.toward_target;
            let flat = row.change == 0.0;
            let pct = row.progress_pct;
            let unit = row.unit.clone();
            let (start, end, change, target) = (row.start, row.end, row.change, row.target);
            let (u1, u2, u3) = (unit.clone(), unit.clone(), unit.clone());
            let hint = move || {
                let t = i18n.t().reports();
                match (flat, toward) {
                    (true, _) => t.kpi_flat,
                    (false, true) => t.kpi_toward,
                    (false, false) => t.kpi_away,
                }
            };
            view! {
                <tr class="kpi-row" data-goal=row.goal_id.to_string() data-toward=toward.to_string()>
                    <td class="cell-main">
                        <span class="kpi-name">{row.name.clone()}</span>
                        <div class="cell-sub">
                            {move || fill(i18n.t().reports().kpi_target, &[&with_unit(i18n.locale(), target, &u3)])}
                        </div>
                    </td>
                    <td class="num kpi-start">{move || with_unit(i18n.locale(), start, &u1)}</td>
                    <td class="num kpi-end">{move || with_unit(i18n.locale(), end, &u2)}</td>
                    <td class="num">
                        <span class=class title=hint>
                            <span class="kpi-arrow" aria-hidden="true">{arrow}</span>
                            " " {move || signed(i18n.locale(), change)}
                            <span class="sr-only">" (" {hint} ")"</span>
                        </span>
                    </td>
                    <td class="kpi-progress-cell">
                        <ProgressBar pct=Signal::stored(Some(pct)) class_name="kpi-progress" />
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table kpi-table">
                <thead>
                    <tr>
                        <th>{move || i18n.t().reports().kpi_goal}</th>
                        <th class="num">{move || i18n.t().reports().kpi_start}</th>
                        <th class="num">{move || i18n.t().reports().kpi_end}</th>
                        <th class="num">{move || i18n.t().reports().kpi_change}</th>
                        <th>{move || i18n.t().reports().kpi_progress}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// `dl.report-stats`: items done and planned, promises kept of those due, meetings held.
#[component]
pub fn StatsList(stats: ReportStats) -> impl IntoView {
    let i18n = use_i18n();
    let (kept, due) = (stats.promises_kept, stats.promises_due);
    view! {
        <dl class="report-stats">
            <div class="report-stat stat-done">
                <dt>{move || i18n.t().reports().stat_done}</dt>
                <dd>{stats.done}</dd>
            </div>
            <div class="report-stat stat-planned">
                <dt>{move || i18n.t().reports().stat_planned}</dt>
                <dd>{stats.planned}</dd>
            </div>
            <div class="report-stat stat-promises">
                <dt>{move || i18n.t().reports().stat_promises}</dt>
                <dd>{move || fill(i18n.t().reports().stat_promises_value, &[&kept, &due])}</dd>
            </div>
            <div class="report-stat stat-meetings">
                <dt>{move || i18n.t().reports().stat_meetings}</dt>
                <dd>{stats.meetings_held}</dd>
            </div>
        </dl>
    }
}

/// `.pdf-links`: the report as a PDF in Russian and in English.
#[component]
pub fn PdfLinks(ru: String, en: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="pdf-links">
            <a class="btn btn-ghost btn-small pdf-link pdf-ru" href=ru download="report-ru.pdf">
                {move || i18n.t().reports().pdf_ru}
            </a>
            <a class="btn btn-ghost btn-small pdf-link pdf-en" href=en download="report-en.pdf">
                {move || i18n.t().reports().pdf_en}
            </a>
        </div>
    }
}

/// A top-level message (a question, or a note on no question) and what answers it, oldest
/// first. A reply whose question is not in the list stands on its own.
pub fn threads(mut messages: Vec<ReportMessage>) -> Vec<(ReportMessage, Vec<ReportMessage>)> {
    messages.sort_by_key(|m| m.at);
    let tops: Vec<ReportMessageId> = messages.iter().filter(|m| m.question_id.is_none()).map(|m| m.id).collect();
    let mut out: Vec<(ReportMessage, Vec<ReportMessage>)> = Vec::new();
    let mut replies = Vec::new();
    for m in messages {
        match m.question_id {
            Some(q) if tops.contains(&q) => replies.push(m),
            _ => out.push((m, Vec::new())),
        }
    }
    for reply in replies {
        if let Some((_, list)) = out.iter_mut().find(|(top, _)| Some(top.id) == reply.question_id) {
            list.push(reply);
        }
    }
    out
}

/// Whether a top-level message is a client's question (notes by staff are not).
pub fn is_question(message: &ReportMessage) -> bool {
    message.question_id.is_none() && message.side == Side::Client
}

/// `li.report-message` (`.from-agency` / `.from-client`, `.internal`, `data-id`): who wrote it,
/// which side, when, the server's sanitized HTML, then `children` (badges, actions, replies).
#[component]
pub fn MessageItem(
    message: ReportMessage,
    /// What marks an internal note (staff only; the portal never gets one).
    #[prop(optional)]
    internal_label: Option<fn(&Texts) -> &'static str>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ReportMessage { id, side, author, internal, body_html, at, .. } = message;
    let side_text = move || match side {
        Side::Agency => i18n.t().reports().from_agency,
        Side::Client => i18n.t().reports().from_client,
    };
    view! {
        <li class="report-message" class:internal=internal class:from-agency=side == Side::Agency
            class:from-client=side == Side::Client data-id=id.to_string() data-side=side.as_str()>
            <div class="message-head">
                <span class="message-author">{author}</span>
                <span class=format!("side-tag side-{}", side.as_str())>{side_text}</span>
                {internal.then(|| internal_label.map(|label| view! {
                    <span class="badge badge-violet internal-badge">{move || label(i18n.t())}</span>
                }))}
                <span class="message-date muted">{move || format_date_time(i18n.locale(), &at)}</span>
            </div>
            // The server renders and sanitizes the text.
            <div class="rich-text message-body" inner_html=body_html></div>
            {children.map(|c| c())}
        </li>
    }
}

/// A report call's answer in words: a refused field is named in the reader's language.
pub fn report_error_text(t: &'static Texts, error: &ApiError) -> String {
    if error.is(Code::ValidationFailed) {
        if let Some(label) = error.field.as_deref().and_then(|f| field_label(t, f)) {
            return fill(t.errors().validation_field, &[&label]);
        }
    }
    error_text(t, error)
}

/// A staff report call's answer in words: a report that exists already, a period not begun, the
/// sections' rule; otherwise as [`report_error_text`].
pub fn staff_error_text(t: &'static Texts, error: &ApiError) -> String {
    // `report_exists`: the code the contract's notes used for an existing report.
    if error.is(Code::AlreadyExists) || matches!(&error.code, ErrorCode::Unknown(c) if c == "report_exists") {
        return t.reports_staff().report_exists.to_owned();
    }
    match (error.known(), error.field.as_deref()) {
        (Some(Code::ValidationFailed), Some("period_of")) => t.reports_staff().future_period.to_owned(),
        (Some(Code::ValidationFailed), Some("sections")) => t.reports_staff().sections_rule.to_owned(),
        _ => report_error_text(t, error),
    }
}

/// The report fields the server may name (`sections[2].title` names the title).
fn field_label(t: &'static Texts, field: &str) -> Option<&'static str> {
    let last = field.rsplit('.').next().unwrap_or(field);
    let label = match last {
        "title" => t.reports().field_title,
        "body" => t.reports().field_body,
        "period_of" => t.reports().field_period_of,
        "project_id" => t.reports().field_project,
        "notify" => t.reports().field_notify,
        "question_id" => t.reports().field_question,
        _ if field.starts_with("sections") => t.reports().field_sections,
        _ => return None,
    };
    Some(label)
}

#[cfg(test)]
mod tests {
    use super::{is_question, threads};
    use accord_api::reports::ReportMessage;
    use accord_api::{ReportMessageId, Side};
    use chrono::{DateTime, Utc};

    fn message(minute: i64, side: Side, question: Option<ReportMessageId>) -> ReportMessage {
        ReportMessage {
            id: ReportMessageId::new(),
            question_id: question,
            side,
            author: String::new(),
            internal: false,
            body_html: String::new(),
            at: DateTime::<Utc>::from_timestamp(1_800_000_000 + minute * 60, 0).unwrap(),
            answered: false,
            backlog_item: None,
            backlog_project_id: None,
        }
    }

    #[test]
    fn answers_go_under_their_question_in_time_order() {
        let q1 = message(0, Side::Client, None);
        let q2 = message(5, Side::Client, None);
        let note = message(7, Side::Agency, None);
        let a1 = message(9, Side::Agency, Some(q1.id));
        let a0 = message(3, Side::Agency, Some(q1.id));
        let orphan = message(1, Side::Agency, Some(ReportMessageId::new()));
        let all = vec![a1.clone(), note.clone(), q2.clone(), orphan.clone(), a0.clone(), q1.clone()];
        let grouped = threads(all);
        let tops: Vec<_> = grouped.iter().map(|(m, _)| m.id).collect();
        assert_eq!(tops, [q1.id, orphan.id, q2.id, note.id]);
        let under_q1: Vec<_> = grouped[0].1.iter().map(|m| m.id).collect();
        assert_eq!(under_q1, [a0.id, a1.id]);
        assert!(grouped[2].1.is_empty());
        assert!(is_question(&q1) && !is_question(&note) && !is_question(&a0));
    }
}
