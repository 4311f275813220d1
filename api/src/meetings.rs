//! Meetings with a client: a regular series (or one-off meetings), a shared agenda, minutes with
//! numbered decisions and action items, the client's acknowledgement, and the promises ledger.
//!
//! Times: a meeting is stored as an instant (`starts_at`, UTC) plus the zone it was agreed in;
//! the wire carries both and the local wall-clock time (`local_start`, "2026-12-08T11:00") so
//! the web app needs no zone database.

use crate::projects::ContactRef;
use crate::roadmap::RichText;
use crate::types::wire_enum;
use crate::{ActionItemId, AgendaItemId, BacklogItemId, ClientId, ContactId, MeetingId, SeriesId, StaffRef, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

wire_enum!(
    /// How a series repeats.
    Frequency {
        Weekly = "weekly",
        MonthlyDay = "monthly_day",
        MonthlyWeekday = "monthly_weekday"
    }
);

wire_enum!(
    /// Where a meeting stands.
    MeetingStatus { Scheduled = "scheduled", Held = "held", Cancelled = "cancelled" }
);

wire_enum!(
    /// The client's answer to the latest published minutes.
    AckState {
        Draft = "draft",
        Awaiting = "awaiting",
        Acknowledged = "acknowledged",
        Disputed = "disputed"
    }
);

wire_enum!(
    /// Which side owns an action item. Agency-side items are promises.
    Side { Agency = "agency", Client = "client" }
);

wire_enum!(
    /// Where an action item (or promise) stands, computed from its dates.
    PromiseState {
        Open = "open",
        Kept = "kept",
        Broken = "broken",
        DoneLate = "done_late",
        WaitingOnClient = "waiting_on_client"
    }
);

wire_enum!(
    /// An agenda item's state in its meeting.
    AgendaStatus { Open = "open", Discussed = "discussed" }
);

/// A weekday, Monday = 1 … Sunday = 7 (ISO 8601).
pub type IsoWeekday = u8;

/// Creates a series or changes one from a date on (every field is sent).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SeriesInput {
    pub title: String,
    pub frequency: Frequency,
    /// Every N weeks or months, 1–12.
    pub interval: u8,
    /// ISO weekday 1–7 (weekly and monthly on a weekday).
    #[serde(default)]
    pub weekday: Option<IsoWeekday>,
    /// 1–31 (monthly on a day).
    #[serde(default)]
    pub month_day: Option<u8>,
    /// 1–4, or -1 for the last (monthly on a weekday).
    #[serde(default)]
    pub week_of_month: Option<i8>,
    /// The first day the series may fall on.
    pub starts_on: NaiveDate,
    /// Local wall-clock time, "HH:MM".
    pub time: String,
    /// An IANA zone name, e.g. "Europe/Moscow".
    pub time_zone: String,
    /// Minutes, 5–600.
    pub duration_minutes: u16,
    #[serde(default)]
    pub place: Option<String>,
    /// End on a date (inclusive) …
    #[serde(default)]
    pub until: Option<NaiveDate>,
    /// … or after N occurrences; neither = never.
    #[serde(default)]
    pub count: Option<u16>,
    /// Who is invited (and mailed the calendar file); none = the account manager and every
    /// contact with portal access.
    #[serde(default)]
    pub invitees: Option<Invitees>,
}

/// The people invited to a meeting or series: staff of the agency and contacts of the client
/// (contacts without portal access are listed but not mailed).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Invitees {
    #[serde(default)]
    pub staff: Vec<UserId>,
    #[serde(default)]
    pub contacts: Vec<ContactId>,
}

/// Changes a series from a date on: occurrences before `from` keep the old rule (the old series
/// ends the day before), the rest follow the new one (a new series, a new calendar UID).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SeriesChange {
    pub from: NaiveDate,
    pub series: SeriesInput,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SeriesView {
    pub id: SeriesId,
    pub client_id: ClientId,
    pub title: String,
    pub frequency: Frequency,
    pub interval: u8,
    pub weekday: Option<IsoWeekday>,
    pub month_day: Option<u8>,
    pub week_of_month: Option<i8>,
    pub starts_on: NaiveDate,
    pub time: String,
    pub time_zone: String,
    pub duration_minutes: u16,
    pub place: Option<String>,
    pub until: Option<NaiveDate>,
    pub count: Option<u16>,
    /// Ended (its `until` passed, its count used up, or split into a newer series).
    pub ended: bool,
    /// Chosen invitees; none = the account manager and every contact with portal access.
    #[serde(default)]
    pub invitees: Option<Invitees>,
}

/// A one-off meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewMeeting {
    pub title: String,
    /// Local wall-clock start, "YYYY-MM-DDTHH:MM".
    pub local_start: String,
    pub time_zone: String,
    pub duration_minutes: u16,
    #[serde(default)]
    pub place: Option<String>,
    /// Who is invited; none = the account manager and every contact with portal access.
    #[serde(default)]
    pub invitees: Option<Invitees>,
}

