//! Meetings with a client: series and one-off meetings, the agenda, minutes and their
//! publication, the promises ledger, calendar feeds; staff calls first, then the portal's.

use super::{get_json, json_body, post_empty, send_ignoring_answer, send_json, send_no_content, ApiError};
use accord_api::meetings::{
    Acknowledge, ActionItemView, AgendaItemView, AgendaMove, CalendarFeed, ClientMeetings, Dispute, MarkDone,
    MeetingView, MinutesInput, NewAgendaItem, NewMeeting, NewPromise, PortalMeetings, PortalMinutes, PromisesOverview,
    Reason, Renegotiate, Reschedule, SeriesChange, SeriesInput, SeriesView, UnacknowledgedMinutes,
};
use accord_api::{ActionItemId, AgendaItemId, ClientId, MeetingId, SeriesId};
use chrono::NaiveDate;

/// Series, the next meetings, and page `page` (from 1) of the past ones.
pub async fn client_meetings(client: ClientId, page: u64) -> Result<ClientMeetings, ApiError> {
    get_json(&format!("/api/staff/clients/{client}/meetings?page={page}")).await
}

pub async fn create_series(client: ClientId, input: &SeriesInput) -> Result<SeriesView, ApiError> {
    send_json("POST", &format!("/api/staff/clients/{client}/meeting-series"), input).await
}

/// Changes the series from a day on (earlier occurrences keep the old rule).
pub async fn change_series(series: SeriesId, change: &SeriesChange) -> Result<SeriesView, ApiError> {
    send_json("PUT", &format!("/api/staff/meeting-series/{series}"), change).await
}

pub async fn create_meeting(client: ClientId, input: &NewMeeting) -> Result<MeetingView, ApiError> {
    send_json("POST", &format!("/api/staff/clients/{client}/meetings"), input).await
}

/// Stores a computed occurrence (idempotent) so it can be prepared and edited.
pub async fn store_occurrence(series: SeriesId, on: NaiveDate) -> Result<MeetingView, ApiError> {
    let url = format!("/api/staff/meeting-series/{series}/occurrences/{}", crate::i18n::iso_day(&on));
    post_empty(&url).await
}

pub async fn meeting(id: MeetingId) -> Result<MeetingView, ApiError> {
    get_json(&format!("/api/staff/meetings/{id}")).await
}

pub async fn reschedule(id: MeetingId, input: &Reschedule) -> Result<MeetingView, ApiError> {
    send_json("POST", &format!("/api/staff/meetings/{id}/reschedule"), input).await
}

pub async fn cancel(id: MeetingId, reason: String) -> Result<MeetingView, ApiError> {
    send_json("POST", &format!("/api/staff/meetings/{id}/cancel"), &Reason { reason }).await
}

pub async fn restore(id: MeetingId) -> Result<MeetingView, ApiError> {
    post_empty(&format!("/api/staff/meetings/{id}/restore")).await
}

pub async fn add_agenda(id: MeetingId, item: &NewAgendaItem) -> Result<AgendaItemView, ApiError> {
    send_json("POST", &format!("/api/staff/meetings/{id}/agenda"), item).await
}

/// Moves an agenda item to the client's next meeting after its own.
pub async fn move_agenda(item: AgendaItemId) -> Result<(), ApiError> {
    let body = AgendaMove { meeting_id: None };
    send_ignoring_answer("POST", &format!("/api/staff/agenda/{item}/move"), Some(json_body(&body)?)).await
}

/// Saves the minutes (the meeting becomes held; undiscussed agenda items carry over).
pub async fn save_minutes(id: MeetingId, minutes: &MinutesInput) -> Result<MeetingView, ApiError> {
    send_json("PUT", &format!("/api/staff/meetings/{id}/minutes"), minutes).await
}

