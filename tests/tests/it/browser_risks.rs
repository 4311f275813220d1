//! Risks and incidents in the browser, as an account manager and the client would meet them:
//! the manager finds an empty register, adds a risk the client sees (past its due date, so it
//! shows red) and an internal one, changes the internal one and deletes a third after the
//! confirmation; the matrix counts them. Then the manager records an incident and takes it
//! through the five steps — telling the client (after the warning that approvers are mailed),
//! the damage, the plan; the approver reads it in the portal (the visible risk only) and
//! acknowledges the plan; the manager sees the acknowledgement, marks it fixed and records the
//! prevention measures, shared; the approver reads them. Every page is photographed in English
//! and in Russian.

use accord_tests::browser;
use accord_tests::world;
use chrono::{Duration as Days, Utc};
use serde_json::{json, Value};

const VISIBLE: &str = "Клиент задерживает согласование макетов";
const INTERNAL: &str = "Ведущий разработчик уходит в отпуск в марте";
const THROWAWAY: &str = "Временный риск для удаления";
const INCIDENT: &str = "Рассылка ушла с неверной ценой";
const MESSAGE: &str = "Мы ошиблись: во вчерашней рассылке стояла цена 990 ₽ вместо 1 990 ₽. Уже готовим исправление.";
const PLAN: &str = "Отправим письмо с извинением и верной ценой сегодня до 18:00; заказы по старой цене выполним.";
const MEASURES: &str = "Цены в рассылках теперь сверяет второй человек перед отправкой.";

/// Sets an input's value as typing would (date and datetime inputs take no keystrokes here).
async fn set_value(b: &browser::Browser, css: &str, value: &str) {
    b.select(css, value).await;
}

