//! Browser E2E of the account flows: invitations and password resets followed from the mail a
//! real SMTP server received, and the client pages staff use to invite a client's contacts.
//!
//! Mailed links carry `settings.public_url` (not the test app's random port), so each test takes
//! the path and fragment of the mailed link (`/invite#<token>`) and opens that on the test app.

use accord_entity::invitations;
use accord_tests::browser::{browser, Browser, WAIT};
use accord_tests::smtp::{self, ReceivedMail, SmtpServer};
use accord_tests::world::{self, World};
use accord_tests::{spawn_app_with, TestApp};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use secrecy::SecretString;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// An app that mails through `server`, with the test world in it.
async fn app_with_mail(server: &SmtpServer) -> (TestApp, World) {
    let url = server.url();
    let app = spawn_app_with(move |s| {
        s.smtp_url = Some(SecretString::from(url));
        s.mail_poll_ms = 100;
    })
    .await;
    let w = world::build(&app).await;
    (app, w)
}

/// A fresh Chromium (own profile, so own cookies) pointed at `app`.
async fn fresh_browser(app: &TestApp) -> Browser {
    browser().await.expect("chromedriver was there when the test started").at(app)
}

/// The in-app part (`/invite#<token>`) of the link to `route` in `mail`.
fn mailed_path(app: &TestApp, mail: &ReceivedMail, route: &str) -> String {
    let base = &app.settings.public_url;
    let link = mail.link(&format!("{base}{route}#"));
    let path = link.strip_prefix(base.as_str()).expect("link starts with the public URL").to_owned();
    assert!(path.len() > route.len() + 1, "mailed link without a token: {link}");
    path
}

/// Opens a mailed link as a fresh page load. Going through `about:blank` first matters: from a
/// page with the same path, a link that differs only after `#` would not load the page again.
async fn open_link(b: &Browser, path: &str) {
    if let Err(e) = b.driver().post("url", json!({ "url": "about:blank" })).await {
        b.fail(&format!("could not open about:blank: {e}")).await;
    }
    b.goto(path).await;
}

/// Sets the password on an invitation or reset page (`prefix` = `accept` or `reset`).
async fn set_password(b: &Browser, prefix: &str, password: &str) {
    b.wait_for(&format!("form#{prefix}-form")).await;
    b.fill(&format!("#{prefix}-password"), password).await;
    b.fill(&format!("#{prefix}-repeat"), password).await;
    b.click(&format!("button#{prefix}-submit")).await;
}

/// The `data-id` of the first row matching `rows` whose text contains `text` (waiting for it).
async fn row_id(b: &Browser, rows: &str, text: &str) -> String {
    b.wait_for_text(rows, text).await;
    let script = "return Array.from(document.querySelectorAll(arguments[0]))\
                  .filter(e => (e.textContent || '').includes(arguments[1]))\
                  .map(e => e.getAttribute('data-id'))[0] || null;";
    match b.driver().execute(script, vec![json!(rows), json!(text)]).await {
        Ok(Value::String(id)) if !id.is_empty() => id,
        Ok(other) => b.fail(&format!("the {rows:?} row with {text:?} has no data-id ({other})")).await,
        Err(e) => b.fail(&format!("reading the data-id of {rows:?} failed: {e}")).await,
    }
}

