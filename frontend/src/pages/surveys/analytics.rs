//! `/app/surveys`: the NPS and CSI of a period (`#nps-card`, `#csi-card`), the NPS trend by month
//! or quarter (`svg#nps-trend`), the importance–performance scatter (`svg#ipa-scatter`), tables
//! per manager, client and segment, and each campaign's latest wave against the previous one.
//! Filters: `#analytics-from`, `#analytics-to`, `#analytics-manager` (owners and admins),
//! `#analytics-client`.

use super::analytics_parts::{GroupTable, IpaCard, SegmentTables, WaveComparisonCard};
use super::client_choice::ClientFilter;
use super::filters::{year_before, DayFilter, ManagerFilter};
use super::labels::{decimal, part_percent, GroupKind};
use super::SurveysHeader;
use crate::api::surveys::{self as api, AnswerFilters};
use crate::components::async_view;
use crate::components::charts::{fixed, today, GapTrend, Segment, StackedBar, TrendPoint};
use crate::i18n::{fill, iso_day, use_i18n, Texts};
use crate::session::use_session;
use accord_api::surveys::{CsiFigure, GroupFigure, NpsFigure, SurveyAnalytics};
use accord_api::{ClientId, Locale, UserId};
use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

#[component]
pub fn AnalyticsPage() -> impl IntoView {
    let session = use_session();
    let today = today();
    let from = RwSignal::new(Some(year_before(today)));
    let to = RwSignal::new(Some(today));
    let manager = RwSignal::new(None::<UserId>);
    let client = RwSignal::new(None::<ClientId>);
    let filters = Memo::new(move |_| AnswerFilters {
        from: from.get(),
        to: to.get(),
        manager: manager.get(),
        client: client.get(),
        ..AnswerFilters::default()
    });
    let data = LocalResource::new(move || {
        let f = filters.get();
        async move { api::analytics(&f).await }
    });
    view! {
        <section class="page surveys-page" id="survey-analytics">
            <SurveysHeader title=|t| t.surveys_staff().analytics_title subtitle=|t| t.surveys_staff().analytics_subtitle />
            <div class="card card-flush survey-filters-card">
                <div class="filters" id="analytics-filters">
                    <div class="filters-top">
                        <DayFilter id="analytics-from" label=|t| t.surveys_staff().filter_from value=from />
                        <DayFilter id="analytics-to" label=|t| t.surveys_staff().filter_to value=to />
                        <Show when=move || session.is_agency_admin()>
                            <ManagerFilter id="analytics-manager" value=manager />
                        </Show>
                        <ClientFilter id="analytics-client" value=client />
                    </div>
                </div>
            </div>
            {async_view(data, |a| view! { <AnalyticsBody data=a /> })}
        </section>
    }
}

#[component]
fn AnalyticsBody(data: SurveyAnalytics) -> impl IntoView {
    let i18n = use_i18n();
    let (from, to) = (data.from, data.to);
    view! {
        <p class="muted analytics-period" id="analytics-period" data-from=iso_day(&from) data-to=iso_day(&to)>
            {move || crate::i18n::format_period(i18n.locale(), Some(from), Some(to), ("", "")).unwrap_or_default()}
        </p>
        <div class="survey-figures">
            <NpsCard nps=data.nps />
            <CsiCard csi=data.csi.clone() />
        </div>
        <TrendCard by_month=data.by_month by_quarter=data.by_quarter />
        <IpaCard csi=data.csi criteria=data.criteria />
        <GroupTable id="by-manager" kind=GroupKind::Manager title=|t| t.surveys_staff().by_manager_title
            head=|t| t.surveys_staff().col_manager groups=data.by_manager />
        <GroupTable id="by-client" kind=GroupKind::Client title=|t| t.surveys_staff().by_client_title
            head=|t| t.surveys_staff().col_client groups=data.by_client />
        <SegmentTables temperament=data.by_temperament activity=data.by_activity tier=data.by_tier />
        <WaveComparisonCard waves=data.waves />
    }
}

