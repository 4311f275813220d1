//! The client's Reports tab (`/app/clients/:id/reports`): the report cadence and its recent
//! periods (written, due, overdue, each unwritten one with `button.write-report`), the reports by
//! page, and `form#new-report-form`. Creating a report opens its page.

mod new_report;

use super::frame::use_client;
use crate::api::reports as api;
use crate::api::ApiError;
use crate::components::{async_view, EmptyState, Pagination};
use crate::i18n::{fill, format_date, format_day, use_i18n};
use crate::pages::report_parts::{kind_label, period_badge, period_state, period_view, staff_error_text, status_badge};
use crate::routes::Route;
use accord_api::reports::{ClientReports, DuePeriod, NewReport, ReportSummary};
use accord_api::{ClientId, Page, ReportCadence};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use new_report::NewReportForm;

#[component]
pub fn ReportsTab() -> impl IntoView {
    let Some(ctx) = use_client() else {
        return ().into_any();
    };
    let client = ctx.id();
    let page = RwSignal::new(1u64);
    let reports = LocalResource::new(move || api::client_reports(client, page.get()));
    view! {
        <div class="tab-grid tab-grid-wide-side reports-tab">
            {async_view(reports, move |data| view! {
                <ReportsBody client=client data=data on_page=Callback::new(move |p| page.set(p)) />
            })}
        </div>
    }
    .into_any()
}

#[component]
fn ReportsBody(client: ClientId, data: ClientReports, on_page: Callback<u64>) -> impl IntoView {
    let can_edit = data.can_edit;
    let cadence = data.cadence;
    view! {
        <div class="tab-main">
            <PeriodsCard client=client cadence=cadence periods=data.periods can_edit=can_edit />
            <ReportsCard reports=data.reports on_page=on_page />
        </div>
        <aside class="tab-side">
            {can_edit.then(|| view! { <NewReportForm client=client cadence=cadence /> })}
        </aside>
    }
}

/// `#report-periods`: the cadence in words and `li.report-period[data-start][data-state]` for each
/// recent period.
#[component]
fn PeriodsCard(
    client: ClientId,
    cadence: Option<ReportCadence>,
    periods: Vec<DuePeriod>,
    can_edit: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let cadence_line = move || match cadence {
        Some(ReportCadence::Weekly) => i18n.t().reports_staff().cadence_weekly,
        Some(ReportCadence::Monthly) => i18n.t().reports_staff().cadence_monthly,
        None => "",
    };
    let body = match (cadence, periods.is_empty()) {
        (None, _) => view! {
            <EmptyState title=|t| t.reports_staff().cadence_none hint=|t| t.reports_staff().cadence_none_hint />
        }
        .into_any(),
        (Some(_), true) => view! {
            <EmptyState title=|t| t.reports_staff().no_periods hint=|t| t.reports_staff().no_periods_hint />
        }
        .into_any(),
        (Some(_), false) => view! {
            <ul class="report-periods-list">
                {periods.into_iter().map(|p| view! { <PeriodEntry client=client period=p can_edit=can_edit /> }).collect_view()}
            </ul>
        }
        .into_any(),
    };
    view! {
        <div class="card" id="report-periods">
            <h2 class="card-title">{move || i18n.t().reports_staff().periods_title}</h2>
            {cadence.is_some().then(|| view! { <p class="card-hint report-cadence">{cadence_line}</p> })}
            {body}
        </div>
    }
}

/// A period: its dates, due day and state; `a.open-report` when written, else (for editors)
/// `button.write-report`, which drafts the period's report and opens it.
#[component]
fn PeriodEntry(client: ClientId, period: DuePeriod, can_edit: bool) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let (kind, start, end, due) = (period.kind, period.period_start, period.period_end, period.due_on);
    let write = move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        let navigate = navigate.clone();
        let input = NewReport { kind, period_of: start, project_id: None };
        spawn_local(async move {
            match api::create(client, &input).await {
                Ok(report) => navigate(&Route::StaffReport(report.summary.id).path(), Default::default()),
                Err(e) => {
                    error.set(Some(e));
                    pending.set(false);
                }
            }
        });
    };
    let action = match period.report_id {
        Some(id) => view! {
            <A href=Route::StaffReport(id).path() attr:class="btn btn-small btn-ghost open-report">
                {move || i18n.t().reports_staff().open}
            </A>
        }
        .into_any(),
        None if can_edit => view! {
            <button type="button" class="btn btn-small btn-primary write-report" disabled=move || pending.get() on:click=write>
                {move || if pending.get() { i18n.t().common().creating } else { i18n.t().reports_staff().write }}
            </button>
        }
        .into_any(),
        None => ().into_any(),
    };
    view! {
        <li class="report-period" data-start=crate::i18n::iso_day(&start) data-state=period_state(&period)
            data-kind=kind.as_str()>
            <div class="report-period-main">
                <span class="report-period-dates">{period_view(kind, start, end)}</span>
                <p class="muted report-period-meta">
                    {move || kind_label(i18n.t(), kind)}
                    <span class="meta-sep" aria-hidden="true">"·"</span>
                    {move || fill(i18n.t().reports_staff().due_on, &[&format_day(i18n.locale(), &due)])}
                </p>
            </div>
            <div class="upcoming-side">
                {period_badge(&period)}
                {action}
            </div>
            {move || error.get().map(|e| view! {
                <p class="form-error write-error" role="alert">{move || staff_error_text(i18n.t(), &e)}</p>
            })}
        </li>
    }
}

