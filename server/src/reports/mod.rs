//! Client reports: weekly and monthly, for the client or one of its projects, drafted from the
//! period's work (items done with their benefit, items planned, roadmap KPIs at the start and
//! end, promises, meetings), edited, published to the portal as revisions, read receipts per
//! contact, questions (with staff answers and internal notes; a question can become a backlog
//! idea), due dates from each client's cadence, the agency's "reports due" list, automatic
//! drafts on the due date (an agency setting), and PDFs.

mod auto;
mod draft;
pub(crate) mod due;
mod error;
mod handlers;
mod notify;
mod pdf;
pub mod period;
pub(crate) mod portal;
mod service;
mod store;

pub use auto::{DraftDueReports, DraftReport};
pub use error::ReportError;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::client_reports)
        .service(handlers::create)
        .service(handlers::reports_due)
        .service(handlers::get_template)
        .service(handlers::save_template)
        .service(handlers::get_report)
        .service(handlers::update)
        .service(handlers::delete_report)
        .service(handlers::publish)
        .service(handlers::add_message)
        .service(handlers::to_idea)
        .service(handlers::staff_pdf)
        .service(handlers::portal_reports)
        .service(handlers::portal_report)
        .service(handlers::portal_ask)
        .service(handlers::portal_pdf);
}
