//! Risks and incidents, as an account manager and the client would live them: a register with
//! its matrix (and the portal's narrow read-only view of the client-visible risks), and
//! incidents taken through the five steps — the client told first, by mail in their language,
//! then the damage, the plan they acknowledge, the fix and the prevention (shared or not).

use accord_entity::{health_settings, outbox};
use accord_server::clock::Clock;
use accord_tests::{smtp, spawn_app, spawn_app_with_clock, world, Client, TestApp};
use chrono::{DateTime, Utc};
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

/// The raw body of a 200 (for checking what it never says).
async fn raw(c: &Client, path: &str) -> String {
    let res = c.get(path).await;
    assert_eq!(res.status(), 200, "{path}");
    res.text().await.unwrap_or_default()
}

async fn refused(res: reqwest::Response, status: u16, code: &str, field: Option<&str>) {
    let err = ok(res, status).await;
    assert_eq!((err["code"].as_str(), err["field"].as_str()), (Some(code), field), "{err}");
}

fn risk(title: &str, p: u8, i: u8) -> Value {
    json!({ "title": title, "category": "technical", "probability": p, "impact": i, "status": "open" })
}

fn titles(list: &Value) -> Vec<String> {
    list.as_array().unwrap().iter().map(|r| r["title"].as_str().unwrap().to_string()).collect()
}

