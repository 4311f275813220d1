//! `/app/growth[?manager=…]`: the upsell pipeline. `#won-share` (won upsell revenue ÷ all paid
//! revenue in the period, `[data-permille]`), `table#pipeline-table` (a `tr.pipeline-row` per
//! account manager: open, their expected and weighted value, won and lost in the period) and
//! `table#open-upsells` (the open opportunities, highest weighted value first). The period is
//! `#pipeline-from`–`#pipeline-to`; owners and admins pick a manager in `select#pipeline-manager`.

use super::{money_list, status_label, status_tone, SectionTabs};
use crate::api;
use crate::api::growth as growth_api;
use crate::components::{async_view, EmptyState};
use crate::i18n::{fill, format_money, parse_day_input, use_i18n};
use crate::pages::clients::manager_candidates;
use crate::routes::{ClientTab, Route};
use crate::session::use_session;
use accord_api::growth::{Pipeline, PipelineRow, UpsellView, WonShare};
use accord_api::UserId;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

#[component]
pub fn PipelinePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    let manager = Memo::new(move |_| query.with(|q| q.get("manager").and_then(|m| m.parse::<UserId>().ok())));
    let from_text = RwSignal::new(String::new());
    let to_text = RwSignal::new(String::new());
    // The period asked for: applied with the button, not on every keystroke.
    let period = RwSignal::new((None::<NaiveDate>, None::<NaiveDate>));
    let data = LocalResource::new(move || {
        let (manager, (from, to)) = (manager.get(), period.get());
        async move { growth_api::pipeline(manager, from, to).await }
    });
    // The server's default period fills the inputs once known.
    Effect::new(move |_| {
        if let Some(Ok(p)) = data.get() {
            if from_text.get_untracked().is_empty() {
                from_text.set(p.won_share.from.to_string());
                to_text.set(p.won_share.to.to_string());
            }
        }
    });
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let from = parse_day_input(&from_text.get_untracked()).ok().flatten();
        let to = parse_day_input(&to_text.get_untracked()).ok().flatten();
        period.set((from, to));
    };
    let navigate = use_navigate();
    let choose = move |m: Option<UserId>| {
        let options = NavigateOptions { replace: true, scroll: false, ..NavigateOptions::default() };
        navigate(&Route::StaffGrowth(m).path(), options);
    };
    let admin = session.is_agency_admin();
    let people = LocalResource::new(api::staff::directory);
    let manager_select = admin.then(|| {
        let options = move || {
            let list = people.get().and_then(Result::ok).map(|d| manager_candidates(&d)).unwrap_or_default();
            list.into_iter()
                .map(|m| {
                    let id = m.id;
                    view! { <option value=id.to_string() selected=move || manager.get() == Some(id)>{m.name}</option> }
                })
                .collect_view()
        };
        view! {
            <label class="filter">
                <span class="filter-label">{move || i18n.t().growth().manager_label}</span>
                <select id="pipeline-manager" prop:value=move || manager.get().map(|m| m.to_string()).unwrap_or_default()
                    on:change=move |ev| choose(event_target_value(&ev).parse().ok())>
                    <option value="" selected=move || manager.get().is_none()>{move || i18n.t().growth().all_managers}</option>
                    {options}
                </select>
            </label>
        }
    });
    view! {
        <section class="page growth-page" id="pipeline-page">
            <div class="page-header">
                <div>
                    <h1>{move || i18n.t().growth().pipeline_title}</h1>
                    <p class="subtitle">{move || i18n.t().growth().pipeline_subtitle}</p>
                </div>
            </div>
            <SectionTabs />
            <form class="filters growth-filters" id="pipeline-filters" on:submit=apply>
                {manager_select}
                <label class="filter">
                    <span class="filter-label">{move || i18n.t().growth().period_from}</span>
                    <input id="pipeline-from" type="date" bind:value=from_text />
                </label>
                <label class="filter">
                    <span class="filter-label">{move || i18n.t().growth().period_to}</span>
                    <input id="pipeline-to" type="date" bind:value=to_text />
                </label>
                <button type="submit" class="btn btn-ghost" id="pipeline-apply">{move || i18n.t().growth().apply}</button>
            </form>
            {move || match data.get() {
                Some(Err(e)) if e.status == 403 => view! {
                    <div class="card"><p class="muted" id="pipeline-forbidden">{move || i18n.t().growth().forbidden}</p></div>
                }.into_any(),
                _ => async_view(data, |p| view! { <PipelineBody pipeline=p /> }).into_any(),
            }}
        </section>
    }
}

#[component]
fn PipelineBody(pipeline: Pipeline) -> impl IntoView {
    let Pipeline { rows, won_share, open } = pipeline;
    view! {
        <div class="growth-top">
            <ShareCard share=won_share />
        </div>
        <ManagersCard rows=rows />
        <OpenCard open=open />
    }
}

