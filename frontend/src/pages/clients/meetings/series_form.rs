//! `form.series-form`: a new meeting series (`#series-form`), or a series changed from a date on
//! (`#series-change-form`, with `input[name=from]`). Fields are named as the wire fields.

use super::invitees::{InviteeChoice, InviteesField};
use crate::api::meetings as api;
use crate::components::{submit_handler, FieldError, FormErrorExcept, Notice, Problem};
use crate::i18n::{fill, parse_day_input, use_i18n, weekday_name, Texts};
use accord_api::meetings::{Frequency, SeriesChange, SeriesInput, SeriesView};
use accord_api::ClientId;
use leptos::prelude::*;
use leptos::task::spawn_local;

const INLINE: &[&str] = &[
    "title",
    "interval",
    "weekday",
    "month_day",
    "week_of_month",
    "starts_on",
    "time",
    "time_zone",
    "duration_minutes",
    "until",
    "count",
    "from",
    "invitees.staff",
    "invitees.contacts",
];

/// The zones offered first; anything else is typed ("Other…").
pub const COMMON_ZONES: &[&str] = &[
    "Europe/Moscow",
    "Europe/Kaliningrad",
    "Europe/Samara",
    "Asia/Yekaterinburg",
    "Asia/Omsk",
    "Asia/Novosibirsk",
    "Asia/Krasnoyarsk",
    "Asia/Irkutsk",
    "Asia/Yakutsk",
    "Asia/Vladivostok",
    "Asia/Magadan",
    "Asia/Kamchatka",
    "Europe/Minsk",
    "Asia/Almaty",
    "Asia/Tashkent",
    "Asia/Tbilisi",
    "Asia/Yerevan",
    "Asia/Dubai",
    "Europe/Istanbul",
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "UTC",
];

pub const DEFAULT_ZONE: &str = "Europe/Moscow";

pub fn frequency_label(t: &Texts, f: Frequency) -> &'static str {
    match f {
        Frequency::Weekly => t.meetings_staff().freq_weekly,
        Frequency::MonthlyDay => t.meetings_staff().freq_monthly_day,
        Frequency::MonthlyWeekday => t.meetings_staff().freq_monthly_weekday,
    }
}

/// "раз в 2 недели · вторник · 11:00 (Europe/Moscow) · до 1 июн. 2027 г."
pub fn series_rule(t: &'static Texts, locale: accord_api::Locale, s: &SeriesView) -> String {
    let ms = t.meetings_staff();
    let every = match (s.frequency, s.interval) {
        (Frequency::Weekly, 1) => ms.every_week_one.to_owned(),
        (Frequency::Weekly, n) => ms.every_week.count(n.into()),
        (_, 1) => ms.every_month_one.to_owned(),
        (_, n) => ms.every_month.count(n.into()),
    };
    let day = match s.frequency {
        Frequency::Weekly => s.weekday.map(|w| weekday_name(locale, w)).unwrap_or_default(),
        Frequency::MonthlyDay => s.month_day.map(|d| fill(ms.on_month_day, &[&d])).unwrap_or_default(),
        Frequency::MonthlyWeekday => {
            let name = s.weekday.map(|w| weekday_name(locale, w)).unwrap_or_default();
            match s.week_of_month {
                Some(-1) => fill(ms.on_last_week, &[&name]),
                Some(n) => fill(ms.on_week_of_month, &[&n, &name]),
                None => name,
            }
        }
    };
    let mut parts = vec![
        every,
        day,
        format!("{} ({})", s.time, s.time_zone),
        t.meetings().duration.count(s.duration_minutes.into()),
    ];
    if let Some(until) = s.until {
        parts.push(fill(ms.ends_until, &[&crate::i18n::format_day(locale, &until)]));
    }
    if let Some(count) = s.count {
        parts.push(ms.ends_count.count(count.into()));
    }
    parts.retain(|p| !p.is_empty());
    parts.join(" · ")
}

/// How a series ends, as the form's radio buttons choose it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    Never,
    Until,
    Count,
}

