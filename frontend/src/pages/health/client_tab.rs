//! `/app/clients/:id/health`: the client's score (`#health-score[data-score][data-tone]`, "no
//! data" without one), its risk flags (`#health-flags`), the parts of the score
//! (`table#health-parts`, a `tr.part-row[data-key][data-grade]` per signal with its grade bar,
//! weight, points and reason), the signals left out for want of data (`#health-left-out`), and
//! the last 12 months (`svg#health-chart`: the daily score, the corridor shaded, red markers on
//! days below it, the at-risk threshold dashed).

use super::labels::{decimal, flag_text, reason_text, short_decimal, signal_name, tone};
use super::ScorePill;
use crate::api::health as api;
use crate::api::ApiError;
use crate::components::charts::{fixed, today, HealthChart, HealthPoint};
use crate::components::{ErrorBanner, Loading};
use crate::i18n::{fill, format_date_time, format_day, use_i18n, Texts};
use accord_api::error::Code;
use accord_api::health::{ClientHealth, HealthDay, RiskFlag, SignalPart};
use accord_api::{ClientId, Locale};
use chrono::{Datelike, Months, NaiveDate};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsValue;

#[component]
pub fn HealthTab() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|s| s.parse::<ClientId>().ok()));
    let data = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::client(id).await,
                None => Err(ApiError::local(Code::NotFound, String::new())),
            }
        }
    });
    let body = move || {
        match data.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(health)) => view! { <HealthBody health=health /> }.into_any(),
        Some(Err(e)) if e.status == 403 => view! {
            <div class="card"><p class="muted" id="health-forbidden">{move || i18n.t().health().health_forbidden}</p></div>
        }
        .into_any(),
        Some(Err(error)) => view! { <ErrorBanner error=error on_retry=Callback::new(move |_| data.refetch()) /> }.into_any(),
    }
    };
    view! { <div class="client-health" id="client-health">{body}</div> }
}

#[component]
fn HealthBody(health: ClientHealth) -> impl IntoView {
    let ClientHealth { current, history, drop, flags, settings, .. } = health;
    let threshold = settings.at_risk_below;
    let corridor = settings.corridor;
    view! {
        <div class="health-top">
            <ScoreCard score=current.score computed_at=current.computed_at flags=flags drop=drop settings=settings />
            <ChartCard history=history threshold=threshold corridor=corridor />
        </div>
        <PartsCard parts=current.parts left_out=current.left_out />
    }
}

#[component]
fn ScoreCard(
    score: Option<u8>,
    computed_at: chrono::DateTime<chrono::Utc>,
    flags: Vec<RiskFlag>,
    drop: Option<u8>,
    settings: accord_api::health::HealthSettings,
) -> impl IntoView {
    let i18n = use_i18n();
    let settings = StoredValue::new(settings);
    let flag_items = flags
        .iter()
        .map(|flag| {
            let flag = *flag;
            let text = move || {
                let h = i18n.t().health();
                settings.with_value(|s| match flag {
                    RiskFlag::Low => fill(h.flag_low_long, &[&s.at_risk_below]),
                    RiskFlag::Drop => {
                        let points = drop.map_or(s.drop_points, u32::from);
                        h.flag_drop_long.fill(points.into(), &[&points, &h.days_n.count(s.drop_days.into())])
                    }
                })
            };
            view! { <li class="risk-flag" data-flag=flag.as_str()>{text}</li> }
        })
        .collect_view();
    let at_risk = !flags.is_empty();
    // A drop that did not make the list still shows, quietly.
    let quiet_drop = (!at_risk).then_some(drop).flatten().filter(|d| *d > 0).map(|d| {
        view! {
            <p class="muted health-drop" id="health-drop">
                {move || settings.with_value(|s| flag_text(i18n.t(), RiskFlag::Drop, Some(d), Some(s)))}
            </p>
        }
    });
    let figure = match score {
        Some(_) => view! {
            <div class="health-figure">
                <ScorePill score=score big=true />
                <span class="health-of muted">"/ 100"</span>
            </div>
        }
        .into_any(),
        None => view! {
            <p class="health-no-data">{move || i18n.t().health().no_data}</p>
            <p class="muted">{move || i18n.t().health().no_score_hint}</p>
        }
        .into_any(),
    };
    view! {
        <div class="card health-score-card" id="health-score" data-score=score.map(|s| s.to_string())
            data-tone=tone(score) data-at-risk=at_risk.to_string()>
            <h2 class="card-title">{move || i18n.t().health().score_title}</h2>
            {figure}
            <p class="muted health-computed">
                {move || fill(i18n.t().health().computed_at, &[&format_date_time(i18n.locale(), &computed_at)])}
            </p>
            <div id="health-flags" class="health-flags">
                {if at_risk {
                    view! {
                        <span class="badge badge-red">{move || i18n.t().health().at_risk_badge}</span>
                        <ul class="risk-flag-list">{flag_items}</ul>
                    }
                    .into_any()
                } else {
                    view! { <span class="badge badge-green">{move || i18n.t().health().not_at_risk}</span> }.into_any()
                }}
                {quiet_drop}
            </div>
        </div>
    }
}

