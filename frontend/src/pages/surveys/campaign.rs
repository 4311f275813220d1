//! `/app/surveys/campaigns/:cid`: one campaign (`#campaign-page[data-status]`): its name and
//! status, `#campaign-launch` (a draft) and `#campaign-stop` (a running campaign) for owners and
//! admins, each asking first (`button.confirm-launch`, `button.confirm-stop`), the settings
//! (the form while a draft, `#campaign-facts` otherwise) and `table#waves`.

use super::campaign_form::CampaignForm;
use super::campaign_parts::{CampaignFacts, WavesTable};
use super::labels::{status_label, status_tone};
use super::SurveysHeader;
use crate::api::surveys as api;
use crate::api::ApiError;
use crate::components::{Badge, ErrorBanner, InlineConfirm, Loading};
use crate::i18n::use_i18n;
use crate::routes::Route;
use crate::session::use_session;
use accord_api::error::Code;
use accord_api::surveys::{CampaignDetail, CampaignStatus};
use accord_api::SurveyCampaignId;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CampaignPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("cid").and_then(|s| s.parse::<SurveyCampaignId>().ok()));
    let campaign = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::campaign(id).await,
                None => Err(ApiError::local(Code::NotFound, String::new())),
            }
        }
    });
    let body = move || match campaign.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(detail)) => view! { <CampaignFrame detail=detail /> }.into_any(),
        Some(Err(error)) => view! {
            <ErrorBanner error=error on_retry=Callback::new(move |_| campaign.refetch()) />
        }
        .into_any(),
    };
    view! {
        <section class="page surveys-page" id="campaign-page-section">
            <SurveysHeader title=|t| t.surveys_staff().campaigns_title subtitle=|t| t.surveys_staff().campaigns_subtitle />
            <A href=Route::StaffCampaigns.path() attr:class="back-link">
                "← " {move || i18n.t().surveys_staff().back_to_campaigns}
            </A>
            {body}
        </section>
    }
}

/// What the confirmation under the header asks about.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Asking {
    Nothing,
    Launch,
    Stop,
}

#[component]
fn CampaignFrame(detail: CampaignDetail) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let id = detail.summary.id;
    let detail = RwSignal::new(detail);
    let status = Memo::new(move |_| detail.with(|d| d.summary.status));
    let is_admin = move || session.is_agency_admin();
    let asking = RwSignal::new(Asking::Nothing);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let act = move |launch: bool| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let result = if launch { api::launch_campaign(id).await } else { api::stop_campaign(id).await };
            match result {
                Ok(fresh) => {
                    detail.set(fresh);
                    asking.set(Asking::Nothing);
                }
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    let targets = move || detail.with(|d| u64::from(d.target_clients));
    let launch_text = Signal::derive(move || i18n.t().surveys_staff().launch_confirm.count(targets()));
    let stop_text = Signal::derive(move || i18n.t().surveys_staff().stop_confirm.to_owned());
    let on_saved = Callback::new(move |fresh: CampaignDetail| detail.set(fresh));
    let editable = move || is_admin() && status.get() == CampaignStatus::Draft;
    view! {
        <div id="campaign-page" data-id=id.to_string() data-status=move || status.get().as_str()>
            <div class="page-header campaign-header">
                <div>
                    <div class="title-row">
                        <h2 class="campaign-title" id="campaign-title">{move || detail.with(|d| d.summary.name.clone())}</h2>
                        {move || {
                            let s = status.get();
                            view! { <Badge tone=status_tone(s) label=Signal::derive(move || status_label(i18n.t(), s).to_owned()) /> }
                        }}
                    </div>
                    <p class="subtitle" id="campaign-targets" data-count=move || targets().to_string()>
                        {move || i18n.t().surveys_staff().target_matches.count(targets())}
                    </p>
                </div>
                <Show when=move || is_admin() && asking.get() == Asking::Nothing>
                    <div class="header-actions">
                        <Show when=move || status.get() == CampaignStatus::Draft>
                            <button type="button" id="campaign-launch" class="btn btn-primary"
                                on:click=move |_| asking.set(Asking::Launch)>
                                {move || i18n.t().surveys_staff().launch}
                            </button>
                        </Show>
                        <Show when=move || status.get() == CampaignStatus::Running>
                            <button type="button" id="campaign-stop" class="btn btn-danger-ghost"
                                on:click=move |_| asking.set(Asking::Stop)>
                                {move || i18n.t().surveys_staff().stop}
                            </button>
                        </Show>
                    </div>
                </Show>
            </div>
            <Show when=move || asking.get() == Asking::Launch>
                <InlineConfirm action="launch" class="inline-confirm-left campaign-confirm" text=launch_text pending=pending
                    label=|t| t.surveys_staff().launch on_confirm=Callback::new(move |_| act(true))
                    on_cancel=Callback::new(move |_| asking.set(Asking::Nothing)) />
            </Show>
            <Show when=move || asking.get() == Asking::Stop>
                <InlineConfirm action="stop" class="inline-confirm-left campaign-confirm" text=stop_text pending=pending
                    label=|t| t.surveys_staff().stop on_confirm=Callback::new(move |_| act(false))
                    on_cancel=Callback::new(move |_| asking.set(Asking::Nothing)) />
            </Show>
            {move || error.get().map(|e| view! { <ErrorBanner error=e /> })}
            <Show
                when=editable
                fallback=move || view! { <CampaignFacts detail=detail /> }
            >
                <CampaignForm campaign=Some(id) initial=Some(detail.with_untracked(|d| d.input.clone())) on_saved=on_saved />
            </Show>
            <WavesTable detail=detail />
        </div>
    }
}
