//! `/portal/reports`: the agency's published reports by page (`#portal-reports`, the ones the
//! contact has not opened marked `.unread`), and each goal's value at the end of every reported
//! period as a line with the target (`#kpi-trends`, `svg.trend-sparkline`).

use crate::api::reports as api;
use crate::components::charts::{format_number, Reference, Sparkline};
use crate::components::{async_view, Pagination};
use crate::i18n::{fill, format_date, use_i18n};
use crate::pages::report_parts::{kind_label, period_view};
use crate::routes::Route;
use accord_api::reports::{KpiTrend, PortalReportSummary, PortalReports};
use accord_api::Page;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn PortalReportsPage() -> impl IntoView {
    let i18n = use_i18n();
    let page = RwSignal::new(1u64);
    let reports = LocalResource::new(move || api::portal_reports(page.get()));
    view! {
        <section class="page portal-page portal-reports-page" id="portal-reports-page">
            <div class="portal-page-head">
                <h1>{move || i18n.t().portal_reports().title}</h1>
                <p class="portal-intro">{move || i18n.t().portal_reports().intro}</p>
            </div>
            {async_view(reports, move |r| view! { <ReportsBody data=r on_page=Callback::new(move |p| page.set(p)) /> })}
        </section>
    }
}

#[component]
fn ReportsBody(data: PortalReports, on_page: Callback<u64>) -> impl IntoView {
    let trend = data.trend;
    view! {
        <div class="portal-backlog-grid">
            <div class="portal-backlog-main">
                <ReportList reports=data.reports on_page=on_page />
            </div>
            <aside class="portal-backlog-side">
                {(!trend.is_empty()).then(|| view! { <TrendCard trend=trend /> })}
            </aside>
        </div>
    }
}

#[component]
fn ReportList(reports: Page<PortalReportSummary>, on_page: Callback<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let total = reports.total;
    let body = if reports.items.is_empty() && reports.page <= 1 {
        view! {
            <div class="portal-empty" id="portal-no-reports">
                <p class="empty-title">{move || i18n.t().portal_reports().no_reports}</p>
                <p class="empty-hint">{move || i18n.t().portal_reports().no_reports_hint}</p>
            </div>
        }
        .into_any()
    } else {
        let (page, per_page) = (reports.page, reports.per_page);
        view! {
            <ul class="portal-reports" id="portal-reports">
                {reports.items.into_iter().map(|r| view! { <ReportEntry report=r /> }).collect_view()}
            </ul>
            <Pagination total=total page=page per_page=per_page on_change=on_page />
        }
        .into_any()
    };
    view! {
        <div class="card portal-card">
            <div class="portal-section-head">
                <h2 class="card-title">{move || i18n.t().portal_reports().list_title}</h2>
                {(total > 0).then(|| view! {
                    <span class="count-badge count-badge-muted">{move || i18n.t().reports().reports_count.count(total)}</span>
                })}
            </div>
            {body}
        </div>
    }
}

/// `li.portal-report[data-id][data-read]`: title, period, project, when published, and "new"
/// until the contact opens it.
#[component]
fn ReportEntry(report: PortalReportSummary) -> impl IntoView {
    let i18n = use_i18n();
    let r = report;
    let (kind, start, end, published, revision) = (r.kind, r.period_start, r.period_end, r.published_at, r.revision);
    let unread = !r.read;
    view! {
        <li class="portal-report" class:unread=unread data-id=r.id.to_string() data-read=r.read.to_string()>
            <div class="portal-item-main">
                <A href=Route::PortalReport(r.id).path() attr:class="portal-item-link portal-report-link">{r.title.clone()}</A>
                <p class="portal-item-meta">
                    {period_view(kind, start, end)}
                    <span class="meta-sep" aria-hidden="true">"·"</span>
                    {move || kind_label(i18n.t(), kind)}
                    {r.project_name.clone().map(|p| view! {
                        <span class="meta-sep" aria-hidden="true">"·"</span>
                        <span class="portal-item-project">{p}</span>
                    })}
                </p>
                <p class="portal-item-meta muted">
                    {move || fill(i18n.t().reports().published_at, &[&format_date(i18n.locale(), &published)])}
                    {(revision > 1).then(|| view! {
                        <span class="meta-sep" aria-hidden="true">"·"</span>
                        {move || fill(i18n.t().reports().revision, &[&revision])}
                    })}
                </p>
            </div>
            {unread.then(|| view! {
                <span class="badge badge-blue new-report" title=move || i18n.t().portal_reports().new_hint>
                    {move || i18n.t().portal_reports().new_badge}
                </span>
            })}
        </li>
    }
}

/// `#kpi-trends`: a `.kpi-trend[data-goal]` per goal: the values (oldest first) with a dashed
/// target line, the latest value and the target.
#[component]
fn TrendCard(trend: Vec<KpiTrend>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="card portal-card" id="kpi-trends">
            <h2 class="card-title">{move || i18n.t().portal_reports().trend_title}</h2>
            <p class="card-hint">{move || i18n.t().portal_reports().trend_hint}</p>
            {trend.into_iter().map(|goal| {
                let points: Vec<_> = goal.points.iter().map(|p| (p.period_end, p.value)).collect();
                let latest = goal.points.last().map(|p| p.value);
                let (target, unit, name) = (goal.target, goal.unit.clone(), goal.name.clone());
                let value = move |v: f64| {
                    let n = format_number(i18n.locale(), v);
                    if unit.trim().is_empty() { n } else { format!("{n} {unit}") }
                };
                let value2 = value.clone();
                let label_name = name.clone();
                view! {
                    <div class="kpi-trend" data-goal=goal.goal_id.to_string()>
                        <p class="kpi-trend-name">{name}</p>
                        {if points.len() > 1 {
                            view! {
                                <Sparkline points=points class_name="trend-sparkline"
                                    references=vec![Reference { value: target, class_name: "spark-ref-target" }]
                                    label=Signal::derive(move || fill(i18n.t().portal_reports().trend_label, &[&label_name])) />
                            }.into_any()
                        } else {
                            view! { <p class="card-hint kpi-trend-one">{move || i18n.t().portal_reports().trend_one}</p> }.into_any()
                        }}
                        <p class="kpi-trend-figures muted">
                            {latest.map(|v| view! {
                                <span class="kpi-trend-latest">{move || fill(i18n.t().portal_reports().trend_latest, &[&value(v)])}</span>
                                <span class="meta-sep" aria-hidden="true">"·"</span>
                            })}
                            <span class="kpi-trend-target">{move || fill(i18n.t().portal_reports().trend_target, &[&value2(target)])}</span>
                        </p>
                    </div>
                }
            }).collect_view()}
        </div>
    }
}
