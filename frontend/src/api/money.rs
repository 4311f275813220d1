//! Money for staff (never in the portal): a client's figures, contracts, invoices with their
//! payments, closing documents and ABC tier; the agency's money overview, every invoice, the
//! finance settings, and the CSV import and export of invoices.

use super::{encode, get_json, send_ignoring_answer, send_json, ApiError};
use accord_api::backlog::ImportRequest;
use accord_api::finance::{
    BillableItem, ClosingDocumentInput, ClosingDocumentView, ContractInput, ContractView, FinanceSettingsInput,
    FinanceSettingsView, InvoiceImportResult, InvoiceInput, InvoiceStatus, InvoiceView, PaymentInput,
};
use accord_api::growth::ServiceRef;
use accord_api::revenue::{ClientMoney, MoneyOverview};
use accord_api::{ClientId, ClosingDocumentId, ContractId, InvoiceId, Page, UserId};

/// A client's LTV, lifetime, ACV, unpaid and overdue totals, 12-month trend and tier.
pub async fn client_money(id: ClientId) -> Result<ClientMoney, ApiError> {
    get_json(&format!("/api/staff/clients/{id}/money")).await
}

/// The agency's money overview (one manager's clients when `manager` is given).
pub async fn overview(manager: Option<UserId>) -> Result<MoneyOverview, ApiError> {
    match manager {
        Some(m) => get_json(&format!("/api/staff/money?manager={}", encode(&m.to_string()))).await,
        None => get_json("/api/staff/money").await,
    }
}

/// Back to the computed ABC tier (owners and admins).
pub async fn clear_tier(id: ClientId) -> Result<(), ApiError> {
    send_ignoring_answer("POST", &format!("/api/staff/clients/{id}/tier/clear"), Some("{}".to_owned())).await
}

pub async fn settings() -> Result<FinanceSettingsView, ApiError> {
    get_json("/api/staff/finance-settings").await
}

pub async fn save_settings(input: &FinanceSettingsInput) -> Result<FinanceSettingsView, ApiError> {
    send_json("PUT", "/api/staff/finance-settings", input).await
}

pub async fn contracts(id: ClientId) -> Result<Vec<ContractView>, ApiError> {
    get_json(&format!("/api/staff/clients/{id}/contracts")).await
}

pub async fn create_contract(id: ClientId, input: &ContractInput) -> Result<(), ApiError> {
    let body = super::json_body(input)?;
    send_ignoring_answer("POST", &format!("/api/staff/clients/{id}/contracts"), Some(body)).await
}

pub async fn update_contract(id: ContractId, input: &ContractInput) -> Result<(), ApiError> {
    let body = super::json_body(input)?;
    send_ignoring_answer("PUT", &format!("/api/staff/contracts/{id}"), Some(body)).await
}

pub async fn delete_contract(id: ContractId) -> Result<(), ApiError> {
    send_ignoring_answer("DELETE", &format!("/api/staff/contracts/{id}"), None).await
}

pub async fn invoices(id: ClientId) -> Result<Vec<InvoiceView>, ApiError> {
    get_json(&format!("/api/staff/clients/{id}/invoices")).await
}

/// Approved change requests of the client not billed yet.
pub async fn billable(id: ClientId) -> Result<Vec<BillableItem>, ApiError> {
    get_json(&format!("/api/staff/clients/{id}/billable")).await
}

pub async fn create_invoice(id: ClientId, input: &InvoiceInput) -> Result<(), ApiError> {
    let body = super::json_body(input)?;
    send_ignoring_answer("POST", &format!("/api/staff/clients/{id}/invoices"), Some(body)).await
}

/// Cancels an invoice without payments (one with payments: 409).
pub async fn cancel_invoice(id: InvoiceId) -> Result<(), ApiError> {
    send_ignoring_answer("POST", &format!("/api/staff/invoices/{id}/cancel"), Some("{}".to_owned())).await
}

