//! HTTP handlers of the survey endpoints.

use super::settings;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::surveys::{SurveySettings, SurveySettingsPage};
use accord_api::ErrorBody;
use actix_web::{get, put, web};

/// The agency's survey settings: NPS wording in both languages, CSI criteria, the recontact
/// guard and follow-up days (built-in until saved), with the criteria presets.
#[utoipa::path(tag = "surveys", responses(
    (status = 200, body = SurveySettingsPage), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/staff/survey-settings")]
pub(super) async fn get_settings(state: web::Data<AppState>, staff: Staff) -> ApiResult<web::Json<SurveySettingsPage>> {
    Ok(web::Json(settings::page(&state, &staff).await?))
}

/// Saves the agency's survey settings (owners and admins); criteria taken off the list are
/// kept for past answers.
#[utoipa::path(tag = "surveys", request_body = SurveySettings, responses(
    (status = 200, body = SurveySettingsPage), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 422, body = ErrorBody)))]
#[put("/staff/survey-settings")]
pub(super) async fn save_settings(
    state: web::Data<AppState>,
    staff: Staff,
    body: web::Json<SurveySettings>,
) -> ApiResult<web::Json<SurveySettingsPage>> {
    Ok(web::Json(settings::save(&state, &staff, body.into_inner()).await?))
}