/// Publishes the draft as a new revision to the client's portal.
pub async fn publish(id: MeetingId) -> Result<MeetingView, ApiError> {
    post_empty(&format!("/api/staff/meetings/{id}/publish")).await
}

/// The meeting as an .ics file (a plain link: the browser sends the session cookie).
pub fn ics_url(id: MeetingId) -> String {
    format!("/api/staff/meetings/{id}/ics")
}

pub async fn unacknowledged() -> Result<Vec<UnacknowledgedMinutes>, ApiError> {
    get_json("/api/staff/minutes/unacknowledged").await
}

pub async fn promises_overview() -> Result<PromisesOverview, ApiError> {
    get_json("/api/staff/promises").await
}

pub async fn client_promises(client: ClientId) -> Result<Vec<ActionItemView>, ApiError> {
    get_json(&format!("/api/staff/clients/{client}/promises")).await
}

pub async fn create_promise(client: ClientId, promise: &NewPromise) -> Result<ActionItemView, ApiError> {
    send_json("POST", &format!("/api/staff/clients/{client}/promises"), promise).await
}

pub async fn mark_done(item: ActionItemId, input: &MarkDone) -> Result<ActionItemView, ApiError> {
    send_json("POST", &format!("/api/staff/action-items/{item}/done"), input).await
}

/// Proposes a new date for an agency promise; the client's approver confirms it.
pub async fn renegotiate(item: ActionItemId, input: &Renegotiate) -> Result<ActionItemView, ApiError> {
    send_json("POST", &format!("/api/staff/action-items/{item}/renegotiate"), input).await
}

/// Whose calendar feed: the staff member's own, or the portal contact's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeedOwner {
    Staff,
    Portal,
}

impl FeedOwner {
    fn url(self) -> &'static str {
        match self {
            FeedOwner::Staff => "/api/staff/calendar-feed",
            FeedOwner::Portal => "/api/portal/calendar-feed",
        }
    }
}

pub async fn feed(owner: FeedOwner) -> Result<CalendarFeed, ApiError> {
    get_json(owner.url()).await
}

/// Issues (or re-issues, revoking the old one) the secret feed; the answer carries the URL once.
pub async fn issue_feed(owner: FeedOwner) -> Result<CalendarFeed, ApiError> {
    post_empty(owner.url()).await
}

pub async fn revoke_feed(owner: FeedOwner) -> Result<(), ApiError> {
    send_no_content("DELETE", owner.url(), None::<&()>).await
}

pub async fn portal_meetings() -> Result<PortalMeetings, ApiError> {
    get_json("/api/portal/meetings").await
}

pub async fn portal_minutes(id: MeetingId) -> Result<PortalMinutes, ApiError> {
    get_json(&format!("/api/portal/meetings/{id}")).await
}

/// "A question for the next meeting" (the page then reloads the meetings, so the answer is not
/// read).
pub async fn portal_add_agenda(item: &NewAgendaItem) -> Result<(), ApiError> {
    send_ignoring_answer("POST", "/api/portal/agenda", Some(json_body(item)?)).await
}

pub async fn acknowledge(id: MeetingId, revision: u32) -> Result<PortalMinutes, ApiError> {
    send_json("POST", &format!("/api/portal/meetings/{id}/acknowledge"), &Acknowledge { revision }).await
}

pub async fn dispute(id: MeetingId, dispute: &Dispute) -> Result<PortalMinutes, ApiError> {
    send_json("POST", &format!("/api/portal/meetings/{id}/dispute"), dispute).await
}

/// An approver agrees to a renegotiated date (the page then reloads the meetings, so the answer
/// is not read).
pub async fn confirm_date(item: ActionItemId) -> Result<(), ApiError> {
    let url = format!("/api/portal/action-items/{item}/confirm");
    send_ignoring_answer("POST", &url, Some(String::from("{}"))).await
}

pub fn portal_ics_url(id: MeetingId) -> String {
    format!("/api/portal/meetings/{id}/ics")
}