/// Records a payment (more than the remaining amount: 422 at `amount_minor`).
pub async fn record_payment(id: InvoiceId, input: &PaymentInput) -> Result<(), ApiError> {
    let body = super::json_body(input)?;
    send_ignoring_answer("POST", &format!("/api/staff/invoices/{id}/payments"), Some(body)).await
}

pub async fn documents(id: ClientId) -> Result<Vec<ClosingDocumentView>, ApiError> {
    get_json(&format!("/api/staff/clients/{id}/documents")).await
}

pub async fn create_document(id: ClientId, input: &ClosingDocumentInput) -> Result<(), ApiError> {
    let body = super::json_body(input)?;
    send_ignoring_answer("POST", &format!("/api/staff/clients/{id}/documents"), Some(body)).await
}

/// Saves a document (signing is an update with `signed_on`).
pub async fn update_document(id: ClosingDocumentId, input: &ClosingDocumentInput) -> Result<(), ApiError> {
    let body = super::json_body(input)?;
    send_ignoring_answer("PUT", &format!("/api/staff/documents/{id}"), Some(body)).await
}

/// The catalogue's answer, read for the names only.
#[derive(serde::Deserialize)]
struct Catalogue {
    services: Vec<ServiceRef>,
}

/// The agency's catalogue of services (names only).
pub async fn services() -> Result<Vec<ServiceRef>, ApiError> {
    get_json::<Catalogue>("/api/staff/services").await.map(|c| c.services)
}

/// Filters of the agency-wide invoice list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InvoiceFilters {
    pub status: Option<InvoiceStatus>,
    pub client: Option<ClientId>,
    pub overdue: bool,
    pub manager: Option<UserId>,
    pub page: u64,
}

impl InvoiceFilters {
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(s) = self.status {
            parts.push(format!("status={}", s.as_str()));
        }
        if let Some(c) = self.client {
            parts.push(format!("client={c}"));
        }
        if self.overdue {
            parts.push("overdue=true".to_owned());
        }
        if let Some(m) = self.manager {
            parts.push(format!("manager={m}"));
        }
        parts.push(format!("page={}", self.page.max(1)));
        parts.push(format!("per_page={PER_PAGE}"));
        parts.join("&")
    }
}

/// Rows per page of the agency-wide invoice list.
pub const PER_PAGE: u64 = 20;

pub async fn all_invoices(filters: &InvoiceFilters) -> Result<Page<InvoiceView>, ApiError> {
    get_json(&format!("/api/staff/invoices?{}", filters.query())).await
}

/// Where the CSV export of the invoices `filters` pick downloads from (the import's columns).
pub fn export_url(filters: &InvoiceFilters) -> String {
    let query = InvoiceFilters { page: 0, ..filters.clone() }.query();
    let query: Vec<&str> =
        query.split('&').filter(|p| !p.starts_with("page=") && !p.starts_with("per_page=")).collect();
    if query.is_empty() {
        "/api/staff/invoices/export.csv".to_owned()
    } else {
        format!("/api/staff/invoices/export.csv?{}", query.join("&"))
    }
}

/// Imports invoices and payments from CSV text; bad rows: 422 `import_rejected` with `rows`.
pub async fn import_invoices(csv: String) -> Result<InvoiceImportResult, ApiError> {
    send_json("POST", "/api/staff/invoices/import", &ImportRequest { csv }).await
}

#[cfg(test)]
mod tests {
    use super::{export_url, InvoiceFilters};
    use accord_api::finance::InvoiceStatus;

    #[test]
    fn the_export_takes_the_filters_but_not_the_page() {
        assert_eq!(export_url(&InvoiceFilters::default()), "/api/staff/invoices/export.csv");
        let f =
            InvoiceFilters { status: Some(InvoiceStatus::PartlyPaid), overdue: true, page: 3, ..Default::default() };
        assert_eq!(f.query(), "status=partly_paid&overdue=true&page=3&per_page=20");
        assert_eq!(export_url(&f), "/api/staff/invoices/export.csv?status=partly_paid&overdue=true");
    }
}
