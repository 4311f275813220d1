//! Meetings and agreements, tried as people would use them: a weekly series in Moscow, a
//! client's agenda question, minutes with decisions and action items, a dispute, a revision,
//! the acknowledgement, the carried-over agenda, promises kept, broken and renegotiated, and
//! the calendar feed read back by an independent parser (Python's `icalendar` + `dateutil`).

use accord_entity::outbox;
use accord_server::clock::Clock;
use accord_tests::{pdf_text, spawn_app_with_clock, world, Client, TestApp};
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

fn weekly(title: &str, weekday: u8, starts_on: &str, time: &str, zone: &str) -> Value {
    json!({
        "title": title, "frequency": "weekly", "interval": 1, "weekday": weekday, "starts_on": starts_on,
        "time": time, "time_zone": zone, "duration_minutes": 60, "place": "https://meet.example/abc"
    })
}

/// Parses an iCalendar text with Python's `icalendar` and expands rules with `dateutil`; prints
/// each VEVENT as JSON with its instants in UTC. `None` when the parser is not installed here.
fn parse_ics(text: &str) -> Option<Vec<Value>> {
    const SCRIPT: &str = r#"
import sys, json
from datetime import timezone
from icalendar import Calendar
from dateutil.rrule import rrulestr
cal = Calendar.from_ical(sys.stdin.read())
out = []
for ev in cal.walk('VEVENT'):
    start = ev.decoded('DTSTART')
    item = {
        'uid': str(ev.get('UID')), 'summary': str(ev.get('SUMMARY')), 'status': str(ev.get('STATUS')),
        'sequence': int(ev.get('SEQUENCE', 0)), 'start': start.astimezone(timezone.utc).isoformat(),
        'start_local': start.isoformat(), 'tzid': str(getattr(start.tzinfo, 'key', start.tzinfo)),
        'description': str(ev.get('DESCRIPTION', '')),
    }
    if ev.get('RECURRENCE-ID') is not None:
        item['recurrence_id'] = ev.decoded('RECURRENCE-ID').isoformat()
    if ev.get('RRULE') is not None:
        rule = ev.get('RRULE').to_ical().decode()
        item['rrule'] = rule
        item['first'] = [d.astimezone(timezone.utc).isoformat() for d in list(rrulestr(rule, dtstart=start))[:5]]
    out.append(item)
print(json.dumps(out))
"#;
    let mut child = std::process::Command::new("python3")
        .args(["-c", SCRIPT])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .ok()?;
    use std::io::Write;
    child.stdin.take()?.write_all(text.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    let err = String::from_utf8_lossy(&out.stderr);
    if err.contains("ModuleNotFoundError") {
        eprintln!("SKIPPED: icalendar/dateutil not installed; the feed was not parsed independently");
        return None;
    }
    assert!(out.status.success(), "the iCalendar parser refused the feed: {err}\n{text}");
    Some(serde_json::from_slice::<Vec<Value>>(&out.stdout).expect("parser output"))
}

struct People {
    manager: Client,
    approver: Client,
    viewer: Client,
}

async fn people(app: &TestApp, w: &world::World) -> People {
    People {
        manager: app.signed_in(&w.manager_a.email, world::PASSWORD).await,
        approver: app.signed_in(&w.approver_a1.email, world::PASSWORD).await,
        viewer: app.signed_in(&w.viewer_a1.email, world::PASSWORD).await,
    }
}

#[tokio::test]
async fn a_weekly_series_from_agenda_to_acknowledged_minutes_with_promises_and_a_feed() {
    // Monday 7 December 2026, 12:00 in Moscow.
    let clock = Clock::manual(at("2026-12-07T09:00:00Z"));
    let app = spawn_app_with_clock(clock.clone(), |_| {}).await;
    let w = world::build(&app).await;
    let p = people(&app, &w).await;
    let client = w.client_a1.0;
    let base = format!("/api/staff/clients/{client}");

    // The manager agrees a weekly series: Tuesdays 11:00 Moscow time.
    let series = ok(
        p.manager
            .post(
                &format!("{base}/meeting-series"),
                weekly("Еженедельная встреча", 2, "2026-12-01", "11:00", "Europe/Moscow"),
            )
            .await,
        201,
    )
    .await;
    assert_eq!(series["time_zone"], "Europe/Moscow");
    // A zone no database has is refused, with the field named.
    let bad = ok(
        p.manager
            .post(&format!("{base}/meeting-series"), weekly("X", 2, "2026-12-01", "11:00", "Europe/Atlantis"))
            .await,
        422,
    )
    .await;
    assert_eq!(bad["field"], "time_zone");
    // The specialist may read but not set the schedule.
    let specialist = app.signed_in(&w.specialist_a.email, world::PASSWORD).await;
    ok(
        specialist
            .post(&format!("{base}/meeting-series"), weekly("X", 2, "2026-12-01", "11:00", "Europe/Moscow"))
            .await,
        403,
    )
    .await;

    let page = ok(p.manager.get(&format!("{base}/meetings")).await, 200).await;
    let next = &page["upcoming"][0];
    assert_eq!(next["local_start"], "2026-12-08T11:00");
    assert_eq!(next["starts_at"], "2026-12-08T08:00:00Z");
    assert!(next["id"].is_null(), "an occurrence nobody touched is computed, not stored");
    assert_eq!(page["upcoming"][1]["local_start"], "2026-12-15T11:00");

    // The client's approver adds a question for the next meeting in the portal.
    let question =
        ok(p.approver.post("/api/portal/agenda", json!({ "title": "Когда запускаем рекламу?" })).await, 201).await;
    assert_eq!(question["added_by_client"], true);
    let portal = ok(p.approver.get("/api/portal/meetings").await, 200).await;
    assert_eq!(portal["upcoming"][0]["agenda"][0]["title"], "Когда запускаем рекламу?");
    assert_eq!(portal["upcoming"][0]["summary"]["local_start"], "2026-12-08T11:00");

    // The occurrence is stored now; the manager adds an item of their own.
    let page = ok(p.manager.get(&format!("{base}/meetings")).await, 200).await;
    let mid = page["upcoming"][0]["id"].as_str().expect("stored by the question").to_string();
    let budget = ok(
        p.manager.post(&format!("/api/staff/meetings/{mid}/agenda"), json!({ "title": "Бюджет на январь" })).await,
        201,
    )
    .await;

    // A day before, the reminder goes out with the agenda and the calendar file.
    accord_server::jobs::schedule_periodic(&app.state).await.unwrap();
    while accord_server::jobs::run_due(&app.state).await.unwrap() > 0 {}
    let tx = app.db.unscoped("test reads the outbox").await.unwrap();
    let reminders = outbox::Entity::find()
        .filter(outbox::Column::Template.eq("meeting_reminder"))
        .filter(outbox::Column::AgencyId.eq(w.a.id))
        .all(tx.conn())
        .await
        .unwrap();
    let invitations = outbox::Entity::find()
        .filter(outbox::Column::Template.eq("meeting_scheduled"))
        .filter(outbox::Column::AgencyId.eq(w.a.id))
        .all(tx.conn())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let to: Vec<&str> = reminders.iter().map(|r| r.to_email.as_str()).collect();
    assert!(to.contains(&w.approver_a1.email.as_str()) && to.contains(&w.manager_a.email.as_str()), "{to:?}");
    for r in &reminders {
        assert!(
            r.body_text.contains("Когда запускаем рекламу?") && r.body_text.contains("Бюджет на январь"),
            "{}",
            r.body_text
        );
        assert_eq!(r.attachment_type.as_deref(), Some("text/calendar; charset=utf-8"));
        assert!(r
            .attachment
            .as_deref()
            .unwrap_or_default()
            .contains("RECURRENCE-ID;TZID=Europe/Moscow:20261208T110000"));
    }
    assert!(
        invitations.iter().any(|i| i.to_email == w.approver_a1.email
            && i.attachment.as_deref().unwrap_or_default().contains("RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU")),
        "the series invitation carries the series"
    );
    // A second pass sends nothing more.
    accord_server::jobs::schedule_periodic(&app.state).await.unwrap();
    while accord_server::jobs::run_due(&app.state).await.unwrap() > 0 {}
    let tx = app.db.unscoped("test reads the outbox").await.unwrap();
    let again = outbox::Entity::find()
        .filter(outbox::Column::Template.eq("meeting_reminder"))
        .filter(outbox::Column::AgencyId.eq(w.a.id))
        .all(tx.conn())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(again.len(), reminders.len());

    // The meeting is held; the minutes: two decisions, three action items (one on the client's side).
    clock.set(at("2026-12-08T09:30:00Z"));
    let p = people(&app, &w).await; // sessions idle out while the clock jumps
    let minutes = |decision2: &str, items: Value| {
        json!({
            "attendees": { "staff": [w.manager_a.id], "contacts": [], "guests": ["Анна, юрист"] },
            "notes": "Итоги **встречи**<script>alert(1)</script>",
            "decisions": ["Запускаем рекламу 15 декабря", decision2],
            "action_items": items,
            "discussed": [question["id"]],
        })
    };
    let items = json!([
        { "title": "Подготовить медиаплан", "side": "agency", "due_on": "2026-12-10" },
        { "title": "Настроить аналитику", "side": "agency", "assignee_staff": w.manager_a.id, "due_on": "2026-12-12" },
        { "title": "Прислать доступы к рекламному кабинету", "side": "client", "due_on": "2026-12-09" },
    ]);
    let held = ok(
        p.manager
            .send("PUT", &format!("/api/staff/meetings/{mid}/minutes"), Some(minutes("Бюджет 100 000 ₽", items)))
            .await,
        200,
    )
    .await;
    assert_eq!(held["summary"]["status"], "held");
    assert!(!held["notes"]["html"].as_str().unwrap().contains("<script"), "notes are sanitized");
    assert_eq!(held["decisions"].as_array().unwrap().len(), 2);
    assert_eq!(held["action_items"].as_array().unwrap().len(), 3);
    // Nothing reaches the portal before publishing.
    ok(p.approver.get(&format!("/api/portal/meetings/{mid}")).await, 404).await;
    let published = ok(p.manager.post(&format!("/api/staff/meetings/{mid}/publish"), json!({})).await, 200).await;
    assert_eq!(published["revision"], 1);
    assert_eq!(published["summary"]["ack"], "awaiting");
    ok(p.manager.post(&format!("/api/staff/meetings/{mid}/publish"), json!({})).await, 409).await;

    // The viewer cannot answer; the approver disputes decision 2.
    ok(p.viewer.post(&format!("/api/portal/meetings/{mid}/acknowledge"), json!({ "revision": 1 })).await, 403).await;
    let read = ok(p.approver.get(&format!("/api/portal/meetings/{mid}")).await, 200).await;
    assert_eq!(read["can_respond"], true);
    assert_eq!(read["attendees"]["guests"][0], "Анна, юрист");
    let disputed = ok(
        p.approver
            .post(
                &format!("/api/portal/meetings/{mid}/dispute"),
                json!({ "revision": 1, "decision": 2, "comment": "Договаривались о 90 000 ₽" }),
            )
            .await,
        200,
    )
    .await;
    assert_eq!(disputed["summary"]["ack"], "disputed");
    ok(
        p.approver
            .post(
                &format!("/api/portal/meetings/{mid}/dispute"),
                json!({ "revision": 1, "decision": 7, "comment": "?" }),
            )
            .await,
        422,
    )
    .await;

    // The manager revises decision 2 (the action items keep their ids) and publishes revision 2.
    let view = ok(p.manager.get(&format!("/api/staff/meetings/{mid}")).await, 200).await;
    assert_eq!(view["responses"][0]["decision"], 2);
    let kept: Vec<Value> = view["action_items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            json!({ "id": i["id"], "title": i["title"], "side": i["side"], "assignee_staff": i["assignee_staff"], "due_on": i["due_on"] })
        })
        .collect();
    let revised = ok(
        p.manager
            .send(
                "PUT",
                &format!("/api/staff/meetings/{mid}/minutes"),
                Some(minutes("Бюджет 90 000 ₽", Value::Array(kept))),
            )
            .await,
        200,
    )
    .await;
    assert_eq!(revised["unpublished_changes"], true);
    assert_eq!(revised["decisions"][1]["changed"], true);
    ok(p.manager.post(&format!("/api/staff/meetings/{mid}/publish"), json!({})).await, 200).await;

    // The client sees what changed and acknowledges the new revision (not the old one).
    let read = ok(p.approver.get(&format!("/api/portal/meetings/{mid}")).await, 200).await;
    assert_eq!(read["revision"], 2);
    assert_eq!(read["decisions"][0]["changed"], false);
    assert_eq!(read["decisions"][1]["changed"], true);
    assert_eq!(read["decisions"][1]["previous"], "Бюджет 100 000 ₽");
    ok(p.approver.post(&format!("/api/portal/meetings/{mid}/acknowledge"), json!({ "revision": 1 })).await, 409).await;
    let acked =
        ok(p.approver.post(&format!("/api/portal/meetings/{mid}/acknowledge"), json!({ "revision": 2 })).await, 200)
            .await;
    assert_eq!(acked["summary"]["ack"], "acknowledged");

    // The minutes as PDFs: the staff draft in Russian, the client's published revision in English.
    let staff_pdf = p.manager.get(&format!("/api/staff/meetings/{mid}/minutes.pdf?lang=ru")).await;
    assert_eq!(staff_pdf.status(), 200);
    assert_eq!(staff_pdf.headers()["content-type"], "application/pdf");
    let bytes = staff_pdf.bytes().await.unwrap();
    // Kept for a look (target/screenshots/minutes-ru.pdf).
    let shots = accord_tests::workspace_root().join("target/screenshots");
    let _ = std::fs::create_dir_all(&shots).and_then(|_| std::fs::write(shots.join("minutes-ru.pdf"), &bytes));
    if let Some(text) = pdf_text(&bytes) {
        for want in [
            w.a.name.as_str(),
            "Протокол встречи",
            "Еженедельная встреча",
            "Запускаем рекламу 15 декабря",
            "Бюджет 90 000 ₽",
            "Подготовить медиаплан",
            "Анна, юрист",
            "Когда запускаем рекламу?",
        ] {
            assert!(text.contains(want), "the PDF lacks {want:?}:\n{text}");
        }
    }
    let portal_pdf = p.approver.get(&format!("/api/portal/meetings/{mid}/minutes.pdf?lang=en")).await;
    assert_eq!(portal_pdf.status(), 200);
    if let Some(text) = pdf_text(&portal_pdf.bytes().await.unwrap()) {
        for want in ["Meeting minutes", "Revision 2", "Бюджет 90 000 ₽", "acknowledged the minutes"] {
            assert!(text.contains(want), "the portal PDF lacks {want:?}:\n{text}");
        }
    }

    // The undiscussed item moved to the next meeting, marked as carried over.
    let page = ok(p.manager.get(&format!("{base}/meetings")).await, 200).await;
    let next = &page["upcoming"][0];
    assert_eq!(next["local_start"], "2026-12-15T11:00");
    let next_id = next["id"].as_str().expect("stored by the carry-over");
    let next_view = ok(p.manager.get(&format!("/api/staff/meetings/{next_id}")).await, 200).await;
    assert_eq!(next_view["agenda"][0]["id"], budget["id"]);
    assert_eq!(next_view["agenda"][0]["carried_from"], "2026-12-08");
    assert_eq!(next_view["open_from_before"].as_array().unwrap().len(), 3, "{next_view}");
    assert_eq!(page["past"]["items"][0]["ack"], "acknowledged");

    // Mail: approvers were asked to acknowledge (twice: two revisions), the manager told of the dispute.
    let tx = app.db.unscoped("test reads the outbox").await.unwrap();
    let templates: Vec<String> = outbox::Entity::find()
        .filter(outbox::Column::AgencyId.eq(w.a.id))
        .all(tx.conn())
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.template)
        .collect();
    tx.commit().await.unwrap();
    assert_eq!(templates.iter().filter(|t| *t == "minutes_published").count(), 2, "{templates:?}");
    assert_eq!(templates.iter().filter(|t| *t == "minutes_disputed").count(), 1, "{templates:?}");

    // Promises: "Настроить аналитику" is renegotiated before its date and the approver agrees.
    let promises = ok(p.manager.get(&format!("{base}/promises")).await, 200).await;
    let find =
        |title: &str| promises.as_array().unwrap().iter().find(|i| i["title"] == title).expect("promise").clone();
    let analytics = find("Настроить аналитику");
    let plan = find("Подготовить медиаплан");
    let access = find("Прислать доступы к рекламному кабинету");
    ok(
        p.manager
            .post(
                &format!("/api/staff/action-items/{}/renegotiate", access["id"].as_str().unwrap()),
                json!({ "due_on": "2026-12-20", "reason": "x" }),
            )
            .await,
        422,
    )
    .await;
    let proposed = ok(
        p.manager
            .post(
                &format!("/api/staff/action-items/{}/renegotiate", analytics["id"].as_str().unwrap()),
                json!({ "due_on": "2026-12-19", "reason": "Ждём доступы от клиента" }),
            )
            .await,
        200,
    )
    .await;
    assert_eq!(proposed["pending"]["to"], "2026-12-19");
    assert_eq!(proposed["due_on"], "2026-12-12", "nothing changes until the client agrees");
    let portal = ok(p.approver.get("/api/portal/meetings").await, 200).await;
    assert_eq!(portal["to_confirm"][0]["title"], "Настроить аналитику");
    assert_eq!(portal["on_your_side"][0]["title"], "Прислать доступы к рекламному кабинету");
    ok(
        p.viewer
            .post(&format!("/api/portal/action-items/{}/confirm", analytics["id"].as_str().unwrap()), json!({}))
            .await,
        403,
    )
    .await;
    let agreed = ok(
        p.approver
            .post(&format!("/api/portal/action-items/{}/confirm", analytics["id"].as_str().unwrap()), json!({}))
            .await,
        200,
    )
    .await;
    assert_eq!(agreed["due_on"], "2026-12-19");
    assert_eq!(agreed["original_due_on"], "2026-12-12", "the original date is never overwritten");
    assert_eq!(agreed["renegotiations"].as_array().unwrap().len(), 1);

    // On 20 December: the media plan was never done (broken); analytics was done on the 18th
    // (kept, renegotiated); the client's access is late (waiting on the client, not counted).
    clock.set(at("2026-12-20T09:00:00Z"));
    let p = people(&app, &w).await;
    ok(
        p.manager
            .post(
                &format!("/api/staff/action-items/{}/done", analytics["id"].as_str().unwrap()),
                json!({ "done": true, "on": "2026-12-18" }),
            )
            .await,
        200,
    )
    .await;
    ok(
        p.manager
            .post(
                &format!("/api/staff/action-items/{}/renegotiate", plan["id"].as_str().unwrap()),
                json!({ "due_on": "2026-12-25", "reason": "late" }),
            )
            .await,
        409,
    )
    .await;
    let overview = ok(p.manager.get("/api/staff/promises").await, 200).await;
    let agency = &overview["agency"];
    assert_eq!(
        (agency["due"].as_u64(), agency["kept"].as_u64(), agency["broken"].as_u64()),
        (Some(2), Some(1), Some(1)),
        "{overview}"
    );
    assert_eq!(agency["renegotiated"], 1);
    assert_eq!(agency["broken_rate_tenths"], 500);
    assert_eq!(overview["managers"][0]["manager"]["id"], json!(w.manager_a.id));
    assert_eq!(overview["managers"][0]["broken"], 1);
    assert_eq!(overview["waiting_on_client"][0]["state"], "waiting_on_client");
    assert!(overview["due_this_week"].as_array().unwrap().iter().any(|i| i["state"] == "broken"));

    // Cancel one occurrence with a reason, and restore another after cancelling it.
    let page = ok(p.manager.get(&format!("{base}/meetings")).await, 200).await;
    let upcoming = page["upcoming"].as_array().unwrap();
    assert_eq!(upcoming[0]["local_start"], "2026-12-22T11:00");
    let sid = series["id"].as_str().unwrap();
    let dec22 =
        ok(p.manager.post(&format!("/api/staff/meeting-series/{sid}/occurrences/2026-12-22"), json!({})).await, 200)
            .await;
    let dec22_id = dec22["summary"]["id"].as_str().unwrap().to_string();
    ok(p.manager.post(&format!("/api/staff/meeting-series/{sid}/occurrences/2026-12-23"), json!({})).await, 422).await;
    ok(p.manager.post(&format!("/api/staff/meetings/{dec22_id}/cancel"), json!({ "reason": "" })).await, 422).await;
    let cancelled = ok(
        p.manager
            .post(&format!("/api/staff/meetings/{dec22_id}/cancel"), json!({ "reason": "Новогодние праздники" }))
            .await,
        200,
    )
    .await;
    assert_eq!(cancelled["summary"]["status"], "cancelled");
    ok(p.manager.post(&format!("/api/staff/meetings/{dec22_id}/restore"), json!({})).await, 200).await;
    let again = ok(
        p.manager.post(&format!("/api/staff/meetings/{dec22_id}/cancel"), json!({ "reason": "Праздники" })).await,
        200,
    )
    .await;
    assert_eq!(again["history"].as_array().unwrap().len(), 3, "{again}");

    // A second series in Berlin, across the spring DST change.
    ok(
        p.manager
            .post(
                &format!("{base}/meeting-series"),
                json!({
                "title": "Berlin sync", "frequency": "weekly", "interval": 1, "weekday": 3, "starts_on": "2027-03-17",
                "time": "10:00", "time_zone": "Europe/Berlin", "duration_minutes": 30, "count": 3 }),
            )
            .await,
        201,
    )
    .await;

    // The manager's feed, read by the independent parser.
    let feed = ok(p.manager.post("/api/staff/calendar-feed", json!({})).await, 200).await;
    let url = feed["url"].as_str().unwrap();
    let path = &url[url.find("/api/").unwrap()..];
    let anon = app.client();
    let res = anon.get(path).await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/calendar"));
    let text = res.text().await.unwrap();
    if let Some(events) = parse_ics(&text) {
        let master = events
            .iter()
            .find(|e| e["uid"] == format!("{}@accord", sid) && e.get("rrule").is_some())
            .expect("series master");
        assert_eq!(master["start_local"], "2026-12-01T11:00:00+03:00");
        assert_eq!(master["tzid"], "Europe/Moscow");
        assert!(
            master["rrule"].as_str().unwrap().contains("FREQ=WEEKLY")
                && master["rrule"].as_str().unwrap().contains("BYDAY=TU")
        );
        assert_eq!(master["first"][1], "2026-12-08T08:00:00+00:00");
        let over = events
            .iter()
            .find(|e| e["recurrence_id"] == "2026-12-08T11:00:00+03:00")
            .expect("held occurrence override");
        assert_eq!(over["uid"], master["uid"]);
        assert!(over["description"].as_str().unwrap().contains("Когда запускаем рекламу?"), "{over}");
        let cancelled =
            events.iter().find(|e| e["recurrence_id"] == "2026-12-22T11:00:00+03:00").expect("cancelled occurrence");
        assert_eq!(cancelled["status"], "CANCELLED");
        assert!(cancelled["sequence"].as_i64().unwrap() >= 3, "every change raises SEQUENCE: {cancelled}");
        let berlin = events.iter().find(|e| e["summary"].as_str().unwrap().starts_with("Berlin sync")).expect("berlin");
        assert_eq!(
            berlin["first"],
            json!(["2027-03-17T09:00:00+00:00", "2027-03-24T09:00:00+00:00", "2027-03-31T08:00:00+00:00"])
        );
    }
    // Re-issuing replaces the URL: the old one is gone; revoking ends the new one.
    let second = ok(p.manager.post("/api/staff/calendar-feed", json!({})).await, 200).await;
    assert_eq!(anon.get(path).await.status(), 404);
    let second_url = second["url"].as_str().unwrap();
    let second_path = &second_url[second_url.find("/api/").unwrap()..];
    assert_eq!(anon.get(second_path).await.status(), 200);
    ok(p.manager.send("DELETE", "/api/staff/calendar-feed", None).await, 200).await;
    assert_eq!(anon.get(second_path).await.status(), 404);

    // The contact's feed has their client's meetings only, and the one-meeting download works.
    let feed = ok(p.approver.post("/api/portal/calendar-feed", json!({})).await, 200).await;
    let url = feed["url"].as_str().unwrap();
    let text = anon.get(&url[url.find("/api/").unwrap()..]).await.text().await.unwrap();
    assert!(text.contains("BEGIN:VCALENDAR") && text.contains(&format!("UID:{sid}@accord")));
    assert!(!text.contains(&w.client_a2.1));
    let one = p.approver.get(&format!("/api/portal/meetings/{mid}/ics")).await;
    assert_eq!(one.status(), 200);
    if let Some(events) = parse_ics(&one.text().await.unwrap()) {
        assert_eq!(events.len(), 1);
        assert_eq!(events[0]["start"], "2026-12-08T08:00:00+00:00");
    }
}

