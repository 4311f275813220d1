//! Client reports, tried as people would use them: a manager writes last week's report (the
//! draft already lists the item finished that week with its benefit, and the KPI values at the
//! start and end), edits the problems section and publishes; the client's contacts open it
//! (read receipts with times), ask questions; the manager answers, notes internally (never in
//! the portal) and turns a question into a backlog idea; a revision marks what changed; the PDF
//! is read back by `pdftotext` with its Cyrillic intact; an overdue monthly report shows on the
//! agency's list.

use accord_entity::outbox;
use accord_server::clock::Clock;
use accord_tests::{pdf_text, smtp, spawn_app_with_clock, world, Client, TestApp};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).expect("time").with_timezone(&Utc)
}

async fn ok(res: reqwest::Response, want: u16) -> Value {
    let status = res.status().as_u16();
    let text = res.text().await.unwrap_or_default();
    assert_eq!(status, want, "{text}");
    if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or(Value::String(text))
    }
}

async fn templates_sent(app: &TestApp, agency: accord_api::AgencyId) -> Vec<(String, String)> {
    let tx = app.db.unscoped("test reads the outbox").await.unwrap();
    outbox::Entity::find()
        .filter(outbox::Column::AgencyId.eq(agency))
        .all(tx.conn())
        .await
        .unwrap()
        .into_iter()
        .map(|m| (m.template, m.to_email))
        .collect()
}

/// Sets a client's report cadence through the profile (name, status and manager kept; the
/// relationship started on 1 October 2026).
async fn set_cadence(staff: &Client, client: accord_api::ClientId, cadence: &str) {
    let path = format!("/api/staff/clients/{}", client.0);
    let current = ok(staff.get(&path).await, 200).await;
    let c = if current.get("client").is_some() { &current["client"] } else { &current };
    let body = json!({
        "name": c["name"], "status": c["status"], "account_manager_id": c["account_manager"]["id"],
        "report_cadence": cadence, "started_on": "2026-10-01",
    });
    ok(staff.send("PUT", &path, Some(body)).await, 200).await;
}

/// Walks the proposed item of A1 to done: the approver approves it, the manager schedules,
/// starts and finishes it.
async fn finish_proposed(w: &world::World, manager: &Client, approver: &Client) -> String {
    let item = w.proposed_a1;
    let detail = ok(approver.get(&format!("/api/portal/backlog/{item}")).await, 200).await;
    let version = detail["item"]["version"].as_i64().expect("version");
    let mut after = ok(
        approver
            .post(
                &format!("/api/portal/backlog/{item}/decision"),
                json!({ "decision": "approved", "version": version }),
            )
            .await,
        200,
    )
    .await;
    let base = format!("/api/staff/clients/{}/projects/{}/backlog/{item}", w.client_a1.0, w.project_a1);
    for to in ["scheduled", "in_progress", "done"] {
        let version = after["version"].as_i64().or_else(|| after["item"]["version"].as_i64()).expect("version");
        after = ok(manager.post(&format!("{base}/status"), json!({ "to": to, "version": version })).await, 200).await;
    }
    after["title"].as_str().or_else(|| after["item"]["title"].as_str()).expect("title").to_string()
}

