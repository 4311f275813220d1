//! Session lifetime and revocation, CSRF origin checks, staff management effects on sessions.

use accord_entity::sessions;
use accord_tests::{spawn_app, spawn_app_with, world};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};

#[tokio::test]
async fn sign_out_ends_the_session_for_good() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let c = app.client();
    let res = c.sign_in(&w.a.owner.email, world::PASSWORD).await;
    let cookie = res.headers().get("set-cookie").unwrap().to_str().unwrap().split(';').next().unwrap().to_string();
    assert_eq!(c.post("/api/auth/sign-out", json!({})).await.status(), 204);
    let replay = app.client().http.get(c.url("/api/auth/me")).header("cookie", &cookie).send().await.unwrap();
    assert_eq!(replay.status(), 401);
    assert_eq!(replay.json::<Value>().await.unwrap()["code"], "unauthenticated");
}

#[tokio::test]
async fn idle_and_absolute_timeouts_end_sessions() {
    let app = spawn_app_with(|s| {
        s.session_idle_minutes = 30;
        s.session_absolute_hours = 8;
    })
    .await;
    let w = world::build(&app).await;
    let idle = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let old = app.signed_in(&w.admin_a.email, world::PASSWORD).await;
    let fresh = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    assert_eq!(idle.get("/api/auth/me").await.status(), 200);
    assert_eq!(old.get("/api/auth/me").await.status(), 200);

    // Age the sessions as the clock would: idle for 31 minutes; past the absolute lifetime.
    let now = chrono::Utc::now();
    let tx = app.db.unscoped("test ages sessions").await.unwrap();
    sessions::Entity::update_many()
        .col_expr(sessions::Column::LastSeenAt, Expr::value(now - chrono::Duration::minutes(31)))
        .filter(sessions::Column::UserId.eq(w.a.owner.id.0))
        .exec(tx.conn())
        .await
        .unwrap();
    sessions::Entity::update_many()
        .col_expr(sessions::Column::ExpiresAt, Expr::value(now - chrono::Duration::seconds(1)))
        .filter(sessions::Column::UserId.eq(w.admin_a.id.0))
        .exec(tx.conn())
        .await
        .unwrap();
    tx.commit().await.unwrap();

    assert_eq!(idle.get("/api/auth/me").await.status(), 401, "idle timeout");
    assert_eq!(old.get("/api/auth/me").await.status(), 401, "absolute timeout");
    assert_eq!(fresh.get("/api/auth/me").await.status(), 200);
}

#[tokio::test]
async fn secure_cookies_use_the_host_prefix() {
    let app = spawn_app_with(|s| s.cookie_secure = Some(true)).await;
    let w = world::build(&app).await;
    let res = app.client().sign_in(&w.a.owner.email, world::PASSWORD).await;
    let cookie = res.headers().get("set-cookie").unwrap().to_str().unwrap().to_string();
    assert!(cookie.starts_with("__Host-accord_session=") && cookie.contains("Secure"), "{cookie}");
}

#[tokio::test]
async fn cross_site_writes_are_refused() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let c = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let body = json!({ "name": "CSRF client" });
    let foreign = c
        .http
        .post(c.url("/api/staff/clients"))
        .header("origin", "https://evil.example")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), 403);
    assert_eq!(foreign.json::<Value>().await.unwrap()["code"], "csrf_rejected");
    let fetch_site = c
        .http
        .post(c.url("/api/staff/clients"))
        .header("sec-fetch-site", "cross-site")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(fetch_site.status(), 403);
    let null_origin = c.http.post(c.url("/api/auth/sign-out")).header("origin", "null").send().await.unwrap();
    assert_eq!(null_origin.status(), 403);
    let same = c
        .http
        .post(c.url("/api/staff/clients"))
        .header("origin", &app.address)
        .header("sec-fetch-site", "same-origin")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(same.status(), 201);
    // Nothing was written by the refused requests.
    let list: Value = c.get("/api/staff/clients?q=CSRF").await.json().await.unwrap();
    assert_eq!(list["total"], 1);
    // Reads stay allowed cross-site (they change nothing; CORS keeps the answer from the page).
    let read = c.http.get(c.url("/api/auth/me")).header("sec-fetch-site", "cross-site").send().await.unwrap();
    assert_eq!(read.status(), 200);
}

#[tokio::test]
async fn disabling_a_user_ends_their_sessions_and_guards_hold() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let target = app.signed_in(&w.target_a.email, world::PASSWORD).await;
    let path = format!("/api/staff/members/{}/status", w.target_a.id);
    let res = owner.send("PUT", &path, Some(json!({ "status": "disabled" }))).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "disabled");
    assert_eq!(target.get("/api/auth/me").await.status(), 401);
    let again = app.client().sign_in(&w.target_a.email, world::PASSWORD).await;
    assert_eq!(again.status(), 403);
    assert_eq!(again.json::<Value>().await.unwrap()["code"], "account_disabled");
    assert_eq!(owner.send("PUT", &path, Some(json!({ "status": "active" }))).await.status(), 200);
    assert_eq!(app.client().sign_in(&w.target_a.email, world::PASSWORD).await.status(), 200);

    // Nobody changes themselves; the last owner stays; an admin cannot touch an owner.
    let own =
        owner.send("PUT", &format!("/api/staff/members/{}/role", w.a.owner.id), Some(json!({ "role": "admin" }))).await;
    assert_eq!(own.status(), 409);
    assert_eq!(own.json::<Value>().await.unwrap()["code"], "cannot_change_self");
    let admin = app.signed_in(&w.admin_a.email, world::PASSWORD).await;
    let res = admin
        .send("PUT", &format!("/api/staff/members/{}/status", w.a.owner.id), Some(json!({ "status": "disabled" })))
        .await;
    assert_eq!(res.status(), 403);
    let res = admin
        .send("PUT", &format!("/api/staff/members/{}/role", w.target_a.id), Some(json!({ "role": "owner" })))
        .await;
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn language_choice_is_remembered() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let c = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let res = c.send("PUT", "/api/auth/locale", Some(json!({ "locale": "ru" }))).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["locale"], "ru");
    let fresh = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    assert_eq!(fresh.get("/api/auth/me").await.json::<Value>().await.unwrap()["locale"], "ru");
    let bad = c.send("PUT", "/api/auth/locale", Some(json!({ "locale": "de" }))).await;
    assert_eq!(bad.status(), 422);
}