#[tokio::test]
async fn a_manager_keeps_risks_and_takes_an_incident_through_five_steps_the_client_sees_it() {
    let Some((app, w, b)) = browser::with_world().await else { return };
    let client = w.client_a1.0;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;

    // An empty register first.
    b.sign_in_via_form(&app, &w.manager_a.email, world::PASSWORD).await;
    b.goto(&format!("/app/clients/{client}/risks")).await;
    b.wait_for("#risks-tab .empty-state").await;
    b.wait_for("#risk-form").await;

    // The risk the client sees: a project, high scores, an owner, a due date already past.
    let past = (Utc::now() - Days::days(10)).date_naive().format("%Y-%m-%d").to_string();
    b.fill("#risk-title", VISIBLE).await;
    b.select("#risk-category", "client_unavailable").await;
    b.wait_for(&format!("#risk-project option[value='{}']", w.project_a1)).await;
    b.select("#risk-project", &w.project_a1.to_string()).await;
    b.select("#risk-probability", "4").await;
    b.select("#risk-impact", "4").await;
    b.wait_for_text("#risk-exposure", "16").await;
    b.fill("#risk-mitigation", "Согласуем сроки ответа в договоре; напоминаем за два дня до дедлайна.").await;
    b.wait_for(&format!("#risk-owner option[value='{}']", w.manager_a.id)).await;
    b.select("#risk-owner", &w.manager_a.id.to_string()).await;
    set_value(&b, "#risk-due", &past).await;
    b.click("#risk-visible").await;
    b.click("#risk-submit").await;
    b.wait_for("#risks-table tr.risk-row[data-visible='true']").await;
    b.wait_for("#risks-table tr.risk-row[data-visible='true'] .risk-due.overdue").await;
    b.wait_for("#risk-form-card .notice").await;

    // The internal one, then a third to delete.
    for (title, p, i) in [(INTERNAL, "2", "3"), (THROWAWAY, "1", "1")] {
        b.fill("#risk-title", title).await;
        b.select("#risk-category", "team_change").await;
        b.select("#risk-probability", p).await;
        b.select("#risk-impact", i).await;
        b.click("#risk-submit").await;
        b.wait_for_text("#risks-table", title).await;
    }
    assert_eq!(b.texts("#risks-table tr.risk-row").await.len(), 3);
    b.wait_for("#risk-matrix button.risk-cell[data-p='4'][data-i='4'][data-count='1']").await;

    // The internal risk is more serious than first thought.
    b.mark("#risks-table tr.risk-row", INTERNAL).await;
    b.click("[data-under-test] button.edit-risk").await;
    b.wait_for("#risk-form[data-mode='edit']").await;
    b.wait_for_value("#risk-title", INTERNAL).await;
    b.select("#risk-impact", "5").await;
    b.click("#risk-submit").await;
    b.wait_for("#risks-table tr.risk-row[data-exposure='10']").await;
    b.click("#risk-cancel").await;
    b.wait_for("#risk-form[data-mode='new']").await;

    // The throwaway goes, after the question.
    b.mark("#risks-table tr.risk-row", THROWAWAY).await;
    b.click("[data-under-test] button.delete-risk").await;
    b.wait_for_text(".risk-confirm", THROWAWAY).await;
    b.click(".risk-confirm button.confirm-delete").await;
    b.wait_without("#risks-table", THROWAWAY).await;
    assert_eq!(b.texts("#risks-table tr.risk-row").await.len(), 2);

    // The matrix narrows the register to one cell.
    b.click("#risk-matrix button.risk-cell[data-p='4'][data-i='4']").await;
    b.wait_for("#risk-filter").await;
    assert_eq!(b.texts("#risks-table tr.risk-row").await.len(), 1);
    b.click("#risk-filter-clear").await;
    b.wait_for_text("#risks-table", INTERNAL).await;

    // An incident found two hours ago.
    b.goto(&format!("/app/clients/{client}/incidents")).await;
    b.wait_for("#incidents-tab .empty-state").await;
    b.wait_for("#incident-form").await;
    b.fill("#incident-title", INCIDENT).await;
    let two_hours_ago = "const d = new Date(Date.now() - 2 * 3600 * 1000); const p = n => String(n).padStart(2, '0');\
                         return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;";
    let found = match b.driver().execute(two_hours_ago, vec![]).await {
        Ok(Value::String(s)) => s,
        other => panic!("no local time from the browser: {other:?}"),
    };
    set_value(&b, "#incident-detected-at", &found).await;
    b.fill("#incident-description", "Шаблон взял цену из старого прайса.").await;
    b.click("#incident-submit").await;
    b.wait_for("#incident-steps li.incident-step[data-step='1'][data-state='next']").await;
    let path = b.current_path().await;
    let inc = path.rsplit('/').next().unwrap_or_default().to_owned();
    assert!(path.ends_with(&format!("/incidents/{inc}")), "{path}");
    b.wait_for("#notify-time .notify-waiting").await;

    // 1: telling the client asks first.
    b.fill("#step-message", MESSAGE).await;
    b.click("#step-submit").await;
    b.wait_for(".notify-confirm").await;
    b.full_shot("incident-notify-confirm").await;
    b.click(".notify-confirm button.confirm-notify").await;
    b.wait_for("#incident-steps li.incident-step[data-step='1'][data-state='done']").await;
    b.wait_for("#notify-time .notify-figure[data-minutes]").await;
    // 2: the damage on two of its four axes.
    b.fill("#damage-timeline", "Без сдвига сроков.").await;
    b.fill("#damage-reputation", "Часть подписчиков написала в поддержку.").await;
    b.click("#step-submit").await;
    b.wait_for(
        "#incident-steps li.incident-step[data-step='2'][data-state='done'] .damage-row[data-axis='reputation']",
    )
    .await;
    // 3: the plan.
    b.fill("#step-plan", PLAN).await;
    b.click("#step-submit").await;
    b.wait_for("#incident-steps li.incident-step[data-step='3'][data-state='done'] #plan-not-acknowledged").await;

    // The approver sees the visible risk only, and the incident; acknowledges the plan.
    b.switch_to(&app, &w.approver_a1.email).await;
    b.goto("/portal").await;
    b.wait_for("nav a.nav-risks").await;
    b.click("nav a.nav-risks").await;
    b.wait_for_text("#portal-risks li.portal-risk", VISIBLE).await;
    b.wait_for_text(&format!("#portal-incidents li.portal-incident[data-id='{inc}']"), MESSAGE).await;
    let text = b.page_text().await;
    assert!(!text.contains(INTERNAL), "an internal risk in the portal:\n{text}");
    assert!(!text.contains("старого прайса"), "the internal details in the portal:\n{text}");
    assert!(!text.contains(&w.manager_a.name), "the risk's owner in the portal:\n{text}");
    b.click("#portal-incidents button.acknowledge-plan").await;
    b.wait_for(".plan-confirm").await;
    b.click(".plan-confirm button.confirm-acknowledge").await;
    b.wait_for_text("#portal-incidents .plan-acknowledged", &w.approver_a1.name).await;
    b.assert_absent("#portal-incidents button.acknowledge-plan").await;

    // The manager sees it, fixes, and records the prevention, shared.
    b.switch_to(&app, &w.manager_a.email).await;
    b.goto(&format!("/app/clients/{client}/incidents/{inc}")).await;
    b.wait_for_text("#plan-acknowledged", &w.approver_a1.name).await;
    b.fill("#step-note", "Письмо с извинением ушло в 16:40, заказы пересчитаны.").await;
    b.click("#step-submit").await;
    b.wait_for("#incident-steps li.incident-step[data-step='4'][data-state='done']").await;
    b.fill("#step-measures", MEASURES).await;
    b.click("#step-share").await;
    b.click("#step-submit").await;
    b.wait_for("#incident-done").await;
    b.wait_for("#incident-steps .prevention-shared").await;
    b.assert_absent("#step-form").await;
    let list: Value =
        manager.get(&format!("/api/staff/clients/{client}/incidents")).await.json().await.unwrap_or(json!([]));
    assert_eq!(list[0]["step"], "prevented", "{list}");
    assert_eq!(list[0]["prevention_shared"], true, "{list}");
    b.goto(&format!("/app/clients/{client}/incidents")).await;
    b.wait_for(&format!("#incidents-table tr.incident-row[data-id='{inc}'][data-step='5']")).await;

    // The approver reads the measures.
    b.switch_to(&app, &w.approver_a1.email).await;
    b.goto("/portal/risks").await;
    b.wait_for_text(&format!("#portal-incidents li.portal-incident[data-id='{inc}'] .incident-prevention"), MEASURES)
        .await;

    // Every page, in English and then in Russian.
    let staff_pages = [
        ("risks", format!("/app/clients/{client}/risks"), "#risk-matrix"),
        ("incident", format!("/app/clients/{client}/incidents/{inc}"), "#incident-done"),
        ("incidents", format!("/app/clients/{client}/incidents"), "#incidents-table"),
    ];
    let portal_pages = [("portal-risks", "/portal/risks".to_owned(), "#portal-incidents li.portal-incident")];
    for lang in ["en", "ru"] {
        for (email, pages) in [(&w.manager_a.email, &staff_pages[..]), (&w.approver_a1.email, &portal_pages[..])] {
            b.switch_to(&app, email).await;
            b.set_locale(lang).await;
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
