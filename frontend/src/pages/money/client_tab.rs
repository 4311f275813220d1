//! `/app/clients/:id/money`: the client's figures (`#money-figures`, a
//! `.money-figure[data-kind][data-minor]` each for LTV, lifetime, ACV, unpaid and overdue; "no
//! data" where there is none), the 12-month revenue chart (`svg#money-chart`), the ABC tier
//! (`#money-tier[data-tier][data-overridden]`, `button#tier-clear` for owners and admins), and
//! the contracts, invoices and closing documents cards with their forms. A person who may not
//! see the client's money gets `#money-forbidden` and nothing else.

use super::chart::MonthBars;
use super::contracts::ContractsCard;
use super::documents::DocumentsCard;
use super::invoices::InvoicesCard;
use super::money;
use crate::api::money as api;
use crate::api::ApiError;
use crate::components::{ErrorBanner, InlineConfirm, Loading, Notice};
use crate::i18n::{fill, format_day, use_i18n};
use crate::session::use_session;
use accord_api::finance::{BillableItem, ClosingDocumentView, ContractView, InvoiceView};
use accord_api::revenue::{ClientMoney, TierState};
use accord_api::{ClientId, ValueTier};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

type Loaded<T> = LocalResource<Result<T, ApiError>>;

/// What the cards of the tab share: the client, its lists, and the agency's base currency.
#[derive(Clone, Copy)]
pub(super) struct MoneyCtx {
    pub client: ClientId,
    pub figures: Loaded<ClientMoney>,
    pub contracts: Loaded<Vec<ContractView>>,
    pub invoices: Loaded<Vec<InvoiceView>>,
    pub documents: Loaded<Vec<ClosingDocumentView>>,
    pub billable: Loaded<Vec<BillableItem>>,
    /// The agency's base currency (from the figures; RUB until they arrive).
    pub base: RwSignal<String>,
}

impl MoneyCtx {
    /// Something changed: every figure and list is read again.
    pub fn changed(&self) {
        self.figures.refetch();
        self.contracts.refetch();
        self.invoices.refetch();
        self.documents.refetch();
        self.billable.refetch();
    }

    pub fn contract_list(&self) -> Vec<ContractView> {
        self.contracts.get().and_then(Result::ok).unwrap_or_default()
    }

    pub fn invoice_list(&self) -> Vec<InvoiceView> {
        self.invoices.get().and_then(Result::ok).unwrap_or_default()
    }
}

pub(super) fn use_money() -> MoneyCtx {
    expect_context::<MoneyCtx>()
}

#[component]
pub fn MoneyTab() -> impl IntoView {
    let i18n = use_i18n();
    let Some(client) = use_params_map().with_untracked(|p| p.get("id")).and_then(|s| s.parse::<ClientId>().ok()) else {
        return ().into_any();
    };
    let ctx = MoneyCtx {
        client,
        figures: LocalResource::new(move || api::client_money(client)),
        contracts: LocalResource::new(move || api::contracts(client)),
        invoices: LocalResource::new(move || api::invoices(client)),
        documents: LocalResource::new(move || api::documents(client)),
        billable: LocalResource::new(move || api::billable(client)),
        base: RwSignal::new(crate::i18n::DEFAULT_CURRENCY.to_owned()),
    };
    provide_context(ctx);
    // Kept once the figures came, so the cards (and a half-filled form) survive a reload.
    let allowed = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(m)) = ctx.figures.get() {
            if ctx.base.get_untracked() != m.base_currency {
                ctx.base.set(m.base_currency.clone());
            }
            if !allowed.get_untracked() {
                allowed.set(true);
            }
        }
    });
    let top = move || match ctx.figures.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(m)) => view! { <FiguresBody money=m /> }.into_any(),
        Some(Err(e)) if e.status == 403 || e.status == 404 => view! {
            <div class="card"><p class="muted" id="money-forbidden">{move || i18n.t().money().money_forbidden}</p></div>
        }
        .into_any(),
        Some(Err(error)) => {
            view! { <ErrorBanner error=error on_retry=Callback::new(move |_| ctx.figures.refetch()) /> }.into_any()
        }
    };
    view! {
        <div class="client-money" id="client-money">
            {top}
            <Show when=move || allowed.get()>
                <ContractsCard />
                <InvoicesCard />
                <DocumentsCard />
            </Show>
        </div>
    }
    .into_any()
}

