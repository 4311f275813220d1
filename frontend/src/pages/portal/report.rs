//! `/portal/reports/:rid`: one published report — title, period, agency, a notice when it changed
//! after it was first published, the sections (the server's sanitized HTML; changed ones marked
//! `.section-changed`), the KPI table, the period's numbers, PDF links — and the questions thread
//! with `form#ask-form` (any contact may ask). Opening it records the contact's read receipt.

use crate::api::reports as api;
use crate::api::ApiError;
use crate::components::{ErrorBanner, Loading, Notice};
use crate::i18n::{fill, format_date_time, use_i18n};
use crate::pages::report_parts::{
    is_question, kind_label, period_view, report_error_text, threads, KpiTable, MessageItem, PdfLinks, StatsList,
};
use crate::routes::Route;
use accord_api::error::Code;
use accord_api::reports::{PortalReport, ReportMessage, SectionKind};
use accord_api::{Locale, ReportId};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PortalReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("rid").and_then(|s| s.parse::<ReportId>().ok()));
    let report = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::portal_report(id).await,
                None => Err(ApiError::local(Code::NotFound, String::new())),
            }
        }
    });
    let body = move || {
        match report.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(r)) => view! { <Report report=r /> }.into_any(),
        Some(Err(e)) if e.status == 404 || e.status == 403 || e.is(Code::NotFound) => view! {
            <div class="card unavailable" id="report-unavailable">
                <div class="unavailable-mark" aria-hidden="true">"?"</div>
                <h1>{move || i18n.t().portal_reports().report_missing}</h1>
                <p class="subtitle">{move || i18n.t().portal_reports().report_missing_hint}</p>
                <A href=Route::PortalReports.path() attr:class="btn btn-primary">{move || i18n.t().portal_reports().back_to_reports}</A>
            </div>
        }
        .into_any(),
        Some(Err(error)) => view! {
            <ErrorBanner error=error on_retry=Callback::new(move |_| report.refetch()) />
        }
        .into_any(),
    }
    };
    view! {
        <section class="page portal-page portal-report-page">
            <A href=Route::PortalReports.path() attr:class="back-link">"← " {move || i18n.t().portal_reports().back_to_reports}</A>
            {body}
        </section>
    }
}

