//! Survey settings, as an owner would set them up: the built-in NPS wording and criteria until
//! saved; the 5P set with a criterion of the agency's own; a criterion taken off the list is
//! kept for past answers and comes back under its key; bad input is refused whole; another
//! agency keeps its own.

use accord_entity::{survey_answers, survey_criteria, survey_ratings};
use accord_tests::{spawn_app, world, TestApp};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{json, Value};

async fn ok(res: reqwest::Response, want: u16) -> Value {
    let status = res.status().as_u16();
    let text = res.text().await.unwrap_or_default();
    assert_eq!(status, want, "{text}");
    serde_json::from_str(&text).unwrap_or(Value::String(text))
}

async fn stored(app: &TestApp, agency: accord_api::AgencyId) -> Vec<(String, bool)> {
    let tx = app.db.unscoped("test reads criteria").await.unwrap();
    let rows = survey_criteria::Entity::find()
        .filter(survey_criteria::Column::AgencyId.eq(agency))
        .order_by_asc(survey_criteria::Column::CreatedAt)
        .order_by_asc(survey_criteria::Column::Position)
        .all(tx.conn())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    rows.into_iter().map(|c| (c.key, c.active)).collect()
}

fn keys(page: &Value) -> Vec<String> {
    page["settings"]["criteria"].as_array().unwrap().iter().map(|c| c["key"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn an_owner_sets_up_the_nps_wording_and_csi_criteria() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let path = "/api/staff/survey-settings";

    // Built-in until saved: price, timeline, service; the 5P set is offered.
    let page = ok(manager.get(path).await, 200).await;
    assert_eq!(page["settings"]["built_in"], true);
    assert_eq!(page["can_edit"], false);
    assert_eq!(keys(&page), ["price", "timeline", "service"]);
    assert_eq!(page["settings"]["recontact_max"], 2);
    assert_eq!(page["settings"]["followup_days"], 2);
    assert!(page["settings"]["nps_ru"]["question"].as_str().unwrap().contains("{agency}"));
    let five_p = page["presets"].as_array().unwrap().iter().find(|p| p["key"] == "five_p").expect("5P").clone();
    assert_eq!(five_p["criteria"].as_array().unwrap().len(), 5);
    // Managers read, only owners and admins save.
    let mut wanted = page["settings"].clone();
    assert_eq!(manager.send("PUT", path, Some(wanted.clone())).await.status(), 403);

    // The owner takes the 5P set, adds "Quality" (no key yet) and rewords the Russian question.
    let mut criteria = five_p["criteria"].as_array().unwrap().clone();
    criteria.push(json!({ "name_ru": "Качество", "name_en": "Quality" }));
    wanted["criteria"] = json!(criteria);
    wanted["nps_ru"]["question"] = json!("  Порекомендуете ли вы {agency} знакомым?  ");
    wanted["recontact_max"] = json!(3);
    wanted["followup_days"] = json!(1);
    let saved = ok(owner.send("PUT", path, Some(wanted.clone())).await, 200).await;
    assert_eq!(saved["settings"]["built_in"], false);
    assert_eq!(saved["can_edit"], true);
    let k = keys(&saved);
    assert_eq!(&k[..5], ["product", "price", "place", "promotion", "people"]);
    assert!(k[5].starts_with("c_"), "{k:?}");
    assert_eq!(saved["settings"]["nps_ru"]["question"], "Порекомендуете ли вы {agency} знакомым?");
    assert_eq!(
        (saved["settings"]["recontact_max"].as_u64(), saved["settings"]["followup_days"].as_u64()),
        (Some(3), Some(1))
    );
    assert_eq!(ok(manager.get(path).await, 200).await["settings"], saved["settings"]);

    // "People" off the list and "Price" renamed: kept inactive, then back under its key.
    let mut less = saved["settings"].clone();
    let list = less["criteria"].as_array_mut().unwrap();
    list.retain(|c| c["key"] != "people");
    list[1]["name_en"] = json!("Cost");
    let after = ok(owner.send("PUT", path, Some(less.clone())).await, 200).await;
    assert_eq!(keys(&after).len(), 5);
    assert_eq!(after["settings"]["criteria"][1]["name_en"], "Cost");
    let rows = stored(&app, w.a.id).await;
    assert_eq!(rows.len(), 6);
    assert!(rows.contains(&("people".to_string(), false)));
    let back = ok(owner.send("PUT", path, Some(saved["settings"].clone())).await, 200).await;
    assert_eq!(keys(&back), k);
    assert_eq!(stored(&app, w.a.id).await.len(), 6, "no second row for a criterion put back");

    // Bad input is refused whole, naming the field; nothing changes.
    let cases: Vec<(Value, &str)> = vec![
        (json!([]), "criteria"),
        (
            json!((0..11)
                .map(|i| json!({ "name_ru": format!("К{i}"), "name_en": format!("C{i}") }))
                .collect::<Vec<_>>()),
            "criteria",
        ),
        (
            json!([{ "key": "price", "name_ru": "Цена", "name_en": "Price" }, { "key": "price", "name_ru": "Ещё", "name_en": "Again" }]),
            "criteria[1].key",
        ),
        (json!([{ "key": "Цена", "name_ru": "Цена", "name_en": "Price" }]), "criteria[0].key"),
        (json!([{ "name_ru": "  ", "name_en": "Price" }]), "criteria[0].name_ru"),
    ];
    for (criteria, field) in cases {
        let mut bad = back["settings"].clone();
        bad["criteria"] = criteria;
        let err = ok(owner.send("PUT", path, Some(bad)).await, 422).await;
        assert_eq!((err["code"].as_str(), err["field"].as_str()), (Some("validation_failed"), Some(field)), "{err}");
    }
    for (name, value, field) in [
        ("recontact_max", json!(0), "recontact_max"),
        ("recontact_max", json!(13), "recontact_max"),
        ("followup_days", json!(11), "followup_days"),
    ] {
        let mut bad = back["settings"].clone();
        bad[name] = value;
        let err = ok(owner.send("PUT", path, Some(bad)).await, 422).await;
        assert_eq!(err["field"], field, "{err}");
    }
    let mut bad = back["settings"].clone();
    bad["nps_en"]["why_detractor"] = json!("");
    bad["criteria"] = json!([{ "name_ru": "Новое", "name_en": "New" }]);
    let err = ok(owner.send("PUT", path, Some(bad)).await, 422).await;
    assert_eq!(err["field"], "nps_en.why_detractor");
    assert_eq!(ok(owner.get(path).await, 200).await["settings"], back["settings"]);
    assert_eq!(stored(&app, w.a.id).await.len(), 6);

    // Agency B still has the built-in settings.
    let owner_b = app.signed_in(&w.b.owner.email, world::PASSWORD).await;
    let b = ok(owner_b.get(path).await, 200).await;
    assert_eq!(b["settings"]["built_in"], true);
    assert_eq!(keys(&b), ["price", "timeline", "service"]);
}

/// The survey mails of one template to one address (bodies, oldest first).
async fn mails(app: &TestApp, template: &str, to: &str) -> Vec<String> {
    let tx = app.db.unscoped("test reads the outbox").await.unwrap();
    let rows = accord_entity::outbox::Entity::find()
        .filter(accord_entity::outbox::Column::Template.eq(template))
        .filter(accord_entity::outbox::Column::ToEmail.eq(to))
        .order_by_asc(accord_entity::outbox::Column::CreatedAt)
        .all(tx.conn())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    rows.into_iter().map(|m| m.body_text).collect()
}

/// The one-time token in a survey mail's link (`…/survey#<token>`).
fn token_in(body: &str) -> String {
    let at = body.find("/survey#").expect("a survey link") + "/survey#".len();
    body[at..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect()
}

fn rated(nps: u8, why: &str, r: [(u8, u8); 3]) -> Value {
    json!({ "nps": nps, "why": why, "ratings": [
        { "key": "price", "importance": r[0].0, "satisfaction": r[0].1 },
        { "key": "timeline", "importance": r[1].0, "satisfaction": r[1].1 },
        { "key": "service", "importance": r[2].0, "satisfaction": r[2].1 },
    ] })
}

/// The walk-through: an owner launches a CSI + NPS campaign for all active clients; one
/// contact answers in the portal (saving a draft first), another from the e-mailed link without
/// signing in (the link then says it was used), a manager records a third by phone; the
/// detractor's answer opens a follow-up the manager closes; the analytics match the hand
/// computation.
#[tokio::test]
async fn a_campaign_from_launch_to_answers_follow_up_and_analytics() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let anonymous = app.client();

    // No answers yet: no figures at all, never 0.
    let empty = ok(owner.get("/api/staff/survey-analytics").await, 200).await;
    assert_eq!(empty["nps"], Value::Null);
    assert_eq!(empty["csi"], Value::Null);
    assert_eq!(empty["by_month"].as_array().unwrap().len(), 12, "a year of months, each without data");
    assert!(empty["by_month"].as_array().unwrap().iter().all(|m| m["nps"].is_null()));

    // Bad input is refused whole; managers may not create campaigns.
    let mut input = json!({ "name": "CSI H2", "nps": true, "csi": true, "target": "all", "recipients": "all_contacts",
        "repeat_months": 6, "remind_after_days": 3, "remind_max": 2, "close_after_days": 14 });
    assert_eq!(manager.post("/api/staff/survey-campaigns", input.clone()).await.status(), 403);
    let mut bad = input.clone();
    bad["close_after_days"] = json!(0);
    let res = ok(owner.post("/api/staff/survey-campaigns", bad).await, 422).await;
    assert_eq!(res["field"], "close_after_days");
    input["extras"] = json!([{ "kind": "choice", "text_ru": "Что важнее?", "text_en": "What matters more?",
        "options_ru": ["Скорость", "Качество"], "options_en": ["Speed", "Quality"] }]);
    let created = ok(owner.post("/api/staff/survey-campaigns", input).await, 201).await;
    assert_eq!(created["summary"]["status"], "draft");
    let id = created["summary"]["id"].as_str().unwrap().to_string();
    let launched = ok(owner.post(&format!("/api/staff/survey-campaigns/{id}/launch"), json!({})).await, 200).await;
    assert_eq!(launched["summary"]["status"], "running");
    let wave = &launched["waves"][0];
    assert_eq!(wave["number"], 1);
    assert!(wave["invited"].as_u64().unwrap() >= 3, "A1's approver and viewer, A2's approver: {wave}");
    assert_eq!(wave["answered"], 0);
    assert!(launched["summary"]["next_wave_on"].is_string(), "every six months");
    assert_eq!(owner.post(&format!("/api/staff/survey-campaigns/{id}/launch"), json!({})).await.status(), 409);

    // The approver finds it on the portal home, saves a draft, comes back, submits.
    let home = ok(approver.get("/api/portal/home").await, 200).await;
    let inv = home["open_surveys"][0]["invitation_id"].as_str().expect("a banner").to_string();
    assert_eq!(home["open_surveys"][0]["started"], false);
    let form = ok(approver.get(&format!("/api/portal/surveys/{inv}")).await, 200).await;
    assert!(form["nps"]["question"].as_str().unwrap().contains(&w.a.name), "{{agency}} filled in");
    assert_eq!(form["criteria"].as_array().unwrap().len(), 3);
    let extra = form["extras"][0]["key"].as_str().unwrap().to_string();
    ok(approver.send("PUT", &format!("/api/portal/surveys/{inv}/draft"), Some(json!({ "nps": 9 }))).await, 200).await;
    assert_eq!(ok(approver.get("/api/portal/home").await, 200).await["open_surveys"][0]["started"], true);
    let resumed = ok(approver.get(&format!("/api/portal/surveys/{inv}")).await, 200).await;
    assert_eq!(resumed["draft"]["nps"], 9);
    let incomplete =
        ok(approver.post(&format!("/api/portal/surveys/{inv}/answer"), json!({ "nps": 9 })).await, 422).await;
    assert!(incomplete["field"].as_str().unwrap().starts_with("ratings"), "{incomplete}");
    let mut answer = rated(9, "Fast and careful", [(9, 6), (7, 8), (8, 9)]);
    answer["extras"] = json!([{ "key": extra, "value": "1" }]);
    ok(approver.post(&format!("/api/portal/surveys/{inv}/answer"), answer.clone()).await, 200).await;
    assert_eq!(approver.post(&format!("/api/portal/surveys/{inv}/answer"), answer).await.status(), 409);
    let mine = ok(approver.get("/api/portal/surveys").await, 200).await;
    assert!(mine["open"].as_array().unwrap().is_empty());
    assert_eq!(mine["answered"][0]["nps"], 9);
    // A contact sees no analytics.
    assert_eq!(approver.get("/api/staff/survey-analytics").await.status(), 403);

    // The viewer answers from the e-mailed link without signing in; the link is then used.
    let mail = mails(&app, "survey_invitation", &w.viewer_a1.email).await;
    assert_eq!(mail.len(), 1);
    let token = token_in(&mail[0]);
    let link = format!("/api/survey-links/{token}");
    let open = ok(anonymous.get(&link).await, 200).await;
    assert_eq!(open["state"], "open");
    ok(anonymous.send("PUT", &format!("{link}/draft"), Some(json!({ "nps": 7 }))).await, 200).await;
    assert_eq!(ok(anonymous.get(&link).await, 200).await["form"]["draft"]["nps"], 7, "resumable");
    let done = ok(anonymous.post(&format!("{link}/answer"), rated(7, "", [(6, 7), (9, 5), (5, 8)])).await, 200).await;
    assert_eq!(done["state"], "answered");
    let used = ok(anonymous.get(&link).await, 200).await;
    assert_eq!(used["state"], "answered");
    assert!(used["form"].is_null());
    let again = ok(anonymous.post(&format!("{link}/answer"), rated(10, "", [(6, 7), (9, 5), (5, 8)])).await, 409).await;
    assert_eq!(again["code"], "link_used");
    assert_eq!(anonymous.get("/api/survey-links/not-a-token").await.status(), 404);

    // The manager records a detractor by phone for A1 (no campaign): a follow-up opens.
    let a1 = format!("/api/staff/clients/{}/survey-answers", w.client_a1.0);
    let yesterday = (chrono::Utc::now() - chrono::Duration::days(1)).date_naive();
    let phone = json!({ "taken_on": yesterday, "answer": rated(4, "Deadlines slip", [(10, 3), (8, 4), (4, 7)]) });
    let recorded = ok(manager.post(&a1, phone).await, 201).await;
    assert_eq!(recorded["source"], "phone");
    assert_eq!(recorded["class"], "detractor");
    assert_eq!(recorded["taken_by"]["name"], w.manager_a.name.as_str());
    assert_eq!(recorded["manager"]["id"], w.manager_a.id.to_string());
    let alert = mails(&app, "survey_detractor", &w.manager_a.email).await;
    assert_eq!(alert.len(), 1);
    assert!(alert[0].contains("Deadlines slip"), "{}", alert[0]);
    let list = ok(manager.get("/api/staff/survey-followups").await, 200).await;
    assert_eq!((list["open"].as_u64(), list["total"].as_u64()), (Some(1), Some(1)));
    let f = &list["items"][0];
    assert_eq!(f["answer"]["why"], "Deadlines slip");
    let fid = f["id"].as_str().unwrap();
    let closed = ok(
        manager
            .post(
                &format!("/api/staff/survey-followups/{fid}/close"),
                json!({ "outcome": "called", "note": "Agreed a new plan" }),
            )
            .await,
        200,
    )
    .await;
    assert_eq!(closed["outcome"], "called");
    assert_eq!(
        manager.post(&format!("/api/staff/survey-followups/{fid}/close"), json!({ "outcome": "fixed" })).await.status(),
        409
    );
    assert_eq!(ok(manager.get("/api/staff/survey-followups").await, 200).await["open"], 0);

    // Analytics by hand: NPS over 9, 7, 4 = (1 − 1) / 3 = 0; CSI from the criteria's means.
    // price: I (9+6+10)/3 = 8.333, S (6+7+3)/3 = 5.333; timeline: I 8, S 17/3 = 5.667;
    // service: I 17/3 = 5.667, S 8; ΣI = 22; CSI = 10 × (400/9 + 136/3 + 136/3) / 22 = 61.41.
    let a = ok(owner.get("/api/staff/survey-analytics").await, 200).await;
    assert_eq!(a["nps"], json!({ "score": 0.0, "n": 3, "promoters": 1, "passives": 1, "detractors": 1 }));
    assert_eq!(a["csi"]["score"], 61.4);
    assert_eq!(a["csi"]["n"], 3);
    let quadrant = |key: &str| {
        a["csi"]["criteria"].as_array().unwrap().iter().find(|c| c["key"] == key).unwrap()["quadrant"].clone()
    };
    // Means of the means: I 7.333, S 6.333 → price concentrate here, timeline concentrate
    // here (S 5.667 < 6.333), service possible overkill.
    assert_eq!(
        (quadrant("price"), quadrant("timeline"), quadrant("service")),
        (json!("concentrate_here"), json!("concentrate_here"), json!("possible_overkill"))
    );
    let manager_row =
        a["by_manager"].as_array().unwrap().iter().find(|g| g["key"] == w.manager_a.id.to_string()).cloned();
    assert_eq!(manager_row.expect("A1's manager")["nps"]["n"], 3, "all three were A1's, managed by manager A");
    // The manager sees only the clients they manage; the wave counts two answers of three+.
    let mine = ok(manager.get("/api/staff/survey-analytics").await, 200).await;
    assert_eq!(mine["nps"]["n"], 3);
    let detail = ok(owner.get(&format!("/api/staff/survey-campaigns/{id}")).await, 200).await;
    assert_eq!(detail["waves"][0]["answered"], 2, "portal and link; the phone answer had no campaign");

    // Verbatims with a filter, and the export an independent CSV reader parses.
    let detractors = ok(owner.get("/api/staff/survey-answers?class=detractor&with_why=true").await, 200).await;
    assert_eq!(detractors["total"], 1);
    let csv = owner.get("/api/staff/survey-answers/export").await.text().await.unwrap();
    let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "client");
    assert!(headers.iter().any(|h| h == "price_importance"));
    assert_eq!(reader.records().count(), 3);

    // Import: all or nothing, errors per row; the same rows again are duplicates.
    let name = &w.client_a1.1;
    let good = format!("client,date,nps,why,price_importance,price_satisfaction\n{name},2026-03-10,10,Great,9,9\n");
    let bad = format!("{good}{name},2026-03-11,11,,,\nNo such client,2026-03-12,5,,,\n{name},2026-03-13,8,,7,\n");
    let refused = ok(owner.post("/api/staff/survey-answers/import", json!({ "csv": bad })).await, 422).await;
    assert_eq!(refused["code"], "import_rejected");
    let fields: Vec<_> = refused["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["row"].as_u64().unwrap(), r["field"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(fields, [(2, "nps".to_string()), (3, "client".to_string()), (4, "price_satisfaction".to_string())]);
    assert_eq!(ok(owner.get("/api/staff/survey-answers").await, 200).await["total"], 3, "nothing written");
    assert_eq!(
        ok(owner.post("/api/staff/survey-answers/import", json!({ "csv": good })).await, 200).await["imported"],
        1
    );
    let dup = ok(owner.post("/api/staff/survey-answers/import", json!({ "csv": good })).await, 422).await;
    assert_eq!(dup["rows"][0]["row"], 1);
    // Imported without a manager column: its own "unknown" group, never today's manager.
    let from = "2026-01-01";
    let a = ok(owner.get(&format!("/api/staff/survey-analytics?from={from}")).await, 200).await;
    let unknown = a["by_manager"].as_array().unwrap().iter().find(|g| g["key"] == "unknown").cloned().expect("unknown");
    assert_eq!(unknown["nps"]["n"], 1);
    let march = a["by_month"].as_array().unwrap().iter().find(|m| m["key"] == "2026-03").cloned().unwrap();
    assert_eq!(march["nps"]["score"], 100.0, "one promoter");
    let february = a["by_month"].as_array().unwrap().iter().find(|m| m["key"] == "2026-02").cloned().unwrap();
    assert!(february["nps"].is_null(), "a month without answers has no figure");

    // Another agency sees none of it.
    let owner_b = app.signed_in(&w.b.owner.email, world::PASSWORD).await;
    assert_eq!(ok(owner_b.get("/api/staff/survey-analytics").await, 200).await["nps"], Value::Null);
    assert_eq!(owner_b.get(&format!("/api/staff/survey-campaigns/{id}")).await.status(), 404);
}

fn profile(w: &world::World, manager: accord_api::UserId, temperament: &str) -> Value {
    json!({ "name": w.client_a1.1, "status": "active", "account_manager_id": manager, "temperament": temperament,
        "activity": "active", "value_tier": "a" })
}

/// Hand-computed figures: all passives (NPS 0, never "no data"), one respondent's CSI,
/// answers split across managers after a reassignment (history is not rewritten), a segment
/// recorded at the time, a quarter without answers, and the statements an analytics request
/// takes with 2 answers and with 200.
#[tokio::test]
async fn figures_follow_the_formulas_and_history_is_not_rewritten() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let a1 = format!("/api/staff/clients/{}", w.client_a1.0);
    let phone = |on: &str, nps: Option<u8>, ratings: Value| {
        let mut answer = json!({ "ratings": ratings });
        if let Some(n) = nps {
            answer["nps"] = json!(n);
        }
        json!({ "taken_on": on, "answer": answer })
    };
    let analytics = |query: String| {
        let owner = owner.clone();
        async move { ok(owner.get(&format!("/api/staff/survey-analytics?{query}")).await, 200).await }
    };

    // One respondent rating CSI only: price I 8 S 5, timeline I 4 S 10, service I 8 S 7:
    // CSI = 10 × (8·5 + 4·10 + 8·7) / 20 = 68; means I 6.67, S 7.33 → price (8, 5) and
    // service (8, 7) concentrate here, timeline (4, 10) possible overkill.
    ok(owner.send("PUT", &a1, Some(profile(&w, w.manager_a.id, "choleric"))).await, 200).await;
    let csi_only = json!([{ "key": "price", "importance": 8, "satisfaction": 5 },
        { "key": "timeline", "importance": 4, "satisfaction": 10 }, { "key": "service", "importance": 8, "satisfaction": 7 }]);
    ok(owner.post(&format!("{a1}/survey-answers"), phone("2026-02-10", None, csi_only)).await, 201).await;
    let a = analytics("from=2026-01-01&to=2026-03-31".into()).await;
    assert_eq!(a["nps"], Value::Null, "no score given: no NPS, not 0");
    assert_eq!(a["csi"]["score"], 68.0);
    assert_eq!(a["csi"]["n"], 1);
    let q: Vec<_> =
        a["csi"]["criteria"].as_array().unwrap().iter().map(|c| c["quadrant"].as_str().unwrap().to_string()).collect();
    assert_eq!(q, ["concentrate_here", "possible_overkill", "concentrate_here"]);

    // All passives: NPS 0 with n = 3.
    for n in [7, 8, 7] {
        ok(owner.post(&format!("{a1}/survey-answers"), phone("2026-07-14", Some(n), json!([]))).await, 201).await;
    }
    let a = analytics("from=2026-07-01&to=2026-07-31".into()).await;
    assert_eq!(a["nps"], json!({ "score": 0.0, "n": 3, "promoters": 0, "passives": 3, "detractors": 0 }));

    // A quarter without answers has no figure; the others have theirs.
    let a = analytics("from=2026-01-01&to=2026-09-30".into()).await;
    let quarters: Vec<_> = a["by_quarter"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["key"].as_str().unwrap().to_string(), g["nps"]["n"].as_u64(), g["csi"].as_f64()))
        .collect();
    assert_eq!(
        quarters,
        [
            ("2026-Q1".to_string(), None, Some(68.0)),
            ("2026-Q2".to_string(), None, None),
            ("2026-Q3".to_string(), Some(3), None)
        ]
    );

    // A promoter under manager A (choleric), then A1 goes to the admin (phlegmatic) and a
    // detractor answers: each keeps the manager and temperament of its day.
    ok(owner.post(&format!("{a1}/survey-answers"), phone("2026-08-03", Some(10), json!([]))).await, 201).await;
    ok(owner.send("PUT", &a1, Some(profile(&w, w.admin_a.id, "phlegmatic"))).await, 200).await;
    ok(owner.post(&format!("{a1}/survey-answers"), phone("2026-08-04", Some(2), json!([]))).await, 201).await;
    let a = analytics("from=2026-08-01&to=2026-08-31".into()).await;
    let by = |list: &str, key: &str| {
        a[list].as_array().unwrap().iter().find(|g| g["key"] == key).map(|g| g["nps"].clone()).unwrap_or(Value::Null)
    };
    assert_eq!(by("by_manager", &w.manager_a.id.to_string())["score"], 100.0);
    assert_eq!(by("by_manager", &w.admin_a.id.to_string())["score"], -100.0);
    assert_eq!(by("by_temperament", "choleric")["n"], 1);
    assert_eq!(by("by_temperament", "phlegmatic")["n"], 1);
    assert_eq!(a["nps"]["score"], 0.0);
    // Manager A no longer manages A1: their analytics no longer hold its answers.
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let theirs = ok(manager.get("/api/staff/survey-analytics?from=2026-01-01").await, 200).await;
    assert_eq!(theirs["nps"], Value::Null);
    // The detractor's follow-up went to the admin, the manager of its day.
    let f = ok(owner.get("/api/staff/survey-followups").await, 200).await;
    assert_eq!(f["items"][0]["assignee"]["id"], w.admin_a.id.to_string());

    // Statements per analytics request: the same with 2 answers in the period as with 200.
    let query = "/api/staff/survey-analytics?from=2026-10-01&to=2026-12-01";
    let csv = |from: u32, n: u32| {
        let mut s = String::from("client,date,nps,why,price_importance,price_satisfaction\n");
        for i in from..from + n {
            s.push_str(&format!(
                "{},2026-10-{:02},{},Answer {i},{},{}\n",
                w.client_a1.1,
                1 + i % 28,
                i % 11,
                1 + i % 10,
                1 + (i / 3) % 10
            ));
        }
        s
    };
    ok(owner.post("/api/staff/survey-answers/import", json!({ "csv": csv(0, 2) })).await, 200).await;
    let two = app.queries_for(&owner, query).await;
    ok(owner.post("/api/staff/survey-answers/import", json!({ "csv": csv(2, 198) })).await, 200).await;
    let hundreds = app.queries_for(&owner, query).await;
    assert_eq!(ok(owner.get(query).await, 200).await["nps"]["n"], 200);
    println!("statements per analytics request: {two} with 2 answers, {hundreds} with 200");
    assert_eq!(two, hundreds, "analytics must not grow with the answers");

    // The day sums the database keeps (migration 000021) are the answers' own, after inserts
    // one by one and imported, and after a change of day and deletions made past the app.
    assert_eq!(kept_sums(&app, w.a.id).await, summed_afresh(&app, w.a.id).await);
    let tx = app.db.unscoped("test moves and deletes answers").await.unwrap();
    let moved = survey_answers::Entity::update_many()
        .col_expr(survey_answers::Column::AnsweredOn, sea_orm::sea_query::Expr::value(date("2026-10-30")))
        .filter(survey_answers::Column::AgencyId.eq(w.a.id))
        .filter(survey_answers::Column::AnsweredOn.eq(date("2026-10-03")))
        .exec(tx.conn())
        .await
        .unwrap();
    assert!(moved.rows_affected > 0);
    survey_ratings::Entity::update_many()
        .col_expr(survey_ratings::Column::Satisfaction, sea_orm::sea_query::Expr::value(1))
        .filter(survey_ratings::Column::AgencyId.eq(w.a.id))
        .filter(survey_ratings::Column::AnsweredOn.eq(date("2026-10-05")))
        .exec(tx.conn())
        .await
        .unwrap();
    let gone = survey_answers::Entity::delete_many()
        .filter(survey_answers::Column::AgencyId.eq(w.a.id))
        .filter(survey_answers::Column::AnsweredOn.eq(date("2026-10-07")))
        .exec(tx.conn())
        .await
        .unwrap();
    assert!(gone.rows_affected > 0, "ratings go with them (cascade)");
    tx.commit().await.unwrap();
    assert_eq!(kept_sums(&app, w.a.id).await, summed_afresh(&app, w.a.id).await);
    assert_eq!(ok(owner.get(query).await, 200).await["nps"]["n"], 200 - gone.rows_affected);
}

