//! `/app/health[?manager=…]`: the agency's account health. `#health-at-risk` (the at-risk list
//! with flags and reasons, `tr.at-risk-row[data-client]`), `#health-portfolios` (clients, mean
//! and at risk per manager, `tr.portfolio-row[data-manager]`), `#health-clients` (every active
//! client by score, lowest first, `tr.health-score-row[data-client]`, each linking to its Health tab)
//! and, for owners and admins, `select#health-manager` and the settings card (`#health-settings`).

use super::labels::{short_decimal, signal_name};
use super::settings::SettingsCard;
use super::{client_health_link, flag_badges, manager_in_query, manager_name, reason_lines, ManagerSelect, ScorePill};
use crate::api;
use crate::api::health as health_api;
use crate::components::async_view;
use crate::i18n::use_i18n;
use crate::pages::clients::manager_candidates;
use crate::routes::Route;
use crate::session::use_session;
use accord_api::health::{ClientScoreRow, HealthOverview, HealthSettings, Portfolio};
use accord_api::{StaffRef, UserId};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

#[component]
pub fn HealthPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let manager = manager_in_query();
    let data = LocalResource::new(move || {
        let manager = manager.get();
        async move { health_api::overview(manager).await }
    });
    let navigate = use_navigate();
    let choose = Callback::new(move |m: Option<UserId>| {
        let options = NavigateOptions { replace: true, scroll: false, ..NavigateOptions::default() };
        navigate(&Route::StaffHealth(m).path(), options);
    });
    let admin = move || session.is_agency_admin();
    let selector = move || {
        admin().then(|| {
            let directory = LocalResource::new(api::staff::directory);
            let people = Signal::derive(move || {
                let list = directory.get().and_then(Result::ok).map(|d| manager_candidates(&d)).unwrap_or_default();
                list.into_iter().map(|m| StaffRef { id: m.id, name: m.name }).collect::<Vec<_>>()
            });
            view! {
                <div class="header-actions">
                    <ManagerSelect id="health-manager" label=|t| t.health().manager_label
                        all=|t| t.health().all_managers people=people value=manager on_change=choose />
                </div>
            }
        })
    };
    view! {
        <section class="page health-page" id="health-page">
            <div class="page-header">
                <div>
                    <h1>{move || i18n.t().health().health_title}</h1>
                    <p class="subtitle">{move || i18n.t().health().health_subtitle}</p>
                </div>
                {selector}
            </div>
            {async_view(data, |o| view! { <OverviewBody overview=o /> })}
            <Show when=admin>
                <SettingsCard on_saved=Callback::new(move |_| data.refetch()) />
            </Show>
        </section>
    }
}

#[component]
fn OverviewBody(overview: HealthOverview) -> impl IntoView {
    let HealthOverview { at_risk, portfolios, clients, settings } = overview;
    view! {
        <AtRiskCard rows=at_risk settings=settings.clone() />
        <PortfoliosCard portfolios=portfolios />
        <ClientsCard rows=clients settings=settings />
    }
}