#[tokio::test]
async fn a_weekly_report_from_draft_to_questions_receipts_revision_and_pdf() {
    // The agency and its clients exist since 20 November 2026.
    let clock = Clock::manual(at("2026-11-20T09:00:00Z"));
    // A real SMTP server receives the mail where aiosmtpd is installed (the test command does).
    let smtp = smtp::start();
    let smtp_url = smtp.as_ref().map(|s| s.url());
    let app = spawn_app_with_clock(clock.clone(), move |s| {
        if let Some(url) = smtp_url {
            s.smtp_url = Some(secrecy::SecretString::from(url));
            s.mail_poll_ms = 100;
        }
    })
    .await;
    let w = world::build(&app).await;
    // Wednesday 2 December 2026, 12:00 in Moscow: the work of the week.
    clock.set(at("2026-12-02T09:00:00Z"));
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let a1 = format!("/api/staff/clients/{}", w.client_a1.0);

    let done_title = finish_proposed(&w, &manager, &approver).await;
    let goal = w.goals_a1[0];
    for (value, on) in [(10.0, "2026-11-20"), (14.5, "2026-12-03")] {
        ok(
            manager
                .post(&format!("{a1}/roadmap/goals/{goal}/values"), json!({ "value": value, "measured_on": on }))
                .await,
            200,
        )
        .await;
    }
    set_cadence(&owner, w.client_a1.0, "weekly").await;

    // The next Wednesday: last week (30 Nov – 6 Dec) is to be reported.
    clock.set(at("2026-12-09T09:00:00Z"));
    // A week later every session has gone idle: everyone signs in again.
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let viewer = app.signed_in(&w.viewer_a1.email, world::PASSWORD).await;
    let draft =
        ok(manager.post(&format!("{a1}/reports"), json!({ "kind": "weekly", "period_of": "2026-12-02" })).await, 201)
            .await;
    let rid = draft["summary"]["id"].as_str().expect("report id").to_string();
    assert_eq!(draft["summary"]["period_start"], "2026-11-30");
    assert_eq!(draft["summary"]["period_end"], "2026-12-06");
    // Due two working days after Sunday: Tuesday 8 December — already overdue while unpublished.
    assert_eq!(draft["summary"]["due_on"], "2026-12-08");
    assert_eq!(draft["summary"]["overdue"], true);
    assert_eq!(draft["summary"]["status"], "draft");
    assert_eq!(draft["stats"]["done"], 1);
    let done = &draft["sections"][0];
    assert_eq!(done["kind"], "done");
    assert!(done["body"]["markdown"].as_str().unwrap().contains(&done_title), "{done}");
    assert!(done["body"]["html"].as_str().unwrap().contains("<strong>"), "{done}");
    let kpi = draft["kpis"].as_array().unwrap().iter().find(|k| k["goal_id"] == goal.to_string()).expect("kpi row");
    assert_eq!(
        (kpi["start"].as_f64(), kpi["end"].as_f64(), kpi["change"].as_f64()),
        (Some(10.0), Some(14.5), Some(4.5))
    );

    // The same period again is refused; a period that has not begun too.
    let again =
        ok(manager.post(&format!("{a1}/reports"), json!({ "kind": "weekly", "period_of": "2026-12-05" })).await, 409)
            .await;
    assert_eq!(again["code"], "already_exists");
    let future =
        ok(manager.post(&format!("{a1}/reports"), json!({ "kind": "weekly", "period_of": "2026-12-14" })).await, 422)
            .await;
    assert_eq!(future["field"], "period_of");

    // The portal sees nothing of a draft.
    let portal = ok(approver.get("/api/portal/reports").await, 200).await;
    assert_eq!(portal["reports"]["total"], 0);
    ok(approver.get(&format!("/api/portal/reports/{rid}")).await, 404).await;

    // The manager writes the problems section.
    let mut sections: Vec<Value> = draft["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(
            |s| json!({ "kind": s["kind"], "title": s["title"], "body": s["body"]["markdown"], "hidden": s["hidden"] }),
        )
        .collect();
    let problems = sections.iter().position(|s| s["kind"] == "problems").expect("problems section");
    sections[problems]["body"] = json!("Хостинг отвечал медленно. **Предлагаем** перейти на другой тариф.");
    sections.push(json!({ "kind": "free", "title": "Черновые мысли", "body": "Не для клиента", "hidden": true }));
    let saved = ok(
        manager
            .send(
                "PUT",
                &format!("/api/staff/reports/{rid}"),
                Some(json!({ "version": 1, "title": "Отчёт за неделю", "sections": sections })),
            )
            .await,
        200,
    )
    .await;
    assert_eq!(saved["version"], 2);
    let stale = ok(
        manager
            .send(
                "PUT",
                &format!("/api/staff/reports/{rid}"),
                Some(json!({ "version": 1, "title": "Другой", "sections": sections })),
            )
            .await,
        409,
    )
    .await;
    assert_eq!(stale["code"], "stale_version");
    let none = ok(
        manager
            .send(
                "PUT",
                &format!("/api/staff/reports/{rid}"),
                Some(json!({ "version": 2, "title": "X", "sections": [] })),
            )
            .await,
        422,
    )
    .await;
    assert_eq!(none["field"], "sections");

    // Published to the portal; both portal users are mailed.
    let published =
        ok(manager.post(&format!("/api/staff/reports/{rid}/publish"), json!({ "version": 2 })).await, 200).await;
    assert_eq!(published["summary"]["revision"], 1);
    assert_eq!(published["summary"]["overdue"], false);
    let sent = templates_sent(&app, w.a.id).await;
    for email in [&w.approver_a1.email, &w.viewer_a1.email] {
        assert!(sent.contains(&("report_published".to_string(), email.clone())), "{sent:?}");
    }

    // The approver opens it: a receipt with the time; a second open counts, the first time stays.
    clock.set(at("2026-12-09T10:15:00Z"));
    let page = ok(approver.get(&format!("/api/portal/reports/{rid}")).await, 200).await;
    assert_eq!(page["summary"]["title"], "Отчёт за неделю");
    assert!(
        page["sections"].as_array().unwrap().iter().all(|s| s["title"] != "Черновые мысли"),
        "hidden section in the portal"
    );
    assert!(page["sections"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["html"].as_str().unwrap().contains("<strong>Предлагаем</strong>")));
    clock.set(at("2026-12-09T10:45:00Z"));
    ok(approver.get(&format!("/api/portal/reports/{rid}")).await, 200).await;
    let staff_view = ok(manager.get(&format!("/api/staff/reports/{rid}")).await, 200).await;
    let reads = staff_view["reads"].as_array().unwrap();
    assert_eq!(reads.len(), 1, "{reads:?}");
    assert_eq!(reads[0]["contact"]["name"], w.approver_a1.name);
    assert_eq!(reads[0]["opens"], 2);
    assert_eq!(at(reads[0]["first_at"].as_str().unwrap()), at("2026-12-09T10:15:00Z"));
    assert_eq!(at(reads[0]["last_at"].as_str().unwrap()), at("2026-12-09T10:45:00Z"));
    assert!(staff_view["not_read_by"].as_array().unwrap().iter().any(|c| c["name"] == w.viewer_a1.name));
    let home = ok(viewer.get("/api/portal/home").await, 200).await;
    assert_eq!(home["unread_reports"], 1);
    let home = ok(approver.get("/api/portal/home").await, 200).await;
    assert_eq!(home["unread_reports"], 0);

    // Questions: the approver asks one, the viewer another.
    let asked = ok(
        approver
            .post(&format!("/api/portal/reports/{rid}/questions"), json!({ "body": "Почему хостинг тормозил?" }))
            .await,
        201,
    )
    .await;
    let q1 = asked["messages"][0]["id"].as_str().unwrap().to_string();
    let asked = ok(
        viewer
            .post(
                &format!("/api/portal/reports/{rid}/questions"),
                json!({ "body": "Можно добавить фильтр по цене?\nВ каталоге." }),
            )
            .await,
        201,
    )
    .await;
    let q2 = asked["messages"][1]["id"].as_str().unwrap().to_string();
    let internal = format!("INTERNAL-{}", w.tag);
    ok(
        manager
            .post(
                &format!("/api/staff/reports/{rid}/messages"),
                json!({ "body": internal, "internal": true, "question_id": q1 }),
            )
            .await,
        201,
    )
    .await;
    let before_answer = ok(owner.get("/api/staff/reports-due").await, 200).await;
    assert_eq!(before_answer["questions"].as_array().unwrap().len(), 2, "an internal note answers nothing");
    let answered = ok(
        manager
            .post(
                &format!("/api/staff/reports/{rid}/messages"),
                json!({ "body": "Провайдер чинил сеть; мы перенесли сайт.", "question_id": q1 }),
            )
            .await,
        201,
    )
    .await;
    let q1_view = answered["messages"].as_array().unwrap().iter().find(|m| m["id"] == q1).unwrap();
    assert_eq!(q1_view["answered"], true);
    let wrong = ok(
        manager.post(&format!("/api/staff/reports/{rid}/messages"), json!({ "body": "?", "question_id": rid })).await,
        422,
    )
    .await;
    assert_eq!(wrong["field"], "question_id");

    // The second question becomes a backlog idea of A1's project, linked back; only once.
    let idea = ok(
        manager.post(&format!("/api/staff/report-messages/{q2}/idea"), json!({ "project_id": w.project_a1 })).await,
        200,
    )
    .await;
    let linked = idea["messages"].as_array().unwrap().iter().find(|m| m["id"] == q2).unwrap();
    assert_eq!(linked["backlog_item"]["title"], "Можно добавить фильтр по цене?");
    let item = linked["backlog_item"]["id"].as_str().unwrap();
    let made = ok(manager.get(&format!("{a1}/projects/{}/backlog/{item}", w.project_a1)).await, 200).await;
    assert_eq!(made["item"]["status"], "idea");
    assert_eq!(made["item"]["source"], "client_request");
    let twice = ok(
        manager.post(&format!("/api/staff/report-messages/{q2}/idea"), json!({ "project_id": w.project_a1 })).await,
        409,
    )
    .await;
    assert_eq!(twice["code"], "invalid_transition");

    // The portal: the answer, never the internal note, never the idea.
    let page = ok(viewer.get(&format!("/api/portal/reports/{rid}")).await, 200).await;
    let text = page.to_string();
    assert!(text.contains("Провайдер чинил сеть"), "{text}");
    assert!(!text.contains(&internal), "an internal note reached the portal");
    assert!(page["messages"].as_array().unwrap().iter().all(|m| m["backlog_item"].is_null()));
    let sent = templates_sent(&app, w.a.id).await;
    assert!(sent.contains(&("report_question".to_string(), w.manager_a.email.clone())), "{sent:?}");
    assert!(sent.contains(&("report_answered".to_string(), w.approver_a1.email.clone())), "{sent:?}");

    // Edits after publishing wait for a new revision; the portal then marks what changed.
    sections[problems]["body"] = json!("Хостинг отвечал медленно. Тариф сменили 8 декабря.");
    let edited = ok(
        manager
            .send(
                "PUT",
                &format!("/api/staff/reports/{rid}"),
                Some(json!({ "version": 3, "title": "Отчёт за неделю", "sections": sections })),
            )
            .await,
        200,
    )
    .await;
    assert_eq!(edited["summary"]["unpublished_changes"], true);
    let page = ok(approver.get(&format!("/api/portal/reports/{rid}")).await, 200).await;
    assert!(page.to_string().contains("Предлагаем"), "the portal shows the published revision until the next one");
    // Revision 2 goes to a contact without portal access only: as the PDF attached.
    let (spare, spare_email) = w.spare_contacts_a1[0].clone();
    ok(
        manager.post(&format!("/api/staff/reports/{rid}/publish"), json!({ "version": 4, "notify": [spare] })).await,
        200,
    )
    .await;
    if let Some(smtp) = &smtp {
        let got = smtp.wait_for(&spare_email, 1).await;
        let (name, kind, bytes) = got[0].attachments.first().cloned().expect("the PDF attached");
        assert_eq!((name.as_str(), kind.as_str()), ("report-2026-11-30.pdf", "application/pdf"));
        if let Some(text) = pdf_text(&bytes) {
            assert!(text.contains("Тариф сменили 8 декабря"), "{text}");
        }
    }
    let page = ok(approver.get(&format!("/api/portal/reports/{rid}")).await, 200).await;
    assert_eq!(page["changed"], true);
    assert_eq!(page["summary"]["revision"], 2);
    let changed: Vec<&Value> = page["sections"].as_array().unwrap().iter().filter(|s| s["changed"] == true).collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0]["html"].as_str().unwrap().contains("8 декабря"));

    // The PDF in Russian: Cyrillic intact, the finished item and the KPI table.
    let res = approver.get(&format!("/api/portal/reports/{rid}/report.pdf?lang=ru")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let bytes = res.bytes().await.unwrap();
    std::fs::write(accord_tests::workspace_root().join("target/report-ru.pdf"), &bytes).ok();
    if let Some(text) = pdf_text(&bytes) {
        for want in
            ["Отчёт за неделю", "Итоги периода", "Тариф сменили 8 декабря", "Путь к цели", "На начало", "14,5 /mo"]
        {
            assert!(text.contains(want), "{want:?} missing from the PDF:\n{text}");
        }
        assert!(text.contains(&done_title), "the finished item is missing from the PDF:\n{text}");
        assert!(!text.contains("Черновые мысли"), "a hidden section reached the PDF");
    }
    let res = manager.get(&format!("/api/staff/reports/{rid}/report.pdf?lang=en")).await;
    assert_eq!(res.status(), 200);
    if let Some(text) = pdf_text(&res.bytes().await.unwrap()) {
        assert!(text.contains("The period in figures") && text.contains("Progress to target"), "{text}");
    }

    // A published report is not deleted; a draft is.
    assert_eq!(
        ok(manager.send("DELETE", &format!("/api/staff/reports/{rid}"), None).await, 409).await["code"],
        "invalid_transition"
    );
    let project_draft = ok(
        manager
            .post(
                &format!("{a1}/reports"),
                json!({ "kind": "weekly", "period_of": "2026-12-02", "project_id": w.project_a1 }),
            )
            .await,
        201,
    )
    .await;
    assert!(project_draft["summary"]["title"].as_str().unwrap().contains(" — "), "a project report names its project");
    let pid = project_draft["summary"]["id"].as_str().unwrap();
    ok(manager.send("DELETE", &format!("/api/staff/reports/{pid}"), None).await, 204).await;
    ok(manager.get(&format!("/api/staff/reports/{pid}")).await, 404).await;

    // The agency's list: client A2 reports monthly and nothing was written for November (due
    // Wednesday 2 December): overdue. A1's week is published; its current week is due soon.
    set_cadence(&owner, w.client_a2.0, "monthly").await;
    let due = ok(owner.get("/api/staff/reports-due").await, 200).await;
    let rows = due["due"].as_array().unwrap();
    let a2 = rows
        .iter()
        .find(|d| d["client_id"] == w.client_a2.0.to_string() && d["period_start"] == "2026-11-01")
        .unwrap_or_else(|| panic!("A2's November report is not listed: {rows:?}"));
    assert_eq!((a2["overdue"].as_bool(), a2["due_on"].as_str()), (Some(true), Some("2026-12-02")));
    assert!(rows.iter().all(|d| !(d["client_id"] == w.client_a1.0.to_string() && d["period_start"] == "2026-11-30")));
    let current = rows
        .iter()
        .find(|d| d["client_id"] == w.client_a1.0.to_string() && d["period_start"] == "2026-12-07")
        .expect("A1's current week");
    assert_eq!(current["overdue"], false);
    let open: Vec<&Value> = due["questions"].as_array().unwrap().iter().collect();
    assert_eq!(open.len(), 1, "only the viewer's question waits for an answer: {open:?}");
    assert_eq!(open[0]["id"], q2);
    let page = ok(manager.get(&format!("{a1}/reports")).await, 200).await;
    assert_eq!(page["cadence"], "weekly");
    assert_eq!(page["reports"]["total"], 1);
    let last_week = page["periods"].as_array().unwrap().iter().find(|p| p["period_start"] == "2026-11-30").unwrap();
    assert_eq!((last_week["published"].as_bool(), last_week["report_id"].as_str()), (Some(true), Some(rid.as_str())));

    // Nobody opened A2's report for three days after it was published: flagged.
    let a2_path = format!("/api/staff/clients/{}", w.client_a2.0);
    let nov = ok(
        owner.post(&format!("{a2_path}/reports"), json!({ "kind": "monthly", "period_of": "2026-11-15" })).await,
        201,
    )
    .await;
    let nov_id = nov["summary"]["id"].as_str().unwrap().to_string();
    ok(owner.post(&format!("/api/staff/reports/{nov_id}/publish"), json!({ "version": 1 })).await, 200).await;
    clock.set(at("2026-12-13T09:00:00Z"));
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let due = ok(owner.get("/api/staff/reports-due").await, 200).await;
    assert!(due["unread"].as_array().unwrap().iter().any(|r| r["id"] == nov_id && r["unread_flag"] == true), "{due}");
}