/// `#nps-card`: `#nps-score[data-score]` (one decimal; "no data" and no `data-score` without
/// answers), `#nps-n[data-n]` and `#nps-split`.
#[component]
fn NpsCard(nps: Option<NpsFigure>) -> impl IntoView {
    let i18n = use_i18n();
    let body = match nps {
        None => view! {
            <p class="big-figure no-data" id="nps-score">{move || i18n.t().surveys_staff().no_data}</p>
        }
        .into_any(),
        Some(figure) => {
            let (score, n) = (figure.score, figure.n);
            view! {
                <p class="big-figure" id="nps-score" data-score=fixed(score, 1) class:figure-negative=score < 0.0>
                    {move || decimal(i18n.locale(), score, 1)}
                </p>
                <p class="figure-n" id="nps-n" data-n=n.to_string()>
                    {move || i18n.t().surveys_staff().answers_n.count(n.into())}
                </p>
                <NpsSplit figure=figure id="nps-split" />
            }
            .into_any()
        }
    };
    view! {
        <div class="card figure-card" id="nps-card">
            <h2 class="card-title">{move || i18n.t().surveys_staff().nps_title}</h2>
            {body}
            <p class="card-hint figure-hint">{move || i18n.t().surveys_staff().nps_hint}</p>
        </div>
    }
}

/// `.nps-split[data-promoters][data-passives][data-detractors]`: the stacked bar and, unless
/// `compact`, its legend with counts and shares.
#[component]
pub fn NpsSplit(
    figure: NpsFigure,
    #[prop(optional)] id: Option<&'static str>,
    #[prop(optional)] compact: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let (promoters, passives, detractors, n) = (figure.promoters, figure.passives, figure.detractors, figure.n);
    let parts = move |t: &'static Texts, locale: Locale| {
        let words = t.surveys_staff();
        let share = move |count: u32| part_percent(locale, count, n).unwrap_or_default();
        [
            ("split-promoters", promoters, words.promoters_n.count(promoters.into()), share(promoters)),
            ("split-passives", passives, words.passives_n.count(passives.into()), share(passives)),
            ("split-detractors", detractors, words.detractors_n.count(detractors.into()), share(detractors)),
        ]
    };
    let bar = move || {
        let parts = parts(i18n.t(), i18n.locale());
        let label = parts.iter().map(|(_, _, text, share)| format!("{text} ({share})")).collect::<Vec<_>>().join(", ");
        let segments = parts
            .into_iter()
            .map(|(class_name, count, text, share)| Segment { count, class_name, title: format!("{text} ({share})") })
            .collect();
        view! { <StackedBar segments=segments label=label /> }
    };
    let legend = move || {
        (!compact).then(|| {
            let items = parts(i18n.t(), i18n.locale())
                .into_iter()
                .map(|(class_name, _, text, share)| {
                    view! {
                        <li class=format!("split-legend-item legend-{class_name}")>
                            <span class="legend-swatch" aria-hidden="true"></span>
                            {text} <span class="muted">{share}</span>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="split-legend">{items}</ul> }
        })
    };
    view! {
        <div class="nps-split" class:nps-split-compact=compact id=id data-promoters=promoters.to_string()
            data-passives=passives.to_string() data-detractors=detractors.to_string()>
            {bar}
            {legend}
        </div>
    }
}

/// `#csi-card`: `#csi-score[data-score]` ("no data" without ratings) and `#csi-n[data-n]`.
#[component]
fn CsiCard(csi: Option<CsiFigure>) -> impl IntoView {
    let i18n = use_i18n();
    let body = match csi {
        None => view! {
            <p class="big-figure no-data" id="csi-score">{move || i18n.t().surveys_staff().no_data}</p>
        }
        .into_any(),
        Some(figure) => {
            let (score, n) = (figure.score, figure.n);
            view! {
                <p class="big-figure" id="csi-score" data-score=fixed(score, 1)>{move || decimal(i18n.locale(), score, 1)}</p>
                <p class="figure-n" id="csi-n" data-n=n.to_string()>
                    {move || i18n.t().surveys_staff().answers_n.count(n.into())}
                </p>
            }
            .into_any()
        }
    };
    view! {
        <div class="card figure-card" id="csi-card">
            <h2 class="card-title">{move || i18n.t().surveys_staff().csi_title}</h2>
            {body}
            <p class="card-hint figure-hint">{move || i18n.t().surveys_staff().csi_hint}</p>
        </div>
    }
}

/// `#nps-trend-card[data-granularity=month|quarter]`: `button#trend-month` and
/// `button#trend-quarter` (`aria-pressed`) switch `svg#nps-trend` (−100..100; a period
/// without answers is a gap).
#[component]
fn TrendCard(by_month: Vec<GroupFigure>, by_quarter: Vec<GroupFigure>) -> impl IntoView {
    let i18n = use_i18n();
    let quarterly = RwSignal::new(false);
    let (months, quarters) = (StoredValue::new(by_month), StoredValue::new(by_quarter));
    let chart = move || {
        let (t, locale) = (i18n.t(), i18n.locale());
        let groups = if quarterly.get() { quarters.get_value() } else { months.get_value() };
        let empty = groups.iter().all(|g| g.nps.is_none());
        let points = groups.into_iter().map(|g| trend_point(t, locale, g)).collect();
        let ticks = [-100.0, -50.0, 0.0, 50.0, 100.0].into_iter().map(|v| (v, decimal(locale, v, 0))).collect();
        view! {
            <GapTrend points=points low=-100.0 high=100.0 ticks=ticks id="nps-trend" label=t.surveys_staff().trend_title />
            {empty.then(|| view! { <p class="muted trend-empty" id="trend-empty">{t.surveys_staff().trend_empty}</p> })}
        }
    };
    let toggle = move |id: &'static str, quarter: bool, text: fn(&'static Texts) -> &'static str| {
        view! {
            <button type="button" id=id class="btn btn-small segmented-button"
                aria-pressed=move || (quarterly.get() == quarter).to_string()
                on:click=move |_| quarterly.set(quarter)>
                {move || text(i18n.t())}
            </button>
        }
    };
    view! {
        <div class="card" id="nps-trend-card" data-granularity=move || if quarterly.get() { "quarter" } else { "month" }>
            <div class="card-title-row">
                <h2 class="card-title">{move || i18n.t().surveys_staff().trend_title}</h2>
                <div class="segmented" role="group">
                    {toggle("trend-month", false, |t| t.surveys_staff().by_month)}
                    {toggle("trend-quarter", true, |t| t.surveys_staff().by_quarter)}
                </div>
            </div>
            {chart}
            <p class="card-hint">{move || i18n.t().surveys_staff().trend_hint}</p>
        </div>
    }
}