/// `.grade-bar[data-grade]`: a 0–10 grade as a bar, coloured like a score of ten times it.
fn grade_bar(grade: f64) -> impl IntoView {
    let i18n = use_i18n();
    let pct = (grade.clamp(0.0, 10.0) * 10.0).round();
    let class = format!("grade-bar health-{}", tone(Some(pct as u8)));
    view! {
        <div class=class data-grade=fixed(grade, 1)>
            <span class="grade-track"><span class="grade-fill" style=format!("width: {}%", fixed(pct, 0))></span></span>
            <span class="grade-text">{move || decimal(i18n.locale(), grade, 1)}</span>
        </div>
    }
}

#[component]
fn PartsCard(parts: Vec<SignalPart>, left_out: Vec<accord_api::health::SignalKey>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = parts
        .into_iter()
        .map(|part| {
            let SignalPart { key, grade, weight, points, reason } = part;
            let reason = StoredValue::new(reason);
            let why = move || {
                let locale = i18n.locale();
                reason.with_value(|r| reason_text(i18n.t(), locale, r, &|d| format_day(locale, d)))
            };
            view! {
                <tr class="part-row" data-key=key.as_str() data-grade=fixed(grade, 1)>
                    <td class="cell-main part-name">{move || signal_name(i18n.t(), key)}</td>
                    <td class="part-grade">{grade_bar(grade)}</td>
                    <td class="num part-weight">{weight}</td>
                    <td class="num part-points" data-points=fixed(points, 1)>{move || short_decimal(i18n.locale(), points)}</td>
                    <td class="part-reason">{why}</td>
                </tr>
            }
        })
        .collect_view();
    let left = (!left_out.is_empty()).then(|| {
        let items = left_out
            .into_iter()
            .map(|key| view! { <li class="left-out" data-key=key.as_str()>{move || signal_name(i18n.t(), key)}</li> })
            .collect_view();
        view! {
            <div class="health-left-out" id="health-left-out">
                <span class="left-out-title">{move || i18n.t().health().left_out_title} ":"</span>
                <ul class="left-out-list">{items}</ul>
            </div>
        }
    });
    view! {
        <div class="card card-flush" id="health-parts-card">
            <div class="card-head"><h2 class="card-title">{move || i18n.t().health().parts_title}</h2></div>
            <div class="table-wrap">
                <table class="table health-table" id="health-parts">
                    <thead>
                        <tr>
                            <th>{move || i18n.t().health().col_signal}</th>
                            <th>{move || i18n.t().health().col_grade}</th>
                            <th class="num">{move || i18n.t().health().col_weight}</th>
                            <th class="num">{move || i18n.t().health().col_points}</th>
                            <th>{move || i18n.t().health().col_reasons}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {left}
            <p class="card-hint table-caption parts-hint">{move || i18n.t().health().parts_hint}</p>
        </div>
    }
}