/// The reports pages run a fixed number of statements however many reports there are.
#[tokio::test]
async fn report_lists_are_constant_query() {
    let clock = Clock::manual(at("2026-12-09T09:00:00Z"));
    let app = spawn_app_with_clock(clock.clone(), |s| s.mail_poll_ms = 3_600_000).await;
    let w = world::build(&app).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let a1 = format!("/api/staff/clients/{}", w.client_a1.0);
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    set_cadence(&owner, w.client_a1.0, "weekly").await;
    let add = |weeks: std::ops::Range<i64>| {
        let (manager, approver, a1) = (&manager, &approver, a1.clone());
        async move {
            let mut last = String::new();
            for k in weeks {
                let day = (at("2026-12-09T09:00:00Z") - Duration::weeks(k)).date_naive();
                let r = ok(
                    manager.post(&format!("{a1}/reports"), json!({ "kind": "weekly", "period_of": day })).await,
                    201,
                )
                .await;
                last = r["summary"]["id"].as_str().unwrap().to_string();
                ok(manager.post(&format!("/api/staff/reports/{last}/publish"), json!({ "version": 1 })).await, 200)
                    .await;
                ok(approver.get(&format!("/api/portal/reports/{last}")).await, 200).await;
                ok(
                    approver
                        .post(&format!("/api/portal/reports/{last}/questions"), json!({ "body": format!("Q{k}") }))
                        .await,
                    201,
                )
                .await;
            }
            last
        }
    };
    let paths = |rid: &str| {
        vec![
            (format!("{a1}/reports"), true),
            (format!("/api/staff/reports/{rid}"), true),
            ("/api/staff/reports-due".to_string(), true),
            ("/api/portal/reports".to_string(), false),
        ]
    };
    let rid = add(1..2).await;
    let mut small = Vec::new();
    for (path, staff) in paths(&rid) {
        small.push(app.queries_for(if staff { &manager } else { &approver }, &path).await);
    }
    add(2..8).await;
    for (i, (path, staff)) in paths(&rid).into_iter().enumerate() {
        let large = app.queries_for(if staff { &manager } else { &approver }, &path).await;
        println!("{path}: {} statements with 1 report, {large} with 7", small[i]);
        assert_eq!(small[i], large, "{path} grows with the number of reports");
    }
}

