//! Regression tests for the defects of the security sweep (issue 8), one per defect, on both
//! databases: the cross-client invitations hole, the page number that panicked a worker, NUL
//! characters and out-of-range dates that were 500s on PostgreSQL, invisible characters in
//! names, cookie writes without Origin, uncapped budgets, Markdown rendered on every read, and
//! limits the OpenAPI document did not state.

use accord_tests::{spawn_app, world, Client, TestApp};
use serde_json::{json, Value};

async fn status_and_body(res: reqwest::Response) -> (u16, Value) {
    let status = res.status().as_u16();
    let text = res.text().await.expect("body");
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

/// A 422 naming `field` with the stable validation code.
async fn refused(res: reqwest::Response, field: &str, what: &str) {
    let (status, body) = status_and_body(res).await;
    assert_eq!(status, 422, "{what}: {body}");
    assert_eq!(body["code"], "validation_failed", "{what}: {body}");
    assert_eq!(body["field"], field, "{what}: {body}");
}

async fn json_of(res: reqwest::Response, want: u16) -> Value {
    let (status, body) = status_and_body(res).await;
    assert_eq!(status, want, "{body}");
    body
}

async fn put(c: &Client, path: &str, body: Value) -> reqwest::Response {
    c.send("PUT", path, Some(body)).await
}

/// A contact of client A2 (which manager A does not manage) with a pending invitation.
async fn invitation_of_a2(owner: &Client, w: &world::World) -> (String, String) {
    let email = format!("a2-invitee-{}@x.test", w.tag);
    let contact = json_of(
        owner
            .post(
                &format!("/api/staff/clients/{}/contacts", w.client_a2.0),
                json!({ "name": "A2 Invitee", "email": email, "portal_role": "approver" }),
            )
            .await,
        201,
    )
    .await;
    let inv = json_of(
        owner
            .post(
                &format!(
                    "/api/staff/clients/{}/contacts/{}/invitation",
                    w.client_a2.0,
                    contact["id"].as_str().unwrap()
                ),
                json!({}),
            )
            .await,
        201,
    )
    .await;
    (inv["id"].as_str().unwrap().to_string(), email)
}

#[tokio::test]
async fn a_manager_sees_and_changes_only_the_invitations_of_clients_they_manage() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let (invitation, email) = invitation_of_a2(&owner, &w).await;

    let listed = json_of(manager.get("/api/staff/invitations?kind=contact").await, 200).await;
    assert!(!listed.to_string().contains(&email), "a manager lists another client's invitation: {listed}");
    let all = json_of(owner.get("/api/staff/invitations?kind=contact").await, 200).await;
    let row = all.as_array().unwrap().iter().find(|i| i["email"] == email.as_str()).expect("owner sees it");
    assert_eq!(row["client_id"], json!(w.client_a2.0), "the invitation carries its client");

    for action in ["resend", "revoke"] {
        let (status, body) =
            status_and_body(manager.post(&format!("/api/staff/invitations/{invitation}/{action}"), json!({})).await)
                .await;
        assert_eq!(status, 404, "{action} on a client the manager cannot read: {body}");
    }

    // "Managers see all clients": now they may read A2 but still not change its access.
    json_of(put(&owner, "/api/staff/agency/settings", json!({ "managers_see_all": true })).await, 200).await;
    let listed = json_of(manager.get("/api/staff/invitations?kind=contact").await, 200).await;
    assert!(listed.to_string().contains(&email), "read-only managers list it: {listed}");
    for action in ["resend", "revoke"] {
        let (status, body) =
            status_and_body(manager.post(&format!("/api/staff/invitations/{invitation}/{action}"), json!({})).await)
                .await;
        assert_eq!(status, 403, "{action} on a client the manager may only read: {body}");
    }
    // Nothing changed: the owner still sees it pending, sent once.
    let all = json_of(owner.get("/api/staff/invitations?kind=contact").await, 200).await;
    let row = all.as_array().unwrap().iter().find(|i| i["email"] == email.as_str()).expect("still pending");
    assert_eq!(row["sent_count"], 1);
    assert_eq!(row["state"], "pending");
    // Its own client's invitations still work for the manager.
    json_of(owner.post(&format!("/api/staff/invitations/{invitation}/revoke"), json!({})).await, 200).await;
}

