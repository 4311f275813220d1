//! Reports in the browser, as a new user would try them: the item finished last week and the
//! KPI values are already in place; the manager writes last week's report from the client's
//! Reports tab (the draft lists the finished item and the KPIs), writes the problems section
//! and publishes; the approver opens it in the portal (the receipt shows on the staff page with
//! its time) and asks two questions; the manager answers one and turns the other into a backlog
//! idea; the approver reads the answer; the agency's "reports due" page shows another client's
//! overdue monthly report; the owner turns on automatic drafts and A2's drafted month waits,
//! marked, for review. Then every reports page is photographed in English and in Russian.
//!
//! The app runs on the real clock: "last week" is the week before today's in Moscow.

use accord_entity::backlog_items;
use accord_tests::browser;
use accord_tests::world;
use accord_tests::Client;
use chrono::{Datelike, Duration as Days, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};

async fn ok(res: reqwest::Response) -> Value {
    let status = res.status();
    let text = res.text().await.unwrap_or_default();
    assert!(status.is_success(), "set-up failed ({status}): {text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// Sets a client's cadence (the relationship began months ago).
async fn set_cadence(owner: &Client, client: accord_api::ClientId, cadence: &str) {
    let path = format!("/api/staff/clients/{}", client.0);
    let c = ok(owner.get(&path).await).await;
    let body = json!({ "name": c["name"], "status": c["status"], "account_manager_id": c["account_manager"]["id"],
        "report_cadence": cadence, "started_on": "2026-01-01" });
    ok(owner.send("PUT", &path, Some(body)).await).await;
}

#[tokio::test]
async fn a_weekly_report_from_draft_to_a_question_turned_into_an_idea() {
    let Some((app, w, b)) = browser::with_world().await else { return };
    let client = w.client_a1.0;
    let today = (Utc::now() + Days::hours(3)).date_naive();
    let this_monday = today - Days::days(i64::from(today.weekday().num_days_from_monday()));
    let last_monday = this_monday - Days::days(7);

    // Set-up over HTTP: the proposed item approved and finished (its finish moved into last
    // week), two KPI values, weekly reports for A1 and monthly ones for A2.
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let item = w.proposed_a1;
    let detail = ok(approver.get(&format!("/api/portal/backlog/{item}")).await).await;
    let mut after = ok(approver
        .post(
            &format!("/api/portal/backlog/{item}/decision"),
            json!({ "decision": "approved", "version": detail["item"]["version"] }),
        )
        .await)
    .await;
    let base = format!("/api/staff/clients/{client}/projects/{}/backlog/{item}", w.project_a1);
    for to in ["scheduled", "in_progress", "done"] {
        let version =
            if after["version"].is_null() { after["item"]["version"].clone() } else { after["version"].clone() };
        after = ok(manager.post(&format!("{base}/status"), json!({ "to": to, "version": version })).await).await;
    }
    let done_title = after["title"].as_str().expect("title").to_string();
    let finished = (last_monday + Days::days(2)).and_hms_opt(12, 0, 0).unwrap().and_utc();
    let tx = app.db.unscoped("test moves an item's finish into last week").await.unwrap();
    backlog_items::Entity::update_many()
        .col_expr(backlog_items::Column::DoneAt, Expr::value(finished))
        .filter(backlog_items::Column::Id.eq(item))
        .exec(tx.conn())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let goal = w.goals_a1[0];
    for (value, on) in [(11.0, last_monday - Days::days(10)), (15.0, last_monday + Days::days(3))] {
        ok(manager
            .post(
                &format!("/api/staff/clients/{client}/roadmap/goals/{goal}/values"),
                json!({ "value": value, "measured_on": on }),
            )
            .await)
        .await;
    }
    set_cadence(&owner, client, "weekly").await;
    set_cadence(&owner, w.client_a2.0, "monthly").await;

    // The manager writes last week's report from the Reports tab.
    b.sign_in_via_form(&app, &w.manager_a.email, world::PASSWORD).await;
    b.goto(&format!("/app/clients/{client}/reports")).await;
    let period = format!("#report-periods li.report-period[data-start='{}']", last_monday.format("%Y-%m-%d"));
    b.wait_for(&period).await;
    b.click(&format!("{period} button.write-report")).await;
    b.wait_for("#report-title").await;
    b.wait_for_value("#report-sections li.section-input[data-kind='done'] textarea[name=section_body]", &done_title)
        .await;
    b.wait_for_text("#report-kpis", "Leads 0").await;
    let rid = b.current_path().await.rsplit('/').next().unwrap_or_default().to_owned();

    // The problems section, saved; then published to everyone with portal access.
    b.fill(
        "#report-sections li.section-input[data-kind='problems'] textarea[name=section_body]",
        "Хостинг отвечал медленно. **Предлагаем** сменить тариф.",
    )
    .await;
    b.click("#save-report").await;
    b.wait_for("#report-form p.notice").await;
    b.wait_for("#publish-report:not([disabled])").await;
    b.click("#publish-report").await;
    b.click("button.confirm-publish").await;
    b.wait_for("#publish-card[data-revision='1']").await;

    // The approver opens it in the portal and asks two questions.
    b.switch_to(&app, &w.approver_a1.email).await;
    b.goto("/portal").await;
    b.wait_for_text("body", "1").await;
    b.goto("/portal/reports").await;
    b.wait_for(&format!("#portal-reports li.portal-report[data-id='{rid}'][data-read='false']")).await;
    b.click(&format!("#portal-reports li.portal-report[data-id='{rid}'] a.portal-report-link")).await;
    b.wait_for("#report-title").await;
    b.wait_for_text(".report-section", "Предлагаем").await;
    b.fill("#ask-body", "Почему хостинг тормозил?").await;
    b.click("#ask-submit").await;
    b.wait_for_text("#report-questions", "Почему хостинг тормозил?").await;
    b.fill("#ask-body", "Можно добавить фильтр по цене?").await;
    b.click("#ask-submit").await;
    b.wait_for_text("#report-questions", "Можно добавить фильтр по цене?").await;

    // The manager sees the receipt, answers the first question and makes the second an idea.
    b.switch_to(&app, &w.manager_a.email).await;
    b.goto(&format!("/app/reports/{rid}")).await;
    b.wait_for_text("#reads-table tr.read-row", &w.approver_a1.name).await;
    b.mark("#report-thread .report-thread > li", "Почему хостинг тормозил?").await;
    b.click("[data-under-test] button.reply-question").await;
    b.fill("#reply-body", "Провайдер чинил сеть; мы уже сменили тариф.").await;
    b.click("#reply-submit").await;
    b.wait_for_text("#report-thread", "Провайдер чинил сеть").await;
    b.mark("#report-thread .report-thread > li", "Можно добавить фильтр по цене?").await;
    b.click("[data-under-test] button.make-idea").await;
    b.wait_for("[data-under-test] form.idea-form").await;
    b.click("[data-under-test] button.create-idea").await;
    b.wait_for_text("#report-thread .question-backlog", "Можно добавить фильтр по цене?").await;

    // The approver reads the answer; the idea stays internal.
    b.switch_to(&app, &w.approver_a1.email).await;
    b.goto(&format!("/portal/reports/{rid}")).await;
    b.wait_for_text("#report-questions", "Провайдер чинил сеть").await;

    // The agency's list: A2's last month is overdue.
    b.switch_to(&app, &w.a.owner.email).await;
    b.goto("/app/reports").await;
    b.wait_for(&format!("#due-card tr.due-row[data-client='{}'][data-state='overdue']", w.client_a2.0)).await;

    // The owner turns on automatic drafts on the team page; A2's last month is then drafted
    // (as the due-date job does) and waits for review, marked as such.
    b.goto("/app/team").await;
    b.wait_for("#agency-settings #report-auto-draft").await;
    b.click("#report-auto-draft").await;
    b.wait_for("#report-auto-draft:checked:not([disabled])").await;
    assert_eq!(ok(owner.get("/api/staff/agency/settings").await).await["report_auto_draft"], true);
    let last_month = (today.with_day(1).unwrap() - Days::days(1)).with_day(1).unwrap();
    let job = accord_server::reports::DraftReport {
        agency: w.a.id,
        client: w.client_a2.0,
        kind: accord_api::ReportCadence::Monthly,
        period_start: last_month,
    };
    let tx = app.db.unscoped("test queues a report draft").await.unwrap();
    accord_server::jobs::enqueue(&tx, accord_server::jobs::NewJob::new(&job).unwrap()).await.unwrap();
    tx.commit().await.unwrap();
    // Every due job (the flow above queued health recomputations too; one pass runs a batch).
    while accord_server::jobs::run_due(&app.state).await.unwrap() > 0 {}
    let tx = app.db.unscoped("test finds the draft").await.unwrap();
    let auto = accord_entity::reports::Entity::find()
        .filter(accord_entity::reports::Column::ClientId.eq(w.client_a2.0))
        .filter(accord_entity::reports::Column::AutoDrafted.eq(true))
        .one(tx.conn())
        .await
        .unwrap()
        .expect("A2's draft");
    tx.commit().await.unwrap();
    b.goto(&format!("/app/clients/{}/reports", w.client_a2.0)).await;
    b.wait_for(&format!("tr.report-row[data-id='{}'] .auto-draft-badge", auto.id)).await;
    b.click(&format!("tr.report-row[data-id='{}'] a.report-link", auto.id)).await;
    b.wait_for("#auto-draft-note").await;

    // Every reports page, in English and then in Russian.
    let staff_pages = [
        ("reports-tab", format!("/app/clients/{client}/reports"), "#report-periods"),
        ("report", format!("/app/reports/{rid}"), "#publish-card[data-revision='1']"),
        ("reports-due", "/app/reports".to_owned(), "#due-card"),
        ("report-auto-draft", format!("/app/reports/{}", auto.id), "#auto-draft-note"),
        ("team-settings", "/app/team".to_owned(), "#report-auto-draft:checked"),
    ];
    let portal_pages = [
        ("portal-home-reports", "/portal".to_owned(), "main"),
        ("portal-reports", "/portal/reports".to_owned(), "#portal-reports"),
        ("portal-report", format!("/portal/reports/{rid}"), "#report-questions"),
    ];
    for (lang, locale) in [("en", "en"), ("ru", "ru")] {
        for (email, pages) in [(&w.a.owner.email, &staff_pages[..]), (&w.approver_a1.email, &portal_pages[..])] {
            b.switch_to(&app, email).await;
            b.set_locale(locale).await;
            for (name, path, ready) in pages {
                b.goto(path).await;
                b.wait_for(&format!("html[lang='{lang}']")).await;
                b.wait_for(ready).await;
                b.full_shot(&format!("{name}-{lang}")).await;
            }
        }
    }
    b.close().await;
}