/// The meetings page, the meeting, the portal page and the promises overview run a fixed
/// number of statements however much there is (printed for the record).
#[tokio::test]
async fn meeting_lists_are_constant_query() {
    let clock = Clock::manual(at("2026-12-07T09:00:00Z"));
    // The mail sender's polling would add to the counts at random moments.
    let app = spawn_app_with_clock(clock.clone(), |s| s.mail_poll_ms = 3_600_000).await;
    let w = world::build(&app).await;
    let p = people(&app, &w).await;
    let base = format!("/api/staff/clients/{}", w.client_a1.0);
    ok(
        p.manager
            .post(&format!("{base}/meeting-series"), weekly("Weekly", 2, "2026-12-01", "11:00", "Europe/Moscow"))
            .await,
        201,
    )
    .await;
    let add = |n: usize| {
        let p = &p;
        let base = base.clone();
        async move {
            let mut last = String::new();
            for i in 0..n {
                let m = ok(
                    p.manager.post(&format!("{base}/meetings"), json!({ "title": format!("One-off {i}"), "local_start": format!("2026-12-{:02}T15:00", 10 + i), "time_zone": "Europe/Moscow", "duration_minutes": 45 })).await,
                    201,
                )
                .await;
                last = m["summary"]["id"].as_str().unwrap().to_string();
                ok(
                    p.manager
                        .post(&format!("/api/staff/meetings/{last}/agenda"), json!({ "title": format!("Topic {i}") }))
                        .await,
                    201,
                )
                .await;
                ok(p.approver.post("/api/portal/agenda", json!({ "title": format!("Question {i}") })).await, 201).await;
                ok(
                    p.manager
                        .post(
                            &format!("{base}/promises"),
                            json!({ "title": format!("Promise {i}"), "due_on": "2026-12-05" }),
                        )
                        .await,
                    201,
                )
                .await;
            }
            last
        }
    };
    let paths = |mid: &str| {
        vec![
            (format!("{base}/meetings"), true),
            (format!("/api/staff/meetings/{mid}"), true),
            ("/api/staff/promises".to_string(), true),
            (format!("{base}/promises"), true),
            ("/api/portal/meetings".to_string(), false),
        ]
    };
    let mid = add(1).await;
    let mut small = Vec::new();
    for (path, staff) in paths(&mid) {
        small.push(app.queries_for(if staff { &p.manager } else { &p.approver }, &path).await);
    }
    add(6).await;
    for (i, (path, staff)) in paths(&mid).into_iter().enumerate() {
        let large = app.queries_for(if staff { &p.manager } else { &p.approver }, &path).await;
        println!("queries for {path}: {} with little data, {large} with more", small[i]);
        assert_eq!(small[i], large, "{path} grows with the data");
    }
    let _ = Duration::zero();
}

