//! Client accounts: profile and status history, visibility by role, filters, contacts history,
//! projects, touchpoints and the silence warning, CSV export, the portal's view.

use accord_tests::{spawn_app, world};
use serde_json::{json, Value};

fn profile_body(w: &world::World, status: &str) -> Value {
    json!({
        "name": w.client_a1.1, "status": status, "account_manager_id": w.manager_a.id,
        "started_on": "2026-01-15", "business_model": "B2C интернет-магазин", "audience": "Дачники 35–60",
        "market": "Россия", "product_role": "Основной канал продаж",
        "included": ["Поддержка сайта", " ", "SEO"], "excluded": ["Реклама"],
        "contact_cadence_days": 7, "report_cadence": "weekly",
        "temperament": "choleric", "activity": "waiting", "value_tier": "a"
    })
}

#[tokio::test]
async fn profile_changes_keep_a_status_history() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let path = format!("/api/staff/clients/{}", w.client_a1.0);
    let res = owner.send("PUT", &path, Some(profile_body(&w, "paused"))).await;
    assert_eq!(res.status(), 200);
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["status"], "paused");
    assert_eq!(p["temperament"], "choleric");
    assert_eq!(p["included"], json!(["Поддержка сайта", "SEO"]), "blank points are dropped");
    assert_eq!(p["excluded"], json!(["Реклама"]));
    assert_eq!(p["report_cadence"], "weekly");
    assert_eq!(p["account_manager"]["name"], w.manager_a.name.as_str());
    assert_eq!(p["can_edit"], true);
    let res = owner.send("PUT", &path, Some(profile_body(&w, "churned"))).await;
    let p: Value = res.json().await.unwrap();
    assert!(p["ended_on"].is_string(), "churning sets the end date");

    let history: Vec<Value> = owner.get(&format!("{path}/status-history")).await.json().await.unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0]["from"], "paused");
    assert_eq!(history[0]["to"], "churned");
    assert_eq!(history[1]["from"], "active");
    assert_eq!(history[0]["changed_by"]["name"], w.a.owner.name.as_str());

    let mut bad = profile_body(&w, "active");
    bad["ended_on"] = json!("2025-01-01");
    let res = owner.send("PUT", &path, Some(bad)).await;
    assert_eq!(res.status(), 422);
    assert_eq!(res.json::<Value>().await.unwrap()["field"], "ended_on");
    let mut bad = profile_body(&w, "active");
    bad["contact_cadence_days"] = json!(0);
    assert_eq!(owner.send("PUT", &path, Some(bad)).await.status(), 422);
    let mut bad = profile_body(&w, "active");
    bad["account_manager_id"] = json!(w.specialist_a.id);
    let res = owner.send("PUT", &path, Some(bad)).await;
    assert_eq!(res.json::<Value>().await.unwrap()["field"], "account_manager_id");
}

#[tokio::test]
async fn managers_see_their_clients_and_specialists_their_projects() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let specialist = app.signed_in(&w.specialist_a.email, world::PASSWORD).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let names = |v: &Value| -> Vec<String> {
        v["items"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap().to_string()).collect()
    };

    let mine: Value = manager.get("/api/staff/clients").await.json().await.unwrap();
    assert_eq!(names(&mine), vec![w.client_a1.1.clone()]);
    assert_eq!(manager.get(&format!("/api/staff/clients/{}", w.client_a2.0)).await.status(), 404);
    let theirs: Value = specialist.get("/api/staff/clients").await.json().await.unwrap();
    assert_eq!(names(&theirs), vec![w.client_a1.1.clone()]);
    let p: Value = specialist.get(&format!("/api/staff/clients/{}", w.client_a1.0)).await.json().await.unwrap();
    assert_eq!(p["can_edit"], false);
    assert_eq!(
        specialist
            .send("PUT", &format!("/api/staff/clients/{}", w.client_a1.0), Some(profile_body(&w, "active")))
            .await
            .status(),
        403
    );

    // The agency lets managers read everything; they still change only their own.
    assert_eq!(
        owner.send("PUT", "/api/staff/agency/settings", Some(json!({ "managers_see_all": true }))).await.status(),
        200
    );
    let all: Value = manager.get("/api/staff/clients").await.json().await.unwrap();
    assert_eq!(all["total"], 2);
    let a2: Value = manager.get(&format!("/api/staff/clients/{}", w.client_a2.0)).await.json().await.unwrap();
    assert_eq!(a2["can_edit"], false);
    let mut body = profile_body(&w, "active");
    body["name"] = json!("Taken over");
    body["account_manager_id"] = Value::Null;
    assert_eq!(manager.send("PUT", &format!("/api/staff/clients/{}", w.client_a2.0), Some(body)).await.status(), 403);

    // Only the agency reassigns an account.
    let mut body = profile_body(&w, "active");
    body["account_manager_id"] = json!(w.admin_a.id);
    assert_eq!(
        manager.send("PUT", &format!("/api/staff/clients/{}", w.client_a1.0), Some(body.clone())).await.status(),
        403
    );
    assert_eq!(
        owner.send("PUT", "/api/staff/agency/settings", Some(json!({ "managers_see_all": false }))).await.status(),
        200
    );
    assert_eq!(owner.send("PUT", &format!("/api/staff/clients/{}", w.client_a1.0), Some(body)).await.status(), 200);
    assert_eq!(manager.get(&format!("/api/staff/clients/{}", w.client_a1.0)).await.status(), 404);

    // A manager's new client is theirs.
    let created: Value = manager.post("/api/staff/clients", json!({ "name": "Моя новая" })).await.json().await.unwrap();
    assert_eq!(created["account_manager"]["id"], json!(w.manager_a.id));
}

