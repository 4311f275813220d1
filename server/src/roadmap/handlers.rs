//! HTTP in and out for roadmaps.

use super::{goals, points, stages};
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::{PortalContact, Staff};
use accord_api::roadmap::{GoalInput, GoalView, NewGoalValue, PointsInput, RoadmapView, StageInput, StageView};
use accord_api::{ClientId, ErrorBody, GoalId, StageId};
use actix_web::{delete, get, post, put, web, HttpResponse};

/// A client's roadmap: points A and B, goals with KPI values, stages with linked items.
#[utoipa::path(tag = "roadmap", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = RoadmapView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/roadmap")]
pub(super) async fn get_roadmap(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<RoadmapView>> {
    Ok(web::Json(points::get(&state, &staff, id.into_inner()).await?))
}

/// Replaces point A and point B (Markdown, sanitized when rendered).
#[utoipa::path(tag = "roadmap", params(("id" = ClientId, Path, description = "Client id")), request_body = PointsInput, responses(
    (status = 200, body = RoadmapView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/staff/clients/{id}/roadmap/points")]
pub(super) async fn put_points(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    body: web::Json<PointsInput>,
) -> ApiResult<web::Json<RoadmapView>> {
    Ok(web::Json(points::put_points(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// Adds a goal with its KPI.
#[utoipa::path(tag = "roadmap", params(("id" = ClientId, Path, description = "Client id")), request_body = GoalInput, responses(
    (status = 201, body = GoalView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/roadmap/goals")]
pub(super) async fn create_goal(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    body: web::Json<GoalInput>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(goals::create_goal(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// Changes a goal's name, unit, baseline or target.
#[utoipa::path(tag = "roadmap", params(("id" = ClientId, Path, description = "Client id"), ("goal_id" = GoalId, Path, description = "Goal id")),
    request_body = GoalInput, responses(
    (status = 200, body = GoalView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/staff/clients/{id}/roadmap/goals/{goal_id}")]
pub(super) async fn update_goal(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<(ClientId, GoalId)>,
    body: web::Json<GoalInput>,
) -> ApiResult<web::Json<GoalView>> {
    let (client, goal) = path.into_inner();
    Ok(web::Json(goals::update_goal(&state, &staff, client, goal, body.into_inner()).await?))
}

/// Deletes a goal and its measured values.
#[utoipa::path(tag = "roadmap", params(("id" = ClientId, Path, description = "Client id"), ("goal_id" = GoalId, Path, description = "Goal id")),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[delete("/staff/clients/{id}/roadmap/goals/{goal_id}")]
pub(super) async fn delete_goal(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<(ClientId, GoalId)>,
) -> ApiResult<HttpResponse> {
    let (client, goal) = path.into_inner();
    goals::delete_goal(&state, &staff, client, goal).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Records a measured KPI value (one per day; a second one the same day replaces it).
#[utoipa::path(tag = "roadmap", params(("id" = ClientId, Path, description = "Client id"), ("goal_id" = GoalId, Path, description = "Goal id")),
    request_body = NewGoalValue, responses(
    (status = 200, body = GoalView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/roadmap/goals/{goal_id}/values")]
pub(super) async fn add_goal_value(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<(ClientId, GoalId)>,
    body: web::Json<NewGoalValue>,
) -> ApiResult<web::Json<GoalView>> {
    let (client, goal) = path.into_inner();
    Ok(web::Json(goals::add_goal_value(&state, &staff, client, goal, body.into_inner()).await?))
}

/// Adds a stage.
#[utoipa::path(tag = "roadmap", params(("id" = ClientId, Path, description = "Client id")), request_body = StageInput, responses(
    (status = 201, body = StageView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/roadmap/stages")]
pub(super) async fn create_stage(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    body: web::Json<StageInput>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(stages::create_stage(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// Changes a stage.
#[utoipa::path(tag = "roadmap", params(("id" = ClientId, Path, description = "Client id"), ("stage_id" = StageId, Path, description = "Stage id")),
    request_body = StageInput, responses(
    (status = 200, body = StageView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/staff/clients/{id}/roadmap/stages/{stage_id}")]
pub(super) async fn update_stage(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<(ClientId, StageId)>,
    body: web::Json<StageInput>,
) -> ApiResult<web::Json<StageView>> {
    let (client, stage) = path.into_inner();
    Ok(web::Json(stages::update_stage(&state, &staff, client, stage, body.into_inner()).await?))
}

/// Deletes a stage; its backlog items stay, without a stage.
#[utoipa::path(tag = "roadmap", params(("id" = ClientId, Path, description = "Client id"), ("stage_id" = StageId, Path, description = "Stage id")),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[delete("/staff/clients/{id}/roadmap/stages/{stage_id}")]
pub(super) async fn delete_stage(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<(ClientId, StageId)>,
) -> ApiResult<HttpResponse> {
    let (client, stage) = path.into_inner();
    stages::delete_stage(&state, &staff, client, stage).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The roadmap as the client sees it (no ideas among the stage items).
#[utoipa::path(tag = "portal", responses(
    (status = 200, body = RoadmapView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/portal/roadmap")]
pub(super) async fn portal_roadmap(
    state: web::Data<AppState>,
    contact: PortalContact,
) -> ApiResult<web::Json<RoadmapView>> {
    Ok(web::Json(points::portal(&state, &contact).await?))
}
