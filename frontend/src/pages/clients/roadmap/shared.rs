//! What the staff tab and the portal page show alike: points A and B, a goal's figures and
//! charts, stage statuses and the stage timeline; plus reading and showing numbers.

use crate::components::charts::{format_number, ProgressBar, Reference, Sparkline};
use crate::components::timeline_chart::{TimelineChart, TimelineRow};
use crate::components::Badge;
use crate::i18n::{fill, format_day, format_period, use_i18n, Texts};
use accord_api::roadmap::{GoalView, RichText, RoadmapView, StageView};
use accord_api::{Locale, StageStatus};
use leptos::prelude::*;

pub fn stage_status_label(t: &Texts, status: StageStatus) -> &'static str {
    match status {
        StageStatus::Planned => t.roadmap().stage_planned,
        StageStatus::Active => t.roadmap().stage_active,
        StageStatus::Done => t.roadmap().stage_done,
    }
}

pub fn stage_tone(status: StageStatus) -> &'static str {
    match status {
        StageStatus::Planned => "blue",
        StageStatus::Active => "green",
        StageStatus::Done => "grey",
    }
}

/// `.stage-status` with `data-status`.
pub fn stage_badge(status: StageStatus) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class="stage-status" data-status=status.as_str()>
            <Badge tone=stage_tone(status) label=Signal::derive(move || stage_status_label(i18n.t(), status).to_owned()) />
        </span>
    }
}

/// Reads a typed number: "2,5", "2.5", "1 250,5", "1,250.5", "-3". `None` when it is not one.
pub fn parse_number(input: &str) -> Option<f64> {
    let cleaned: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\''))
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    let normal = if cleaned.contains(',') && cleaned.contains('.') {
        cleaned.replace(',', "")
    } else {
        cleaned.replace(',', ".")
    };
    if !normal.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-') {
        return None;
    }
    normal.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A number as people type it back into a field ("2,5" / "2.5", no grouping).
pub fn number_input_value(locale: Locale, value: f64) -> String {
    let rounded = (value * 1_000_000.0).round() / 1_000_000.0;
    let text = format!("{rounded}");
    match locale {
        Locale::Ru => text.replace('.', ","),
        Locale::En => text,
    }
}

/// `.point-a-html` and `.point-b-html` side by side: the server's sanitized HTML.
#[component]
pub fn PointsPair(
    #[prop(into)] point_a: Signal<RichText>,
    #[prop(into)] point_b: Signal<RichText>,
    /// Speaks to the client ("where your business is") instead of about them.
    #[prop(optional)]
    portal: bool,
) -> impl IntoView {
    view! {
        <div class="points-pair">
            <PointColumn side="a" point=point_a portal=portal />
            <div class="points-arrow" aria-hidden="true">"→"</div>
            <PointColumn side="b" point=point_b portal=portal />
        </div>
    }
}

#[component]
fn PointColumn(side: &'static str, point: Signal<RichText>, portal: bool) -> impl IntoView {
    let i18n = use_i18n();
    let is_a = side == "a";
    let title = move || if is_a { i18n.t().roadmap().point_a } else { i18n.t().roadmap().point_b };
    let hint = move || {
        let t = i18n.t();
        match (is_a, portal) {
            (true, false) => t.roadmap().point_a_hint,
            (false, false) => t.roadmap().point_b_hint,
            (true, true) => t.roadmap().portal_point_a_hint,
            (false, true) => t.roadmap().portal_point_b_hint,
        }
    };
    let empty = move || point.with(|p| p.html.trim().is_empty());
    view! {
        <section class=format!("point-column point-{side}")>
            <p class="point-label"><span class="point-letter">{title}</span></p>
            <p class="point-hint">{hint}</p>
            // The server renders the Markdown and sanitizes the HTML.
            <div class=format!("rich-text point-{side}-html") inner_html=move || point.with(|p| p.html.clone())></div>
            <Show when=empty>
                <p class="muted point-empty-text">{move || i18n.t().roadmap().point_empty}</p>
            </Show>
        </section>
    }
}

/// Follows the goal or stage `find` picks out of the roadmap; once it is gone (deleted), keeps
/// the last one seen so the row can still show it. `None` when it is not there to begin with.
pub fn follow_row<T>(
    state: RwSignal<RoadmapView>,
    find: impl Fn(&RoadmapView) -> Option<T> + Send + Sync + 'static,
) -> Option<Signal<T>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let found = Memo::new(move |_| state.with(&find));
    let last_known = StoredValue::new(found.get_untracked()?);
    Some(Signal::derive(move || match found.get() {
        Some(row) => row,
        None => last_known.get_value(),
    }))
}

