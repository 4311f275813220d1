//! HTTP in and out for a client's projects.

use super::service;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::projects::{ProjectInput, ProjectView};
use accord_api::{ClientId, ErrorBody, ProjectId};
use actix_web::{get, post, put, web, HttpResponse};

/// A client's projects with their teams and budgets.
#[utoipa::path(tag = "projects", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = Vec<ProjectView>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/projects")]
pub(super) async fn list_projects(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<Vec<ProjectView>>> {
    Ok(web::Json(service::list(&state, &staff, id.into_inner()).await?))
}

/// Adds a project to a client.
#[utoipa::path(tag = "projects", params(("id" = ClientId, Path, description = "Client id")), request_body = ProjectInput, responses(
    (status = 201, body = ProjectView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/projects")]
pub(super) async fn create_project(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    body: web::Json<ProjectInput>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(service::create(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// Replaces a project's details and team.
#[utoipa::path(tag = "projects", params(
    ("id" = ClientId, Path, description = "Client id"), ("project_id" = ProjectId, Path, description = "Project id")),
    request_body = ProjectInput, responses(
    (status = 200, body = ProjectView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
    (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/staff/clients/{id}/projects/{project_id}")]
pub(super) async fn update_project(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<(ClientId, ProjectId)>,
    body: web::Json<ProjectInput>,
) -> ApiResult<web::Json<ProjectView>> {
    let (client, project) = path.into_inner();
    Ok(web::Json(service::update(&state, &staff, client, project, body.into_inner()).await?))
}