#[component]
fn Report(report: PortalReport) -> impl IntoView {
    let i18n = use_i18n();
    let id = report.summary.id;
    let s = report.summary.clone();
    let (kind, start, end, published, revision) = (s.kind, s.period_start, s.period_end, s.published_at, s.revision);
    let agency = report.agency_name.clone();
    let messages = RwSignal::new(report.messages.clone());
    // The KPI table goes inside the template's KPI section; without one, in a card of its own.
    let kpis = report.kpis.clone();
    let kpi_section = report.sections.iter().any(|s| s.kind == SectionKind::Kpis);
    let sections = if report.sections.is_empty() {
        view! { <div class="card portal-card"><p class="muted">{move || i18n.t().portal_reports().no_sections}</p></div> }
            .into_any()
    } else {
        report
            .sections
            .into_iter()
            .map(|section| {
                let changed = section.changed;
                let table = (section.kind == SectionKind::Kpis && !kpis.is_empty())
                    .then(|| view! { <KpiTable kpis=kpis.clone() /> });
                view! {
                    <section class="card portal-card report-section" class:section-changed=changed
                        data-kind=section.kind.as_str() data-changed=changed.to_string()>
                        <div class="report-section-head">
                            <h2 class="card-title report-section-title">{section.title.clone()}</h2>
                            {changed.then(|| view! {
                                <span class="badge badge-amber section-changed-badge">{move || i18n.t().portal_reports().section_changed}</span>
                            })}
                        </div>
                        // The server renders and sanitizes the text.
                        <div class="rich-text report-section-html" inner_html=section.html.clone()></div>
                        {table}
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <div class="portal-page-head report-head" data-revision=revision>
            <p class="portal-eyebrow">{move || fill(i18n.t().portal_reports().from_agency, &[&agency])}</p>
            <h1 id="report-title">{s.title.clone()}</h1>
            <p class="portal-intro">
                <span id="report-period">{period_view(kind, start, end)}</span>
                <span class="meta-sep" aria-hidden="true">"·"</span>
                {move || kind_label(i18n.t(), kind)}
                {s.project_name.clone().map(|p| view! {
                    <span class="meta-sep" aria-hidden="true">"·"</span>
                    <span class="report-project">{p}</span>
                })}
            </p>
            <p class="muted report-published">
                {move || fill(i18n.t().reports().revision, &[&revision])} " · "
                {move || fill(i18n.t().reports().published_at, &[&format_date_time(i18n.locale(), &published)])}
            </p>
            <PdfLinks ru=api::portal_pdf_url(id, Locale::Ru) en=api::portal_pdf_url(id, Locale::En) />
        </div>
        {report.changed.then(|| view! {
            <p class="warning-banner" id="report-changed">
                <span class="error-icon" aria-hidden="true"></span>
                {move || i18n.t().portal_reports().changed_notice}
            </p>
        })}
        <div class="portal-backlog-grid">
            <div class="portal-backlog-main">
                {sections}
                {(!kpi_section).then(|| view! {
                    <div class="card portal-card" id="report-kpis">
                        <h2 class="card-title">{move || i18n.t().reports().kpi_title}</h2>
                        <KpiTable kpis=report.kpis />
                    </div>
                })}
            </div>
            <aside class="portal-backlog-side">
                <div class="card portal-card" id="report-stats">
                    <h2 class="card-title">{move || i18n.t().reports().stats_title}</h2>
                    <StatsList stats=report.stats />
                </div>
                <Questions id=id messages=messages />
            </aside>
        </div>
    }
}

/// `#report-questions`: the questions and the agency's answers, oldest first, and `form#ask-form`.
#[component]
fn Questions(id: ReportId, messages: RwSignal<Vec<ReportMessage>>) -> impl IntoView {
    let i18n = use_i18n();
    let body = RwSignal::new(String::new());
    let pending = RwSignal::new(false);
    let empty = RwSignal::new(false);
    let sent = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        sent.set(false);
        let text = body.get_untracked().trim().to_owned();
        if text.is_empty() {
            empty.set(true);
            return;
        }
        empty.set(false);
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match api::ask(id, text).await {
                Ok(fresh) => {
                    messages.set(fresh.messages);
                    body.set(String::new());
                    sent.set(true);
                }
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    let asked = move || messages.with(|list| list.iter().filter(|m| is_question(m)).count() as u64);
    let list = move || {
        let grouped = threads(messages.get());
        if grouped.is_empty() {
            return view! {
                <div class="portal-empty questions-empty">
                    <p class="empty-title">{move || i18n.t().reports().no_questions}</p>
                    <p class="empty-hint">{move || i18n.t().portal_reports().no_questions_hint}</p>
                </div>
            }
            .into_any();
        }
        view! {
            <ul class="report-thread">
                {grouped.into_iter().map(|(top, replies)| {
                    let idea = top.backlog_item.clone();
                    view! {
                        <MessageItem message=top>
                            {idea.map(|b| view! {
                                <p class="muted question-idea">{move || fill(i18n.t().reports().noted_as_idea, &[&b.title])}</p>
                            })}
                            {(!replies.is_empty()).then(|| view! {
                                <ul class="report-replies">
                                    {replies.into_iter().map(|r| view! { <MessageItem message=r /> }).collect_view()}
                                </ul>
                            })}
                        </MessageItem>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="card portal-card" id="report-questions">
            <div class="card-title-row">
                <h2 class="card-title">{move || i18n.t().reports().questions_title}</h2>
                <Show when=move || { asked() > 0 }>
                    <span class="count-badge count-badge-muted questions-count">{move || i18n.t().reports().questions_count.count(asked())}</span>
                </Show>
            </div>
            {list}
            <form id="ask-form" class="form comment-form ask-form" on:submit=on_submit novalidate=true>
                <div class="field">
                    <label for="ask-body">{move || i18n.t().portal_reports().ask_label}</label>
                    <textarea id="ask-body" name="body" rows="3" maxlength="5000"
                        aria-invalid=move || empty.get().to_string() bind:value=body></textarea>
                    <p class="field-hint">{move || i18n.t().portal_reports().ask_hint}</p>
                </div>
                <Show when=move || empty.get()>
                    <p class="field-error" role="alert">{move || i18n.t().portal_reports().ask_empty}</p>
                </Show>
                {move || error.get().map(|e| view! {
                    <p class="form-error ask-error" role="alert">{move || report_error_text(i18n.t(), &e)}</p>
                })}
                <div class="form-actions form-actions-start">
                    <button type="submit" id="ask-submit" class="btn btn-primary" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t().common().sending } else { i18n.t().portal_reports().ask_submit }}
                    </button>
                </div>
                <Show when=move || sent.get()>
                    <Notice text=Signal::derive(move || i18n.t().portal_reports().ask_sent.to_owned()) />
                </Show>
            </form>
        </section>
    }
}