/// Moves one meeting (or one occurrence) to another time; the reason is kept in its history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reschedule {
    pub local_start: String,
    pub duration_minutes: u16,
    #[serde(default)]
    pub place: Option<String>,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reason {
    pub reason: String,
}

/// A meeting in a list: stored, or an occurrence computed from its series (`id` is `None`
/// until the occurrence is stored; `series_id` + `occurrence_on` name it until then).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeetingSummary {
    pub id: Option<MeetingId>,
    pub series_id: Option<SeriesId>,
    /// The occurrence's original local date (series occurrences only).
    pub occurrence_on: Option<NaiveDate>,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub local_start: String,
    pub time_zone: String,
    pub duration_minutes: u16,
    pub place: Option<String>,
    pub status: MeetingStatus,
    pub ack: AckState,
    /// Published and not acknowledged for longer than the agency allows.
    pub ack_overdue: bool,
    pub agenda_count: u32,
}

/// A client's meetings page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientMeetings {
    pub series: Vec<SeriesView>,
    /// The next meetings, stored or computed, soonest first (at most 10, within a year).
    pub upcoming: Vec<MeetingSummary>,
    /// Held or cancelled meetings and past ones, newest first (one page).
    pub past: crate::Page<MeetingSummary>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgendaItemView {
    pub id: AgendaItemId,
    pub title: String,
    pub details: Option<String>,
    pub backlog_item: Option<BacklogRef>,
    /// Who added it: a staff member or a contact.
    pub added_by: String,
    pub added_by_client: bool,
    pub status: AgendaStatus,
    /// Carried over from an earlier meeting (its date).
    pub carried_from: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BacklogRef {
    pub id: BacklogItemId,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewAgendaItem {
    pub title: String,
    #[serde(default)]
    pub details: Option<String>,
    #[serde(default)]
    pub backlog_item_id: Option<BacklogItemId>,
}

/// Moves an agenda item to another meeting of the same client that is still to be held: the
/// one named, or (no `meeting_id`) the next one after the item's own meeting — a series'
/// occurrence is stored for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgendaMove {
    #[serde(default)]
    pub meeting_id: Option<MeetingId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Attendees {
    #[serde(default)]
    pub staff: Vec<UserId>,
    #[serde(default)]
    pub contacts: Vec<ContactId>,
    /// Free-text guests ("Анна, юрист").
    #[serde(default)]
    pub guests: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttendeesView {
    pub staff: Vec<StaffRef>,
    pub contacts: Vec<ContactRef>,
    pub guests: Vec<String>,
}

/// An action item as minutes send it: `id` for one kept from before, none for a new one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActionItemInput {
    #[serde(default)]
    pub id: Option<ActionItemId>,
    pub title: String,
    pub side: Side,
    #[serde(default)]
    pub assignee_staff: Option<UserId>,
    #[serde(default)]
    pub assignee_contact: Option<ContactId>,
    pub due_on: NaiveDate,
}

/// The minutes as the editor sends them (every field). Saving marks the meeting held.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MinutesInput {
    pub attendees: Attendees,
    pub notes: String,
    /// Each a statement; numbered 1, 2, … in this order.
    pub decisions: Vec<String>,
    pub action_items: Vec<ActionItemInput>,
    /// Agenda items that were discussed; the others carry over to the next meeting.
    pub discussed: Vec<AgendaItemId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Decision {
    pub number: u16,
    pub text: String,
    /// Changed (or new) since the revision before (published minutes only).
    pub changed: bool,
    /// Its text in the revision before, when it changed.
    pub previous: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActionItemView {
    pub id: ActionItemId,
    pub client_id: ClientId,
    pub client_name: String,
    pub meeting_id: Option<MeetingId>,
    pub title: String,
    pub side: Side,
    pub assignee: Option<String>,
    pub assignee_staff: Option<UserId>,
    pub assignee_contact: Option<ContactId>,
    /// For promises made outside a meeting: to whom.
    pub promised_to: Option<String>,
    /// The date first agreed (never overwritten).
    pub original_due_on: NaiveDate,
    /// The latest agreed date.
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
    pub state: PromiseState,
    /// Agreed renegotiations (oldest first).
    pub renegotiations: Vec<Renegotiation>,
    /// A new date proposed and waiting for the client's approver.
    pub pending: Option<Renegotiation>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Renegotiation {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub reason: String,
    pub proposed_at: DateTime<Utc>,
    pub agreed_by: Option<String>,
    pub agreed_at: Option<DateTime<Utc>>,
}

/// One answer of the client to a published revision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MinutesResponse {
    pub revision: u32,
    pub contact: String,
    pub acknowledged: bool,
    /// The disputed decision's number.
    pub decision: Option<u16>,
    pub comment: Option<String>,
    pub at: DateTime<Utc>,
}

/// An entry of a meeting's history (rescheduled, cancelled, restored, published …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeetingEvent {
    pub kind: String,
    pub detail: Option<String>,
    pub by: String,
    pub at: DateTime<Utc>,
}

/// A whole meeting, for staff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeetingView {
    pub summary: MeetingSummary,
    pub client_id: ClientId,
    pub client_name: String,
    pub agenda: Vec<AgendaItemView>,
    pub attendees: AttendeesView,
    /// Chosen invitees (guests empty); none = the account manager and every contact with portal
    /// access.
    #[serde(default)]
    pub invitees: Option<AttendeesView>,
    pub notes: RichText,
    pub decisions: Vec<Decision>,
    pub action_items: Vec<ActionItemView>,
    /// Open action items of earlier meetings of this client (carried over).
    pub open_from_before: Vec<ActionItemView>,
    /// 0 = never published.
    pub revision: u32,
    /// The draft differs from the published revision.
    pub unpublished_changes: bool,
    pub cancel_reason: Option<String>,
    pub responses: Vec<MinutesResponse>,
    pub history: Vec<MeetingEvent>,
    /// Whether the caller may change it.
    pub can_edit: bool,
}

/// Published minutes as the portal shows them (the latest revision only).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortalMinutes {
    pub summary: MeetingSummary,
    pub revision: u32,
    pub published_at: DateTime<Utc>,
    pub attendees: AttendeesView,
    pub notes_html: String,
    pub decisions: Vec<Decision>,
    pub action_items: Vec<ActionItemView>,
    pub responses: Vec<MinutesResponse>,
    /// The caller is an approver who may acknowledge or dispute this revision.
    pub can_respond: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Acknowledge {
    /// The revision the approver read (a stale one is refused).
    pub revision: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Dispute {
    pub revision: u32,
    pub decision: u16,
    pub comment: String,
}

/// The portal's meetings page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortalMeetings {
    /// Upcoming meetings with their agenda (soonest first).
    pub upcoming: Vec<PortalUpcoming>,
    /// Published minutes, newest first.
    pub minutes: Vec<MeetingSummary>,
    /// Open client-side action items ("on your side").
    pub on_your_side: Vec<ActionItemView>,
    /// Agency promises whose new date waits for an approver.
    pub to_confirm: Vec<ActionItemView>,
    pub can_respond: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortalUpcoming {
    pub summary: MeetingSummary,
    pub agenda: Vec<AgendaItemView>,
}

/// A promise made outside a meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewPromise {
    pub title: String,
    /// To whom (a contact) …
    #[serde(default)]
    pub contact_id: Option<ContactId>,
    /// … or in words.
    #[serde(default)]
    pub promised_to: Option<String>,
    #[serde(default)]
    pub assignee_staff: Option<UserId>,
    pub due_on: NaiveDate,
}

/// Proposes a new date for an agency promise before the old one passes. The client agrees
/// either by confirming it in the portal or, when `meeting_id` names a held meeting of the
/// client, by acknowledging minutes that carry the new date as a decision (it is appended to
/// that meeting's decisions).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Renegotiate {
    pub due_on: NaiveDate,
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_id: Option<MeetingId>,
}

