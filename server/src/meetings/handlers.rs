//! HTTP in and out for meetings, the agenda, minutes, promises and calendars.

use super::{feeds, minutes_pdf, portal, promises, service};
use crate::error::ApiResult;
use crate::paging::PageQuery;
use crate::state::AppState;
use crate::tenancy::{PortalContact, Staff};
use accord_api::meetings::{
    Acknowledge, ActionItemView, AgendaItemView, AgendaMove, CalendarFeed, ClientMeetings, Dispute, MarkDone,
    MeetingView, MinutesInput, NewAgendaItem, NewMeeting, NewPromise, PortalMeetings, PortalMinutes, PromisesOverview,
    Reason, Renegotiate, Reschedule, SeriesChange, SeriesInput, SeriesView, UnacknowledgedMinutes,
};
use accord_api::{ActionItemId, AgendaItemId, ClientId, ErrorBody, Locale, MeetingId, SeriesId};
use actix_web::{delete, get, http::header, post, put, web, HttpResponse};
use chrono::NaiveDate;

fn ics(body: String, filename: Option<&str>) -> HttpResponse {
    let mut r = HttpResponse::Ok();
    r.insert_header((header::CONTENT_TYPE, "text/calendar; charset=utf-8"));
    r.insert_header((header::CACHE_CONTROL, "private, no-store"));
    if let Some(name) = filename {
        r.insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")));
    }
    r.body(body)
}

/// A client's series, next meetings and past ones.
#[utoipa::path(tag = "meetings", params(("id" = ClientId, Path, description = "Client id"), PageQuery), responses(
    (status = 200, body = ClientMeetings), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/meetings")]
pub(super) async fn client_meetings(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    query: web::Query<PageQuery>,
) -> ApiResult<web::Json<ClientMeetings>> {
    Ok(web::Json(service::client_meetings(&state, &staff, id.into_inner(), &query).await?))
}