impl End {
    fn key(self) -> &'static str {
        match self {
            End::Never => "never",
            End::Until => "until",
            End::Count => "count",
        }
    }
}

/// A new series (`changing` is `None`) or a change of `changing` from a date on.
#[component]
pub fn SeriesForm(client: ClientId, changing: Option<SeriesView>, on_saved: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let start = changing.clone();
    let series_id = start.as_ref().map(|s| s.id);
    let title = RwSignal::new(start.as_ref().map(|s| s.title.clone()).unwrap_or_default());
    let frequency = RwSignal::new(start.as_ref().map_or(Frequency::Weekly, |s| s.frequency));
    let interval = RwSignal::new(start.as_ref().map_or(1, |s| s.interval).to_string());
    let weekday = RwSignal::new(start.as_ref().and_then(|s| s.weekday).unwrap_or(1));
    let month_day = RwSignal::new(start.as_ref().and_then(|s| s.month_day).unwrap_or(1).to_string());
    let week_of_month = RwSignal::new(start.as_ref().and_then(|s| s.week_of_month).unwrap_or(1));
    let starts_on = RwSignal::new(start.as_ref().map(|s| crate::i18n::iso_day(&s.starts_on)).unwrap_or_default());
    let time = RwSignal::new(start.as_ref().map_or_else(|| "11:00".to_owned(), |s| s.time.clone()));
    let zone = RwSignal::new(start.as_ref().map_or_else(|| DEFAULT_ZONE.to_owned(), |s| s.time_zone.clone()));
    let other_zone = RwSignal::new(!COMMON_ZONES.contains(&zone.get_untracked().as_str()));
    let duration = RwSignal::new(start.as_ref().map_or(60, |s| s.duration_minutes).to_string());
    let place = RwSignal::new(start.as_ref().and_then(|s| s.place.clone()).unwrap_or_default());
    let invitees = InviteeChoice::new(start.as_ref().and_then(|s| s.invitees.as_ref()));
    let end = RwSignal::new(match start.as_ref() {
        Some(s) if s.until.is_some() => End::Until,
        Some(s) if s.count.is_some() => End::Count,
        _ => End::Never,
    });
    let until =
        RwSignal::new(start.as_ref().and_then(|s| s.until).map(|d| crate::i18n::iso_day(&d)).unwrap_or_default());
    let count = RwSignal::new(start.as_ref().and_then(|s| s.count).map(|c| c.to_string()).unwrap_or_default());
    let from = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);

    let read = move || -> Result<(SeriesInput, Option<chrono::NaiveDate>), Problem> {
        let f = frequency.get_untracked();
        let number = |value: RwSignal<String>, field: &'static str| -> Result<u16, Problem> {
            value.get_untracked().trim().parse::<u16>().map_err(|_| Problem::Unreadable(field))
        };
        let day = |value: RwSignal<String>, field: &'static str| -> Result<chrono::NaiveDate, Problem> {
            parse_day_input(&value.get_untracked()).ok().flatten().ok_or(Problem::Unreadable(field))
        };
        let input = SeriesInput {
            title: title.get_untracked().trim().to_owned(),
            frequency: f,
            interval: u8::try_from(number(interval, "interval")?).map_err(|_| Problem::Unreadable("interval"))?,
            weekday: matches!(f, Frequency::Weekly | Frequency::MonthlyWeekday).then(|| weekday.get_untracked()),
            month_day: match f {
                Frequency::MonthlyDay => {
                    Some(u8::try_from(number(month_day, "month_day")?).map_err(|_| Problem::Unreadable("month_day"))?)
                }
                _ => None,
            },
            week_of_month: (f == Frequency::MonthlyWeekday).then(|| week_of_month.get_untracked()),
            starts_on: day(starts_on, "starts_on")?,
            time: time.get_untracked().trim().to_owned(),
            time_zone: zone.get_untracked().trim().to_owned(),
            duration_minutes: number(duration, "duration_minutes")?,
            place: Some(place.get_untracked().trim().to_owned()).filter(|p| !p.is_empty()),
            until: if end.get_untracked() == End::Until { Some(day(until, "until")?) } else { None },
            count: if end.get_untracked() == End::Count { Some(number(count, "count")?) } else { None },
            invitees: invitees.read(),
        };
        let from = if series_id.is_some() { Some(day(from, "from")?) } else { None };
        Ok((input, from))
    };

    let send = move |(input, from): (SeriesInput, Option<chrono::NaiveDate>)| {
        pending.set(true);
        problem.set(None);
        spawn_local(async move {
            let answer = match (series_id, from) {
                (Some(id), Some(from)) => api::change_series(id, &SeriesChange { from, series: input }).await,
                _ => api::create_series(client, &input).await,
            };
            match answer {
                Ok(_) => {
                    if series_id.is_none() {
                        title.set(String::new());
                        place.set(String::new());
                    }
                    saved.set(true);
                    on_saved.run(());
                }
                Err(e) => problem.set(Some(Problem::Api(e))),
            }
            pending.set(false);
        });
    };
    let on_submit = submit_handler(pending, saved, problem, read, send);

    let prefix = if series_id.is_some() { "series-change" } else { "series" };
    let fid = move |name: &str| format!("{prefix}-{name}");
    let invalid = move |field: &'static str| {
        move || problem.with(|p| p.as_ref().and_then(Problem::field) == Some(field)).to_string()
    };
    let heading = {
        let name = start.as_ref().map(|s| s.title.clone());
        move || match &name {
            Some(n) => fill(i18n.t().meetings_staff().change_series_title, &[n]),
            None => i18n.t().meetings_staff().new_series.to_owned(),
        }
    };
    let weekday_options = move || {
        (1u8..=7)
            .map(|d| view! { <option value=d.to_string() selected=move || weekday.get() == d>{move || weekday_name(i18n.locale(), d)}</option> })
            .collect_view()
    };
    let weeks: [(i8, crate::components::form::Text); 5] = [
        (1, |t| t.meetings_staff().week_1),
        (2, |t| t.meetings_staff().week_2),
        (3, |t| t.meetings_staff().week_3),
        (4, |t| t.meetings_staff().week_4),
        (-1, |t| t.meetings_staff().week_last),
    ];
    let end_radio = move |value: End, label: fn(&Texts) -> &'static str| {
        view! {
            <label class="check">
                <input type="radio" name="end" value=value.key() prop:checked=move || end.get() == value
                    on:change=move |_| end.set(value) />
                {move || label(i18n.t())}
            </label>
        }
    };
    view! {
        <div class="card series-form-card" id=format!("{prefix}-card")>
            <h2 class="card-title">{heading}</h2>
            <form id=format!("{prefix}-form") class="form series-form" data-mode=if series_id.is_some() { "change" } else { "new" }
                on:submit=on_submit novalidate=true>
                {series_id.is_some().then(|| view! {
                    <div class="field-wrap">
                        <div class="field">
                            <label for=fid("from")>{move || i18n.t().meetings_staff().change_from}</label>
                            <input id=fid("from") name="from" type="date" required=true aria-invalid=invalid("from") bind:value=from />
                            <p class="field-hint">{move || i18n.t().meetings_staff().change_from_hint}</p>
                        </div>
                        <FieldError field="from" problem=problem />
                    </div>
                })}
                <div class="field-wrap">
                    <div class="field">
                        <label for=fid("title")>{move || i18n.t().meetings_staff().meeting_title}</label>
                        <input id=fid("title") name="title" type="text" required=true maxlength="200" autocomplete="off"
                            aria-invalid=invalid("title") bind:value=title />
                    </div>
                    <FieldError field="title" problem=problem />
                </div>
                <div class="form-grid">
                    <div class="field">
                        <label for=fid("frequency")>{move || i18n.t().meetings_staff().frequency}</label>
                        <select id=fid("frequency") name="frequency" prop:value=move || frequency.get().as_str()
                            on:change=move |ev| {
                                if let Some(f) = Frequency::parse(&event_target_value(&ev)) {
                                    frequency.set(f);
                                }
                            }>
                            {Frequency::ALL.iter().map(|&f| view! {
                                <option value=f.as_str() selected=move || frequency.get() == f>{move || frequency_label(i18n.t(), f)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field-wrap">
                        <div class="field">
                            <label for=fid("interval")>{move || i18n.t().meetings_staff().interval}</label>
                            <input id=fid("interval") name="interval" type="number" min="1" max="12" required=true
                                aria-invalid=invalid("interval") bind:value=interval />
                            <p class="field-hint">{move || i18n.t().meetings_staff().interval_hint}</p>
                        </div>
                        <FieldError field="interval" problem=problem />
                    </div>
                    <Show when=move || frequency.get() != Frequency::MonthlyDay>
                        <div class="field-wrap">
                            <div class="field">
                                <label for=fid("weekday")>{move || i18n.t().meetings_staff().weekday}</label>
                                <select id=fid("weekday") name="weekday" prop:value=move || weekday.get().to_string()
                                    on:change=move |ev| {
                                        if let Ok(d) = event_target_value(&ev).parse::<u8>() {
                                            weekday.set(d);
                                        }
                                    }>
                                    {weekday_options}
                                </select>
                            </div>
                            <FieldError field="weekday" problem=problem />
                        </div>
                    </Show>
                    <Show when=move || frequency.get() == Frequency::MonthlyDay>
                        <div class="field-wrap">
                            <div class="field">
                                <label for=fid("month-day")>{move || i18n.t().meetings_staff().month_day}</label>
                                <input id=fid("month-day") name="month_day" type="number" min="1" max="31"
                                    aria-invalid=invalid("month_day") bind:value=month_day />
                            </div>
                            <FieldError field="month_day" problem=problem />
                        </div>
                    </Show>
                    <Show when=move || frequency.get() == Frequency::MonthlyWeekday>
                        <div class="field-wrap">
                            <div class="field">
                                <label for=fid("week-of-month")>{move || i18n.t().meetings_staff().week_of_month}</label>
                                <select id=fid("week-of-month") name="week_of_month" prop:value=move || week_of_month.get().to_string()
                                    on:change=move |ev| {
                                        if let Ok(n) = event_target_value(&ev).parse::<i8>() {
                                            week_of_month.set(n);
                                        }
                                    }>
                                    {weeks.into_iter().map(|(n, label)| view! {
                                        <option value=n.to_string() selected=move || week_of_month.get() == n>{move || label(i18n.t())}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <FieldError field="week_of_month" problem=problem />
                        </div>
                    </Show>
                    <div class="field-wrap">
                        <div class="field">
                            <label for=fid("starts-on")>{move || i18n.t().meetings_staff().starts_on}</label>
                            <input id=fid("starts-on") name="starts_on" type="date" required=true
                                aria-invalid=invalid("starts_on") bind:value=starts_on />
                        </div>
                        <FieldError field="starts_on" problem=problem />
                    </div>
                    <div class="field-wrap">
                        <div class="field">
                            <label for=fid("time")>{move || i18n.t().meetings_staff().time}</label>
                            <input id=fid("time") name="time" type="time" required=true aria-invalid=invalid("time") bind:value=time />
                        </div>
                        <FieldError field="time" problem=problem />
                    </div>
                    <ZoneField prefix=prefix zone=zone other=other_zone problem=problem />
                    <div class="field-wrap">
                        <div class="field">
                            <label for=fid("duration")>{move || i18n.t().meetings_staff().duration_minutes}</label>
                            <input id=fid("duration") name="duration_minutes" type="number" min="5" max="600" step="5" required=true
                                aria-invalid=invalid("duration_minutes") bind:value=duration />
                        </div>
                        <FieldError field="duration_minutes" problem=problem />
                    </div>
                </div>
                <div class="field">
                    <label for=fid("place")>{move || i18n.t().meetings_staff().place}</label>
                    <input id=fid("place") name="place" type="text" maxlength="500" autocomplete="off" bind:value=place />
                    <p class="field-hint">{move || i18n.t().meetings_staff().place_hint}</p>
                </div>
                <fieldset class="field series-end">
                    <legend>{move || i18n.t().meetings_staff().ends}</legend>
                    {end_radio(End::Never, |t| t.meetings_staff().end_never)}
                    {end_radio(End::Until, |t| t.meetings_staff().end_until)}
                    {end_radio(End::Count, |t| t.meetings_staff().end_count)}
                </fieldset>
                <Show when=move || end.get() == End::Until>
                    <div class="field-wrap">
                        <div class="field">
                            <label for=fid("until")>{move || i18n.t().meetings_staff().until}</label>
                            <input id=fid("until") name="until" type="date" aria-invalid=invalid("until") bind:value=until />
                        </div>
                        <FieldError field="until" problem=problem />
                    </div>
                </Show>
                <Show when=move || end.get() == End::Count>
                    <div class="field-wrap">
                        <div class="field">
                            <label for=fid("count")>{move || i18n.t().meetings_staff().count}</label>
                            <input id=fid("count") name="count" type="number" min="1" aria-invalid=invalid("count") bind:value=count />
                        </div>
                        <FieldError field="count" problem=problem />
                    </div>
                </Show>
                <InviteesField client=client prefix=if series_id.is_some() { "series-change" } else { "series" }
                    choice=invitees problem=problem />
                <FormErrorExcept id=if series_id.is_some() { "series-change-error" } else { "series-error" } problem=problem inline=INLINE />
                <div class="form-actions form-actions-start">
                    <button type="submit" id=format!("{prefix}-submit") class="btn btn-primary" disabled=move || pending.get()>
                        {move || match (pending.get(), series_id.is_some()) {
                            (true, _) => i18n.t().common().saving,
                            (false, true) => i18n.t().common().save,
                            (false, false) => i18n.t().meetings_staff().create_series,
                        }}
                    </button>
                </div>
                <Show when=move || saved.get()>
                    <Notice text=Signal::derive(move || if series_id.is_some() {
                        i18n.t().meetings_staff().series_changed
                    } else {
                        i18n.t().meetings_staff().series_created
                    }.to_owned()) />
                </Show>
            </form>
        </div>
    }
}

/// `select[name=time_zone]` over [`COMMON_ZONES`] and "Other…", which shows
/// `input[name=time_zone_other]` for any IANA name.
#[component]
pub fn ZoneField(
    prefix: &'static str,
    zone: RwSignal<String>,
    other: RwSignal<bool>,
    problem: RwSignal<Option<Problem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let select_value = move || if other.get() { "other".to_owned() } else { zone.get() };
    view! {
        <div class="field-wrap">
            <div class="field">
                <label for=format!("{prefix}-time-zone")>{move || i18n.t().meetings_staff().time_zone}</label>
                <select id=format!("{prefix}-time-zone") name="time_zone" prop:value=select_value
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        if value == "other" {
                            other.set(true);
                        } else {
                            other.set(false);
                            zone.set(value);
                        }
                    }>
                    {COMMON_ZONES.iter().map(|&z| view! {
                        <option value=z selected=move || !other.get() && zone.get() == z>{z}</option>
                    }).collect_view()}
                    <option value="other" selected=move || other.get()>{move || i18n.t().meetings_staff().tz_other}</option>
                </select>
            </div>
            <Show when=move || other.get()>
                <div class="field">
                    <label for=format!("{prefix}-time-zone-other")>{move || i18n.t().meetings_staff().tz_other_label}</label>
                    <input id=format!("{prefix}-time-zone-other") name="time_zone_other" type="text" maxlength="64"
                        autocomplete="off" bind:value=zone />
                </div>
            </Show>
            <FieldError field="time_zone" problem=problem />
        </div>
    }
}