#[component]
fn FiguresBody(money: ClientMoney) -> impl IntoView {
    let i18n = use_i18n();
    let base = money.base_currency.clone();
    let trend = money.trend.clone();
    let no_revenue = trend.iter().all(|p| p.amount_minor == 0);
    let tier = money.tier.clone();
    view! {
        <Figures money=money />
        <div class="money-top">
            <div class="card money-chart-card" id="money-chart-card">
                <h2 class="card-title">{move || i18n.t().money().chart_title}</h2>
                <p class="card-hint">{
                    let base = base.clone();
                    move || fill(i18n.t().money().chart_hint, &[&base])
                }</p>
                <MonthBars points=trend currency=base id="money-chart" />
                {no_revenue.then(|| view! { <p class="muted" id="money-chart-empty">{move || i18n.t().money().chart_empty}</p> })}
            </div>
            <TierCard tier=tier />
        </div>
    }
}

/// One `.money-figure`: its label, the value (or "no data") and a line under it.
fn figure(
    kind: &'static str,
    minor: Option<i64>,
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    value: impl Fn() -> String + Send + Sync + 'static,
    sub: impl Fn() -> String + Send + Sync + 'static,
    tone: &'static str,
) -> impl IntoView {
    view! {
        <div class=format!("money-figure figure-{tone}") data-kind=kind data-minor=minor.map(|m| m.to_string())>
            <span class="figure-label">{label}</span>
            <span class="figure-value">{value}</span>
            <span class="figure-sub">{sub}</span>
        </div>
    }
}

#[component]
fn Figures(money: ClientMoney) -> impl IntoView {
    let i18n = use_i18n();
    let m = StoredValue::new(money.clone());
    let ClientMoney { ltv, acv, unpaid, overdue, lifetime_months, invoices, .. } = money;
    let ltv_minor = ltv.amount_minor;
    let has_invoices = invoices > 0;
    let unpaid_tone = if !has_invoices {
        "none"
    } else if unpaid.count == 0 {
        "calm"
    } else {
        "plain"
    };
    let overdue_tone = if !has_invoices {
        "none"
    } else if overdue.count == 0 {
        "calm"
    } else {
        "alarm"
    };
    let lifetime_tone = if lifetime_months.is_some() { "plain" } else { "none" };
    let acv_tone = if acv.is_some() { "plain" } else { "none" };
    let no_data = move || i18n.t().money().no_data.to_owned();

    let ltv_sub = move || {
        let t = i18n.t();
        m.with_value(|m| {
            let mut line = fill(t.money().paid_12m, &[&money_text(i18n.locale(), &m.paid_12m)]);
            let foreign = m.paid_by_currency.iter().any(|p| p.currency != m.base_currency);
            if foreign {
                let parts: Vec<String> = m.paid_by_currency.iter().map(|p| money_text(i18n.locale(), p)).collect();
                line = format!("{line} · {}: {}", t.money().paid_by_currency, parts.join(" + "));
            }
            line
        })
    };
    let lifetime_value = move || match m.with_value(|m| m.lifetime_months) {
        Some(n) => i18n.t().money().months_n.count(n.into()),
        None => no_data(),
    };
    let lifetime_sub = move || match m.with_value(|m| m.lifetime_from) {
        Some(from) => fill(i18n.t().money().lifetime_since, &[&format_day(i18n.locale(), &from)]),
        None => i18n.t().money().lifetime_none.to_owned(),
    };
    let acv_value =
        move || m.with_value(|m| m.acv.as_ref().map(|a| money_text(i18n.locale(), a))).unwrap_or_else(no_data);
    let acv_sub = move || {
        let t = i18n.t().money();
        m.with_value(|m| {
            let mut line =
                if m.acv.is_some() { t.acv_from.count(m.acv_contracts.into()) } else { t.acv_none.to_owned() };
            if m.acv_unrated > 0 {
                line = format!("{line} · {}", t.acv_unrated.count(m.acv_unrated.into()));
            }
            line
        })
    };
    let unpaid_value = move || {
        m.with_value(|m| match (m.invoices, m.unpaid.count) {
            (0, _) => no_data(),
            (_, 0) => i18n.t().money().nothing_unpaid.to_owned(),
            _ => money_text(i18n.locale(), &m.unpaid.amount),
        })
    };
    let unpaid_sub = move || {
        m.with_value(|m| match m.unpaid.count {
            0 => i18n.t().money().invoices_n.count(m.invoices.into()),
            n => i18n.t().money().invoices_n.count(n.into()),
        })
    };
    let overdue_value = move || {
        m.with_value(|m| match (m.invoices, m.overdue.count) {
            (0, _) => no_data(),
            (_, 0) => i18n.t().money().nothing_overdue.to_owned(),
            _ => money_text(i18n.locale(), &m.overdue.amount),
        })
    };
    let overdue_sub = move || {
        m.with_value(|m| match (m.overdue.count, m.oldest_overdue_days) {
            (0, _) => String::new(),
            (n, Some(days)) => format!(
                "{} · {}",
                i18n.t().money().invoices_n.count(n.into()),
                i18n.t().money().oldest_overdue.count(days.unsigned_abs())
            ),
            (n, None) => i18n.t().money().invoices_n.count(n.into()),
        })
    };
    let money_minor = |present: bool, minor: i64| present.then_some(minor);
    view! {
        <div class="money-figures" id="money-figures">
            {figure("ltv", Some(ltv_minor), move || i18n.t().money().fig_ltv,
                move || m.with_value(|m| money_text(i18n.locale(), &m.ltv)), ltv_sub, "strong")}
            {figure("lifetime", lifetime_months.map(i64::from), move || i18n.t().money().fig_lifetime,
                lifetime_value, lifetime_sub, lifetime_tone)}
            {figure("acv", acv.as_ref().map(|a| a.amount_minor), move || i18n.t().money().fig_acv,
                acv_value, acv_sub, acv_tone)}
            {figure("unpaid", money_minor(has_invoices, unpaid.amount.amount_minor), move || i18n.t().money().fig_unpaid,
                unpaid_value, unpaid_sub, unpaid_tone)}
            {figure("overdue", money_minor(has_invoices, overdue.amount.amount_minor), move || i18n.t().money().fig_overdue,
                overdue_value, overdue_sub, overdue_tone)}
        </div>
    }
}