#[tokio::test]
async fn list_filters_sorts_and_archives() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    assert_eq!(
        owner
            .send("PUT", &format!("/api/staff/clients/{}", w.client_a1.0), Some(profile_body(&w, "active")))
            .await
            .status(),
        200
    );
    let total = |v: Value| v["total"].as_u64().unwrap();
    assert_eq!(total(owner.get("/api/staff/clients?temperament=choleric").await.json().await.unwrap()), 1);
    assert_eq!(total(owner.get("/api/staff/clients?tier=a&activity=waiting").await.json().await.unwrap()), 1);
    assert_eq!(total(owner.get("/api/staff/clients?manager=none").await.json().await.unwrap()), 1);
    assert_eq!(
        total(owner.get(&format!("/api/staff/clients?manager={}", w.manager_a.id)).await.json().await.unwrap()),
        1
    );
    assert_eq!(total(owner.get("/api/staff/clients?status=churned").await.json().await.unwrap()), 0);
    assert_eq!(owner.get("/api/staff/clients?sort=sideways").await.status(), 422);
    assert_eq!(owner.get("/api/staff/clients?temperament=grumpy").await.status(), 400);

    let res = owner.post(&format!("/api/staff/clients/{}/archive", w.client_a2.0), json!({})).await;
    assert_eq!(res.json::<Value>().await.unwrap()["archived"], true);
    let current: Value = owner.get("/api/staff/clients").await.json().await.unwrap();
    assert_eq!(current["total"], 1);
    let archived: Value = owner.get("/api/staff/clients?archived=true").await.json().await.unwrap();
    assert_eq!(archived["items"][0]["name"], w.client_a2.1.as_str());
    owner.post(&format!("/api/staff/clients/{}/unarchive", w.client_a2.0), json!({})).await;
    let sorted: Value = owner.get("/api/staff/clients?sort=-name").await.json().await.unwrap();
    assert_eq!(sorted["items"][0]["name"], w.client_a2.1.as_str());
}

