//! The backlog's rules as pure functions: which status moves exist and who may make them,
//! when a change request may start, how values appear in the history.

use super::BacklogError;
use crate::clients::access::Need;
use accord_api::{BacklogStatus, DecisionKind};
use accord_entity::backlog_items;

/// What the staff may do to move an item from `from` to `to`, or why they may not.
/// proposed → agreed / declined is the client's decision and never a staff move.
pub fn staff_move(from: BacklogStatus, to: BacklogStatus) -> Result<Need, BacklogError> {
    use BacklogStatus::*;
    match (from, to) {
        (Idea, Proposed) | (Proposed, Idea) | (Declined, Proposed) | (Agreed, Scheduled) => Ok(Need::Manage),
        (Scheduled, InProgress) | (InProgress, Done) => Ok(Need::Log),
        (Proposed, Agreed) | (Proposed, Declined) => Err(BacklogError::ClientDecides),
        _ => Err(BacklogError::InvalidTransition { from, to }),
    }
}

/// A change request may be scheduled or started only once the client approved its current price.
pub fn change_request_cleared(item: &backlog_items::Model) -> bool {
    !item.change_request
        || (item.decision_kind == Some(DecisionKind::Approved)
            && item.price_minor.is_some()
            && item.frozen_price_minor == item.price_minor)
}

/// Whether the estimate or price of an item in this status can still change, and whether
/// changing them sends it back to the client.
pub enum EstimateChange {
    Free,
    BackToClient,
    Locked,
}

pub fn estimate_change(status: BacklogStatus) -> EstimateChange {
    match status {
        BacklogStatus::Agreed | BacklogStatus::Scheduled => EstimateChange::BackToClient,
        BacklogStatus::InProgress | BacklogStatus::Done => EstimateChange::Locked,
        _ => EstimateChange::Free,
    }
}

/// Hours with up to two decimals, as the history shows them ("12.5").
pub fn hours(minutes: Option<i64>) -> Option<String> {
    minutes.map(|m| {
        let h = format!("{:.2}", m as f64 / 60.0);
        h.trim_end_matches('0').trim_end_matches('.').to_string()
    })
}

/// "1500.00 RUB", "1500 JPY": the currency's own digits.
pub fn price(minor: Option<i64>, currency: &str) -> Option<String> {
    minor.map(|m| format!("{} {currency}", accord_api::money::major_text(m, currency)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::FeatureError;
    use accord_api::error::Code;
    use BacklogStatus::*;

    #[test]
    fn every_pair_of_statuses() {
        let allowed = [
            (Idea, Proposed, Need::Manage),
            (Proposed, Idea, Need::Manage),
            (Declined, Proposed, Need::Manage),
            (Agreed, Scheduled, Need::Manage),
            (Scheduled, InProgress, Need::Log),
            (InProgress, Done, Need::Log),
        ];
        for from in BacklogStatus::ALL {
            for to in BacklogStatus::ALL {
                let expected = allowed.iter().find(|(f, t, _)| f == from && t == to).map(|(_, _, n)| *n);
                match (staff_move(*from, *to), expected) {
                    (Ok(need), Some(want)) => assert_eq!(need, want, "{from}→{to}"),
                    (Err(e), None) => assert_eq!(e.code(), Code::InvalidTransition, "{from}→{to}"),
                    (got, want) => panic!("{from}→{to}: got {:?}, want {want:?}", got.map_err(|e| e.code())),
                }
            }
        }
    }

    #[test]
    fn formats() {
        assert_eq!(hours(Some(750)).as_deref(), Some("12.5"));
        assert_eq!(hours(Some(60)).as_deref(), Some("1"));
        assert_eq!(hours(Some(61)).as_deref(), Some("1.02"));
        assert_eq!(price(Some(150_000), "RUB").as_deref(), Some("1500.00 RUB"));
        assert_eq!(price(Some(5), "RUB").as_deref(), Some("0.05 RUB"));
    }
}
