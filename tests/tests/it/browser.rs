//! Browser E2E tests: headless Chromium against the real server and the built SPA.
//!
//! Each test starts its own app (fresh database), its own world and its own chromedriver; each
//! skips loudly (or fails under `CI=true`) when chromedriver or `frontend/dist` is missing.

use accord_tests::browser::{browser, Browser};
use accord_tests::world::{self, World};
use accord_tests::{spawn_app, TestApp};
use serde_json::Value;
use std::time::{Duration, Instant};

/// A browser pointed at a fresh app with the test world in it.
async fn setup() -> Option<(TestApp, World, Browser)> {
    let b = browser().await?;
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let b = b.at(&app);
    Some((app, w, b))
}

/// `GET /api/auth/me` for `email`, through a separate (reqwest) session.
async fn me_over_http(app: &TestApp, email: &str) -> Value {
    let c = app.signed_in(email, world::PASSWORD).await;
    let res = c.get("/api/auth/me").await;
    assert_eq!(res.status(), 200);
    res.json().await.expect("me is JSON")
}

#[tokio::test]
async fn staff_sign_in_lands_on_staff_home_in_both_languages() {
    let Some((_app, w, b)) = setup().await else { return };
    b.goto("/sign-in").await;
    b.wait_for("form#sign-in-form").await;
    b.fill("#email", &w.a.owner.email).await;
    b.fill("#password", world::PASSWORD).await;
    b.click("#sign-in-submit").await;

    b.wait_for("div#staff-app").await;
    // An owner starts on the cockpit; the clients list is one click away.
    b.wait_for_path("/app/cockpit").await;
    b.wait_for_text("h1", "What needs attention").await;
    b.click("a.nav-link[href='/app']").await;
    b.wait_for_path("/app").await;
    b.wait_for_text("h1", "Clients").await;
    b.wait_for_text("#agency-name", &w.a.name).await;
    let row = b.wait_for_text("tr.client-row", &w.client_a1.1).await;
    assert!(row.contains(&w.client_a1.1));
    // Both of agency A's clients, and nothing of agency B.
    b.wait_for_text("tr.client-row", &w.client_a2.1).await;
    assert_eq!(b.texts("tr.client-row").await.len(), 2, "agency A has exactly two clients");
    let text = b.page_text().await;
    assert!(!text.contains(&w.client_b1.1), "agency B's client leaked into agency A's list");
    assert!(!text.contains(&w.b.name), "agency B's name leaked into agency A's app");
    b.screenshot("staff-home-en").await;

    b.click("#lang-ru").await;
    b.wait_for_text("h1", "Клиенты").await;
    b.wait_for_text("tr.client-row", &w.client_a1.1).await;
    assert_eq!(b.texts("html[lang='ru']").await.len(), 1, "<html lang> follows the language");
    b.screenshot("staff-home-ru").await;
    b.close().await;
}

#[tokio::test]
async fn contact_sign_in_lands_on_their_portal_only() {
    let Some((app, w, b)) = setup().await else { return };
    b.sign_in_via_form(&app, &w.approver_a1.email, world::PASSWORD).await;

    b.wait_for("div#portal-app").await;
    b.wait_for_path("/portal").await;
    let h1 = b.wait_for_text("h1", &w.client_a1.1).await;
    assert!(h1.contains(&w.client_a1.1), "portal h1 is the contact's client: {h1:?}");
    b.wait_for_text("#portal-contact-name", &w.approver_a1.name).await;
    b.wait_for_text("#agency-name", &w.a.name).await;
    b.assert_absent("#staff-app").await;

    let text = b.page_text().await;
    assert!(!text.contains(&w.client_a2.1), "another client's name on the portal:\n{text}");
    assert!(!text.contains(&w.client_b1.1), "another agency's client on the portal:\n{text}");
    assert!(!text.contains(&w.approver_a2.email), "another client's contact on the portal:\n{text}");
    b.screenshot("portal-home").await;
    b.close().await;
}

