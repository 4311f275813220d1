//! Filter controls the survey pages share: a day, a manager, an NPS class.

use crate::api;
use crate::components::form::Text;
use crate::components::select::Choice;
use crate::i18n::{day_input_value, parse_day_input, use_i18n};
use crate::pages::clients::manager_candidates;
use accord_api::surveys::{FollowupFilter, NpsClass};
use accord_api::UserId;
use chrono::{Datelike, Months, NaiveDate};
use leptos::prelude::*;

impl Choice for NpsClass {
    fn all() -> &'static [Self] {
        NpsClass::ALL
    }

    fn key(self) -> &'static str {
        self.as_str()
    }

    fn from_key(key: &str) -> Option<Self> {
        NpsClass::parse(key)
    }
}

impl Choice for FollowupFilter {
    fn all() -> &'static [Self] {
        FollowupFilter::ALL
    }

    fn key(self) -> &'static str {
        self.as_str()
    }

    fn from_key(key: &str) -> Option<Self> {
        FollowupFilter::parse(key)
    }
}

/// The first day of the default period, as the server picks it: the first of the month eleven
/// months before `today`'s, so the period holds twelve calendar months.
pub fn year_before(today: NaiveDate) -> NaiveDate {
    today.with_day(1).and_then(|first| first.checked_sub_months(Months::new(11))).unwrap_or(today)
}

/// `label.filter` over `input[type=date]#{id}` bound to `value` (an unreadable or empty day is
/// `None`).
#[component]
pub fn DayFilter(id: &'static str, label: Text, value: RwSignal<Option<NaiveDate>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="filter day-filter">
            <span class="filter-label">{move || label(i18n.t())}</span>
            <input type="date" id=id name=id prop:value=move || day_input_value(value.get())
                on:change=move |ev| value.set(parse_day_input(&event_target_value(&ev)).ok().flatten()) />
        </label>
    }
}

/// `label.filter` over `select#{id}`: any manager, or one of the agency's owners, admins and
/// account managers (from the staff directory).
#[component]
pub fn ManagerFilter(id: &'static str, value: RwSignal<Option<UserId>>) -> impl IntoView {
    let i18n = use_i18n();
    let directory = LocalResource::new(api::staff::directory);
    let options = move || {
        let people = directory.get().and_then(Result::ok).map(|d| manager_candidates(&d)).unwrap_or_default();
        people
            .into_iter()
            .map(|m| {
                let id = m.id;
                view! { <option value=id.to_string() selected=move || value.get() == Some(id)>{m.name}</option> }
            })
            .collect_view()
    };
    view! {
        <label class="filter manager-filter">
            <span class="filter-label">{move || i18n.t().surveys_staff().filter_manager}</span>
            <select id=id name=id prop:value=move || value.get().map(|m| m.to_string()).unwrap_or_default()
                on:change=move |ev| value.set(event_target_value(&ev).parse().ok())>
                <option value="" selected=move || value.get().is_none()>{move || i18n.t().surveys_staff().any_manager}</option>
                {options}
            </select>
        </label>
    }
}

#[cfg(test)]
mod tests {
    use super::year_before;
    use chrono::NaiveDate;

    #[test]
    fn the_default_period_is_twelve_months() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(year_before(day(2026, 3, 15)), day(2025, 4, 1));
        assert_eq!(year_before(day(2026, 12, 31)), day(2026, 1, 1));
        assert_eq!(year_before(day(2024, 2, 29)), day(2023, 3, 1));
    }
}
