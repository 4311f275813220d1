//! Small charts drawn with plain HTML and inline SVG (no chart library): a progress bar, a
//! sparkline with reference lines, a stacked bar, a trend with gaps (`trend`) and a scatter
//! split into quadrants (`scatter`); the time axis is in `timeline_chart`.

use crate::i18n::use_i18n;
use accord_api::Locale;
use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

mod health;
mod scatter;
mod trend;

pub use health::{HealthChart, HealthPoint};
pub use scatter::{QuadrantScatter, ScatterPoint};
pub use trend::{GapTrend, TrendPoint};

pub(super) fn locale_tag(locale: Locale) -> &'static str {
    match locale {
        Locale::Ru => "ru-RU",
        Locale::En => "en-US",
    }
}

/// "42 %" / "42%".
pub fn format_percent(locale: Locale, pct: u8) -> String {
    match locale {
        Locale::Ru => format!("{pct}\u{a0}%"),
        Locale::En => format!("{pct}%"),
    }
}

/// A measured number for reading: grouped, at most two decimals ("1 250,5" / "1,250.5").
pub fn format_number(locale: Locale, value: f64) -> String {
    let options = js_sys::Intl::NumberFormatOptions::new();
    options.set_maximum_fraction_digits(2);
    let locales = js_sys::Array::of1(&JsValue::from_str(locale_tag(locale)));
    let formatter = js_sys::Intl::NumberFormat::new(&locales, &options);
    formatter
        .format()
        .call1(&JsValue::NULL, &JsValue::from_f64(value))
        .ok()
        .and_then(|v| v.as_string())
        // `Number.prototype.toString`: the same shortest digits as Rust's `{value}` between 1e-7
        // and 1e21 (and never reached: `Intl.NumberFormat` formats every number).
        .unwrap_or_else(|| js_sys::Number::from(value).to_string_with_radix(10).map(String::from).unwrap_or_default())
}

/// `value` with `places` decimals (at most 6), for coordinates and percentages in SVG and
/// styles: "12.3", "-0.5". Written with integers because Rust's float formatting is one of the
/// largest pieces of the standard library in the web bundle and the charts are its only users
/// there. Halves round away from zero; a value that is not finite or too large for the integers
/// writes 0.
pub fn fixed(value: f64, places: u32) -> String {
    let scale = 10i64.pow(places.min(6));
    let scaled = (value * scale as f64).round();
    if !scaled.is_finite() || scaled.abs() > 9e18 {
        return "0".to_owned();
    }
    let units = scaled as i64;
    // As `format!` does: the value's sign, even when it rounds to zero.
    let sign = if value.is_sign_negative() { "-" } else { "" };
    let (whole, part) = (units.unsigned_abs() / scale.unsigned_abs(), units.unsigned_abs() % scale.unsigned_abs());
    if places == 0 {
        return format!("{sign}{whole}");
    }
    let part = part.to_string();
    let zeros = "0".repeat(places.min(6) as usize - part.len());
    format!("{sign}{whole}.{zeros}{part}")
}

/// Today in the browser's time zone.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or_default()
}

/// `.progress`: a bar filled to `pct` with the percentage as text (`.progress-pct`), an optional
/// caption such as "3 of 5 done", and `empty` instead of the percentage while `pct` is `None`.
#[component]
pub fn ProgressBar(
    #[prop(into)] pct: Signal<Option<u8>>,
    /// Extra classes on the wrapper, e.g. `goal-progress`.
    #[prop(optional)]
    class_name: &'static str,
    /// Shown after the percentage.
    #[prop(optional, into)]
    caption: Option<Signal<String>>,
    /// Shown while there is no percentage (e.g. "no data yet").
    #[prop(optional, into)]
    empty: Option<Signal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let class = format!("progress {class_name}");
    let width = move || format!("width: {}%", pct.get().unwrap_or(0).min(100));
    let text = move || match pct.get() {
        Some(p) => format_percent(i18n.locale(), p),
        None => empty.map(|e| e.get()).unwrap_or_else(|| "—".to_owned()),
    };
    view! {
        <div
            class=class
            class:progress-none=move || pct.get().is_none()
            class:progress-complete=move || pct.get().is_some_and(|p| p >= 100)
            role="progressbar"
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=move || pct.get().map(|p| p.to_string())
            data-pct=move || pct.get().map(|p| p.to_string())
        >
            <div class="progress-track"><div class="progress-fill" style=width></div></div>
            <span class="progress-text">
                <span class="progress-pct">{text}</span>
                {caption.map(|c| view! { <span class="progress-caption">{move || c.get()}</span> })}
            </span>
        </div>
    }
}

const SPARK_W: f64 = 320.0;
const SPARK_H: f64 = 64.0;
/// `SPARK_W` and `SPARK_H` as attribute values.
const SPARK_W_TEXT: &str = "320";
const SPARK_H_TEXT: &str = "64";
const SPARK_PAD: f64 = 6.0;

/// A horizontal dashed line across a [`Sparkline`], e.g. the baseline or the target.
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    pub value: f64,
    /// `spark-ref-baseline`, `spark-ref-target`…
    pub class_name: &'static str,
}