/// A manager writes a register (bad input refused, naming the field), reads it ordered with the
/// matrix of the open risks, changes and deletes; a specialist only reads; the portal shows the
/// one client-visible risk without owner or internal fields, and another client sees nothing.
#[tokio::test]
async fn a_register_with_a_matrix_and_only_visible_risks_in_the_portal() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let specialist = app.signed_in(&w.specialist_a.email, world::PASSWORD).await;
    let owner_b = app.signed_in(&w.b.owner.email, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let viewer = app.signed_in(&w.viewer_a1.email, world::PASSWORD).await;
    let approver_a2 = app.signed_in(&w.approver_a2.email, world::PASSWORD).await;
    let path = format!("/api/staff/clients/{}/risks", w.client_a1.0);

    // The manager writes the register: one risk the client sees, the rest internal.
    let mut visible = risk("Ключевой разработчик может уйти", 4, 5);
    visible["category"] = json!("team_change");
    visible["project_id"] = json!(w.project_a1);
    visible["owner_id"] = json!(w.specialist_a.id);
    visible["due_on"] = json!("2099-03-01");
    visible["mitigation"] = json!("  Второй разработчик в курсе кода  ");
    visible["client_visible"] = json!(true);
    let shown = ok(manager.post(&path, visible.clone()).await, 201).await;
    assert_eq!(shown["exposure"], 20);
    assert_eq!(shown["mitigation"], "Второй разработчик в курсе кода");
    assert_eq!(shown["owner"]["name"], w.specialist_a.name);
    assert_eq!(shown["project_name"], format!("Website {}", w.tag));
    assert_eq!(shown["created_by"]["id"], json!(w.manager_a.id));
    assert_eq!(shown["overdue"], false);
    let internal_mitigation = format!("Internal mitigation {}", w.tag);
    let mut internal = risk("Hosting budget overrun", 2, 2);
    internal["mitigation"] = json!(internal_mitigation);
    internal["owner_id"] = json!(w.manager_a.id);
    let internal = ok(manager.post(&path, internal).await, 201).await;
    let mut closed = risk("Old risk", 5, 5);
    closed["status"] = json!("closed");
    let closed = ok(manager.post(&path, closed).await, 201).await;
    let small = ok(manager.post(&path, risk("Slow approvals", 1, 3)).await, 201).await;

    // Bad input names its field; nothing is written.
    let cases: Vec<(&str, Value, &str)> = vec![
        ("probability", json!(0), "probability"),
        ("impact", json!(6), "impact"),
        ("title", json!("  "), "title"),
        ("owner_id", json!(w.approver_a1.id), "owner_id"),
        ("owner_id", json!(w.b.owner.id), "owner_id"),
        ("project_id", json!(uuid::Uuid::new_v4()), "project_id"),
        ("due_on", json!("1800-01-01"), "due_on"),
        ("mitigation", json!("я".repeat(2001)), "mitigation"),
    ];
    for (name, value, field) in cases {
        let mut bad = risk("Bad", 3, 3);
        bad[name] = value;
        refused(manager.post(&path, bad).await, 422, "validation_failed", Some(field)).await;
    }

    // Open risks first by exposure; the matrix counts the open ones only.
    let register = ok(manager.get(&path).await, 200).await;
    assert_eq!(register["can_edit"], true);
    assert_eq!(
        titles(&register["items"]),
        ["Ключевой разработчик может уйти", "Hosting budget overrun", "Slow approvals", "Old risk"]
    );
    let matrix: Vec<Vec<u64>> = serde_json::from_value(register["matrix"].clone()).unwrap();
    assert_eq!(matrix.len(), 5);
    assert!(matrix.iter().all(|row| row.len() == 5));
    assert_eq!((matrix[3][4], matrix[1][1], matrix[0][2], matrix[4][4]), (1, 1, 1, 0));
    assert_eq!(matrix.iter().flatten().sum::<u64>(), 3);

    // A specialist on the client's project reads, and may not write.
    let read = ok(specialist.get(&path).await, 200).await;
    assert_eq!((read["can_edit"].as_bool(), read["items"].as_array().unwrap().len()), (Some(false), 4));
    let small_path = format!("/api/staff/risks/{}", small["id"].as_str().unwrap());
    refused(specialist.post(&path, risk("Nope", 1, 1)).await, 403, "forbidden", None).await;
    refused(specialist.send("PUT", &small_path, Some(risk("Nope", 1, 1))).await, 403, "forbidden", None).await;
    refused(specialist.send("DELETE", &small_path, None).await, 403, "forbidden", None).await;
    // Another agency finds nothing.
    refused(owner_b.get(&path).await, 404, "not_found", None).await;
    refused(owner_b.send("PUT", &small_path, Some(risk("Nope", 1, 1))).await, 404, "not_found", None).await;

    // An update: the small risk's due date has passed, so it is overdue; bad input changes nothing.
    let mut late = risk("Slow approvals", 3, 3);
    late["due_on"] = json!("2020-01-01");
    let updated = ok(manager.send("PUT", &small_path, Some(late)).await, 200).await;
    assert_eq!((updated["exposure"].as_u64(), updated["overdue"].as_bool()), (Some(9), Some(true)));
    assert_eq!(updated["created_at"], small["created_at"]);
    refused(
        manager.send("PUT", &small_path, Some(risk("Slow approvals", 9, 3))).await,
        422,
        "validation_failed",
        Some("probability"),
    )
    .await;
    let register = ok(manager.get(&path).await, 200).await;
    assert_eq!(register["items"][1]["title"], "Slow approvals", "exposure 9 now comes before 4");
    assert_eq!(register["items"][1]["probability"], 3);
    let matrix: Vec<Vec<u64>> = serde_json::from_value(register["matrix"].clone()).unwrap();
    assert_eq!((matrix[2][2], matrix[0][2]), (1, 0));

    // Delete: gone, and a second delete finds nothing.
    let closed_path = format!("/api/staff/risks/{}", closed["id"].as_str().unwrap());
    ok(manager.send("DELETE", &closed_path, None).await, 204).await;
    refused(manager.send("DELETE", &closed_path, None).await, 404, "not_found", None).await;
    refused(manager.send("PUT", &closed_path, Some(risk("Back", 1, 1))).await, 404, "not_found", None).await;
    assert_eq!(ok(manager.get(&path).await, 200).await["items"].as_array().unwrap().len(), 3);

    // The portal: only the client-visible risk, never its owner or anything internal.
    for contact in [&approver, &viewer] {
        let body = raw(contact, "/api/portal/risks").await;
        let page: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(titles(&page["risks"]), ["Ключевой разработчик может уйти"]);
        let r = &page["risks"][0];
        assert_eq!((r["probability"].as_u64(), r["impact"].as_u64()), (Some(4), Some(5)));
        assert_eq!(r["mitigation"], "Второй разработчик в курсе кода");
        assert_eq!(r["project_name"], format!("Website {}", w.tag));
        assert_eq!(page["incidents"], json!([]));
        for never in [
            "owner",
            "created_by",
            "client_visible",
            "exposure",
            w.specialist_a.name.as_str(),
            w.specialist_a.email.as_str(),
            w.manager_a.name.as_str(),
            "Hosting budget overrun",
            internal_mitigation.as_str(),
            "Slow approvals",
            internal["id"].as_str().unwrap(),
        ] {
            assert!(!body.contains(never), "the portal says {never:?}: {body}");
        }
    }
    // Another client's contact sees none of them.
    let other = raw(&approver_a2, "/api/portal/risks").await;
    assert_eq!(serde_json::from_str::<Value>(&other).unwrap(), json!({ "risks": [], "incidents": [] }));
    // Staff are not portal contacts.
    refused(manager.get("/api/portal/risks").await, 403, "forbidden", None).await;
}

