//! Account health for staff (owners, admins, account managers; never in the portal): the
//! owner's cockpit (`/app/cockpit`), the agency's health page with the weights and their preview
//! (`/app/health`), and a client's Health tab (`/app/clients/:id/health`).

mod client_tab;
mod cockpit;
mod cockpit_rows;
mod labels;
mod overview;
mod settings;

pub use client_tab::HealthTab;
pub use cockpit::CockpitPage;
pub use overview::HealthPage;

use crate::i18n::{use_i18n, Texts};
use crate::routes::{ClientTab, Route};
use crate::session::use_session;
use accord_api::health::{ClientScoreRow, HealthSettings, RiskFlag};
use accord_api::{StaffRef, StaffRole, UserId};
use labels::{flag_text, reason_text, signal_name, tone};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// Whether the signed-in person sees health scores (everyone on the staff but specialists).
pub fn sees_health() -> bool {
    use_session().staff_role().is_some_and(|role| role != StaffRole::Specialist)
}

/// The `?manager=` of the page's URL.
fn manager_in_query() -> Memo<Option<UserId>> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| q.get("manager").and_then(|m| m.parse::<UserId>().ok())))
}

/// `span.health-pill.health-{tone}[data-score]`: the score (or "—" without one) in its colour.
#[component]
fn ScorePill(score: Option<u8>, #[prop(optional)] big: bool) -> impl IntoView {
    let i18n = use_i18n();
    let class = format!("health-pill health-{}{}", tone(score), if big { " health-pill-big" } else { "" });
    let text = score.map_or_else(|| "—".to_owned(), |s| s.to_string());
    view! {
        <span class=class data-score=score.map(|s| s.to_string())
            aria-label=move || match score {
                Some(s) => crate::i18n::fill(i18n.t().health().score_aria, &[&s]),
                None => i18n.t().health().no_score_aria.to_owned(),
            }>
            {text}
        </span>
    }
}

/// `span.risk-flag[data-flag]` per flag.
fn flag_badges(flags: Vec<RiskFlag>, drop: Option<u8>, settings: Option<HealthSettings>) -> impl IntoView {
    let i18n = use_i18n();
    let settings = StoredValue::new(settings);
    flags
        .into_iter()
        .map(|flag| {
            view! {
                <span class="risk-flag" data-flag=flag.as_str()>
                    {move || settings.with_value(|s| flag_text(i18n.t(), flag, drop, s.as_ref()))}
                </span>
            }
        })
        .collect_view()
}

/// `ul.health-reasons`: the weakest parts of a score, "Signal: why" each (at most `limit`).
fn reason_lines(row: &ClientScoreRow, limit: usize) -> impl IntoView {
    let i18n = use_i18n();
    let parts = StoredValue::new(row.reasons.iter().take(limit).cloned().collect::<Vec<_>>());
    move || {
        let (t, locale) = (i18n.t(), i18n.locale());
        let items = parts
            .get_value()
            .into_iter()
            .map(|part| {
                let why = reason_text(t, locale, &part.reason, &|d| crate::i18n::format_day(locale, d));
                view! {
                    <li class="health-reason" data-signal=part.key.as_str()>
                        <span class="reason-signal">{signal_name(t, part.key)}</span>
                        ": "
                        {why}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="health-reasons">{items}</ul> }
    }
}

/// A link to the client's Health tab.
fn client_health_link(row: &ClientScoreRow) -> impl IntoView {
    let href = Route::StaffClientTab(row.client.id, ClientTab::Health).path();
    let name = row.client.name.clone();
    view! { <A href=href attr:class="row-link health-client">{name}</A> }
}

fn manager_name(t: &Texts, manager: &Option<StaffRef>) -> String {
    manager.as_ref().map_or_else(|| t.health().no_manager.to_owned(), |m| m.name.clone())
}

/// `label.filter` over `select#{id}`: everyone (`all`) or one of `people`; `on_change` gets
/// the choice.
#[component]
fn ManagerSelect(
    id: &'static str,
    label: crate::components::form::Text,
    all: crate::components::form::Text,
    #[prop(into)] people: Signal<Vec<StaffRef>>,
    value: Memo<Option<UserId>>,
    on_change: Callback<Option<UserId>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = move || {
        people
            .get()
            .into_iter()
            .map(|m| {
                let id = m.id;
                view! { <option value=id.to_string() selected=move || value.get() == Some(id)>{m.name}</option> }
            })
            .collect_view()
    };
    view! {
        <label class="filter health-manager-filter">
            <span class="filter-label">{move || label(i18n.t())}</span>
            <select id=id name=id prop:value=move || value.get().map(|m| m.to_string()).unwrap_or_default()
                on:change=move |ev| on_change.run(event_target_value(&ev).parse().ok())>
                <option value="" selected=move || value.get().is_none()>{move || all(i18n.t())}</option>
                {options}
            </select>
        </label>
    }
}