/// A goal's read-only body: baseline, current and target, `.goal-progress` and
/// `svg.goal-sparkline` with the baseline and target as dashed lines.
#[component]
pub fn GoalFigures(#[prop(into)] goal: Signal<GoalView>) -> impl IntoView {
    let i18n = use_i18n();
    let show = move |value: Option<f64>| {
        let unit = goal.with(|g| g.unit.trim().to_owned());
        match value {
            Some(v) => view! {
                <span class="figure-number">{format_number(i18n.locale(), v)}</span>
                {(!unit.is_empty()).then(|| view! { " " <span class="figure-unit">{unit}</span> })}
            }
            .into_any(),
            None => view! { <span class="figure-number">"—"</span> }.into_any(),
        }
    };
    let baseline = move || show(Some(goal.with(|g| g.baseline)));
    let target = move || show(Some(goal.with(|g| g.target)));
    let current = move || show(goal.with(|g| g.current));
    let pct = Signal::derive(move || goal.with(|g| g.progress_pct));
    let last = move || {
        goal.with(|g| g.values.last().cloned()).map(|v| {
            let day = format_day(i18n.locale(), &v.measured_on);
            match v.recorded_by {
                Some(by) => fill(i18n.t().roadmap().last_measured_by, &[&day, &by.name]),
                None => fill(i18n.t().roadmap().last_measured, &[&day]),
            }
        })
    };
    let chart = move || {
        let g = goal.get();
        let points = g.values.iter().map(|v| (v.measured_on, v.value)).collect::<Vec<_>>();
        let references = vec![
            Reference { value: g.baseline, class_name: "spark-ref-baseline" },
            Reference { value: g.target, class_name: "spark-ref-target" },
        ];
        let name = g.name.clone();
        view! {
            <Sparkline points=points references=references class_name="goal-sparkline"
                label=Signal::derive(move || fill(i18n.t().roadmap().trend, &[&name])) />
        }
    };
    view! {
        <dl class="goal-figures">
            <div class="goal-figure goal-baseline">
                <dt>{move || i18n.t().roadmap().goal_baseline}</dt>
                <dd>{baseline}</dd>
            </div>
            <div class="goal-figure goal-current" class:muted=move || goal.with(|g| g.current.is_none())>
                <dt>{move || i18n.t().roadmap().goal_current}</dt>
                <dd>{current}</dd>
            </div>
            <div class="goal-figure goal-target">
                <dt>{move || i18n.t().roadmap().goal_target}</dt>
                <dd>{target}</dd>
            </div>
        </dl>
        <ProgressBar pct=pct class_name="goal-progress"
            empty=Signal::derive(move || i18n.t().roadmap().goal_no_data.to_owned()) />
        <div class="goal-chart">
            {chart}
            <p class="goal-chart-legend">
                <span class="legend-dash" aria-hidden="true"></span>
                {move || i18n.t().roadmap().trend_legend}
            </p>
        </div>
        <p class="goal-last">{last}</p>
    }
}

/// "Готово 3 из 5" / "3 of 5 done", or `None` while nothing counts.
pub fn done_of(t: &Texts, stage: &StageView) -> Option<String> {
    (stage.items_counted > 0).then(|| fill(t.roadmap().done_of, &[&stage.items_done, &stage.items_counted]))
}

/// A stage's `.stage-progress` bar with "N of M done".
#[component]
pub fn StageProgress(#[prop(into)] stage: Signal<StageView>) -> impl IntoView {
    let i18n = use_i18n();
    let pct = Signal::derive(move || stage.with(|s| s.progress_pct));
    let caption = Signal::derive(move || stage.with(|s| done_of(i18n.t(), s)).unwrap_or_default());
    // Linked items that do not count yet are ideas or declined ones.
    let empty = Signal::derive(move || {
        let t = i18n.t();
        if stage.with(|s| s.items.is_empty()) { t.roadmap().no_items } else { t.roadmap().nothing_counted }.to_owned()
    });
    view! {
        <ProgressBar pct=pct class_name="stage-progress" caption=caption empty=empty />
    }
}

pub fn stage_period(locale: Locale, t: &Texts, stage: &StageView) -> String {
    format_period(locale, Some(stage.starts_on), Some(stage.ends_on), (t.common().from_day, t.common().until_day))
        .unwrap_or_default()
}

/// The stages on a time axis. `entry_class` marks each row (the portal's rows are its `.stage`
/// entries); `details` adds what goes under a row.
pub fn stage_timeline(
    stages: Vec<StageView>,
    entry_class: &'static str,
    class_name: &'static str,
    details: Option<fn(StageView) -> AnyView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = stages
        .into_iter()
        .map(|s| {
            let status = s.status;
            let for_title = s.clone();
            let for_label = s.clone();
            let for_details = s.clone();
            let detail_view = details.map(|render| ViewFn::from(move || render(for_details.clone())));
            TimelineRow {
                key: s.id.to_string(),
                starts_on: s.starts_on,
                ends_on: s.ends_on,
                tone: stage_tone(status),
                progress: s.progress_pct,
                class_name: entry_class,
                bar_title: Signal::derive(move || {
                    let t = i18n.t();
                    let mut text = format!("{} · {}", for_title.title, stage_period(i18n.locale(), t, &for_title));
                    if let Some(done) = done_of(t, &for_title) {
                        text = format!("{text} · {done}");
                    }
                    text
                }),
                label: ViewFn::from(move || {
                    let s = for_label.clone();
                    let period = s.clone();
                    view! {
                        <p class="timeline-title" title=s.title.clone()>{s.title.clone()}</p>
                        <p class="timeline-period">
                            {move || stage_period(i18n.locale(), i18n.t(), &period)}
                        </p>
                    }
                }),
                details: detail_view,
            }
        })
        .collect::<Vec<_>>();
    view! {
        <TimelineChart rows=rows class_name=class_name
            today_label=Signal::derive(move || i18n.t().roadmap().today.to_owned())
            label=Signal::derive(move || i18n.t().roadmap().timeline_label.to_owned()) />
    }
}

#[cfg(test)]
mod tests {
    use super::parse_number;

    #[test]
    fn reads_numbers_typed_either_way() {
        assert_eq!(parse_number("2,5"), Some(2.5));
        assert_eq!(parse_number("2.5"), Some(2.5));
        assert_eq!(parse_number(" 1 250,5 "), Some(1250.5));
        assert_eq!(parse_number("1,250.5"), Some(1250.5));
        assert_eq!(parse_number("-3"), Some(-3.0));
        assert_eq!(parse_number("−3"), Some(-3.0));
        assert_eq!(parse_number("40"), Some(40.0));
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        for bad in ["", "abc", "1e5", "2,5,6x", "NaN", "inf"] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
    }
}
