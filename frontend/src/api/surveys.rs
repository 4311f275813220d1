//! Surveys: the agency's settings (NPS wording, CSI criteria, recontact guard, follow-up days).

use super::{get_json, send_json, ApiError};
use accord_api::surveys::{SurveySettings, SurveySettingsPage};

pub async fn settings() -> Result<SurveySettingsPage, ApiError> {
    get_json("/api/staff/survey-settings").await
}

pub async fn save_settings(settings: &SurveySettings) -> Result<SurveySettingsPage, ApiError> {
    send_json("PUT", "/api/staff/survey-settings", settings).await
}