#[tokio::test]
async fn contact_changes_leave_a_history_and_leavers_lose_access() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let leaver = app.signed_in(&w.viewer_a1.email, world::PASSWORD).await;
    let base = format!("/api/staff/clients/{}/contacts", w.client_a1.0);
    let contacts: Vec<Value> = manager.get(&base).await.json().await.unwrap();
    let viewer = contacts.iter().find(|c| c["email"] == w.viewer_a1.email.as_str()).unwrap().clone();
    let successor: Value = manager
        .post(&base, json!({ "name": "Ольга Новикова", "email": "olga@client.test", "portal_role": "approver",
                              "position": "Директор по маркетингу", "phone": "+7 900 000-00-00", "decision_maker": true }))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(successor["decision_maker"], true);
    let res = manager
        .send("PUT", &format!("{base}/{}", successor["id"].as_str().unwrap()),
              Some(json!({ "name": "Ольга Новикова", "email": "olga@client.test", "portal_role": "approver", "position": "CMO" })))
        .await;
    assert_eq!(res.status(), 200);
    let res = manager
        .post(&format!("{base}/{}/leave", viewer["id"].as_str().unwrap()), json!({ "replaced_by": successor["id"] }))
        .await;
    assert_eq!(res.status(), 200);
    let left: Value = res.json().await.unwrap();
    assert!(left["left_at"].is_string());
    assert_eq!(left["replaced_by"], successor["id"]);
    assert_eq!(leaver.get("/api/portal/home").await.status(), 401, "a leaver's portal access ends at once");
    let again = manager.post(&format!("{base}/{}/leave", viewer["id"].as_str().unwrap()), json!({})).await;
    assert_eq!(again.status(), 409);

    let contacts: Vec<Value> = manager.get(&base).await.json().await.unwrap();
    assert_eq!(contacts.last().unwrap()["email"], w.viewer_a1.email.as_str(), "those who left come last");
    assert_eq!(contacts.last().unwrap()["portal_access"]["state"], "disabled");
    let history: Vec<Value> = manager.get(&format!("{base}/history")).await.json().await.unwrap();
    let kinds: Vec<&str> = history.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, vec!["replaced", "updated", "added"]);
    assert_eq!(history[0]["detail"], "Ольга Новикова");
    // The edit sent no phone and no decision-maker flag: those changed too.
    let changes = history[1]["changes"].as_array().unwrap();
    let fields: Vec<&str> = changes.iter().map(|c| c["field"].as_str().unwrap()).collect();
    assert_eq!(fields, vec!["position", "phone", "decision_maker"]);
    assert_eq!(changes[0], json!({ "field": "position", "old": "Директор по маркетингу", "new": "CMO" }));
    assert_eq!(history[0]["actor"]["name"], w.manager_a.name.as_str());
    // The address of someone who left may be used again.
    let reuse =
        manager.post(&base, json!({ "name": "Back", "email": w.viewer_a1.email, "portal_role": "viewer" })).await;
    assert_eq!(reuse.status(), 201);
}

#[tokio::test]
async fn projects_touchpoints_and_what_the_portal_shows() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let specialist = app.signed_in(&w.specialist_a.email, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let base = format!("/api/staff/clients/{}", w.client_a1.0);

    let res = manager
        .post(&format!("{base}/projects"), json!({ "name": "Контекстная реклама", "kind": "ads", "status": "planned",
              "starts_on": "2026-12-01", "ends_on": "2027-05-31", "budget": { "amount_minor": 12_000_000, "currency": "rub" },
              "team": [w.specialist_a.id, w.manager_a.id] }))
        .await;
    assert_eq!(res.status(), 201);
    let ads: Value = res.json().await.unwrap();
    assert_eq!(ads["budget"], json!({ "amount_minor": 12_000_000, "currency": "RUB" }));
    assert_eq!(ads["team"].as_array().unwrap().len(), 2);
    let bad_team = manager
        .post(
            &format!("{base}/projects"),
            json!({ "name": "X", "kind": "seo", "status": "planned", "team": [w.b.owner.id] }),
        )
        .await;
    assert_eq!(bad_team.status(), 422);
    let bad_dates = manager.post(&format!("{base}/projects"), json!({ "name": "X", "kind": "seo", "status": "planned", "starts_on": "2026-05-01", "ends_on": "2026-01-01" })).await;
    assert_eq!(bad_dates.status(), 422);
    let projects: Vec<Value> = specialist.get(&format!("{base}/projects")).await.json().await.unwrap();
    assert_eq!(projects.len(), 2);

    let home: Value = approver.get("/api/portal/home").await.json().await.unwrap();
    assert_eq!(home["account_manager"]["email"], w.manager_a.email.as_str());
    assert_eq!(home["projects"].as_array().unwrap().len(), 2);
    // The home page's "awaiting your decision" count is the backlog's own.
    let backlog: Value = approver.get("/api/portal/backlog").await.json().await.unwrap();
    assert!(backlog["awaiting_total"].as_u64().unwrap() > 0, "{backlog}");
    assert_eq!(home["awaiting_decision"], backlog["awaiting_total"]);
    assert_eq!(home["minutes_to_acknowledge"], 0);
    assert!(
        home["projects"].as_array().unwrap().iter().all(|p| p["budget"].is_null()),
        "budgets are internal by default"
    );
    let mut shared = ads.clone();
    shared["budget_shared"] = json!(true);
    shared["team"] = json!([w.specialist_a.id]);
    let res = manager.send("PUT", &format!("{base}/projects/{}", ads["id"].as_str().unwrap()), Some(shared)).await;
    assert_eq!(res.status(), 200);
    let home: Value = approver.get("/api/portal/home").await.json().await.unwrap();
    let shown = home["projects"].as_array().unwrap().iter().find(|p| p["kind"] == "ads").unwrap().clone();
    assert_eq!(shown["budget"]["amount_minor"], 12_000_000);
    assert!(!home.to_string().contains("touch"), "internal fields stay out of the portal");

    // Touchpoints: silence longer than the cadence (7 days by default) is flagged.
    let listed: Value = manager.get("/api/staff/clients").await.json().await.unwrap();
    assert_eq!(listed["items"][0]["touch_overdue"], true, "never contacted counts as overdue");
    let ten_days_ago = chrono::Utc::now() - chrono::Duration::days(10);
    let res = specialist
        .post(
            &format!("{base}/touchpoints"),
            json!({ "kind": "call", "occurred_at": ten_days_ago, "summary": "Обсудили сезонную распродажу" }),
        )
        .await;
    assert_eq!(res.status(), 201, "specialists log their calls");
    let c: Value = manager.get(&base).await.json().await.unwrap();
    assert_eq!(c["days_since_touch"], 10);
    assert_eq!(c["touch_overdue"], true);
    let contacts: Vec<Value> = manager.get(&format!("{base}/contacts")).await.json().await.unwrap();
    let res = manager
        .post(
            &format!("{base}/touchpoints"),
            json!({ "kind": "meeting", "occurred_at": chrono::Utc::now() - chrono::Duration::hours(2),
              "contact_id": contacts[0]["id"], "summary": "Встреча по итогам месяца" }),
        )
        .await;
    assert_eq!(res.status(), 201);
    let c: Value = manager.get(&base).await.json().await.unwrap();
    assert_eq!(c["days_since_touch"], 0);
    assert_eq!(c["touch_overdue"], false);
    // An older touchpoint logged late does not move the clock back.
    specialist
        .post(
            &format!("{base}/touchpoints"),
            json!({ "kind": "email", "occurred_at": ten_days_ago, "summary": "Письмо" }),
        )
        .await;
    let c: Value = manager.get(&base).await.json().await.unwrap();
    assert_eq!(c["days_since_touch"], 0);
    let page: Value = manager.get(&format!("{base}/touchpoints?per_page=2")).await.json().await.unwrap();
    assert_eq!(page["total"], 3);
    assert_eq!(page["items"][0]["kind"], "meeting");
    assert_eq!(page["items"][0]["contact"]["id"], contacts[0]["id"]);
    let future = manager
        .post(
            &format!("{base}/touchpoints"),
            json!({ "kind": "call", "occurred_at": chrono::Utc::now() + chrono::Duration::days(1), "summary": "x" }),
        )
        .await;
    assert_eq!(future.status(), 422);
    let other = manager
        .post(&format!("{base}/touchpoints"), json!({ "kind": "call", "occurred_at": chrono::Utc::now(), "summary": "x", "contact_id": uuid::Uuid::new_v4() }))
        .await;
    assert_eq!(other.status(), 422);
}

