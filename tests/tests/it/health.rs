//! Account health as a new user meets it: a client whose promises are broken and who has not
//! been heard from for longer than its cadence drops into the at-risk list with those reasons;
//! after a touchpoint and the overdue promises done, the score rises (silence and overdue-open
//! recover, the broken promises stay in the 90-day window) and the history shows the dip and
//! the recovery. Also: who may see it, the settings with their preview, the cockpit, and the
//! number of statements a whole agency's recomputation takes.

use accord_tests::{world, TestApp};
use serde_json::{json, Value};

fn at(s: &str) -> chrono::DateTime<chrono::Utc> {
    s.parse().unwrap()
}

async fn ok(res: reqwest::Response, want: u16) -> Value {
    let status = res.status().as_u16();
    let text = res.text().await.unwrap_or_default();
    assert_eq!(status, want, "{text}");
    serde_json::from_str(&text).unwrap_or(Value::String(text))
}

async fn drain(app: &TestApp) {
    while accord_server::jobs::run_due(&app.state).await.unwrap() > 0 {}
}

fn part<'a>(health: &'a Value, key: &str) -> Option<&'a Value> {
    health["current"]["parts"].as_array().unwrap().iter().find(|p| p["key"] == key)
}

#[tokio::test]
async fn a_silent_client_with_broken_promises_is_at_risk_and_recovers() {
    let clock = accord_server::clock::Clock::manual(at("2026-06-01T06:00:00Z"));
    let app = accord_tests::spawn_app_with_clock(clock.clone(), |_| {}).await;
    let w = world::build(&app).await;
    let client = w.client_a1.0;
    let base = format!("/api/staff/clients/{client}");
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;

    // No promises, answers, minutes or reports yet: those signals are left out, not 0.
    let health = ok(manager.get(&format!("{base}/health")).await, 200).await;
    let left_out = health["current"]["left_out"].as_array().unwrap().clone();
    for key in ["nps", "csi", "overdue_promises", "broken_promises", "minutes", "reports", "incidents"] {
        assert!(left_out.contains(&json!(key)), "{key} left out: {health}");
    }
    // The world's project has no agreed item: the backlog signal is 0 of the standard.
    assert_eq!(
        part(&health, "backlog").unwrap()["reason"],
        json!({ "signal": "backlog", "projects": 1, "below": 1, "fewest": 0 })
    );

    // The owner agrees a weekly contact; the manager calls on 1 June and promises three things.
    let profile = ok(owner.get(&base).await, 200).await;
    let body = json!({
        "name": profile["name"], "status": profile["status"], "account_manager_id": w.manager_a.id,
        "started_on": profile["started_on"], "contact_cadence_days": 7,
    });
    ok(owner.send("PUT", &base, Some(body)).await, 200).await;
    ok(
        manager
            .post(
                &format!("{base}/touchpoints"),
                json!({ "kind": "call", "occurred_at": "2026-06-01T05:00:00Z", "summary": "Kick-off call" }),
            )
            .await,
        201,
    )
    .await;
    let mut promises = Vec::new();
    for (title, due) in [("Audit", "2026-06-05"), ("Landing", "2026-06-08"), ("Mailing", "2026-06-10")] {
        let p =
            ok(manager.post(&format!("{base}/promises"), json!({ "title": title, "due_on": due })).await, 201).await;
        promises.push(p["id"].as_str().unwrap().to_string());
    }
    drain(&app).await;
    let start = ok(manager.get(&format!("{base}/health")).await, 200).await;
    let start_score = start["current"]["score"].as_u64().expect("scored");
    assert_eq!(part(&start, "contact").unwrap()["grade"], 10.0, "{start}");
    assert_eq!(part(&start, "overdue_promises").unwrap()["grade"], 10.0);
    assert!(part(&start, "broken_promises").is_none(), "nothing fell due yet");

    // The audit is done on time (4 June); nothing else happens until 20 June.
    clock.set(at("2026-06-04T09:00:00Z"));
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    ok(
        manager
            .post(&format!("/api/staff/action-items/{}/done", promises[0]), json!({ "done": true, "on": "2026-06-04" }))
            .await,
        200,
    )
    .await;
    clock.set(at("2026-06-20T09:00:00Z"));
    drain(&app).await; // the daily recomputation of 20 June
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let dip = ok(manager.get(&format!("{base}/health")).await, 200).await;
    // Last touchpoint 19 days ago on a 7-day cadence: 10 × (1 − 12/14) = 1.4.
    assert_eq!(
        part(&dip, "contact").unwrap()["reason"],
        json!({ "signal": "contact", "days": 19, "cadence": 7, "never": false })
    );
    assert_eq!(part(&dip, "contact").unwrap()["grade"], 1.4);
    // Two open promises past their date: 10 − 2 × 2.5 = 5; one of three kept: 3.3.
    assert_eq!(part(&dip, "overdue_promises").unwrap()["reason"]["overdue"], 2);
    assert_eq!(part(&dip, "overdue_promises").unwrap()["grade"], 5.0);
    assert_eq!(
        part(&dip, "broken_promises").unwrap()["reason"],
        json!({ "signal": "broken_promises", "kept": 1, "due": 3, "window_days": 90 })
    );
    assert_eq!(part(&dip, "broken_promises").unwrap()["grade"], 3.3);
    let dip_score = dip["current"]["score"].as_u64().unwrap();
    assert!(dip_score < 50 && dip_score < start_score, "{dip_score} after {start_score}");
    // The parts add up to the score.
    let points: f64 = dip["current"]["parts"].as_array().unwrap().iter().map(|p| p["points"].as_f64().unwrap()).sum();
    assert!((points - dip_score as f64).abs() <= 0.6, "{points} vs {dip_score}");
    assert!(dip["flags"].as_array().unwrap().contains(&json!("low")), "{dip}");

    // By hand: contact 15 × 1.4, overdue 15 × 5, broken 10 × 3.33, backlog 10 × 0 over 50 → 26.
    assert_eq!(dip_score, 26);
    // The at-risk list names the reasons, weakest first: the backlog, silence, broken promises.
    let overview = ok(owner_again(&app, &w).await.get("/api/staff/health").await, 200).await;
    let row =
        overview["at_risk"].as_array().unwrap().iter().find(|r| r["client"]["id"] == json!(client)).expect("at risk");
    let reasons: Vec<&str> = row["reasons"].as_array().unwrap().iter().map(|r| r["key"].as_str().unwrap()).collect();
    assert_eq!(reasons, ["backlog", "contact", "broken_promises"], "{row}");
    assert_eq!(row["score"], json!(dip_score));
    // Every client's row names its weak signals (the reasons' parts are sent for the at-risk).
    let listed = overview["clients"].as_array().unwrap().iter().find(|r| r["client"]["id"] == json!(client)).unwrap();
    assert_eq!(listed["weak"], json!(["backlog", "contact", "broken_promises"]));
    let mine = ok(manager.get(&format!("/api/staff/health?manager={}", w.manager_a.id)).await, 200).await;
    assert!(mine["clients"].as_array().unwrap().iter().all(|r| r["manager"]["id"] == json!(w.manager_a.id)));
    let portfolio = mine["portfolios"].as_array().unwrap();
    assert_eq!(portfolio.len(), 1);
    assert!(portfolio[0]["at_risk"].as_u64().unwrap() >= 1);

    // The cockpit shows the same client: at risk, silent, with two overdue promises.
    let cockpit = ok(manager.get("/api/staff/cockpit").await, 200).await;
    assert!(cockpit["at_risk"]["items"].as_array().unwrap().iter().any(|r| r["client"]["id"] == json!(client)));
    let silent = cockpit["silent"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["client"]["id"] == json!(client))
        .unwrap()
        .clone();
    assert_eq!((silent["days"].clone(), silent["cadence"].clone()), (json!(19), json!(7)));
    let overdue: Vec<_> = cockpit["promises"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["client"]["id"] == json!(client) && p["overdue"] == true)
        .collect();
    assert_eq!(overdue.len(), 2, "{cockpit}");
    assert_eq!(cockpit["managers"], json!([]), "only owners and admins narrow to a manager");

    // The manager calls and does both late; the score rises, the broken ones stay.
    ok(
        manager
            .post(
                &format!("{base}/touchpoints"),
                json!({ "kind": "call", "occurred_at": "2026-06-20T08:00:00Z", "summary": "Sorry for the delay" }),
            )
            .await,
        201,
    )
    .await;
    for id in &promises[1..] {
        ok(
            manager
                .post(&format!("/api/staff/action-items/{id}/done"), json!({ "done": true, "on": "2026-06-20" }))
                .await,
            200,
        )
        .await;
    }
    drain(&app).await; // the changes' recomputations
    let after = ok(manager.get(&format!("{base}/health")).await, 200).await;
    assert_eq!(part(&after, "contact").unwrap()["grade"], 10.0);
    assert_eq!(part(&after, "overdue_promises").unwrap()["grade"], 10.0);
    assert_eq!(part(&after, "broken_promises").unwrap()["reason"]["kept"], 1, "done late is still broken");
    let after_score = after["current"]["score"].as_u64().unwrap();
    // (150 + 150 + 33.3 + 0) / 50 → 67; the 30-day high was 75 (1 June): a drop of 8, not at risk.
    assert_eq!(after_score, 67);
    assert_eq!(after["flags"], json!([]));
    assert_eq!(start_score, 75);

    // The next day's point shows the recovery; 20 June's point is that day's lowest: the dip.
    clock.set(at("2026-06-21T09:00:00Z"));
    drain(&app).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let later = ok(manager.get(&format!("{base}/health")).await, 200).await;
    let history = later["history"].as_array().unwrap();
    let day = |d: &str| history.iter().find(|h| h["day"] == d).cloned().unwrap_or_else(|| panic!("{d} in {history:?}"));
    assert_eq!(day("2026-06-20")["score"], json!(dip_score), "the day's lowest");
    assert_eq!(day("2026-06-21")["score"], json!(after_score));
    assert!(day("2026-06-20")["below"] == true, "the dip falls below the corridor: {:?}", day("2026-06-20"));
    assert!(day("2026-06-01")["score"].as_u64().unwrap() > dip_score);

    // Only staff who manage clients see health; contacts never.
    let specialist = app.signed_in(&w.specialist_a.email, world::PASSWORD).await;
    assert_eq!(specialist.get(&format!("{base}/health")).await.status(), 403);
    assert_eq!(specialist.get("/api/staff/health").await.status(), 403);
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    for path in [format!("{base}/health"), "/api/staff/health".into(), "/api/staff/cockpit".into()] {
        let res = approver.get(&path).await;
        assert_eq!(res.status(), 403, "{path}");
    }
    let portal = approver.get("/api/portal/home").await.text().await.unwrap();
    assert!(!portal.contains("health") && !portal.contains("score"), "{portal}");
    let b = app.signed_in(&w.b.owner.email, world::PASSWORD).await;
    assert_eq!(b.get(&format!("{base}/health")).await.status(), 404);
    let theirs = ok(b.get("/api/staff/health").await, 200).await;
    assert!(!theirs.to_string().contains(&client.to_string()));
}

