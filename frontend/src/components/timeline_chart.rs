//! A timeline of date ranges on a shared time axis (`.timeline-chart`), drawn with plain HTML.

use super::charts::{fixed, locale_tag, today};
use crate::i18n::{iso_year, use_i18n};
use accord_api::Locale;
use chrono::{Datelike, Months, NaiveDate};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// "мар." / "Mar", with the year when `with_year` ("мар. 2026 г." / "Mar 2026").
fn month_label(locale: Locale, day: NaiveDate, with_year: bool) -> String {
    let options = js_sys::Intl::DateTimeFormatOptions::new();
    options.set_month(js_sys::Intl::MonthFormat::Short);
    if with_year {
        options.set_year(js_sys::Intl::YearFormat::Numeric);
    }
    options.set_time_zone("UTC");
    let locales = js_sys::Array::of1(&JsValue::from_str(locale_tag(locale)));
    let formatter = js_sys::Intl::DateTimeFormat::new(&locales, &options);
    let millis = day.and_hms_opt(12, 0, 0).map(|t| t.and_utc().timestamp_millis() as f64).unwrap_or_default();
    let date = js_sys::Date::new(&JsValue::from_f64(millis));
    formatter
        .format()
        .call1(&JsValue::NULL, &date)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| format!("{}-{:02}", iso_year(day.year()), day.month()))
}

/// One bar of a [`TimelineChart`].
pub struct TimelineRow {
    /// `data-id` of the row.
    pub key: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// The bar's colour: `blue`, `green`, `grey`.
    pub tone: &'static str,
    /// How much of the bar is filled in.
    pub progress: Option<u8>,
    /// Extra classes on the row (e.g. `stage`).
    pub class_name: &'static str,
    /// The left column: what the bar is.
    pub label: ViewFn,
    /// Under the row, across the full width.
    pub details: Option<ViewFn>,
    /// The bar's tooltip.
    pub bar_title: Signal<String>,
}

/// The first day of `day`'s month.
fn month_start(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// Month starts inside `from..=to`, every `step` months (Januaries always show their year).
fn ticks(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    let step = match months {
        ..=8 => 1,
        9..=24 => 3,
        25..=48 => 6,
        _ => 12,
    };
    let mut out = Vec::new();
    let mut at = month_start(from);
    if at < from {
        at = at.checked_add_months(Months::new(1)).unwrap_or(at);
    }
    // Aligned steps read better: quarters start in Jan/Apr/Jul/Oct, halves in Jan/Jul.
    while step > 1 && !(at.month() - 1).is_multiple_of(step) {
        at = match at.checked_add_months(Months::new(1)) {
            Some(next) => next,
            None => return out,
        };
    }
    while at <= to && out.len() < 40 {
        out.push(at);
        at = match at.checked_add_months(Months::new(step)) {
            Some(next) => next,
            None => break,
        };
    }
    out
}

/// `.timeline-chart`: each row a bar from its start to its end day on one shared axis of
/// months, with a "today" line (`.timeline-today`). Rows stack; labels sit on the left.
#[component]
pub fn TimelineChart(
    rows: Vec<TimelineRow>,
    #[prop(default = today())] today: NaiveDate,
    /// The axis' "today" caption.
    #[prop(into)]
    today_label: Signal<String>,
    /// Extra classes on the wrapper (e.g. `timeline`).
    #[prop(optional)]
    class_name: &'static str,
    /// The accessible name of the chart.
    #[prop(optional, into)]
    label: Option<Signal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let start = rows.iter().map(|r| r.starts_on.min(r.ends_on)).chain([today]).min().unwrap_or(today);
    let end = rows.iter().map(|r| r.ends_on.max(r.starts_on)).chain([today]).max().unwrap_or(today);
    // A little air on both sides, so bars at the edges and "today" stay readable.
    let pad = ((end - start).num_days() / 40).max(3);
    let (start, end) = (start - chrono::Duration::days(pad), end + chrono::Duration::days(pad));
    let span = ((end - start).num_days() + 1).max(1) as f64;
    let at = move |day: NaiveDate| ((day - start).num_days() as f64 / span * 100.0).clamp(0.0, 100.0);
    let today_at = at(today);
    let today_line =
        move || view! { <span class="timeline-today" style=format!("left: {}%", fixed(today_at, 2))></span> };

    // A month label needs room to its right; one too close to the end is left out.
    let tick_days = ticks(start, end).into_iter().filter(|d| at(*d) < 92.0).collect::<Vec<_>>();
    let grid = {
        let days = tick_days.clone();
        move || {
            days.iter()
                .map(|d| view! { <span class="timeline-grid" style=format!("left: {}%", fixed(at(*d), 2))></span> })
                .collect_view()
        }
    };
    let axis_labels = tick_days
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let day = *d;
            let with_year = i == 0 || day.month() == 1;
            view! {
                <span class="timeline-tick" style=format!("left: {}%", fixed(at(day), 2))>
                    {move || month_label(i18n.locale(), day, with_year)}
                </span>
            }
        })
        .collect_view();

    let body = rows
        .into_iter()
        .map(|row| {
            let left = at(row.starts_on.min(row.ends_on));
            let right = at(row.ends_on.max(row.starts_on) + chrono::Duration::days(1));
            let width = (right - left).max(0.8);
            let fill = row.progress.unwrap_or(0).min(100);
            let bar_title = row.bar_title;
            let label = row.label.clone();
            let details = row.details.clone();
            let past = row.ends_on < today;
            view! {
                <div class=format!("timeline-row {}", row.class_name) data-id=row.key
                    class:timeline-row-past=past>
                    <div class="timeline-label">{label.run()}</div>
                    <div class="timeline-track">
                        {grid.clone()}
                        {today_line}
                        <div class=format!("timeline-bar timeline-bar-{}", row.tone)
                            style=format!("left: {}%; width: {}%", fixed(left, 2), fixed(width, 2))
                            title=move || bar_title.get()>
                            <div class="timeline-bar-fill" style=format!("width: {fill}%")></div>
                        </div>
                    </div>
                    {details.map(|d| view! { <div class="timeline-details">{d.run()}</div> })}
                </div>
            }
        })
        .collect_view();

    view! {
        <div class=format!("timeline-chart {class_name}") role="group" aria-label=move || label.map(|l| l.get())>
            <div class="timeline-axis">
                <div class="timeline-label"></div>
                <div class="timeline-track timeline-ticks">
                    {axis_labels}
                    <span class="timeline-today-label" style=format!("left: {}%", fixed(today_at, 2))>
                        {move || today_label.get()}
                    </span>
                </div>
            </div>
            {body}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::ticks;
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn ticks_are_month_starts_inside_the_range() {
        let t = ticks(day(2026, 1, 15), day(2026, 5, 2));
        assert_eq!(t, vec![day(2026, 2, 1), day(2026, 3, 1), day(2026, 4, 1), day(2026, 5, 1)]);
    }

    #[test]
    fn long_ranges_tick_by_quarter() {
        let t = ticks(day(2026, 2, 1), day(2027, 3, 1));
        assert_eq!(t.first(), Some(&day(2026, 4, 1)));
        assert!(t.windows(2).all(|w| (w[1] - w[0]).num_days() > 80));
    }
}
