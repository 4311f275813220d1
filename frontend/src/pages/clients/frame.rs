//! `/app/clients/:id/*`: loads the client once, shows its header (name, status, manager, days
//! since the last touchpoint) and the tab bar, and hands the profile to the tab under it.

use super::client_status_badge;
use crate::api::{self, ApiError};
use crate::components::{ErrorBanner, Loading};
use crate::i18n::{format_date, use_i18n};
use crate::routes::{ClientTab, Route};
use accord_api::clients::ClientProfile;
use accord_api::error::Code;
use accord_api::ClientId;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::use_params_map;

/// The client the tabs work on. Tabs write a saved profile back so the header follows.
#[derive(Clone, Copy)]
pub struct ClientCtx {
    pub profile: RwSignal<ClientProfile>,
}

impl ClientCtx {
    pub fn id(&self) -> ClientId {
        self.profile.with_untracked(|p| p.summary.id)
    }

    /// Whether the signed-in person may change this client (edit controls show only then).
    pub fn can_edit(&self) -> Memo<bool> {
        let profile = self.profile;
        Memo::new(move |_| profile.with(|p| p.can_edit))
    }

    /// Loads the profile again (say, after a touchpoint moved "days since").
    pub fn refresh(&self) {
        let (profile, id) = (self.profile, self.id());
        spawn_local(async move {
            match api::clients::profile(id).await {
                Ok(fresh) => profile.set(fresh),
                Err(e) => leptos::logging::warn!("reloading the client failed: {}", e.summary()),
            }
        });
    }
}

/// The tab's view of the client; `None` only outside a client page.
pub fn use_client() -> Option<ClientCtx> {
    use_context::<ClientCtx>()
}

#[component]
pub fn ClientPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|s| s.parse::<ClientId>().ok()));
    let client = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::clients::profile(id).await,
                None => Err(ApiError::local(Code::NotFound, String::new())),
            }
        }
    });
    let body = move || match client.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(profile)) => view! { <ClientFrame profile=profile /> }.into_any(),
        Some(Err(e)) if e.status == 403 || e.status == 404 || e.is(Code::NotFound) => {
            view! { <ClientUnavailable /> }.into_any()
        }
        Some(Err(error)) => view! {
            <ErrorBanner error=error on_retry=Callback::new(move |_| client.refetch()) />
        }
        .into_any(),
    };
    view! {
        <section class="page">
            <A href=Route::StaffClients.path() attr:class="back-link">
                "← " {move || i18n.t().clients().back_to_clients}
            </A>
            {body}
        </section>
    }
}

/// 404 and 403 look alike on purpose: the client may not exist or may not be this person's.
#[component]
fn ClientUnavailable() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="card unavailable" id="client-unavailable">
            <div class="unavailable-mark" aria-hidden="true">"?"</div>
            <h1>{move || i18n.t().clients().client_unavailable_title}</h1>
            <p class="subtitle">{move || i18n.t().clients().client_unavailable_text}</p>
            <A href=Route::StaffClients.path() attr:class="btn btn-primary">
                {move || i18n.t().clients().back_to_clients}
            </A>
        </div>
    }
}

