//! The score, exactly: each signal graded 0–10 from a client's facts, the present signals'
//! weights re-normalised (a signal with no data is left out, never counted as 0), and
//! score = round(10 × Σ wᵢ·gᵢ / Σ wᵢ).
//!
//! Grades:
//! - NPS: the latest answer's class (within a year) — promoter 10, passive 6, detractor 0.
//! - CSI: the latest answer's CSI (10..100) mapped onto 0–10: (CSI − 10) / 9.
//! - Contact: days since the last touchpoint (or since the client was entered) within the
//!   cadence → 10, falling linearly to 0 at three cadences; no cadence agreed → no data.
//! - Overdue promises: agency promises past their date and not done — 10 − 2.5 per promise;
//!   no open or recent agency promise → no data.
//! - Broken promises: of the agency promises that fell due in the last 90 days, the share
//!   kept (done by the agreed date) × 10; none fell due → no data.
//! - Minutes: of the minutes published in 90 days (those still within the agency's
//!   acknowledgement time not yet counted), the share acknowledged × 10.
//! - Reports: (published in 90 days − unread past the agency's read time) / (published +
//!   required periods overdue) × 10; nothing published or due → no data.
//! - Backlog: per active project min(agreed not started, 2) / 2, averaged × 10.
//! - Incidents: with an incident in the last year — 10 − 5 per open incident, 0 when one is
//!   open too long; none in a year → no data.
//! - Money: overdue unpaid invoices (past due, not cancelled, not fully paid) — 10 with none,
//!   − 2.5 per overdue invoice and − 2.5 per full 30 days the oldest is overdue (at least 0);
//!   no invoice ever issued (or all cancelled) → no data.

use accord_api::health::{HealthScore, Reason, SignalKey, SignalPart, Weight};
use accord_api::surveys::NpsClass;
use chrono::{DateTime, NaiveDate, Utc};

/// Days the promise, minutes and report windows look back.
pub const WINDOW_DAYS: u32 = 90;

/// The built-in weights (sum 110: the money signal joined the original 100; only ratios count).
pub fn default_weights() -> Vec<Weight> {
    use SignalKey::*;
    [
        (Nps, 15),
        (Csi, 10),
        (Contact, 15),
        (OverduePromises, 15),
        (BrokenPromises, 10),
        (Minutes, 10),
        (Reports, 10),
        (Backlog, 10),
        (Incidents, 5),
        (Money, 10),
    ]
    .into_iter()
    .map(|(key, weight)| Weight { key, weight })
    .collect()
}

