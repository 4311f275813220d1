//! `/app/reports`: report periods due within a week or overdue, by account manager (managers
//! with overdue reports first; `#due-card`, `.due-group[data-manager]`, `tr.due-row`), published
//! reports nobody opened (`#unread-card`), and client questions nobody answered
//! (`#open-questions-card`).

use crate::api::reports as api;
use crate::components::{async_view, EmptyState};
use crate::i18n::{fill, format_date, format_date_time, format_day, use_i18n};
use crate::pages::report_parts::{kind_label, period_badge, period_state, period_view};
use crate::routes::{ClientTab, Route};
use accord_api::reports::{DuePeriod, OpenQuestion, ReportSummary, ReportsDue};
use accord_api::StaffRef;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ReportsDuePage() -> impl IntoView {
    let i18n = use_i18n();
    let due = LocalResource::new(api::reports_due);
    view! {
        <section class="page reports-due-page">
            <div class="page-header">
                <div>
                    <h1>{move || i18n.t().reports_staff().due_title}</h1>
                    <p class="subtitle">{move || i18n.t().reports_staff().due_subtitle}</p>
                </div>
            </div>
            {async_view(due, |d| view! { <DueBody due=d /> })}
        </section>
    }
}

/// The periods by manager, keeping the server's order inside each group (overdue first, then by
/// due date); groups with anything overdue come first, then by name, the unmanaged last.
fn by_manager(due: Vec<DuePeriod>) -> Vec<(Option<StaffRef>, Vec<DuePeriod>)> {
    let mut groups: Vec<(Option<StaffRef>, Vec<DuePeriod>)> = Vec::new();
    for period in due {
        let manager = period.manager.clone();
        match groups.iter_mut().find(|(m, _)| m.as_ref().map(|m| m.id) == manager.as_ref().map(|m| m.id)) {
            Some((_, list)) => list.push(period),
            None => groups.push((manager, vec![period])),
        }
    }
    groups.sort_by_key(|(manager, list)| {
        let overdue = list.iter().any(|p| p.overdue);
        (!overdue, manager.is_none(), manager.as_ref().map(|m| m.name.clone()).unwrap_or_default())
    });
    groups
}

#[component]
fn DueBody(due: ReportsDue) -> impl IntoView {
    let i18n = use_i18n();
    let (shown, total) = (due.due.len(), due.due_total as usize);
    let groups = by_manager(due.due);
    let periods = if groups.is_empty() {
        view! { <EmptyState title=|t| t.reports_staff().nothing_due hint=|t| t.reports_staff().nothing_due_hint /> }
            .into_any()
    } else {
        groups
            .into_iter()
            .map(|(manager, list)| view! { <DueGroup manager=manager periods=list /> })
            .collect_view()
            .into_any()
    };
    view! {
        <div class="card card-flush" id="due-card">
            <div class="card-head"><h2 class="card-title">{move || i18n.t().reports_staff().due_card}</h2></div>
            {periods}
            {(total > shown).then(|| view! {
                <p class="card-hint due-cut">{move || fill(i18n.t().reports_staff().due_cut, &[&shown, &total])}</p>
            })}
        </div>
        <div class="card card-flush" id="unread-card">
            <div class="card-head"><h2 class="card-title">{move || i18n.t().reports_staff().unread_title}</h2></div>
            <UnreadTable reports=due.unread />
        </div>
        <div class="card" id="open-questions-card">
            <h2 class="card-title">{move || i18n.t().reports_staff().questions_title}</h2>
            <OpenQuestions questions=due.questions />
        </div>
    }
}