async fn owner_again(app: &TestApp, w: &world::World) -> accord_tests::Client {
    app.signed_in(&w.a.owner.email, world::PASSWORD).await
}

#[tokio::test]
async fn weights_are_previewed_before_they_are_saved() {
    let app = accord_tests::spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let path = "/api/staff/health-settings";
    let built_in = ok(manager.get(path).await, 200).await;
    assert_eq!(built_in["corridor"], 10);
    assert_eq!(built_in["at_risk_below"], 50);
    assert_eq!(built_in["weights"].as_array().unwrap().len(), 10);
    assert_eq!(manager.send("PUT", path, Some(built_in.clone())).await.status(), 403);
    assert_eq!(manager.post(&format!("{path}/preview"), built_in.clone()).await.status(), 403);

    // A cadence for A1 and no touchpoint: contact is its only signal besides the world's backlog.
    let base = format!("/api/staff/clients/{}", w.client_a1.0);
    let profile = ok(owner.get(&base).await, 200).await;
    let body = json!({ "name": profile["name"], "status": profile["status"], "account_manager_id": w.manager_a.id, "contact_cadence_days": 1 });
    ok(owner.send("PUT", &base, Some(body)).await, 200).await;
    drain(&app).await;

    // Contact weighted 0: the preview shows A1's score change; nothing is saved.
    let mut proposed = built_in.clone();
    for wgt in proposed["weights"].as_array_mut().unwrap() {
        if wgt["key"] == "contact" {
            wgt["weight"] = json!(0);
        }
    }
    let preview = ok(owner.post(&format!("{path}/preview"), proposed.clone()).await, 200).await;
    assert!(preview["changed"].as_u64().unwrap() >= 1, "{preview}");
    let row = preview["rows"].as_array().unwrap().iter().find(|r| r["client"]["id"] == json!(w.client_a1.0)).unwrap();
    assert_ne!(row["current"], row["proposed"]);
    assert_eq!(ok(owner.get(path).await, 200).await, built_in, "a preview saves nothing");

    // Bad input: 422 naming the field, nothing written.
    let mut bad = proposed.clone();
    bad["corridor"] = json!(0);
    let res = ok(owner.send("PUT", path, Some(bad)).await, 422).await;
    assert_eq!(res["field"], "corridor");
    let mut bad = proposed.clone();
    bad["weights"].as_array_mut().unwrap().pop();
    assert_eq!(ok(owner.send("PUT", path, Some(bad)).await, 422).await["field"], "weights");
    assert_eq!(ok(owner.get(path).await, 200).await, built_in);

    // Saved: every score is recomputed with it; agency B keeps the built-in weights.
    ok(owner.send("PUT", path, Some(proposed.clone())).await, 200).await;
    drain(&app).await;
    assert_eq!(ok(owner.get(path).await, 200).await, proposed);
    let health = ok(owner.get(&format!("{base}/health")).await, 200).await;
    assert!(part(&health, "contact").is_none());
    assert!(health["current"]["left_out"].as_array().unwrap().contains(&json!("contact")));
    let b = app.signed_in(&w.b.owner.email, world::PASSWORD).await;
    assert_eq!(ok(b.get(path).await, 200).await, built_in);
}