fn trend_point(t: &'static Texts, locale: Locale, group: GroupFigure) -> TrendPoint {
    let label = period_label(locale, &group.key).unwrap_or_else(|| group.label.clone());
    let title = match &group.nps {
        Some(nps) => fill(
            t.surveys_staff().trend_point,
            &[&label, &decimal(locale, nps.score, 1), &t.surveys_staff().answers_n.count(nps.n.into())],
        ),
        None => format!("{label}: {}", t.surveys_staff().no_data),
    };
    TrendPoint { key: group.key, label, value: group.nps.map(|n| n.score), title }
}

/// A period key in words: `2026-03` as a month ("мар. 2026 г." / "Mar 2026"), `2026-Q1` (or
/// `2026Q1`) as a quarter ("I кв. 2026" / "Q1 2026"); `None` for any other key.
fn period_label(locale: Locale, key: &str) -> Option<String> {
    let (year, rest) = key.split_at_checked(4)?;
    let year: i32 = year.parse().ok()?;
    let rest = rest.trim_start_matches('-');
    if let Some(q) = rest.strip_prefix(['Q', 'q']) {
        let q: u32 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
        return Some(match locale {
            Locale::Ru => format!("{} кв. {year}", ["I", "II", "III", "IV"][q as usize - 1]),
            Locale::En => format!("Q{q} {year}"),
        });
    }
    let month: u32 = rest.parse().ok()?;
    let day = NaiveDate::from_ymd_opt(year, month, 15)?;
    month_name(locale, day)
}

fn month_name(locale: Locale, day: NaiveDate) -> Option<String> {
    let options = js_sys::Intl::DateTimeFormatOptions::new();
    options.set_month(js_sys::Intl::MonthFormat::Short);
    options.set_year(js_sys::Intl::YearFormat::Numeric);
    options.set_time_zone("UTC");
    let tag = match locale {
        Locale::Ru => "ru-RU",
        Locale::En => "en-US",
    };
    let locales = js_sys::Array::of1(&JsValue::from_str(tag));
    let formatter = js_sys::Intl::DateTimeFormat::new(&locales, &options);
    let millis = day.and_hms_opt(12, 0, 0)?.and_utc().timestamp_millis() as f64;
    let date = js_sys::Date::new(&JsValue::from_f64(millis));
    formatter.format().call1(&JsValue::NULL, &date).ok().and_then(|v| v.as_string())
}