/// Waits until one of `selectors` matches; returns its index.
async fn first_of(b: &Browser, selectors: &[&str]) -> usize {
    let started = Instant::now();
    loop {
        for (i, css) in selectors.iter().enumerate() {
            match b.driver().find(css).await {
                Ok(Some(_)) => return i,
                Ok(None) => {}
                Err(e) => b.fail(&format!("looking for {css:?} failed: {e}")).await,
            }
        }
        if started.elapsed() > WAIT {
            b.fail(&format!("timed out waiting for any of {selectors:?}")).await;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Opens a client's contacts: the `/contacts` tab where the client page has tabs, else the
/// client page itself. Leaves the browser where the "Add contact" form is.
async fn open_contacts(b: &Browser, client_id: &str) {
    b.goto(&format!("/app/clients/{client_id}/contacts")).await;
    if first_of(b, &["form#new-contact-form", "#go-home"]).await == 1 {
        // No contacts tab (yet): the contacts live on the client page.
        b.goto(&format!("/app/clients/{client_id}")).await;
        b.wait_for("form#new-contact-form").await;
    }
}

/// Adds a contact through the "Add contact" form and waits for its row; returns its `data-id`.
async fn add_contact(b: &Browser, name: &str, email: &str, role: &str) -> String {
    b.fill("#contact-name", name).await;
    b.fill("#contact-email", email).await;
    b.click(&format!("select#contact-role option[value='{role}']")).await;
    b.click("#contact-submit").await;
    let id = row_id(b, "tr.contact-row", email).await;
    b.wait_for(&format!("tr.contact-row[data-id='{id}'][data-access='not_invited']")).await;
    id
}

/// The visible text must not name any other client of the agency.
async fn assert_only_own_client(b: &Browser, w: &World) {
    let text = b.page_text().await;
    for other in [&w.client_a1.1, &w.client_a2.1, &w.client_b1.1] {
        assert!(!text.contains(other.as_str()), "another client ({other}) on the portal:\n{text}");
    }
}

/// Makes every open invitation to `email` run out a minute ago.
async fn expire_invitations(app: &TestApp, email: &str) {
    let tx = app.db.unscoped("test expires invitation").await.expect("tx");
    let res = invitations::Entity::update_many()
        .col_expr(invitations::Column::ExpiresAt, Expr::value(chrono::Utc::now() - chrono::Duration::minutes(1)))
        .filter(invitations::Column::Email.eq(email))
        .exec(tx.conn())
        .await
        .expect("expire invitation");
    tx.commit().await.expect("commit");
    assert_eq!(res.rows_affected, 1, "one invitation to {email}");
}

#[tokio::test]
async fn invited_manager_creates_a_client_and_invites_its_contacts_from_the_mail() {
    let Some(mail) = smtp::start() else { return };
    let Some(first) = browser().await else { return };
    let (app, w) = app_with_mail(&mail).await;
    let tag = &w.tag;
    let manager_email = format!("new-manager-{tag}@example.test");
    let manager_name = format!("Nina Manager {tag}");
    let manager_password = "Manager-password-42";

    // The owner invites an account manager on the team page.
    let owner = first.at(&app);
    owner.sign_in_via_form(&app, &w.a.owner.email, world::PASSWORD).await;
    owner.wait_for("div#staff-app").await;
    owner.goto("/app/team").await;
    owner.wait_for("form#invite-staff-form").await;
    owner.fill("#invite-email", &manager_email).await;
    owner.fill("#invite-name", &manager_name).await;
    owner.click("select#invite-role option[value='account_manager']").await;
    owner.click("button#invite-submit").await;
    owner.wait_for_text("#invite-staff .notice", &manager_email).await;
    owner.wait_for_text("tr.invitation-row", &manager_email).await;
    owner.screenshot("accounts-1-owner-invited-manager").await;
    owner.close().await;

    let got = mail.wait_for(&manager_email, 1).await;
    assert!(got[0].subject.contains(&w.a.name), "the subject names the agency: {:?}", got[0].subject);
    let invite = mailed_path(&app, &got[0], "/invite");

    // The manager opens the mailed link in their own browser and sets a password.
    let manager = fresh_browser(&app).await;
    open_link(&manager, &invite).await;
    manager.wait_for_text("#invite-title", &w.a.name).await;
    manager.screenshot("accounts-2-manager-invitation").await;
    set_password(&manager, "accept", manager_password).await;
    manager.wait_for("div#staff-app").await;
    manager.wait_for_path("/app/cockpit").await;
    let me: Value =
        app.signed_in(&manager_email, manager_password).await.get("/api/auth/me").await.json().await.unwrap();
    assert_eq!(me["membership"]["role"], "account_manager", "{me}");

    // They start on the cockpit (nothing needs attention yet), then create a client on the
    // clients list and open it.
    manager.wait_for("#cockpit-page").await;
    manager.click("a.nav-link[href='/app']").await;
    manager.wait_for_path("/app").await;
    let client_name = format!("ООО Тест-{tag}");
    manager.wait_for("form#new-client-form").await;
    manager.fill("#client-name", &client_name).await;
    manager.click("#client-submit").await;
    let client_id = row_id(&manager, "tr.client-row", &client_name).await;
    manager.click(&format!("tr.client-row[data-id='{client_id}'] a")).await;
    manager.wait_for_path(&format!("/app/clients/{client_id}")).await;
    manager.wait_for_text("h1#client-title", &client_name).await;
    let api = app.signed_in(&manager_email, manager_password).await;
    let client: Value = api.get(&format!("/api/staff/clients/{client_id}")).await.json().await.unwrap();
    assert_eq!(client["account_manager"]["id"], me["user_id"], "the creator manages the client: {client}");

    // Two contacts, both invited to the portal.
    open_contacts(&manager, &client_id).await;
    let approver_email = format!("approver-new-{tag}@example.test");
    let viewer_email = format!("viewer-new-{tag}@example.test");
    let approver = add_contact(&manager, &format!("Anna Approver {tag}"), &approver_email, "approver").await;
    let viewer = add_contact(&manager, &format!("Victor Viewer {tag}"), &viewer_email, "viewer").await;
    for id in [&approver, &viewer] {
        manager.click(&format!("tr.contact-row[data-id='{id}'] button.invite-contact")).await;
        manager.wait_for(&format!("tr.contact-row[data-id='{id}'][data-access='invited']")).await;
    }
    manager.screenshot("accounts-3-contacts-invited").await;
    let contacts: Vec<Value> = api.get(&format!("/api/staff/clients/{client_id}/contacts")).await.json().await.unwrap();
    for (id, role) in [(&approver, "approver"), (&viewer, "viewer")] {
        let c = contacts.iter().find(|c| c["id"] == id.as_str()).expect("the added contact is listed");
        assert_eq!(c["portal_role"], role, "{c}");
        assert_eq!(c["portal_access"]["state"], "invited", "{c}");
    }
    let approver_mail = mail.wait_for(&approver_email, 1).await.remove(0);
    let viewer_mail = mail.wait_for(&viewer_email, 1).await.remove(0);
    for m in [&approver_mail, &viewer_mail] {
        assert!(m.text.contains(&client_name), "the invitation names the client:\n{}", m.text);
    }

    // Contact 1 accepts and sees their client's portal, and no other client.
    let contact = fresh_browser(&app).await;
    open_link(&contact, &mailed_path(&app, &approver_mail, "/invite")).await;
    contact_invitation_shows(&contact, &client_name).await;
    set_password(&contact, "accept", "Approver-password-42").await;
    contact.wait_for("div#portal-app").await;
    contact.wait_for_path("/portal").await;
    let h1 = contact.wait_for_text("h1#portal-client-name", &client_name).await;
    assert_eq!(h1, client_name);
    contact.assert_absent("#staff-app").await;
    assert_only_own_client(&contact, &w).await;
    contact.screenshot("accounts-4-contact-portal").await;
    contact.close().await;

    // Contact 2's link runs out before they open it.
    let old_path = mailed_path(&app, &viewer_mail, "/invite");
    expire_invitations(&app, &viewer_email).await;
    let late = fresh_browser(&app).await;
    open_link(&late, &old_path).await;
    late.wait_for("#link-problem[data-problem='expired']").await;
    late.assert_absent("form#accept-form").await;
    late.screenshot("accounts-5-expired-link").await;

    // The manager sees it expired and sends it again; the new link works.
    manager.reload().await;
    manager.wait_for(&format!("tr.contact-row[data-id='{approver}'][data-access='active']")).await;
    manager.wait_for(&format!("tr.contact-row[data-id='{viewer}'][data-access='invitation_expired']")).await;
    manager.screenshot("accounts-6-manager-sees-expired").await;
    manager.click(&format!("tr.contact-row[data-id='{viewer}'] button.resend-invitation")).await;
    manager.wait_for(&format!("tr.contact-row[data-id='{viewer}'][data-access='invited']")).await;
    let both = mail.wait_for(&viewer_email, 2).await;
    let old_token = viewer_mail.token("/invite#");
    let resent = both.iter().find(|m| m.token("/invite#") != old_token).expect("the resent mail has a new token");
    let new_path = mailed_path(&app, resent, "/invite");
    open_link(&late, &new_path).await;
    contact_invitation_shows(&late, &client_name).await;
    set_password(&late, "accept", "Viewer-password-42").await;
    late.wait_for("div#portal-app").await;
    late.wait_for_path("/portal").await;
    late.wait_for_text("h1#portal-client-name", &client_name).await;
    assert_only_own_client(&late, &w).await;
    late.screenshot("accounts-7-resent-link-portal").await;
    late.close().await;

    manager.reload().await;
    manager.wait_for(&format!("tr.contact-row[data-id='{viewer}'][data-access='active']")).await;
    manager.close().await;
}

/// A contact's invitation page: it names the client it opens, and offers the password form.
async fn contact_invitation_shows(b: &Browser, client_name: &str) {
    b.wait_for("#invite-title").await;
    b.wait_for_text("#invite-subtitle", client_name).await;
    b.wait_for("form#accept-form").await;
}

#[tokio::test]
async fn forgotten_password_is_reset_from_the_mail_once() {
    let Some(mail) = smtp::start() else { return };
    let Some(b) = browser().await else { return };
    let (app, w) = app_with_mail(&mail).await;
    let b = b.at(&app);
    let person = &w.viewer_a1;
    let new_password = "Viewer-new-password-7";

    b.goto("/sign-in").await;
    b.wait_for("form#sign-in-form").await;
    b.click("a#forgot-link").await;
    b.wait_for_path("/forgot-password").await;
    b.fill("#forgot-email", &person.email).await;
    b.click("button#forgot-submit").await;
    b.wait_for("#forgot-sent").await;
    b.assert_absent("form#forgot-form").await;
    b.screenshot("accounts-reset-1-sent").await;

    let got = mail.wait_for(&person.email, 1).await;
    let link = mailed_path(&app, &got[0], "/reset-password");
    open_link(&b, &link).await;
    set_password(&b, "reset", new_password).await;
    b.wait_for("div#portal-app").await;
    b.wait_for_path("/portal").await;
    b.wait_for_text("h1#portal-client-name", &w.client_a1.1).await;
    b.screenshot("accounts-reset-2-portal").await;

    // The new password is the one that works now.
    assert_eq!(app.client().sign_in(&person.email, world::PASSWORD).await.status(), 401);
    assert_eq!(app.client().sign_in(&person.email, new_password).await.status(), 200);

    // The link is spent.
    open_link(&b, &link).await;
    b.wait_for("#link-problem[data-problem='used']").await;
    b.assert_absent("form#reset-form").await;
    b.wait_for("#request-new-link").await;
    b.screenshot("accounts-reset-3-used").await;
    b.close().await;
}

#[tokio::test]
async fn invitation_revoked_on_the_team_page_stops_the_mailed_link() {
    let Some(mail) = smtp::start() else { return };
    let Some(first) = browser().await else { return };
    let (app, w) = app_with_mail(&mail).await;
    let email = format!("revoked-{}@example.test", w.tag);

    let owner_api = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let res = owner_api
        .post("/api/staff/invitations", json!({ "email": email, "name": "Rita Revoked", "role": "specialist" }))
        .await;
    assert_eq!(res.status(), 201);
    let got = mail.wait_for(&email, 1).await;
    let link = mailed_path(&app, &got[0], "/invite");

    // Until it is revoked, the link offers the form.
    let invitee = fresh_browser(&app).await;
    open_link(&invitee, &link).await;
    invitee.wait_for_text("#invite-title", &w.a.name).await;
    invitee.wait_for("form#accept-form").await;

    let owner = first.at(&app);
    owner.sign_in_via_form(&app, &w.a.owner.email, world::PASSWORD).await;
    owner.goto("/app/team").await;
    let id = row_id(&owner, "tr.invitation-row", &email).await;
    let row = format!("tr.invitation-row[data-id='{id}']");
    owner.click(&format!("{row} button.revoke-invitation")).await;
    owner.wait_for_text(&format!("{row} .confirm-text"), "Rita Revoked").await;
    owner.screenshot("accounts-revoke-1-confirm").await;
    owner.click(&format!("{row} .confirm-revoke")).await;
    owner.wait_for_text("#staff-invitations .notice", &email).await;
    wait_until_gone(&owner, &row).await;
    owner.screenshot("accounts-revoke-2-revoked").await;
    owner.close().await;

    invitee.reload().await;
    invitee.wait_for("#link-problem[data-problem='revoked']").await;
    invitee.assert_absent("form#accept-form").await;
    invitee.screenshot("accounts-revoke-3-link").await;
    invitee.close().await;
    assert_eq!(mail.received().iter().filter(|m| m.to == email).count(), 1, "revoking sends nothing");
}

/// Waits until nothing matches `css`.
async fn wait_until_gone(b: &Browser, css: &str) {
    let started = Instant::now();
    while !b.texts(css).await.is_empty() {
        if started.elapsed() > WAIT {
            b.fail(&format!("{css:?} is still there")).await;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
