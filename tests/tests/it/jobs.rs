//! Scheduled work: delayed jobs wait for the clock, failures retry with backoff and end
//! `failed`, periodic jobs run once per occurrence across instances, a dead runner's job is
//! taken again after its lease, and the daily purge removes expired sessions. Time moves on a
//! manual clock; each pass of the runner is a `run_due` call, so nothing sleeps.

use accord_entity::jobs::JobStatus;
use accord_entity::{job_runs, jobs, password_resets, sessions};
use accord_server::clock::Clock;
use accord_server::jobs::{claim_next, run_due, Every, Job, JobContext, JobError, NewJob, Registry, LEASE};
use accord_server::state::AppState;
use accord_tests::{backend, spawn_app_on, world, Backend, TestApp};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};
use std::sync::Mutex;

/// Texts the `Note` job has seen (tests use unique texts).
static NOTES: Mutex<Vec<String>> = Mutex::new(Vec::new());

#[derive(Serialize, Deserialize)]
struct Note {
    text: String,
}

impl Job for Note {
    const KIND: &'static str = "test.note";

    async fn run(self, _state: &AppState, _cx: JobContext) -> Result<(), JobError> {
        NOTES.lock().unwrap().push(self.text);
        Ok(())
    }
}

#[derive(Serialize, Deserialize)]
struct Fails {}

impl Job for Fails {
    const KIND: &'static str = "test.fails";
    const MAX_ATTEMPTS: i32 = 3;

    async fn run(self, _state: &AppState, cx: JobContext) -> Result<(), JobError> {
        Err(format!("boom on attempt {}", cx.attempt).into())
    }
}

#[derive(Serialize, Deserialize)]
struct Panics {}

impl Job for Panics {
    const KIND: &'static str = "test.panics";

    async fn run(self, _state: &AppState, _cx: JobContext) -> Result<(), JobError> {
        panic!("kaboom")
    }
}

/// A periodic job slow enough (a few ms) for two runners to overlap.
#[derive(Default, Serialize, Deserialize)]
struct Tick {}

impl Job for Tick {
    const KIND: &'static str = "test.tick";

