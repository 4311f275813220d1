//! The rows of the cockpit's cards: `li.cockpit-row[data-…]`, each with a link to where the
//! thing is done (`a.cockpit-link`) and a line of facts (`.cockpit-meta`).

use super::{client_health_link, flag_badges, reason_lines, ScorePill};
use crate::i18n::{fill, format_date, format_day, format_report_period, use_i18n};
use crate::routes::{ClientTab, Route};
use accord_api::health::{
    ClientScoreRow, CockpitFollowup, CockpitIncident, CockpitMinutes, CockpitProject, CockpitPromise, CockpitReport,
    CockpitSilent,
};
use accord_api::meetings::AckState;
use accord_api::{ReportCadence, StaffRef};
use chrono::{Datelike, Days, Months, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;

/// "срок 5 мар." in red with "просрочено" when `overdue`.
fn due_view(due_on: NaiveDate, overdue: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class="cockpit-due" class:cockpit-overdue=overdue>
            {move || fill(i18n.t().health().due_on, &[&format_day(i18n.locale(), &due_on)])}
            {move || overdue.then(|| format!(" · {}", i18n.t().health().overdue))}
        </span>
    }
}

fn assignee_view(assignee: Option<StaffRef>) -> impl IntoView {
    let i18n = use_i18n();
    let name = assignee.map(|a| a.name);
    let none = name.is_none();
    view! {
        <span class="cockpit-assignee" class:muted=none>
            {move || {
                let name = name.clone().unwrap_or_else(|| i18n.t().health().nobody.to_owned());
                fill(i18n.t().health().assignee, &[&name])
            }}
        </span>
    }
}

fn sep() -> impl IntoView {
    view! { <span class="meta-sep" aria-hidden="true">"·"</span> }
}

#[component]
pub fn AtRiskRow(row: ClientScoreRow) -> impl IntoView {
    let link = client_health_link(&row);
    let reasons = reason_lines(&row, 2);
    let flags = flag_badges(row.flags.clone(), row.drop, None);
    view! {
        <li class="cockpit-row cockpit-risk" data-client=row.client.id.to_string()>
            <ScorePill score=row.score />
            <div class="cockpit-main">
                <div class="cockpit-line">{link} {flags}</div>
                {reasons}
            </div>
        </li>
    }
}

#[component]
pub fn PromiseRow(row: CockpitPromise) -> impl IntoView {
    let href = Route::StaffClientTab(row.client.id, ClientTab::Promises).path();
    view! {
        <li class="cockpit-row" data-item=row.id.to_string() class:row-overdue=row.overdue>
            <div class="cockpit-main">
                <A href=href attr:class="cockpit-link">{row.title}</A>
                <div class="cockpit-meta">
                    <span class="cockpit-client">{row.client.name}</span>
                    {sep()}
                    {due_view(row.due_on, row.overdue)}
                    {sep()}
                    {assignee_view(row.assignee)}
                </div>
            </div>
        </li>
    }
}

#[component]
pub fn MinutesRow(row: CockpitMinutes) -> impl IntoView {
    let i18n = use_i18n();
    let (ack, published) = (row.ack, row.published_at);
    let disputed = ack == AckState::Disputed;
    view! {
        <li class="cockpit-row" data-meeting=row.meeting.to_string() data-ack=ack.as_str()>
            <div class="cockpit-main">
                <A href=Route::StaffMeeting(row.meeting).path() attr:class="cockpit-link">{row.title}</A>
                <div class="cockpit-meta">
                    <span class="cockpit-client">{row.client.name}</span>
                    {sep()}
                    <span>{move || fill(i18n.t().health().published_on, &[&format_date(i18n.locale(), &published)])}</span>
                </div>
            </div>
            <span class="badge" class:badge-red=disputed class:badge-amber=!disputed>
                {move || if disputed { i18n.t().health().ack_disputed } else { i18n.t().health().ack_awaiting }}
            </span>
        </li>
    }
}

/// The last day of the period a report covers.
fn period_end(kind: ReportCadence, start: NaiveDate) -> NaiveDate {
    match kind {
        ReportCadence::Weekly => start + Days::new(6),
        ReportCadence::Monthly => start
            .with_day(1)
            .and_then(|first| first.checked_add_months(Months::new(1)))
            .and_then(|next| next.pred_opt())
            .unwrap_or(start),
    }
}

