//! `#report-stats`: the period's numbers, and beside them the previous report's of the same kind
//! (`table#compare-table`: items done and planned, promises kept of those due, meetings held, and
//! each goal's value at the end of the period).

use super::ReportCtx;
use crate::i18n::{fill, use_i18n};
use crate::pages::report_parts::{period_view, signed, with_unit, StatsList};
use crate::routes::Route;
use accord_api::reports::{KpiRow, PreviousReport, ReportStats};
use accord_api::ReportCadence;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn CompareCard(ctx: ReportCtx) -> impl IntoView {
    let i18n = use_i18n();
    let data =
        Memo::new(move |_| ctx.report.with(|r| (r.summary.kind, r.stats.clone(), r.kpis.clone(), r.previous.clone())));
    view! {
        <div class="card" id="report-stats">
            <h2 class="card-title">{move || i18n.t().reports().stats_title}</h2>
            {move || {
                let (kind, stats, kpis, previous) = data.get();
                view! {
                    <StatsList stats=stats.clone() />
                    <h3 class="roadmap-form-title compare-title">{move || i18n.t().reports_staff().compare_title}</h3>
                    {match previous {
                        Some(previous) => view! { <Comparison kind=kind stats=stats kpis=kpis previous=previous /> }.into_any(),
                        None => view! { <p class="muted" id="no-previous">{move || i18n.t().reports_staff().no_previous}</p> }.into_any(),
                    }}
                }
            }}
        </div>
    }
}

/// "+3", "−2", "0".
fn difference(now: u32, before: u32) -> String {
    match now.cmp(&before) {
        std::cmp::Ordering::Greater => format!("+{}", now - before),
        std::cmp::Ordering::Less => format!("−{}", before - now),
        std::cmp::Ordering::Equal => "0".to_owned(),
    }
}

#[component]
fn Comparison(kind: ReportCadence, stats: ReportStats, kpis: Vec<KpiRow>, previous: PreviousReport) -> impl IntoView {
    let i18n = use_i18n();
    let before = previous.stats.clone();
    let count_row =
        |class: &'static str, label: fn(&'static crate::i18n::Texts) -> &'static str, now: u32, then: u32| {
            view! {
                <tr class=format!("compare-row {class}")>
                    <td class="cell-main">{move || label(i18n.t())}</td>
                    <td class="num compare-now">{now}</td>
                    <td class="num compare-before">{then}</td>
                    <td class="num compare-diff">{difference(now, then)}</td>
                </tr>
            }
        };
    let (kept, due, kept_before, due_before) =
        (stats.promises_kept, stats.promises_due, before.promises_kept, before.promises_due);
    let promises = view! {
        <tr class="compare-row compare-promises">
            <td class="cell-main">{move || i18n.t().reports().stat_promises}</td>
            <td class="num compare-now">{move || fill(i18n.t().reports().stat_promises_value, &[&kept, &due])}</td>
            <td class="num compare-before">{move || fill(i18n.t().reports().stat_promises_value, &[&kept_before, &due_before])}</td>
            <td class="num compare-diff">{difference(kept, kept_before)}</td>
        </tr>
    };
    let kpi_rows = kpis
        .into_iter()
        .map(|k| {
            let then = previous.kpis.iter().find(|p| p.goal_id == k.goal_id).map(|p| p.end);
            let (end, unit, name) = (k.end, k.unit.clone(), k.name.clone());
            let unit2 = unit.clone();
            view! {
                <tr class="compare-row compare-kpi" data-goal=k.goal_id.to_string()>
                    <td class="cell-main">{move || fill(i18n.t().reports_staff().kpi_at_end, &[&name])}</td>
                    <td class="num compare-now">{move || with_unit(i18n.locale(), end, &unit)}</td>
                    <td class="num compare-before">
                        {move || then.map_or_else(|| "—".to_owned(), |v| with_unit(i18n.locale(), v, &unit2))}
                    </td>
                    <td class="num compare-diff">
                        {move || then.map_or_else(|| "—".to_owned(), |v| signed(i18n.locale(), end - v))}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let (start, end) = (previous.period_start, previous.period_end);
    view! {
        <p class="card-hint previous-period">
            {move || i18n.t().reports_staff().previous_period} " "
            <A href=Route::StaffReport(previous.id).path() attr:class="previous-link">{period_view(kind, start, end)}</A>
        </p>
        <div class="table-wrap">
            <table class="table compare-table" id="compare-table">
                <thead>
                    <tr>
                        <th>{move || i18n.t().reports_staff().col_measure}</th>
                        <th class="num">{move || i18n.t().reports_staff().col_this}</th>
                        <th class="num">{move || i18n.t().reports_staff().col_previous}</th>
                        <th class="num">{move || i18n.t().reports_staff().col_difference}</th>
                    </tr>
                </thead>
                <tbody>
                    {count_row("compare-done", |t| t.reports().stat_done, stats.done, before.done)}
                    {count_row("compare-planned", |t| t.reports().stat_planned, stats.planned, before.planned)}
                    {promises}
                    {count_row("compare-meetings", |t| t.reports().stat_meetings, stats.meetings_held, before.meetings_held)}
                    {kpi_rows}
                </tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::difference;

    #[test]
    fn differences_carry_their_sign() {
        assert_eq!(difference(5, 3), "+2");
        assert_eq!(difference(3, 5), "−2");
        assert_eq!(difference(4, 4), "0");
    }
}