    async fn run(self, _state: &AppState, _cx: JobContext) -> Result<(), JobError> {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        Ok(())
    }
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn test_jobs() -> Registry {
    Registry::empty().register::<Note>().register::<Fails>().register::<Panics>()
}

async fn enqueue(app: &TestApp, job: NewJob) -> Option<uuid::Uuid> {
    let tx = app.db.unscoped("test enqueues a job").await.unwrap();
    let id = accord_server::jobs::enqueue(&tx, job).await.unwrap();
    tx.commit().await.unwrap();
    id
}

async fn job(app: &TestApp, id: uuid::Uuid) -> jobs::Model {
    let tx = app.db.unscoped("test reads a job").await.unwrap();
    let row = jobs::Entity::find_by_id(id).one(tx.conn()).await.unwrap().unwrap();
    tx.commit().await.unwrap();
    row
}

async fn runs(app: &TestApp, id: uuid::Uuid) -> Vec<job_runs::Model> {
    let tx = app.db.unscoped("test reads job runs").await.unwrap();
    let rows = job_runs::Entity::find()
        .filter(job_runs::Column::JobId.eq(id))
        .order_by_asc(job_runs::Column::Attempt)
        .all(tx.conn())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    rows
}

async fn pass(app: &TestApp) -> usize {
    run_due(&app.state).await.unwrap()
}

#[tokio::test]
async fn a_delayed_job_runs_when_the_clock_reaches_it_and_only_then() {
    let clock = Clock::manual(at("2026-12-02T09:00:00Z"));
    let app = spawn_app_on(clock.clone(), test_jobs(), |_| {}).await;
    let text = format!("delayed {}", uuid::Uuid::new_v4());
    let due = clock.now() + Duration::days(1);
    let key = format!("note:{text}");
    let new = || NewJob::new(&Note { text: text.clone() }).unwrap().at(due).dedupe(key.clone());
    let id = enqueue(&app, new()).await.expect("written");
    assert_eq!(enqueue(&app, new()).await, None, "the same dedupe key is written once");

    assert_eq!(pass(&app).await, 0);
    clock.advance(Duration::days(1) - Duration::seconds(1));
    assert_eq!(pass(&app).await, 0, "not due a second early");
    let row = job(&app, id).await;
    assert_eq!((row.status, row.attempts, row.run_at), (JobStatus::Queued, 0, due));
    assert!(!NOTES.lock().unwrap().contains(&text));

    clock.advance(Duration::seconds(1));
    assert_eq!(pass(&app).await, 1);
    assert_eq!(pass(&app).await, 0, "and never again");
    let row = job(&app, id).await;
    assert_eq!((row.status, row.attempts, row.finished_at), (JobStatus::Done, 1, Some(due)));
    assert_eq!((row.claim, row.locked_until, row.last_error), (None, None, None));
    assert_eq!(NOTES.lock().unwrap().iter().filter(|t| **t == text).count(), 1);
    let runs = runs(&app, id).await;
    assert_eq!(runs.len(), 1);
    assert_eq!((runs[0].attempt, runs[0].ok, runs[0].started_at, runs[0].finished_at), (1, Some(true), due, Some(due)));
    assert_eq!(runs[0].instance, app.state.jobs.instance());
}

#[tokio::test]
async fn a_failing_job_is_retried_with_backoff_then_marked_failed() {
    let clock = Clock::manual(at("2026-12-02T09:00:00Z"));
    let app = spawn_app_on(clock.clone(), test_jobs(), |_| {}).await;
    let id = enqueue(&app, NewJob::new(&Fails {}).unwrap()).await.unwrap();

    // Attempt 1 now; attempt 2 after 30 s; attempt 3 a minute after that; then no more.
    assert_eq!(pass(&app).await, 1);
    let row = job(&app, id).await;
    assert_eq!((row.status, row.attempts), (JobStatus::Queued, 1));
    assert_eq!(row.run_at, clock.now() + Duration::seconds(30));
    assert_eq!(row.last_error.as_deref(), Some("boom on attempt 1"));
    clock.advance(Duration::seconds(29));
    assert_eq!(pass(&app).await, 0, "backing off");
    clock.advance(Duration::seconds(1));
    assert_eq!(pass(&app).await, 1);
    assert_eq!(job(&app, id).await.run_at, clock.now() + Duration::seconds(60));
    clock.advance(Duration::seconds(59));
    assert_eq!(pass(&app).await, 0, "backing off longer");
    clock.advance(Duration::seconds(1));
    assert_eq!(pass(&app).await, 1);
    let row = job(&app, id).await;
    assert_eq!((row.status, row.attempts, row.finished_at), (JobStatus::Failed, 3, Some(clock.now())));
    assert_eq!(row.last_error.as_deref(), Some("boom on attempt 3"));
    clock.advance(Duration::days(2));
    assert_eq!(pass(&app).await, 0, "failed is final");

    let runs = runs(&app, id).await;
    assert_eq!(runs.iter().map(|r| r.attempt).collect::<Vec<_>>(), [1, 2, 3]);
    assert!(runs.iter().all(|r| r.ok == Some(false) && r.finished_at.is_some()), "{runs:?}");
    assert_eq!(runs[1].error.as_deref(), Some("boom on attempt 2"));

    // A panicking handler is a failed attempt too, and the runner goes on.
    let id = enqueue(&app, NewJob::new(&Panics {}).unwrap().max_attempts(1)).await.unwrap();
    let after = enqueue(&app, NewJob::new(&Note { text: "after a panic".into() }).unwrap()).await.unwrap();
    assert_eq!(pass(&app).await, 2);
    let row = job(&app, id).await;
    assert_eq!(row.status, JobStatus::Failed);
    assert!(row.last_error.as_deref().is_some_and(|e| e.contains("kaboom")), "{row:?}");
    assert_eq!(job(&app, after).await.status, JobStatus::Done);
}

#[tokio::test]
async fn a_job_whose_runner_died_is_taken_again_after_the_lease() {
    let clock = Clock::manual(at("2026-12-02T09:00:00Z"));
    let app = spawn_app_on(clock.clone(), test_jobs(), |_| {}).await;
    let text = format!("lease {}", uuid::Uuid::new_v4());
    let id = enqueue(&app, NewJob::new(&Note { text: text.clone() }).unwrap()).await.unwrap();

    // A runner claims it and dies before running it.
    let claimed = claim_next(&app.state).await.unwrap().expect("claimed");
    assert_eq!(claimed.job().id, id);
    drop(claimed);
    let row = job(&app, id).await;
    assert_eq!((row.status, row.attempts, row.locked_until), (JobStatus::Running, 1, Some(clock.now() + LEASE)));

    assert_eq!(pass(&app).await, 0, "the lease holds");
    clock.advance(LEASE - Duration::seconds(1));
    assert_eq!(pass(&app).await, 0, "still held");
    clock.advance(Duration::seconds(2));
    assert_eq!(pass(&app).await, 1, "taken again");
    let row = job(&app, id).await;
    assert_eq!((row.status, row.attempts), (JobStatus::Done, 2));
    assert_eq!(NOTES.lock().unwrap().iter().filter(|t| **t == text).count(), 1);
    let history = runs(&app, id).await;
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].ok, Some(false));
    assert!(history[0].error.as_deref().is_some_and(|e| e.contains("lease expired")), "{history:?}");
    assert_eq!(history[0].finished_at, Some(clock.now()));
    assert_eq!(history[1].ok, Some(true));

    // When the lost attempt was the last one, the job fails instead of running again.
    let id = enqueue(&app, NewJob::new(&Note { text: "lost".into() }).unwrap().max_attempts(1)).await.unwrap();
    drop(claim_next(&app.state).await.unwrap().expect("claimed"));
    clock.advance(LEASE + Duration::seconds(1));
    assert_eq!(pass(&app).await, 0);
    let row = job(&app, id).await;
    assert_eq!((row.status, row.attempts), (JobStatus::Failed, 1));
    assert_eq!(row.last_error.as_deref(), Some("lease expired on the last attempt"));
    assert!(runs(&app, id).await.iter().all(|r| r.ok == Some(false) && r.finished_at.is_some()));
}