/// `svg.sparkline`: values over time (oldest first), spaced by their dates, with optional
/// reference lines. With no values only the reference lines show.
#[component]
pub fn Sparkline(
    points: Vec<(NaiveDate, f64)>,
    #[prop(optional)] references: Vec<Reference>,
    #[prop(optional)] class_name: &'static str,
    /// The accessible name (and the tooltip).
    #[prop(optional, into)]
    label: Option<Signal<String>>,
) -> impl IntoView {
    let values = points.iter().map(|(_, v)| *v).chain(references.iter().map(|r| r.value));
    let (mut low, mut high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if !low.is_finite() || !high.is_finite() {
        (low, high) = (0.0, 1.0);
    }
    if (high - low).abs() < f64::EPSILON {
        (low, high) = (low - 1.0, high + 1.0);
    }
    let y = move |v: f64| SPARK_H - SPARK_PAD - (v - low) / (high - low) * (SPARK_H - 2.0 * SPARK_PAD);
    let first = points.first().map(|(d, _)| *d);
    let span = match (points.first(), points.last()) {
        (Some((a, _)), Some((b, _))) => (*b - *a).num_days(),
        _ => 0,
    };
    let count = points.len();
    let x = move |i: usize, day: NaiveDate| -> f64 {
        let inner = SPARK_W - 2.0 * SPARK_PAD;
        if span > 0 {
            let days = first.map(|f| (day - f).num_days()).unwrap_or(0) as f64;
            SPARK_PAD + days / span as f64 * inner
        } else if count > 1 {
            SPARK_PAD + i as f64 / (count - 1) as f64 * inner
        } else {
            SPARK_W / 2.0
        }
    };
    let coords: Vec<(f64, f64)> = points.iter().enumerate().map(|(i, (d, v))| (x(i, *d), y(*v))).collect();
    let line = coords.iter().map(|(x, y)| format!("{},{}", fixed(*x, 1), fixed(*y, 1))).collect::<Vec<_>>().join(" ");
    let area = match (coords.first(), coords.last()) {
        (Some((x0, _)), Some((x1, _))) if coords.len() > 1 => {
            let floor = SPARK_H - SPARK_PAD;
            let (x0, x1, floor) = (fixed(*x0, 1), fixed(*x1, 1), fixed(floor, 1));
            Some(format!("{x0},{floor} {line} {x1},{floor}"))
        }
        _ => None,
    };
    let refs = references
        .iter()
        .map(|r| {
            let ry = fixed(y(r.value), 1);
            view! {
                <line class=format!("spark-ref {}", r.class_name) x1="0" x2=SPARK_W_TEXT y1=ry.clone() y2=ry />
            }
        })
        .collect_view();
    let last = coords.last().map(|(cx, cy)| {
        view! { <circle class="spark-last" cx=fixed(*cx, 1) cy=fixed(*cy, 1) r="3" /> }
    });
    let title = label.map(|l| view! { <title>{move || l.get()}</title> });
    view! {
        <svg
            class=format!("sparkline {class_name}")
            viewBox=format!("0 0 {SPARK_W_TEXT} {SPARK_H_TEXT}")
            width=SPARK_W_TEXT
            height=SPARK_H_TEXT
            role="img"
            aria-label=move || label.map(|l| l.get())
            data-points=count.to_string()
        >
            {title}
            {refs}
            {area.map(|a| view! { <polygon class="spark-area" points=a /> })}
            {(count > 1).then(|| view! { <polyline class="spark-line" points=line /> })}
            {last}
        </svg>
    }
}

/// One part of a [`StackedBar`]: how many, its class (`split-promoters`…) and its tooltip.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub count: u32,
    pub class_name: &'static str,
    pub title: String,
}

/// `.stacked-bar`: one bar split into `span.stack-segment.{class}[data-count]` parts as wide as
/// their share of the total; an empty track when the total is 0.
#[component]
pub fn StackedBar(
    segments: Vec<Segment>,
    #[prop(optional)] id: Option<&'static str>,
    /// The accessible name.
    #[prop(optional, into)]
    label: Option<String>,
) -> impl IntoView {
    let total: u32 = segments.iter().map(|s| s.count).sum();
    let parts = segments
        .into_iter()
        .filter(|s| s.count > 0)
        .map(|s| {
            let width = format!("width: {}%", fixed(f64::from(s.count) / f64::from(total) * 100.0, 2));
            view! {
                <span class=format!("stack-segment {}", s.class_name) style=width data-count=s.count.to_string()
                    title=s.title></span>
            }
        })
        .collect_view();
    view! {
        <div class="stacked-bar" id=id role="img" aria-label=label data-total=total.to_string()>{parts}</div>
    }
}

#[cfg(test)]
mod tests {
    use super::fixed;

    #[test]
    fn fixed_writes_what_format_writes_for_chart_values() {
        // Every value a chart draws (0 – 320 in steps finer than the places), away from halves.
        for i in -3_000..=320_000 {
            let value = f64::from(i) / 1000.0 + 0.0001;
            for places in 0..=3 {
                assert_eq!(fixed(value, places), format!("{value:.*}", places as usize), "{value} to {places}");
            }
        }
        assert_eq!(fixed(0.0, 2), "0.00");
        assert_eq!(fixed(-0.04, 1), "-0.0");
        assert_eq!(fixed(-0.06, 1), "-0.1");
        assert_eq!(fixed(12.25, 1), "12.3");
        assert_eq!(fixed(f64::NAN, 1), "0");
        assert_eq!(fixed(f64::INFINITY, 1), "0");
    }
}