/// What a client's score is computed from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    /// The latest NPS answer within a year: score and day.
    pub nps: Option<(u8, NaiveDate)>,
    /// The latest CSI within a year: value and day.
    pub csi: Option<(f64, NaiveDate)>,
    /// The agreed contact cadence in days.
    pub cadence: Option<i32>,
    /// Days since the last touchpoint; `None` when there was none (then `days_since_entered`).
    pub days_since_touch: Option<i64>,
    pub days_since_entered: i64,
    /// Agency promises open or due in the window exist.
    pub has_promises: bool,
    pub overdue: u32,
    pub oldest_overdue_days: i64,
    /// Agency promises that fell due in the window, and of them kept.
    pub due_in_window: u32,
    pub kept_in_window: u32,
    pub minutes_acknowledged: u32,
    pub minutes_awaiting: u32,
    pub minutes_disputed: u32,
    pub reports_published: u32,
    pub reports_unread: u32,
    pub reports_overdue: u32,
    /// Agreed-not-started counts of each active project.
    pub agreed_per_project: Vec<u32>,
    /// An incident in the last year exists.
    pub has_incidents: bool,
    pub incidents_open: u32,
    pub incidents_too_long: u32,
    /// A non-cancelled invoice was ever issued to the client.
    pub has_invoices: bool,
    /// Invoices past due and not fully paid, and the oldest one's days overdue.
    pub invoices_overdue: u32,
    pub oldest_invoice_days: i64,
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// A signal's grade (0–10) and reason, or `None` when it has no data.
pub fn grade(key: SignalKey, f: &Facts) -> Option<(f64, Reason)> {
    let clamp = |x: f64| x.clamp(0.0, 10.0);
    match key {
        SignalKey::Nps => {
            let (score, on) = f.nps?;
            let class = NpsClass::of(score)?;
            let g = match class {
                NpsClass::Promoter => 10.0,
                NpsClass::Passive => 6.0,
                NpsClass::Detractor => 0.0,
            };
            Some((g, Reason::Nps { score, class, on }))
        }
        SignalKey::Csi => {
            let (csi, on) = f.csi?;
            Some((clamp((csi - 10.0) / 9.0), Reason::Csi { csi: round1(csi), on }))
        }
        SignalKey::Contact => {
            let cadence = f.cadence.filter(|c| *c > 0)?;
            let never = f.days_since_touch.is_none();
            let days = f.days_since_touch.unwrap_or(f.days_since_entered).max(0);
            let c = f64::from(cadence);
            let over = (days as f64 - c).max(0.0);
            Some((clamp(10.0 * (1.0 - over / (2.0 * c))), Reason::Contact { days, cadence, never }))
        }
        SignalKey::OverduePromises => {
            if !f.has_promises {
                return None;
            }
            Some((
                clamp(10.0 - 2.5 * f64::from(f.overdue)),
                Reason::OverduePromises { overdue: f.overdue, oldest_days: f.oldest_overdue_days },
            ))
        }
        SignalKey::BrokenPromises => {
            if f.due_in_window == 0 {
                return None;
            }
            Some((
                10.0 * f64::from(f.kept_in_window) / f64::from(f.due_in_window),
                Reason::BrokenPromises { kept: f.kept_in_window, due: f.due_in_window, window_days: WINDOW_DAYS },
            ))
        }
        SignalKey::Minutes => {
            let all = f.minutes_acknowledged + f.minutes_awaiting + f.minutes_disputed;
            if all == 0 {
                return None;
            }
            Some((
                10.0 * f64::from(f.minutes_acknowledged) / f64::from(all),
                Reason::Minutes {
                    acknowledged: f.minutes_acknowledged,
                    awaiting: f.minutes_awaiting,
                    disputed: f.minutes_disputed,
                },
            ))
        }
        SignalKey::Reports => {
            let all = f.reports_published + f.reports_overdue;
            if all == 0 {
                return None;
            }
            let good = f.reports_published.saturating_sub(f.reports_unread);
            Some((
                10.0 * f64::from(good) / f64::from(all),
                Reason::Reports {
                    published: f.reports_published,
                    unread: f.reports_unread,
                    overdue: f.reports_overdue,
                },
            ))
        }
        SignalKey::Backlog => {
            let n = f.agreed_per_project.len();
            if n == 0 {
                return None;
            }
            let standard = crate::backlog::standard::AGREED_ITEMS_STANDARD;
            let sum: f64 =
                f.agreed_per_project.iter().map(|a| f64::from((*a).min(standard)) / f64::from(standard)).sum();
            let below = f.agreed_per_project.iter().filter(|a| **a < standard).count();
            Some((
                10.0 * sum / n as f64,
                Reason::Backlog {
                    projects: u32::try_from(n).unwrap_or(u32::MAX),
                    below: u32::try_from(below).unwrap_or(u32::MAX),
                    fewest: f.agreed_per_project.iter().copied().min().unwrap_or(0),
                },
            ))
        }
        SignalKey::Incidents => {
            if !f.has_incidents {
                return None;
            }
            let g = if f.incidents_too_long > 0 { 0.0 } else { clamp(10.0 - 5.0 * f64::from(f.incidents_open)) };
            Some((g, Reason::Incidents { open: f.incidents_open, too_long: f.incidents_too_long }))
        }
        SignalKey::Money => {
            if !f.has_invoices {
                return None;
            }
            let months = (f.oldest_invoice_days.max(0) / 30) as f64;
            let g = if f.invoices_overdue == 0 {
                10.0
            } else {
                clamp(10.0 - 2.5 * f64::from(f.invoices_overdue) - 2.5 * months)
            };
            Some((g, Reason::Money { overdue: f.invoices_overdue, oldest_days: f.oldest_invoice_days }))
        }
    }
}