#[component]
fn ClientFrame(profile: ClientProfile) -> impl IntoView {
    let i18n = use_i18n();
    let id = profile.summary.id;
    let profile = RwSignal::new(profile);
    provide_context(ClientCtx { profile });
    let summary = move || profile.with(|p| p.summary.clone());
    let manager =
        move || summary().account_manager.map(|m| m.name).unwrap_or_else(|| i18n.t().clients().no_manager.to_owned());
    let since = move || {
        let p = profile.get();
        let day = p.started_on.map(|d| crate::i18n::format_day(i18n.locale(), &d));
        day.unwrap_or_else(|| format_date(i18n.locale(), &p.summary.created_at))
    };
    let tabs = ClientTab::ALL
        .into_iter()
        .filter(|tab| *tab != ClientTab::Health || crate::pages::health::sees_health())
        .filter(|tab| *tab != ClientTab::Money || crate::pages::money::sees_money())
        .map(|tab| {
            let class = format!("tab tab-{}", tab_name(tab));
            view! {
                <A href=Route::StaffClientTab(id, tab).path() exact=true attr:class=class>
                    {move || tab_label(i18n.t(), tab)}
                </A>
            }
        })
        .collect_view();
    view! {
        <div class="page-header client-header">
            <div class="client-heading">
                <div class="title-row">
                    <h1 id="client-title">{move || summary().name}</h1>
                    {move || client_status_badge(summary().status)}
                    <Show when=move || summary().archived>
                        <span class="badge badge-grey" id="client-archived">{move || i18n.t().clients().archived_badge}</span>
                    </Show>
                </div>
                <p class="subtitle client-meta">
                    <span id="client-manager">{move || i18n.t().clients().account_manager} ": " <b>{manager}</b></span>
                    <span class="meta-sep" aria-hidden="true">"·"</span>
                    <span>{move || i18n.t().clients().client_since} " " {since}</span>
                </p>
            </div>
            <TouchFigure />
        </div>
        <nav id="client-tabs" class="tabs" aria-label=move || i18n.t().clients().client_tabs>{tabs}</nav>
        <div class="tab-body">
            <Outlet />
        </div>
    }
}

/// `#days-since-touch`: the number of silent days, red (`.touch-overdue`) past the cadence.
#[component]
fn TouchFigure() -> impl IntoView {
    let i18n = use_i18n();
    let Some(ctx) = use_client() else {
        return ().into_any();
    };
    let summary = move || ctx.profile.with(|p| p.summary.clone());
    let overdue = move || summary().touch_overdue;
    let figure = move || summary().days_since_touch.map(|d| d.to_string()).unwrap_or_else(|| "—".to_owned());
    let caption = move || match summary().days_since_touch {
        Some(days) => i18n.t().clients().days_since_touch.form(days.unsigned_abs()).to_owned(),
        None => i18n.t().clients().no_touch_yet.to_owned(),
    };
    let cadence = move || summary().contact_cadence_days.map(|d| i18n.t().clients().cadence_every.count(d.into()));
    view! {
        <div id="days-since-touch" class="touch-figure" class:touch-overdue=overdue>
            <span class="touch-days" class:touch-none=move || summary().days_since_touch.is_none()>{figure}</span>
            <span class="touch-caption">{caption}</span>
            <span class="touch-cadence">
                {cadence}
                {move || overdue().then(|| view! { " · " {move || i18n.t().clients().touch_overdue} })}
            </span>
        </div>
    }
    .into_any()
}

/// The class suffix of a tab link: `a.tab-overview`, `a.tab-contacts`, …
fn tab_name(tab: ClientTab) -> &'static str {
    match tab {
        ClientTab::Overview => "overview",
        other => other.segment(),
    }
}

fn tab_label(t: &'static crate::i18n::Texts, tab: ClientTab) -> &'static str {
    match tab {
        ClientTab::Overview => t.clients().tab_overview,
        ClientTab::Roadmap => t.clients().tab_roadmap,
        ClientTab::Segmentation => t.clients().tab_segmentation,
        ClientTab::Contacts => t.clients().tab_contacts,
        ClientTab::Projects => t.clients().tab_projects,
        ClientTab::Touchpoints => t.clients().tab_touchpoints,
        ClientTab::Meetings => t.meetings_staff().tab_meetings,
        ClientTab::Promises => t.meetings_staff().tab_promises,
        ClientTab::Reports => t.reports_staff().tab_reports,
        ClientTab::Health => t.health().tab_health,
        ClientTab::Risks => t.risks().tab_risks,
        ClientTab::Incidents => t.risks().tab_incidents,
        ClientTab::Money => t.money().tab_money,
        ClientTab::Growth => t.growth().tab_growth,
    }
}
