//! Staff report pages: one report (`/app/reports/:rid`: header, the draft editor, KPIs, the
//! period's numbers beside the previous period's, the questions thread, publishing, read
//! receipts) and the agency's reports due (`/app/reports`).

mod compare;
mod due;
mod editor;
mod publish;
mod reads;
mod thread;

pub use due::ReportsDuePage;

use crate::api::reports as api;
use crate::api::ApiError;
use crate::components::{ErrorBanner, Loading};
use crate::i18n::{fill, format_date_time, format_day, use_i18n};
use crate::pages::report_parts::{kind_label, period_view, status_badge, KpiTable, PdfLinks};
use crate::routes::{ClientTab, Route};
use accord_api::error::Code;
use accord_api::reports::{ReportSummary, ReportView};
use accord_api::{Locale, ReportId, StaffRef};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The report on screen; parts write a fresh answer back so every part follows.
#[derive(Clone, Copy)]
pub struct ReportCtx {
    pub id: ReportId,
    pub report: RwSignal<ReportView>,
    /// The editor holds changes not saved yet (publishing sends the saved draft).
    pub dirty: RwSignal<bool>,
    /// A save was refused with `stale_version`: someone saved meanwhile.
    pub stale: RwSignal<bool>,
    /// Counts loads from the server that replace what the editor holds.
    pub loads: RwSignal<u32>,
}

impl ReportCtx {
    pub fn can_edit(&self) -> Signal<bool> {
        let report = self.report;
        Memo::new(move |_| report.with(|r| r.can_edit)).into()
    }

    /// Loads the report again and starts the editor over from it.
    pub fn reload(&self) {
        let ctx = *self;
        spawn_local(async move {
            match api::report(ctx.id).await {
                Ok(fresh) => {
                    ctx.report.set(fresh);
                    ctx.stale.set(false);
                    ctx.loads.update(|n| *n += 1);
                }
                Err(e) => leptos::logging::warn!("reloading the report failed: {}", e.summary()),
            }
        });
    }
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("rid").and_then(|s| s.parse::<ReportId>().ok()));
    let report = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::report(id).await,
                None => Err(ApiError::local(Code::NotFound, String::new())),
            }
        }
    });
    let body = move || {
        match report.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(r)) => view! { <ReportFrame report=r /> }.into_any(),
        Some(Err(e)) if e.status == 403 || e.status == 404 || e.is(Code::NotFound) => view! {
            <div class="card unavailable" id="report-unavailable">
                <div class="unavailable-mark" aria-hidden="true">"?"</div>
                <h1>{move || i18n.t().reports_staff().report_missing}</h1>
                <p class="subtitle">{move || i18n.t().reports_staff().report_missing_hint}</p>
                <A href=Route::StaffReportsDue.path() attr:class="btn btn-primary">{move || i18n.t().reports_staff().due_title}</A>
            </div>
        }
        .into_any(),
        Some(Err(error)) => view! {
            <ErrorBanner error=error on_retry=Callback::new(move |_| report.refetch()) />
        }
        .into_any(),
    }
    };
    view! { <section class="page report-page">{body}</section> }
}

