//! HTTP handlers of the growth endpoints: scorecard, upsells and pipeline, the service
//! catalogue and playbooks, the knowledge base (staff) and its published explainers (portal).

use super::{articles, catalogue, pipeline as board, playbook, scorecard, upsells};
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::{PortalContact, SignedIn, Staff};
use accord_api::growth::{
    ArticleInput, ArticleList, ArticleView, Catalogue, ClientScorecard, ClientServiceInput, ClientServiceView,
    ClientServices, ClientUpsells, CriteriaInput, Criterion, MarksInput, NextServices, Pipeline, PipelineQuery,
    PortalArticle, PortalArticleSummary, Scorecard, ServiceInput, ServiceView, UpsellInput, UpsellView,
};
use accord_api::{ArticleId, ClientId, ErrorBody, ServiceId, UpsellId};
use actix_web::{delete, get, post, put, web, HttpResponse};

// ---- Scorecard ----

/// The scorecard's criteria in order (owners and admins; the built-in six until saved).
#[utoipa::path(tag = "growth", responses(
    (status = 200, body = Vec<Criterion>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/staff/scorecard/criteria")]
pub(super) async fn get_criteria(state: web::Data<AppState>, staff: Staff) -> ApiResult<web::Json<Vec<Criterion>>> {
    Ok(web::Json(scorecard::criteria(&state, &staff).await?))
}

/// Saves the criteria list (owners and admins); criteria left out are archived.
#[utoipa::path(tag = "growth", request_body = CriteriaInput, responses(
    (status = 200, body = Vec<Criterion>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/staff/scorecard/criteria")]
pub(super) async fn save_criteria(
    state: web::Data<AppState>,
    staff: Staff,
    body: web::Json<CriteriaInput>,
) -> ApiResult<web::Json<Vec<Criterion>>> {
    Ok(web::Json(scorecard::save_criteria(&state, &staff, body.into_inner()).await?))
}

/// The profitability ranking with each client's monthly fee (owners and admins).
#[utoipa::path(tag = "growth", responses(
    (status = 200, body = Scorecard), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/staff/scorecard")]
pub(super) async fn scorecard_table(state: web::Data<AppState>, staff: Staff) -> ApiResult<web::Json<Scorecard>> {
    Ok(web::Json(scorecard::table(&state, &staff).await?))
}

/// One client's marks and rank (owners and admins).
#[utoipa::path(tag = "growth", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = ClientScorecard), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/scorecard")]
pub(super) async fn client_scorecard(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<ClientScorecard>> {
    Ok(web::Json(scorecard::client_card(&state, &staff, id.into_inner()).await?))
}

/// Sets or clears a client's marks, −2..+2 each (owners and admins).
#[utoipa::path(tag = "growth", params(("id" = ClientId, Path, description = "Client id")), request_body = MarksInput, responses(
    (status = 200, body = ClientScorecard), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/staff/clients/{id}/scorecard")]
pub(super) async fn save_marks(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    body: web::Json<MarksInput>,
) -> ApiResult<web::Json<ClientScorecard>> {
    Ok(web::Json(scorecard::save_marks(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

// ---- Upsells ----

/// A client's upsell opportunities (owners, admins, the client's account manager).
#[utoipa::path(tag = "growth", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = ClientUpsells), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/upsells")]
pub(super) async fn client_upsells(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<ClientUpsells>> {
    Ok(web::Json(upsells::list(&state, &staff, id.into_inner()).await?))
}

/// Adds an upsell opportunity (as an idea or proposed).
#[utoipa::path(tag = "growth", params(("id" = ClientId, Path, description = "Client id")), request_body = UpsellInput, responses(
    (status = 201, body = UpsellView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/upsells")]
pub(super) async fn create_upsell(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    body: web::Json<UpsellInput>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(upsells::create(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// Changes an upsell opportunity; its status moves idea → proposed → won | lost.
#[utoipa::path(tag = "growth", params(("upsell" = UpsellId, Path, description = "Upsell id")), request_body = UpsellInput, responses(
    (status = 200, body = UpsellView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/staff/upsells/{upsell}")]
pub(super) async fn update_upsell(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<UpsellId>,
    body: web::Json<UpsellInput>,
) -> ApiResult<web::Json<UpsellView>> {
    Ok(web::Json(upsells::update(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// Deletes an upsell opportunity.
#[utoipa::path(tag = "growth", params(("upsell" = UpsellId, Path, description = "Upsell id")), responses(
    (status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[delete("/staff/upsells/{upsell}")]
pub(super) async fn delete_upsell(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<UpsellId>,
) -> ApiResult<HttpResponse> {
    upsells::delete(&state, &staff, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The upsell pipeline per account manager and the won upsell share of paid revenue in a
/// period (owners and admins: the agency or one manager; account managers: their own clients).
#[utoipa::path(tag = "growth", params(PipelineQuery), responses(
    (status = 200, body = Pipeline), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[get("/staff/pipeline")]
pub(super) async fn pipeline(
    state: web::Data<AppState>,
    staff: Staff,
    query: web::Query<PipelineQuery>,
) -> ApiResult<web::Json<Pipeline>> {
    Ok(web::Json(board::pipeline(&state, &staff, query.into_inner()).await?))
}

// ---- Service catalogue and playbooks ----

/// The service catalogue in playbook order (every staff member).
#[utoipa::path(tag = "growth", responses(
    (status = 200, body = Catalogue), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/staff/services")]
pub(super) async fn list_services(state: web::Data<AppState>, staff: Staff) -> ApiResult<web::Json<Catalogue>> {
    Ok(web::Json(catalogue::list(&state, &staff).await?))
}

/// Adds a service (owners and admins).
#[utoipa::path(tag = "growth", request_body = ServiceInput, responses(
    (status = 201, body = ServiceView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/services")]
pub(super) async fn create_service(
    state: web::Data<AppState>,
    staff: Staff,
    body: web::Json<ServiceInput>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(catalogue::create(&state, &staff, body.into_inner()).await?))
}

/// Changes a service and its prerequisites (no cycles: 422).
#[utoipa::path(tag = "growth", params(("service" = ServiceId, Path, description = "Service id")), request_body = ServiceInput, responses(
    (status = 200, body = ServiceView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/staff/services/{service}")]
pub(super) async fn update_service(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ServiceId>,
    body: web::Json<ServiceInput>,
) -> ApiResult<web::Json<ServiceView>> {
    Ok(web::Json(catalogue::update(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// Removes a service from the catalogue (what clients had of it stays on record).
#[utoipa::path(tag = "growth", params(("service" = ServiceId, Path, description = "Service id")), responses(
    (status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[delete("/staff/services/{service}")]
pub(super) async fn delete_service(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ServiceId>,
) -> ApiResult<HttpResponse> {
    catalogue::delete(&state, &staff, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The services a client has had (staff who see the client).
#[utoipa::path(tag = "growth", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = ClientServices), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/services")]
pub(super) async fn client_services(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<ClientServices>> {
    Ok(web::Json(playbook::list(&state, &staff, id.into_inner()).await?))
}

/// Records a service the client had or has (owners, admins, the client's account manager).
#[utoipa::path(tag = "growth", params(("id" = ClientId, Path, description = "Client id")), request_body = ClientServiceInput, responses(
    (status = 201, body = ClientServiceView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/services")]
pub(super) async fn record_client_service(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    body: web::Json<ClientServiceInput>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(playbook::record(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// The services the playbook suggests for a client now, and later (staff who see the client).
#[utoipa::path(tag = "growth", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = NextServices), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/next-services")]
pub(super) async fn next_services(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<NextServices>> {
    Ok(web::Json(playbook::next(&state, &staff, id.into_inner()).await?))
}

// ---- Knowledge base ----

/// Every explainer, drafts too (every staff member).
#[utoipa::path(tag = "growth", responses(
    (status = 200, body = ArticleList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/staff/articles")]
pub(super) async fn list_articles(state: web::Data<AppState>, staff: Staff) -> ApiResult<web::Json<ArticleList>> {
    Ok(web::Json(articles::list(&state, &staff).await?))
}

/// Writes an explainer (owners and admins).
#[utoipa::path(tag = "growth", request_body = ArticleInput, responses(
    (status = 201, body = ArticleView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/articles")]
pub(super) async fn create_article(
    state: web::Data<AppState>,
    staff: Staff,
    body: web::Json<ArticleInput>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(articles::create(&state, &staff, body.into_inner()).await?))
}

/// One explainer in both languages (every staff member).
#[utoipa::path(tag = "growth", params(("article" = ArticleId, Path, description = "Article id")), responses(
    (status = 200, body = ArticleView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/articles/{article}")]
pub(super) async fn article(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ArticleId>,
) -> ApiResult<web::Json<ArticleView>> {
    Ok(web::Json(articles::get(&state, &staff, id.into_inner()).await?))
}

/// Rewrites an explainer (owners and admins).
#[utoipa::path(tag = "growth", params(("article" = ArticleId, Path, description = "Article id")), request_body = ArticleInput, responses(
    (status = 200, body = ArticleView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/staff/articles/{article}")]
pub(super) async fn update_article(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ArticleId>,
    body: web::Json<ArticleInput>,
) -> ApiResult<web::Json<ArticleView>> {
    Ok(web::Json(articles::update(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// Deletes an explainer (owners and admins).
#[utoipa::path(tag = "growth", params(("article" = ArticleId, Path, description = "Article id")), responses(
    (status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[delete("/staff/articles/{article}")]
pub(super) async fn delete_article(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ArticleId>,
) -> ApiResult<HttpResponse> {
    articles::delete(&state, &staff, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The published explainers, in the reader's language (every contact of the agency).
#[utoipa::path(tag = "portal", responses(
    (status = 200, body = Vec<PortalArticleSummary>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/portal/knowledge")]
pub(super) async fn portal_knowledge(
    state: web::Data<AppState>,
    contact: PortalContact,
    who: SignedIn,
) -> ApiResult<web::Json<Vec<PortalArticleSummary>>> {
    Ok(web::Json(articles::portal_list(&state, &contact, who.0.locale).await?))
}

/// One published explainer as sanitized HTML in the reader's language (a draft is 404).
#[utoipa::path(tag = "portal", params(("article" = ArticleId, Path, description = "Article id")), responses(
    (status = 200, body = PortalArticle), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/portal/knowledge/{article}")]
pub(super) async fn portal_article(
    state: web::Data<AppState>,
    contact: PortalContact,
    who: SignedIn,
    id: web::Path<ArticleId>,
) -> ApiResult<web::Json<PortalArticle>> {
    Ok(web::Json(articles::portal_get(&state, &contact, who.0.locale, id.into_inner()).await?))
}