/// `#reports-card`: `table#reports-table` with `tr.report-row[data-id]`, and the pages.
#[component]
fn ReportsCard(reports: Page<ReportSummary>, on_page: Callback<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let total = reports.total;
    let body = if reports.items.is_empty() && reports.page <= 1 {
        view! { <EmptyState title=|t| t.reports_staff().no_reports hint=|t| t.reports_staff().no_reports_hint /> }
            .into_any()
    } else {
        let (page, per_page) = (reports.page, reports.per_page);
        view! {
            <div class="table-wrap">
                <table class="table" id="reports-table">
                    <thead>
                        <tr>
                            <th>{move || i18n.t().reports_staff().col_report}</th>
                            <th>{move || i18n.t().reports_staff().col_status}</th>
                            <th class="num">{move || i18n.t().reports_staff().col_readers}</th>
                            <th class="num">{move || i18n.t().reports_staff().col_questions}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {reports.items.into_iter().map(|r| view! { <ReportRow report=r /> }).collect_view()}
                    </tbody>
                </table>
            </div>
            <Pagination total=total page=page per_page=per_page on_change=on_page />
        }
        .into_any()
    };
    view! {
        <div class="card card-flush" id="reports-card">
            <div class="card-head">
                <h2 class="card-title">
                    {move || i18n.t().reports_staff().reports_title}
                    {(total > 0).then(|| view! { <span class="count-pill">{total}</span> })}
                </h2>
            </div>
            {body}
        </div>
    }
}

/// `tr.report-row[data-id][data-status]`: title and period, project, state and revision, how
/// many contacts opened it, open questions; `.overdue`, `.unread-flag` and `.auto-draft-badge`
/// (drafted on its due date, not yet published) badges.
#[component]
pub fn ReportRow(report: ReportSummary) -> impl IntoView {
    let i18n = use_i18n();
    let r = report;
    let (kind, start, end, revision) = (r.kind, r.period_start, r.period_end, r.revision);
    let project = r.project_name.clone();
    let published = r.published_at;
    let (readers, questions) = (r.readers, r.open_questions);
    view! {
        <tr class="report-row" data-id=r.id.to_string() data-status=r.status.as_str() data-revision=revision
            class:report-overdue=r.overdue>
            <td class="cell-main">
                <A href=Route::StaffReport(r.id).path() attr:class="row-link report-link">{r.title.clone()}</A>
                <div class="cell-sub">
                    {period_view(kind, start, end)}
                    <span class="meta-sep" aria-hidden="true">"·"</span>
                    {move || kind_label(i18n.t(), kind)}
                    <span class="meta-sep" aria-hidden="true">"·"</span>
                    <span class="report-project">
                        {move || project.clone().unwrap_or_else(|| i18n.t().reports_staff().whole_client.to_owned())}
                    </span>
                </div>
            </td>
            <td>
                <div class="report-badges">
                    {status_badge(r.status)}
                    {r.overdue.then(|| view! {
                        <span class="badge badge-red report-overdue-badge">{move || i18n.t().reports_staff().period_overdue}</span>
                    })}
                    {r.unread_flag.then(|| view! {
                        <span class="badge badge-amber unread-flag" title=move || i18n.t().reports_staff().unread_flag_hint>
                            {move || i18n.t().reports_staff().unread_flag}
                        </span>
                    })}
                    {(r.auto_drafted && revision == 0).then(|| view! {
                        <span class="badge badge-blue auto-draft-badge" title=move || i18n.t().reports_staff().auto_draft_note>
                            {move || i18n.t().reports_staff().auto_draft_badge}
                        </span>
                    })}
                    {(r.unpublished_changes && revision > 0).then(|| view! {
                        <span class="badge badge-violet unpublished-badge">{move || i18n.t().reports_staff().unpublished_changes_badge}</span>
                    })}
                </div>
                <div class="cell-sub report-revision">
                    {move || match (revision, published) {
                        (0, _) | (_, None) => i18n.t().reports_staff().never_published_short.to_owned(),
                        (n, Some(at)) => format!(
                            "{} · {}",
                            fill(i18n.t().reports().revision, &[&n]),
                            format_date(i18n.locale(), &at)
                        ),
                    }}
                </div>
            </td>
            <td class="num report-readers" title=move || i18n.t().reports_staff().readers.count(readers.into())>{readers}</td>
            <td class="num report-questions">
                {if questions > 0 {
                    view! {
                        <span class="count-badge" title=move || i18n.t().reports_staff().open_questions.count(questions.into())>
                            {questions}
                        </span>
                    }
                    .into_any()
                } else {
                    view! { <span class="muted">"0"</span> }.into_any()
                }}
            </td>
        </tr>
    }
}
