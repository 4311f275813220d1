//! Growth: a client's upsells, services had and next suggested services, the pipeline, the
//! profitability scorecard, the service catalogue and the knowledge base (staff); the published
//! explainers in the portal.

use super::{encode, get_json, send_json, send_no_content, ApiError};
use accord_api::growth::{
    ArticleInput, ArticleList, ArticleView, Catalogue, ClientScorecard, ClientServiceInput, ClientServiceView,
    ClientServices, ClientUpsells, MarksInput, NextServices, Pipeline, PortalArticle, PortalArticleSummary, Scorecard,
    ServiceInput, ServiceView, UpsellInput, UpsellView,
};
use accord_api::{ArticleId, ClientId, ServiceId, UpsellId, UserId};
use chrono::NaiveDate;

// ---- A client's growth ----

pub async fn upsells(client: ClientId) -> Result<ClientUpsells, ApiError> {
    get_json(&format!("/api/staff/clients/{client}/upsells")).await
}

pub async fn create_upsell(client: ClientId, input: &UpsellInput) -> Result<UpsellView, ApiError> {
    send_json("POST", &format!("/api/staff/clients/{client}/upsells"), input).await
}

/// Replaces every field of the opportunity (a status move out of order is 409).
pub async fn update_upsell(id: UpsellId, input: &UpsellInput) -> Result<UpsellView, ApiError> {
    send_json("PUT", &format!("/api/staff/upsells/{id}"), input).await
}

pub async fn delete_upsell(id: UpsellId) -> Result<(), ApiError> {
    send_no_content("DELETE", &format!("/api/staff/upsells/{id}"), None::<&()>).await
}

/// What the client has had, newest first.
pub async fn client_services(client: ClientId) -> Result<ClientServices, ApiError> {
    get_json(&format!("/api/staff/clients/{client}/services")).await
}

pub async fn record_service(client: ClientId, input: &ClientServiceInput) -> Result<ClientServiceView, ApiError> {
    send_json("POST", &format!("/api/staff/clients/{client}/services"), input).await
}

/// The services to offer now, and later ones with what they wait for.
pub async fn next_services(client: ClientId) -> Result<NextServices, ApiError> {
    get_json(&format!("/api/staff/clients/{client}/next-services")).await
}

// ---- The pipeline and the scorecard ----

/// Per manager, and the won share in `from..=to` (the server's default period when absent).
pub async fn pipeline(
    manager: Option<UserId>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Pipeline, ApiError> {
    let mut query = Vec::new();
    if let Some(m) = manager {
        query.push(format!("manager={m}"));
    }
    if let Some(d) = from {
        query.push(format!("from={}", encode(&d.to_string())));
    }
    if let Some(d) = to {
        query.push(format!("to={}", encode(&d.to_string())));
    }
    let query = if query.is_empty() { String::new() } else { format!("?{}", query.join("&")) };
    get_json(&format!("/api/staff/pipeline{query}")).await
}

pub async fn scorecard() -> Result<Scorecard, ApiError> {
    get_json("/api/staff/scorecard").await
}

/// Sets (or clears) some of a client's marks; answers the client's row.
pub async fn mark_client(client: ClientId, input: &MarksInput) -> Result<ClientScorecard, ApiError> {
    send_json("PUT", &format!("/api/staff/clients/{client}/scorecard"), input).await
}

// ---- The catalogue ----

pub async fn catalogue() -> Result<Catalogue, ApiError> {
    get_json("/api/staff/services").await
}

pub async fn create_service(input: &ServiceInput) -> Result<ServiceView, ApiError> {
    send_json("POST", "/api/staff/services", input).await
}

pub async fn update_service(id: ServiceId, input: &ServiceInput) -> Result<ServiceView, ApiError> {
    send_json("PUT", &format!("/api/staff/services/{id}"), input).await
}

pub async fn delete_service(id: ServiceId) -> Result<(), ApiError> {
    send_no_content("DELETE", &format!("/api/staff/services/{id}"), None::<&()>).await
}

// ---- The knowledge base ----

pub async fn articles() -> Result<ArticleList, ApiError> {
    get_json("/api/staff/articles").await
}

pub async fn create_article(input: &ArticleInput) -> Result<ArticleView, ApiError> {
    send_json("POST", "/api/staff/articles", input).await
}

pub async fn update_article(id: ArticleId, input: &ArticleInput) -> Result<ArticleView, ApiError> {
    send_json("PUT", &format!("/api/staff/articles/{id}"), input).await
}

pub async fn delete_article(id: ArticleId) -> Result<(), ApiError> {
    send_no_content("DELETE", &format!("/api/staff/articles/{id}"), None::<&()>).await
}

/// The published explainers, in the contact's language.
pub async fn portal_articles() -> Result<Vec<PortalArticleSummary>, ApiError> {
    get_json("/api/portal/knowledge").await
}

pub async fn portal_article(id: ArticleId) -> Result<PortalArticle, ApiError> {
    get_json(&format!("/api/portal/knowledge/{id}")).await
}

// ---- What a won opportunity links to ----

/// The client's contracts (for linking a won opportunity).
pub async fn client_contracts(client: ClientId) -> Result<Vec<accord_api::finance::ContractView>, ApiError> {
    get_json(&format!("/api/staff/clients/{client}/contracts")).await
}

/// The client's backlog items across its projects (the first hundred of each), for linking a
/// won opportunity: `(item, title)`.
pub async fn client_items(client: ClientId) -> Result<Vec<(accord_api::BacklogItemId, String)>, ApiError> {
    let query = accord_api::backlog::BacklogQuery::default();
    let mut items = Vec::new();
    for project in super::projects::list(client).await? {
        let page = super::backlog::list(client, project.id, &query, 1, 100).await?;
        items.extend(page.items.into_iter().map(|i| (i.id, format!("{} · {}", project.name, i.title))));
    }
    Ok(items)
}
