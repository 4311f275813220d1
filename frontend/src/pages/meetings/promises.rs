//! `/app/promises`: promise rates over 90 days per manager and for the agency (`#promises-table`,
//! a bar per manager in `#broken-rate-chart`), agency promises due this week or broken
//! (`#due-this-week`), client-side items past due (`#waiting-on-client`), and the staff member's
//! calendar feed.

use super::StaffActionItem;
use crate::api::meetings::{self as api, FeedOwner};
use crate::components::async_view;
use crate::i18n::use_i18n;
use crate::pages::meeting_parts::CalendarFeedCard;
use accord_api::meetings::{ActionItemView, PromiseRate, PromisesOverview};
use accord_api::Locale;
use leptos::prelude::*;

/// "12,5 %" / "12.5%" from tenths of a per cent.
pub fn format_tenths(locale: Locale, tenths: u32) -> String {
    let (whole, part) = (tenths / 10, tenths % 10);
    match locale {
        Locale::Ru => format!("{whole},{part}\u{a0}%"),
        Locale::En => format!("{whole}.{part}%"),
    }
}

#[component]
pub fn PromisesPage() -> impl IntoView {
    let i18n = use_i18n();
    let overview = LocalResource::new(api::promises_overview);
    view! {
        <section class="page promises-page">
            <div class="page-header">
                <div>
                    <h1>{move || i18n.t().meetings_staff().promises_title}</h1>
                    <p class="subtitle">{move || i18n.t().meetings_staff().promises_subtitle}</p>
                </div>
            </div>
            {async_view(overview, |o| view! { <Overview overview=o /> })}
            <CalendarFeedCard owner=FeedOwner::Staff hint=|t| t.meetings_staff().feed_staff_hint />
        </section>
    }
}

#[component]
fn Overview(overview: PromisesOverview) -> impl IntoView {
    let i18n = use_i18n();
    let chart = overview.managers.clone();
    let none_due = overview.agency.due == 0;
    view! {
        {none_due.then(|| view! { <p class="muted" id="promises-none-due">{move || i18n.t().meetings_staff().no_rates}</p> })}
        <div class="card card-flush" id="promises-rates">
            <div class="table-wrap">
                <table class="table" id="promises-table">
                    <thead>
                        <tr>
                            <th>{move || i18n.t().meetings_staff().col_manager}</th>
                            <th class="num">{move || i18n.t().meetings_staff().col_due}</th>
                            <th class="num">{move || i18n.t().meetings_staff().col_kept}</th>
                            <th class="num">{move || i18n.t().meetings_staff().col_broken}</th>
                            <th class="num hide-sm">{move || i18n.t().meetings_staff().col_renegotiated}</th>
                            <th class="num">{move || i18n.t().meetings_staff().col_broken_rate}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {overview.managers.into_iter().map(|r| view! { <RateRow rate=r /> }).collect_view()}
                        <RateRow rate=overview.agency />
                    </tbody>
                </table>
            </div>
        </div>
        <BrokenRateChart managers=chart />
        <div class="card" id="due-this-week">
            <h2 class="card-title">{move || i18n.t().meetings_staff().due_this_week}</h2>
            <ItemList items=overview.due_this_week empty=|t| t.meetings_staff().nothing_due />
        </div>
        <div class="card" id="waiting-on-client">
            <h2 class="card-title">{move || i18n.t().meetings_staff().waiting_on_client}</h2>
            <ItemList items=overview.waiting_on_client empty=|t| t.meetings_staff().nothing_waiting />
        </div>
    }
}

/// `tr.promise-rate[data-manager]` (`agency` for the agency-wide line, `.agency-line`).
#[component]
fn RateRow(rate: PromiseRate) -> impl IntoView {
    let i18n = use_i18n();
    let is_agency = rate.manager.is_none();
    let key = rate.manager.as_ref().map_or_else(|| "agency".to_owned(), |m| m.id.to_string());
    let name = rate.manager.map(|m| m.name);
    let pct = rate.broken_rate_tenths;
    view! {
        <tr class="promise-rate" class:agency-line=is_agency data-manager=key
            data-broken-rate=pct.map(|p| p.to_string())>
            <td class="cell-main rate-name">
                {move || name.clone().unwrap_or_else(|| i18n.t().meetings_staff().agency_line.to_owned())}
            </td>
            <td class="num rate-due">{rate.due}</td>
            <td class="num rate-kept">{rate.kept}</td>
            <td class="num rate-broken">{rate.broken}</td>
            <td class="num hide-sm rate-renegotiated">{rate.renegotiated}</td>
            <td class="num rate-broken-pct">{move || pct.map_or_else(|| "—".to_owned(), |p| format_tenths(i18n.locale(), p))}</td>
        </tr>
    }
}

/// `#broken-rate-chart`: a horizontal bar per manager with promises that fell due.
#[component]
fn BrokenRateChart(managers: Vec<PromiseRate>) -> impl IntoView {
    let i18n = use_i18n();
    let bars: Vec<(String, u32)> =
        managers.into_iter().filter_map(|r| Some((r.manager?.name, r.broken_rate_tenths?))).collect();
    if bars.is_empty() {
        return ().into_any();
    }
    view! {
        <div class="card" id="broken-rate-chart">
            <h2 class="card-title">{move || i18n.t().meetings_staff().chart_title}</h2>
            <ul class="rate-bars">
                {bars.into_iter().map(|(name, tenths)| {
                    // Tenths of a per cent → the bar's width in per cent, one decimal.
                    let width = format!("width: {}.{}%", tenths.min(1000) / 10, tenths.min(1000) % 10);
                    view! {
                        <li class="rate-bar-row">
                            <span class="rate-bar-name">{name}</span>
                            <span class="progress-track rate-bar"><span class="progress-fill rate-bar-fill" style=width></span></span>
                            <span class="rate-bar-value">{move || format_tenths(i18n.locale(), tenths)}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
    .into_any()
}

#[component]
fn ItemList(items: Vec<ActionItemView>, empty: crate::components::form::Text) -> impl IntoView {
    let i18n = use_i18n();
    if items.is_empty() {
        return view! { <p class="muted">{move || empty(i18n.t())}</p> }.into_any();
    }
    view! {
        <ul class="action-items">
            {items.into_iter().map(|i| view! { <StaffActionItem item=i can_edit=true show_client=true /> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::format_tenths;
    use accord_api::Locale;

    #[test]
    fn tenths_read_as_percent_with_one_decimal() {
        assert_eq!(format_tenths(Locale::Ru, 125), "12,5\u{a0}%");
        assert_eq!(format_tenths(Locale::En, 125), "12.5%");
        assert_eq!(format_tenths(Locale::En, 0), "0.0%");
        assert_eq!(format_tenths(Locale::Ru, 1000), "100,0\u{a0}%");
    }
}
