//! Browser E2E of the roadmap and the backlog approval flow, as a new user would try it: the
//! manager writes the roadmap and proposes three items (one a change request); a viewer cannot
//! approve; the approver approves two and declines one in the portal; the manager sees the
//! decisions with frozen estimates and the project leaves the "below standard" list; an
//! internal comment never appears in the portal.

use accord_tests::browser::{self, Browser};
use accord_tests::world;
use serde_json::json;
use std::time::{Duration, Instant};

async fn propose(b: &Browser, title: &str, hours: &str, price: &str, change_request: bool) {
    b.fill(".item-form input[name=title]", title).await;
    b.fill(".item-form textarea[name=benefit]", "Больше заявок").await;
    b.fill(".item-form input[name=estimate_hours]", hours).await;
    b.fill(".item-form input[name=price]", price).await;
    b.select(".item-form select[name=priority]", "high").await;
    b.select(".item-form select[name=source]", "client_request").await;
    if change_request {
        b.click(".item-form input[name=change_request]").await;
    }
    b.click(".item-form input[name=propose]").await;
    b.click(".item-form button[type=submit]").await;
    b.wait_for_text(".backlog-item[data-status=proposed]", title).await;
}

/// Opens the portal item titled `title` from the portal backlog.
async fn open_portal_item(b: &Browser, title: &str) {
    b.goto("/portal/backlog").await;
    let href = b.link_in(".section-awaiting .portal-item", title, "a.portal-item-link").await;
    b.goto(&href).await;
    b.wait_for_text("h1", title).await;
}

#[tokio::test]
async fn manager_proposes_client_decides_manager_sees_frozen_estimates() {
    let Some((app, w, b)) = browser::with_world().await else { return };
    let client = w.client_a1.0;
    let project_name = format!("Website {}", w.tag);
    b.sign_in_via_form(&app, &w.manager_a.email, world::PASSWORD).await;

    // The roadmap: point A and point B in Markdown; a script in it never runs.
    b.goto(&format!("/app/clients/{client}/roadmap")).await;
    b.click("button.edit-points").await;
    b.fill("textarea[name=point_a]", "**40 заявок** в месяц <img src=x onerror=\"document.title='pwned'\">").await;
    b.fill("textarea[name=point_b]", "# 80 заявок в месяц").await;
    b.click("button.save-points").await;
    b.wait_for_text(".point-a-html strong", "40 заявок").await;
    b.wait_for_text(".point-b-html h1", "80 заявок").await;
    b.assert_absent(".point-a-html img").await;
    let title = b.driver().execute("return document.title", vec![]).await.unwrap_or_default();
    assert_ne!(title, json!("pwned"), "a handler from the Markdown ran");
    // The owner saves the points meanwhile: the manager's next save is refused, not lost silently.
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let res = owner
        .send(
            "PUT",
            &format!("/api/staff/clients/{client}/roadmap/points"),
            Some(json!({ "point_a": "Версия владельца", "point_b": "# 80 заявок в месяц" })),
        )
        .await;
    assert_eq!(res.status(), 200);
    b.click("button.edit-points").await;
    b.fill("textarea[name=point_a]", "Моя версия").await;
    b.click("button.save-points").await;
    b.click("button.reload-points").await;
    b.wait_for_value("textarea[name=point_a]", "Версия владельца").await;
    b.click("button.save-points").await;
    b.wait_for_text(".point-a-html", "Версия владельца").await;
    b.fill(".goal-form input[name=name]", "Заявки").await;
    b.fill(".goal-form input[name=unit]", "в месяц").await;
    b.fill(".goal-form input[name=baseline]", "40").await;
    b.fill(".goal-form input[name=target]", "80").await;
    b.click(".goal-form button[type=submit]").await;
    b.mark(".goal", "Заявки").await;
    b.fill("[data-under-test] .goal-value-form input[name=value]", "60").await;
    b.click("[data-under-test] .goal-value-form button[type=submit]").await;
    b.wait_for_text(".goal-progress", "50").await;
    // A stage on the time axis, and an obsolete goal removed after a confirmation.
    b.fill(".stage-form input[name=title]", "Запуск лендинга").await;
    b.select(".stage-form input[name=starts_on]", "2026-12-01").await;
    b.select(".stage-form input[name=ends_on]", "2027-02-28").await;
    b.select(".stage-form select[name=status]", "active").await;
    b.click(".stage-form button[type=submit]").await;
    b.wait_for_text(".stage", "Запуск лендинга").await;
    b.mark(".goal", "Leads 0").await;
    b.click("[data-under-test] button.delete-goal").await;
    b.click("[data-under-test] button.confirm-delete").await;
    b.wait_without(".goal", "Leads 0").await;
    b.screenshot("roadmap-staff").await;

    // The backlog is below the standard until two items are agreed.
    b.goto("/app/standard").await;
    b.wait_for_text(".standard-row", &project_name).await;
    b.goto(&format!("/app/clients/{client}/projects/{}/backlog", w.project_a1)).await;
    propose(&b, "Новый лендинг", "12,5", "90 000", false).await;
    propose(&b, "Интеграция с CRM", "30", "45 000", true).await;
    propose(&b, "Баннер к праздникам", "2", "6 000", false).await;
    b.screenshot("backlog-staff").await;

    // An internal comment on the landing page item.
    let landing = b.link_in(".backlog-item", "Новый лендинг", "a.item-title").await;
    b.goto(&landing).await;
    b.wait_for_text(".item-status", "").await;
    b.fill(".comment-form textarea[name=body]", "Маржа низкая, не обсуждать с клиентом").await;
    b.click(".comment-form button[type=submit]").await;
    b.wait_for_text(".comment.internal", "Маржа низкая").await;

    // A viewer sees the proposal but has nothing to decide with.
    b.switch_to(&app, &w.viewer_a1.email).await;
    open_portal_item(&b, "Новый лендинг").await;
    b.wait_for(".viewer-note").await;
    b.assert_absent("button.approve").await;
    b.assert_absent("button.decline").await;

    // The approver approves two and declines one with a reason.
    b.switch_to(&app, &w.approver_a1.email).await;
    b.goto("/portal/roadmap").await;
    b.wait_for_text(".goal", "Заявки").await;
    b.screenshot("roadmap-portal").await;
    open_portal_item(&b, "Новый лендинг").await;
    if b.page_text().await.contains("Маржа") {
        b.fail("an internal comment reached the portal").await;
    }
    b.accept_confirms().await;
    b.click("button.approve").await;
    b.wait_for(".decision-summary").await;
    open_portal_item(&b, "Интеграция с CRM").await;
    b.accept_confirms().await;
    b.click("button.approve").await;
    b.wait_for(".decision-summary").await;
    open_portal_item(&b, "Баннер к праздникам").await;
    b.click("button.decline").await;
    b.fill("textarea[name=reason]", "Не в этом квартале").await;
    b.click("button.confirm-decline").await;
    b.wait_for_text(".decision-summary", "Не в этом квартале").await;
    b.goto("/portal/backlog").await;
    b.wait_for_text(".section-planned .portal-item", "Новый лендинг").await;
    b.wait_for_text(".cr-totals .cr-month", "45").await;
    b.screenshot("backlog-portal").await;

    // The manager sees who approved, with the estimate and price frozen as shown.
    b.switch_to(&app, &w.manager_a.email).await;
    b.goto(&landing).await;
    b.wait_for_text(".decision", &w.approver_a1.name).await;
    b.wait_for_text(".frozen-estimate", "12").await;
    b.wait_for_text(".frozen-price", "90").await;
    b.screenshot("item-staff").await;
    b.goto("/app/standard").await;
    b.wait_for("h1").await;
    b.wait_without(".standard-row", &project_name).await;
    b.goto(&format!("/app/clients/{client}/projects")).await;
    b.wait_for_text(".agreed-count", "2").await;
    // The backlog filtered to what the client declined.
    b.goto(&format!("/app/clients/{client}/projects/{}/backlog", w.project_a1)).await;
    b.wait_for_text(".backlog-item", "Новый лендинг").await;
    b.select(".backlog-filters select[name=status]", "declined").await;
    b.wait_without(".backlog-item", "Новый лендинг").await;
    b.wait_for_text(".backlog-item[data-status=declined]", "Баннер к праздникам").await;
    b.close().await;
}

