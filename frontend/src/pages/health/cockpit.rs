//! `/app/cockpit[?manager=…]`, the staff home: what needs doing across the clients this person
//! sees. `#cockpit[data-manager]` holds a `.cockpit-card#cockpit-{kind}[data-total]` per list
//! (at-risk clients, promises due this week, minutes awaiting acknowledgement, reports due,
//! detractor follow-ups, projects below the backlog standard, silent clients, open incidents),
//! each with its total, its first rows (`li.cockpit-row`, a link to act on each) and an empty
//! line when there is nothing. Owners and admins narrow it to one manager with
//! `select#cockpit-manager` (kept in the URL).

use super::cockpit_rows::{
    AtRiskRow, BacklogRow, FollowupRow, IncidentRow, MinutesRow, PromiseRow, ReportRow, SilentRow,
};
use super::{manager_in_query, ManagerSelect};
use crate::api::health as api;
use crate::components::form::Text;
use crate::components::{ErrorBanner, Loading};
use crate::i18n::{fill, format_day, use_i18n};
use crate::routes::Route;
use accord_api::health::{Cockpit, CockpitList};
use accord_api::UserId;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

#[component]
pub fn CockpitPage() -> impl IntoView {
    let manager = manager_in_query();
    let data = LocalResource::new(move || {
        let manager = manager.get();
        async move { api::cockpit(manager).await }
    });
    let navigate = use_navigate();
    let choose = Callback::new(move |m: Option<UserId>| {
        let options = NavigateOptions { replace: true, scroll: false, ..NavigateOptions::default() };
        navigate(&Route::StaffCockpit(m).path(), options);
    });
    let i18n = use_i18n();
    let body = move || {
        match data.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(c)) => view! { <CockpitBody cockpit=c manager=manager choose=choose /> }.into_any(),
        // Specialists have no cockpit: they work on the items of their clients' projects.
        Some(Err(e)) if e.status == 403 => view! {
            <div class="page-header"><h1>{move || i18n.t().health().cockpit_title}</h1></div>
            <div class="card"><p class="muted" id="cockpit-forbidden">{move || i18n.t().health().health_forbidden}</p></div>
        }
        .into_any(),
        Some(Err(error)) => view! { <ErrorBanner error=error on_retry=Callback::new(move |_| data.refetch()) /> }.into_any(),
    }
    };
    view! { <section class="page cockpit-page" id="cockpit-page">{body}</section> }
}

#[component]
fn CockpitBody(cockpit: Cockpit, manager: Memo<Option<UserId>>, choose: Callback<Option<UserId>>) -> impl IntoView {
    let i18n = use_i18n();
    let Cockpit {
        manager: narrowed,
        today,
        at_risk,
        promises,
        minutes,
        reports,
        followups,
        below_standard,
        silent,
        incidents,
        managers,
    } = cockpit;
    let selector = (!managers.is_empty()).then(|| {
        view! {
            <div class="header-actions">
                <ManagerSelect id="cockpit-manager" label=|t| t.health().whose_clients
                    all=|t| t.health().all_clients people=managers value=manager on_change=choose />
            </div>
        }
    });
    let whose = narrowed.as_ref().map(|m| {
        let name = m.name.clone();
        view! { <p class="cockpit-whose" id="cockpit-whose">{move || fill(i18n.t().health().cockpit_of, &[&name])}</p> }
    });
    let data_manager = narrowed.map(|m| m.id.to_string());
    view! {
        <div class="page-header">
            <div>
                <h1>{move || i18n.t().health().cockpit_title}</h1>
                <p class="subtitle">
                    {move || fill(i18n.t().health().cockpit_subtitle, &[&format_day(i18n.locale(), &today)])}
                </p>
                {whose}
            </div>
            {selector}
        </div>
        <div class="cockpit-grid" id="cockpit" data-manager=data_manager>
            <CockpitCard id="cockpit-at-risk" title=|t| t.health().card_at_risk empty=|t| t.health().empty_at_risk
                list=at_risk all=Route::StaffHealth(manager.get_untracked()) wide=true
                row=|r| view! { <AtRiskRow row=r /> }.into_any() />
            <CockpitCard id="cockpit-promises" title=|t| t.health().card_promises
                empty=|t| t.health().empty_promises list=promises all=Route::StaffPromises
                row=|r| view! { <PromiseRow row=r /> }.into_any() />
            <CockpitCard id="cockpit-minutes" title=|t| t.health().card_minutes
                empty=|t| t.health().empty_minutes list=minutes all=Route::StaffUnacknowledged
                row=|r| view! { <MinutesRow row=r /> }.into_any() />
            <CockpitCard id="cockpit-reports" title=|t| t.health().card_reports
                empty=|t| t.health().empty_reports list=reports all=Route::StaffReportsDue
                row=|r| view! { <ReportRow row=r /> }.into_any() />
            <CockpitCard id="cockpit-followups" title=|t| t.health().card_followups
                empty=|t| t.health().empty_followups list=followups all=Route::StaffFollowups
                row=|r| view! { <FollowupRow row=r /> }.into_any() />
            <CockpitCard id="cockpit-backlog" title=|t| t.health().card_backlog
                empty=|t| t.health().empty_backlog list=below_standard all=Route::StaffStandard
                row=|r| view! { <BacklogRow row=r /> }.into_any() />
            <CockpitCard id="cockpit-silent" title=|t| t.health().card_silent
                empty=|t| t.health().empty_silent list=silent
                row=|r| view! { <SilentRow row=r /> }.into_any() />
            <CockpitCard id="cockpit-incidents" title=|t| t.health().card_incidents
                empty=|t| t.health().empty_incidents list=incidents
                row=|r| view! { <IncidentRow row=r /> }.into_any() />
        </div>
    }
}

/// `.card.cockpit-card#{id}[data-total]`: the title with `.cockpit-total`, an optional "See all"
/// link, `ul.cockpit-list` of `row` per item, "Showing n of total" when the list was cut, and
/// `p.cockpit-empty` when there is nothing.
#[component]
fn CockpitCard<T>(
    id: &'static str,
    title: Text,
    empty: Text,
    list: CockpitList<T>,
    row: fn(T) -> AnyView,
    #[prop(optional)] all: Option<Route>,
    #[prop(optional)] wide: bool,
) -> impl IntoView
where
    T: 'static,
{
    let i18n = use_i18n();
    let CockpitList { items, total } = list;
    let shown = items.len();
    let body = if items.is_empty() {
        view! { <p class="cockpit-empty muted">{move || empty(i18n.t())}</p> }.into_any()
    } else {
        let rows = items.into_iter().map(row).collect_view();
        view! { <ul class="cockpit-list">{rows}</ul> }.into_any()
    };
    let more = (total as usize > shown).then(|| {
        view! {
            <p class="cockpit-more muted">{move || fill(i18n.t().health().shown_of, &[&shown, &total])}</p>
        }
    });
    let all = all.map(|route| {
        view! {
            <A href=route.path() attr:class="cockpit-all">{move || i18n.t().health().see_all} " →"</A>
        }
    });
    view! {
        <div class="card card-flush cockpit-card" class:cockpit-wide=wide class:cockpit-none=total == 0 id=id
            data-total=total.to_string()>
            <div class="card-head cockpit-head">
                <h2 class="card-title">
                    {move || title(i18n.t())}
                    <span class="count-pill cockpit-total" class:count-zero=total == 0
                        title=move || fill(i18n.t().health().total_title, &[&total])>
                        {total}
                    </span>
                </h2>
                {all}
            </div>
            {body}
            {more}
        </div>
    }
}
