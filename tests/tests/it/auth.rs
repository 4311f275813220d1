//! Sign-in, passwords, throttling, the audit trail.

use accord_entity::audit_log;
use accord_tests::{spawn_app, spawn_app_with, world};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};

#[tokio::test]
async fn each_kind_signs_in_to_its_membership() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    for (email, kind) in
        [(&w.operator.email, "platform"), (&w.a.owner.email, "staff"), (&w.approver_a1.email, "contact")]
    {
        let c = app.client();
        let res = c.sign_in(email, world::PASSWORD).await;
        assert_eq!(res.status(), 200);
        let cookie = res.headers().get("set-cookie").unwrap().to_str().unwrap().to_string();
        assert!(cookie.starts_with("accord_session="), "{cookie}");
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"),
            "{cookie}"
        );
        let me: Value = res.json().await.unwrap();
        assert_eq!(me["membership"]["kind"], kind);
        assert_eq!(c.get("/api/auth/me").await.json::<Value>().await.unwrap()["email"], email.as_str());
    }
    let me: Value =
        app.signed_in(&w.approver_a1.email, world::PASSWORD).await.get("/api/auth/me").await.json().await.unwrap();
    assert_eq!(me["membership"]["client"]["name"], w.client_a1.1.as_str());
    assert_eq!(me["membership"]["portal_role"], "approver");
}

#[tokio::test]
async fn unknown_email_and_wrong_password_answer_the_same() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let c = app.client();
    let started = std::time::Instant::now();
    let wrong = c.sign_in(&w.a.owner.email, "Wrong-password-9").await;
    let wrong_time = started.elapsed();
    let started = std::time::Instant::now();
    let unknown = c.sign_in("nobody@nowhere.test", "Wrong-password-9").await;
    let unknown_time = started.elapsed();
    assert_eq!(wrong.status(), 401);
    assert_eq!(unknown.status(), 401);
    assert_eq!(wrong.json::<Value>().await.unwrap(), unknown.json::<Value>().await.unwrap());
    // Both paths spend one argon2 verification; not a timing assertion, a sanity print.
    eprintln!("sign-in failure timings: wrong password {wrong_time:?}, unknown email {unknown_time:?}");
}

#[tokio::test]
async fn email_in_two_agencies_asks_which_one() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    // The same person is also a staff member of agency B, with the same password.
    let owner_b = app.signed_in(&w.b.owner.email, world::PASSWORD).await;
    let _ = owner_b; // B's owner cannot create staff yet (invitations come later): insert directly.
    {
        use accord_entity::users;
        let tx = app.db.unscoped("test").await.unwrap();
        let src = users::Entity::find_by_id(w.manager_a.id).one(tx.conn()).await.unwrap().unwrap();
        let mut copy = src.clone();
        copy.id = accord_api::UserId::new();
        copy.agency_id = Some(w.b.id);
        users::Entity::insert(users::ActiveModel::from(copy)).exec_without_returning(tx.conn()).await.unwrap();
        tx.commit().await.unwrap();
    }
    let c = app.client();
    let res = c.sign_in(&w.manager_a.email, world::PASSWORD).await;
    assert_eq!(res.status(), 409);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["code"], "agency_choice_required");
    assert_eq!(body["choices"].as_array().unwrap().len(), 2);
    let res = c
        .post(
            "/api/auth/sign-in",
            json!({ "email": w.manager_a.email, "password": world::PASSWORD, "agency_slug": w.b.slug }),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["membership"]["agency"]["slug"], w.b.slug.as_str());
}

