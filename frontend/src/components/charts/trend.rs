//! `svg.gap-trend`: a value per period on a fixed scale, where a period without a value is a
//! gap in the line (never drawn as zero).

use super::fixed;
use leptos::prelude::*;

/// One period of a [`GapTrend`].
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    /// `data-key` of the period's slot.
    pub key: String,
    /// The axis label under it.
    pub label: String,
    /// `None`: nothing to show for the period (a gap).
    pub value: Option<f64>,
    /// The tooltip of its point.
    pub title: String,
}

const W: f64 = 640.0;
const H: f64 = 240.0;
const PAD_LEFT: f64 = 44.0;
const PAD_RIGHT: f64 = 12.0;
const PAD_TOP: f64 = 12.0;
const PAD_BOTTOM: f64 = 34.0;
/// At most this many axis labels, so months stay readable on a long period.
const MAX_LABELS: usize = 6;

/// Runs of consecutive periods with a value (index, value), so each becomes one line piece.
fn runs(points: &[TrendPoint]) -> Vec<Vec<(usize, f64)>> {
    let mut all: Vec<Vec<(usize, f64)>> = Vec::new();
    let mut current: Vec<(usize, f64)> = Vec::new();
    for (i, point) in points.iter().enumerate() {
        match point.value {
            Some(v) => current.push((i, v)),
            None if !current.is_empty() => all.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        all.push(current);
    }
    all
}

/// `svg.gap-trend` on the scale `low`..`high` with a grid line at each of `ticks` (value, its
/// label; `.trend-zero` on 0): per period a `g.trend-slot[data-key]` (with
/// `circle.trend-point[data-value]` when it has a value, `[data-empty]` when not) and
/// `polyline.trend-line` through each run of periods with values.
#[component]
pub fn GapTrend(
    points: Vec<TrendPoint>,
    low: f64,
    high: f64,
    ticks: Vec<(f64, String)>,
    #[prop(optional)] id: Option<&'static str>,
    /// The accessible name.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let span = if (high - low).abs() < f64::EPSILON { 1.0 } else { high - low };
    let y = move |v: f64| PAD_TOP + (high - v.clamp(low, high)) / span * (H - PAD_TOP - PAD_BOTTOM);
    let count = points.len().max(1);
    let step = (W - PAD_LEFT - PAD_RIGHT) / count as f64;
    let x = move |i: usize| PAD_LEFT + (i as f64 + 0.5) * step;
    let every = points.len().div_ceil(MAX_LABELS).max(1);

    let grid = ticks
        .into_iter()
        .map(|(value, text)| {
            let gy = fixed(y(value), 1);
            let class = if value == 0.0 { "trend-grid trend-zero" } else { "trend-grid" };
            view! {
                <line class=class x1=fixed(PAD_LEFT, 1) x2=fixed(W - PAD_RIGHT, 1) y1=gy.clone() y2=gy.clone() />
                <text class="trend-tick" x=fixed(PAD_LEFT - 6.0, 1) y=gy dy="0.35em" text-anchor="end">{text}</text>
            }
        })
        .collect_view();
    let lines = runs(&points)
        .into_iter()
        .filter(|run| run.len() > 1)
        .map(|run| {
            let coords: Vec<String> =
                run.iter().map(|(i, v)| format!("{},{}", fixed(x(*i), 1), fixed(y(*v), 1))).collect();
            let points = coords.join(" ");
            view! { <polyline class="trend-line" points=points /> }
        })
        .collect_view();
    let slots = points
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let cx = fixed(x(i), 1);
            let axis_label = (i % every == 0).then(|| {
                view! {
                    <text class="trend-label" x=cx.clone() y=fixed(H - PAD_BOTTOM + 18.0, 1) text-anchor="middle">
                        {p.label.clone()}
                    </text>
                }
            });
            let dot = p.value.map(|v| {
                view! {
                    <circle class="trend-point" cx=cx.clone() cy=fixed(y(v), 1) r="4" data-value=fixed(v, 1)>
                        <title>{p.title.clone()}</title>
                    </circle>
                }
            });
            view! {
                <g class="trend-slot" data-key=p.key data-empty=p.value.is_none().then_some("true")>
                    {axis_label}
                    {dot}
                </g>
            }
        })
        .collect_view();
    let title = label.clone();
    view! {
        <svg class="gap-trend" id=id viewBox=format!("0 0 {} {}", fixed(W, 0), fixed(H, 0)) role="img"
            aria-label=label preserveAspectRatio="xMidYMid meet">
            <title>{title}</title>
            {grid}
            {lines}
            {slots}
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::{runs, TrendPoint};

    fn p(value: Option<f64>) -> TrendPoint {
        TrendPoint { key: String::new(), label: String::new(), value, title: String::new() }
    }

    #[test]
    fn periods_without_a_value_break_the_line() {
        let points = [p(Some(10.0)), p(Some(20.0)), p(None), p(Some(-5.0)), p(None), p(None), p(Some(0.0))];
        assert_eq!(runs(&points), vec![vec![(0, 10.0), (1, 20.0)], vec![(3, -5.0)], vec![(6, 0.0)]]);
        assert!(runs(&[p(None), p(None)]).is_empty());
    }
}
