//! Health, security headers, error shapes, the OpenAPI document, platform operations, sign-up.

use accord_tests::{spawn_app, spawn_app_with, world};
use serde_json::{json, Value};

#[tokio::test]
async fn health_and_readiness() {
    let app = spawn_app().await;
    let c = app.client();
    assert_eq!(c.get("/healthz").await.status(), 200);
    let ready = c.get("/readyz").await;
    assert_eq!(ready.status(), 200);
    assert_eq!(ready.json::<Value>().await.unwrap()["status"], "ready");
}

#[tokio::test]
async fn security_headers_on_success_error_and_spa() {
    let app = spawn_app().await;
    let c = app.client();
    for (path, api) in
        [("/api/public/config", true), ("/api/auth/me", true), ("/api/no/such", true), ("/healthz", false)]
    {
        let res = c.get(path).await;
        let h = res.headers();
        let csp = h.get("content-security-policy").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        let script_src = csp.split(';').find(|d| d.trim().starts_with("script-src")).unwrap_or_default();
        assert!(!script_src.contains("unsafe-inline"), "{path}: {script_src}");
        assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff", "{path}");
        assert_eq!(h.get("x-frame-options").unwrap(), "DENY", "{path}");
        assert!(h.get("referrer-policy").is_some(), "{path}");
        assert!(h.get("x-request-id").is_some(), "{path}");
        if api {
            assert_eq!(h.get("cache-control").unwrap(), "no-store", "{path}");
        }
    }
}

#[tokio::test]
async fn unknown_api_path_is_json_404_and_deep_links_load_the_spa() {
    let app = spawn_app().await;
    let c = app.client();
    let res = c.get("/api/definitely/not/here").await;
    assert_eq!(res.status(), 404);
    assert_eq!(res.json::<Value>().await.unwrap()["code"], "not_found");
    if accord_tests::workspace_root().join("frontend/dist/index.html").exists() {
        let res = c.get("/portal/reports/42").await;
        assert_eq!(res.status(), 200);
        assert!(res.text().await.unwrap().contains("<html"));
    } else {
        eprintln!("SKIPPED: SPA deep-link check (frontend/dist not built)");
    }
}

/// Small answers go out as they are (compressing a few hundred bytes costs more than it saves);
/// large ones are compressed as offered; the server's internal mark never leaks.
#[tokio::test]
async fn small_answers_go_uncompressed_and_large_ones_compressed() {
    let app = spawn_app().await;
    let c = app.client();
    let get = |path: &'static str| c.http.get(c.url(path)).header("accept-encoding", "gzip").send();
    let small = get("/api/auth/me").await.expect("request");
    assert_eq!(small.status(), 401);
    assert!(small.headers().get("content-encoding").is_none(), "{:?}", small.headers());
    assert_eq!(small.json::<Value>().await.unwrap()["code"], "unauthenticated");
    let large = get("/api/openapi.json").await.expect("request");
    assert_eq!(large.status(), 200);
    assert_eq!(large.headers().get("content-encoding").map(|v| v.to_str().unwrap()), Some("gzip"));
    let sent = large.bytes().await.unwrap().len() as u64;
    assert!(sent >= accord_server::http::headers::COMPRESS_FROM, "{sent}");
    let plain = c.get("/api/openapi.json").await.bytes().await.unwrap().len();
    assert!(sent * 3 < plain as u64, "gzip {sent} B of {plain} B");
}

/// Bytes a response moves as sent (brotli where offered; the test client never decompresses).
async fn sent_bytes(c: &accord_tests::Client, method: reqwest::Method, path: &str, body: Option<Value>) -> usize {
    let mut req = c.http.request(method, c.url(path)).header("accept-encoding", "br, gzip");
    if let Some(body) = body {
        req = req.json(&body);
    }
    let res = req.send().await.expect("request");
    assert!(res.status().is_success(), "{path}: {}", res.status());
    res.bytes().await.expect("body").len()
}