/// `.due-group[data-manager]`: one manager's periods (`tr.due-row[data-state]`).
#[component]
fn DueGroup(manager: Option<StaffRef>, periods: Vec<DuePeriod>) -> impl IntoView {
    let i18n = use_i18n();
    let key = manager.as_ref().map_or_else(|| "none".to_owned(), |m| m.id.to_string());
    let name = manager.map(|m| m.name);
    let overdue = periods.iter().filter(|p| p.overdue).count() as u64;
    let total = periods.len() as u64;
    view! {
        <section class="due-group" data-manager=key>
            <h3 class="due-manager">
                {move || name.clone().unwrap_or_else(|| i18n.t().reports_staff().no_manager.to_owned())}
                <span class="muted due-counts">
                    " · " {move || i18n.t().reports_staff().periods_count.count(total)}
                    {(overdue > 0).then(|| view! {
                        " · " <span class="due-overdue-count">{move || i18n.t().reports_staff().overdue_count.count(overdue)}</span>
                    })}
                </span>
            </h3>
            <div class="table-wrap">
                <table class="table due-table">
                    <thead>
                        <tr>
                            <th>{move || i18n.t().reports_staff().col_client}</th>
                            <th>{move || i18n.t().reports_staff().col_period}</th>
                            <th class="hide-sm">{move || i18n.t().reports_staff().col_due}</th>
                            <th>{move || i18n.t().reports_staff().col_status}</th>
                            <th></th>
                        </tr>
                    </thead>
                    <tbody>
                        {periods.into_iter().map(|p| view! { <DueRow period=p /> }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn DueRow(period: DuePeriod) -> impl IntoView {
    let i18n = use_i18n();
    let (kind, start, end, due) = (period.kind, period.period_start, period.period_end, period.due_on);
    let tab = Route::StaffClientTab(period.client_id, ClientTab::Reports).path();
    let action = match period.report_id {
        Some(id) => view! {
            <A href=Route::StaffReport(id).path() attr:class="btn btn-small btn-ghost open-report">
                {move || i18n.t().reports_staff().open}
            </A>
        }
        .into_any(),
        None => view! {
            <A href=tab.clone() attr:class="btn btn-small btn-ghost write-report-link">
                {move || i18n.t().reports_staff().write}
            </A>
        }
        .into_any(),
    };
    let (badge, state, overdue) = (period_badge(&period), period_state(&period), period.overdue);
    let earlier = period.earlier_unpublished;
    view! {
        <tr class="due-row" data-client=period.client_id.to_string() data-state=state class:ack-overdue=overdue>
            <td class="cell-main"><A href=tab attr:class="row-link">{period.client_name}</A></td>
            <td>
                {period_view(kind, start, end)}
                <div class="cell-sub">{move || kind_label(i18n.t(), kind)}</div>
                {(earlier > 0).then(|| view! {
                    <div class="cell-sub earlier-unpublished">
                        {move || i18n.t().reports_staff().earlier_unpublished.count(earlier.into())}
                    </div>
                })}
            </td>
            <td class="hide-sm date">{move || format_day(i18n.locale(), &due)}</td>
            <td>{badge}</td>
            <td class="actions">{action}</td>
        </tr>
    }
}

#[component]
fn UnreadTable(reports: Vec<ReportSummary>) -> impl IntoView {
    let i18n = use_i18n();
    if reports.is_empty() {
        return view! { <p class="muted card-empty-line" id="no-unread">{move || i18n.t().reports_staff().nothing_unread}</p> }
            .into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="table" id="unread-table">
                <thead>
                    <tr>
                        <th>{move || i18n.t().reports_staff().col_report}</th>
                        <th>{move || i18n.t().reports_staff().col_client}</th>
                        <th class="hide-sm">{move || i18n.t().reports_staff().col_published}</th>
                    </tr>
                </thead>
                <tbody>
                    {reports.into_iter().map(|r| {
                        let (kind, start, end, published) = (r.kind, r.period_start, r.period_end, r.published_at);
                        view! {
                            <tr class="unread-row" data-id=r.id.to_string()>
                                <td class="cell-main">
                                    <A href=Route::StaffReport(r.id).path() attr:class="row-link">{r.title.clone()}</A>
                                    <div class="cell-sub">{period_view(kind, start, end)}</div>
                                </td>
                                <td>
                                    <A href=Route::StaffClientTab(r.client_id, ClientTab::Reports).path()>{r.client_name.clone()}</A>
                                </td>
                                <td class="hide-sm date">{move || published.map(|at| format_date(i18n.locale(), &at))}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn OpenQuestions(questions: Vec<OpenQuestion>) -> impl IntoView {
    let i18n = use_i18n();
    if questions.is_empty() {
        return view! { <p class="muted" id="no-open-questions">{move || i18n.t().reports_staff().nothing_open}</p> }
            .into_any();
    }
    view! {
        <ul class="open-questions">
            {questions.into_iter().map(|q| {
                let (author, at) = (q.author.clone(), q.at);
                view! {
                    <li class="open-question" data-id=q.id.to_string() data-report=q.report_id.to_string()>
                        <p class="open-question-text">{q.excerpt.clone()}</p>
                        <p class="muted open-question-meta">
                            <A href=Route::StaffClientTab(q.client_id, ClientTab::Reports).path()>{q.client_name.clone()}</A>
                            <span class="meta-sep" aria-hidden="true">"·"</span>
                            <A href=Route::StaffReport(q.report_id).path() attr:class="open-question-report">{q.report_title.clone()}</A>
                            <span class="meta-sep" aria-hidden="true">"·"</span>
                            {move || fill(i18n.t().reports_staff().asked_by, &[&author, &format_date_time(i18n.locale(), &at)])}
                        </p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::by_manager;
    use accord_api::reports::DuePeriod;
    use accord_api::{ClientId, ReportCadence, StaffRef, UserId};
    use chrono::NaiveDate;

    fn period(manager: Option<&StaffRef>, overdue: bool) -> DuePeriod {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        DuePeriod {
            client_id: ClientId::new(),
            client_name: String::new(),
            manager: manager.cloned(),
            kind: ReportCadence::Weekly,
            period_start: day,
            period_end: day,
            due_on: day,
            report_id: None,
            published: false,
            overdue,
            earlier_unpublished: 0,
        }
    }

    #[test]
    fn managers_with_overdue_reports_come_first() {
        let anna = StaffRef { id: UserId::new(), name: "Anna".into() };
        let boris = StaffRef { id: UserId::new(), name: "Boris".into() };
        let list = vec![
            period(Some(&anna), false),
            period(None, true),
            period(Some(&boris), true),
            period(Some(&anna), false),
            period(Some(&boris), false),
        ];
        let groups = by_manager(list);
        let names: Vec<Option<String>> = groups.iter().map(|(m, _)| m.as_ref().map(|m| m.name.clone())).collect();
        assert_eq!(names, [Some("Boris".to_owned()), None, Some("Anna".to_owned())]);
        assert_eq!(groups[0].1.len(), 2);
        assert!(groups[0].1[0].overdue);
        assert_eq!(groups[2].1.len(), 2);
    }
}