/// A new meeting series.
#[utoipa::path(tag = "meetings", params(("id" = ClientId, Path, description = "Client id")), request_body = SeriesInput, responses(
    (status = 201, body = SeriesView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/meeting-series")]
pub(super) async fn create_series(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    body: web::Json<SeriesInput>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(service::create_series(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// Changes a series from a date on (the rest becomes a new series).
#[utoipa::path(tag = "meetings", params(("sid" = SeriesId, Path, description = "Series id")), request_body = SeriesChange, responses(
    (status = 200, body = SeriesView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/staff/meeting-series/{sid}")]
pub(super) async fn change_series(
    state: web::Data<AppState>,
    staff: Staff,
    sid: web::Path<SeriesId>,
    body: web::Json<SeriesChange>,
) -> ApiResult<web::Json<SeriesView>> {
    Ok(web::Json(service::change_series(&state, &staff, sid.into_inner(), body.into_inner()).await?))
}

/// Stores an occurrence of a series so it can be prepared (idempotent).
#[utoipa::path(tag = "meetings", params(("sid" = SeriesId, Path, description = "Series id"), ("date" = NaiveDate, Path, description = "Occurrence date")), responses(
    (status = 200, body = MeetingView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/meeting-series/{sid}/occurrences/{date}")]
pub(super) async fn store_occurrence(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<(SeriesId, NaiveDate)>,
) -> ApiResult<web::Json<MeetingView>> {
    let (sid, date) = path.into_inner();
    Ok(web::Json(service::store_occurrence(&state, &staff, sid, date).await?))
}

/// A one-off meeting.
#[utoipa::path(tag = "meetings", params(("id" = ClientId, Path, description = "Client id")), request_body = NewMeeting, responses(
    (status = 201, body = MeetingView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/meetings")]
pub(super) async fn create_meeting(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    body: web::Json<NewMeeting>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(service::create_meeting(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// A whole meeting.
#[utoipa::path(tag = "meetings", params(("mid" = MeetingId, Path, description = "Meeting id")), responses(
    (status = 200, body = MeetingView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/meetings/{mid}")]
pub(super) async fn get_meeting(
    state: web::Data<AppState>,
    staff: Staff,
    mid: web::Path<MeetingId>,
) -> ApiResult<web::Json<MeetingView>> {
    Ok(web::Json(service::get(&state, &staff, mid.into_inner()).await?))
}

/// Moves a meeting to another time, with a reason.
#[utoipa::path(tag = "meetings", params(("mid" = MeetingId, Path, description = "Meeting id")), request_body = Reschedule, responses(
    (status = 200, body = MeetingView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/meetings/{mid}/reschedule")]
pub(super) async fn reschedule(
    state: web::Data<AppState>,
    staff: Staff,
    mid: web::Path<MeetingId>,
    body: web::Json<Reschedule>,
) -> ApiResult<web::Json<MeetingView>> {
    Ok(web::Json(service::reschedule(&state, &staff, mid.into_inner(), body.into_inner()).await?))
}

/// Cancels a meeting, with a reason (it can be restored).
#[utoipa::path(tag = "meetings", params(("mid" = MeetingId, Path, description = "Meeting id")), request_body = Reason, responses(
    (status = 200, body = MeetingView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/meetings/{mid}/cancel")]
pub(super) async fn cancel(
    state: web::Data<AppState>,
    staff: Staff,
    mid: web::Path<MeetingId>,
    body: web::Json<Reason>,
) -> ApiResult<web::Json<MeetingView>> {
    Ok(web::Json(service::cancel(&state, &staff, mid.into_inner(), body.into_inner()).await?))
}

/// Restores a cancelled meeting.
#[utoipa::path(tag = "meetings", params(("mid" = MeetingId, Path, description = "Meeting id")), responses(
    (status = 200, body = MeetingView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
#[post("/staff/meetings/{mid}/restore")]
pub(super) async fn restore(
    state: web::Data<AppState>,
    staff: Staff,
    mid: web::Path<MeetingId>,
) -> ApiResult<web::Json<MeetingView>> {
    Ok(web::Json(service::restore(&state, &staff, mid.into_inner()).await?))
}

/// Adds an agenda item.
#[utoipa::path(tag = "meetings", params(("mid" = MeetingId, Path, description = "Meeting id")), request_body = NewAgendaItem, responses(
    (status = 201, body = AgendaItemView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/meetings/{mid}/agenda")]
pub(super) async fn add_agenda(
    state: web::Data<AppState>,
    staff: Staff,
    mid: web::Path<MeetingId>,
    body: web::Json<NewAgendaItem>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(service::add_agenda(&state, &staff, mid.into_inner(), body.into_inner()).await?))
}

/// Moves an agenda item to another meeting of the client.
#[utoipa::path(tag = "meetings", params(("aid" = AgendaItemId, Path, description = "Agenda item id")), request_body = AgendaMove, responses(
    (status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
#[post("/staff/agenda/{aid}/move")]
pub(super) async fn move_agenda(
    state: web::Data<AppState>,
    staff: Staff,
    aid: web::Path<AgendaItemId>,
    body: web::Json<AgendaMove>,
) -> ApiResult<HttpResponse> {
    service::move_agenda(&state, &staff, aid.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Saves the minutes (the meeting becomes held; undiscussed agenda items carry over).
#[utoipa::path(tag = "meetings", params(("mid" = MeetingId, Path, description = "Meeting id")), request_body = MinutesInput, responses(
    (status = 200, body = MeetingView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[put("/staff/meetings/{mid}/minutes")]
pub(super) async fn save_minutes(
    state: web::Data<AppState>,
    staff: Staff,
    mid: web::Path<MeetingId>,
    body: web::Json<MinutesInput>,
) -> ApiResult<web::Json<MeetingView>> {
    Ok(web::Json(service::save_minutes(&state, &staff, mid.into_inner(), body.into_inner()).await?))
}

/// Publishes the minutes as a new revision.
#[utoipa::path(tag = "meetings", params(("mid" = MeetingId, Path, description = "Meeting id")), responses(
    (status = 200, body = MeetingView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
#[post("/staff/meetings/{mid}/publish")]
pub(super) async fn publish(
    state: web::Data<AppState>,
    staff: Staff,
    mid: web::Path<MeetingId>,
) -> ApiResult<web::Json<MeetingView>> {
    Ok(web::Json(service::publish(&state, &staff, mid.into_inner()).await?))
}

/// One meeting as an iCalendar file.
#[utoipa::path(tag = "meetings", params(("mid" = MeetingId, Path, description = "Meeting id")), responses(
    (status = 200, content_type = "text/calendar", body = String), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/meetings/{mid}/ics")]
pub(super) async fn staff_meeting_ics(
    state: web::Data<AppState>,
    staff: Staff,
    mid: web::Path<MeetingId>,
) -> ApiResult<HttpResponse> {
    Ok(ics(feeds::staff_one(&state, &staff, mid.into_inner()).await?, Some("meeting.ics")))
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
pub(super) struct PdfQuery {
    /// The language of the document (the agency's default when left out).
    lang: Option<Locale>,
}

fn pdf(bytes: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/pdf"))
        .insert_header((header::CONTENT_DISPOSITION, "inline; filename=\"minutes.pdf\""))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(bytes)
}

/// The minutes as a PDF (the current draft).
#[utoipa::path(tag = "meetings", params(("mid" = MeetingId, Path, description = "Meeting id"), PdfQuery), responses(
    (status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/meetings/{mid}/minutes.pdf")]
pub(super) async fn staff_minutes_pdf(
    state: web::Data<AppState>,
    staff: Staff,
    mid: web::Path<MeetingId>,
    query: web::Query<PdfQuery>,
) -> ApiResult<HttpResponse> {
    Ok(pdf(minutes_pdf::staff(&state, &staff, mid.into_inner(), query.lang).await?))
}

/// Published minutes as a PDF (the latest revision).
#[utoipa::path(tag = "portal", params(("mid" = MeetingId, Path, description = "Meeting id"), PdfQuery), responses(
    (status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/portal/meetings/{mid}/minutes.pdf")]
pub(super) async fn portal_minutes_pdf(
    state: web::Data<AppState>,
    contact: PortalContact,
    mid: web::Path<MeetingId>,
    query: web::Query<PdfQuery>,
) -> ApiResult<HttpResponse> {
    Ok(pdf(minutes_pdf::portal(&state, &contact, mid.into_inner(), query.lang).await?))
}

/// Published minutes the client has not acknowledged in time.
#[utoipa::path(tag = "meetings", responses(
    (status = 200, body = Vec<UnacknowledgedMinutes>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/staff/minutes/unacknowledged")]
pub(super) async fn unacknowledged(
    state: web::Data<AppState>,
    staff: Staff,
) -> ApiResult<web::Json<Vec<UnacknowledgedMinutes>>> {
    Ok(web::Json(service::unacknowledged(&state, &staff).await?))
}

/// Promise rates, promises due this week, and what waits on clients.
#[utoipa::path(tag = "promises", responses(
    (status = 200, body = PromisesOverview), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/staff/promises")]
pub(super) async fn promises_overview(
    state: web::Data<AppState>,
    staff: Staff,
) -> ApiResult<web::Json<PromisesOverview>> {
    Ok(web::Json(promises::overview(&state, &staff).await?))
}

/// A client's action items and promises.
#[utoipa::path(tag = "promises", params(("id" = ClientId, Path, description = "Client id")), responses(
    (status = 200, body = Vec<ActionItemView>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/staff/clients/{id}/promises")]
pub(super) async fn client_promises(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
) -> ApiResult<web::Json<Vec<ActionItemView>>> {
    Ok(web::Json(promises::for_client(&state, &staff, id.into_inner()).await?))
}

/// Records a promise made outside a meeting.
#[utoipa::path(tag = "promises", params(("id" = ClientId, Path, description = "Client id")), request_body = NewPromise, responses(
    (status = 201, body = ActionItemView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/clients/{id}/promises")]
pub(super) async fn create_promise(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ClientId>,
    body: web::Json<NewPromise>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(promises::create(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// Marks an action item done or open.
#[utoipa::path(tag = "promises", params(("id" = ActionItemId, Path, description = "Action item id")), request_body = MarkDone, responses(
    (status = 200, body = ActionItemView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/action-items/{id}/done")]
pub(super) async fn mark_done(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ActionItemId>,
    body: web::Json<MarkDone>,
) -> ApiResult<web::Json<ActionItemView>> {
    Ok(web::Json(promises::mark_done(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// Proposes a new date for an agency promise (the client's approver confirms it).
#[utoipa::path(tag = "promises", params(("id" = ActionItemId, Path, description = "Action item id")), request_body = Renegotiate, responses(
    (status = 200, body = ActionItemView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/staff/action-items/{id}/renegotiate")]
pub(super) async fn renegotiate(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<ActionItemId>,
    body: web::Json<Renegotiate>,
) -> ApiResult<web::Json<ActionItemView>> {
    Ok(web::Json(promises::renegotiate(&state, &staff, id.into_inner(), body.into_inner()).await?))
}

/// The portal's meetings page.
#[utoipa::path(tag = "portal", responses(
    (status = 200, body = PortalMeetings), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/portal/meetings")]
pub(super) async fn portal_meetings(
    state: web::Data<AppState>,
    contact: PortalContact,
) -> ApiResult<web::Json<PortalMeetings>> {
    Ok(web::Json(portal::overview(&state, &contact).await?))
}

/// Published minutes.
#[utoipa::path(tag = "portal", params(("mid" = MeetingId, Path, description = "Meeting id")), responses(
    (status = 200, body = PortalMinutes), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/portal/meetings/{mid}")]
pub(super) async fn portal_minutes(
    state: web::Data<AppState>,
    contact: PortalContact,
    mid: web::Path<MeetingId>,
) -> ApiResult<web::Json<PortalMinutes>> {
    Ok(web::Json(portal::minutes(&state, &contact, mid.into_inner()).await?))
}

/// Adds a question to the next meeting's agenda.
#[utoipa::path(tag = "portal", request_body = NewAgendaItem, responses(
    (status = 201, body = AgendaItemView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/portal/agenda")]
pub(super) async fn portal_add_question(
    state: web::Data<AppState>,
    contact: PortalContact,
    body: web::Json<NewAgendaItem>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created().json(portal::add_question(&state, &contact, body.into_inner()).await?))
}

/// Acknowledges the latest revision of the minutes (approvers).
#[utoipa::path(tag = "portal", params(("mid" = MeetingId, Path, description = "Meeting id")), request_body = Acknowledge, responses(
    (status = 200, body = PortalMinutes), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
#[post("/portal/meetings/{mid}/acknowledge")]
pub(super) async fn portal_acknowledge(
    state: web::Data<AppState>,
    contact: PortalContact,
    mid: web::Path<MeetingId>,
    body: web::Json<Acknowledge>,
) -> ApiResult<web::Json<PortalMinutes>> {
    Ok(web::Json(portal::acknowledge(&state, &contact, mid.into_inner(), body.into_inner()).await?))
}

/// Disputes one decision of the latest revision, with a comment (approvers).
#[utoipa::path(tag = "portal", params(("mid" = MeetingId, Path, description = "Meeting id")), request_body = Dispute, responses(
    (status = 200, body = PortalMinutes), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[post("/portal/meetings/{mid}/dispute")]
pub(super) async fn portal_dispute(
    state: web::Data<AppState>,
    contact: PortalContact,
    mid: web::Path<MeetingId>,
    body: web::Json<Dispute>,
) -> ApiResult<web::Json<PortalMinutes>> {
    Ok(web::Json(portal::dispute(&state, &contact, mid.into_inner(), body.into_inner()).await?))
}

/// Agrees to a promise's proposed new date (approvers).
#[utoipa::path(tag = "portal", params(("id" = ActionItemId, Path, description = "Action item id")), responses(
    (status = 200, body = ActionItemView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
#[post("/portal/action-items/{id}/confirm")]
pub(super) async fn portal_confirm(
    state: web::Data<AppState>,
    contact: PortalContact,
    id: web::Path<ActionItemId>,
) -> ApiResult<web::Json<ActionItemView>> {
    Ok(web::Json(portal::confirm(&state, &contact, id.into_inner()).await?))
}

/// One meeting as an iCalendar file.
#[utoipa::path(tag = "portal", params(("mid" = MeetingId, Path, description = "Meeting id")), responses(
    (status = 200, content_type = "text/calendar", body = String), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/portal/meetings/{mid}/ics")]
pub(super) async fn portal_meeting_ics(
    state: web::Data<AppState>,
    contact: PortalContact,
    mid: web::Path<MeetingId>,
) -> ApiResult<HttpResponse> {
    Ok(ics(feeds::portal_one(&state, &contact, mid.into_inner()).await?, Some("meeting.ics")))
}

macro_rules! feed_routes {
    ($get:ident, $post:ident, $delete:ident, $who:ty, $path:literal, $tag:literal) => {
        /// Whether the caller has a calendar feed.
        #[utoipa::path(tag = $tag, responses((status = 200, body = CalendarFeed), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
        #[get($path)]
        pub(super) async fn $get(state: web::Data<AppState>, who: $who) -> ApiResult<web::Json<CalendarFeed>> {
            Ok(web::Json(feeds::status(&state, &who, who.user()).await?))
        }

        /// Issues (or re-issues) the caller's secret feed URL; the old one stops working.
        #[utoipa::path(tag = $tag, responses((status = 200, body = CalendarFeed), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
        #[post($path)]
        pub(super) async fn $post(state: web::Data<AppState>, who: $who) -> ApiResult<web::Json<CalendarFeed>> {
            Ok(web::Json(feeds::issue(&state, &who, who.user()).await?))
        }

        /// Revokes the caller's feed URL.
        #[utoipa::path(tag = $tag, responses((status = 200, body = CalendarFeed), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
        #[delete($path)]
        pub(super) async fn $delete(state: web::Data<AppState>, who: $who) -> ApiResult<web::Json<CalendarFeed>> {
            Ok(web::Json(feeds::revoke(&state, &who, who.user()).await?))
        }
    };
}

feed_routes!(staff_feed_status, staff_feed_issue, staff_feed_revoke, Staff, "/staff/calendar-feed", "meetings");
feed_routes!(
    portal_feed_status,
    portal_feed_issue,
    portal_feed_revoke,
    PortalContact,
    "/portal/calendar-feed",
    "portal"
);

#[derive(serde::Deserialize, utoipa::IntoParams)]
pub(super) struct FeedQuery {
    /// The secret token of the feed URL.
    token: String,
}

/// A person's calendar feed, by its secret token (no session needed).
#[utoipa::path(tag = "meetings", params(FeedQuery), responses(
    (status = 200, content_type = "text/calendar", body = String), (status = 404, body = ErrorBody)))]
#[get("/calendar.ics")]
pub(super) async fn calendar_feed(state: web::Data<AppState>, query: web::Query<FeedQuery>) -> ApiResult<HttpResponse> {
    Ok(ics(feeds::feed(&state, &query.token).await?, None))
}
