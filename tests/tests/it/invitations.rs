//! Invitations and password resets, received through a real SMTP server.

use accord_entity::{invitations, outbox, password_resets};
use accord_tests::{smtp, spawn_app_with, world, TestApp};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use secrecy::SecretString;
use serde_json::{json, Value};

async fn app_with_mail(server: &smtp::SmtpServer) -> TestApp {
    let url = server.url();
    spawn_app_with(move |s| {
        s.smtp_url = Some(SecretString::from(url));
        s.mail_poll_ms = 100;
    })
    .await
}

async fn age_invitations(app: &TestApp, email: &str) {
    let tx = app.db.unscoped("test ages invitation").await.unwrap();
    invitations::Entity::update_many()
        .col_expr(invitations::Column::ExpiresAt, Expr::value(chrono::Utc::now() - chrono::Duration::minutes(1)))
        .filter(invitations::Column::Email.eq(email))
        .exec(tx.conn())
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn owner_invites_a_colleague_who_accepts_from_the_mail() {
    let Some(mail) = smtp::start() else { return };
    let app = app_with_mail(&mail).await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let res = owner
        .post(
            "/api/staff/invitations",
            json!({ "email": "Nina@Example.test", "name": "Нина", "role": "account_manager", "locale": "ru" }),
        )
        .await;
    assert_eq!(res.status(), 201);
    let inv: Value = res.json().await.unwrap();
    assert_eq!(inv["state"], "pending");
    assert_eq!(inv["email"], "nina@example.test");

    let got = mail.wait_for("nina@example.test", 1).await;
    let m = &got[0];
    assert!(m.subject.contains(&w.a.name), "{}", m.subject);
    assert!(m.subject.starts_with("Приглашение"), "Russian mail: {}", m.subject);
    assert!(m.html.contains("<a href=") && !m.text.is_empty());
    let token = m.token(&format!("{}/invite#", app.settings.public_url));

    let anon = app.client();
    let preview: Value =
        anon.post("/api/public/invitations/preview", json!({ "token": token })).await.json().await.unwrap();
    assert_eq!(preview["state"], "pending");
    assert_eq!(preview["agency_name"], w.a.name.as_str());
    let weak = anon.post("/api/public/invitations/accept", json!({ "token": token, "password": "12345" })).await;
    assert_eq!(weak.status(), 422);
    let res =
        anon.post("/api/public/invitations/accept", json!({ "token": token, "password": "Нинин-пароль-1" })).await;
    assert_eq!(res.status(), 200);
    let me: Value = res.json().await.unwrap();
    assert_eq!(me["membership"]["role"], "account_manager");
    assert_eq!(anon.get("/api/staff/clients").await.status(), 200, "signed in right away");

    let again = app
        .client()
        .post("/api/public/invitations/accept", json!({ "token": token, "password": "Другой-пароль-2" }))
        .await;
    assert_eq!(again.status(), 409);
    assert_eq!(again.json::<Value>().await.unwrap()["code"], "link_used");
    assert_eq!(app.client().sign_in("nina@example.test", "Нинин-пароль-1").await.status(), 200);
    let pending: Vec<Value> = owner.get("/api/staff/invitations?kind=staff").await.json().await.unwrap();
    assert!(pending.is_empty(), "accepted invitations leave the pending list");
    let dup = owner
        .post("/api/staff/invitations", json!({ "email": "nina@example.test", "name": "N", "role": "specialist" }))
        .await;
    assert_eq!(dup.status(), 409);
    assert_eq!(dup.json::<Value>().await.unwrap()["code"], "already_has_access");
}

#[tokio::test]
async fn contact_invitation_expires_is_resent_and_opens_only_their_portal() {
    let Some(mail) = smtp::start() else { return };
    let app = app_with_mail(&mail).await;
    let w = world::build(&app).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let (contact, email) = w.spare_contacts_a1[0].clone();
    let path = format!("/api/staff/clients/{}/contacts/{contact}/invitation", w.client_a1.0);
    let res = manager.post(&path, json!({ "locale": "en" })).await;
    assert_eq!(res.status(), 201);
    let inv: Value = res.json().await.unwrap();
    let dup = manager.post(&path, json!({})).await;
    assert_eq!(dup.status(), 409, "one open invitation per contact");

    let contacts: Vec<Value> =
        manager.get(&format!("/api/staff/clients/{}/contacts", w.client_a1.0)).await.json().await.unwrap();
    let row = contacts.iter().find(|c| c["email"] == email.as_str()).unwrap();
    assert_eq!(row["portal_access"]["state"], "invited");

    let first = mail.wait_for(&email, 1).await;
    assert!(first[0].subject.contains("client portal"), "{}", first[0].subject);
    assert!(first[0].text.contains(&w.client_a1.1));
    let old_token = first[0].token("/invite#");

    // The link runs out: the page can say so, and accepting is refused.
    age_invitations(&app, &email).await;
    let anon = app.client();
    let preview: Value =
        anon.post("/api/public/invitations/preview", json!({ "token": old_token })).await.json().await.unwrap();
    assert_eq!(preview["state"], "expired");
    let res = anon
        .post("/api/public/invitations/accept", json!({ "token": old_token, "password": "Client-password-1" }))
        .await;
    assert_eq!(res.status(), 410);
    assert_eq!(res.json::<Value>().await.unwrap()["code"], "link_expired");
    let contacts: Vec<Value> =
        manager.get(&format!("/api/staff/clients/{}/contacts", w.client_a1.0)).await.json().await.unwrap();
    let row = contacts.iter().find(|c| c["email"] == email.as_str()).unwrap();
    assert_eq!(row["portal_access"]["state"], "invitation_expired");

    // Resent: a new link; the old one is dead.
    let res = manager.post(&format!("/api/staff/invitations/{}/resend", inv["id"].as_str().unwrap()), json!({})).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["sent_count"], 2);
    let both = mail.wait_for(&email, 2).await;
    let new_token = both.iter().map(|m| m.token("/invite#")).find(|t| *t != old_token).expect("a new token");
    let res = anon.post("/api/public/invitations/preview", json!({ "token": old_token })).await;
    assert_eq!(res.status(), 404);
    let res = anon
        .post("/api/public/invitations/accept", json!({ "token": new_token, "password": "Client-password-1" }))
        .await;
    assert_eq!(res.status(), 200);
    let me: Value = res.json().await.unwrap();
    assert_eq!(me["membership"]["kind"], "contact");
    assert_eq!(me["membership"]["client"]["name"], w.client_a1.1.as_str());
    let home: Value = anon.get("/api/portal/home").await.json().await.unwrap();
    assert_eq!(home["client"]["name"], w.client_a1.1.as_str());
    assert_eq!(anon.get("/api/staff/clients").await.status(), 403);
    let contacts: Vec<Value> =
        manager.get(&format!("/api/staff/clients/{}/contacts", w.client_a1.0)).await.json().await.unwrap();
    let row = contacts.iter().find(|c| c["email"] == email.as_str()).unwrap();
    assert_eq!(row["portal_access"]["state"], "active");
}

