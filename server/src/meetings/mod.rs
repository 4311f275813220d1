//! Meetings and agreements: a regular series per client (or one-off meetings), a shared agenda
//! both sides add to, minutes with numbered decisions and action items, publishing revisions the
//! client's approver acknowledges or disputes, the promises ledger (agency-side action items
//! and promises made outside meetings, with renegotiations the client agrees to), and calendar
//! feeds (ICS) per person and per meeting.

mod error;
mod feeds;
mod handlers;
pub mod ics;
pub mod minutes_pdf;
mod notify;
mod portal;
pub(crate) mod promises;
mod reminders;
pub mod rule;
mod service;
mod store;

pub use error::MeetingError;
pub use reminders::SendMeetingReminders;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::client_meetings)
        .service(handlers::create_series)
        .service(handlers::change_series)
        .service(handlers::store_occurrence)
        .service(handlers::create_meeting)
        .service(handlers::get_meeting)
        .service(handlers::reschedule)
        .service(handlers::cancel)
        .service(handlers::restore)
        .service(handlers::add_agenda)
        .service(handlers::move_agenda)
        .service(handlers::save_minutes)
        .service(handlers::publish)
        .service(handlers::staff_meeting_ics)
        .service(handlers::staff_minutes_pdf)
        .service(handlers::portal_minutes_pdf)
        .service(handlers::unacknowledged)
        .service(handlers::promises_overview)
        .service(handlers::client_promises)
        .service(handlers::create_promise)
        .service(handlers::mark_done)
        .service(handlers::renegotiate)
        .service(handlers::portal_meetings)
        .service(handlers::portal_minutes)
        .service(handlers::portal_add_question)
        .service(handlers::portal_acknowledge)
        .service(handlers::portal_dispute)
        .service(handlers::portal_confirm)
        .service(handlers::portal_meeting_ics)
        .service(handlers::staff_feed_status)
        .service(handlers::staff_feed_issue)
        .service(handlers::staff_feed_revoke)
        .service(handlers::portal_feed_status)
        .service(handlers::portal_feed_issue)
        .service(handlers::portal_feed_revoke)
        .service(handlers::calendar_feed);
}
