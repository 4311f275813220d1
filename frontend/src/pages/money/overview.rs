//! `/app/money[?manager=…]`: the agency's money. `#money-totals` (a `.money-figure[data-kind]`
//! each: paid in total, 12 months, this month, unpaid, overdue), the revenue trend
//! (`svg#money-trend`), `#money-overdue` (`tr.overdue-row[data-id]`, each client linking to its
//! Money tab), `#money-unsigned` (`tr.unsigned-row[data-id]`), `#money-abc`
//! (`tr.abc-row[data-client][data-tier][data-overridden]`), `#money-invoices` (every invoice
//! with filters `#invoices-status`, `#invoices-client`, `#invoices-overdue`, pages, and the CSV
//! export of what the filters pick, `a#invoice-export`), the finance settings
//! (`#finance-settings`) and, for owners and admins, the CSV import (`#invoice-import`). Owners
//! and admins may narrow it to one manager (`select#money-manager`).

use super::chart::MonthBars;
use super::client_tab::tier_letter;
use super::import::ImportInvoices;
use super::invoices::InvoiceTable;
use super::settings::SettingsCard;
use super::{amount, closing_kind_text, invoice_status_text, money};
use crate::api;
use crate::api::money::{InvoiceFilters, PER_PAGE};
use crate::components::{async_view, Loading, Pagination};
use crate::i18n::{fill, format_day, use_i18n};
use crate::pages::clients::manager_candidates;
use crate::routes::{ClientTab, Route};
use crate::session::use_session;
use accord_api::auth::ClientRef;
use accord_api::finance::InvoiceStatus;
use accord_api::revenue::{AbcRow, Capped, MoneyOverview, MoneyTotals, OverdueInvoice, UnsignedDocument};
use accord_api::{ClientId, UserId};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

#[component]
pub fn MoneyPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    let manager = Memo::new(move |_| query.with(|q| q.get("manager").and_then(|m| m.parse::<UserId>().ok())));
    let data = LocalResource::new(move || {
        let manager = manager.get();
        async move { api::money::overview(manager).await }
    });
    let admin = move || session.is_agency_admin();
    let navigate = use_navigate();
    let choose = move |m: Option<UserId>| {
        let path = match m {
            Some(m) => format!("{}?manager={m}", Route::StaffMoney.path()),
            None => Route::StaffMoney.path(),
        };
        navigate(&path, NavigateOptions { replace: true, scroll: false, ..NavigateOptions::default() });
    };
    let selector = move || {
        admin().then(|| {
            let directory = LocalResource::new(api::staff::directory);
            let choose = choose.clone();
            let options = move || {
                directory
                    .get()
                    .and_then(Result::ok)
                    .map(|d| manager_candidates(&d))
                    .unwrap_or_default()
                    .into_iter()
                    .map(|m| {
                        let id = m.id;
                        view! { <option value=id.to_string() selected=move || manager.get() == Some(id)>{m.name}</option> }
                    })
                    .collect_view()
            };
            view! {
                <div class="header-actions">
                    <label class="filter money-manager-filter">
                        <span class="filter-label">{move || i18n.t().money().manager_label}</span>
                        <select id="money-manager" name="manager"
                            prop:value=move || manager.get().map(|m| m.to_string()).unwrap_or_default()
                            on:change=move |ev| choose(event_target_value(&ev).parse().ok())>
                            <option value="" selected=move || manager.get().is_none()>{move || i18n.t().money().all_managers}</option>
                            {options}
                        </select>
                    </label>
                </div>
            }
        })
    };
    view! {
        <section class="page money-page" id="money-page" data-manager=move || manager.get().map(|m| m.to_string())>
            <div class="page-header">
                <div>
                    <h1>{move || i18n.t().money().money_title}</h1>
                    <p class="subtitle">{move || i18n.t().money().money_subtitle}</p>
                </div>
                {selector}
            </div>
            {async_view(data, move |o| view! { <OverviewBody overview=o manager=manager /> })}
            <SettingsCard on_saved=Callback::new(move |_| data.refetch()) />
            <Show when=admin>
                <ImportInvoices on_imported=Callback::new(move |_| data.refetch()) />
            </Show>
        </section>
    }
}

