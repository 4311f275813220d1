//! Account health in the browser, as an owner meets it after two months of work: A1 was
//! neglected twice (promises broken in the first weeks, then three weeks of silence with a
//! promise overdue, a detractor's answer and an open incident) while A2 was called every week.
//! The owner opens the cockpit (A1 at risk with its reasons, the overdue promise, the follow-up,
//! the silence, the incident; narrowed to one manager through the URL), the health page (the
//! at-risk list, portfolios, every client's score; a weight change previewed before it is
//! saved, a bad threshold stopped at its field) and A1's Health tab (the score, its parts with
//! their reasons, the left-out signals, and the chart of the daily history with its corridor and
//! the days below it). Each page is photographed in English and Russian.

use accord_server::clock::Clock;
use accord_tests::{browser, world, Client, TestApp};
use chrono::{DateTime, Days, NaiveDate, Utc};
use serde_json::{json, Value};

/// How many days of history the test makes.
const DAYS: u64 = 62;

async fn ok(res: reqwest::Response, want: u16) -> Value {
    let status = res.status().as_u16();
    let text = res.text().await.unwrap_or_default();
    assert_eq!(status, want, "{text}");
    serde_json::from_str(&text).unwrap_or(Value::String(text))
}

async fn drain(app: &TestApp) {
    while accord_server::jobs::run_due(&app.state).await.unwrap() > 0 {}
}

struct Story<'a> {
    app: &'a TestApp,
    w: &'a world::World,
    start: NaiveDate,
}

impl Story<'_> {
    fn day(&self, d: u64) -> NaiveDate {
        self.start + Days::new(d)
    }

    fn at(&self, d: u64, hour: u32) -> DateTime<Utc> {
        self.day(d).and_hms_opt(hour, 0, 0).unwrap().and_utc()
    }

    /// Signed in afresh (the clock moves past sessions' lifetimes).
    async fn as_user(&self, email: &str) -> Client {
        self.app.signed_in(email, world::PASSWORD).await
    }

    async fn call(&self, who: &Client, client: accord_api::ClientId, d: u64, summary: &str) {
        let body = json!({ "kind": "call", "occurred_at": self.at(d, 8), "summary": summary });
        ok(who.post(&format!("/api/staff/clients/{client}/touchpoints"), body).await, 201).await;
    }

    async fn promise(&self, who: &Client, title: &str, due: u64) -> String {
        let body = json!({ "title": title, "due_on": self.day(due) });
        let p = ok(who.post(&format!("/api/staff/clients/{}/promises", self.w.client_a1.0), body).await, 201).await;
        p["id"].as_str().unwrap().to_owned()
    }

    async fn done(&self, who: &Client, id: &str, d: u64) {
        let body = json!({ "done": true, "on": self.day(d) });
        ok(who.post(&format!("/api/staff/action-items/{id}/done"), body).await, 200).await;
    }

    async fn phone_answer(&self, who: &Client, client: accord_api::ClientId, d: u64, nps: u8, why: &str, s: u8) {
        let ratings: Vec<Value> = ["price", "timeline", "service"]
            .iter()
            .map(|key| json!({ "key": key, "importance": 8, "satisfaction": s }))
            .collect();
        let body = json!({ "taken_on": self.day(d), "answer": { "nps": nps, "why": why, "ratings": ratings } });
        ok(who.post(&format!("/api/staff/clients/{client}/survey-answers"), body).await, 201).await;
    }
}

/// Puts the client under `manager` with a contact cadence (and, given, a report cadence).
async fn set_up_client(owner: &Client, client: accord_api::ClientId, manager: accord_api::UserId, cadence: u32) {
    let base = format!("/api/staff/clients/{client}");
    let profile = ok(owner.get(&base).await, 200).await;
    let body = json!({
        "name": profile["name"], "status": profile["status"], "account_manager_id": manager,
        "started_on": profile["started_on"], "contact_cadence_days": cadence,
    });
    ok(owner.send("PUT", &base, Some(body)).await, 200).await;
}