#[component]
pub fn ReportRow(row: CockpitReport) -> impl IntoView {
    let i18n = use_i18n();
    let (kind, start) = (row.kind, row.period_start);
    let href = match row.report {
        Some(id) => Route::StaffReport(id).path(),
        None => Route::StaffClientTab(row.client.id, ClientTab::Reports).path(),
    };
    let has_draft = row.report.is_some();
    let title = move || {
        let period = format_report_period(i18n.locale(), kind, &start, &period_end(kind, start));
        let template = match kind {
            ReportCadence::Weekly => i18n.t().health().report_weekly,
            ReportCadence::Monthly => i18n.t().health().report_monthly,
        };
        fill(template, &[&period])
    };
    view! {
        <li class="cockpit-row" data-client=row.client.id.to_string() data-period=start.to_string()
            class:row-overdue=row.overdue>
            <div class="cockpit-main">
                <A href=href attr:class="cockpit-link">{title}</A>
                <div class="cockpit-meta">
                    <span class="cockpit-client">{row.client.name}</span>
                    {sep()}
                    {due_view(row.due_on, row.overdue)}
                </div>
            </div>
            <span class="badge" class:badge-blue=has_draft class:badge-grey=!has_draft>
                {move || if has_draft { i18n.t().health().report_draft } else { i18n.t().health().report_not_started }}
            </span>
        </li>
    }
}

#[component]
pub fn FollowupRow(row: CockpitFollowup) -> impl IntoView {
    let i18n = use_i18n();
    let nps = row.nps;
    view! {
        <li class="cockpit-row" data-followup=row.id.to_string() class:row-overdue=row.overdue>
            <div class="cockpit-main">
                <A href=Route::StaffFollowups.path() attr:class="cockpit-link">{row.client.name}</A>
                <div class="cockpit-meta">
                    <span>
                        {move || match nps {
                            Some(score) => fill(i18n.t().health().followup_score, &[&score]),
                            None => i18n.t().health().followup_no_score.to_owned(),
                        }}
                    </span>
                    {sep()}
                    {due_view(row.due_on, row.overdue)}
                    {sep()}
                    {assignee_view(row.assignee)}
                </div>
            </div>
        </li>
    }
}

#[component]
pub fn BacklogRow(row: CockpitProject) -> impl IntoView {
    let i18n = use_i18n();
    let agreed = row.agreed;
    view! {
        <li class="cockpit-row" data-project=row.project.to_string()>
            <div class="cockpit-main">
                <A href=Route::StaffBacklog(row.client.id, row.project).path() attr:class="cockpit-link">{row.name}</A>
                <div class="cockpit-meta">
                    <span class="cockpit-client">{row.client.name}</span>
                </div>
            </div>
            <span class="badge badge-amber">{move || fill(i18n.t().health().agreed_of, &[&agreed])}</span>
        </li>
    }
}

#[component]
pub fn SilentRow(row: CockpitSilent) -> impl IntoView {
    let i18n = use_i18n();
    let (days, cadence) = (row.days, row.cadence);
    view! {
        <li class="cockpit-row" data-client=row.client.id.to_string()>
            <div class="cockpit-main">
                <A href=Route::StaffClientTab(row.client.id, ClientTab::Touchpoints).path() attr:class="cockpit-link">
                    {row.client.name}
                </A>
                <div class="cockpit-meta">
                    <span class="cockpit-overdue">
                        {move || match days {
                            Some(days) => i18n.t().health().silent_days.count(days.unsigned_abs()),
                            None => i18n.t().health().silent_never.to_owned(),
                        }}
                    </span>
                    {sep()}
                    <span>{move || i18n.t().health().cadence_n.count(u64::from(cadence.unsigned_abs()))}</span>
                </div>
            </div>
        </li>
    }
}

#[component]
pub fn IncidentRow(row: CockpitIncident) -> impl IntoView {
    let i18n = use_i18n();
    let (step, days, too_long) = (row.step.number(), row.days_open, row.too_long);
    view! {
        <li class="cockpit-row" data-incident=row.id.to_string() class:row-overdue=too_long>
            <div class="cockpit-main">
                <A href=Route::StaffIncident(row.client.id, row.id).path() attr:class="cockpit-link">{row.title}</A>
                <div class="cockpit-meta">
                    <span class="cockpit-client">{row.client.name}</span>
                    {sep()}
                    <span>
                        {move || match step {
                            0 => i18n.t().health().incident_recorded.to_owned(),
                            n => fill(i18n.t().health().incident_step, &[&n]),
                        }}
                    </span>
                    {sep()}
                    <span class:cockpit-overdue=too_long>
                        {move || i18n.t().health().days_open.count(days.unsigned_abs())}
                        {move || too_long.then(|| format!(" · {}", i18n.t().health().too_long))}
                    </span>
                </div>
            </div>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::period_end;
    use accord_api::ReportCadence;
    use chrono::NaiveDate;

    #[test]
    fn periods_end_where_they_should() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(period_end(ReportCadence::Weekly, day(2026, 11, 30)), day(2026, 12, 6));
        assert_eq!(period_end(ReportCadence::Monthly, day(2026, 2, 1)), day(2026, 2, 28));
        assert_eq!(period_end(ReportCadence::Monthly, day(2026, 12, 1)), day(2026, 12, 31));
    }
}