#[component]
fn OverviewBody(overview: MoneyOverview, manager: Memo<Option<UserId>>) -> impl IntoView {
    let i18n = use_i18n();
    let MoneyOverview {
        base_currency,
        totals,
        trend,
        overdue,
        unsigned,
        unsigned_after_days,
        abc,
        abc_total_minor,
        ..
    } = overview;
    let clients: Vec<ClientRef> = abc.iter().map(|r| r.client.clone()).collect();
    let no_revenue = trend.iter().all(|p| p.amount_minor == 0);
    let base = base_currency.clone();
    view! {
        <Totals totals=totals />
        <div class="card money-chart-card" id="money-trend-card">
            <h2 class="card-title">{move || i18n.t().money().trend_title}</h2>
            <p class="card-hint">{
                let base = base.clone();
                move || fill(i18n.t().money().chart_hint, &[&base])
            }</p>
            <MonthBars points=trend currency=base_currency.clone() id="money-trend" />
            {no_revenue.then(|| view! { <p class="muted">{move || i18n.t().money().chart_empty}</p> })}
        </div>
        <div class="money-grid">
            <OverdueCard overdue=overdue />
            <UnsignedCard unsigned=unsigned days=unsigned_after_days />
        </div>
        <AbcCard rows=abc total=abc_total_minor base=base_currency />
        <AllInvoices clients=clients manager=manager />
    }
}