fn date(s: &str) -> chrono::NaiveDate {
    s.parse().expect("a date")
}

/// Per day: (promoters, passives, detractors, answers with a CSI), and per day and criterion:
/// (importance, satisfaction, ratings), leaving out days and criteria with nothing.
type DaySums = (
    std::collections::BTreeMap<chrono::NaiveDate, [i64; 4]>,
    std::collections::BTreeMap<(chrono::NaiveDate, String), [i64; 3]>,
);

async fn kept_sums(app: &TestApp, agency: accord_api::AgencyId) -> DaySums {
    use accord_entity::{survey_day_ratings as dr, survey_day_tallies as dt};
    let tx = app.db.unscoped("test reads the kept day sums").await.unwrap();
    let days = dt::Entity::find().filter(dt::Column::AgencyId.eq(agency)).all(tx.conn()).await.unwrap();
    let ratings = dr::Entity::find().filter(dr::Column::AgencyId.eq(agency)).all(tx.conn()).await.unwrap();
    tx.commit().await.unwrap();
    let days = days
        .into_iter()
        .map(|d| (d.answered_on, [d.promoters, d.passives, d.detractors, d.csi_n].map(i64::from)))
        .filter(|(_, v)| v.iter().any(|n| *n != 0))
        .collect();
    let ratings = ratings
        .into_iter()
        .map(|r| ((r.answered_on, r.criterion_key), [r.importance, r.satisfaction, i64::from(r.n)]))
        .filter(|(_, v)| v.iter().any(|n| *n != 0))
        .collect();
    (days, ratings)
}