#[tokio::test]
async fn an_owner_sees_the_cockpit_health_and_a_clients_score() {
    let Some(b) = browser::browser().await else { return };
    let now = Utc::now();
    let start = now.date_naive() - Days::new(DAYS);
    let clock = Clock::manual(start.and_hms_opt(6, 0, 0).unwrap().and_utc());
    let app = accord_tests::spawn_app_with_clock(clock.clone(), |s| s.mail_poll_ms = 3_600_000).await;
    let w = world::build(&app).await;
    let b = b.at(&app);
    let (a1, a2) = (w.client_a1.0, w.client_a2.0);
    let story = Story { app: &app, w: &w, start };

    // Two months, one day at a time, each day's recomputation run.
    let mut promises: Vec<String> = Vec::new();
    for d in 0..=DAYS {
        clock.set(story.at(d, 9));
        let events = matches!(d, 0 | 3 | 7 | 14 | 19 | 20 | 21 | 26 | 28 | 30 | 33 | 35 | 40 | 42 | 45 | 49 | 50 | 56);
        if events {
            let owner = story.as_user(&w.a.owner.email).await;
            let manager = story.as_user(&w.manager_a.email).await;
            let admin = story.as_user(&w.admin_a.email).await;
            match d {
                0 => {
                    set_up_client(&owner, a1, w.manager_a.id, 7).await;
                    set_up_client(&owner, a2, w.admin_a.id, 7).await;
                    story.call(&manager, a1, 0, "Kick-off call").await;
                    story.call(&admin, a2, 0, "Kick-off call").await;
                    for (title, due) in [("Technical audit", 4), ("Landing page draft", 7), ("Mailing plan", 9)] {
                        promises.push(story.promise(&manager, title, due).await);
                    }
                }
                3 => story.done(&manager, &promises[0], 3).await,
                19 => {
                    story.call(&manager, a1, 19, "Sorry for the delay").await;
                    story.done(&manager, &promises[1], 19).await;
                    story.done(&manager, &promises[2], 19).await;
                }
                20 => story.phone_answer(&admin, a2, 20, 10, "Fast and honest", 9).await,
                26 | 33 | 40 => story.call(&manager, a1, d, "Weekly call").await,
                30 => {
                    story.phone_answer(&manager, a1, 30, 9, "Much better now", 8).await;
                    promises.push(story.promise(&manager, "Analytics report", 36).await);
                }
                35 => story.done(&manager, &promises[3], 35).await,
                42 => {
                    promises.push(story.promise(&manager, "Competitor analysis", 48).await);
                    promises.push(story.promise(&manager, "Ad campaign launch", DAYS + 3).await);
                }
                45 => story.phone_answer(&manager, a1, 45, 4, "Reports come late", 4).await,
                50 => {
                    let body = json!({ "title": "Checkout broke after the release", "description": "Orders failed for two hours" });
                    ok(manager.post(&format!("/api/staff/clients/{a1}/incidents"), body).await, 201).await;
                }
                _ => {}
            }
            if d % 7 == 0 && d > 0 {
                story.call(&admin, a2, d, "Weekly call").await;
            }
        }
        drain(&app).await;
    }
    clock.set(now);
    drain(&app).await;

    let owner = story.as_user(&w.a.owner.email).await;
    let health = ok(owner.get(&format!("/api/staff/clients/{a1}/health")).await, 200).await;
    assert!(health["flags"].as_array().is_some_and(|f| !f.is_empty()), "A1 is at risk: {health}");
    let history_days = health["history"].as_array().unwrap().len();
    assert!(history_days > 50, "{history_days} days of history");

    b.sign_in_via_form(&app, &w.a.owner.email, world::PASSWORD).await;
    b.click("#nav-home").await;
    b.wait_for(&format!("#cockpit-at-risk li.cockpit-row[data-client='{a1}']")).await;
    b.wait_for_text(&format!("#cockpit-at-risk li[data-client='{a1}'] .health-reasons"), "Regular contact").await;
    b.wait_for_text("#cockpit-promises .cockpit-overdue", "overdue").await;
    b.wait_for_text("#cockpit-promises", "Competitor analysis").await;
    b.wait_for_text("#cockpit-silent", "days without contact").await;
    b.wait_for_text("#cockpit-incidents", "Checkout broke after the release").await;
    b.wait_for("#cockpit-followups li.cockpit-row").await;
    b.wait_for("#cockpit-minutes .cockpit-empty").await;
    // The owner narrows it to the manager's clients; the choice lives in the URL.
    b.select("#cockpit-manager", &w.manager_a.id.to_string()).await;
    b.wait_for(&format!("#cockpit[data-manager='{}']", w.manager_a.id)).await;
    b.wait_for_path(&format!("/app/cockpit?manager={}", w.manager_a.id)).await;
    b.assert_absent(&format!("#cockpit li[data-client='{a2}']")).await;
    b.click(&format!("#cockpit-at-risk li[data-client='{a1}'] a.health-client")).await;
    b.wait_for("#client-health #health-score[data-tone='red']").await;

    // The health page: at risk, portfolios, scores; a weight change previewed, then saved.
    b.click("#nav-health").await;
    b.wait_for(&format!("#health-at-risk tr.at-risk-row[data-client='{a1}']")).await;
    b.wait_for(&format!("#health-portfolios tr.portfolio-row[data-manager='{}']", w.admin_a.id)).await;
    b.wait_for(&format!("#health-clients tr.health-score-row[data-client='{a2}']")).await;
    b.wait_for_value("#weight-contact", "15").await;
    b.fill("#health-corridor", "0").await;
    b.click("#health-preview").await;
    b.wait_for("p.field-error[data-field='corridor']").await;
    b.fill("#health-corridor", "10").await;
    b.fill("#weight-contact", "40").await;
    b.fill("#weight-backlog", "0").await;
    b.click("#health-preview").await;
    b.wait_for(&format!("#health-preview-result tr.preview-row[data-client='{a1}']")).await;
    let before = ok(owner.get("/api/staff/health-settings").await, 200).await;
    let weight = |s: &Value, key: &str| {
        s["weights"].as_array().unwrap().iter().find(|w| w["key"] == key).unwrap()["weight"].clone()
    };
    assert_eq!(weight(&before, "contact"), json!(15), "a preview saves nothing");
    b.full_shot("health-preview-en").await;
    b.click("#health-save").await;
    b.click("button.confirm-save-health").await;
    b.wait_for("#health-settings .notice").await;
    let after = ok(owner.get("/api/staff/health-settings").await, 200).await;
    assert_eq!((weight(&after, "contact"), weight(&after, "backlog")), (json!(40), json!(0)));
    drain(&app).await;

    for locale in ["en", "ru"] {
        b.set_locale(locale).await;
        b.goto("/app/cockpit").await;
        b.wait_for(&format!("html[lang='{locale}']")).await;
        b.wait_for(&format!("#cockpit-at-risk li.cockpit-row[data-client='{a1}']")).await;
        b.full_shot(&format!("cockpit-{locale}")).await;

        b.goto("/app/health").await;
        b.wait_for(&format!("#health-at-risk tr.at-risk-row[data-client='{a1}']")).await;
        b.wait_for_value("#weight-contact", "40").await;
        b.fill("#weight-nps", "25").await;
        b.click("#health-preview").await;
        b.wait_for("#health-preview-result").await;
        b.full_shot(&format!("health-{locale}")).await;

        b.goto(&format!("/app/clients/{a1}/health")).await;
        b.wait_for("#health-score[data-score]").await;
        b.wait_for("svg#health-chart circle.health-last").await;
        b.wait_for("#health-parts tr.part-row[data-key='contact']").await;
        b.full_shot(&format!("client-health-{locale}")).await;
    }
    b.wait_for_text("#health-parts tr.part-row[data-key='contact'] .part-reason", "назад").await;
    b.wait_for("#health-left-out li.left-out[data-key='minutes']").await;
    let below = b.texts("svg#health-chart circle.health-below").await.len();
    assert!(below > 0, "the days below the corridor are marked");
    b.close().await;
}