#[component]
fn Totals(totals: MoneyTotals) -> impl IntoView {
    let i18n = use_i18n();
    let t = StoredValue::new(totals);
    let cell = move |kind: &'static str,
                     label: fn(&'static crate::i18n::Texts) -> &'static str,
                     value: Box<dyn Fn() -> String + Send + Sync>,
                     sub: Box<dyn Fn() -> String + Send + Sync>,
                     tone: &'static str,
                     minor: i64| {
        view! {
            <div class=format!("money-figure figure-{tone}") data-kind=kind data-minor=minor.to_string()>
                <span class="figure-label">{move || label(i18n.t())}</span>
                <span class="figure-value">{value}</span>
                <span class="figure-sub">{sub}</span>
            </div>
        }
    };
    let (all, year, month, unpaid, overdue) = t.with_value(|t| {
        (
            t.paid_all_time.amount_minor,
            t.paid_12m.amount_minor,
            t.paid_this_month.amount_minor,
            t.unpaid.amount.amount_minor,
            t.overdue.amount.amount_minor,
        )
    });
    let overdue_count = t.with_value(|t| t.overdue.count);
    view! {
        <div class="money-figures money-totals" id="money-totals">
            {cell("paid_all_time", |t| t.money().total_paid_all,
                Box::new(move || t.with_value(|t| money(i18n.locale(), &t.paid_all_time))),
                Box::new(String::new), "strong", all)}
            {cell("paid_12m", |t| t.money().total_paid_12m,
                Box::new(move || t.with_value(|t| money(i18n.locale(), &t.paid_12m))),
                Box::new(move || t.with_value(|t| i18n.t().money().paying_clients.count(t.paying_clients.into()))), "plain", year)}
            {cell("paid_this_month", |t| t.money().total_paid_month,
                Box::new(move || t.with_value(|t| money(i18n.locale(), &t.paid_this_month))),
                Box::new(String::new), "plain", month)}
            {cell("unpaid", |t| t.money().total_unpaid,
                Box::new(move || t.with_value(|t| money(i18n.locale(), &t.unpaid.amount))),
                Box::new(move || t.with_value(|t| i18n.t().money().invoices_n.count(t.unpaid.count.into()))), "plain", unpaid)}
            {cell("overdue", |t| t.money().total_overdue,
                Box::new(move || t.with_value(|t| money(i18n.locale(), &t.overdue.amount))),
                Box::new(move || t.with_value(|t| i18n.t().money().invoices_n.count(t.overdue.count.into()))),
                if overdue_count > 0 { "alarm" } else { "calm" }, overdue)}
        </div>
    }
}

fn client_money_link(client: &ClientRef) -> impl IntoView {
    let href = Route::StaffClientTab(client.id, ClientTab::Money).path();
    let name = client.name.clone();
    view! { <A href=href attr:class="row-link">{name}</A> }
}

/// "The first 50 of 73" under a capped list, when it was capped.
fn capped_line<T>(list: &Capped<T>) -> impl IntoView {
    let i18n = use_i18n();
    let (shown, total) = (list.items.len() as u64, list.total);
    (total > shown).then(|| view! { <p class="card-hint table-caption">{move || fill(i18n.t().money().shown_of, &[&shown, &total])}</p> })
}

#[component]
fn OverdueCard(overdue: Capped<OverdueInvoice>) -> impl IntoView {
    let i18n = use_i18n();
    let total = overdue.total;
    let more = capped_line(&overdue);
    let body = if overdue.items.is_empty() {
        view! { <p class="muted card-empty-line money-empty">{move || i18n.t().money().overdue_empty}</p> }.into_any()
    } else {
        let rows = overdue
            .items
            .into_iter()
            .map(|o| {
                let link = client_money_link(&o.client);
                let o = StoredValue::new(o);
                view! {
                    <tr class="overdue-row" data-id=o.with_value(|o| o.id.to_string()) data-client=o.with_value(|o| o.client.id.to_string())>
                        <td class="cell-main">{link}<div class="cell-sub">{o.with_value(|o| o.number.clone())}</div></td>
                        <td>
                            <div>{move || o.with_value(|o| format_day(i18n.locale(), &o.due_on))}</div>
                            <div class="cell-sub overdue-days">{move || o.with_value(|o| i18n.t().money().overdue_by.count(o.days_overdue.unsigned_abs()))}</div>
                        </td>
                        <td class="num">
                            <div class="overdue-sum">{move || o.with_value(|o| money(i18n.locale(), &o.remaining))}</div>
                            {o.with_value(|o| (o.remaining.currency != o.remaining_base.currency).then(|| {
                                let base = o.remaining_base.clone();
                                view! { <div class="cell-sub">{move || fill(i18n.t().money().in_base, &[&money(i18n.locale(), &base)])}</div> }
                            }))}
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-wrap">
                <table class="table money-table" id="overdue-table">
                    <thead>
                        <tr>
                            <th>{move || i18n.t().money().col_client}</th>
                            <th>{move || i18n.t().money().col_due}</th>
                            <th class="num">{move || i18n.t().money().col_remaining}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="card card-flush money-card" id="money-overdue" data-total=total.to_string()>
            <div class="card-head">
                <h2 class="card-title">
                    {move || i18n.t().money().overdue_title}
                    <span class="count-pill" class:count-danger={total > 0}>{total}</span>
                </h2>
            </div>
            {body}
            {more}
        </div>
    }
}

#[component]
fn UnsignedCard(unsigned: Capped<UnsignedDocument>, days: u32) -> impl IntoView {
    let i18n = use_i18n();
    let total = unsigned.total;
    let more = capped_line(&unsigned);
    let body = if unsigned.items.is_empty() {
        view! { <p class="muted card-empty-line money-empty">{move || i18n.t().money().unsigned_empty}</p> }.into_any()
    } else {
        let rows = unsigned
            .items
            .into_iter()
            .map(|d| {
                let link = client_money_link(&d.client);
                let kind = d.kind;
                let d = StoredValue::new(d);
                view! {
                    <tr class="unsigned-row" data-id=d.with_value(|d| d.id.to_string())>
                        <td class="cell-main">
                            {link}
                            <div class="cell-sub">{move || closing_kind_text(i18n.t(), kind)} " " {d.with_value(|d| d.number.clone())}</div>
                        </td>
                        <td>
                            <div>{move || d.with_value(|d| format_day(i18n.locale(), &d.issued_on))}</div>
                            <div class="cell-sub unsigned-days">{move || d.with_value(|d| i18n.t().money().unsigned_long.count(d.days.unsigned_abs()))}</div>
                        </td>
                        <td class="num">{move || d.with_value(|d| money(i18n.locale(), &d.amount))}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-wrap">
                <table class="table money-table" id="unsigned-table">
                    <thead>
                        <tr>
                            <th>{move || i18n.t().money().col_client}</th>
                            <th>{move || i18n.t().money().col_date}</th>
                            <th class="num">{move || i18n.t().money().col_amount}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="card card-flush money-card" id="money-unsigned" data-total=total.to_string()>
            <div class="card-head">
                <h2 class="card-title">
                    {move || i18n.t().money().unsigned_title}
                    <span class="count-pill" class:count-danger={total > 0}>{total}</span>
                </h2>
            </div>
            <p class="card-hint table-caption">
                {move || fill(i18n.t().money().unsigned_rule, &[&i18n.t().money().days_n.count(days.into())])}
            </p>
            {body}
            {more}
        </div>
    }
}

/// "12,5 %" / "12.5%" with at most one decimal.
fn percent(locale: accord_api::Locale, value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    let (whole, part) = (tenths / 10, (tenths % 10).abs());
    let mark = if locale == accord_api::Locale::Ru { "," } else { "." };
    let number = if part == 0 { whole.to_string() } else { format!("{whole}{mark}{part}") };
    match locale {
        accord_api::Locale::Ru => format!("{number}\u{a0}%"),
        accord_api::Locale::En => format!("{number}%"),
    }
}

#[component]
fn AbcCard(rows: Vec<AbcRow>, total: Option<i64>, base: String) -> impl IntoView {
    let i18n = use_i18n();
    let body = if rows.is_empty() {
        view! { <p class="muted card-empty-line money-empty">{move || i18n.t().money().abc_empty}</p> }.into_any()
    } else {
        let rows = rows
            .into_iter()
            .map(|r| {
                let link = client_money_link(&r.client);
                let (tier, computed, overridden) = (r.tier, r.computed, r.overridden);
                let (revenue, share, cumulative) = (r.revenue_12m_minor, r.share_pct, r.cumulative_pct);
                let manager = r.account_manager.as_ref().map(|m| m.name.clone());
                let base = base.clone();
                // The computed tier is what the revenue says now (the stored one follows on the
                // next run); a hand-set tier stays in force and is marked.
                let shown = if overridden { tier.unwrap_or(computed) } else { computed };
                view! {
                    <tr class="abc-row" data-client=r.client.id.to_string() data-tier=shown.as_str()
                        data-computed=computed.as_str() data-overridden=overridden.to_string()>
                        <td class="cell-main">{link}</td>
                        <td class="hide-sm" class:muted=r.account_manager.is_none()>
                            {move || manager.clone().unwrap_or_else(|| i18n.t().money().no_manager.to_owned())}
                        </td>
                        <td class="num">{move || amount(i18n.locale(), revenue, &base)}</td>
                        <td class="num">{move || share.map(|v| percent(i18n.locale(), v)).unwrap_or_else(|| "—".into())}</td>
                        <td class="num abc-cumulative">
                            {move || cumulative.map(|v| percent(i18n.locale(), v)).unwrap_or_else(|| "—".into())}
                        </td>
                        <td class="abc-tier">
                            <span class=format!("tier-pill tier-small tier-{}", shown.as_str())>{tier_letter(shown)}</span>
                            {overridden.then(|| view! {
                                <span class="badge badge-amber override-mark"
                                    title=move || fill(i18n.t().money().override_mark_hint, &[&tier_letter(computed)])>
                                    {move || i18n.t().money().override_mark}
                                </span>
                            })}
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-wrap">
                <table class="table money-table" id="abc-table">
                    <thead>
                        <tr>
                            <th>{move || i18n.t().money().col_client}</th>
                            <th class="hide-sm">{move || i18n.t().money().col_manager}</th>
                            <th class="num">{move || i18n.t().money().col_revenue}</th>
                            <th class="num">{move || i18n.t().money().col_share}</th>
                            <th class="num">{move || i18n.t().money().col_cumulative}</th>
                            <th>{move || i18n.t().money().col_tier}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let base = StoredValue::new(base);
    view! {
        <div class="card card-flush money-card" id="money-abc">
            <div class="card-head"><h2 class="card-title">{move || i18n.t().money().abc_title}</h2></div>
            <div class="card-hint table-caption abc-caption">
                {total.map(|total| view! {
                    <p class="abc-total">
                        {move || fill(i18n.t().money().abc_total, &[&amount(i18n.locale(), total, &base.get_value())])}
                    </p>
                })}
                <p>{move || i18n.t().money().tier_rule}</p>
            </div>
            {body}
        </div>
    }
}

/// `#money-invoices`: every invoice in view, newest first, with filters and pages.
#[component]
fn AllInvoices(clients: Vec<ClientRef>, manager: Memo<Option<UserId>>) -> impl IntoView {
    let i18n = use_i18n();
    let status = RwSignal::new(None::<InvoiceStatus>);
    let client = RwSignal::new(None::<ClientId>);
    let overdue = RwSignal::new(false);
    let page = RwSignal::new(1u64);
    let filters = Memo::new(move |_| InvoiceFilters {
        status: status.get(),
        client: client.get(),
        overdue: overdue.get(),
        manager: manager.get(),
        page: page.get(),
    });
    let data = LocalResource::new(move || {
        let f = filters.get();
        async move { api::money::all_invoices(&f).await }
    });
    let client_options = clients
        .into_iter()
        .map(|c| {
            let id = c.id;
            view! { <option value=id.to_string() selected=move || client.get() == Some(id)>{c.name}</option> }
        })
        .collect_view();
    let body = move || {
        match data.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(error)) => view! {
            <crate::components::ErrorBanner error=error on_retry=Callback::new(move |_| data.refetch()) />
        }
        .into_any(),
        Some(Ok(p)) if p.items.is_empty() => {
            view! { <p class="muted card-empty-line money-empty" id="all-invoices-empty">{move || i18n.t().money().all_invoices_empty}</p> }
                .into_any()
        }
        Some(Ok(p)) => {
            let (total, current) = (p.total, p.page);
            view! {
                <InvoiceTable id="all-invoices-table" rows=p.items with_client=true can_act=false />
                <Pagination total=total page=current per_page=PER_PAGE on_change=Callback::new(move |n| page.set(n)) />
            }
            .into_any()
        }
    }
    };
    view! {
        <div class="card card-flush money-card" id="money-invoices">
            <div class="card-head">
                <h2 class="card-title">{move || i18n.t().money().all_invoices_title}</h2>
                <a href=move || api::money::export_url(&filters.get()) id="invoice-export" class="btn btn-small"
                    download="invoices.csv" title=move || i18n.t().money().export_hint>
                    {move || i18n.t().money().export}
                </a>
            </div>
            <div class="filters money-filters">
                <label class="filter">
                    <span class="filter-label">{move || i18n.t().money().filter_status}</span>
                    <select id="invoices-status" name="status"
                        prop:value=move || status.get().map(|s| s.as_str()).unwrap_or("")
                        on:change=move |ev| { status.set(InvoiceStatus::parse(&event_target_value(&ev))); page.set(1); }>
                        <option value="" selected=move || status.get().is_none()>{move || i18n.t().common().any}</option>
                        {InvoiceStatus::ALL.iter().map(|&s| view! {
                            <option value=s.as_str() selected=move || status.get() == Some(s)>{move || invoice_status_text(i18n.t(), s)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="filter">
                    <span class="filter-label">{move || i18n.t().money().filter_client}</span>
                    <select id="invoices-client" name="client"
                        prop:value=move || client.get().map(|c| c.to_string()).unwrap_or_default()
                        on:change=move |ev| { client.set(event_target_value(&ev).parse().ok()); page.set(1); }>
                        <option value="" selected=move || client.get().is_none()>{move || i18n.t().money().any_client}</option>
                        {client_options}
                    </select>
                </label>
                <label class="check filter-check">
                    <input type="checkbox" id="invoices-overdue" prop:checked=move || overdue.get()
                        on:change=move |ev| { overdue.set(event_target_checked(&ev)); page.set(1); } />
                    <span>{move || i18n.t().money().filter_overdue}</span>
                </label>
            </div>
            {body}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::percent;
    use accord_api::Locale;

    #[test]
    fn shares_read_with_one_decimal() {
        assert_eq!(percent(Locale::En, 12.34), "12.3%");
        assert_eq!(percent(Locale::Ru, 80.0), "80\u{a0}%");
        assert_eq!(percent(Locale::Ru, 4.96), "5\u{a0}%");
        assert_eq!(percent(Locale::Ru, 0.55), "0,6\u{a0}%");
    }
}