/// The score from the facts under `weights` (a weight of 0 leaves its signal out).
pub fn score(f: &Facts, weights: &[Weight], computed_at: DateTime<Utc>) -> HealthScore {
    let mut graded = Vec::new();
    let mut left_out = Vec::new();
    for w in weights {
        match grade(w.key, f) {
            Some((g, reason)) if w.weight > 0 => graded.push((w.key, g, w.weight, reason)),
            _ => left_out.push(w.key),
        }
    }
    let total: u32 = graded.iter().map(|g| g.2).sum();
    if total == 0 {
        return HealthScore { score: None, parts: Vec::new(), left_out, computed_at };
    }
    let weighted: f64 = graded.iter().map(|(_, g, w, _)| g * f64::from(*w)).sum();
    let score = (10.0 * weighted / f64::from(total)).round().clamp(0.0, 100.0) as u8;
    let parts = graded
        .into_iter()
        .map(|(key, g, weight, reason)| SignalPart {
            key,
            grade: round1(g),
            weight,
            points: round1(g * 10.0 * f64::from(weight) / f64::from(total)),
            reason,
        })
        .collect();
    HealthScore { score: Some(score), parts, left_out, computed_at }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: &str) -> NaiveDate {
        d.parse().unwrap()
    }

    fn at() -> DateTime<Utc> {
        "2026-12-04T10:00:00Z".parse().unwrap()
    }

    /// Every signal with data, computed by hand:
    /// NPS 9 → 10; CSI 64 → 6; contact 19 days on a 7-day cadence → 10 × (1 − 12/14) = 1.43;
    /// 1 overdue → 7.5; 3 of 5 kept → 6; minutes 2 of 3 → 6.67; reports (4 − 1) / (4 + 1) → 6;
    /// backlog (1 + 0.5) / 2 → 7.5; incidents 1 open → 5; money 1 invoice 35 days overdue →
    /// 10 − 2.5 − 2.5 = 5.
    /// Σ w·g = 15·10 + 10·6 + 15·1.4286 + 15·7.5 + 10·6 + 10·6.6667 + 10·6 + 10·7.5 + 5·5 + 10·5
    ///       = 150 + 60 + 21.43 + 112.5 + 60 + 66.67 + 60 + 75 + 25 + 50 = 680.60;
    ///       / 110 × 10 = 61.87 → 62.
    #[test]
    fn every_signal_by_hand() {
        let f = Facts {
            nps: Some((9, day("2026-11-01"))),
            csi: Some((64.0, day("2026-11-01"))),
            cadence: Some(7),
            days_since_touch: Some(19),
            days_since_entered: 400,
            has_promises: true,
            overdue: 1,
            oldest_overdue_days: 3,
            due_in_window: 5,
            kept_in_window: 3,
            minutes_acknowledged: 2,
            minutes_awaiting: 1,
            minutes_disputed: 0,
            reports_published: 4,
            reports_unread: 1,
            reports_overdue: 1,
            agreed_per_project: vec![3, 1],
            has_incidents: true,
            incidents_open: 1,
            incidents_too_long: 0,
            has_invoices: true,
            invoices_overdue: 1,
            oldest_invoice_days: 35,
        };
        let s = score(&f, &default_weights(), at());
        assert_eq!(s.score, Some(62));
        assert!(s.left_out.is_empty());
        let part = |k: SignalKey| s.parts.iter().find(|p| p.key == k).unwrap().clone();
        assert_eq!(part(SignalKey::Contact).grade, 1.4);
        assert_eq!(part(SignalKey::Contact).reason, Reason::Contact { days: 19, cadence: 7, never: false });
        assert_eq!(part(SignalKey::BrokenPromises).reason, Reason::BrokenPromises { kept: 3, due: 5, window_days: 90 });
        assert_eq!(part(SignalKey::Nps).points, 13.6);
        assert_eq!(part(SignalKey::Money).grade, 5.0);
        assert_eq!(part(SignalKey::Money).reason, Reason::Money { overdue: 1, oldest_days: 35 });
        assert_eq!(part(SignalKey::Backlog).reason, Reason::Backlog { projects: 2, below: 1, fewest: 1 });
        let points: f64 = s.parts.iter().map(|p| p.points).sum();
        assert!((points - 61.87).abs() < 0.2, "parts add up to the score: {points}");
    }

    /// Contact (15, grade 10), overdue promises (15, none overdue: 10) and broken promises
    /// (10, 0 of 2 kept: 0) have data: (150 + 150 + 0) / 40 × 10 = 75; the six others are
    /// left out, not counted as 0.
    #[test]
    fn missing_signals_are_left_out_and_the_weights_renormalised() {
        let f = Facts {
            cadence: Some(14),
            days_since_touch: Some(3),
            has_promises: true,
            due_in_window: 2,
            kept_in_window: 0,
            overdue: 0,
            ..Facts::default()
        };
        let s = score(&f, &default_weights(), at());
        assert_eq!(s.score, Some(75));
        assert_eq!(s.parts.len(), 3);
        assert_eq!(s.left_out.len(), 7);
        assert!(s.left_out.contains(&SignalKey::Nps) && s.left_out.contains(&SignalKey::Incidents));
        let f = Facts { has_promises: false, ..f };
        let s = score(&f, &default_weights(), at());
        // Without promises open, only the due-in-window ones: (150 + 0) / 25 × 10 = 60.
        assert_eq!(s.score, Some(60));
    }

    #[test]
    fn no_data_at_all_is_no_score() {
        let s = score(&Facts { days_since_entered: 30, ..Facts::default() }, &default_weights(), at());
        assert_eq!(s.score, None);
        assert!(s.parts.is_empty());
        assert_eq!(s.left_out.len(), 10);
    }

    #[test]
    fn edges_of_the_grades() {
        // Never contacted: days since entered; three cadences or more → 0.
        let f = Facts { cadence: Some(10), days_since_entered: 30, ..Facts::default() };
        assert_eq!(
            grade(SignalKey::Contact, &f).unwrap(),
            (0.0, Reason::Contact { days: 30, cadence: 10, never: true })
        );
        // Exactly the cadence → 10.
        let f = Facts { cadence: Some(10), days_since_touch: Some(10), ..Facts::default() };
        assert_eq!(grade(SignalKey::Contact, &f).unwrap().0, 10.0);
        // Four overdue promises → 0, never below.
        let f = Facts { has_promises: true, overdue: 5, ..Facts::default() };
        assert_eq!(grade(SignalKey::OverduePromises, &f).unwrap().0, 0.0);
        // An incident open too long zeroes the signal.
        let f = Facts { has_incidents: true, incidents_open: 1, incidents_too_long: 1, ..Facts::default() };
        assert_eq!(grade(SignalKey::Incidents, &f).unwrap().0, 0.0);
        // Money: no invoice ever → no data; invoices, none overdue → 10; three overdue, the
        // oldest 61 days → 10 − 7.5 − 5 → 0, never below.
        assert_eq!(grade(SignalKey::Money, &Facts::default()), None);
        let f = Facts { has_invoices: true, ..Facts::default() };
        assert_eq!(grade(SignalKey::Money, &f).unwrap(), (10.0, Reason::Money { overdue: 0, oldest_days: 0 }));
        let f = Facts { has_invoices: true, invoices_overdue: 3, oldest_invoice_days: 61, ..Facts::default() };
        assert_eq!(grade(SignalKey::Money, &f).unwrap().0, 0.0);
        let f = Facts { has_invoices: true, invoices_overdue: 1, oldest_invoice_days: 29, ..Facts::default() };
        assert_eq!(grade(SignalKey::Money, &f).unwrap().0, 7.5);
        // CSI 10 → 0, 100 → 10; a passive → 6; a weight of 0 leaves a signal out.
        let f = Facts { csi: Some((100.0, day("2026-01-01"))), nps: Some((7, day("2026-01-01"))), ..Facts::default() };
        assert_eq!(grade(SignalKey::Csi, &f).unwrap().0, 10.0);
        assert_eq!(grade(SignalKey::Nps, &f).unwrap().0, 6.0);
        let weights = vec![Weight { key: SignalKey::Nps, weight: 0 }, Weight { key: SignalKey::Csi, weight: 10 }];
        let s = score(&f, &weights, at());
        assert_eq!(s.score, Some(100));
        assert_eq!(s.left_out, vec![SignalKey::Nps]);
    }
}