/// The page sent for `path` and every file it loads, as sent; the names of those files.
async fn page_with_assets(c: &accord_tests::Client, path: &str) -> (Vec<(String, usize)>, Vec<String>) {
    let page = c.get(path).await.text().await.unwrap();
    let mut files: Vec<String> = Vec::new();
    for attr in ["href=\"/", "src=\"/"] {
        for part in page.split(attr).skip(1) {
            let name = part.split('"').next().unwrap_or_default().to_owned();
            if !name.is_empty() && !files.contains(&name) {
                files.push(name);
            }
        }
    }
    let mut lines = vec![(format!("{path} (HTML)"), sent_bytes(c, reqwest::Method::GET, path, None).await)];
    for f in &files {
        lines.push((f.clone(), sent_bytes(c, reqwest::Method::GET, &format!("/{f}"), None).await));
    }
    (lines, files)
}

/// The web app's weight budget: a contact's first visit — the sign-in page with everything it
/// loads, signing in, the portal home's reads — moves at most 250 KB compressed. Each page an
/// e-mail links a contact to loads its own feature bundle, never another's; what such a first
/// visit moves (the page and its bundle, signing in, the page's first read) is printed beside it.
#[tokio::test]
async fn a_contacts_first_visit_fits_the_250_kb_budget() {
    if !accord_tests::workspace_root().join("frontend/dist/index.html").exists() {
        eprintln!("SKIPPED: first-visit budget (frontend/dist not built)");
        return;
    }
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let sign_in = json!({ "email": w.approver_a1.email, "password": world::PASSWORD });
    // Published minutes with decisions and promises, as a "minutes to acknowledge" e-mail links.
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let minutes = json!({
        "attendees": { "staff": [w.manager_a.id], "contacts": [], "guests": [] },
        "notes": "Обсудили запуск каталога и сроки.",
        "decisions": ["Запускаем каталог 15 декабря", "Фильтр по цене — во второй очереди"],
        "action_items": [
            { "title": "Сверстать карточку товара", "side": "agency", "due_on": "2026-12-09" },
            { "title": "Прислать фотографии товаров", "side": "client", "due_on": "2026-12-11" },
        ],
        "discussed": [],
    });
    let meeting = crate::meetings::held_meeting(&manager, w.client_a1.0, "2026-11-30T10:00", minutes).await;
    let published = manager.post(&format!("/api/staff/meetings/{meeting}/publish"), json!({})).await;
    assert_eq!(published.status(), 200);
    let minutes_page = format!("/portal/meetings/{meeting}");
    let minutes_read = format!("/api/portal/meetings/{meeting}");
    // An item awaiting the contact's decision: its page, opened from the backlog, is a bundle of its own.
    let item_page = format!("/portal/backlog/{}", w.proposed_a1);
    let item_read = format!("/api/portal/backlog/{}", w.proposed_a1);
    // A published weekly report, as a "new report" e-mail links to it.
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let report: Value = owner
        .post(
            &format!("/api/staff/clients/{}/reports", w.client_a1.0),
            json!({ "kind": "weekly", "period_of": "2026-11-18" }),
        )
        .await
        .json()
        .await
        .unwrap();
    let rid = report["summary"]["id"].as_str().unwrap().to_owned();
    let res = owner.post(&format!("/api/staff/reports/{rid}/publish"), json!({ "version": report["version"] })).await;
    assert_eq!(res.status(), 200);
    let (report_page, report_read) = (format!("/portal/reports/{rid}"), format!("/api/portal/reports/{rid}"));
    // The landing page, the bundle it must load, and the first read that page makes.
    let landings = [
        ("/sign-in", "entry-", "/api/portal/home"),
        ("/portal/backlog", "backlog-", "/api/portal/backlog"),
        (item_page.as_str(), "item-", item_read.as_str()),
        ("/portal/meetings", "meetings-", "/api/portal/meetings"),
        (minutes_page.as_str(), "minutes-", minutes_read.as_str()),
        ("/portal/reports", "reports-", "/api/portal/reports?page=1"),
        (report_page.as_str(), "report-", report_read.as_str()),
        ("/portal/surveys", "surveys-", "/api/portal/surveys"),
        ("/portal/risks", "risks-", "/api/portal/risks"),
        ("/portal/roadmap", "portal-", "/api/portal/roadmap"),
    ];
    let mut over = Vec::new();
    for (path, bundle, read) in landings {
        let c = app.client();
        let (mut lines, files) = page_with_assets(&c, path).await;
        let wasm: Vec<&String> = files.iter().filter(|f| f.ends_with("_bg.wasm")).collect();
        assert!(wasm.len() == 1 && wasm[0].starts_with(bundle), "{path} loads {files:?}");
        assert!(!files.iter().any(|f| f.contains("staff")), "{path} loads {files:?}");
        lines.push((
            "POST /api/auth/sign-in".into(),
            sent_bytes(&c, reqwest::Method::POST, "/api/auth/sign-in", Some(sign_in.clone())).await,
        ));
        for api in ["/api/auth/me", read] {
            lines.push((format!("GET {api}"), sent_bytes(&c, reqwest::Method::GET, api, None).await));
        }
        let total: usize = lines.iter().map(|(_, n)| n).sum();
        for (what, n) in &lines {
            eprintln!("first visit at {path}: {what:<45} {n:>8} B");
        }
        eprintln!("first visit at {path}: total {total} B ({:.1} KB; budget 250 KB)", total as f64 / 1024.0);
        // The roadmap (the portal bundle's heaviest page) is printed for comparison: no e-mail
        // links to it, so a contact reaches it from a page already loaded.
        if total > 250 * 1024 && path != "/portal/roadmap" {
            over.push(format!("{path}: {total} B"));
        }
    }
    assert!(over.is_empty(), "first visits over the 250 KB budget: {over:?}");
}

