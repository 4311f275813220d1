//! `/app/surveys/campaigns`: the agency's campaigns (`table#campaigns`, a
//! `tr.campaign-row[data-id][data-status]` each) and `a#new-campaign` for owners and admins;
//! `/app/surveys/campaigns/new`: the campaign form.

use super::campaign_form::CampaignForm;
use super::labels::{schedule_label, share_percent, status_label, status_tone};
use super::SurveysHeader;
use crate::api::surveys as api;
use crate::components::{async_view, Badge, EmptyState, Pagination};
use crate::i18n::{format_day, use_i18n};
use crate::routes::Route;
use crate::session::use_session;
use accord_api::surveys::CampaignSummary;
use accord_api::Page;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub fn CampaignsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let page = RwSignal::new(1u64);
    let list = LocalResource::new(move || api::campaigns(page.get()));
    view! {
        <section class="page surveys-page" id="survey-campaigns">
            <SurveysHeader title=|t| t.surveys_staff().campaigns_title subtitle=|t| t.surveys_staff().campaigns_subtitle>
                <Show when=move || session.is_agency_admin()>
                    <A href=Route::StaffNewCampaign.path() attr:class="btn btn-primary" attr:id="new-campaign">
                        "+ " {move || i18n.t().surveys_staff().new_campaign}
                    </A>
                </Show>
            </SurveysHeader>
            <Show when=move || !session.is_agency_admin()>
                <p class="notice notice-muted" id="campaigns-read-only">{move || i18n.t().surveys_staff().campaigns_read_only}</p>
            </Show>
            <div class="card card-flush">
                {async_view(list, move |data| view! { <CampaignTable data=data on_page=Callback::new(move |p| page.set(p)) /> })}
            </div>
        </section>
    }
}

#[component]
fn CampaignTable(data: Page<CampaignSummary>, on_page: Callback<u64>) -> impl IntoView {
    let i18n = use_i18n();
    if data.items.is_empty() && data.page <= 1 {
        return view! { <EmptyState title=|t| t.surveys_staff().no_campaigns hint=|t| t.surveys_staff().no_campaigns_hint /> }
            .into_any();
    }
    let (total, page, per_page) = (data.total, data.page, data.per_page);
    view! {
        <div class="table-wrap">
            <table class="table" id="campaigns">
                <thead>
                    <tr>
                        <th>{move || i18n.t().surveys_staff().col_name}</th>
                        <th>{move || i18n.t().surveys_staff().col_status}</th>
                        <th class="hide-sm">{move || i18n.t().surveys_staff().col_asks}</th>
                        <th class="hide-sm">{move || i18n.t().surveys_staff().col_schedule}</th>
                        <th class="num">{move || i18n.t().surveys_staff().col_waves}</th>
                        <th class="num">{move || i18n.t().surveys_staff().col_latest_response}</th>
                        <th>{move || i18n.t().surveys_staff().col_next_wave}</th>
                    </tr>
                </thead>
                <tbody>
                    {data.items.into_iter().map(|c| view! { <CampaignRow campaign=c /> }).collect_view()}
                </tbody>
            </table>
        </div>
        <Pagination total=total page=page per_page=per_page on_change=on_page />
    }
    .into_any()
}

#[component]
fn CampaignRow(campaign: CampaignSummary) -> impl IntoView {
    let i18n = use_i18n();
    let c = campaign;
    let (status, repeat, next) = (c.status, c.repeat_months, c.next_wave_on);
    let rate = c.latest_wave.as_ref().and_then(|w| w.response_rate);
    let asks = [c.nps.then_some("NPS"), c.csi.then_some("CSI")].into_iter().flatten().collect::<Vec<_>>().join(" + ");
    view! {
        <tr class="campaign-row" data-id=c.id.to_string() data-status=status.as_str()>
            <td class="cell-main">
                <A href=Route::StaffCampaign(c.id).path() attr:class="row-link campaign-link">{c.name.clone()}</A>
            </td>
            <td>
                <Badge tone=status_tone(status) label=Signal::derive(move || status_label(i18n.t(), status).to_owned()) />
            </td>
            <td class="hide-sm">{asks}</td>
            <td class="hide-sm">{move || schedule_label(i18n.t(), repeat)}</td>
            <td class="num campaign-waves">{c.waves}</td>
            <td class="num campaign-rate">
                {move || rate.map_or_else(|| "—".to_owned(), |r| share_percent(i18n.locale(), r))}
            </td>
            <td class="date">{move || next.map_or_else(|| "—".to_owned(), |d| format_day(i18n.locale(), &d))}</td>
        </tr>
    }
}

#[component]
pub fn NewCampaignPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let on_saved = Callback::new(move |detail: accord_api::surveys::CampaignDetail| {
        navigate(&Route::StaffCampaign(detail.summary.id).path(), Default::default());
    });
    view! {
        <section class="page surveys-page" id="new-campaign-page">
            <SurveysHeader title=|t| t.surveys_staff().new_campaign subtitle=|t| t.surveys_staff().new_campaign_subtitle />
            <A href=Route::StaffCampaigns.path() attr:class="back-link">
                "← " {move || i18n.t().surveys_staff().back_to_campaigns}
            </A>
            <Show
                when=move || session.is_agency_admin()
                fallback=move || view! {
                    <p class="notice notice-muted" id="campaigns-read-only">{move || i18n.t().surveys_staff().campaigns_read_only}</p>
                }
            >
                <CampaignForm campaign=None initial=None on_saved=on_saved />
            </Show>
        </section>
    }
}