#[tokio::test]
async fn a_long_portal_backlog_shows_more_on_request_in_both_languages() {
    let Some((app, w, b)) = browser::with_world().await else { return };
    world::add_backlog_items(&app, &w, 900).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let portal: serde_json::Value = approver.get("/api/portal/backlog").await.json().await.unwrap();
    let total = portal["awaiting_total"].as_u64().unwrap() as usize;
    assert!(total > 200, "{total}");
    b.sign_in_via_form(&app, &w.approver_a1.email, world::PASSWORD).await;
    b.goto("/portal/backlog").await;
    b.wait_for(".section-awaiting .show-more").await;
    let shown = accord_api::backlog::PORTAL_SECTION_SHOWN as usize;
    assert_eq!(awaiting_shown(&b).await, shown);
    b.wait_for_text(".section-awaiting .section-more", &format!("Showing {shown} of {total}")).await;
    b.driver()
        .execute("document.querySelector('.section-awaiting .section-more').scrollIntoView()", vec![])
        .await
        .unwrap_or_default();
    b.screenshot("portal-backlog-show-more-en").await;
    b.click(".section-awaiting .show-more").await;
    b.wait_for_text(".section-awaiting .section-more", &format!("{} of {total}", 2 * shown)).await;
    // Every page, until the button goes: every item once.
    let started = Instant::now();
    while b.texts(".section-awaiting .show-more").await.len() == 1 && started.elapsed() < Duration::from_secs(30) {
        let shown = awaiting_shown(&b).await;
        b.click(".section-awaiting .show-more").await;
        while awaiting_shown(&b).await == shown && started.elapsed() < Duration::from_secs(30) {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    assert_eq!(awaiting_shown(&b).await, total);
    b.assert_absent(".section-awaiting .show-more").await;
    // Russian: the same control in the other language.
    b.click("#lang-ru").await;
    b.goto("/portal/backlog").await;
    b.wait_for_text(".section-awaiting .section-more", &format!("Показано {shown} из {total}")).await;
    b.driver()
        .execute("document.querySelector('.section-awaiting .section-more').scrollIntoView()", vec![])
        .await
        .unwrap_or_default();
    b.screenshot("portal-backlog-show-more-ru").await;
    b.close().await;
}

async fn awaiting_shown(b: &Browser) -> usize {
    b.texts(".section-awaiting .portal-item").await.len()
}