/// The same sums, from every answer and rating of the agency.
async fn summed_afresh(app: &TestApp, agency: accord_api::AgencyId) -> DaySums {
    use accord_api::surveys::NpsClass;
    let tx = app.db.unscoped("test sums answers").await.unwrap();
    let answers = survey_answers::Entity::find().filter(survey_answers::Column::AgencyId.eq(agency)).all(tx.conn());
    let answers = answers.await.unwrap();
    let ratings = survey_ratings::Entity::find().filter(survey_ratings::Column::AgencyId.eq(agency)).all(tx.conn());
    let ratings = ratings.await.unwrap();
    tx.commit().await.unwrap();
    let mut out = DaySums::default();
    for a in answers {
        let d = out.0.entry(a.answered_on).or_default();
        match a.nps_class {
            Some(NpsClass::Promoter) => d[0] += 1,
            Some(NpsClass::Passive) => d[1] += 1,
            Some(NpsClass::Detractor) => d[2] += 1,
            None => {}
        }
        d[3] += i64::from(a.csi.is_some());
    }
    out.0.retain(|_, v| v.iter().any(|n| *n != 0));
    for r in ratings {
        let e = out.1.entry((r.answered_on, r.criterion_key)).or_default();
        e[0] += i64::from(r.importance);
        e[1] += i64::from(r.satisfaction);
        e[2] += 1;
    }
    (out.0, out.1)
}