#[tokio::test]
async fn revoked_invitations_stop_working_and_specialists_cannot_invite() {
    let Some(mail) = smtp::start() else { return };
    let app = app_with_mail(&mail).await;
    let w = world::build(&app).await;
    let admin = app.signed_in(&w.admin_a.email, world::PASSWORD).await;
    let inv: Value = admin
        .post("/api/staff/invitations", json!({ "email": "temp@example.test", "name": "Temp", "role": "specialist" }))
        .await
        .json()
        .await
        .unwrap();
    let token = mail.wait_for("temp@example.test", 1).await[0].token("/invite#");
    let res = admin.post(&format!("/api/staff/invitations/{}/revoke", inv["id"].as_str().unwrap()), json!({})).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["state"], "revoked");
    let res = app
        .client()
        .post("/api/public/invitations/accept", json!({ "token": token, "password": "Temp-password-1" }))
        .await;
    assert_eq!(res.status(), 410);
    assert_eq!(res.json::<Value>().await.unwrap()["code"], "link_revoked");
    let res = admin
        .post("/api/staff/invitations", json!({ "email": "boss@example.test", "name": "Boss", "role": "owner" }))
        .await;
    assert_eq!(res.status(), 403, "only an owner invites an owner");

    let specialist = app.signed_in(&w.specialist_a.email, world::PASSWORD).await;
    let (contact, _) = w.spare_contacts_a1[1].clone();
    let res = specialist
        .post(&format!("/api/staff/clients/{}/contacts/{contact}/invitation", w.client_a1.0), json!({}))
        .await;
    assert_eq!(res.status(), 403);
    // A refused invitation writes no mail.
    let tx = app.db.unscoped("test reads outbox").await.unwrap();
    let queued = outbox::Entity::find().all(tx.conn()).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(queued.len(), 1, "only the one real invitation was queued");
}