#[tokio::test]
async fn a_periodic_job_runs_once_per_occurrence_across_instances() {
    let clock = Clock::manual(at("2026-12-02T10:00:00Z"));
    let registry = || Registry::empty().every::<Tick>(Every::daily_at(3, 0));
    let first = spawn_app_on(clock.clone(), registry(), |_| {}).await;
    // PostgreSQL: a second instance on the same database. SQLite serves one process, so there
    // the two runners are two concurrent passes of one instance.
    let second = match backend() {
        Backend::Postgres => {
            let (url, owner) = (first.settings.database_url.clone(), first.settings.migration_database_url.clone());
            Some(
                spawn_app_on(clock.clone(), registry(), move |s| {
                    s.database_url = url;
                    s.migration_database_url = owner;
                })
                .await,
            )
        }
        Backend::Sqlite => None,
    };
    let other = second.as_ref().unwrap_or(&first);

    let mut ran = Vec::new();
    for step in [Duration::zero(), Duration::hours(1), Duration::hours(20), Duration::hours(1)] {
        clock.advance(step);
        let mut total = 0;
        for _ in 0..3 {
            let (a, b, c) = tokio::join!(pass(&first), pass(other), pass(&first));
            total += a + b + c;
        }
        ran.push(total);
    }
    // 10:00 runs the 2 December occurrence; 11:00 nothing; 07:00 next day the 3 December one.
    assert_eq!(ran, [1, 0, 1, 0]);

    let tx = first.db.unscoped("test reads jobs").await.unwrap();
    let rows = jobs::Entity::find()
        .filter(jobs::Column::Kind.eq("test.tick"))
        .order_by_asc(jobs::Column::RunAt)
        .all(tx.conn())
        .await
        .unwrap();
    let all_runs = job_runs::Entity::find().all(tx.conn()).await.unwrap();
    tx.commit().await.unwrap();
    let keys: Vec<_> = rows.iter().map(|r| r.dedupe_key.clone().unwrap_or_default()).collect();
    assert_eq!(keys, ["test.tick:2026-12-02", "test.tick:2026-12-03"]);
    assert_eq!(rows[0].run_at, at("2026-12-02T03:00:00Z"));
    assert!(rows.iter().all(|r| r.status == JobStatus::Done && r.attempts == 1), "{rows:?}");
    assert_eq!(all_runs.len(), 2, "{all_runs:?}");
}

