//! `svg.money-bars`: paid revenue per month as bars (`rect.money-bar[data-month][data-minor]`,
//! each with its tooltip), a month label under each, and grid lines at 0, half and the top of a
//! rounded scale labelled in the currency.

use super::{amount, month_label};
use crate::components::charts::fixed;
use crate::i18n::{fill, use_i18n};
use accord_api::revenue::MonthPoint;
use chrono::Datelike;
use leptos::prelude::*;

const W: f64 = 720.0;
const H: f64 = 220.0;
const PAD_LEFT: f64 = 92.0;
const PAD_RIGHT: f64 = 8.0;
const PAD_TOP: f64 = 10.0;
const PAD_BOTTOM: f64 = 30.0;

/// The top of the scale for a largest value of `max` minor units: 1, 2 or 5 × a power of ten
/// major units (`scale` minor units per major), at least one major unit.
pub fn scale_top(max: i64, scale: i64) -> i64 {
    let major = (max.max(1) as u64).div_ceil(scale.max(1) as u64).max(1);
    let mut step = 1u64;
    loop {
        for m in [1u64, 2, 5] {
            if step.saturating_mul(m) >= major {
                return (step.saturating_mul(m) as i64).saturating_mul(scale);
            }
        }
        step = step.saturating_mul(10);
    }
}

#[component]
pub fn MonthBars(
    points: Vec<MonthPoint>,
    currency: String,
    #[prop(optional)] id: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let points = StoredValue::new(points);
    let currency = StoredValue::new(currency);
    move || {
        let locale = i18n.locale();
        let t = i18n.t();
        let code = currency.get_value();
        let scale = 10_i64.pow(accord_api::money::minor_units(&code));
        let points = points.get_value();
        let max = points.iter().map(|p| p.amount_minor).max().unwrap_or(0);
        let top = scale_top(max, scale);
        let inner_h = H - PAD_TOP - PAD_BOTTOM;
        let y = move |v: i64| PAD_TOP + inner_h - (v.max(0) as f64 / top as f64) * inner_h;
        let count = points.len().max(1);
        let step = (W - PAD_LEFT - PAD_RIGHT) / count as f64;
        let grid = [0, top / 2, top]
            .into_iter()
            .map(|v| {
                let gy = fixed(y(v), 1);
                let class = if v == 0 { "bars-grid bars-zero" } else { "bars-grid" };
                view! {
                    <line class=class x1=fixed(PAD_LEFT, 1) x2=fixed(W - PAD_RIGHT, 1) y1=gy.clone() y2=gy.clone() />
                    <text class="bars-tick" x=fixed(PAD_LEFT - 8.0, 1) y=gy dy="0.35em" text-anchor="end">
                        {amount(locale, v, &code)}
                    </text>
                }
            })
            .collect_view();
        let bars = points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let x = PAD_LEFT + i as f64 * step;
                let width = (step * 0.62).max(2.0);
                let bx = x + (step - width) / 2.0;
                let top_y = y(p.amount_minor);
                let height = (PAD_TOP + inner_h - top_y).max(0.0);
                let with_year = i == 0 || p.month.month() == 1;
                let label = month_label(locale, p.month, with_year);
                let title = fill(
                    t.money().chart_bar,
                    &[&month_label(locale, p.month, true), &amount(locale, p.amount_minor, &code)],
                );
                let key = crate::i18n::iso_day(&p.month);
                view! {
                    <g class="bars-slot">
                        <rect class="money-bar" class:bar-empty={p.amount_minor == 0} x=fixed(bx, 1)
                            y=fixed(if p.amount_minor == 0 { PAD_TOP + inner_h - 1.0 } else { top_y }, 1)
                            width=fixed(width, 1) height=fixed(if p.amount_minor == 0 { 1.0 } else { height }, 1) rx="3"
                            data-month=key data-minor=p.amount_minor.to_string()>
                            <title>{title}</title>
                        </rect>
                        <text class="bars-label" x=fixed(x + step / 2.0, 1) y=fixed(H - PAD_BOTTOM + 18.0, 1)
                            text-anchor="middle">{label}</text>
                    </g>
                }
            })
            .collect_view();
        let aria = fill(t.money().chart_hint, &[&code]);
        view! {
            <svg class="money-bars" id=id viewBox=format!("0 0 {} {}", fixed(W, 0), fixed(H, 0)) role="img"
                aria-label=aria preserveAspectRatio="xMidYMid meet" data-points=points.len().to_string()>
                {grid}
                {bars}
            </svg>
        }
    }
}

#[cfg(test)]
mod tests {
    use super::scale_top;

    #[test]
    fn the_scale_ends_on_a_round_number() {
        assert_eq!(scale_top(0, 100), 100);
        assert_eq!(scale_top(15_000_000, 100), 20_000_000);
        assert_eq!(scale_top(20_000_000, 100), 20_000_000);
        assert_eq!(scale_top(20_000_001, 100), 50_000_000);
        assert_eq!(scale_top(7_300, 1), 10_000);
        assert_eq!(scale_top(99, 100), 100);
    }
}
