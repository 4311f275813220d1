//! `/app/surveys/…` (owners, admins and account managers): NPS and CSI analytics, campaigns and
//! their waves, detractors' follow-ups, and the answers with CSV export and history import.
//! Every page starts with the same header and sub-navigation (`nav#survey-tabs`).

mod analytics;
mod analytics_parts;
mod answer_item;
mod answers;
mod campaign;
mod campaign_form;
mod campaign_parts;
mod campaigns;
mod client_choice;
mod extras;
mod filters;
mod followups;
mod import;
mod labels;

pub use analytics::AnalyticsPage;
pub use answer_item::AnswerItem;
pub use answers::AnswersPage;
pub use campaign::CampaignPage;
pub use campaigns::{CampaignsPage, NewCampaignPage};
pub use followups::FollowupsPage;
pub use labels::class_label;

use crate::api::surveys as api;
use crate::components::form::Text;
use crate::i18n::use_i18n;
use crate::routes::Route;
use leptos::prelude::*;
use leptos_router::components::A;

/// The open and overdue follow-ups (the count beside the Follow-ups tab).
pub type FollowupCounts = Signal<Option<(u64, u64)>>;

/// `.page-header` with the page's title and subtitle, the header's `children` (buttons) on the
/// right, then `nav#survey-tabs`.
#[component]
pub fn SurveysHeader(
    title: Text,
    subtitle: Text,
    /// The counts for the Follow-ups tab when the page has them already.
    #[prop(optional)]
    counts: Option<FollowupCounts>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="page-header">
            <div>
                <h1>{move || title(i18n.t())}</h1>
                <p class="subtitle">{move || subtitle(i18n.t())}</p>
            </div>
            {children.map(|c| view! { <div class="header-actions">{c()}</div> })}
        </div>
        <SurveyTabs counts=counts />
    }
}

/// `nav#survey-tabs`: `a.tab-analytics`, `a.tab-campaigns`, `a.tab-followups` (with
/// `.tab-count-open` and `.tab-count-overdue` while there are any) and `a.tab-answers`.
#[component]
fn SurveyTabs(counts: Option<FollowupCounts>) -> impl IntoView {
    let i18n = use_i18n();
    let counts = counts.unwrap_or_else(|| {
        let list = LocalResource::new(api::followup_counts);
        Signal::derive(move || list.get().and_then(Result::ok).map(|l| (l.open, l.overdue)))
    });
    let open = move || counts.get().map_or(0, |(open, _)| open);
    let overdue = move || counts.get().map_or(0, |(_, overdue)| overdue);
    view! {
        <nav class="tabs survey-tabs" id="survey-tabs" aria-label=move || i18n.t().surveys_staff().nav_surveys>
            <A href=Route::StaffSurveys.path() exact=true attr:class="tab tab-analytics">
                {move || i18n.t().surveys_staff().tab_analytics}
            </A>
            <A href=Route::StaffCampaigns.path() attr:class="tab tab-campaigns">
                {move || i18n.t().surveys_staff().tab_campaigns}
            </A>
            <A href=Route::StaffFollowups.path() attr:class="tab tab-followups">
                {move || i18n.t().surveys_staff().tab_followups}
                <Show when=move || { open() > 0 }>
                    <span class="count-pill tab-count-open" title=move || i18n.t().surveys_staff().open_count.count(open())>
                        {open}
                    </span>
                </Show>
                <Show when=move || { overdue() > 0 }>
                    <span class="count-pill tab-count-overdue"
                        title=move || i18n.t().surveys_staff().overdue_count.count(overdue())>
                        {overdue}
                    </span>
                </Show>
            </A>
            <A href=Route::StaffSurveyAnswers.path() attr:class="tab tab-answers">
                {move || i18n.t().surveys_staff().tab_answers}
            </A>
        </nav>
    }
}
