//! `svg.quadrant-scatter`: labelled points on two axes, split into four quadrants by a
//! vertical and a horizontal line, each quadrant named in its corner.

use super::fixed;
use leptos::prelude::*;

/// One point of a [`QuadrantScatter`].
#[derive(Clone, Debug, PartialEq)]
pub struct ScatterPoint {
    /// `data-key`.
    pub key: String,
    /// Written beside the point.
    pub label: String,
    pub x: f64,
    pub y: f64,
    /// `data-quadrant`: which quadrant the point belongs to.
    pub quadrant: &'static str,
    /// The tooltip.
    pub title: String,
}

const W: f64 = 560.0;
const H: f64 = 400.0;
const PAD_LEFT: f64 = 48.0;
const PAD_RIGHT: f64 = 16.0;
const PAD_TOP: f64 = 16.0;
const PAD_BOTTOM: f64 = 44.0;

/// `svg.quadrant-scatter`: `g.{point_class}[data-key][data-quadrant]` per point (a circle and its
/// label), `line.split-x` at `split_x` and `line.split-y` at `split_y`,
/// `text.quadrant-label[data-quadrant]` in the corners (`corners`: top-left, top-right,
/// bottom-left, bottom-right, each its key and text), whole-number ticks on both axes.
#[component]
pub fn QuadrantScatter(
    points: Vec<ScatterPoint>,
    x_range: (f64, f64),
    y_range: (f64, f64),
    split_x: f64,
    split_y: f64,
    corners: [(&'static str, String); 4],
    x_label: String,
    y_label: String,
    point_class: &'static str,
    #[prop(optional)] id: Option<&'static str>,
    /// The accessible name.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let (x0, x1) = x_range;
    let (y0, y1) = y_range;
    let (xs, ys) = ((x1 - x0).max(f64::EPSILON), (y1 - y0).max(f64::EPSILON));
    let (left, right, top, bottom) = (PAD_LEFT, W - PAD_RIGHT, PAD_TOP, H - PAD_BOTTOM);
    let px = move |v: f64| left + (v.clamp(x0, x1) - x0) / xs * (right - left);
    let py = move |v: f64| bottom - (v.clamp(y0, y1) - y0) / ys * (bottom - top);

    let x_ticks = (x0.ceil() as i32..=x1.floor() as i32)
        .map(|v| {
            let tx = fixed(px(f64::from(v)), 1);
            view! {
                <line class="scatter-grid" x1=tx.clone() x2=tx.clone() y1=fixed(top, 1) y2=fixed(bottom, 1) />
                <text class="scatter-tick" x=tx y=fixed(bottom + 16.0, 1) text-anchor="middle">{v}</text>
            }
        })
        .collect_view();
    let y_ticks = (y0.ceil() as i32..=y1.floor() as i32)
        .map(|v| {
            let ty = fixed(py(f64::from(v)), 1);
            view! {
                <line class="scatter-grid" x1=fixed(left, 1) x2=fixed(right, 1) y1=ty.clone() y2=ty.clone() />
                <text class="scatter-tick" x=fixed(left - 8.0, 1) y=ty dy="0.35em" text-anchor="end">{v}</text>
            }
        })
        .collect_view();
    let [tl, tr, bl, br] = corners;
    let corner = move |(key, text): (&'static str, String), at_right: bool, at_top: bool| {
        let (cx, anchor) = if at_right { (right - 8.0, "end") } else { (left + 8.0, "start") };
        let cy = if at_top { top + 16.0 } else { bottom - 8.0 };
        view! {
            <text class="quadrant-label" data-quadrant=key x=fixed(cx, 1) y=fixed(cy, 1) text-anchor=anchor>{text}</text>
        }
    };
    let dots = points
        .into_iter()
        .map(|p| {
            let (cx, cy) = (px(p.x), py(p.y));
            // Labels go right of the point, or left of it near the right edge.
            let near_right = cx > left + (right - left) * 0.7;
            let (lx, anchor) = if near_right { (cx - 8.0, "end") } else { (cx + 8.0, "start") };
            view! {
                <g class=format!("scatter-point {point_class}") data-key=p.key data-quadrant=p.quadrant
                    data-x=fixed(p.x, 2) data-y=fixed(p.y, 2)>
                    <title>{p.title}</title>
                    <circle cx=fixed(cx, 1) cy=fixed(cy, 1) r="6" />
                    <text class="scatter-label" x=fixed(lx, 1) y=fixed(cy, 1) dy="0.35em" text-anchor=anchor>{p.label}</text>
                </g>
            }
        })
        .collect_view();
    let (sx, sy) = (fixed(px(split_x), 1), fixed(py(split_y), 1));
    let title = label.clone();
    view! {
        <svg class="quadrant-scatter" id=id viewBox=format!("0 0 {} {}", fixed(W, 0), fixed(H, 0)) role="img"
            aria-label=label preserveAspectRatio="xMidYMid meet">
            <title>{title}</title>
            {x_ticks}
            {y_ticks}
            <rect class="scatter-frame" x=fixed(left, 1) y=fixed(top, 1) width=fixed(right - left, 1) height=fixed(bottom - top, 1) />
            <line class="split-line split-x" x1=sx.clone() x2=sx y1=fixed(top, 1) y2=fixed(bottom, 1) data-value=fixed(split_x, 2) />
            <line class="split-line split-y" x1=fixed(left, 1) x2=fixed(right, 1) y1=sy.clone() y2=sy data-value=fixed(split_y, 2) />
            {corner(tl, false, true)}
            {corner(tr, true, true)}
            {corner(bl, false, false)}
            {corner(br, true, false)}
            <text class="scatter-axis" x=fixed((left + right) / 2.0, 1) y=fixed(H - 6.0, 1) text-anchor="middle">{x_label}</text>
            <text class="scatter-axis" x="0" y="0" text-anchor="middle"
                transform=format!("translate(14 {}) rotate(-90)", fixed((top + bottom) / 2.0, 1))>{y_label}</text>
            {dots}
        </svg>
    }
}