fn at(s: &str) -> chrono::DateTime<chrono::Utc> {
    s.parse().expect("an instant")
}

/// Runs due jobs until none is left.
async fn drain(app: &TestApp) {
    while accord_server::jobs::run_due(&app.state).await.unwrap() > 0 {}
}

/// A campaign over time (manual clock): a reminder after N days carries a fresh link (the
/// first keeps working), at most M of them; the wave closes after N days (the link then says
/// so); the next wave opens a month later; the recontact guard keeps a contact from being asked
/// more than twice in six months, across campaigns.
#[tokio::test]
async fn waves_reminders_closing_and_the_recontact_guard() {
    let clock = accord_server::clock::Clock::manual(at("2026-06-01T06:00:00Z"));
    let app = accord_tests::spawn_app_with_clock(clock.clone(), |_| {}).await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let approver = w.approver_a1.email.clone();
    let campaign = |name: &str| {
        json!({ "name": name, "nps": true, "csi": false, "target": "clients", "clients": [w.client_a1.0],
            "recipients": "approvers", "repeat_months": 1, "remind_after_days": 3, "remind_max": 1, "close_after_days": 10 })
    };
    let created = ok(owner.post("/api/staff/survey-campaigns", campaign("Monthly pulse")).await, 201).await;
    let id = created["summary"]["id"].as_str().unwrap().to_string();
    let launched = ok(owner.post(&format!("/api/staff/survey-campaigns/{id}/launch"), json!({})).await, 200).await;
    assert_eq!(
        (launched["waves"][0]["invited"].as_u64(), launched["waves"][0]["skipped"].as_u64()),
        (Some(1), Some(0)),
        "A1's approver only"
    );
    assert_eq!(launched["summary"]["next_wave_on"], "2026-07-01");
    let first = token_in(&mails(&app, "survey_invitation", &approver).await[0]);
    assert_eq!(ok(app.client().get(&format!("/api/survey-links/{first}")).await, 200).await["state"], "open");

    // Day 4: one reminder with a fresh link; the first one keeps working too.
    clock.set(at("2026-06-05T06:00:00Z"));
    drain(&app).await;
    let reminders = mails(&app, "survey_reminder", &approver).await;
    assert_eq!(reminders.len(), 1);
    let second = token_in(&reminders[0]);
    assert_ne!(first, second);
    // The first link keeps working beside the new one until the answer is in.
    assert_eq!(ok(app.client().get(&format!("/api/survey-links/{first}")).await, 200).await["state"], "open");
    assert_eq!(ok(app.client().get(&format!("/api/survey-links/{second}")).await, 200).await["state"], "open");
    // Day 8: no second reminder (at most one).
    clock.set(at("2026-06-09T06:00:00Z"));
    drain(&app).await;
    assert_eq!(mails(&app, "survey_reminder", &approver).await.len(), 1);

    // Day 11: the wave closed; the link says so and takes no answer.
    clock.set(at("2026-06-12T06:00:00Z"));
    drain(&app).await;
    assert_eq!(ok(app.client().get(&format!("/api/survey-links/{second}")).await, 200).await["state"], "closed");
    assert_eq!(
        app.client().post(&format!("/api/survey-links/{second}/answer"), json!({ "nps": 9 })).await.status(),
        409
    );
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let d = ok(owner.get(&format!("/api/staff/survey-campaigns/{id}")).await, 200).await;
    assert_eq!(d["waves"][0]["closed"], true);
    assert_eq!(d["waves"][0]["response_rate"], 0.0);

    // 1 July: the second wave opens by itself and asks the approver again (twice in six months).
    clock.set(at("2026-07-01T06:00:00Z"));
    drain(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let d = ok(owner.get(&format!("/api/staff/survey-campaigns/{id}")).await, 200).await;
    assert_eq!(d["waves"].as_array().unwrap().len(), 2);
    assert_eq!(d["waves"][0]["number"], 2);
    assert_eq!(d["waves"][0]["invited"], 1);
    assert_eq!(mails(&app, "survey_invitation", &approver).await.len(), 2);
    // The approver answers this one in the portal.
    let contact = app.signed_in(&approver, world::PASSWORD).await;
    let inv = ok(contact.get("/api/portal/surveys").await, 200).await["open"][0]["invitation_id"]
        .as_str()
        .unwrap()
        .to_string();
    ok(contact.post(&format!("/api/portal/surveys/{inv}/answer"), json!({ "nps": 10 })).await, 200).await;

    // Another campaign the next day: the guard (2 in six months) leaves the approver out.
    let other = ok(owner.post("/api/staff/survey-campaigns", campaign("CSI H2")).await, 201).await;
    let other = other["summary"]["id"].as_str().unwrap().to_string();
    clock.set(at("2026-07-02T06:00:00Z"));
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let l = ok(owner.post(&format!("/api/staff/survey-campaigns/{other}/launch"), json!({})).await, 200).await;
    assert_eq!((l["waves"][0]["invited"].as_u64(), l["waves"][0]["skipped"].as_u64()), (Some(0), Some(1)));
    assert_eq!(l["waves"][0]["response_rate"], Value::Null, "nobody asked: no rate");

    // Stopped: no third wave on 1 August.
    ok(owner.post(&format!("/api/staff/survey-campaigns/{id}/stop"), json!({})).await, 200).await;
    clock.set(at("2026-08-01T06:00:00Z"));
    drain(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let d = ok(owner.get(&format!("/api/staff/survey-campaigns/{id}")).await, 200).await;
    assert_eq!(d["waves"].as_array().unwrap().len(), 2);
    assert_eq!(d["waves"][0]["answered"], 1);
    assert_eq!(d["waves"][0]["response_rate"], 1.0);
    assert_eq!(
        owner.send("PUT", &format!("/api/staff/survey-campaigns/{id}"), Some(campaign("Renamed"))).await.status(),
        409
    );
}

/// From the review: a manager's campaign figures cover only the clients they manage; a link
/// stops working for a contact who left; a phone answer cannot answer a wave twice; a
/// follow-up stays with the manager of the day after a reassignment; a detractor of a client
/// without a manager reaches an owner.
#[tokio::test]
async fn scopes_links_and_follow_ups_hold_in_the_edge_cases() {
    let app = spawn_app().await;
    let mut w = world::build(&app).await;
    world::add_insiders(&app, &mut w, 1).await;
    let other = w.insiders.as_ref().unwrap().other_manager_a.email.clone();
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let other = app.signed_in(&other, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let body = json!({ "name": "All", "nps": true, "csi": false, "target": "all", "recipients": "all_contacts",
        "remind_after_days": 3, "remind_max": 1, "close_after_days": 14 });
    let id = ok(owner.post("/api/staff/survey-campaigns", body).await, 201).await["summary"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    ok(owner.post(&format!("/api/staff/survey-campaigns/{id}/launch"), json!({})).await, 200).await;
    let inv = ok(approver.get("/api/portal/surveys").await, 200).await["open"][0]["invitation_id"]
        .as_str()
        .unwrap()
        .to_string();
    ok(approver.post(&format!("/api/portal/surveys/{inv}/answer"), json!({ "nps": 10 })).await, 200).await;

    // The manager of A2 sees A2's share of the wave only: nothing answered there.
    let path = format!("/api/staff/survey-campaigns/{id}");
    let all = ok(owner.get(&path).await, 200).await["waves"][0].clone();
    let theirs = ok(other.get(&path).await, 200).await["waves"][0].clone();
    assert_eq!((all["answered"].as_u64(), all["nps"]["n"].as_u64()), (Some(1), Some(1)));
    assert_eq!(theirs["answered"], 0);
    assert_eq!(theirs["nps"], Value::Null);
    assert!(theirs["invited"].as_u64().unwrap() < all["invited"].as_u64().unwrap(), "{theirs} {all}");
    let listed = ok(other.get("/api/staff/survey-campaigns").await, 200).await;
    assert_eq!(listed["items"][0]["latest_wave"]["answered"], 0);
    assert_eq!(ok(manager.get(&path).await, 200).await["waves"][0]["nps"]["n"], 1);

    // The viewer leaves A1: their link no longer works.
    let token = token_in(&mails(&app, "survey_invitation", &w.viewer_a1.email).await[0]);
    assert_eq!(ok(app.client().get(&format!("/api/survey-links/{token}")).await, 200).await["state"], "open");
    let a1 = format!("/api/staff/clients/{}", w.client_a1.0);
    let contacts = ok(owner.get(&format!("{a1}/contacts")).await, 200).await;
    let viewer = contacts
        .as_array()
        .or(contacts["items"].as_array())
        .unwrap()
        .iter()
        .find(|c| c["email"] == w.viewer_a1.email.as_str())
        .expect("the viewer")["id"]
        .as_str()
        .unwrap()
        .to_string();
    ok(owner.post(&format!("{a1}/contacts/{viewer}/leave"), json!({})).await, 200).await;
    let gone = ok(app.client().get(&format!("/api/survey-links/{token}")).await, 410).await;
    assert_eq!(gone["code"], "link_revoked");

    // A call cannot answer the approver's wave a second time.
    let contacts = ok(owner.get(&format!("{a1}/contacts")).await, 200).await;
    let approver_id = contacts
        .as_array()
        .or(contacts["items"].as_array())
        .unwrap()
        .iter()
        .find(|c| c["email"] == w.approver_a1.email.as_str())
        .expect("the approver")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let yesterday = (chrono::Utc::now() - chrono::Duration::days(1)).date_naive();
    let call = json!({ "contact_id": approver_id, "campaign_id": id, "taken_on": yesterday, "answer": { "nps": 3 } });
    assert_eq!(ok(manager.post(&format!("{a1}/survey-answers"), call).await, 409).await["code"], "conflict");

    // A detractor under manager A; A1 then goes to the admin: the follow-up stays manager A's.
    let call = json!({ "taken_on": yesterday, "answer": { "nps": 2, "why": "Slow" } });
    ok(manager.post(&format!("{a1}/survey-answers"), call).await, 201).await;
    let mut profile = json!({ "name": w.client_a1.1, "status": "active", "account_manager_id": w.admin_a.id });
    ok(owner.send("PUT", &a1, Some(profile.take())).await, 200).await;
    let list = ok(manager.get("/api/staff/survey-followups").await, 200).await;
    assert_eq!(list["open"], 1, "{list}");
    let fid = list["items"][0]["id"].as_str().unwrap().to_string();
    // Due two working days from the day it was recorded, not from the call's day.
    assert!(list["items"][0]["overdue"] == false);
    ok(manager.post(&format!("/api/staff/survey-followups/{fid}/close"), json!({ "outcome": "called" })).await, 200)
        .await;

    // A client without a manager: its detractor alerts the owner.
    let created =
        ok(owner.post("/api/staff/clients", json!({ "name": "Unmanaged", "status": "active" })).await, 201).await;
    let unmanaged = created["id"].as_str().unwrap();
    let call = json!({ "taken_on": yesterday, "answer": { "nps": 1 } });
    ok(owner.post(&format!("/api/staff/clients/{unmanaged}/survey-answers"), call).await, 201).await;
    assert_eq!(mails(&app, "survey_detractor", &w.a.owner.email).await.len(), 1);
}

/// Ratings of a criterion the agency later took off a list it never stored (the built-in one)
/// still count; and every table of the analytics — by month, manager, client, segment — sums to
/// the period's totals, NPS classes and each criterion's ratings alike.
#[tokio::test]
async fn analytics_tables_add_up_and_keep_criteria_no_longer_asked() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let (a1, a2) = (&w.client_a1.1, &w.client_a2.1);
    let mut csv = String::from("client,date,nps,why,price_importance,price_satisfaction,timeline_importance,timeline_satisfaction,temperament\n");
    for i in 0..60u32 {
        let client = if i % 3 == 0 { a2 } else { a1 };
        // Some answers rate criteria only (a row needs one or the other).
        let nps = if i % 7 == 0 && i % 4 != 3 { String::new() } else { (i % 11).to_string() };
        let (price, timeline) = match i % 4 {
            0 => (format!("{},{}", 1 + i % 10, 1 + (i / 2) % 10), String::from(",")),
            1 => (String::from(","), format!("{},{}", 1 + (i * 3) % 10, 1 + (i / 5) % 10)),
            2 => (format!("{},{}", 1 + (i * 7) % 10, 1 + i % 9), format!("{},{}", 1 + i % 8, 1 + (i / 3) % 10)),
            _ => (String::from(","), String::from(",")),
        };
        let temperament = ["", "choleric", "phlegmatic"][(i % 3) as usize];
        csv.push_str(&format!(
            "{client},2026-{:02}-{:02},{nps},Why {i},{price},{timeline},{temperament}\n",
            1 + i % 9,
            1 + i % 27
        ));
    }
    ok(owner.post("/api/staff/survey-answers/import", json!({ "csv": csv })).await, 200).await;
    let query = "/api/staff/survey-analytics?from=2026-01-01&to=2026-12-31";
    let before = ok(owner.get(query).await, 200).await;
    let with_nps = (0..60u32).filter(|i| !(i % 7 == 0 && i % 4 != 3)).count();
    assert_eq!(before["nps"]["n"], with_nps);
    assert_eq!(before["csi"]["n"], 45, "three rows in four rate a criterion");

    // Each table's NPS classes and CSI answer counts add up to the totals.
    let n = |v: &Value, k: &str| v["nps"][k].as_u64().unwrap_or(0);
    for table in ["by_month", "by_quarter", "by_manager", "by_client", "by_temperament", "by_activity", "by_tier"] {
        let rows = before[table].as_array().unwrap();
        for class in ["promoters", "passives", "detractors", "n"] {
            assert_eq!(rows.iter().map(|r| n(r, class)).sum::<u64>(), n(&before, class), "{table} {class}");
        }
        let csi_n: u64 = rows.iter().map(|r| r["csi_n"].as_u64().unwrap()).sum();
        assert_eq!(csi_n, before["csi"]["n"].as_u64().unwrap(), "{table} csi_n");
    }
    let temperaments: Vec<&str> =
        before["by_temperament"].as_array().unwrap().iter().map(|r| r["key"].as_str().unwrap()).collect();
    assert!(temperaments.contains(&"choleric") && temperaments.contains(&"phlegmatic"), "{temperaments:?}");

    // The agency saves its own list without price and timeline: the answers keep them.
    let path = "/api/staff/survey-settings";
    let mut settings = ok(owner.get(path).await, 200).await["settings"].clone();
    settings["criteria"] = json!([{ "key": "speed", "name_ru": "Скорость", "name_en": "Speed" }]);
    ok(owner.send("PUT", path, Some(settings)).await, 200).await;
    let after = ok(owner.get(query).await, 200).await;
    let criteria = |v: &Value| {
        let mut c = v["csi"]["criteria"].as_array().unwrap().clone();
        c.sort_by_key(|x| x["key"].as_str().unwrap().to_string());
        c
    };
    assert_eq!(criteria(&after), criteria(&before), "price and timeline still counted");
    assert_eq!(after["csi"]["score"], before["csi"]["score"]);
    for table in ["by_month", "by_client", "by_temperament"] {
        let csi = |v: &Value| v[table].as_array().unwrap().iter().map(|r| r["csi"].clone()).collect::<Vec<_>>();
        assert_eq!(csi(&after), csi(&before), "{table}");
    }
}

/// The agency-wide analytics read whole months per manager and segment from the sums the
/// database keeps (migration 000024), group only the edge days (or take a month's days outside
/// the period away from its kept sums), rank the clients from kept years and months (a year less
/// its months outside the period) in the database, and group only the clients shown. Another
/// instance on the same database groups every answer of the period
/// (`ACCORD_SURVEY_TALLIES=off`): both must answer the same, byte for byte, for periods with and
/// without edge days, after imports and after writes made past the app (a manager and segments
/// recorded as none, answers moved across months, ratings changed, answers deleted).
#[tokio::test]
async fn agency_wide_figures_from_kept_months_equal_every_answer_grouped() {
    let app = accord_tests::spawn_app_with(|s| s.mail_poll_ms = 3_600_000).await;
    let w = world::build(&app).await;
    let settings = app.settings.clone();
    let plain = accord_tests::spawn_app_with(move |t| {
        t.database_url = settings.database_url;
        t.migration_database_url = settings.migration_database_url;
        t.data_dir = settings.data_dir;
        t.mail_poll_ms = 3_600_000;
        t.survey_tallies = false;
    })
    .await;
    // More clients than the per-client table shows (200), so which clients are shown matters.
    world::add_clients(&app, &w, 230, "kept-months.test").await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let owner_plain = plain.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let mut names = vec![w.client_a1.1.clone(), w.client_a2.1.clone()];
    names.extend((0..230).map(|i| format!("Клиент {i:04}")));
    let managers = [w.a.owner.email.as_str(), w.admin_a.email.as_str(), w.manager_a.email.as_str(), ""];
    let mut csv = String::from(
        "client,date,nps,why,price_importance,price_satisfaction,timeline_importance,timeline_satisfaction,\
         manager_email,temperament,activity,tier\n",
    );
    for i in 0..1_500u32 {
        // Skewed: a few clients answer often, many rarely, some equally often (ties by id).
        let client = &names[if i % 3 == 0 { (i / 3 % 5) as usize } else { (i * 7 % 232) as usize }];
        let nps = if i % 9 == 4 { String::new() } else { (i % 11).to_string() };
        let ratings = match i % 5 {
            0 => format!("{},{},,", 1 + i % 10, 1 + (i / 7) % 10),
            1 | 2 => format!("{},{},{},{}", 1 + (i * 3) % 10, 1 + i % 10, 1 + (i / 3) % 10, 1 + (i * 7) % 10),
            _ if nps.is_empty() => format!(",,{},{}", 1 + i % 10, 1 + (i / 11) % 10),
            _ => String::from(",,,"),
        };
        let temperament = ["", "choleric", "sanguine", "melancholic", "phlegmatic"][(i % 5) as usize];
        let activity = ["active", "", "waiting", "passive"][(i % 4) as usize];
        let tier = ["a", "b", "", "c", "a", "b", "c"][(i % 7) as usize];
        // Two years up to 6 December 2026 (an import refuses days after today).
        let (year, month) = (2025 + (i / 13) % 2, 1 + (i * 5) % 12);
        let day = if (year, month) == (2026, 12) { 1 + i % 6 } else { 1 + (i * 11) % 28 };
        csv.push_str(&format!(
            "{client},{year}-{month:02}-{day:02},{nps},Why {i},{ratings},{},{temperament},{activity},{tier}\n",
            managers[(i % 4) as usize],
        ));
    }
    ok(owner.post("/api/staff/survey-answers/import", json!({ "csv": csv })).await, 200).await;

    let periods = [
        "from=2025-01-01&to=2026-12-31",
        "from=2025-02-15&to=2026-11-20",
        "from=2026-03-05&to=2026-03-25",
        "from=2025-06-30&to=2025-07-01",
        "from=2026-02-01&to=2026-02-28",
        "from=2025-03-31&to=2025-12-01",
        "from=2025-01-01&to=2026-02-28",
        "from=2025-11-01&to=2026-12-06",
        "from=2026-05-09&to=2026-05-09",
        // Most of a year: counted as the year less its other months, with and without edges,
        // and a period fewer than 200 clients answered in (a client whose answers were all in
        // the months taken away must not be shown).
        "from=2026-01-01&to=2026-11-30",
        "from=2025-03-01&to=2026-05-31",
        "from=2025-03-01&to=2025-09-30",
        "from=2025-02-10&to=2025-11-20",
        "",
    ];
    let compare = async |when: &str| {
        for period in periods {
            let path = format!("/api/staff/survey-analytics?{period}");
            let kept = ok(owner.get(&path).await, 200).await;
            let afresh = ok(owner_plain.get(&path).await, 200).await;
            for (key, value) in afresh.as_object().unwrap() {
                assert_eq!(&kept[key], value, "{when}: {path}: {key}");
            }
            assert_eq!(kept, afresh, "{when}: {path}");
        }
    };
    compare("after the import").await;
    assert_eq!(kept_client_counts(&app, w.a.id).await, client_counts_afresh(&app, w.a.id).await);
    let whole = ok(owner.get("/api/staff/survey-analytics?from=2025-01-01&to=2026-12-31").await, 200).await;
    assert_eq!(whole["by_client"].as_array().unwrap().len(), 200, "the table shows 200 of 232 clients");
    let months = ok(owner.get("/api/staff/survey-analytics?from=2025-03-01&to=2025-09-30").await, 200).await;
    assert!(months["by_client"].as_array().unwrap().len() < 200, "fewer clients answered in these months");
    for table in ["by_manager", "by_temperament", "by_activity", "by_tier"] {
        let keys: Vec<&str> = whole[table].as_array().unwrap().iter().map(|r| r["key"].as_str().unwrap()).collect();
        assert!(keys.contains(&"unknown") && keys.len() >= 4, "{table}: {keys:?}");
    }

    // Writes past the app, to answers and their ratings alike (ratings carry their answer's day,
    // manager and segments): what a live answer records (a manager or segment known to be none),
    // answers moved from one month to another, a tier changed, ratings changed, and below,
    // answers deleted.
    use sea_orm::sea_query::{Expr, SimpleExpr};
    let tx = app.db.unscoped("test rewrites answers").await.unwrap();
    let none = || Expr::value(Option::<String>::None);
    let changes: [(&str, Vec<(&str, SimpleExpr)>); 6] = [
        (
            "2025-06-12",
            vec![
                ("manager_known", Expr::value(true)),
                ("manager_id", Expr::value(Option::<uuid::Uuid>::None)),
                ("temperament", none()),
                ("temperament_known", Expr::value(true)),
            ],
        ),
        ("2026-03-23", vec![("answered_on", Expr::value(date("2026-04-02")))]),
        ("2025-12-14", vec![("answered_on", Expr::value(date("2026-01-05")))]),
        ("2025-02-08", vec![("tier", Expr::value("c"))]),
        ("2025-10-20", vec![("manager_known", Expr::value(false))]),
        ("2026-07-15", vec![("client_id", Expr::value(w.client_a2.0 .0))]),
    ];
    for (day, columns) in changes {
        let mut answers = survey_answers::Entity::update_many()
            .filter(survey_answers::Column::AgencyId.eq(w.a.id))
            .filter(survey_answers::Column::AnsweredOn.eq(date(day)));
        let mut ratings = survey_ratings::Entity::update_many()
            .filter(survey_ratings::Column::AgencyId.eq(w.a.id))
            .filter(survey_ratings::Column::AnsweredOn.eq(date(day)));
        for (column, value) in columns {
            answers = answers.col_expr(column.parse::<survey_answers::Column>().unwrap(), value.clone());
            ratings = ratings.col_expr(column.parse::<survey_ratings::Column>().unwrap(), value);
        }
        assert!(answers.exec(tx.conn()).await.unwrap().rows_affected > 0, "answers of {day}");
        assert!(ratings.exec(tx.conn()).await.unwrap().rows_affected > 0, "ratings of {day}");
    }
    let ratings = survey_ratings::Entity::update_many()
        .col_expr(survey_ratings::Column::Satisfaction, Expr::value(1))
        .filter(survey_ratings::Column::AgencyId.eq(w.a.id))
        .filter(survey_ratings::Column::AnsweredOn.eq(date("2026-05-09")))
        .exec(tx.conn())
        .await
        .unwrap();
    assert!(ratings.rows_affected > 0);
    let gone = survey_answers::Entity::delete_many()
        .filter(survey_answers::Column::AgencyId.eq(w.a.id))
        .filter(survey_answers::Column::AnsweredOn.eq(date("2026-09-17")))
        .exec(tx.conn())
        .await
        .unwrap();
    assert!(gone.rows_affected > 0, "ratings go with them (cascade)");
    // Answers with neither an NPS nor a CSI (their ratings gone), and classes changed.
    let unrated = survey_answers::Entity::find()
        .filter(survey_answers::Column::AgencyId.eq(w.a.id))
        .filter(survey_answers::Column::AnsweredOn.eq(date("2026-02-16")))
        .all(tx.conn())
        .await
        .unwrap();
    assert!(!unrated.is_empty());
    let ids: Vec<_> = unrated.iter().map(|a| a.id).collect();
    survey_ratings::Entity::delete_many()
        .filter(survey_ratings::Column::AnswerId.is_in(ids.clone()))
        .exec(tx.conn())
        .await
        .unwrap();
    survey_answers::Entity::update_many()
        .col_expr(survey_answers::Column::Nps, Expr::value(Option::<i32>::None))
        .col_expr(survey_answers::Column::NpsClass, none())
        .col_expr(survey_answers::Column::Csi, Expr::value(Option::<f64>::None))
        .filter(survey_answers::Column::Id.is_in(ids))
        .exec(tx.conn())
        .await
        .unwrap();
    let reclassed = survey_answers::Entity::update_many()
        .col_expr(survey_answers::Column::NpsClass, Expr::value("promoter"))
        .filter(survey_answers::Column::AgencyId.eq(w.a.id))
        .filter(survey_answers::Column::AnsweredOn.eq(date("2025-08-14")))
        .exec(tx.conn())
        .await
        .unwrap();
    assert!(reclassed.rows_affected > 0);
    tx.commit().await.unwrap();
    compare("after writes past the app").await;
    assert_eq!(kept_client_counts(&app, w.a.id).await, client_counts_afresh(&app, w.a.id).await);

    // The kept path reads the kept sums: spoiled on purpose, only its answer changes.
    let path = "/api/staff/survey-analytics?from=2025-01-01&to=2026-12-31";
    let tx = app.db.unscoped("test spoils the kept sums").await.unwrap();
    accord_entity::survey_segment_tallies::Entity::update_many()
        .col_expr(accord_entity::survey_segment_tallies::Column::Promoters, Expr::value(1_000))
        .filter(accord_entity::survey_segment_tallies::Column::AgencyId.eq(w.a.id))
        .exec(tx.conn())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let (kept, afresh) = (ok(owner.get(path).await, 200).await, ok(owner_plain.get(path).await, 200).await);
    assert_ne!(kept["by_temperament"], afresh["by_temperament"]);
    assert_eq!(kept["nps"], afresh["nps"], "the totals come from the day sums");
}

/// Per client, year (`y`) or month (`m`) and first day: (answers, with an NPS, with a CSI), as
/// the database keeps them (migration 000024), leaving out rows with no answers.
type ClientCounts = std::collections::BTreeMap<(String, chrono::NaiveDate, accord_api::ClientId), [i64; 3]>;

async fn kept_client_counts(app: &TestApp, agency: accord_api::AgencyId) -> ClientCounts {
    use accord_entity::survey_client_tallies as ct;
    let tx = app.db.unscoped("test reads the kept client counts").await.unwrap();
    let rows = ct::Entity::find().filter(ct::Column::AgencyId.eq(agency)).all(tx.conn()).await.unwrap();
    tx.commit().await.unwrap();
    rows.into_iter()
        .filter(|r| r.answers != 0)
        .map(|r| ((r.span, r.start, r.client_id), [r.answers, r.nps_n, r.csi_n].map(i64::from)))
        .collect()
}

/// The same counts, from every answer of the agency.
async fn client_counts_afresh(app: &TestApp, agency: accord_api::AgencyId) -> ClientCounts {
    use chrono::Datelike;
    let tx = app.db.unscoped("test counts answers").await.unwrap();
    let answers = survey_answers::Entity::find().filter(survey_answers::Column::AgencyId.eq(agency)).all(tx.conn());
    let answers = answers.await.unwrap();
    tx.commit().await.unwrap();
    let mut out = ClientCounts::new();
    for a in answers {
        let year = a.answered_on.with_ordinal(1).unwrap();
        let month = a.answered_on.with_day(1).unwrap();
        for key in [("y".to_string(), year, a.client_id), ("m".to_string(), month, a.client_id)] {
            let e = out.entry(key).or_default();
            e[0] += 1;
            e[1] += i64::from(a.nps_class.is_some());
            e[2] += i64::from(a.csi.is_some());
        }
    }
    out
}
