//! Which job kinds an instance runs, and which of them recur: kind name → typed handler, plus
//! the periodic schedules the runner turns into one dedupe-keyed row per occurrence.

use super::{Job, JobContext, JobError, PurgeExpiredSessions, PurgeJobHistory};
use crate::state::AppState;
use chrono::{DateTime, Duration, Utc};
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;

pub(crate) type Running<'a> = Pin<Box<dyn Future<Output = Result<(), JobError>> + Send + 'a>>;
pub(crate) type RunFn = for<'a> fn(&'a AppState, JobContext, &'a str) -> Running<'a>;

/// Parses the payload into the job's type and runs it.
fn run_typed<'a, J: Job>(state: &'a AppState, cx: JobContext, payload: &'a str) -> Running<'a> {
    Box::pin(async move {
        let job: J = serde_json::from_str(payload).map_err(|e| JobError(format!("payload of {}: {e}", J::KIND)))?;
        job.run(state, cx).await
    })
}

/// When a periodic job recurs. Occurrences are aligned (to the Unix epoch for intervals, to
/// the UTC day for daily jobs), so every instance computes the same ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Every {
    /// Every so often (at least a second).
    Interval(Duration),
    /// Once a day at this UTC time.
    DailyAt { hour: u32, minute: u32 },
}

impl Every {
    pub fn daily_at(hour: u32, minute: u32) -> Self {
        Every::DailyAt { hour: hour.min(23), minute: minute.min(59) }
    }

    /// The latest occurrence at or before `now`, with the key that names it (a date for daily
    /// jobs, the start time for intervals).
    pub fn latest(&self, now: DateTime<Utc>) -> Option<(DateTime<Utc>, String)> {
        match *self {
            Every::Interval(every) => {
                let secs = every.num_seconds().max(1);
                let start = DateTime::<Utc>::from_timestamp(now.timestamp().div_euclid(secs) * secs, 0)?;
                Some((start, start.format("%Y-%m-%dT%H:%M:%SZ").to_string()))
            }
            Every::DailyAt { hour, minute } => {
                let today = now.date_naive().and_hms_opt(hour, minute, 0)?.and_utc();
                let at = if today <= now { today } else { today - Duration::days(1) };
                Some((at, at.format("%Y-%m-%d").to_string()))
            }
        }
    }
}

pub(crate) struct Schedule {
    pub kind: &'static str,
    pub every: Every,
    pub payload: fn() -> Result<String, serde_json::Error>,
    pub max_attempts: i32,
}

fn default_payload<J: Job + Default>() -> Result<String, serde_json::Error> {
    serde_json::to_string(&J::default())
}

/// The job kinds an instance knows. A runner claims only these, so an instance that does not
/// know a newer kind (mid-deploy) leaves it to one that does.
#[derive(Default)]
pub struct Registry {
    kinds: BTreeMap<&'static str, RunFn>,
    schedules: Vec<Schedule>,
}

impl Registry {
    /// No kinds at all (tests build their own).
    pub fn empty() -> Self {
        Self::default()
    }

    /// What the app runs.
    pub fn production() -> Self {
        Self::empty()
            .every::<PurgeExpiredSessions>(Every::daily_at(3, 15))
            .every::<PurgeJobHistory>(Every::daily_at(3, 45))
            .every::<crate::meetings::SendMeetingReminders>(Every::Interval(Duration::minutes(10)))
            .every::<crate::reports::DraftDueReports>(Every::Interval(Duration::minutes(30)))
            .register::<crate::reports::DraftReport>()
            .every::<crate::surveys::SurveyClock>(Every::Interval(Duration::minutes(30)))
            .register::<crate::surveys::RunAgencySurveys>()
            .every::<crate::health::HealthDaily>(Every::daily_at(2, 30))
            .register::<crate::health::RecomputeHealth>()
            .every::<crate::revenue::FinanceAbc>(Every::daily_at(2, 45))
    }

    /// Knows `J` (for delayed jobs enqueued with [`NewJob::new`](super::NewJob::new)).
    pub fn register<J: Job>(mut self) -> Self {
        self.kinds.insert(J::KIND, run_typed::<J> as RunFn);
        self
    }

    /// Knows `J` and runs it on a schedule, with `J::default()` as its payload.
    pub fn every<J: Job + Default>(mut self, every: Every) -> Self {
        self.schedules.retain(|s| s.kind != J::KIND);
        self.schedules.push(Schedule {
            kind: J::KIND,
            every,
            payload: default_payload::<J>,
            max_attempts: J::MAX_ATTEMPTS,
        });
        self.register::<J>()
    }

    pub fn kinds(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.kinds.keys().copied()
    }

    pub(crate) fn runner(&self, kind: &str) -> Option<RunFn> {
        self.kinds.get(kind).copied()
    }

    pub(crate) fn schedules(&self) -> &[Schedule] {
        &self.schedules
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn occurrences_are_aligned_and_named() {
        let daily = Every::daily_at(3, 15);
        assert_eq!(
            daily.latest(at("2026-12-02T10:00:00Z")),
            Some((at("2026-12-02T03:15:00Z"), "2026-12-02".to_string()))
        );
        assert_eq!(
            daily.latest(at("2026-12-02T03:14:59Z")),
            Some((at("2026-12-01T03:15:00Z"), "2026-12-01".to_string()))
        );
        assert_eq!(daily.latest(at("2026-12-02T03:15:00Z")).map(|o| o.1), Some("2026-12-02".to_string()));
        let hourly = Every::Interval(Duration::hours(1));
        assert_eq!(
            hourly.latest(at("2026-12-02T10:59:59Z")),
            Some((at("2026-12-02T10:00:00Z"), "2026-12-02T10:00:00Z".to_string()))
        );
    }
}