/// The acknowledgement window is an agency setting (owners and admins), 1–30 days.
#[tokio::test]
async fn the_acknowledgement_window_is_an_agency_setting() {
    let app = accord_tests::spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let got = ok(owner.get("/api/staff/agency/settings").await, 200).await;
    assert_eq!(got["ack_days"], 3, "the default");
    let set = ok(
        owner
            .send("PUT", "/api/staff/agency/settings", Some(json!({ "managers_see_all": false, "ack_days": 5 })))
            .await,
        200,
    )
    .await;
    assert_eq!(set["ack_days"], 5);
    for bad in [0, 31] {
        let refused = ok(
            owner
                .send("PUT", "/api/staff/agency/settings", Some(json!({ "managers_see_all": false, "ack_days": bad })))
                .await,
            422,
        )
        .await;
        assert_eq!(refused["field"], "ack_days");
    }
    assert_eq!(ok(owner.get("/api/staff/agency/settings").await, 200).await["ack_days"], 5, "nothing half written");
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    ok(
        manager
            .send("PUT", "/api/staff/agency/settings", Some(json!({ "managers_see_all": true, "ack_days": 7 })))
            .await,
        403,
    )
    .await;
}

/// A one-off meeting on `local_start` (Moscow), held with these minutes; returns its id.
pub(crate) async fn held_meeting(
    manager: &Client,
    client: accord_api::ClientId,
    local_start: &str,
    minutes: Value,
) -> String {
    let base = format!("/api/staff/clients/{client}");
    let made = ok(
        manager
            .post(
                &format!("{base}/meetings"),
                json!({ "title": "Встреча", "local_start": local_start, "time_zone": "Europe/Moscow", "duration_minutes": 60 }),
            )
            .await,
        201,
    )
    .await;
    let mid = made["summary"]["id"].as_str().expect("meeting id").to_string();
    ok(manager.send("PUT", &format!("/api/staff/meetings/{mid}/minutes"), Some(minutes)).await, 200).await;
    mid
}