#[tokio::test]
async fn the_background_runner_runs_due_jobs_by_itself() {
    let clock = Clock::manual(at("2026-12-02T09:00:00Z"));
    let app = spawn_app_on(clock.clone(), test_jobs(), |s| {
        s.jobs = true;
        s.jobs_poll_ms = 20;
    })
    .await;
    let id = enqueue(&app, NewJob::new(&Note { text: "background".into() }).unwrap()).await.unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while job(&app, id).await.status != JobStatus::Done {
        assert!(std::time::Instant::now() < deadline, "the runner did not pick the job up");
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
}

#[tokio::test]
async fn the_daily_purge_deletes_expired_sessions_and_old_reset_links() {
    // Idle timeout 2 hours, absolute lifetime 12 hours (the defaults).
    let clock = Clock::manual(at("2026-12-02T08:00:00Z"));
    let app = spawn_app_on(clock.clone(), Registry::production(), |_| {}).await;
    let w = world::build(&app).await;
    app.signed_in(&w.a.owner.email, world::PASSWORD).await; // past its 12 hours at 21:00
    clock.advance(Duration::hours(10));
    app.signed_in(&w.admin_a.email, world::PASSWORD).await; // idle since 18:00
    clock.advance(Duration::hours(3));
    let live = app.signed_in(&w.manager_a.email, world::PASSWORD).await;

    let tx = app.db.unscoped("test adds reset links").await.unwrap();
    let mut links = Vec::new();
    for days_ago in [8, 1] {
        let id = uuid::Uuid::new_v4();
        let expires_at = clock.now() - Duration::days(days_ago);
        let row = password_resets::ActiveModel {
            id: Set(id),
            user_id: Set(w.a.owner.id),
            agency_id: Set(Some(w.a.id)),
            token_hash: Set(format!("test-{id}")),
            expires_at: Set(expires_at),
            used_at: Set(None),
            created_at: Set(expires_at - Duration::hours(1)),
        };
        password_resets::Entity::insert(row).exec_without_returning(tx.conn()).await.unwrap();
        links.push(id);
    }
    tx.commit().await.unwrap();

    // 21:00: today's occurrences of the four daily jobs are due (and the current ones of the
    // meeting reminders, every ten minutes, and of the report drafts scan and the survey clock,
    // every half hour) — seven — and the health and ABC scans each queue one recomputation per
    // active agency of the world (three each): thirteen, over two passes of at most ten.
    let first = pass(&app).await;
    assert_eq!((first, first + pass(&app).await), (10, 13));
    let tx = app.db.unscoped("test reads sessions").await.unwrap();
    let left: Vec<_> = sessions::Entity::find().all(tx.conn()).await.unwrap().into_iter().map(|s| s.user_id).collect();
    let kept: Vec<_> =
        password_resets::Entity::find().all(tx.conn()).await.unwrap().into_iter().map(|r| r.id).collect();
    let purge = jobs::Entity::find()
        .filter(jobs::Column::DedupeKey.eq("sessions.purge_expired:2026-12-02"))
        .one(tx.conn())
        .await
        .unwrap()
        .expect("today's purge");
    tx.commit().await.unwrap();
    assert_eq!(left, [w.manager_a.id], "expired and idle sessions are gone, the live one stays");
    assert_eq!(kept, [links[1]], "reset links go a week after they expire");
    assert_eq!(purge.status, JobStatus::Done);
    assert_eq!(live.get("/api/auth/me").await.status(), 200);
}