#[tokio::test]
async fn csv_exports_open_with_cyrillic_and_defuse_formulas() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    owner.send("PUT", "/api/auth/locale", Some(json!({ "locale": "ru" }))).await;
    owner.post("/api/staff/clients", json!({ "name": "=ООО «Формула»; и партнёры" })).await;
    let res = owner.get("/api/staff/exports/clients.csv").await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    assert!(res.headers()["content-disposition"].to_str().unwrap().contains("clients.csv"));
    let bytes = res.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 byte-order mark");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with("name;status;account_manager;"));
    assert!(text.contains("\"'=ООО «Формула»; и партнёры\""), "{text}");
    assert!(!text.contains(&w.client_b1.1));
    let contacts = owner.get("/api/staff/exports/contacts.csv").await.text().await.unwrap();
    assert!(contacts.contains(&w.approver_a1.email));
    assert_eq!(contacts.lines().count(), 1 + 3 + w.spare_contacts_a1.len());

    let english = app.signed_in(&w.admin_a.email, world::PASSWORD).await;
    let text = english.get("/api/staff/exports/clients.csv").await.text().await.unwrap();
    assert!(text.trim_start_matches('\u{feff}').starts_with("name,status,"));
}

#[tokio::test]
async fn people_change_their_own_name() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let res = approver.send("PUT", "/api/auth/profile", Some(json!({ "name": "  Мария Ковалёва  " }))).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["name"], "Мария Ковалёва");
    let home: Value = approver.get("/api/portal/home").await.json().await.unwrap();
    assert_eq!(home["contact_name"], "Мария Ковалёва");
    assert_eq!(approver.send("PUT", "/api/auth/profile", Some(json!({ "name": "" }))).await.status(), 422);
}