#[tokio::test]
async fn malformed_and_invalid_input_get_clear_codes() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let c = app.signed_in(&w.a.owner.email, world::PASSWORD).await;

    let res = c
        .http
        .post(c.url("/api/staff/clients"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(res.json::<Value>().await.unwrap()["code"], "malformed_json");

    let res = c.post("/api/staff/clients", json!({ "status": "active" })).await;
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["code"], "validation_failed");
    assert_eq!(body["field"], "name");

    let res = c.post("/api/staff/clients", json!({ "name": "   " })).await;
    assert_eq!(res.status(), 422);
    assert_eq!(res.json::<Value>().await.unwrap()["field"], "name");

    let res = c.post("/api/staff/clients", json!({ "name": "X", "status": "exploded" })).await;
    assert_eq!(res.status(), 422);

    assert_eq!(c.get("/api/staff/clients/not-a-uuid").await.status(), 404);
    let res = c.get(&format!("/api/staff/clients/{}", uuid::Uuid::new_v4())).await;
    assert_eq!(res.status(), 404);
    assert_eq!(res.json::<Value>().await.unwrap()["code"], "not_found");

    // Duplicate contact email in one client: 409, and nothing half written.
    let path = format!("/api/staff/clients/{}/contacts", w.client_a1.0);
    let before = c.get(&path).await.json::<Vec<Value>>().await.unwrap().len();
    let res = c.post(&path, json!({ "name": "Dup", "email": w.approver_a1.email, "portal_role": "viewer" })).await;
    assert_eq!(res.status(), 409);
    assert_eq!(res.json::<Value>().await.unwrap()["code"], "already_exists");
    assert_eq!(c.get(&path).await.json::<Vec<Value>>().await.unwrap().len(), before);
}

#[tokio::test]
async fn openapi_document_lists_operations_and_serves_docs() {
    let app = spawn_app().await;
    let doc: Value = app.client().get("/api/openapi.json").await.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.contains_key("/api/auth/sign-in"));
    assert!(paths.contains_key("/api/staff/clients/{id}"));
    assert!(doc["components"]["schemas"].get("ErrorBody").is_some());
}