#[component]
fn AtRiskCard(rows: Vec<ClientScoreRow>, settings: HealthSettings) -> impl IntoView {
    let i18n = use_i18n();
    let (below, points, days) = (settings.at_risk_below, settings.drop_points, settings.drop_days);
    let rule = move || {
        let h = i18n.t().health();
        h.at_risk_rule.fill(points.into(), &[&below, &points, &h.days_n.count(days.into())])
    };
    let total = rows.len();
    let body = if rows.is_empty() {
        view! { <p class="muted card-empty-line health-empty">{move || i18n.t().health().at_risk_empty}</p> }.into_any()
    } else {
        let settings = StoredValue::new(settings);
        let rows = rows
            .into_iter()
            .map(|row| {
                let flags = flag_badges(row.flags.clone(), row.drop, Some(settings.get_value()));
                let (link, reasons) = (client_health_link(&row), reason_lines(&row, 3));
                let manager = row.manager.clone();
                view! {
                    <tr class="at-risk-row" data-client=row.client.id.to_string()>
                        <td class="score-cell"><ScorePill score=row.score /></td>
                        <td class="cell-main">
                            {link}
                            <div class="cell-sub">{move || manager_name(i18n.t(), &manager)}</div>
                        </td>
                        <td class="flags-cell">{flags}</td>
                        <td class="reasons-cell">{reasons}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-wrap">
                <table class="table health-table" id="at-risk-table">
                    <thead>
                        <tr>
                            <th>{move || i18n.t().health().col_score}</th>
                            <th>{move || i18n.t().health().col_client}</th>
                            <th>{move || i18n.t().health().col_flags}</th>
                            <th>{move || i18n.t().health().col_reasons}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="card card-flush health-card" id="health-at-risk" data-total=total.to_string()>
            <div class="card-head">
                <h2 class="card-title">
                    {move || i18n.t().health().at_risk_title}
                    <span class="count-pill" class:count-danger={total > 0}>{total}</span>
                </h2>
            </div>
            <p class="card-hint table-caption">{rule}</p>
            {body}
        </div>
    }
}

#[component]
fn PortfoliosCard(portfolios: Vec<Portfolio>) -> impl IntoView {
    let i18n = use_i18n();
    let body = if portfolios.is_empty() {
        view! { <p class="muted card-empty-line health-empty">{move || i18n.t().health().portfolios_empty}</p> }
            .into_any()
    } else {
        let rows = portfolios
            .into_iter()
            .map(|p| {
                let key = p.manager.as_ref().map_or_else(String::new, |m| m.id.to_string());
                let name = match p.manager.clone() {
                    Some(m) => view! {
                        <A href=Route::StaffHealth(Some(m.id)).path() attr:class="row-link">{m.name}</A>
                    }
                    .into_any(),
                    None => view! { <span class="muted">{move || i18n.t().health().no_manager}</span> }.into_any(),
                };
                let mean = p.mean;
                view! {
                    <tr class="portfolio-row" data-manager=key>
                        <td class="cell-main">{name}</td>
                        <td class="num">{p.clients}</td>
                        <td class="num">{p.scored}</td>
                        <td class="num portfolio-mean" data-mean=mean.map(|m| crate::components::charts::fixed(m, 1))>
                            {move || mean.map_or_else(|| i18n.t().health().no_data.to_owned(), |m| short_decimal(i18n.locale(), m))}
                        </td>
                        <td class="num portfolio-risk" class:risk-some={p.at_risk > 0}>{p.at_risk}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-wrap">
                <table class="table health-table" id="portfolios-table">
                    <thead>
                        <tr>
                            <th>{move || i18n.t().health().col_manager}</th>
                            <th class="num">{move || i18n.t().health().col_clients}</th>
                            <th class="num">{move || i18n.t().health().col_scored}</th>
                            <th class="num">{move || i18n.t().health().col_mean}</th>
                            <th class="num">{move || i18n.t().health().col_at_risk}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="card card-flush health-card" id="health-portfolios">
            <div class="card-head"><h2 class="card-title">{move || i18n.t().health().portfolios_title}</h2></div>
            {body}
        </div>
    }
}

#[component]
fn ClientsCard(rows: Vec<ClientScoreRow>, settings: HealthSettings) -> impl IntoView {
    let i18n = use_i18n();
    let total = rows.len();
    let body = if rows.is_empty() {
        view! { <p class="muted card-empty-line health-empty">{move || i18n.t().health().clients_empty}</p> }.into_any()
    } else {
        let settings = StoredValue::new(settings);
        let rows = rows
            .into_iter()
            .map(|row| {
                let flags = flag_badges(row.flags.clone(), row.drop, Some(settings.get_value()));
                let weakest = StoredValue::new(row.weak.iter().copied().take(3).collect::<Vec<_>>());
                let weak = move || {
                    let t = i18n.t();
                    let names = weakest.get_value().into_iter().map(|k| signal_name(t, k)).collect::<Vec<_>>();
                    if names.is_empty() {
                        t.health().no_weak_spots.to_owned()
                    } else {
                        names.join(", ")
                    }
                };
                let has_weak = !row.weak.is_empty();
                let link = client_health_link(&row);
                let manager = row.manager.clone();
                view! {
                    <tr class="health-score-row" data-client=row.client.id.to_string()
                        data-score=row.score.map(|s| s.to_string())>
                        <td class="score-cell"><ScorePill score=row.score /></td>
                        <td class="cell-main">{link}</td>
                        <td class="hide-sm">{move || manager_name(i18n.t(), &manager)}</td>
                        <td class="weak-cell" class:muted=!has_weak>{weak}</td>
                        <td class="flags-cell">{flags}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-wrap">
                <table class="table health-table" id="scores-table">
                    <thead>
                        <tr>
                            <th>{move || i18n.t().health().col_score}</th>
                            <th>{move || i18n.t().health().col_client}</th>
                            <th class="hide-sm">{move || i18n.t().health().col_manager}</th>
                            <th>{move || i18n.t().health().col_weakest}</th>
                            <th>{move || i18n.t().health().col_flags}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="card card-flush health-card" id="health-clients" data-total=total.to_string()>
            <div class="card-head">
                <h2 class="card-title">{move || i18n.t().health().clients_title} <span class="count-pill">{total}</span></h2>
            </div>
            <p class="card-hint table-caption">{move || i18n.t().health().clients_hint}</p>
            {body}
        </div>
    }
}
