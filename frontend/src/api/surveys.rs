//! Surveys for staff: the agency's settings, campaigns and their waves, the NPS and CSI
//! analytics, answers (filters, CSV export and history import, promoter marks, phone answers)
//! and detractors' follow-ups.

use super::{encode, get_json, post_empty, send_json, ApiError};
use crate::i18n::iso_day;
use accord_api::backlog::ImportRequest;
use accord_api::surveys::{
    AnswerView, CampaignDetail, CampaignInput, CampaignSummary, CloseFollowup, FollowupFilter, FollowupList,
    FollowupView, MarkRequest, NpsClass, PhoneAnswer, PromoterMark, SurveyAnalytics, SurveyImportResult,
    SurveySettings, SurveySettingsPage,
};
use accord_api::{ClientId, Page, SurveyAnswerId, SurveyCampaignId, SurveyFollowupId, UserId};
use chrono::NaiveDate;

pub async fn settings() -> Result<SurveySettingsPage, ApiError> {
    get_json("/api/staff/survey-settings").await
}

pub async fn save_settings(settings: &SurveySettings) -> Result<SurveySettingsPage, ApiError> {
    send_json("PUT", "/api/staff/survey-settings", settings).await
}

// ---- Campaigns ----

/// Page `page` (from 1) of the agency's campaigns.
pub async fn campaigns(page: u64) -> Result<Page<CampaignSummary>, ApiError> {
    get_json(&format!("/api/staff/survey-campaigns?page={page}")).await
}

/// Creates a draft campaign.
pub async fn create_campaign(input: &CampaignInput) -> Result<CampaignDetail, ApiError> {
    send_json("POST", "/api/staff/survey-campaigns", input).await
}

pub async fn campaign(id: SurveyCampaignId) -> Result<CampaignDetail, ApiError> {
    get_json(&format!("/api/staff/survey-campaigns/{id}")).await
}

/// Replaces a draft's settings.
pub async fn save_campaign(id: SurveyCampaignId, input: &CampaignInput) -> Result<CampaignDetail, ApiError> {
    send_json("PUT", &format!("/api/staff/survey-campaigns/{id}"), input).await
}

/// Opens the first wave now (invitations and mails go out).
pub async fn launch_campaign(id: SurveyCampaignId) -> Result<CampaignDetail, ApiError> {
    post_empty(&format!("/api/staff/survey-campaigns/{id}/launch")).await
}

/// No more waves open.
pub async fn stop_campaign(id: SurveyCampaignId) -> Result<CampaignDetail, ApiError> {
    post_empty(&format!("/api/staff/survey-campaigns/{id}/stop")).await
}

// ---- Analytics and answers ----

/// Which answers analytics and the answer list look at; every field left `None` is not sent
/// (the server's defaults apply: the last 12 months, every client the caller sees).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnswerFilters {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub manager: Option<UserId>,
    pub client: Option<ClientId>,
    /// Answer list only: one NPS class.
    pub class: Option<NpsClass>,
    /// Answer list only: answers with a "why?" text.
    pub with_why: bool,
}

impl AnswerFilters {
    /// `key=value` pairs joined by `&` (no leading `?`), values percent-encoded.
    pub fn query_string(&self) -> String {
        let mut pairs: Vec<String> = Vec::new();
        if let Some(class) = self.class {
            pairs.push(format!("class={}", class.as_str()));
        }
        if let Some(manager) = self.manager {
            pairs.push(format!("manager={}", encode(&manager.to_string())));
        }
        if let Some(client) = self.client {
            pairs.push(format!("client={}", encode(&client.to_string())));
        }
        if let Some(from) = self.from {
            pairs.push(format!("from={}", iso_day(&from)));
        }
        if let Some(to) = self.to {
            pairs.push(format!("to={}", iso_day(&to)));
        }
        if self.with_why {
            pairs.push("with_why=true".to_owned());
        }
        pairs.join("&")
    }
}

fn with_query(base: &str, query: &str) -> String {
    if query.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{query}")
    }
}

/// NPS, CSI, trends and breakdowns of the answers in the period (`class` and `with_why` are
/// ignored here).
pub async fn analytics(filters: &AnswerFilters) -> Result<SurveyAnalytics, ApiError> {
    let scope = AnswerFilters { class: None, with_why: false, ..filters.clone() };
    get_json(&with_query("/api/staff/survey-analytics", &scope.query_string())).await
}

/// Page `page` (from 1) of the answers matching `filters`, newest first.
pub async fn answers(filters: &AnswerFilters, page: u64) -> Result<Page<AnswerView>, ApiError> {
    let query = filters.query_string();
    let url = if query.is_empty() {
        format!("/api/staff/survey-answers?page={page}")
    } else {
        format!("/api/staff/survey-answers?{query}&page={page}")
    };
    get_json(&url).await
}

/// The CSV of every answer matching `filters` (a plain link: the browser sends the cookie).
pub fn export_url(filters: &AnswerFilters) -> String {
    with_query("/api/staff/survey-answers/export", &filters.query_string())
}

/// Imports past answers from CSV text; on bad rows 422 `import_rejected` with `rows`, nothing
/// imported.
pub async fn import_answers(csv: String) -> Result<SurveyImportResult, ApiError> {
    send_json("POST", "/api/staff/survey-answers/import", &ImportRequest { csv }).await
}

/// Marks a promoter for a testimonial or referral request (`None` takes the mark off).
pub async fn mark_answer(id: SurveyAnswerId, mark: Option<PromoterMark>) -> Result<AnswerView, ApiError> {
    send_json("PUT", &format!("/api/staff/survey-answers/{id}/mark"), &MarkRequest { mark }).await
}

/// A client's answers, newest first.
pub async fn client_answers(client: ClientId, page: u64) -> Result<Page<AnswerView>, ApiError> {
    get_json(&format!("/api/staff/clients/{client}/survey-answers?page={page}")).await
}

/// Records an answer taken by phone.
pub async fn record_phone_answer(client: ClientId, answer: &PhoneAnswer) -> Result<AnswerView, ApiError> {
    send_json("POST", &format!("/api/staff/clients/{client}/survey-answers"), answer).await
}

// ---- Follow-ups ----

/// Only the open and overdue counts (a one-item page), for the Follow-ups tab.
pub async fn followup_counts() -> Result<FollowupList, ApiError> {
    get_json("/api/staff/survey-followups?filter=open&per_page=1").await
}

/// Page `page` (from 1) of the follow-ups in `filter`, optionally one manager's.
pub async fn followups(filter: FollowupFilter, manager: Option<UserId>, page: u64) -> Result<FollowupList, ApiError> {
    let mut url = format!("/api/staff/survey-followups?filter={}&page={page}", filter.as_str());
    if let Some(manager) = manager {
        url.push_str(&format!("&manager={}", encode(&manager.to_string())));
    }
    get_json(&url).await
}

pub async fn close_followup(id: SurveyFollowupId, close: &CloseFollowup) -> Result<FollowupView, ApiError> {
    send_json("POST", &format!("/api/staff/survey-followups/{id}/close"), close).await
}