#[tokio::test]
async fn a_huge_page_number_is_a_422_and_the_worker_survives() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let operator = app.signed_in(&w.operator.email, world::PASSWORD).await;
    let backlog = format!("/api/staff/clients/{}/projects/{}/backlog", w.client_a1.0, w.project_a1);
    let touchpoints = format!("/api/staff/clients/{}/touchpoints", w.client_a1.0);
    for page in ["18446744073709551615", "9223372036854775807", "1000001"] {
        for (c, path) in [
            (&owner, "/api/staff/clients"),
            (&owner, touchpoints.as_str()),
            (&owner, backlog.as_str()),
            (&operator, "/api/platform/agencies"),
        ] {
            refused(c.get(&format!("{path}?page={page}")).await, "page", &format!("{path}?page={page}")).await;
        }
    }
    // The last allowed page is simply empty, and every list still answers.
    let last = json_of(owner.get("/api/staff/clients?page=1000000&per_page=100").await, 200).await;
    assert_eq!(last["items"], json!([]));
    for path in ["/api/staff/clients", touchpoints.as_str(), backlog.as_str()] {
        json_of(owner.get(path).await, 200).await;
    }
    json_of(operator.get("/api/platform/agencies").await, 200).await;
}

/// Every field the sweep found storing or searching NUL (a 500 on PostgreSQL) now answers 422.
#[tokio::test]
async fn nul_characters_are_refused_in_every_text_field() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let nul = "a\u{0}b";
    let anon = app.client();
    refused(
        anon.post("/api/auth/sign-in", json!({ "email": format!("x{nul}@x.test"), "password": "whatever-123" })).await,
        "email",
        "sign-in",
    )
    .await;
    refused(
        anon.post("/api/public/password-reset/request", json!({ "email": format!("x{nul}@x.test") })).await,
        "email",
        "reset",
    )
    .await;

    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let client = format!("/api/staff/clients/{}", w.client_a1.0);
    let backlog = format!("{client}/projects/{}/backlog", w.project_a1);
    let item = format!("{backlog}/{}", w.items_a1[0]);
    refused(
        owner.post(&format!("{item}/comments"), json!({ "body": nul, "internal": true })).await,
        "body",
        "staff comment",
    )
    .await;
    refused(
        owner
            .post(
                &format!("{client}/touchpoints"),
                json!({ "kind": "call", "occurred_at": chrono::Utc::now(), "summary": nul }),
            )
            .await,
        "summary",
        "touchpoint",
    )
    .await;
    refused(
        owner.post(&backlog, json!({ "title": "T", "benefit": nul, "priority": "high", "source": "analytics" })).await,
        "benefit",
        "benefit",
    )
    .await;
    refused(
        owner
            .post(&format!("{client}/roadmap/goals"), json!({ "name": "G", "unit": nul, "baseline": 1, "target": 2 }))
            .await,
        "unit",
        "goal unit",
    )
    .await;
    for field in ["business_model", "audience", "market", "product_role"] {
        let mut body = json!({ "name": w.client_a1.1, "status": "active", "account_manager_id": w.manager_a.id });
        body[field] = json!(nul);
        refused(put(&owner, &client, body).await, field, field).await;
    }
    refused(owner.get("/api/staff/clients?q=a%00b").await, "q", "client search").await;
    refused(owner.get(&format!("{backlog}?q=a%00b")).await, "q", "backlog search").await;

    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let portal_item = format!("/api/portal/backlog/{}", w.proposed_a1);
    refused(approver.post(&format!("{portal_item}/comments"), json!({ "body": nul })).await, "body", "portal comment")
        .await;
    refused(
        approver
            .post(&format!("{portal_item}/decision"), json!({ "decision": "declined", "version": 1, "comment": nul }))
            .await,
        "comment",
        "decision comment",
    )
    .await;
    // Nothing was half written: the proposed item still waits for a decision.
    let still = json_of(approver.get(&portal_item).await, 200).await;
    assert_eq!(still["item"]["status"], "proposed", "{still}");
}

#[tokio::test]
async fn dates_outside_1900_to_2200_are_refused() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let client = format!("/api/staff/clients/{}", w.client_a1.0);
    for bad in ["-10000-01-01", "1899-12-31", "2201-01-01"] {
        refused(
            owner
                .post(
                    &format!("{client}/projects"),
                    json!({ "name": "P", "kind": "seo", "status": "planned", "starts_on": bad }),
                )
                .await,
            "starts_on",
            bad,
        )
        .await;
        refused(
            put(&owner, &client, json!({ "name": w.client_a1.1, "status": "active", "account_manager_id": w.manager_a.id, "started_on": bad })).await,
            "started_on",
            bad,
        )
        .await;
        refused(
            owner
                .post(
                    &format!("{client}/roadmap/goals/{}/values", w.goals_a1[0]),
                    json!({ "value": 1, "measured_on": bad }),
                )
                .await,
            "measured_on",
            bad,
        )
        .await;
        refused(
            owner
                .post(
                    &format!("{client}/roadmap/stages"),
                    json!({ "title": "S", "starts_on": bad, "ends_on": "2026-12-31", "status": "planned" }),
                )
                .await,
            "starts_on",
            bad,
        )
        .await;
    }
    for bad in ["-262143-01-01T00:00:00Z", "1899-12-31T23:59:59Z"] {
        refused(
            owner
                .post(
                    &format!("{client}/touchpoints"),
                    json!({ "kind": "call", "occurred_at": bad, "summary": "Call" }),
                )
                .await,
            "occurred_at",
            bad,
        )
        .await;
    }
    // The edges are fine.
    json_of(
        owner.post(&format!("{client}/projects"), json!({ "name": "P", "kind": "seo", "status": "planned", "starts_on": "1900-01-01", "ends_on": "2200-12-31" })).await,
        201,
    )
    .await;
}