#[tokio::test]
async fn a_new_date_agreed_in_acknowledged_minutes_counts_and_promises_stay_with_the_manager_they_fell_due_under() {
    // Monday 7 December 2026, 12:00 in Moscow.
    let clock = Clock::manual(at("2026-12-07T09:00:00Z"));
    let app = spawn_app_with_clock(clock.clone(), |_| {}).await;
    let w = world::build(&app).await;
    let p = people(&app, &w).await;
    let client = w.client_a1.0;
    let minutes = |decisions: Value, items: Value| {
        json!({
            "attendees": { "staff": [w.manager_a.id], "contacts": [], "guests": [] },
            "notes": "", "decisions": decisions, "action_items": items, "discussed": [],
        })
    };
    // Two promises with no assignee: they belong to the client's account manager.
    let first = held_meeting(
        &p.manager,
        client,
        "2026-12-07T10:00",
        minutes(
            json!(["Начинаем работы"]),
            json!([
                { "title": "Сверстать лендинг", "side": "agency", "due_on": "2026-12-09" },
                { "title": "Запустить рассылку", "side": "agency", "due_on": "2026-12-11" },
            ]),
        ),
    )
    .await;
    ok(p.manager.post(&format!("/api/staff/meetings/{first}/publish"), json!({})).await, 200).await;
    ok(p.approver.post(&format!("/api/portal/meetings/{first}/acknowledge"), json!({ "revision": 1 })).await, 200)
        .await;
    let promises = ok(p.manager.get(&format!("/api/staff/clients/{client}/promises")).await, 200).await;
    let id_of = |title: &str| {
        promises.as_array().unwrap().iter().find(|i| i["title"] == title).expect("promise")["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let (landing, mailing) = (id_of("Сверстать лендинг"), id_of("Запустить рассылку"));

    // 10 December: the next meeting is held; the mailing's new date is recorded in its minutes.
    clock.set(at("2026-12-10T09:00:00Z"));
    let p = people(&app, &w).await;
    let second =
        held_meeting(&p.manager, client, "2026-12-10T10:00", minutes(json!(["Бюджет утверждён"]), json!([]))).await;
    let renegotiate = |meeting: Option<&str>| json!({ "due_on": "2026-12-18", "reason": "Клиент меняет базу подписчиков", "meeting_id": meeting });
    // Only a held meeting of this client can carry it.
    let upcoming = ok(
        p.manager
            .post(
                &format!("/api/staff/clients/{client}/meetings"),
                json!({ "title": "Потом", "local_start": "2026-12-17T10:00", "time_zone": "Europe/Moscow", "duration_minutes": 30 }),
            )
            .await,
        201,
    )
    .await;
    let not_held = ok(
        p.manager
            .post(
                &format!("/api/staff/action-items/{mailing}/renegotiate"),
                renegotiate(upcoming["summary"]["id"].as_str()),
            )
            .await,
        409,
    )
    .await;
    assert_eq!(
        (not_held["code"].as_str(), not_held["field"].as_str()),
        (Some("invalid_transition"), Some("meeting_id"))
    );
    let stranger = ok(
        p.manager
            .post(
                &format!("/api/staff/action-items/{mailing}/renegotiate"),
                renegotiate(Some(&uuid::Uuid::new_v4().to_string())),
            )
            .await,
        422,
    )
    .await;
    assert_eq!(stranger["field"], "meeting_id");
    let proposed = ok(
        p.manager.post(&format!("/api/staff/action-items/{mailing}/renegotiate"), renegotiate(Some(&second))).await,
        200,
    )
    .await;
    assert_eq!(proposed["due_on"], "2026-12-11", "nothing changes until the client agrees");
    assert_eq!(proposed["pending"]["to"], "2026-12-18");
    let view = ok(p.manager.get(&format!("/api/staff/meetings/{second}")).await, 200).await;
    let decisions: Vec<&str> =
        view["decisions"].as_array().unwrap().iter().map(|d| d["text"].as_str().unwrap()).collect();
    assert_eq!(decisions.len(), 2, "{decisions:?}");
    // In the agency's language (agency A writes in English).
    assert_eq!(
        decisions[1],
        "New date for “Запустить рассылку”: 18 Dec 2026 instead of 11 Dec 2026. Reason: Клиент меняет базу подписчиков"
    );
    let published = ok(p.manager.post(&format!("/api/staff/meetings/{second}/publish"), json!({})).await, 200).await;
    assert_eq!(published["revision"], 1);
    // The client reads the new date among the decisions and acknowledges the minutes.
    let portal = ok(p.approver.get(&format!("/api/portal/meetings/{second}")).await, 200).await;
    assert!(portal.to_string().contains("18 Dec 2026 instead of 11 Dec 2026"), "{portal}");
    let home = ok(p.approver.get("/api/portal/home").await, 200).await;
    assert_eq!(home["minutes_to_acknowledge"], 1, "the home page asks for the acknowledgement");
    ok(p.approver.post(&format!("/api/portal/meetings/{second}/acknowledge"), json!({ "revision": 1 })).await, 200)
        .await;
    let promises = ok(p.manager.get(&format!("/api/staff/clients/{client}/promises")).await, 200).await;
    let mailing_now = promises.as_array().unwrap().iter().find(|i| i["id"] == mailing.as_str()).unwrap().clone();
    assert_eq!(mailing_now["due_on"], "2026-12-18");
    assert_eq!(mailing_now["original_due_on"], "2026-12-11");
    assert_eq!(mailing_now["renegotiations"][0]["agreed_by"], w.approver_a1.name.as_str(), "{mailing_now}");
    assert!(mailing_now["pending"].is_null());

    // 12 December: the landing (due the 9th) was never done. The agency hands the client to
    // another manager; a promise recorded afterwards falls due under the new one.
    clock.set(at("2026-12-12T09:00:00Z"));
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let mut profile = ok(owner.get(&format!("/api/staff/clients/{client}")).await, 200).await;
    let body = json!({
        "name": profile["name"], "status": profile["status"], "account_manager_id": w.admin_a.id,
        "started_on": profile["started_on"], "ended_on": profile["ended_on"],
    });
    profile = ok(owner.send("PUT", &format!("/api/staff/clients/{client}"), Some(body)).await, 200).await;
    assert_eq!(profile["account_manager"]["id"], json!(w.admin_a.id));
    ok(
        owner
            .post(
                &format!("/api/staff/clients/{client}/promises"),
                json!({ "title": "Отправить отчёт", "due_on": "2026-12-14" }),
            )
            .await,
        201,
    )
    .await;

    // 20 December: the mailing was done on the 17th, by its agreed date.
    clock.set(at("2026-12-20T09:00:00Z"));
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    ok(
        owner
            .post(&format!("/api/staff/action-items/{mailing}/done"), json!({ "done": true, "on": "2026-12-17" }))
            .await,
        200,
    )
    .await;
    let overview = ok(owner.get("/api/staff/promises").await, 200).await;
    let agency = &overview["agency"];
    assert_eq!(
        (agency["due"].as_u64(), agency["kept"].as_u64(), agency["broken"].as_u64(), agency["renegotiated"].as_u64()),
        (Some(3), Some(1), Some(2), Some(1)),
        "{overview}"
    );
    let of = |who: &world::Person| {
        overview["managers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["manager"]["id"] == json!(who.id))
            .unwrap_or_else(|| panic!("no rate for {}: {overview}", who.name))
            .clone()
    };
    let (old, new) = (of(&w.manager_a), of(&w.admin_a));
    assert_eq!((old["due"].as_u64(), old["broken"].as_u64()), (Some(1), Some(1)), "the landing stays with manager A");
    assert_eq!((new["due"].as_u64(), new["broken"].as_u64()), (Some(2), Some(1)), "the mailing and the report");
    assert_eq!(new["renegotiated"], 1);
    let promises = ok(owner.get(&format!("/api/staff/clients/{client}/promises")).await, 200).await;
    let landing = promises.as_array().unwrap().iter().find(|i| i["id"] == landing.as_str()).unwrap().clone();
    assert_eq!(landing["state"], "broken");
}

#[tokio::test]
async fn an_agenda_item_moves_by_hand_to_the_next_meeting_of_the_series() {
    let clock = Clock::manual(at("2026-12-07T09:00:00Z"));
    let app = spawn_app_with_clock(clock.clone(), |_| {}).await;
    let w = world::build(&app).await;
    let p = people(&app, &w).await;
    let base = format!("/api/staff/clients/{}", w.client_a1.0);
    let series = ok(
        p.manager
            .post(&format!("{base}/meeting-series"), weekly("Синк", 2, "2026-12-01", "11:00", "Europe/Moscow"))
            .await,
        201,
    )
    .await;
    let sid = series["id"].as_str().unwrap();
    let dec8 =
        ok(p.manager.post(&format!("/api/staff/meeting-series/{sid}/occurrences/2026-12-08"), json!({})).await, 200)
            .await;
    let mid = dec8["summary"]["id"].as_str().unwrap().to_string();
    let item = ok(
        p.manager.post(&format!("/api/staff/meetings/{mid}/agenda"), json!({ "title": "Отложенный вопрос" })).await,
        201,
    )
    .await;
    let aid = item["id"].as_str().unwrap();
    // The specialist may not; the manager moves it to whatever meeting comes next.
    let specialist = app.signed_in(&w.specialist_a.email, world::PASSWORD).await;
    ok(specialist.post(&format!("/api/staff/agenda/{aid}/move"), json!({})).await, 403).await;
    ok(p.manager.post(&format!("/api/staff/agenda/{aid}/move"), json!({})).await, 204).await;
    let page = ok(p.manager.get(&format!("{base}/meetings")).await, 200).await;
    let next = &page["upcoming"][1];
    assert_eq!(next["local_start"], "2026-12-15T11:00");
    let next_id = next["id"].as_str().expect("the next occurrence is stored for the item");
    let view = ok(p.manager.get(&format!("/api/staff/meetings/{next_id}")).await, 200).await;
    assert_eq!(view["agenda"][0]["title"], "Отложенный вопрос");
    assert_eq!(view["agenda"][0]["carried_from"], "2026-12-08");
    let before = ok(p.manager.get(&format!("/api/staff/meetings/{mid}")).await, 200).await;
    assert!(before["agenda"].as_array().unwrap().is_empty(), "{before}");
}

#[tokio::test]
async fn invitations_and_reminders_go_to_the_chosen_invitees() {
    let clock = Clock::manual(at("2026-12-07T09:00:00Z"));
    let app = spawn_app_with_clock(clock.clone(), |_| {}).await;
    let w = world::build(&app).await;
    let p = people(&app, &w).await;
    let base = format!("/api/staff/clients/{}", w.client_a1.0);
    let contacts = ok(p.manager.get(&format!("{base}/contacts")).await, 200).await;
    let contact_id =
        |name: &str| contacts.as_array().unwrap().iter().find(|c| c["name"] == name).expect("contact")["id"].clone();
    let approver = contact_id(&w.approver_a1.name);
    // Someone not of this client, or not of the agency, is refused with the field named.
    let mut series = weekly("Синк с ЛПР", 2, "2026-12-01", "11:00", "Europe/Moscow");
    series["invitees"] = json!({ "staff": [w.manager_a.id], "contacts": [uuid::Uuid::new_v4()] });
    let bad = ok(p.manager.post(&format!("{base}/meeting-series"), series.clone()).await, 422).await;
    assert_eq!(bad["field"], "invitees.contacts");
    series["invitees"] = json!({ "staff": [uuid::Uuid::new_v4()], "contacts": [] });
    let bad = ok(p.manager.post(&format!("{base}/meeting-series"), series.clone()).await, 422).await;
    assert_eq!(bad["field"], "invitees.staff");
    // The manager and the specialist from the agency, only the approver from the client.
    series["invitees"] = json!({ "staff": [w.manager_a.id, w.specialist_a.id], "contacts": [approver] });
    let made = ok(p.manager.post(&format!("{base}/meeting-series"), series).await, 201).await;
    assert_eq!(made["invitees"]["contacts"], json!([approver]));
    let one_off = json!({
        "title": "Разбор аналитики", "local_start": "2026-12-09T15:00", "time_zone": "Europe/Moscow",
        "duration_minutes": 30, "invitees": { "staff": [w.specialist_a.id], "contacts": [] }
    });
    let meeting = ok(p.manager.post(&format!("{base}/meetings"), one_off).await, 201).await;
    assert_eq!(meeting["invitees"]["staff"][0]["name"], w.specialist_a.name.as_str());
    // The day before each, the reminders.
    clock.set(at("2026-12-07T09:30:00Z"));
    accord_server::jobs::schedule_periodic(&app.state).await.unwrap();
    while accord_server::jobs::run_due(&app.state).await.unwrap() > 0 {}
    clock.set(at("2026-12-08T13:00:00Z"));
    accord_server::jobs::schedule_periodic(&app.state).await.unwrap();
    while accord_server::jobs::run_due(&app.state).await.unwrap() > 0 {}
    let tx = app.db.unscoped("test reads the outbox").await.unwrap();
    let sent: Vec<(String, String)> = outbox::Entity::find()
        .filter(outbox::Column::AgencyId.eq(w.a.id))
        .all(tx.conn())
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.template.starts_with("meeting_"))
        .map(|m| (m.template, m.to_email))
        .collect();
    tx.commit().await.unwrap();
    let to = |template: &str| {
        let mut v: Vec<&str> = sent.iter().filter(|(t, _)| t == template).map(|(_, e)| e.as_str()).collect();
        v.sort_unstable();
        v
    };
    let mut series_people =
        vec![w.manager_a.email.as_str(), w.specialist_a.email.as_str(), w.approver_a1.email.as_str()];
    series_people.sort_unstable();
    let mut invited = series_people.clone();
    invited.push(w.specialist_a.email.as_str());
    invited.sort_unstable();
    assert_eq!(to("meeting_scheduled"), invited, "{sent:?}");
    let mut reminded = series_people;
    reminded.push(w.specialist_a.email.as_str());
    reminded.sort_unstable();
    assert_eq!(to("meeting_reminder"), reminded, "the viewer is not invited: {sent:?}");
}