fn money_text(locale: accord_api::Locale, m: &accord_api::Money) -> String {
    money(locale, m)
}

/// "A", "B", "C".
pub(super) fn tier_letter(tier: ValueTier) -> &'static str {
    match tier {
        ValueTier::A => "A",
        ValueTier::B => "B",
        ValueTier::C => "C",
    }
}

/// `#money-tier[data-tier][data-computed][data-overridden]`.
#[component]
fn TierCard(tier: TierState) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let ctx = super::client_tab::use_money();
    let TierState { tier, computed, overridden } = tier;
    let confirming = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let cleared = RwSignal::new(false);
    let clear = Callback::new(move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match api::clear_tier(ctx.client).await {
                Ok(()) => {
                    confirming.set(false);
                    cleared.set(true);
                    ctx.figures.refetch();
                }
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    });
    let pill = match tier {
        Some(t) => view! {
            <span class=format!("tier-pill tier-{}", t.as_str())>{tier_letter(t)}</span>
            <span class="tier-name">{move || i18n.t().value_tier(t)}</span>
        }
        .into_any(),
        None => view! { <span class="tier-pill tier-none">"—"</span><span class="tier-name muted">{move || i18n.t().money().tier_none}</span> }.into_any(),
    };
    let computed_line = move || {
        let what = match computed {
            Some(c) => tier_letter(c).to_owned(),
            None => i18n.t().money().tier_not_computed.to_owned(),
        };
        fill(i18n.t().money().tier_computed, &[&what])
    };
    let admin = move || session.is_agency_admin();
    view! {
        <div class="card money-tier-card" id="money-tier" data-tier=tier.map(|t| t.as_str())
            data-computed=computed.map(|t| t.as_str()) data-overridden=overridden.to_string()>
            <h2 class="card-title">{move || i18n.t().money().tier_title}</h2>
            <div class="tier-line">{pill}</div>
            <p class="tier-computed">
                {computed_line}
                {overridden.then(|| view! {
                    <span class="badge badge-amber tier-override" title=move || i18n.t().money().tier_override_hint>
                        {move || i18n.t().money().tier_override}
                    </span>
                })}
            </p>
            {overridden.then(|| view! { <p class="card-hint">{move || i18n.t().money().tier_override_hint}</p> })}
            <Show when=move || overridden && admin() && !confirming.get()>
                <button type="button" class="btn btn-small" id="tier-clear" on:click=move |_| confirming.set(true)>
                    {move || i18n.t().money().tier_clear}
                </button>
            </Show>
            <Show when=move || confirming.get()>
                <InlineConfirm action="clear-tier" class="inline-confirm-left"
                    text=Signal::derive(move || {
                        let what = computed.map(tier_letter).unwrap_or("—");
                        fill(i18n.t().money().tier_clear_confirm, &[&what])
                    })
                    pending=pending label=|t| t.money().tier_clear on_confirm=clear
                    on_cancel=Callback::new(move |_| confirming.set(false)) />
            </Show>
            {move || error.get().map(|e| view! { <ErrorBanner error=e /> })}
            <Show when=move || cleared.get()>
                <Notice text=Signal::derive(move || i18n.t().money().tier_cleared.to_owned()) />
            </Show>
            <p class="card-hint tier-rule">{move || i18n.t().money().tier_rule}</p>
        </div>
    }
}