/// A contact follows a mailed link while signed out: the page's own feature bundle loads (not
/// the entry's, not the whole portal), shows the sign-in form, and after signing in the contact
/// is on the linked page without another page load; going on to an item's page or another
/// feature's page hands over to that page's bundle.
#[tokio::test]
async fn a_mailed_link_signs_in_and_opens_inside_one_small_bundle() {
    let Some((_app, w, b)) = setup().await else { return };
    b.goto("/portal/backlog").await;
    b.wait_for("form#sign-in-form").await;
    assert_eq!(b.current_path().await, "/sign-in?next=%2Fportal%2Fbacklog");
    b.script("window.accordTestMark = 1; return true;").await;
    b.fill("#email", &w.approver_a1.email).await;
    b.fill("#password", world::PASSWORD).await;
    b.click("#sign-in-submit").await;
    b.wait_for_path("/portal/backlog").await;
    b.wait_for("div#portal-app section.portal-backlog-page").await;
    assert_eq!(b.script("return window.accordTestMark === 1;").await, Value::Bool(true), "the page was loaded again");
    let loaded = b.loaded_wasm().await;
    assert!(loaded.len() == 1 && loaded[0].starts_with("/backlog-"), "{loaded:?}");

    // An item's page is a bundle of its own: following the link hands over to it.
    b.click("div#portal-app a.portal-item-link").await;
    b.wait_for("div#portal-app section.portal-item-page article.portal-item-card").await;
    assert!(b.current_path().await.starts_with("/portal/backlog/"));
    let loaded = b.loaded_wasm().await;
    assert!(loaded.len() == 1 && loaded[0].starts_with("/item-"), "{loaded:?}");
    b.screenshot("portal-item-en").await;
    b.click("#lang-ru").await;
    b.wait_for_text("div#portal-app section.portal-item-page", "Решение").await;
    b.screenshot("portal-item-ru").await;
    b.click("#lang-en").await;
    b.wait_for_text("div#portal-app section.portal-item-page", "Decision").await;

    // The portal's menu leads to another feature: its own bundle takes over.
    b.goto("/portal/backlog").await;
    b.wait_for("div#portal-app section.portal-backlog-page").await;
    b.click("#portal-app a.nav-meetings").await;
    b.wait_for_path("/portal/meetings").await;
    b.wait_for("div#portal-app #portal-meetings").await;
    let loaded = b.loaded_wasm().await;
    assert!(loaded.len() == 1 && loaded[0].starts_with("/meetings-"), "{loaded:?}");
    b.close().await;
}

#[tokio::test]
async fn contact_opening_staff_urls_is_sent_back_to_the_portal() {
    let Some((app, w, b)) = setup().await else { return };
    b.sign_in_via_form(&app, &w.approver_a1.email, world::PASSWORD).await;
    b.wait_for("div#portal-app").await;

    for path in ["/app".to_owned(), format!("/app/clients/{}", w.client_a1.0 .0), "/app/team".to_owned()] {
        b.goto(&path).await;
        b.wait_for_path("/portal").await;
        b.wait_for("div#portal-app").await;
        b.wait_for_text("h1", &w.client_a1.1).await;
        b.assert_absent("#staff-app").await;
        b.assert_absent("#client-title").await;
        b.assert_absent("#clients-table").await;
    }
    b.close().await;
}