/// Runs due jobs until none is left (a pass runs at most a batch).
async fn drain(app: &TestApp) {
    while accord_server::jobs::run_due(&app.state).await.unwrap() > 0 {}
}

/// The bodies of the mails of one template to one address.
async fn bodies(app: &TestApp, template: &str, to: &str) -> Vec<String> {
    let tx = app.db.unscoped("test reads the outbox").await.unwrap();
    let rows = outbox::Entity::find()
        .filter(outbox::Column::Template.eq(template))
        .filter(outbox::Column::ToEmail.eq(to))
        .all(tx.conn())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    rows.into_iter().map(|m| m.body_text).collect()
}

/// Every report of an agency, read straight from the database.
async fn report_rows(app: &TestApp, agency: accord_api::AgencyId) -> Vec<accord_entity::reports::Model> {
    let tx = app.db.unscoped("test reads reports").await.unwrap();
    let rows = accord_entity::reports::Entity::find()
        .filter(accord_entity::reports::Column::AgencyId.eq(agency))
        .all(tx.conn())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    rows
}

/// An agency that turns on automatic drafts finds each client's due report drafted on its due
/// date from the period's work, for the manager (or, without one, the owner) to review: mailed
/// to them, never shown in the portal, made once (a deleted one stays deleted); an agency that
/// did not turn it on gets nothing.
#[tokio::test]
async fn reports_are_drafted_on_their_due_date_for_review_when_the_agency_wants_it() {
    let clock = Clock::manual(at("2026-11-20T09:00:00Z"));
    let app = spawn_app_with_clock(clock.clone(), |s| s.mail_poll_ms = 3_600_000).await;
    let w = world::build(&app).await;
    clock.set(at("2026-12-02T09:00:00Z"));
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let owner_b = app.signed_in(&w.b.owner.email, world::PASSWORD).await;
    let done_title = finish_proposed(&w, &manager, &approver).await;
    set_cadence(&owner, w.client_a1.0, "weekly").await;
    // A2 has no account manager: its draft falls to the owner.
    set_cadence(&owner, w.client_a2.0, "monthly").await;
    set_cadence(&owner_b, w.client_b1.0, "weekly").await;
    // Off by default; the owner turns it on.
    let settings = ok(owner.get("/api/staff/agency/settings").await, 200).await;
    assert_eq!(settings["report_auto_draft"], false);
    let mut on = settings.clone();
    on["report_auto_draft"] = json!(true);
    let saved = ok(owner.send("PUT", "/api/staff/agency/settings", Some(on)).await, 200).await;
    assert_eq!(saved["report_auto_draft"], true);
    assert_eq!(ok(owner.get("/api/staff/agency/settings").await, 200).await["report_auto_draft"], true);

    // Monday 7 December: last week's report is not due yet (Tuesday); A1's week of 23 November
    // fell due on 1 December and November (A2's) on 2 December — both within the week after,
    // so both are drafted.
    clock.set(at("2026-12-07T06:00:00Z"));
    drain(&app).await;
    let mut rows: Vec<_> = report_rows(&app, w.a.id)
        .await
        .into_iter()
        .map(|r| (r.client_id, r.period_start.to_string(), r.created_by, r.auto_drafted))
        .collect();
    rows.sort_by(|a, b| a.1.cmp(&b.1));
    assert_eq!(
        rows,
        [
            (w.client_a2.0, "2026-11-01".to_string(), w.a.owner.id, true),
            (w.client_a1.0, "2026-11-23".to_string(), w.manager_a.id, true),
        ]
    );

    // Tuesday 8 December, 09:00 in Moscow: A1's week of 30 November is due today.
    clock.set(at("2026-12-08T06:00:00Z"));
    drain(&app).await;
    let rows = report_rows(&app, w.a.id).await;
    assert_eq!(rows.len(), 3, "{rows:?}");
    let a1_row = rows.iter().find(|r| r.period_start.to_string() == "2026-11-30").expect("A1's draft");
    assert_eq!(a1_row.client_id, w.client_a1.0);
    assert_eq!(a1_row.created_by, w.manager_a.id);
    assert!(a1_row.auto_drafted);
    assert!(report_rows(&app, w.b.id).await.is_empty(), "agency B did not ask for drafts");

    // The manager finds it marked, in draft, already listing the item finished that week.
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let rid = a1_row.id.0.to_string();
    let view = ok(manager.get(&format!("/api/staff/reports/{rid}")).await, 200).await;
    assert_eq!(view["summary"]["auto_drafted"], true);
    assert_eq!(view["summary"]["status"], "draft");
    assert_eq!(view["summary"]["revision"], 0);
    let done = view["sections"].as_array().unwrap().iter().find(|s| s["kind"] == "done").expect("done section");
    assert!(done["body"]["markdown"].as_str().unwrap().contains(&done_title), "{done}");
    let list = ok(manager.get(&format!("/api/staff/clients/{}/reports", w.client_a1.0)).await, 200).await;
    assert_eq!(list["reports"]["items"][0]["id"], rid.as_str());
    assert_eq!(list["reports"]["items"][0]["auto_drafted"], true);
    // The mail asks the manager (and A2's to the owner) to review; the client is told nothing.
    let sent = templates_sent(&app, w.a.id).await;
    let drafted: Vec<&str> = sent.iter().filter(|(t, _)| t == "report_drafted").map(|(_, to)| to.as_str()).collect();
    assert_eq!(drafted.len(), 3, "{sent:?}");
    assert!(drafted.contains(&w.manager_a.email.as_str()) && drafted.contains(&w.a.owner.email.as_str()));
    assert!(!sent.iter().any(|(t, _)| t == "report_published"), "{sent:?}");
    // The week of 23 November was drafted a week late, the week of 30 November on its day;
    // the owner is told why the mail reached them.
    let to_manager = bodies(&app, "report_drafted", &w.manager_a.email).await;
    assert!(to_manager.iter().any(|b| b.contains("was due on Dec 1, 2026")), "{to_manager:?}");
    assert!(to_manager.iter().any(|b| b.contains("is due today")), "{to_manager:?}");
    assert!(to_manager.iter().all(|b| b.contains("account manager")), "{to_manager:?}");
    let to_owner = bodies(&app, "report_drafted", &w.a.owner.email).await;
    assert!(to_owner.iter().all(|b| b.contains("the client has no account manager")), "{to_owner:?}");
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let portal = ok(approver.get("/api/portal/reports").await, 200).await;
    assert_eq!(portal["reports"]["total"], 0, "{portal}");
    assert_eq!(approver.get(&format!("/api/portal/reports/{rid}")).await.status(), 404);

    // Half an hour later nothing is drafted twice; a draft the manager deletes stays deleted.
    ok(manager.send("DELETE", &format!("/api/staff/reports/{rid}"), None).await, 204).await;
    clock.advance(Duration::minutes(31));
    drain(&app).await;
    clock.advance(Duration::minutes(31));
    drain(&app).await;
    let rows = report_rows(&app, w.a.id).await;
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows.iter().all(|r| r.id != a1_row.id));
    let sent = templates_sent(&app, w.a.id).await;
    assert_eq!(sent.iter().filter(|(t, _)| t == "report_drafted").count(), 3);

    // A job naming another agency's client writes nothing there (jobs are only queued by the
    // scan, but the handler does not trust its payload) — even with B's drafts turned on.
    let owner_b = app.signed_in(&w.b.owner.email, world::PASSWORD).await;
    let mut b_on = ok(owner_b.get("/api/staff/agency/settings").await, 200).await;
    b_on["report_auto_draft"] = json!(true);
    ok(owner_b.send("PUT", "/api/staff/agency/settings", Some(b_on)).await, 200).await;
    let forged = accord_server::reports::DraftReport {
        agency: w.b.id,
        client: w.client_a1.0,
        kind: accord_api::ReportCadence::Weekly,
        period_start: "2026-12-07".parse().unwrap(),
    };
    let tx = app.db.unscoped("test queues a forged draft").await.unwrap();
    accord_server::jobs::enqueue(&tx, accord_server::jobs::NewJob::new(&forged).unwrap()).await.unwrap();
    tx.commit().await.unwrap();
    drain(&app).await;
    assert_eq!(report_rows(&app, w.a.id).await.len(), 2);
    assert!(report_rows(&app, w.b.id).await.iter().all(|r| r.client_id == w.client_b1.0), "only B's own client");

    // Turned off, the next due week is not drafted.
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let mut off = ok(owner.get("/api/staff/agency/settings").await, 200).await;
    off["report_auto_draft"] = json!(false);
    ok(owner.send("PUT", "/api/staff/agency/settings", Some(off)).await, 200).await;
    clock.set(at("2026-12-15T06:00:00Z"));
    drain(&app).await;
    assert_eq!(report_rows(&app, w.a.id).await.len(), 2);
}