/// Marks an action item done (on a day, default today) or open again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MarkDone {
    pub done: bool,
    #[serde(default)]
    pub on: Option<NaiveDate>,
}

/// Promise figures over the last 90 days (promises whose latest agreed date fell in them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PromiseRate {
    /// `None` for the agency-wide line.
    pub manager: Option<StaffRef>,
    /// Promises that fell due.
    pub due: u32,
    pub kept: u32,
    /// Broken, done late included.
    pub broken: u32,
    /// Of those due, how many had an agreed renegotiation.
    pub renegotiated: u32,
    /// broken / due in per cent with one decimal as tenths (e.g. 125 = 12.5 %); `None` when none fell due.
    pub broken_rate_tenths: Option<u32>,
}

/// The agency's promises page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PromisesOverview {
    pub agency: PromiseRate,
    pub managers: Vec<PromiseRate>,
    /// Open agency promises due within the next 7 days or already broken and not done.
    pub due_this_week: Vec<ActionItemView>,
    /// Client-side items past due.
    pub waiting_on_client: Vec<ActionItemView>,
}

/// Minutes published and not acknowledged for longer than the agency allows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnacknowledgedMinutes {
    pub meeting_id: MeetingId,
    pub client_id: ClientId,
    pub client_name: String,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub published_at: DateTime<Utc>,
    pub ack: AckState,
    pub days_waiting: u32,
}

/// The caller's secret calendar feed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CalendarFeed {
    /// The full URL (shown once after issuing; afterwards only whether one exists).
    pub url: Option<String>,
    pub active: bool,
    pub issued_at: Option<DateTime<Utc>>,
}