#[component]
fn ShareCard(share: WonShare) -> impl IntoView {
    let i18n = use_i18n();
    let permille = share.share_permille;
    let figure = move || match permille {
        Some(p) => {
            let mark = if i18n.locale() == accord_api::Locale::Ru { ',' } else { '.' };
            format!("{}{mark}{} %", p / 10, p % 10)
        }
        None => "—".to_owned(),
    };
    let (won, paid) = (share.won_revenue.clone(), share.paid_revenue.clone());
    let of = move || match permille {
        Some(_) => {
            fill(i18n.t().growth().share_of, &[&format_money(i18n.locale(), &won), &format_money(i18n.locale(), &paid)])
        }
        None => i18n.t().growth().share_no_revenue.to_owned(),
    };
    let width = permille.map_or(0, |p| p.min(1000)) as f64 / 10.0;
    view! {
        <div class="card share-card" id="won-share" data-permille=permille.map(|p| p.to_string())>
            <h2 class="card-title">{move || i18n.t().growth().share_title}</h2>
            <p class="share-figure">{figure}</p>
            <div class="share-bar" aria-hidden="true"><span style=format!("width: {width:.1}%")></span></div>
            <p class="share-of">{of}</p>
            <p class="card-hint">{move || i18n.t().growth().share_hint}</p>
        </div>
    }
}

#[component]
fn ManagersCard(rows: Vec<PipelineRow>) -> impl IntoView {
    let i18n = use_i18n();
    let body = if rows.is_empty() {
        view! { <EmptyState title=|t| t.growth().pipeline_empty hint=|t| t.growth().pipeline_empty_hint /> }.into_any()
    } else {
        let rows = rows
            .into_iter()
            .map(|r| {
                let manager = r.manager.clone();
                let id = manager.as_ref().map(|m| m.id.to_string());
                let sums = StoredValue::new((r.open_expected, r.weighted, r.won_value));
                view! {
                    <tr class="pipeline-row" data-manager=id>
                        <td class="cell-main">
                            {move || manager.as_ref().map_or_else(|| i18n.t().growth().no_manager.to_owned(), |m| m.name.clone())}
                        </td>
                        <td class="num pipeline-open">{r.open}</td>
                        <td class="num">{move || sums.with_value(|s| money_list(i18n.locale(), &s.0))}</td>
                        <td class="num pipeline-weighted">{move || sums.with_value(|s| money_list(i18n.locale(), &s.1))}</td>
                        <td class="num pipeline-won">{r.won}</td>
                        <td class="num">{move || sums.with_value(|s| money_list(i18n.locale(), &s.2))}</td>
                        <td class="num hide-sm">{r.lost}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-wrap">
                <table class="table pipeline-table" id="pipeline-table">
                    <thead>
                        <tr>
                            <th>{move || i18n.t().growth().col_manager}</th>
                            <th class="num">{move || i18n.t().growth().col_open}</th>
                            <th class="num">{move || i18n.t().growth().col_open_value}</th>
                            <th class="num">{move || i18n.t().growth().col_weighted}</th>
                            <th class="num">{move || i18n.t().growth().col_won}</th>
                            <th class="num">{move || i18n.t().growth().col_won_value}</th>
                            <th class="num hide-sm">{move || i18n.t().growth().col_lost}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="card card-flush" id="pipeline-managers">
            <div class="card-head"><h2 class="card-title">{move || i18n.t().growth().pipeline_title}</h2></div>
            {body}
        </div>
    }
}

#[component]
fn OpenCard(open: Vec<UpsellView>) -> impl IntoView {
    let i18n = use_i18n();
    if open.is_empty() {
        return ().into_any();
    }
    let count = open.len() as u64;
    let rows = open
        .into_iter()
        .map(|u| {
            let href = Route::StaffClientTab(u.client.id, ClientTab::Growth).path();
            let (expected, weighted, status) = (u.expected.clone(), u.weighted.clone(), u.status);
            view! {
                <tr class="open-upsell-row" data-id=u.id.to_string()>
                    <td class="cell-main">
                        <div>{u.title.clone()}</div>
                        <div class="cell-sub"><A href=href attr:class="row-link">{u.client.name.clone()}</A></div>
                    </td>
                    <td class="num">{move || format_money(i18n.locale(), &expected)}</td>
                    <td class="num">{u.probability} "%"</td>
                    <td class="num">{move || format_money(i18n.locale(), &weighted)}</td>
                    <td><span class=format!("badge badge-{}", status_tone(status))>{move || status_label(i18n.t(), status)}</span></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="card card-flush" id="open-upsells-card">
            <div class="card-head">
                <h2 class="card-title">{move || i18n.t().growth().upsells_title}</h2>
                <span class="count-badge count-badge-muted">{move || i18n.t().growth().opportunities.count(count)}</span>
            </div>
            <div class="table-wrap">
                <table class="table" id="open-upsells">
                    <thead>
                        <tr>
                            <th>{move || i18n.t().growth().col_upsell}</th>
                            <th class="num">{move || i18n.t().growth().col_expected}</th>
                            <th class="num">{move || i18n.t().growth().col_probability}</th>
                            <th class="num">{move || i18n.t().growth().col_weighted}</th>
                            <th>{move || i18n.t().growth().col_status}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
    .into_any()
}
