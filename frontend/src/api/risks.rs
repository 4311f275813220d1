//! Risks and incidents: a client's risk register (with its probability × impact matrix) and its
//! incidents taken through the five steps, on the staff side; the client-visible risks and the
//! incidents the client was told about, and acknowledging a fix plan, in the portal.

use super::{get_json, post_empty, send_json, send_no_content, ApiError};
use accord_api::risks::{
    IncidentView, NewIncident, PortalIncident, PortalRisks, RiskInput, RiskRegister, RiskView, StepInput,
};
use accord_api::{ClientId, IncidentId, RiskId};

/// Every risk of the client (open ones first, by exposure), the matrix of the open ones, and
/// whether the caller may change them.
pub async fn register(client: ClientId) -> Result<RiskRegister, ApiError> {
    get_json(&format!("/api/staff/clients/{client}/risks")).await
}

pub async fn create_risk(client: ClientId, input: &RiskInput) -> Result<RiskView, ApiError> {
    send_json("POST", &format!("/api/staff/clients/{client}/risks"), input).await
}

/// Replaces every field of the risk.
pub async fn update_risk(risk: RiskId, input: &RiskInput) -> Result<RiskView, ApiError> {
    send_json("PUT", &format!("/api/staff/risks/{risk}"), input).await
}

pub async fn delete_risk(risk: RiskId) -> Result<(), ApiError> {
    send_no_content("DELETE", &format!("/api/staff/risks/{risk}"), None::<&()>).await
}

/// The client's incidents.
pub async fn incidents(client: ClientId) -> Result<Vec<IncidentView>, ApiError> {
    get_json(&format!("/api/staff/clients/{client}/incidents")).await
}

/// Records an incident (internal until step 1 tells the client).
pub async fn record_incident(client: ClientId, input: &NewIncident) -> Result<IncidentView, ApiError> {
    send_json("POST", &format!("/api/staff/clients/{client}/incidents"), input).await
}

pub async fn incident(id: IncidentId) -> Result<IncidentView, ApiError> {
    get_json(&format!("/api/staff/incidents/{id}")).await
}

/// Takes the next step; a step out of order is `409 wrong_step`.
pub async fn take_step(id: IncidentId, step: &StepInput) -> Result<IncidentView, ApiError> {
    send_json("POST", &format!("/api/staff/incidents/{id}/steps"), step).await
}

/// The client-visible risks and the incidents the client was told about.
pub async fn portal() -> Result<PortalRisks, ApiError> {
    get_json("/api/portal/risks").await
}

/// An approver acknowledges an incident's fix plan.
pub async fn acknowledge_plan(id: IncidentId) -> Result<PortalIncident, ApiError> {
    post_empty(&format!("/api/portal/incidents/{id}/acknowledge")).await
}