#[tokio::test]
async fn clients_list_searches_and_paginates() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let c = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    for i in 0..7 {
        let res = c.post("/api/staff/clients", json!({ "name": format!("Ромашка {i}") })).await;
        assert_eq!(res.status(), 201);
    }
    let page: Value = c.get("/api/staff/clients?per_page=3&page=2").await.json().await.unwrap();
    assert_eq!(page["total"], 9);
    assert_eq!(page["items"].as_array().unwrap().len(), 3);
    let found: Value =
        c.get("/api/staff/clients?q=%D0%A0%D0%BE%D0%BC%D0%B0%D1%88%D0%BA%D0%B0%203").await.json().await.unwrap();
    assert_eq!(found["total"], 1, "{found}");
    assert_eq!(found["items"][0]["name"], "Ромашка 3");
    let a1: Value =
        c.get(&format!("/api/staff/clients?q={}", w.client_a1.1.replace(' ', "%20"))).await.json().await.unwrap();
    assert_eq!(a1["items"][0]["contact_count"], 2 + w.spare_contacts_a1.len());
}

#[tokio::test]
async fn operator_creates_lists_suspends_and_reactivates_agencies() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let op = app.signed_in(&w.operator.email, world::PASSWORD).await;
    let res = op
        .post(
            "/api/platform/agencies",
            json!({ "name": "Новое агентство", "slug": "novoe", "default_locale": "ru", "time_zone": "Europe/Moscow",
                    "owner_name": "Иван", "owner_email": "ivan@novoe.test", "owner_password": "Very-secret-pass-1" }),
        )
        .await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    assert_eq!(created["staff_count"], 1);

    let dup = op
        .post(
            "/api/platform/agencies",
            json!({ "name": "X", "slug": "novoe", "time_zone": "UTC", "owner_name": "Y", "owner_email": "y@y.test", "owner_password": "Very-secret-pass-1" }),
        )
        .await;
    assert_eq!(dup.status(), 409);

    let list: Value = op.get("/api/platform/agencies").await.json().await.unwrap();
    assert_eq!(list["total"], 4);
    let a =
        list["items"].as_array().unwrap().iter().find(|i| i["agency"]["slug"] == w.a.slug.as_str()).unwrap().clone();
    assert_eq!(a["client_count"], 2);
    assert_eq!(a["contact_count"], 3 + w.spare_contacts_a1.len());
    assert_eq!(a["staff_count"], 5);

    // Suspension: A's people are signed out at once and cannot sign in; data is kept.
    let owner_a = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let res = op.post(&format!("/api/platform/agencies/{}/suspend", w.a.id), json!({})).await;
    assert_eq!(res.status(), 200);
    assert_eq!(owner_a.get("/api/auth/me").await.status(), 401);
    let res = app.client().sign_in(&w.a.owner.email, world::PASSWORD).await;
    assert_eq!(res.status(), 403);
    assert_eq!(res.json::<Value>().await.unwrap()["code"], "agency_suspended");
    let res = op.post(&format!("/api/platform/agencies/{}/reactivate", w.a.id), json!({})).await;
    assert_eq!(res.status(), 200);
    let owner_a = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let clients: Value = owner_a.get("/api/staff/clients").await.json().await.unwrap();
    assert_eq!(clients["total"], 2);
}

#[tokio::test]
async fn signup_is_closed_by_default_and_works_when_open() {
    let body = json!({ "agency_name": "Студия Юг", "agency_slug": "yug", "owner_name": "Анна",
                       "email": "anna@yug.test", "password": "Very-secret-pass-1", "locale": "ru" });
    let closed = spawn_app().await;
    let res = closed.client().post("/api/auth/sign-up", body.clone()).await;
    assert_eq!(res.status(), 403);
    assert_eq!(res.json::<Value>().await.unwrap()["code"], "signup_closed");

    let open = spawn_app_with(|s| s.signup = "open".into()).await;
    let c = open.client();
    let res = c.post("/api/auth/sign-up", body.clone()).await;
    assert_eq!(res.status(), 200);
    let me: Value = c.get("/api/auth/me").await.json().await.unwrap();
    assert_eq!(me["membership"]["kind"], "staff");
    assert_eq!(me["membership"]["role"], "owner");
    assert_eq!(me["membership"]["agency"]["name"], "Студия Юг");
    let again = open.client().post("/api/auth/sign-up", body).await;
    assert_eq!(again.status(), 409);
}
