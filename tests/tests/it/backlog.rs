//! Roadmap and backlog through the API: the client's decisions with frozen estimates, change
//! requests, internal comments and ideas kept from the portal, versions, history, CSV, mail,
//! the two-agreed-items standard, and constant query counts on a 5,000-item backlog.

use accord_tests::{backend, smtp, spawn_app_with, world, Backend, Client};
use secrecy::SecretString;
use serde_json::{json, Value};

async fn body(res: reqwest::Response, want: u16) -> Value {
    let status = res.status().as_u16();
    let text = res.text().await.unwrap();
    assert_eq!(status, want, "{text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

fn backlog_path(w: &world::World) -> String {
    format!("/api/staff/clients/{}/projects/{}/backlog", w.client_a1.0, w.project_a1)
}

async fn create(c: &Client, w: &world::World, item: Value) -> Value {
    body(c.post(&backlog_path(w), item).await, 201).await
}

async fn below_standard(c: &Client, w: &world::World) -> bool {
    let list = body(c.get("/api/staff/backlog/below-standard").await, 200).await;
    list.as_array().unwrap().iter().any(|r| r["project_id"] == json!(w.project_a1))
}

#[tokio::test]
async fn approver_decides_in_the_portal_and_the_manager_sees_frozen_estimates() {
    let Some(mail) = smtp::start() else { return };
    let url = mail.url();
    let app = spawn_app_with(move |s| {
        s.smtp_url = Some(SecretString::from(url));
        s.mail_poll_ms = 100;
    })
    .await;
    let w = world::build(&app).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let viewer = app.signed_in(&w.viewer_a1.email, world::PASSWORD).await;
    assert!(below_standard(&manager, &w).await, "no agreed items yet: below the standard");

    let landing = create(
        &manager,
        &w,
        json!({ "title": "Новый лендинг", "priority": "high", "source": "analytics",
        "estimate_minutes": 750, "price": { "amount_minor": 9_000_000, "currency": "RUB" }, "propose": true,
        "benefit": "Больше заявок из рекламы" }),
    )
    .await;
    assert_eq!(landing["status"], "proposed");
    let cr = create(
        &manager,
        &w,
        json!({ "title": "Интеграция с CRM", "priority": "normal", "source": "client_request",
        "change_request": true, "price": { "amount_minor": 4_500_000, "currency": "RUB" }, "propose": true }),
    )
    .await;
    let banner = create(
        &manager,
        &w,
        json!({ "title": "Баннер к праздникам", "priority": "low",
        "source": "agency_idea", "estimate_minutes": 120, "propose": true }),
    )
    .await;
    // A change request needs a price.
    let res = manager
        .post(
            &backlog_path(&w),
            json!({ "title": "Free extra", "priority": "low", "source": "agency_idea", "change_request": true }),
        )
        .await;
    assert_eq!(body(res, 422).await["code"], "price_required");

    // Approvers get one mail per proposal, in the portal's language.
    let got = mail.wait_for(&w.approver_a1.email, 3).await;
    assert!(
        got.iter().any(|m| m.text.contains("Новый лендинг")),
        "{:?}",
        got.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );
    assert!(got[0].link("http").contains("/portal/backlog"));

    // The portal: proposed items await; the internal idea and internal notes never show.
    let portal = body(approver.get("/api/portal/backlog").await, 200).await;
    assert_eq!(portal["can_decide"], true);
    let titles: Vec<&str> =
        portal["awaiting"].as_array().unwrap().iter().map(|i| i["title"].as_str().unwrap()).collect();
    assert!(titles.contains(&"Новый лендинг") && titles.contains(&"Интеграция с CRM"), "{titles:?}");
    let text = portal.to_string();
    assert!(!text.contains(&w.secret_idea) && !text.contains(&w.internal_note));
    let idea = w.items_a1[0];
    assert_eq!(
        approver.get(&format!("/api/portal/backlog/{idea}")).await.status(),
        404,
        "ideas do not exist for the client"
    );

    // A viewer sees the item but cannot decide.
    let item_url = |i: &Value| format!("/api/portal/backlog/{}", i["id"].as_str().unwrap());
    let seen = body(viewer.get(&item_url(&landing)).await, 200).await;
    assert_eq!(seen["can_decide"], false);
    let res =
        viewer.post(&format!("{}/decision", item_url(&landing)), json!({ "decision": "approved", "version": 1 })).await;
    assert_eq!(res.status(), 403);

    // Approve two, decline one (a reason is required).
    let approved = body(
        approver
            .post(&format!("{}/decision", item_url(&landing)), json!({ "decision": "approved", "version": 1 }))
            .await,
        200,
    )
    .await;
    assert_eq!(approved["item"]["status"], "agreed");
    assert_eq!(approved["item"]["decision"]["estimate_minutes"], 750);
    body(
        approver.post(&format!("{}/decision", item_url(&cr)), json!({ "decision": "approved", "version": 1 })).await,
        200,
    )
    .await;
    let res = approver
        .post(&format!("{}/decision", item_url(&banner)), json!({ "decision": "declined", "version": 1 }))
        .await;
    assert_eq!(body(res, 422).await["code"], "reason_required");
    let declined = body(
        approver
            .post(
                &format!("{}/decision", item_url(&banner)),
                json!({ "decision": "declined", "version": 1, "comment": "Не в этом квартале" }),
            )
            .await,
        200,
    )
    .await;
    assert_eq!(declined["item"]["status"], "declined");
    // Deciding twice is refused.
    let res = approver
        .post(&format!("{}/decision", item_url(&banner)), json!({ "decision": "approved", "version": 2 }))
        .await;
    assert_eq!(body(res, 409).await["code"], "not_awaiting_decision");

    // The manager hears about each decision and sees who approved what, frozen.
    let got = mail.wait_for(&w.manager_a.email, 3).await;
    assert!(got.iter().any(|m| m.subject.contains("declined") && m.text.contains("Не в этом квартале")));
    let item = body(manager.get(&format!("{}/{}", backlog_path(&w), landing["id"].as_str().unwrap())).await, 200).await;
    assert_eq!(item["item"]["decision"]["kind"], "approved");
    assert_eq!(item["item"]["decision"]["by"]["name"], json!(w.approver_a1.name));
    assert_eq!(item["item"]["decision"]["price"]["amount_minor"], 9_000_000);
    assert!(item["history"].as_array().unwrap().iter().any(|e| e["kind"] == "approved" && e["side"] == "client"));
    assert!(!below_standard(&manager, &w).await, "two agreed items: the project meets the standard");
    let projects = body(manager.get(&format!("/api/staff/clients/{}/projects", w.client_a1.0)).await, 200).await;
    assert_eq!(projects[0]["agreed_not_started"], 2);
    assert_eq!(projects[0]["below_standard"], false);

    // Approved change requests per month, in the portal.
    let portal = body(approver.get("/api/portal/backlog").await, 200).await;
    let months = portal["change_requests_by_month"].as_array().unwrap();
    assert_eq!(months.len(), 1);
    assert_eq!(months[0]["total"]["amount_minor"], 4_500_000);
    assert_eq!(months[0]["count"], 1);

    // A new price on an agreed item sends it back to the client: "was X, now Y".
    let landing_id = landing["id"].as_str().unwrap();
    let edit = json!({ "version": 2, "title": "Новый лендинг", "priority": "high", "source": "analytics",
        "estimate_minutes": 900, "price": { "amount_minor": 10_800_000, "currency": "RUB" } });
    let back =
        body(manager.send("PUT", &format!("{}/{landing_id}", backlog_path(&w)), Some(edit.clone())).await, 200).await;
    assert_eq!(back["status"], "proposed");
    assert_eq!(back["previous"]["price"]["amount_minor"], 9_000_000);
    assert!(below_standard(&manager, &w).await, "one agreed item left");
    let seen = body(approver.get(&format!("/api/portal/backlog/{landing_id}")).await, 200).await;
    assert_eq!(seen["item"]["previous"]["estimate_minutes"], 750);
    assert_eq!(seen["item"]["estimate_minutes"], 900);
    // The same edit from the old copy is refused: no silent overwrite.
    let res = manager.send("PUT", &format!("{}/{landing_id}", backlog_path(&w)), Some(edit)).await;
    assert_eq!(body(res, 409).await["code"], "stale_version");
    // An approval of the version the approver saw before the change is refused too.
    let res = approver
        .post(&format!("/api/portal/backlog/{landing_id}/decision"), json!({ "decision": "approved", "version": 2 }))
        .await;
    assert_eq!(body(res, 409).await["code"], "stale_version");
}

#[tokio::test]
async fn status_machine_comments_history_and_order() {
    let app = spawn_app_with(|s| s.mail_poll_ms = 3_600_000).await;
    let w = world::build(&app).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let specialist = app.signed_in(&w.specialist_a.email, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let item = create(&manager, &w, json!({ "title": "SEO audit", "priority": "normal", "source": "analytics" })).await;
    assert_eq!(item["status"], "idea");
    let url = format!("{}/{}", backlog_path(&w), item["id"].as_str().unwrap());
    let status = |to: &str, version: i64| json!({ "to": to, "version": version });

    // The staff cannot approve for the client, nor jump ahead.
    let res = manager.post(&format!("{url}/status"), status("agreed", 1)).await;
    assert_eq!(body(res, 409).await["code"], "invalid_transition");
    let res = manager.post(&format!("{url}/status"), status("done", 1)).await;
    assert_eq!(body(res, 409).await["code"], "invalid_transition");
    let res = specialist.post(&format!("{url}/status"), status("proposed", 1)).await;
    assert_eq!(res.status(), 403, "a specialist does not propose to the client");
    body(manager.post(&format!("{url}/status"), status("proposed", 1)).await, 200).await;
    let res = manager.post(&format!("{url}/status"), status("agreed", 2)).await;
    assert_eq!(body(res, 409).await["code"], "invalid_transition");
    let portal_url = format!("/api/portal/backlog/{}", item["id"].as_str().unwrap());
    body(approver.post(&format!("{portal_url}/decision"), json!({ "decision": "approved", "version": 2 })).await, 200)
        .await;
    body(manager.post(&format!("{url}/status"), status("scheduled", 3)).await, 200).await;
    body(specialist.post(&format!("{url}/status"), status("in_progress", 4)).await, 200).await;
    // Started work keeps its estimate.
    let res = manager
        .send("PUT", &url, Some(json!({ "version": 5, "title": "SEO audit", "priority": "normal", "source": "analytics", "estimate_minutes": 60 })))
        .await;
    assert_eq!(body(res, 409).await["code"], "estimate_locked");
    body(specialist.post(&format!("{url}/status"), status("done", 5)).await, 200).await;

    // Comments: internal ones stay in the agency; the client's question is seen by both.
    body(manager.post(&format!("{url}/comments"), json!({ "body": "Маржа низкая", "internal": true })).await, 201)
        .await;
    body(
        manager.post(&format!("{url}/comments"), json!({ "body": "Отчёт пришлём в пятницу", "internal": false })).await,
        201,
    )
    .await;
    body(approver.post(&format!("{portal_url}/comments"), json!({ "body": "А что с мобильной версией?" })).await, 201)
        .await;
    let staff_view = body(manager.get(&url).await, 200).await;
    assert_eq!(staff_view["comments"].as_array().unwrap().len(), 3);
    let portal_view = body(approver.get(&portal_url).await, 200).await;
    let texts: Vec<&str> =
        portal_view["comments"].as_array().unwrap().iter().map(|c| c["body"].as_str().unwrap()).collect();
    assert_eq!(texts, ["Отчёт пришлём в пятницу", "А что с мобильной версией?"]);
    assert!(!portal_view.to_string().contains("Маржа"));
    assert_eq!(portal_view["item"]["comment_count"], 2);

    // History: every change, newest first, with the fields.
    let kinds: Vec<&str> =
        staff_view["history"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["status_changed", "status_changed", "status_changed", "approved", "status_changed", "created"]);
    assert_eq!(
        staff_view["history"][0]["changes"][0],
        json!({ "field": "status", "old": "in_progress", "new": "done" })
    );

    // Order: move the new item to the top.
    let first =
        create(&manager, &w, json!({ "title": "Top priority", "priority": "high", "source": "client_request" })).await;
    let moved = body(
        manager
            .post(
                &format!("{}/{}/move", backlog_path(&w), first["id"].as_str().unwrap()),
                json!({ "position": 1, "version": 1 }),
            )
            .await,
        200,
    )
    .await;
    assert_eq!(moved["rank"], 1);
    let list = body(manager.get(&format!("{}?per_page=100", backlog_path(&w))).await, 200).await;
    let ranks: Vec<i64> = list["items"].as_array().unwrap().iter().map(|i| i["rank"].as_i64().unwrap()).collect();
    assert_eq!(list["items"][0]["title"], "Top priority");
    assert_eq!(ranks, (1..=ranks.len() as i64).collect::<Vec<_>>(), "ranks stay dense");
    // Filters and search.
    let found = body(manager.get(&format!("{}?q=seo%20AUD&status=done", backlog_path(&w))).await, 200).await;
    assert_eq!(found["total"], 1);
    let bad = manager.get(&format!("{}?status=finished", backlog_path(&w))).await;
    assert_eq!(bad.status(), 400);
}

#[tokio::test]
async fn roadmap_renders_safe_html_and_tracks_goals_and_stages() {
    let app = spawn_app_with(|s| s.mail_poll_ms = 3_600_000).await;
    let w = world::build(&app).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let base = format!("/api/staff/clients/{}/roadmap", w.client_a1.0);
    let xss = "**Сейчас** 5 заявок <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))";
    let r = body(
        manager.send("PUT", &format!("{base}/points"), Some(json!({ "point_a": xss, "point_b": "# 50 заявок" }))).await,
        200,
    )
    .await;
    let html = r["point_a"]["html"].as_str().unwrap();
    assert!(html.contains("<strong>Сейчас</strong>"), "{html}");
    for bad in ["<script", "onerror", "javascript:"] {
        assert!(!html.contains(bad), "{bad} survived: {html}");
    }
    assert_eq!(r["point_b"]["html"], "<h1>50 заявок</h1>\n");
    // Two editors: saving over a version you did not see is refused, nothing changes.
    let points = format!("{base}/points");
    let stale = json!({ "point_a": "A", "point_b": "B", "seen": { "kind": "nothing" } });
    assert_eq!(body(manager.send("PUT", &points, Some(stale)).await, 409).await["code"], "stale_version");
    let seen = json!({ "kind": "saved_at", "at": r["updated_at"] });
    let again = json!({ "point_a": xss, "point_b": "# 50 заявок", "seen": seen });
    let r2 = body(manager.send("PUT", &points, Some(again.clone())).await, 200).await;
    assert_ne!(r2["updated_at"], r["updated_at"]);
    assert_eq!(body(manager.send("PUT", &points, Some(again)).await, 409).await["code"], "stale_version");

    let goal = body(
        manager
            .post(&format!("{base}/goals"), json!({ "name": "Заявки", "unit": "в месяц", "baseline": 5, "target": 50 }))
            .await,
        201,
    )
    .await;
    let goal_url = format!("{base}/goals/{}/values", goal["id"].as_str().unwrap());
    body(manager.post(&goal_url, json!({ "value": 14, "measured_on": "2026-10-01" })).await, 200).await;
    let g = body(manager.post(&goal_url, json!({ "value": 27.5, "measured_on": "2026-11-01" })).await, 200).await;
    assert_eq!(g["current"], 27.5);
    assert_eq!(g["progress_pct"], 50);
    assert_eq!(g["values"].as_array().unwrap().len(), 2);
    let res = manager.post(&goal_url, json!({ "value": 1, "measured_on": "2099-01-01" })).await;
    assert_eq!(res.status(), 422);

    let stage = body(
        manager
            .post(
                &format!("{base}/stages"),
                json!({ "title": "Запуск", "starts_on": "2026-11-01", "ends_on": "2026-12-31", "status": "active" }),
            )
            .await,
        201,
    )
    .await;
    let res = manager
        .post(
            &format!("{base}/stages"),
            json!({ "title": "Backwards", "starts_on": "2026-12-01", "ends_on": "2026-11-01", "status": "planned" }),
        )
        .await;
    assert_eq!(body(res, 422).await["field"], "ends_on");
    for (title, propose) in [("Linked idea", false), ("Linked proposal", true)] {
        create(&manager, &w, json!({ "title": title, "priority": "normal", "source": "analytics", "stage_id": stage["id"], "propose": propose }))
            .await;
    }
    let staff_view = body(manager.get(&base).await, 200).await;
    let s = staff_view["stages"].as_array().unwrap().iter().find(|s| s["id"] == stage["id"]).unwrap().clone();
    assert_eq!(s["items"].as_array().unwrap().len(), 2);
    assert_eq!(s["items_counted"], 1, "ideas do not count towards progress");
    assert_eq!(s["progress_pct"], 0);
    let portal = body(approver.get("/api/portal/roadmap").await, 200).await;
    let ps = portal["stages"].as_array().unwrap().iter().find(|s| s["id"] == stage["id"]).unwrap().clone();
    assert_eq!(ps["items"].as_array().unwrap().len(), 1, "the portal never lists ideas");
    assert!(!portal.to_string().contains("Linked idea"));
    assert!(portal["point_a"]["html"].as_str().unwrap().contains("<strong>"));
}

#[tokio::test]
async fn csv_import_is_all_or_nothing_and_export_round_trips() {
    let app = spawn_app_with(|s| s.mail_poll_ms = 3_600_000).await;
    let w = world::build(&app).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let csv_url = format!("{}.csv", backlog_path(&w));
    let count = |c: Value| c["total"].as_u64().unwrap();
    let before = count(body(manager.get(&backlog_path(&w)).await, 200).await);

    let bad = "title;estimate_hours;price;priority;change_request;status\n\
               Good row;1,5;;high;false;idea\n\
               ;2;;low;false;idea\n\
               Gift;3;;normal;true;proposed\n\
               Late;x;;urgent;false;done\n";
    let res = manager.post(&csv_url, json!({ "csv": bad })).await;
    let err = body(res, 422).await;
    assert_eq!(err["code"], "import_rejected");
    let rows: Vec<(u64, &str)> = err["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["row"].as_u64().unwrap(), r["field"].as_str().unwrap()))
        .collect();
    assert!(
        rows.contains(&(2, "title")) && rows.contains(&(3, "price")) && rows.contains(&(4, "estimate_hours")),
        "{rows:?}"
    );
    assert!(rows.contains(&(4, "priority")) && rows.contains(&(4, "status")), "{rows:?}");
    assert_eq!(count(body(manager.get(&backlog_path(&w)).await, 200).await), before, "nothing imported");

    let good =
        "\u{feff}title;description;benefit;estimate_hours;price;currency;priority;source;change_request;status\n\
                Аудит скорости;Проверить **LCP**;Быстрее сайт;4;12 000;RUB;high;analytics;false;idea\n\
                Доп. посадочная;;;8;30000,50;RUB;normal;client_request;да;proposed\n";
    let done = body(manager.post(&csv_url, json!({ "csv": good })).await, 200).await;
    assert_eq!(done["imported"], 2);
    let list = body(manager.get(&format!("{}?change_request=true", backlog_path(&w))).await, 200).await;
    assert_eq!(list["items"][0]["price"]["amount_minor"], 3_000_050);
    assert_eq!(list["items"][0]["status"], "proposed");

    let res = manager.get(&csv_url).await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let text = res.text().await.unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert!(
        text.contains("Аудит скорости,Проверить **LCP**,Быстрее сайт,4,12000.00,RUB,high,analytics,false,idea"),
        "{text}"
    );
    // The export imports back as it is.
    let again = body(
        manager.post(&csv_url, json!({ "csv": text.replace(",proposed", ",idea").replace(",agreed", ",idea") })).await,
        200,
    )
    .await;
    assert!(again["imported"].as_u64().unwrap() >= 2);
}

/// The documented maximum, 5,000 rows with descriptions (about 2 MB), imports; a body over
/// 10 MB answers 413 `too_large` and writes nothing.
#[tokio::test]
async fn a_csv_import_of_5000_rows_with_descriptions_fits_and_a_bigger_body_is_a_413() {
    let app = spawn_app_with(|s| s.mail_poll_ms = 3_600_000).await;
    let w = world::build(&app).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let csv_url = format!("{}.csv", backlog_path(&w));
    let description = "Подробное описание задачи: что сделаем, зачем и как проверим результат. ".repeat(3);
    let mut csv = String::from("title;description;benefit;estimate_hours;priority;status\n");
    for i in 0..5_000 {
        csv.push_str(&format!("Задача {i};{description};Больше заявок;2,5;normal;idea\n"));
    }
    assert!(csv.len() > 1_500_000, "a realistic file: {} bytes", csv.len());
    let before = body(manager.get(&backlog_path(&w)).await, 200).await["total"].as_u64().unwrap();
    let done = body(manager.post(&csv_url, json!({ "csv": csv })).await, 200).await;
    assert_eq!(done["imported"], 5_000);

    let huge = "x".repeat(10 * 1024 * 1024 + 1);
    let err = body(manager.post(&csv_url, json!({ "csv": huge })).await, 413).await;
    assert_eq!(err["code"], "too_large", "{err}");
    let after = body(manager.get(&backlog_path(&w)).await, 200).await["total"].as_u64().unwrap();
    assert_eq!(after, before + 5_000);
    // Ordinary endpoints keep their 256 KB limit.
    let err = body(manager.post(&backlog_path(&w), json!({ "title": "x".repeat(300 * 1024) })).await, 413).await;
    assert_eq!(err["code"], "too_large");
}

/// Statements behind `GET /api/portal/home` when no survey is pending: the session and the page
/// (PostgreSQL adds the statement that sets the transaction's tenant for row-level security).
fn home_queries() -> u64 {
    2 + u64::from(backend() == Backend::Postgres)
}

#[tokio::test]
async fn backlog_of_5000_items_answers_in_a_constant_number_of_queries() {
    // The statements that build the pages, so no page is kept (a kept page is answered by one
    // statement, the revision: `kept_backlog_pages_follow_every_write_on_every_instance`).
    let app = spawn_app_with(|s| {
        s.mail_poll_ms = 3_600_000;
        s.read_cache_mb = 0;
    })
    .await;
    let w = world::build(&app).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let pages = [
        format!("{}?per_page=100", backlog_path(&w)),
        format!("{}?per_page=50&change_request=false", backlog_path(&w)),
        format!("/api/staff/clients/{}/projects", w.client_a1.0),
        "/api/staff/backlog/below-standard".to_string(),
    ];
    // The same kinds of rows before and after (an author to look up), only more of them.
    create(&manager, &w, json!({ "title": "First", "priority": "normal", "source": "analytics" })).await;
    let mut small = Vec::new();
    for p in &pages {
        small.push(app.queries_for(&manager, p).await);
    }
    let portal_small = app.queries_for(&approver, "/api/portal/backlog").await;
    let home_small = app.queries_for(&approver, "/api/portal/home").await;
    // A section with no items skips its page query.
    let empty_sections = |b: &serde_json::Value| {
        ["awaiting_total", "planned_total", "done_total", "declined_total"].iter().filter(|k| b[**k] == 0).count()
            as u64
    };
    let empty_small = empty_sections(&body(approver.get("/api/portal/backlog").await, 200).await);
    world::add_backlog_items(&app, &w, 5_000).await;
    for (p, before) in pages.iter().zip(small) {
        let after = app.queries_for(&manager, p).await;
        eprintln!("{p}: {before} → {after} queries (7 → 5,007 items)");
        assert_eq!(before, after, "{p} runs more queries for more items");
    }
    let portal_large = app.queries_for(&approver, "/api/portal/backlog").await;
    // The portal home: the session, then one statement for the client, every figure on the page
    // and the projects (no survey is pending here), however many items.
    let home_large = app.queries_for(&approver, "/api/portal/home").await;
    eprintln!("/api/portal/home: {home_small} → {home_large} queries (7 → 5,007 items)");
    assert_eq!((home_small, home_large), (home_queries(), home_queries()));
    eprintln!("/api/portal/backlog: {portal_small} → {portal_large} queries (7 → 5,007 items)");
    let empty_large = empty_sections(&body(approver.get("/api/portal/backlog").await, 200).await);
    // The same statements but one page query per section that was empty and no longer is.
    assert_eq!(portal_large, portal_small + empty_small - empty_large, "{empty_small} → {empty_large} empty sections");
    let page = body(manager.get(&pages[0]).await, 200).await;
    assert_eq!(page["total"], 5_007);
    assert_eq!(page["items"].as_array().unwrap().len(), 100);
}

#[tokio::test]
async fn the_portal_backlog_shows_each_section_page_by_page() {
    const SHOWN: usize = accord_api::backlog::PORTAL_SECTION_SHOWN as usize;
    let app = spawn_app_with(|_| {}).await;
    let w = world::build(&app).await;
    world::add_backlog_items(&app, &w, 1_000).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let portal = body(approver.get("/api/portal/backlog").await, 200).await;
    let ids = |items: &Value| -> Vec<String> {
        items.as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap().to_owned()).collect()
    };
    for (section, total_key) in [("awaiting", "awaiting_total"), ("planned", "planned_total"), ("done", "done_total")] {
        let total = portal[total_key].as_u64().unwrap() as usize;
        assert!(total > 200, "{section}: {total}");
        let first = ids(&portal[section]);
        assert_eq!(first.len(), SHOWN, "{section}: the backlog carries the first {SHOWN}");
        // The rest, page by page, in the same order and without repeats.
        let mut all = Vec::new();
        for page in 1.. {
            let res = body(
                approver.get(&format!("/api/portal/backlog/sections/{section}?page={page}&per_page=100")).await,
                200,
            )
            .await;
            assert_eq!(res["total"].as_u64().unwrap() as usize, total);
            let items = ids(&res["items"]);
            if items.is_empty() {
                break;
            }
            for item in res["items"].as_array().unwrap() {
                assert_ne!(item["status"], "idea", "ideas never reach the portal");
            }
            all.extend(items);
        }
        assert_eq!(all.len(), total, "{section}");
        assert_eq!(all[..SHOWN], first[..], "{section}: the first items are what the backlog showed");
        let unique: std::collections::HashSet<_> = all.iter().collect();
        assert_eq!(unique.len(), total, "{section}: no item twice");
    }
    assert_eq!(approver.get("/api/portal/backlog/sections/ideas").await.status(), 404);
    assert_eq!(approver.get("/api/portal/backlog/sections/done?page=0").await.status(), 200);
    // Staff have no portal.
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    assert_eq!(manager.get("/api/portal/backlog/sections/done").await.status(), 403);
}

/// Every (project, status) tally equals the items counted there (zero rows left behind by moves
/// and deletions count as absent).
async fn tallies_match_items(app: &accord_tests::TestApp, when: &str) {
    use accord_entity::{backlog_items, backlog_tallies};
    use sea_orm::sea_query::{Asterisk, Expr};
    use sea_orm::{ConnectionTrait, EntityTrait, QuerySelect, Statement};
    use std::collections::BTreeMap;
    let tx = app.db.unscoped("test compares tallies").await.unwrap();
    let counted: BTreeMap<(accord_api::ProjectId, String), i64> = backlog_items::Entity::find()
        .select_only()
        .column(backlog_items::Column::ProjectId)
        .column(backlog_items::Column::Status)
        .column_as(Expr::col(Asterisk).count(), "n")
        .group_by(backlog_items::Column::ProjectId)
        .group_by(backlog_items::Column::Status)
        .into_tuple::<(accord_api::ProjectId, String, i64)>()
        .all(tx.conn())
        .await
        .unwrap()
        .into_iter()
        .map(|(p, s, n)| ((p, s), n))
        .collect();
    let kept: BTreeMap<(accord_api::ProjectId, String), i64> = backlog_tallies::Entity::find()
        .all(tx.conn())
        .await
        .unwrap()
        .into_iter()
        .filter(|t| t.n != 0)
        .map(|t| ((t.project_id, t.status.as_str().to_string()), i64::from(t.n)))
        .collect();
    // Each project's agreed-not-started count (`projects.agreed_waiting`, kept from the tallies
    // by the database), every project, those without items too.
    let backend = tx.conn().get_database_backend();
    let waiting: BTreeMap<String, i64> = tx
        .conn()
        .query_all(Statement::from_string(backend, "SELECT id, agreed_waiting FROM projects"))
        .await
        .unwrap()
        .into_iter()
        .map(|row| {
            let id: accord_api::ProjectId = row.try_get("", "id").unwrap();
            let n: i32 = row.try_get("", "agreed_waiting").unwrap();
            (id.to_string(), i64::from(n))
        })
        .collect();
    tx.commit().await.unwrap();
    assert!(!counted.is_empty(), "{when}: there are items to count");
    assert_eq!(kept, counted, "{when}: the tallies are the items' counts");
    let agreed = |project: &str| -> i64 {
        counted
            .iter()
            .filter(|((p, s), _)| {
                p.to_string() == project
                    && accord_api::BacklogStatus::ALL.iter().any(|x| x.as_str() == s && x.is_agreed_not_started())
            })
            .map(|(_, n)| n)
            .sum()
    };
    for (project, n) in &waiting {
        assert_eq!(*n, agreed(project), "{when}: project {project}'s kept agreed-not-started count");
    }
}

/// The agreed-not-started counts the projects list and the below-standard list show (summed
/// from the tallies) against the agreed and scheduled items counted one by one.
async fn agreed_counts_match_items(app: &accord_tests::TestApp, manager: &Client, w: &world::World) {
    use accord_entity::backlog_items;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let tx = app.db.unscoped("test counts agreed items").await.unwrap();
    let items = backlog_items::Entity::find()
        .filter(backlog_items::Column::ClientId.eq(w.client_a1.0))
        .all(tx.conn())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let agreed = |project: &str| {
        items.iter().filter(|i| i.project_id.to_string() == project && i.status.is_agreed_not_started()).count()
    };
    let projects = body(manager.get(&format!("/api/staff/clients/{}/projects", w.client_a1.0)).await, 200).await;
    let projects = projects.as_array().unwrap();
    assert!(projects.len() >= 2, "both projects listed");
    assert!(projects.iter().any(|p| agreed(p["id"].as_str().unwrap()) >= 2), "a project with several agreed items");
    let below = body(manager.get("/api/staff/backlog/below-standard").await, 200).await;
    for p in projects {
        let id = p["id"].as_str().unwrap();
        let n = agreed(id);
        assert_eq!(p["agreed_not_started"], n, "project {id}");
        let listed = below.as_array().unwrap().iter().find(|b| b["project_id"] == id);
        match listed {
            Some(b) => assert_eq!(b["agreed_not_started"], n, "below-standard row of {id}"),
            None => assert!(n >= 2 || p["status"] != "active", "project {id} with {n} agreed items is listed"),
        }
    }
}

#[tokio::test]
async fn page_totals_and_portal_sections_follow_every_write() {
    use accord_entity::{backlog_items, projects};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
    let app = spawn_app_with(|s| s.mail_poll_ms = 3_600_000).await;
    let w = world::build(&app).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    tallies_match_items(&app, "the demo world").await;

    // Through the API: new items, proposals, the client's approval and decline.
    let mut ids = Vec::new();
    for i in 0..6 {
        let item = create(&manager, &w, json!({ "title": format!("Задача {i}"), "priority": "normal", "source": "analytics", "propose": i % 2 == 0 })).await;
        ids.push(item["id"].as_str().unwrap().to_string());
    }
    let decide = |id: &str, decision: &str, comment: Option<&str>| {
        (
            format!("/api/portal/backlog/{id}/decision"),
            json!({ "decision": decision, "version": 1, "comment": comment }),
        )
    };
    let (url, body_) = decide(&ids[0], "approved", None);
    body(approver.post(&url, body_).await, 200).await;
    let (url, body_) = decide(&ids[2], "declined", Some("Не сейчас"));
    body(approver.post(&url, body_).await, 200).await;
    let item_url = format!("{}/{}", backlog_path(&w), ids[1]);
    body(manager.post(&format!("{item_url}/status"), json!({ "to": "proposed", "version": 1 })).await, 200).await;
    // Saving the project (every column of the row it read) leaves its kept count alone.
    let projects_url = format!("/api/staff/clients/{}/projects", w.client_a1.0);
    let listed = body(manager.get(&projects_url).await, 200).await;
    let mut project =
        listed.as_array().unwrap().iter().find(|p| p["id"] == w.project_a1.0.to_string()).unwrap().clone();
    project["name"] = json!("Сайт, второй этап");
    project["team"] = json!(project["team"].as_array().unwrap().iter().map(|m| m["id"].clone()).collect::<Vec<_>>());
    let saved = manager.send("PUT", &format!("{projects_url}/{}", w.project_a1.0), Some(project)).await;
    assert_eq!(saved.status(), 200);
    tallies_match_items(&app, "after the API's writes").await;

    // The totals the pages show: the whole project, one status, and a filter the tallies do not
    // answer (counted), against the items themselves.
    let all = body(manager.get(&format!("{}?per_page=100", backlog_path(&w))).await, 200).await;
    let items = all["items"].as_array().unwrap();
    assert_eq!(all["total"], items.len());
    for status in ["idea", "proposed", "agreed", "declined", "done"] {
        let n = items.iter().filter(|i| i["status"] == status).count();
        let page = body(manager.get(&format!("{}?status={status}", backlog_path(&w))).await, 200).await;
        assert_eq!(page["total"], n, "{status}");
    }
    let high = body(manager.get(&format!("{}?priority=normal&status=idea", backlog_path(&w))).await, 200).await;
    let n = items.iter().filter(|i| i["status"] == "idea" && i["priority"] == "normal").count();
    assert_eq!(high["total"], n);
    let portal = body(approver.get("/api/portal/backlog").await, 200).await;
    let count = |statuses: &[&str]| items.iter().filter(|i| statuses.contains(&i["status"].as_str().unwrap())).count();
    assert_eq!(portal["awaiting_total"], count(&["proposed"]));
    assert_eq!(portal["planned_total"], count(&["agreed", "scheduled", "in_progress"]));
    assert_eq!(portal["declined_total"], count(&["declined"]));
    assert_eq!(portal["done_total"], count(&["done"]));

    // Whatever else writes: a bulk insert, a status changed in place, items moved to another
    // project, deleted items, and a deleted project (its items go by cascade).
    world::add_backlog_items(&app, &w, 40).await;
    let tx = app.db.unscoped("test rewrites backlog").await.unwrap();
    let project = projects::Entity::find_by_id(w.project_a1).one(tx.conn()).await.unwrap().unwrap();
    let other = projects::ActiveModel {
        id: Set(accord_api::ProjectId::new()),
        name: Set("Второй проект".into()),
        created_at: Set(chrono::Utc::now()),
        updated_at: Set(chrono::Utc::now()),
        ..projects::ActiveModel::from(project.clone())
    };
    let other = projects::Entity::insert(other).exec_with_returning(tx.conn()).await.unwrap();
    let bulk = backlog_items::Column::Title.starts_with("Bulk 0000");
    backlog_items::Entity::update_many()
        .col_expr(backlog_items::Column::Status, sea_orm::sea_query::Expr::value("done"))
        .filter(bulk.clone())
        .exec(tx.conn())
        .await
        .unwrap();
    backlog_items::Entity::update_many()
        .col_expr(backlog_items::Column::ProjectId, sea_orm::sea_query::Expr::value(other.id))
        .filter(backlog_items::Column::Title.starts_with("Bulk 0001"))
        .exec(tx.conn())
        .await
        .unwrap();
    // Unchanged status and project: nothing moves.
    backlog_items::Entity::update_many()
        .col_expr(backlog_items::Column::Status, sea_orm::sea_query::Expr::col(backlog_items::Column::Status).into())
        .filter(backlog_items::Column::Title.starts_with("Bulk 0002"))
        .exec(tx.conn())
        .await
        .unwrap();
    backlog_items::Entity::delete_many()
        .filter(backlog_items::Column::Title.starts_with("Bulk 0003"))
        .exec(tx.conn())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    tallies_match_items(&app, "after bulk writes, moves and deletions").await;
    let moved =
        body(manager.get(&format!("/api/staff/clients/{}/projects/{}/backlog", w.client_a1.0, other.id)).await, 200)
            .await;
    assert_eq!(moved["total"], 10, "the ten moved items are the other project's");
    agreed_counts_match_items(&app, &manager, &w).await;

    let tx = app.db.unscoped("test deletes a project").await.unwrap();
    projects::Entity::delete_by_id(other.id).exec(tx.conn()).await.unwrap();
    tx.commit().await.unwrap();
    tallies_match_items(&app, "after a project's deletion").await;
}

/// The backlog pages decode items by column position (`backlog_items::from_row`) instead of by
/// name: the same models, for an item with every optional column filled and for items with them
/// empty.
#[tokio::test]
async fn items_read_by_position_are_the_items_read_by_name() {
    use accord_entity::{backlog_items, contacts};
    use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryTrait, Set};
    use std::collections::BTreeMap;
    let app = spawn_app_with(|s| s.mail_poll_ms = 3_600_000).await;
    let w = world::build(&app).await;
    let tx = app.db.unscoped("test fills every column of an item").await.unwrap();
    let contact = contacts::Entity::find()
        .filter(contacts::Column::ClientId.eq(w.client_a1.0))
        .one(tx.conn())
        .await
        .unwrap()
        .expect("a contact of A1");
    let item = backlog_items::Entity::find_by_id(w.proposed_a1).one(tx.conn()).await.unwrap().expect("the proposal");
    let at = chrono::Utc::now();
    let mut full = item.into_active_model();
    full.estimate_minutes = Set(Some(90));
    full.price_minor = Set(Some(150_000));
    full.stage_id = Set(Some(w.stages_a1[0]));
    full.decision_kind = Set(Some(accord_api::DecisionKind::Approved));
    full.decided_by = Set(Some(contact.id));
    full.decided_at = Set(Some(at));
    full.decision_comment = Set(Some("Согласовано \"как есть\"".into()));
    full.frozen_estimate_minutes = Set(Some(60));
    full.frozen_price_minor = Set(Some(100_000));
    full.has_previous = Set(true);
    full.previous_estimate_minutes = Set(Some(45));
    full.previous_price_minor = Set(Some(90_000));
    full.done_at = Set(Some(at));
    backlog_items::Entity::update(full).exec(tx.conn()).await.unwrap();

    let statement = backlog_items::Entity::find().build(tx.conn().get_database_backend());
    let rows = tx.conn().query_all(statement).await.unwrap();
    let by_position: BTreeMap<String, backlog_items::Model> = rows
        .iter()
        .map(|r| backlog_items::from_row(r).map(|m| (m.id.to_string(), m)))
        .collect::<Result<_, _>>()
        .unwrap();
    let by_name: BTreeMap<String, backlog_items::Model> = backlog_items::Entity::find()
        .all(tx.conn())
        .await
        .unwrap()
        .into_iter()
        .map(|m| (m.id.to_string(), m))
        .collect();
    tx.commit().await.unwrap();
    assert!(by_name.len() > 1, "the world's items and the filled one");
    assert!(by_name
        .values()
        .any(|m| m.decided_by.is_some() && m.previous_price_minor.is_some() && m.done_at.is_some()));
    assert!(by_name.values().any(|m| m.decided_by.is_none() && m.stage_id.is_none() && m.done_at.is_none()));
    assert_eq!(by_position, by_name);
}

/// The staff backlog page reads in one statement with the caller's access check inside it
/// (`access::open_read_single`); finding no rows, it asks again the long way. Every role sees
/// what the long way shows it: the same pages and totals, 404 for a client or project it may not
/// see, an empty page with the total past the end, and an empty project.
#[tokio::test]
async fn the_one_statement_backlog_page_answers_every_role_as_the_access_rules_say() {
    let app = spawn_app_with(|s| s.mail_poll_ms = 3_600_000).await;
    let mut w = world::build(&app).await;
    world::add_insiders(&app, &mut w, 0).await;
    let insiders = w.insiders.clone().unwrap();
    let sign_in = |email: String| {
        let app = &app;
        async move { app.signed_in(&email, world::PASSWORD).await }
    };
    let owner = sign_in(w.a.owner.email.clone()).await;
    let admin = sign_in(w.admin_a.email.clone()).await;
    let manager = sign_in(w.manager_a.email.clone()).await;
    let specialist = sign_in(w.specialist_a.email.clone()).await;
    let other_manager = sign_in(insiders.other_manager_a.email.clone()).await;
    let other_specialist = sign_in(insiders.other_specialist_a.email.clone()).await;
    let outsider = sign_in(w.b.owner.email.clone()).await;
    for i in 0..7 {
        let propose = i % 3 == 0;
        create(&manager, &w, json!({ "title": format!("Пункт {i}"), "priority": if i % 2 == 0 { "high" } else { "normal" }, "source": "analytics", "propose": propose })).await;
    }
    let path = backlog_path(&w);
    let page = |c: &Client, query: &str| {
        let url = format!("{path}{query}");
        let c = c.clone();
        async move {
            let res = c.get(&url).await;
            let status = res.status().as_u16();
            (status, res.json::<Value>().await.unwrap_or(Value::Null))
        }
    };
    let queries = [
        "",
        "?per_page=3",
        "?per_page=3&page=2",
        "?status=proposed",
        "?priority=high",
        "?priority=high&status=idea",
        "?q=%D0%BF%D1%83%D0%BD%D0%BA%D1%82",
        "?page=40",
        "?status=done",
    ];
    let (status, all) = page(&owner, "").await;
    assert_eq!(status, 200);
    let items = all["items"].as_array().unwrap().clone();
    assert!(items.len() >= 7);
    assert_eq!(all["total"], items.len());
    // Figures worked out from the whole list, then every role that may read A1 gets them.
    for query in queries {
        let (_, want) = page(&owner, query).await;
        let expect_total = match query {
            "?status=proposed" => items.iter().filter(|i| i["status"] == "proposed").count(),
            "?priority=high" => items.iter().filter(|i| i["priority"] == "high").count(),
            "?priority=high&status=idea" => {
                items.iter().filter(|i| i["priority"] == "high" && i["status"] == "idea").count()
            }
            "?q=%D0%BF%D1%83%D0%BD%D0%BA%D1%82" => {
                items.iter().filter(|i| i["title"].as_str().unwrap().starts_with("Пункт")).count()
            }
            "?status=done" => 0,
            _ => items.len(),
        };
        assert_eq!(want["total"], expect_total, "{query}");
        let shown = want["items"].as_array().unwrap().len();
        match query {
            "?page=40" | "?status=done" => assert_eq!(shown, 0, "{query}"),
            "?per_page=3" | "?per_page=3&page=2" => assert_eq!(shown, 3, "{query}"),
            _ => assert_eq!(shown, expect_total, "{query}"),
        }
        for (who, c) in [("admin", &admin), ("manager", &manager), ("specialist", &specialist)] {
            assert_eq!(page(c, query).await, (200, want.clone()), "{who} {query}");
        }
        for (who, c) in
            [("other manager", &other_manager), ("other specialist", &other_specialist), ("agency B", &outsider)]
        {
            let (status, body) = page(c, query).await;
            assert_eq!(status, 404, "{who} {query}: {body}");
            assert_eq!(body["code"], "not_found", "{who} {query}");
        }
    }
    // The agency lets managers read every client: the other manager now sees A1's page.
    let settings = owner.send("PUT", "/api/staff/agency/settings", Some(json!({ "managers_see_all": true }))).await;
    assert_eq!(settings.status(), 200);
    assert_eq!(page(&other_manager, "").await, (200, all.clone()));
    let settings = owner.send("PUT", "/api/staff/agency/settings", Some(json!({ "managers_see_all": false }))).await;
    assert_eq!(settings.status(), 200);
    assert_eq!(page(&other_manager, "").await.0, 404);

    // An empty project: an empty page with a total of 0. A project of another client: 404.
    let base = format!("/api/staff/clients/{}", w.client_a1.0);
    let empty = body(
        manager
            .post(&format!("{base}/projects"), json!({ "name": "Пустой", "kind": "seo", "status": "planned" }))
            .await,
        201,
    )
    .await;
    let empty_page =
        body(manager.get(&format!("{base}/projects/{}/backlog", empty["id"].as_str().unwrap())).await, 200).await;
    assert_eq!((empty_page["total"].clone(), empty_page["items"].clone()), (json!(0), json!([])));
    let a2_project = body(
        owner
            .post(
                &format!("/api/staff/clients/{}/projects", w.client_a2.0),
                json!({ "name": "Чужой", "kind": "seo", "status": "planned" }),
            )
            .await,
        201,
    )
    .await;
    let crossed = manager.get(&format!("{base}/projects/{}/backlog", a2_project["id"].as_str().unwrap())).await;
    assert_eq!(crossed.status(), 404, "A2's project under A1's address");
    let unknown = manager.get(&format!("{base}/projects/{}/backlog", accord_api::ProjectId::new())).await;
    assert_eq!(unknown.status(), 404);

    // A page with rows costs the session and one statement (and the scope's on PostgreSQL),
    // whichever role reads it: as many as the portal home.
    for c in [&owner, &manager, &specialist] {
        assert_eq!(app.queries_for(c, &path).await, home_queries());
        assert_eq!(app.queries_for(c, &format!("{path}?status=idea&q=%D0%BF")).await, home_queries());
    }
}

/// Every open page of one person on three instances of one database: two keep built pages
/// (`ACCORD_READ_CACHE_MB`), one does not. Each page must read the same on all three.
struct Instances {
    people: Vec<(&'static str, Client, Client, Client)>,
    paths: Vec<String>,
}

impl Instances {
    /// The staff pages (as the manager), the portal backlog (as the approver and the viewer)
    /// and a page of its awaiting section on each instance, checked equal to the instance that
    /// keeps nothing.
    async fn pages(&self, after: &str) -> Vec<Value> {
        let mut all = Vec::new();
        for (instance, manager, approver, viewer) in &self.people {
            let mut pages = Vec::new();
            for path in &self.paths {
                pages.push(body(manager.get(path).await, 200).await);
            }
            pages.push(body(approver.get("/api/portal/backlog").await, 200).await);
            pages.push(body(viewer.get("/api/portal/backlog").await, 200).await);
            pages.push(body(viewer.get("/api/portal/backlog/sections/awaiting?per_page=2").await, 200).await);
            // As a browser asks: gzip-encoded, the same page.
            assert_eq!(gzipped(manager, &self.paths[0]).await, pages[0], "{instance}, gzip");
            assert_eq!(gzipped(approver, "/api/portal/backlog").await, pages[self.paths.len()], "{instance}, gzip");
            all.push((instance, pages));
        }
        let (_, truth) = all.pop().expect("the instance without a cache");
        for (instance, pages) in all {
            for (n, (page, want)) in pages.iter().zip(&truth).enumerate() {
                assert_eq!(page, want, "page {n} on {instance} after {after}");
            }
        }
        truth
    }
}

/// `GET path` with `Accept-Encoding: gzip`, decoded: gzip-encoded unless the answer is under
/// the 1 KB the server compresses from.
async fn gzipped(c: &Client, path: &str) -> Value {
    use std::io::Read;
    let res = c.http.get(c.url(path)).header("accept-encoding", "gzip").send().await.expect("request");
    assert_eq!(res.status(), 200);
    let encoding = res.headers().get("content-encoding").map(|v| v.to_str().unwrap().to_owned());
    let bytes = res.bytes().await.unwrap();
    let mut json = Vec::new();
    if encoding.as_deref() == Some("gzip") {
        flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut json).expect("one gzip stream");
    } else {
        assert_eq!(encoding, None, "{path}");
        assert!(bytes.len() < 1024, "{path}: {} bytes not compressed", bytes.len());
        json = bytes.to_vec();
    }
    serde_json::from_slice(&json).expect("JSON")
}

/// Built backlog pages are kept in memory while the client's revision (raised by triggers on
/// every table the pages read) holds: after each kind of write — through this instance,
/// another instance or straight into the database — the kept pages of both caching instances
/// read as the pages built afresh by an instance without a cache, and each write did change
/// what the pages show.
#[tokio::test]
async fn kept_backlog_pages_follow_every_write_on_every_instance() {
    use accord_entity::{backlog_items, contacts, projects, roadmap_stages};
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let app = spawn_app_with(|s| s.mail_poll_ms = 3_600_000).await;
    let w = world::build(&app).await;
    let beside = |cache_mb: u64| {
        let s = app.settings.clone();
        move |t: &mut accord_server::config::Settings| {
            t.database_url = s.database_url;
            t.migration_database_url = s.migration_database_url;
            t.data_dir = s.data_dir;
            t.mail_poll_ms = 3_600_000;
            t.read_cache_mb = cache_mb;
        }
    };
    let other = spawn_app_with(beside(32)).await;
    let fresh = spawn_app_with(beside(0)).await;
    let mut people = Vec::new();
    for (instance, a) in [("this instance", &app), ("another instance", &other), ("no cache", &fresh)] {
        people.push((
            instance,
            a.signed_in(&w.manager_a.email, world::PASSWORD).await,
            a.signed_in(&w.approver_a1.email, world::PASSWORD).await,
            a.signed_in(&w.viewer_a1.email, world::PASSWORD).await,
        ));
    }
    let list = backlog_path(&w);
    let paths = vec![list.clone(), format!("{list}?status=proposed"), format!("{list}?per_page=2&page=2")];
    let all = Instances { people, paths };
    let mut last = all.pages("nothing").await;
    assert!(app.state.reads.size().0 > 0 && other.state.reads.size().0 > 0, "pages are kept");
    assert_eq!(fresh.state.reads.size().0, 0, "a budget of 0 keeps nothing");
    let mut changed = |now: Vec<Value>, what: &str| {
        assert_ne!(now, last, "{what} changes what the pages show");
        last = now;
    };
    let (manager, other_manager) = (&all.people[0].1, &all.people[1].1);
    let other_approver = &all.people[1].2;

    // Through the API of this instance and the other one.
    let item = create(manager, &w, json!({ "title": "Кэш", "priority": "normal", "source": "analytics" })).await;
    let id = item["id"].as_str().unwrap().to_string();
    changed(all.pages("an item added").await, "an item added");
    let item_url = format!("{list}/{id}");
    let proposed = body(
        other_manager
            .post(&format!("{item_url}/status"), json!({ "to": "proposed", "version": item["version"] }))
            .await,
        200,
    )
    .await;
    changed(all.pages("a proposal on another instance").await, "a proposal");
    body(manager.post(&format!("{item_url}/comments"), json!({ "body": "Видно клиенту" })).await, 201).await;
    changed(all.pages("a comment").await, "a comment");
    body(manager.post(&format!("{item_url}/comments"), json!({ "body": "Между нами", "internal": true })).await, 201)
        .await;
    changed(all.pages("an internal comment").await, "an internal comment");
    let decision = json!({ "decision": "approved", "version": proposed["version"] });
    body(other_approver.post(&format!("/api/portal/backlog/{id}/decision"), decision).await, 200).await;
    let now = all.pages("the client's approval").await;
    let decider = now[0]["items"].as_array().unwrap().iter().find(|i| i["id"] == json!(id)).unwrap()["decision"]["by"]
        ["id"]
        .as_str()
        .unwrap()
        .parse::<accord_api::ContactId>()
        .unwrap();
    changed(now, "the client's approval");
    body(
        other_manager.send("PUT", "/api/auth/profile", Some(json!({ "name": "Менеджер Переименованный" }))).await,
        200,
    )
    .await;
    changed(all.pages("the manager's new name").await, "the author's new name");

    // Straight into the database, as imports, seeders and other tools write.
    let item_id: accord_api::BacklogItemId = id.parse().unwrap();
    let write = |what: &'static str| app.db.unscoped(what);
    let tx = write("test sets a stage").await.unwrap();
    backlog_items::Entity::update_many()
        .col_expr(backlog_items::Column::StageId, Expr::value(w.stages_a1[0]))
        .filter(backlog_items::Column::Id.eq(item_id))
        .exec(tx.conn())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    changed(all.pages("a stage set").await, "a stage set");
    let tx = write("test renames").await.unwrap();
    roadmap_stages::Entity::update_many()
        .col_expr(roadmap_stages::Column::Title, Expr::value("Этап переименован"))
        .filter(roadmap_stages::Column::Id.eq(w.stages_a1[0]))
        .exec(tx.conn())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    changed(all.pages("a stage renamed").await, "a stage renamed");
    let tx = write("test renames").await.unwrap();
    contacts::Entity::update_many()
        .col_expr(contacts::Column::Name, Expr::value("Согласующий переименован"))
        .filter(contacts::Column::Id.eq(decider))
        .exec(tx.conn())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    changed(all.pages("the decider renamed").await, "the decider renamed");
    // A contact's own new name reaches their client's pages through `contacts`.
    body(other_approver.send("PUT", "/api/auth/profile", Some(json!({ "name": "Согласующий сам" }))).await, 200).await;
    changed(all.pages("the decider's own new name").await, "the decider's own new name");
    let tx = write("test renames").await.unwrap();
    projects::Entity::update_many()
        .col_expr(projects::Column::Name, Expr::value("Проект переименован"))
        .filter(projects::Column::Id.eq(w.project_a1))
        .exec(tx.conn())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    changed(all.pages("the project renamed").await, "the project renamed");
    let tx = write("test deletes").await.unwrap();
    backlog_items::Entity::delete_by_id(item_id).exec(tx.conn()).await.unwrap();
    tx.commit().await.unwrap();
    changed(all.pages("the item deleted").await, "the item deleted");
}

/// The below-standard list reads the projects below the line by their kept count; which
/// clients' projects it keeps is still the caller's access and the client's being current: a
/// colleague without access to A1 sees none of A1's projects, an archived client's project
/// leaves the list and comes back when the client does, and meeting the standard takes a
/// project off it.
#[tokio::test]
async fn below_standard_keeps_to_current_clients_the_caller_sees() {
    let app = spawn_app_with(|s| s.mail_poll_ms = 3_600_000).await;
    let mut w = world::build(&app).await;
    world::add_insiders(&app, &mut w, 0).await;
    let insiders = w.insiders.clone().unwrap();
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let other_manager = app.signed_in(&insiders.other_manager_a.email, world::PASSWORD).await;
    let outsider = app.signed_in(&w.b.owner.email, world::PASSWORD).await;
    let clients_listed = |c: &Client| {
        let c = c.clone();
        async move {
            let list = body(c.get("/api/staff/backlog/below-standard").await, 200).await;
            let mut ids: Vec<String> =
                list.as_array().unwrap().iter().map(|r| r["client_id"].as_str().unwrap().to_string()).collect();
            ids.sort();
            ids.dedup();
            ids
        }
    };
    let (a1, a2) = (w.client_a1.0.to_string(), w.client_a2.0.to_string());
    let all = clients_listed(&owner).await;
    assert!(all.contains(&a1) && all.contains(&a2), "both clients' projects are below the standard: {all:?}");
    assert_eq!(clients_listed(&other_manager).await, vec![a2.clone()], "A2's manager sees A2 only");
    assert!(!clients_listed(&outsider).await.iter().any(|c| c == &a1 || c == &a2), "another agency sees none");

    let archive = owner.post(&format!("/api/staff/clients/{a2}/archive"), json!({})).await;
    assert_eq!(archive.status(), 200);
    assert!(!clients_listed(&owner).await.contains(&a2), "an archived client's projects leave the list");
    assert!(clients_listed(&other_manager).await.is_empty());
    let unarchive = owner.post(&format!("/api/staff/clients/{a2}/unarchive"), json!({})).await;
    assert_eq!(unarchive.status(), 200);
    assert!(clients_listed(&owner).await.contains(&a2), "and come back with it");

    // Two items the client approves lift A1's project over the line.
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    for i in 0..2 {
        let item = create(&manager, &w, json!({ "title": format!("Согласовано {i}"), "priority": "normal", "source": "analytics", "propose": true })).await;
        let url = format!("/api/portal/backlog/{}/decision", item["id"].as_str().unwrap());
        body(approver.post(&url, json!({ "decision": "approved", "version": item["version"] })).await, 200).await;
    }
    let list = body(owner.get("/api/staff/backlog/below-standard").await, 200).await;
    assert!(
        !list.as_array().unwrap().iter().any(|r| r["project_id"] == json!(w.project_a1)),
        "A1's project meets the standard: {list}"
    );
}
