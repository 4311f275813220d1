//! A client's roadmap: point A and point B, goals with their measured values, stages. Staff
//! read and change it; the client's contacts read it in the portal.

use super::{get_json, send_json, send_no_content, ApiError};
use accord_api::roadmap::{GoalInput, GoalView, NewGoalValue, PointsInput, RoadmapView, StageInput, StageView};
use accord_api::{ClientId, GoalId, StageId};

fn base(client: ClientId) -> String {
    format!("/api/staff/clients/{client}/roadmap")
}

pub async fn roadmap(client: ClientId) -> Result<RoadmapView, ApiError> {
    get_json(&base(client)).await
}

/// Saves point A and point B (Markdown); answers the whole roadmap with the rendered HTML.
pub async fn save_points(client: ClientId, input: &PointsInput) -> Result<RoadmapView, ApiError> {
    send_json("PUT", &format!("{}/points", base(client)), input).await
}

pub async fn create_goal(client: ClientId, input: &GoalInput) -> Result<GoalView, ApiError> {
    send_json("POST", &format!("{}/goals", base(client)), input).await
}

pub async fn update_goal(client: ClientId, goal: GoalId, input: &GoalInput) -> Result<GoalView, ApiError> {
    send_json("PUT", &format!("{}/goals/{goal}", base(client)), input).await
}

/// Deletes the goal with its measured values.
pub async fn delete_goal(client: ClientId, goal: GoalId) -> Result<(), ApiError> {
    send_no_content("DELETE", &format!("{}/goals/{goal}", base(client)), None::<&()>).await
}

/// Records a measured value (a second one on the same day replaces the first).
pub async fn add_goal_value(client: ClientId, goal: GoalId, value: &NewGoalValue) -> Result<GoalView, ApiError> {
    send_json("POST", &format!("{}/goals/{goal}/values", base(client)), value).await
}

pub async fn create_stage(client: ClientId, input: &StageInput) -> Result<StageView, ApiError> {
    send_json("POST", &format!("{}/stages", base(client)), input).await
}

pub async fn update_stage(client: ClientId, stage: StageId, input: &StageInput) -> Result<StageView, ApiError> {
    send_json("PUT", &format!("{}/stages/{stage}", base(client)), input).await
}

/// Deletes the stage; its backlog items stay, only unlinked.
pub async fn delete_stage(client: ClientId, stage: StageId) -> Result<(), ApiError> {
    send_no_content("DELETE", &format!("{}/stages/{stage}", base(client)), None::<&()>).await
}

/// The signed-in contact's own client's roadmap (no ideas among the stage items).
pub async fn portal_roadmap() -> Result<RoadmapView, ApiError> {
    get_json("/api/portal/roadmap").await
}