#[tokio::test]
async fn failed_sign_ins_are_throttled_per_account_and_address_without_global_lockout() {
    let app = spawn_app_with(|s| {
        s.trust_proxy = true;
        s.login_max_failures = 3;
        s.login_max_failures_per_ip = 5;
    })
    .await;
    let w = world::build(&app).await;
    let c = app.client();
    let attempt = |ip: &'static str, email: String, password: &'static str| {
        let c = c.clone();
        async move {
            c.http
                .post(c.url("/api/auth/sign-in"))
                .header("x-forwarded-for", ip)
                .json(&json!({ "email": email, "password": password }))
                .send()
                .await
                .unwrap()
        }
    };
    for _ in 0..3 {
        assert_eq!(attempt("203.0.113.7", w.a.owner.email.clone(), "Wrong-password-9").await.status(), 401);
    }
    let blocked = attempt("203.0.113.7", w.a.owner.email.clone(), world::PASSWORD).await;
    assert_eq!(blocked.status(), 429, "even the right password waits");
    let retry: u64 = blocked.headers().get("retry-after").unwrap().to_str().unwrap().parse().unwrap();
    assert!(retry > 0 && retry <= 15 * 60, "{retry}");
    assert_eq!(blocked.json::<Value>().await.unwrap()["code"], "rate_limited");

    // The owner, from their own address, is not locked out by the attacker.
    assert_eq!(attempt("198.51.100.20", w.a.owner.email.clone(), world::PASSWORD).await.status(), 200);

    // Per address: spraying many accounts from one address stops too.
    for i in 0..2 {
        assert_eq!(attempt("203.0.113.7", format!("spray{i}@x.test"), "Wrong-password-9").await.status(), 401);
    }
    assert_eq!(attempt("203.0.113.7", "other@x.test".into(), "Wrong-password-9").await.status(), 429);
}

#[tokio::test]
async fn password_policy_and_change() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let c = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let other_browser = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    for (new, code) in [
        ("short", "password_too_short"),
        ("1234567890", "password_too_common"),
        (&*"x".repeat(129), "password_too_long"),
    ] {
        let res =
            c.post("/api/auth/password", json!({ "current_password": world::PASSWORD, "new_password": new })).await;
        assert_eq!(res.status(), 422, "{new}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["code"], code);
        assert_eq!(body["field"], "new_password");
    }
    let res = c
        .post(
            "/api/auth/password",
            json!({ "current_password": "Wrong-password-9", "new_password": "Новый-пароль-2026" }),
        )
        .await;
    assert_eq!(res.status(), 422);
    assert_eq!(res.json::<Value>().await.unwrap()["code"], "wrong_password");

    let res = c
        .post("/api/auth/password", json!({ "current_password": world::PASSWORD, "new_password": "Новый-пароль-2026" }))
        .await;
    assert_eq!(res.status(), 204);
    assert_eq!(c.get("/api/auth/me").await.status(), 200, "this browser gets a fresh session");
    assert_eq!(other_browser.get("/api/auth/me").await.status(), 401, "other sessions end");
    assert_eq!(app.client().sign_in(&w.manager_a.email, world::PASSWORD).await.status(), 401);
    assert_eq!(app.client().sign_in(&w.manager_a.email, "Новый-пароль-2026").await.status(), 200);
}

#[tokio::test]
async fn security_events_are_audited_without_secrets() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let _ = app.client().sign_in(&w.a.owner.email, "Wrong-password-9").await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let res = owner
        .send("PUT", &format!("/api/staff/members/{}/role", w.target_a.id), Some(json!({ "role": "account_manager" })))
        .await;
    assert_eq!(res.status(), 200);
    let res = owner
        .post("/api/auth/password", json!({ "current_password": world::PASSWORD, "new_password": "Другой-пароль-77" }))
        .await;
    assert_eq!(res.status(), 204);
    assert_eq!(owner.post("/api/auth/sign-out", json!({})).await.status(), 204);

    let tx = app.db.unscoped("test reads audit").await.unwrap();
    let rows = audit_log::Entity::find().filter(audit_log::Column::AgencyId.eq(w.a.id.0)).all(tx.conn()).await.unwrap();
    let failures =
        audit_log::Entity::find().filter(audit_log::Column::Action.eq("sign_in_failed")).all(tx.conn()).await.unwrap();
    tx.commit().await.unwrap();
    let actions: Vec<&str> = rows.iter().map(|r| r.action.as_str()).collect();
    for expected in ["sign_in", "role_changed", "password_changed", "sign_out"] {
        assert!(actions.contains(&expected), "{expected} missing from {actions:?}");
    }
    assert!(!failures.is_empty());
    let role = rows.iter().find(|r| r.action == "role_changed").unwrap();
    assert_eq!(role.detail.as_deref(), Some("specialist -> account_manager"));
    assert_eq!(role.actor_user_id, Some(w.a.owner.id));
    assert!(role.ip.is_some());
    for r in rows.iter().chain(failures.iter()) {
        let text = format!("{r:?}");
        assert!(!text.contains(world::PASSWORD) && !text.contains("Другой-пароль"), "secret in audit: {text}");
    }
}