#[tokio::test]
async fn language_switch_is_shown_remembered_and_saved() {
    let Some((app, w, b)) = setup().await else { return };
    let person = &w.manager_a;
    b.goto("/sign-in").await;
    // Chromium is started with English; the SPA must start in English.
    b.wait_for_text("#sign-in-submit", "Sign in").await;
    b.click("#lang-ru").await;
    b.wait_for_text("#sign-in-submit", "Войти").await;
    b.wait_for_text("h1", "Вход").await;

    b.fill("#email", &person.email).await;
    b.fill("#password", world::PASSWORD).await;
    b.click("#sign-in-submit").await;
    b.wait_for("div#staff-app").await;
    // The account's language (English in the world) wins once signed in (on the cockpit).
    b.wait_for_text("h1", "What needs attention").await;

    // Switch to Russian in the app: shown and saved to the account.
    b.click("#lang-ru").await;
    b.wait_for_text("h1", "Что требует внимания").await;
    wait_for_saved_locale(&app, &person.email, "ru").await;

    // Back to English: shown, survives a reload, and is saved.
    b.click("#lang-en").await;
    b.wait_for_text("h1", "What needs attention").await;
    wait_for_saved_locale(&app, &person.email, "en").await;
    b.reload().await;
    b.wait_for("div#staff-app").await;
    b.wait_for("#cockpit-page").await;
    b.wait_for_text("h1", "What needs attention").await;
    assert_eq!(b.texts("h1").await, vec!["What needs attention".to_owned()]);
    assert_eq!(b.texts("html[lang='en']").await.len(), 1, "<html lang> is en after reload");

    let me = me_over_http(&app, &person.email).await;
    assert_eq!(me["locale"], "en");
    assert!(me.to_string().contains(r#"locale":"en"#));
    b.close().await;
}

/// The language switch saves in the background; give it a moment to reach the server.
async fn wait_for_saved_locale(app: &TestApp, email: &str, locale: &str) {
    let started = Instant::now();
    loop {
        let me = me_over_http(app, email).await;
        if me["locale"] == locale {
            return;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "locale {locale:?} was never saved; me = {me}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn sign_out_in_the_browser_kills_the_old_session() {
    let Some((app, w, b)) = setup().await else { return };
    b.sign_in_via_form(&app, &w.admin_a.email, world::PASSWORD).await;
    b.wait_for("div#staff-app").await;

    let old = b.cookie("accord_session").await.expect("the browser holds an accord_session cookie");
    assert!(!old.is_empty());
    let replay = || async {
        app.client()
            .http
            .get(format!("{}/api/auth/me", app.address))
            .header("cookie", format!("accord_session={old}"))
            .send()
            .await
            .expect("request")
    };
    // The cookie really is the session: it works from outside the browser...
    let before = replay().await;
    assert_eq!(before.status(), 200);
    assert_eq!(before.json::<Value>().await.expect("json")["email"], w.admin_a.email.as_str());

    b.click("#account-menu").await;
    b.click("#sign-out").await;
    b.wait_for("form#sign-in-form").await;
    b.wait_for_path("/sign-in").await;
    b.assert_absent("#staff-app").await;
    let left = b.cookie("accord_session").await;
    assert!(left.as_deref().is_none_or(str::is_empty), "the browser still holds a session cookie: {left:?}");

    // ...and after signing out it is refused.
    assert_eq!(replay().await.status(), 401);

    // A fresh page load of the staff app goes to sign-in, not back in.
    b.goto("/app").await;
    b.wait_for("form#sign-in-form").await;
    b.assert_absent("#staff-app").await;
    b.close().await;
}

#[tokio::test]
async fn deep_links_survive_a_reload_and_unknown_urls_say_not_found() {
    let Some((app, w, b)) = setup().await else { return };
    b.sign_in_via_form(&app, &w.manager_a.email, world::PASSWORD).await;
    b.wait_for("div#staff-app").await;

    let path = format!("/app/clients/{}", w.client_a1.0 .0);
    b.goto(&path).await;
    b.wait_for_text("h1#client-title", &w.client_a1.1).await;
    b.reload().await;
    b.wait_for("div#staff-app").await;
    b.wait_for_text("h1#client-title", &w.client_a1.1).await;
    assert_eq!(b.current_path().await, path);
    b.screenshot("client-page").await;

    b.goto("/no/such/page").await;
    b.wait_for_text("h1", "Page not found").await;
    b.wait_for("#go-home").await;
    assert_eq!(b.current_path().await, "/no/such/page");
    b.assert_absent("#staff-app").await;
    b.screenshot("not-found").await;
    b.close().await;
}

#[tokio::test]
async fn platform_operator_sees_the_platform_console() {
    let Some((app, w, b)) = setup().await else { return };
    b.sign_in_via_form(&app, &w.operator.email, world::PASSWORD).await;

    b.wait_for("div#platform-app").await;
    b.wait_for_path("/platform").await;
    b.wait_for_text("#agencies-table", &w.a.name).await;
    let row = b.wait_for_text(&format!("tr.agency-row[data-slug='{}']", w.a.slug), &w.a.name).await;
    assert!(row.contains(&w.a.slug), "agency A's row shows its slug: {row:?}");
    for other in [&w.b, &w.c] {
        b.wait_for_text("#agencies-table", &other.name).await;
    }
    b.assert_absent("#staff-app").await;
    b.assert_absent("#portal-app").await;
    b.screenshot("platform-agencies").await;
    b.close().await;
}