#[component]
fn ChartCard(history: Vec<HealthDay>, threshold: u32, corridor: u32) -> impl IntoView {
    let i18n = use_i18n();
    let empty = history.is_empty();
    let history = StoredValue::new(history);
    let chart = move || {
        let (t, locale) = (i18n.t(), i18n.locale());
        let days = history.get_value();
        let end = days.last().map_or_else(today, |d| d.day.max(today()));
        let start = end.checked_sub_months(Months::new(12)).unwrap_or(end);
        let last = days.len().saturating_sub(1);
        let points = days
            .iter()
            .enumerate()
            .map(|(i, d)| HealthPoint {
                day: d.day,
                score: f64::from(d.score),
                low: d.low,
                high: d.high,
                below: d.below,
                title: if d.below || i == last { point_title(t, locale, d) } else { String::new() },
            })
            .collect();
        view! {
            <HealthChart points=points start=start end=end threshold=f64::from(threshold)
                months=month_ticks(locale, start, end) id="health-chart" label=t.health().chart_title />
        }
    };
    view! {
        <div class="card health-chart-card" id="health-chart-card">
            <h2 class="card-title">{move || i18n.t().health().chart_title}</h2>
            {chart}
            <ul class="health-legend">
                <li class="legend-score">{move || i18n.t().health().legend_score}</li>
                <li class="legend-corridor">{move || i18n.t().health().legend_corridor}</li>
                <li class="legend-below">{move || i18n.t().health().legend_below}</li>
                <li class="legend-threshold">{move || i18n.t().health().legend_threshold}</li>
            </ul>
            {empty.then(|| view! { <p class="muted" id="health-chart-empty">{move || i18n.t().health().chart_empty}</p> })}
            <p class="card-hint">{move || fill(i18n.t().health().chart_hint, &[&corridor, &threshold])}</p>
        </div>
    }
}

fn point_title(t: &Texts, locale: Locale, d: &HealthDay) -> String {
    fill(
        t.health().chart_point,
        &[&format_day(locale, &d.day), &d.score, &short_decimal(locale, d.low), &short_decimal(locale, d.high)],
    )
}

/// The first day of each month after `start` up to `end`, labelled with its short name (and
/// the year in January).
fn month_ticks(locale: Locale, start: NaiveDate, end: NaiveDate) -> Vec<(NaiveDate, String)> {
    first_days(start, end).into_iter().map(|day| (day, month_label(locale, day, day.month() == 1))).collect()
}

fn first_days(start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
    let mut days = Vec::new();
    let mut next = start.with_day(1).and_then(|d| d.checked_add_months(Months::new(1)));
    while let Some(day) = next.filter(|d| *d <= end) {
        days.push(day);
        next = day.checked_add_months(Months::new(1));
    }
    days
}

fn month_label(locale: Locale, day: NaiveDate, with_year: bool) -> String {
    let options = js_sys::Intl::DateTimeFormatOptions::new();
    options.set_month(js_sys::Intl::MonthFormat::Short);
    if with_year {
        options.set_year(js_sys::Intl::YearFormat::Numeric);
    }
    options.set_time_zone("UTC");
    let tag = match locale {
        Locale::Ru => "ru-RU",
        Locale::En => "en-US",
    };
    let locales = js_sys::Array::of1(&JsValue::from_str(tag));
    let formatter = js_sys::Intl::DateTimeFormat::new(&locales, &options);
    let millis = day.and_hms_opt(12, 0, 0).map(|t| t.and_utc().timestamp_millis() as f64).unwrap_or_default();
    let date = js_sys::Date::new(&JsValue::from_f64(millis));
    formatter.format().call1(&JsValue::NULL, &date).ok().and_then(|v| v.as_string()).unwrap_or_else(|| day.to_string())
}

#[cfg(test)]
mod tests {
    use super::first_days;
    use chrono::NaiveDate;

    #[test]
    fn a_year_has_twelve_month_marks() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let marks = first_days(day(2025, 12, 4), day(2026, 12, 4));
        assert_eq!(marks.len(), 12);
        assert_eq!(marks[0], day(2026, 1, 1));
        assert_eq!(marks[11], day(2026, 12, 1));
        assert_eq!(first_days(day(2026, 1, 1), day(2026, 1, 20)), Vec::<NaiveDate>::new());
    }
}