#[component]
fn ReportFrame(report: ReportView) -> impl IntoView {
    let i18n = use_i18n();
    let id = report.summary.id;
    let client = report.summary.client_id;
    let client_name = report.summary.client_name.clone();
    let ctx = ReportCtx {
        id,
        report: RwSignal::new(report),
        dirty: RwSignal::new(false),
        stale: RwSignal::new(false),
        loads: RwSignal::new(0),
    };
    provide_context(ctx);
    let summary = Memo::new(move |_| ctx.report.with(|r| r.summary.clone()));
    let back = move || fill(i18n.t().reports_staff().back_to_reports, &[&client_name]);
    view! {
        <A href=Route::StaffClientTab(client, ClientTab::Reports).path() attr:class="back-link">"← " {back}</A>
        <div class="page-header report-header">
            <div>
                <div class="title-row">
                    <h1 id="report-title">{move || summary.with(|s| s.title.clone())}</h1>
                    {move || status_badge(summary.with(|s| s.status))}
                    {move || summary.with(|s| s.overdue).then(|| view! {
                        <span class="badge badge-red report-overdue-badge">{move || i18n.t().reports_staff().period_overdue}</span>
                    })}
                </div>
                <p class="subtitle report-meta">
                    {move || view! {
                        <ReportMeta summary=summary.get() published_by=ctx.report.with(|r| r.published_by.clone()) />
                    }}
                </p>
            </div>
            <div class="header-actions">
                <PdfLinks ru=api::pdf_url(id, Locale::Ru) en=api::pdf_url(id, Locale::En) />
            </div>
        </div>
        <Show when=move || summary.with(|s| s.auto_drafted && s.revision == 0)>
            <p class="info-banner auto-draft-note" id="auto-draft-note">
                {move || i18n.t().reports_staff().auto_draft_note}
            </p>
        </Show>
        <Show when=move || ctx.stale.get()>
            <div class="warning-banner stale-version" id="report-stale" role="alert">
                <span class="error-icon" aria-hidden="true"></span>
                <span class="stale-text">{move || i18n.t().reports_staff().stale_banner}</span>
                <button type="button" class="btn btn-small btn-primary reload-report" on:click=move |_| ctx.reload()>
                    {move || i18n.t().reports_staff().reload}
                </button>
            </div>
        </Show>
        <Show when=move || !ctx.report.with(|r| r.can_edit)>
            <p class="read-only-note">{move || i18n.t().reports_staff().read_only}</p>
        </Show>
        <div class="tab-grid tab-grid-wide-side">
            <div class="tab-main">
                <editor::EditorCard ctx=ctx />
                <div class="card card-flush" id="report-kpis">
                    <div class="card-head"><h2 class="card-title">{move || i18n.t().reports().kpi_title}</h2></div>
                    {move || view! { <KpiTable kpis=ctx.report.with(|r| r.kpis.clone()) /> }}
                </div>
                <compare::CompareCard ctx=ctx />
                <thread::ThreadCard ctx=ctx />
            </div>
            <aside class="tab-side">
                <publish::PublishCard ctx=ctx />
                <reads::ReadsCard ctx=ctx />
            </aside>
        </div>
    }
}

/// Client · project · kind · period · due date, and who published it when.
#[component]
fn ReportMeta(summary: ReportSummary, published_by: Option<StaffRef>) -> impl IntoView {
    let i18n = use_i18n();
    let s = summary;
    let (kind, start, end, due) = (s.kind, s.period_start, s.period_end, s.due_on);
    let project = s.project_name.clone();
    let published = s.published_at.zip(published_by).map(|(at, by)| {
        view! {
            <span class="meta-sep" aria-hidden="true">"·"</span>
            <span class="report-published-by">
                {move || fill(i18n.t().reports_staff().published_by, &[&by.name, &format_date_time(i18n.locale(), &at)])}
            </span>
        }
    });
    view! {
        <span class="report-client">
            <A href=Route::StaffClient(s.client_id).path()>{s.client_name.clone()}</A>
        </span>
        <span class="meta-sep" aria-hidden="true">"·"</span>
        <span class="report-project">
            {move || project.clone().unwrap_or_else(|| i18n.t().reports_staff().whole_client.to_owned())}
        </span>
        <span class="meta-sep" aria-hidden="true">"·"</span>
        <span class="report-kind">{move || kind_label(i18n.t(), kind)}</span>
        <span class="meta-sep" aria-hidden="true">"·"</span>
        <span id="report-period">{period_view(kind, start, end)}</span>
        <span class="meta-sep" aria-hidden="true">"·"</span>
        <span id="report-due">{move || fill(i18n.t().reports_staff().due_by, &[&format_day(i18n.locale(), &due)])}</span>
        {published}
    }
}