#[tokio::test]
async fn password_reset_answers_the_same_and_works_once() {
    let Some(mail) = smtp::start() else { return };
    let app = app_with_mail(&mail).await;
    let w = world::build(&app).await;
    let old_session = app.signed_in(&w.viewer_a1.email, world::PASSWORD).await;
    let anon = app.client();
    let known =
        anon.post("/api/public/password-reset/request", json!({ "email": w.viewer_a1.email.to_uppercase() })).await;
    let unknown = anon.post("/api/public/password-reset/request", json!({ "email": "ghost@example.test" })).await;
    assert_eq!(known.status(), 202);
    assert_eq!(unknown.status(), 202);
    assert_eq!(known.text().await.unwrap(), unknown.text().await.unwrap());

    let got = mail.wait_for(&w.viewer_a1.email, 1).await;
    assert!(got[0].subject.contains("Reset"), "English user gets English mail: {}", got[0].subject);
    let token = got[0].token("/reset-password#");
    let state: Value =
        anon.post("/api/public/password-reset/check", json!({ "token": token })).await.json().await.unwrap();
    assert_eq!(state["state"], "pending");
    let res = anon
        .post("/api/public/password-reset/complete", json!({ "token": token, "password": "Новый-пароль-зритель" }))
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(anon.get("/api/portal/home").await.status(), 200, "signed in after reset");
    assert_eq!(old_session.get("/api/auth/me").await.status(), 401, "other sessions end");
    let again = app
        .client()
        .post("/api/public/password-reset/complete", json!({ "token": token, "password": "Ещё-один-пароль-1" }))
        .await;
    assert_eq!(again.status(), 409);
    assert_eq!(app.client().sign_in(&w.viewer_a1.email, "Новый-пароль-зритель").await.status(), 200);

    // Expired links are refused; nothing goes to unknown addresses.
    let _ = anon.post("/api/public/password-reset/request", json!({ "email": w.approver_a1.email })).await;
    let token = mail.wait_for(&w.approver_a1.email, 1).await[0].token("/reset-password#");
    let tx = app.db.unscoped("test ages reset").await.unwrap();
    password_resets::Entity::update_many()
        .col_expr(password_resets::Column::ExpiresAt, Expr::value(chrono::Utc::now() - chrono::Duration::minutes(1)))
        .exec(tx.conn())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let res = app
        .client()
        .post("/api/public/password-reset/complete", json!({ "token": token, "password": "Approver-new-pass-1" }))
        .await;
    assert_eq!(res.status(), 410);
    assert!(mail.received().iter().all(|m| m.to != "ghost@example.test"));
}

#[tokio::test]
async fn two_instances_never_send_the_same_mail_twice() {
    // Several instances are a PostgreSQL deployment; embedded SQLite serves one process.
    if accord_tests::backend() != accord_tests::Backend::Postgres {
        eprintln!("SKIPPED: two-instance outbox test (PostgreSQL only)");
        return;
    }
    let Some(mail) = smtp::start() else { return };
    let first = app_with_mail(&mail).await;
    // A second instance on the same database, sharing the outbox.
    let url = mail.url();
    let shared_db = first.settings.database_url.clone();
    let shared_owner = first.settings.migration_database_url.clone();
    let data_dir = first.settings.data_dir.clone();
    let second = spawn_app_with(move |s| {
        s.smtp_url = Some(SecretString::from(url));
        s.mail_poll_ms = 20;
        s.database_url = shared_db;
        s.migration_database_url = shared_owner;
        s.data_dir = data_dir;
    })
    .await;
    let w = world::build(&first).await;
    let owner = first.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let n = 12;
    for i in 0..n {
        let res = owner
            .post(
                "/api/staff/invitations",
                json!({ "email": format!("bulk{i}@example.test"), "name": "Bulk", "role": "specialist" }),
            )
            .await;
        assert_eq!(res.status(), 201);
    }
    let got = mail.wait_for("bulk", n).await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let all: Vec<_> = mail.received().into_iter().filter(|m| m.to.starts_with("bulk")).collect();
    let ids: std::collections::BTreeSet<_> = all.iter().map(|m| m.message_id.clone()).collect();
    assert_eq!(all.len(), n, "each mail exactly once (got {} of {n} at first look)", got.len());
    assert_eq!(ids.len(), n);
    let tx = second.db.unscoped("test reads outbox").await.unwrap();
    let rows = outbox::Entity::find().all(tx.conn()).await.unwrap();
    tx.commit().await.unwrap();
    assert!(rows.iter().all(|r| r.status == "sent" && r.attempts == 1), "{rows:?}");
}

#[tokio::test]
async fn undeliverable_mail_is_retried_with_backoff_and_kept() {
    // Nothing listens on this port: every attempt fails.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let app = spawn_app_with(move |s| {
        s.smtp_url = Some(SecretString::from(format!("smtp://127.0.0.1:{port}")));
        s.mail_poll_ms = 50;
    })
    .await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let res = owner
        .post("/api/staff/invitations", json!({ "email": "later@example.test", "name": "L", "role": "specialist" }))
        .await;
    assert_eq!(res.status(), 201);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let tx = app.db.unscoped("test reads outbox").await.unwrap();
        let row = outbox::Entity::find().one(tx.conn()).await.unwrap().unwrap();
        tx.commit().await.unwrap();
        if row.attempts >= 1 && row.status == "pending" {
            assert!(row.last_error.is_some());
            assert!(row.next_attempt_at > chrono::Utc::now(), "backs off before the next try");
            break;
        }
        assert!(std::time::Instant::now() < deadline, "no failed attempt recorded: {row:?}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}