#[tokio::test]
async fn names_refuse_bidi_overrides_zero_width_characters_and_byte_order_marks() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let backlog = format!("/api/staff/clients/{}/projects/{}/backlog", w.client_a1.0, w.project_a1);
    for bad in ["probe\u{202E}gnp.exe\u{202C}", "zero\u{200B}width", "\u{FEFF}bom", "isolate\u{2067}x\u{2069}"] {
        refused(owner.post("/api/staff/clients", json!({ "name": bad })).await, "name", bad).await;
        refused(
            owner.post(&backlog, json!({ "title": bad, "priority": "high", "source": "analytics" })).await,
            "title",
            bad,
        )
        .await;
        refused(put(&owner, "/api/auth/profile", json!({ "name": bad })).await, "name", bad).await;
    }
    // Ordinary names in any script, emoji with joiners included, still pass.
    json_of(owner.post("/api/staff/clients", json!({ "name": "Ромашка 🌼 ООО" })).await, 201).await;
    json_of(owner.post("/api/staff/clients", json!({ "name": "Семья 👨\u{200D}👩\u{200D}👧" })).await, 201).await;
}

/// A reqwest client that keeps cookies but sends no Origin header of its own.
fn bare_client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .pool_idle_timeout(std::time::Duration::from_secs(2))
        .build()
        .expect("client")
}

#[tokio::test]
async fn cookie_writes_without_origin_or_fetch_metadata_are_refused() {
    let app: TestApp = spawn_app().await;
    let w = world::build(&app).await;
    let http = bare_client();
    let url = |p: &str| format!("{}{p}", app.address);
    // Signing in carries no session cookie yet: allowed without Origin (nothing to ride on).
    let res = http
        .post(url("/api/auth/sign-in"))
        .json(&json!({ "email": w.a.owner.email, "password": world::PASSWORD }))
        .send()
        .await
        .expect("sign-in");
    assert_eq!(res.status(), 200);
    let create = |origin: Option<&str>, fetch_site: Option<&str>| {
        let mut req = http.post(url("/api/staff/clients")).json(&json!({ "name": "Via CSRF" }));
        if let Some(o) = origin {
            req = req.header("Origin", o);
        }
        if let Some(f) = fetch_site {
            req = req.header("Sec-Fetch-Site", f);
        }
        req.send()
    };
    let (status, body) = status_and_body(create(None, None).await.expect("send")).await;
    assert_eq!((status, body["code"].as_str()), (403, Some("csrf_rejected")), "{body}");
    let (status, _) = status_and_body(create(Some("https://evil.example"), None).await.expect("send")).await;
    assert_eq!(status, 403);
    let (status, _) = status_and_body(create(None, Some("cross-site")).await.expect("send")).await;
    assert_eq!(status, 403);
    let (status, body) = status_and_body(create(Some(&app.address), None).await.expect("send")).await;
    assert_eq!(status, 201, "{body}");
    let (status, body) = status_and_body(create(None, Some("same-origin")).await.expect("send")).await;
    assert_eq!(status, 201, "{body}");
    // Reads need neither.
    assert_eq!(http.get(url("/api/auth/me")).send().await.expect("me").status(), 200);
}

#[tokio::test]
async fn budgets_are_capped_like_prices() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let projects = format!("/api/staff/clients/{}/projects", w.client_a1.0);
    for amount in [i64::MAX, 100_000_000_000_001, -1] {
        refused(
            owner
                .post(&projects, json!({ "name": "P", "kind": "seo", "status": "planned", "budget": { "amount_minor": amount, "currency": "RUB" } }))
                .await,
            "budget",
            &amount.to_string(),
        )
        .await;
    }
    json_of(
        owner
            .post(&projects, json!({ "name": "P", "kind": "seo", "status": "planned", "budget": { "amount_minor": 100_000_000_000_000i64, "currency": "RUB" } }))
            .await,
        201,
    )
    .await;
}