/// Recomputing a whole agency takes the same statements for 3 clients as for 60.
#[tokio::test]
async fn an_agency_is_recomputed_in_a_constant_number_of_statements() {
    use accord_server::health::RecomputeHealth;
    use accord_server::jobs::{self, NewJob};
    // The count is the pool's: the mail sender's polls (a few statements a second) would land
    // in it when a loaded machine makes the recomputation span one (seen in a CI run).
    let app = accord_tests::spawn_app_with(|s| s.mail_poll_ms = 3_600_000).await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let agency = w.a.id;
    let count = |app: &TestApp| {
        let state = app.state.clone();
        async move {
            while jobs::run_due(&state).await.unwrap() > 0 {}
            let tx = state.db.unscoped("test queues a recomputation").await.unwrap();
            let job = RecomputeHealth { agency, client: None, cause: "daily".into() };
            jobs::enqueue(&tx, NewJob::new(&job).unwrap()).await.unwrap();
            tx.commit().await.unwrap();
            let before = state.db.queries_run();
            let claimed = jobs::claim_next(&state).await.unwrap().expect("queued");
            jobs::run_claimed(&state, claimed).await.unwrap();
            state.db.queries_run() - before
        }
    };
    let small = count(&app).await;
    for i in 0..57 {
        ok(owner.post("/api/staff/clients", json!({ "name": format!("Client {i}") })).await, 201).await;
    }
    let large = count(&app).await;
    assert_eq!(small, large, "no statement per client");
    let overview = ok(owner.get("/api/staff/health").await, 200).await;
    let listed = overview["clients"].as_array().unwrap().len();
    assert!(listed >= 59, "{listed} clients listed: the 57 new and the world's watched ones");
}