/// How many incident mails the outbox holds for one address.
async fn outbox_count(app: &TestApp, to: &str) -> usize {
    let tx = app.db.unscoped("test reads the outbox").await.unwrap();
    let rows = outbox::Entity::find()
        .filter(outbox::Column::Template.eq("incident_notified"))
        .filter(outbox::Column::ToEmail.eq(to))
        .all(tx.conn())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    rows.len()
}

async fn step(c: &Client, id: &str, body: Value) -> reqwest::Response {
    c.post(&format!("/api/staff/incidents/{id}/steps"), body).await
}

/// The portal's incident of that id, if shown.
async fn portal_incident(c: &Client, id: &str) -> Option<Value> {
    let page = ok(c.get("/api/portal/risks").await, 200).await;
    page["incidents"].as_array().unwrap().iter().find(|i| i["id"] == id).cloned()
}

/// An incident recorded, then told (the approver's mail in Russian; the portal shows it from
/// then on), assessed, planned (acknowledged once, by an approver), fixed and prevented without
/// sharing; a second one shares its prevention; a third left open is too long after 15 days.
#[tokio::test]
async fn an_incident_through_five_steps_is_visible_to_the_client_from_step_one() {
    // Monday 7 December 2026, 12:00 in Moscow.
    let clock = Clock::manual(at("2026-12-07T09:00:00Z"));
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
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let specialist = app.signed_in(&w.specialist_a.email, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let viewer = app.signed_in(&w.viewer_a1.email, world::PASSWORD).await;
    let approver_a2 = app.signed_in(&w.approver_a2.email, world::PASSWORD).await;
    // The approver reads Accord in Russian; the world's people read English.
    ok(approver.send("PUT", "/api/auth/locale", Some(json!({ "locale": "ru" }))).await, 200).await;
    let path = format!("/api/staff/clients/{}/incidents", w.client_a1.0);

    // Found at 11:15 Moscow time; recorded at 12:00. Bad input is refused, naming the field.
    let description = format!("Internal: the deploy script skipped the cache {}", w.tag);
    let new = json!({ "title": "Сайт был недоступен 40 минут", "project_id": w.project_a1,
        "description": description, "detected_at": "2026-12-07T08:15:00Z" });
    let mut future = new.clone();
    future["detected_at"] = json!("2026-12-08T08:15:00Z");
    refused(manager.post(&path, future).await, 422, "validation_failed", Some("detected_at")).await;
    let mut foreign = new.clone();
    foreign["project_id"] = json!(uuid::Uuid::new_v4());
    refused(manager.post(&path, foreign).await, 422, "validation_failed", Some("project_id")).await;
    refused(manager.post(&path, json!({ "title": "" })).await, 422, "validation_failed", Some("title")).await;
    refused(specialist.post(&path, new.clone()).await, 403, "forbidden", None).await;
    let inc = ok(manager.post(&path, new).await, 201).await;
    let id = inc["id"].as_str().unwrap().to_string();
    assert_eq!(inc["step"], "detected");
    assert_eq!((inc["notify_minutes"].clone(), inc["notified"].clone()), (Value::Null, Value::Null));
    assert_eq!(
        (inc["can_edit"].as_bool(), inc["days_open"].as_i64(), inc["too_long"].as_bool()),
        (Some(true), Some(0), Some(false))
    );
    assert_eq!(inc["project_name"], format!("Website {}", w.tag));
    // Recorded, not yet told: the portal has nothing.
    assert!(portal_incident(&approver, &id).await.is_none());

    // Steps go in order; a specialist may read but not take one.
    refused(
        step(&manager, &id, json!({ "step": "assess", "damage": { "timeline": "1 day" } })).await,
        409,
        "wrong_step",
        None,
    )
    .await;
    refused(step(&manager, &id, json!({ "step": "plan", "plan": "Fix" })).await, 409, "wrong_step", None).await;
    refused(step(&specialist, &id, json!({ "step": "notify", "message": "Hi" })).await, 403, "forbidden", None).await;
    assert_eq!(ok(specialist.get(&format!("/api/staff/incidents/{id}")).await, 200).await["can_edit"], false);
    refused(
        step(&manager, &id, json!({ "step": "notify", "message": "  " })).await,
        422,
        "validation_failed",
        Some("message"),
    )
    .await;

    // Step 1, at 12:00: admit it and tell the client.
    let message = "Сегодня с 11:15 сайт был недоступен 40 минут по нашей ошибке. Мы уже всё вернули.";
    let told = ok(step(&manager, &id, json!({ "step": "notify", "message": message })).await, 200).await;
    assert_eq!(told["step"], "notified");
    assert_eq!(told["notify_minutes"], 45);
    assert_eq!(told["notified"]["by"]["name"], w.manager_a.name);
    assert_eq!(told["notified"]["at"], "2026-12-07T09:00:00Z");
    refused(step(&manager, &id, json!({ "step": "notify", "message": "Again" })).await, 409, "wrong_step", None).await;
    // The approver is mailed in Russian with a link to the portal page; the viewer is not mailed.
    if let Some(smtp) = &smtp {
        let got = smtp.wait_for(&w.approver_a1.email, 1).await;
        assert!(got[0].subject.contains("Сайт был недоступен 40 минут"), "{}", got[0].subject);
        assert!(got[0].subject.contains("инцидент"), "Russian: {}", got[0].subject);
        assert!(got[0].text.contains(message), "{}", got[0].text);
        assert!(got[0].link("http").ends_with("/portal/risks"), "{}", got[0].text);
    }
    assert_eq!(outbox_count(&app, &w.approver_a1.email).await, 1);
    assert_eq!(outbox_count(&app, &w.viewer_a1.email).await, 0);
    assert_eq!(outbox_count(&app, &w.approver_a2.email).await, 0);

    // From step 1 on the portal shows it with what the client was told, nothing internal.
    let body = raw(&approver, "/api/portal/risks").await;
    assert!(!body.contains(&description), "the description is internal: {body}");
    let shown = portal_incident(&approver, &id).await.expect("told: shown");
    assert_eq!((shown["message"].as_str(), shown["step"].as_str()), (Some(message), Some("notified")));
    assert_eq!((shown["damage"].clone(), shown["plan"].clone()), (Value::Null, Value::Null));
    assert_eq!(shown["can_acknowledge"], false);
    assert!(portal_incident(&viewer, &id).await.is_some());
    assert!(portal_incident(&approver_a2, &id).await.is_none(), "another client's contact");
    let ack = format!("/api/portal/incidents/{id}/acknowledge");
    refused(approver.post(&ack, json!({})).await, 409, "no_plan", None).await;

    // Step 2: the damage, on at least one axis.
    refused(
        step(&manager, &id, json!({ "step": "assess", "damage": {} })).await,
        422,
        "validation_failed",
        Some("damage"),
    )
    .await;
    let damage = json!({ "timeline": "", "quality": "", "result": "Около 30 потерянных заявок", "reputation": "Жалобы в соцсетях" });
    let assessed = ok(step(&manager, &id, json!({ "step": "assess", "damage": damage })).await, 200).await;
    assert_eq!(assessed["damage"], damage);
    assert_eq!(portal_incident(&approver, &id).await.unwrap()["damage"], damage);

    // Step 3: the plan, which an approver acknowledges once (the viewer may not).
    clock.set(at("2026-12-07T10:30:00Z"));
    let plan = "Мониторинг доступности каждую минуту и откат деплоя одной командой.";
    ok(step(&manager, &id, json!({ "step": "plan", "plan": plan })).await, 200).await;
    let shown = portal_incident(&approver, &id).await.unwrap();
    assert_eq!((shown["plan"].as_str(), shown["can_acknowledge"].as_bool()), (Some(plan), Some(true)));
    assert_eq!(portal_incident(&viewer, &id).await.unwrap()["can_acknowledge"], false);
    refused(viewer.post(&ack, json!({})).await, 403, "forbidden", None).await;
    refused(approver_a2.post(&ack, json!({})).await, 404, "not_found", None).await;
    refused(manager.post(&ack, json!({})).await, 403, "forbidden", None).await;
    let acked = ok(approver.post(&ack, json!({})).await, 200).await;
    assert_eq!(acked["plan_acknowledged_by"], w.approver_a1.name);
    assert_eq!(acked["plan_acknowledged_at"], "2026-12-07T10:30:00Z");
    assert_eq!(acked["can_acknowledge"], false);
    refused(approver.post(&ack, json!({})).await, 409, "already_acknowledged", None).await;
    let staff_view = ok(manager.get(&format!("/api/staff/incidents/{id}")).await, 200).await;
    assert_eq!(staff_view["plan_acknowledged_by"], w.approver_a1.name);

    // Step 4, then step 5 kept internal.
    ok(step(&manager, &id, json!({ "step": "carry_out", "note": "Мониторинг включён" })).await, 200).await;
    assert!(portal_incident(&approver, &id).await.unwrap()["fixed_at"].is_string());
    refused(
        step(&manager, &id, json!({ "step": "prevent", "measures": "", "share": false })).await,
        422,
        "validation_failed",
        Some("measures"),
    )
    .await;
    let secret_measures = format!("Reviewer rotation, internal {}", w.tag);
    let done =
        ok(step(&manager, &id, json!({ "step": "prevent", "measures": secret_measures, "share": false })).await, 200)
            .await;
    assert_eq!((done["step"].as_str(), done["can_edit"].as_bool()), (Some("prevented"), Some(false)));
    assert_eq!(done["prevented"]["by"]["id"], json!(w.manager_a.id));
    for (name, at) in
        [("notified", "09:00"), ("assessed", "09:00"), ("planned", "10:30"), ("fixed", "10:30"), ("prevented", "10:30")]
    {
        assert_eq!(done[name]["at"], format!("2026-12-07T{at}:00Z"), "{name}");
    }
    refused(
        step(&manager, &id, json!({ "step": "prevent", "measures": "More", "share": true })).await,
        409,
        "wrong_step",
        None,
    )
    .await;
    let body = raw(&approver, "/api/portal/risks").await;
    assert!(!body.contains(&secret_measures), "not shared: {body}");
    let shown = portal_incident(&approver, &id).await.unwrap();
    assert_eq!((shown["prevention"].clone(), shown["step"].as_str()), (Value::Null, Some("prevented")));
    assert!(shown["prevented_at"].is_string());

    // A second incident, its prevention shared with the client.
    let second = ok(manager.post(&path, json!({ "title": "Отчёт ушёл с ошибкой в цифрах" })).await, 201).await;
    let second_id = second["id"].as_str().unwrap().to_string();
    assert_eq!(second["detected_at"], "2026-12-07T10:30:00Z", "detected now by default");
    for body in [
        json!({ "step": "notify", "message": "В отчёте за ноябрь была ошибка в цифрах." }),
        json!({ "step": "assess", "damage": { "quality": "Неверные цифры конверсии" } }),
        json!({ "step": "plan", "plan": "Перевыпустить отчёт" }),
        json!({ "step": "carry_out", "note": "" }),
        json!({ "step": "prevent", "measures": "Второй человек сверяет цифры перед публикацией", "share": true }),
    ] {
        ok(step(&manager, &second_id, body).await, 200).await;
    }
    let shown = portal_incident(&approver, &second_id).await.unwrap();
    assert_eq!(shown["prevention"], "Второй человек сверяет цифры перед публикацией");
    assert_eq!(outbox_count(&app, &w.approver_a1.email).await, 2);

    // A third one left open: after 15 days it has taken too long (the limit is 14 days).
    clock.set(at("2026-12-07T11:00:00Z"));
    let third = ok(manager.post(&path, json!({ "title": "Пропущен дедлайн по баннерам" })).await, 201).await;
    let third_id = third["id"].as_str().unwrap().to_string();
    clock.set(at("2026-12-22T11:00:01Z"));
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let list = ok(manager.get(&path).await, 200).await;
    let ids: Vec<&str> = list.as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [third_id.as_str(), second_id.as_str(), id.as_str()], "the most recently detected first");
    let by_id = |i: &str| list.as_array().unwrap().iter().find(|x| x["id"] == i).unwrap().clone();
    let open = by_id(&third_id);
    assert_eq!((open["too_long"].as_bool(), open["days_open"].as_i64()), (Some(true), Some(15)));
    let closed = by_id(&id);
    assert_eq!((closed["too_long"].as_bool(), closed["days_open"].as_i64()), (Some(false), Some(0)));
    assert_eq!(closed["notify_minutes"], 45);

    // The agency's own limit applies once it has health settings: 30 days.
    let tx = app.db.unscoped("test sets the incident limit").await.unwrap();
    health_settings::Entity::insert(health_settings::ActiveModel::from(health_settings::Model {
        id: uuid::Uuid::new_v4(),
        agency_id: w.a.id,
        weights: "[]".into(),
        corridor: 10,
        at_risk_below: 50,
        drop_points: 15,
        drop_days: 30,
        incident_days: 30,
        updated_by: w.a.owner.id,
        updated_at: clock.now(),
    }))
    .exec_without_returning(tx.conn())
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let open = ok(manager.get(&format!("/api/staff/incidents/{third_id}")).await, 200).await;
    assert_eq!((open["too_long"].as_bool(), open["days_open"].as_i64()), (Some(false), Some(15)));
}
