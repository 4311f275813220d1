//! Why a meeting, agenda, minutes or promise change is refused, as data. `FeatureError` picks
//! the stable code and the field at fault, and `ApiError::status_of` the HTTP status.

use crate::error::FeatureError;
use accord_api::error::Code;

#[derive(Debug, thiserror::Error)]
pub enum MeetingError {
    #[error("Not found.")]
    NotFound,
    /// Not an IANA zone name (e.g. "Europe/Moscow").
    #[error("Choose a time zone such as Europe/Moscow.")]
    UnknownTimeZone { field: &'static str },
    #[error("Enter a time as HH:MM.")]
    BadTime,
    #[error("Enter a date and time as YYYY-MM-DDTHH:MM.")]
    BadLocalStart,
    #[error("{0}")]
    BadRule(&'static str, &'static str),
    #[error("A meeting lasts 5 to 600 minutes.")]
    BadDuration,
    #[error("End the series on a date or after a number of meetings, not both.")]
    BothEnds,
    #[error("The series has no meeting on that date.")]
    NoSuchOccurrence,
    #[error("This meeting is cancelled; restore it first.")]
    Cancelled,
    #[error("This meeting was held; edit its minutes instead.")]
    AlreadyHeld,
    #[error("After the minutes were published, a due date changes only by renegotiation with the client.")]
    UseRenegotiation,
    #[error("Only a cancelled meeting can be restored.")]
    NotCancelled,
    #[error("There is no upcoming meeting to add a question to. Ask your manager to schedule one.")]
    NoUpcomingMeeting,
    #[error("Choose a staff member of the agency.")]
    UnknownStaff { field: &'static str },
    #[error("Choose a contact of this client.")]
    UnknownContact { field: &'static str },
    #[error("Choose a backlog item of this client.")]
    UnknownBacklogItem,
    #[error("An agency item is assigned to a staff member, a client item to a contact.")]
    WrongAssignee,
    #[error("Too many entries (at most 50).")]
    TooMany { field: &'static str },
    #[error("Agenda items listed as discussed must be on this meeting's agenda.")]
    NotOnAgenda,
    #[error("Save minutes before publishing them.")]
    NothingToPublish,
    #[error("These minutes were revised since you opened them. Read the new revision first.")]
    StaleRevision,
    #[error("There is no decision with that number.")]
    NoSuchDecision,
    #[error("Only the client's approvers can acknowledge or dispute minutes.")]
    NotApprover,
    #[error("Only agency-side items are promises that can be renegotiated.")]
    NotAPromise,
    #[error("The new date must differ from the current one and not be in the past.")]
    BadNewDate,
    #[error("The promised date has passed: a new date had to be agreed before it. The promise stays broken.")]
    TooLate,
    #[error("No new date waits for confirmation.")]
    NothingToConfirm,
    #[error("A series changes from a date after its start and before its end.")]
    BadSplitDate,
    #[error("Agenda items move only to a meeting that has not been held or cancelled.")]
    BadAgendaTarget,
    #[error("Choose a meeting of this client.")]
    UnknownMeeting,
    #[error("A new date goes into the minutes of a meeting that was held.")]
    MinutesNotOpen,
}

impl FeatureError for MeetingError {
    fn code(&self) -> Code {
        use MeetingError::*;
        match self {
            NotFound => Code::NotFound,
            NotApprover => Code::Forbidden,
            StaleRevision => Code::StaleVersion,
            TooLate => Code::TooLate,
            Cancelled | AlreadyHeld | NotCancelled | NothingToPublish | NothingToConfirm | NoUpcomingMeeting
            | BadAgendaTarget | MinutesNotOpen => Code::InvalidTransition,
            _ => Code::ValidationFailed,
        }
    }

    fn field(&self) -> Option<&'static str> {
        use MeetingError::*;
        match self {
            UnknownTimeZone { field } | UnknownStaff { field } | UnknownContact { field } | TooMany { field } => {
                Some(field)
            }
            BadTime => Some("time"),
            BadLocalStart => Some("local_start"),
            BadRule(field, _) => Some(field),
            BadDuration => Some("duration_minutes"),
            BothEnds => Some("count"),
            NoSuchOccurrence => Some("date"),
            UnknownBacklogItem => Some("backlog_item_id"),
            WrongAssignee | UseRenegotiation => Some("action_items"),
            NotOnAgenda => Some("discussed"),
            NoSuchDecision => Some("decision"),
            BadNewDate => Some("due_on"),
            BadSplitDate => Some("from"),
            UnknownMeeting | MinutesNotOpen => Some("meeting_id"),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_answer_with_their_codes() {
        let cases: [(MeetingError, u16, &str, &str, Option<&str>); 5] = [
            (
                MeetingError::UnknownTimeZone { field: "time_zone" },
                422,
                "validation_failed",
                "Choose a time zone such as Europe/Moscow.",
                Some("time_zone"),
            ),
            (
                MeetingError::NotApprover,
                403,
                "forbidden",
                "Only the client's approvers can acknowledge or dispute minutes.",
                None,
            ),
            (
                MeetingError::StaleRevision,
                409,
                "stale_version",
                "These minutes were revised since you opened them. Read the new revision first.",
                None,
            ),
            (
                MeetingError::TooLate,
                409,
                "too_late",
                "The promised date has passed: a new date had to be agreed before it. The promise stays broken.",
                None,
            ),
            (MeetingError::NotFound, 404, "not_found", "Not found.", None),
        ];
        crate::error::check_refusals(cases);
    }
}
