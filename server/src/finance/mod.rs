//! Money a client brings, as documents: contracts, invoices with their payments, the backlog
//! change requests billed on them, closing documents, the finance settings, and the CSV import
//! and export of invoices and payments.

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(_cfg: &mut ServiceConfig) {}