#[tokio::test]
async fn markdown_is_rendered_once_on_write_and_again_after_a_renderer_change() {
    use accord_entity::backlog_items;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let backlog = format!("/api/staff/clients/{}/projects/{}/backlog", w.client_a1.0, w.project_a1);
    let created = json_of(
        owner
            .post(&backlog, json!({ "title": "Rendered", "description": "**bold** <img src=x onerror=alert(1)>", "priority": "high", "source": "analytics" }))
            .await,
        201,
    )
    .await;
    let id: uuid::Uuid = serde_json::from_value(created["id"].clone()).unwrap();
    let safe = |html: &str| html.contains("<strong>bold</strong>") && !html.contains("img") && !html.contains("stale");
    let stored = || async {
        let tx = app.db.unscoped("test reads a stored item").await.unwrap();
        let row = backlog_items::Entity::find()
            .filter(backlog_items::Column::Id.eq(id))
            .one(tx.conn())
            .await
            .unwrap()
            .unwrap();
        tx.commit().await.unwrap();
        row
    };
    let row = stored().await;
    assert_eq!(row.html_version, accord_server::rich::VERSION);
    assert!(safe(&row.description_html), "{}", row.description_html);
    assert_eq!(created["description"]["html"], row.description_html.as_str());

    // A row rendered by an older renderer (or never) is rendered again at startup.
    let tx = app.db.unscoped("test ages a stored rendering").await.unwrap();
    backlog_items::Entity::update_many()
        .col_expr(backlog_items::Column::DescriptionHtml, sea_orm::sea_query::Expr::value("stale"))
        .col_expr(backlog_items::Column::HtmlVersion, sea_orm::sea_query::Expr::value(0))
        .filter(backlog_items::Column::Id.eq(id))
        .exec(tx.conn())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    // Until then a reader never gets the stale copy.
    let read = json_of(owner.get(&format!("{backlog}/{id}")).await, 200).await;
    assert!(read["item"]["description"]["html"].as_str().is_some_and(safe), "{read}");
    assert!(accord_server::rich::rerender_outdated(&app.db).await.unwrap() >= 1);
    let row = stored().await;
    assert_eq!(row.html_version, accord_server::rich::VERSION);
    assert!(safe(&row.description_html), "{}", row.description_html);

    // A rendering by a newer renderer (an instance of a later release beside this one) is left
    // alone: the two instances must not render the row back and forth.
    let tx = app.db.unscoped("test marks a rendering as newer").await.unwrap();
    backlog_items::Entity::update_many()
        .col_expr(backlog_items::Column::DescriptionHtml, sea_orm::sea_query::Expr::value("<p>newer</p>"))
        .col_expr(backlog_items::Column::HtmlVersion, sea_orm::sea_query::Expr::value(accord_server::rich::VERSION + 1))
        .filter(backlog_items::Column::Id.eq(id))
        .exec(tx.conn())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    accord_server::rich::rerender_outdated(&app.db).await.unwrap();
    let row = stored().await;
    assert_eq!((row.html_version, row.description_html.as_str()), (accord_server::rich::VERSION + 1, "<p>newer</p>"));
}

#[tokio::test]
async fn the_openapi_document_publishes_the_input_limits() {
    let app = spawn_app().await;
    let doc: Value = app.client().get("/api/openapi.json").await.json().await.unwrap();
    let schema = |name: &str, field: &str| doc["components"]["schemas"][name]["properties"][field].clone();
    let title = schema("BacklogItemInput", "title");
    assert_eq!(title["maxLength"], 200, "{title}");
    assert_eq!(title["minLength"], 1, "{title}");
    assert!(title["pattern"].as_str().is_some_and(|p| p.contains("\\u202A-\\u202E")), "{title}");
    assert_eq!(schema("BacklogItemInput", "description")["maxLength"], 20_000);
    assert_eq!(schema("NewComment", "body")["maxLength"], 5_000);
    assert_eq!(schema("Money", "amount_minor")["maximum"], 100_000_000_000_000i64);
    assert_eq!(schema("Money", "amount_minor")["minimum"], 0);
    let starts = schema("StageInput", "starts_on");
    assert_eq!(starts["format"], "date", "{starts}");
    assert!(starts["pattern"].as_str().is_some_and(|p| p.starts_with("^(19")), "{starts}");
    assert!(schema("NewTouchpoint", "occurred_at")["pattern"].is_string());
    let params = doc["paths"]["/api/staff/clients"]["get"]["parameters"].as_array().unwrap().clone();
    let param = |name: &str| params.iter().find(|p| p["name"] == name).unwrap()["schema"].clone();
    assert_eq!(param("page")["maximum"], 1_000_000, "{params:?}");
    assert_eq!(param("per_page")["maximum"], 100);
    assert_eq!(param("q")["maxLength"], 200);
}
