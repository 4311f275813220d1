//! `svg.health-chart`: a 0–100 score over time, one point per day, with the corridor around it
//! shaded, the days below the corridor marked, and an optional threshold line.

use super::fixed;
use chrono::NaiveDate;
use leptos::prelude::*;

/// One day of a [`HealthChart`].
#[derive(Clone, Debug, PartialEq)]
pub struct HealthPoint {
    pub day: NaiveDate,
    /// 0–100.
    pub score: f64,
    /// The corridor that day.
    pub low: f64,
    pub high: f64,
    /// Below the corridor: a red marker.
    pub below: bool,
    /// The tooltip of its marker.
    pub title: String,
}

const W: f64 = 720.0;
const H: f64 = 260.0;
const PAD_LEFT: f64 = 36.0;
const PAD_RIGHT: f64 = 14.0;
const PAD_TOP: f64 = 12.0;
const PAD_BOTTOM: f64 = 30.0;
/// Days without a score longer than this break the line and the band (no score is drawn
/// across a gap as if it had been measured).
const MAX_GAP_DAYS: i64 = 7;

/// The runs of points (oldest first) with no gap longer than [`MAX_GAP_DAYS`] between
/// neighbours, as index ranges.
fn runs(points: &[HealthPoint]) -> Vec<std::ops::Range<usize>> {
    let mut all = Vec::new();
    let mut start = 0;
    for i in 1..points.len() {
        if (points[i].day - points[i - 1].day).num_days() > MAX_GAP_DAYS {
            all.push(start..i);
            start = i;
        }
    }
    if !points.is_empty() {
        all.push(start..points.len());
    }
    all
}

/// `svg.health-chart` from `start` to `end` on 0–100: per run of days `polygon.health-band`
/// (the corridor) and `polyline.health-line` (a lone day is `circle.health-dot`),
/// `circle.health-below` on each day below the corridor, `circle.health-last` on the latest day,
/// `line.health-threshold` at `threshold`, and a label at each of `months` (day, its label).
#[component]
pub fn HealthChart(
    /// Oldest first.
    points: Vec<HealthPoint>,
    start: NaiveDate,
    end: NaiveDate,
    #[prop(optional)] threshold: Option<f64>,
    months: Vec<(NaiveDate, String)>,
    #[prop(optional)] id: Option<&'static str>,
    /// The accessible name.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let span = (end - start).num_days().max(1) as f64;
    let inner_w = W - PAD_LEFT - PAD_RIGHT;
    let x = move |day: NaiveDate| PAD_LEFT + ((day - start).num_days() as f64).clamp(0.0, span) / span * inner_w;
    let y = move |v: f64| PAD_TOP + (100.0 - v.clamp(0.0, 100.0)) / 100.0 * (H - PAD_TOP - PAD_BOTTOM);
    let pt = move |day: NaiveDate, v: f64| format!("{},{}", fixed(x(day), 1), fixed(y(v), 1));

    let grid = [0.0, 25.0, 50.0, 75.0, 100.0]
        .into_iter()
        .map(|v| {
            let gy = fixed(y(v), 1);
            view! {
                <line class="health-grid" x1=fixed(PAD_LEFT, 1) x2=fixed(W - PAD_RIGHT, 1) y1=gy.clone() y2=gy.clone() />
                <text class="health-tick" x=fixed(PAD_LEFT - 6.0, 1) y=gy dy="0.35em" text-anchor="end">
                    {fixed(v, 0)}
                </text>
            }
        })
        .collect_view();
    let month_marks = months
        .into_iter()
        .filter(|(day, _)| *day >= start && *day <= end)
        .map(|(day, text)| {
            let mx = fixed(x(day), 1);
            view! {
                <line class="health-month" x1=mx.clone() x2=mx.clone() y1=fixed(PAD_TOP, 1) y2=fixed(H - PAD_BOTTOM, 1) />
                <text class="health-label" x=mx y=fixed(H - PAD_BOTTOM + 18.0, 1) text-anchor="middle">{text}</text>
            }
        })
        .collect_view();
    let pieces = runs(&points)
        .into_iter()
        .map(|run| {
            let run = &points[run];
            if let [only] = run {
                return view! {
                    <circle class="health-dot" cx=fixed(x(only.day), 1) cy=fixed(y(only.score), 1) r="3" />
                }
                .into_any();
            }
            let upper = run.iter().map(|p| pt(p.day, p.high));
            let lower = run.iter().rev().map(|p| pt(p.day, p.low));
            let band = upper.chain(lower).collect::<Vec<_>>().join(" ");
            let line = run.iter().map(|p| pt(p.day, p.score)).collect::<Vec<_>>().join(" ");
            view! {
                <polygon class="health-band" points=band />
                <polyline class="health-line" points=line />
            }
            .into_any()
        })
        .collect_view();
    let below_count = points.iter().filter(|p| p.below).count();
    let markers = points
        .iter()
        .filter(|p| p.below)
        .map(|p| {
            view! {
                <circle class="health-below" cx=fixed(x(p.day), 1) cy=fixed(y(p.score), 1) r="3.5"
                    data-day=p.day.to_string()>
                    <title>{p.title.clone()}</title>
                </circle>
            }
        })
        .collect_view();
    let last = points.last().map(|p| {
        view! {
            <circle class="health-last" cx=fixed(x(p.day), 1) cy=fixed(y(p.score), 1) r="4.5"
                data-score=fixed(p.score, 0)>
                <title>{p.title.clone()}</title>
            </circle>
        }
    });
    let threshold_line = threshold.map(|t| {
        let ty = fixed(y(t), 1);
        view! {
            <line class="health-threshold" x1=fixed(PAD_LEFT, 1) x2=fixed(W - PAD_RIGHT, 1) y1=ty.clone() y2=ty />
        }
    });
    let title = label.clone();
    view! {
        <svg class="health-chart" id=id viewBox=format!("0 0 {} {}", fixed(W, 0), fixed(H, 0)) role="img"
            aria-label=label preserveAspectRatio="xMidYMid meet" data-points=points.len().to_string()
            data-below=below_count.to_string()>
            <title>{title}</title>
            {grid}
            {month_marks}
            {pieces}
            {threshold_line}
            {markers}
            {last}
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::{runs, HealthPoint};
    use chrono::NaiveDate;

    fn p(day: u32) -> HealthPoint {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(day.into());
        HealthPoint { day, score: 50.0, low: 40.0, high: 60.0, below: false, title: String::new() }
    }

    #[test]
    fn long_gaps_break_the_line() {
        let points = [p(0), p(1), p(2), p(9), p(20), p(21)];
        assert_eq!(runs(&points), vec![0..4, 4..6]);
        assert_eq!(runs(&[p(3)]), vec![0..1]);
        assert!(runs(&[]).is_empty());
    }
}
