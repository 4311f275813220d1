//! Meetings in the browser, as a new user would try them: the manager agrees a weekly series in
//! Moscow; the client's approver adds a question for the next meeting in the portal; the manager
//! adds an item of their own, writes the minutes (two decisions, three action items, one on the
//! client's side), marks the client's question discussed and publishes; the approver disputes
//! decision 2; the manager revises it and publishes revision 2; the approver sees the change and
//! acknowledges; the past list says so and the undiscussed item waits on the next meeting. Then
//! every meetings page is photographed in English and in Russian.
//!
//! The app runs on the real clock here: the series starts today and falls on tomorrow's
//! weekday, so its next occurrence is always ahead whatever the date.

use accord_tests::browser::{self, Browser};
use accord_tests::world;
use chrono::{Datelike, Duration as Days, Utc};
use serde_json::json;

/// Opens the first of the client's upcoming meetings from the Meetings tab.
async fn open_next_meeting(b: &Browser, client: impl std::fmt::Display) {
    b.goto(&format!("/app/clients/{client}/meetings")).await;
    b.wait_for("#upcoming-meetings li.upcoming-meeting").await;
    b.click("#upcoming-meetings li.upcoming-meeting:first-child button.open-meeting").await;
    b.wait_for("#meeting-title").await;
    b.wait_for("#minutes-form").await;
}

#[tokio::test]
async fn a_weekly_series_from_a_client_question_to_acknowledged_minutes() {
    let Some((app, w, b)) = browser::with_world().await else { return };
    let client = w.client_a1.0;
    // Moscow has kept UTC+3 all year since 2014.
    let today = (Utc::now() + Days::hours(3)).date_naive();
    let tomorrow = today + Days::days(1);
    let in_days = |n: i64| (today + Days::days(n)).format("%Y-%m-%d").to_string();

    // The manager agrees a weekly series on tomorrow's weekday, 11:00 Moscow time.
    b.sign_in_via_form(&app, &w.manager_a.email, world::PASSWORD).await;
    b.goto(&format!("/app/clients/{client}/meetings")).await;
    b.wait_for("#series-form").await;
    b.fill("#series-form input[name=title]", "Еженедельная встреча").await;
    b.select("#series-form select[name=frequency]", "weekly").await;
    b.select("#series-form select[name=weekday]", &tomorrow.weekday().number_from_monday().to_string()).await;
    b.select("#series-form input[name=starts_on]", &today.format("%Y-%m-%d").to_string()).await;
    b.select("#series-form input[name=time]", "11:00").await;
    b.select("#series-form select[name=time_zone]", "Europe/Moscow").await;
    b.fill("#series-form input[name=duration_minutes]", "60").await;
    b.fill("#series-form input[name=place]", "https://meet.example/abc").await;
    b.click("#series-submit").await;
    b.wait_for_text("#series-list .series-item", "Еженедельная встреча").await;
    b.wait_for_text("#series-list .series-rule", "11:00 (Europe/Moscow)").await;
    b.wait_for_text("#upcoming-meetings li.upcoming-meeting:first-child", "Еженедельная встреча").await;
    let first_on = tomorrow.format("%Y-%m-%d").to_string();
    b.wait_for(&format!("#upcoming-meetings li.upcoming-meeting:first-child[data-on='{first_on}']")).await;

    // The approver adds a question for the next meeting in the portal.
    b.switch_to(&app, &w.approver_a1.email).await;
    b.goto("/portal/meetings").await;
    b.wait_for("#question-form").await;
    b.wait_for_text("#portal-upcoming .portal-meeting", "Еженедельная встреча").await;
    b.fill("#question-form input[name=title]", "Когда запускаем рекламу?").await;
    b.fill("#question-form textarea[name=details]", "Нужна дата до конца месяца").await;
    b.click("#question-submit").await;
    b.wait_for_text("#portal-upcoming .portal-meeting:first-child .agenda-item", "Когда запускаем рекламу?").await;

    // The manager opens the next meeting: the client's question is on its agenda.
    b.switch_to(&app, &w.manager_a.email).await;
    open_next_meeting(&b, client).await;
    b.wait_for_text(".agenda-item.agenda-from-client", "Когда запускаем рекламу?").await;
    let mid = b.current_path().await.rsplit('/').next().unwrap_or_default().to_owned();
    assert!(!mid.is_empty(), "the meeting's id is in its address");
    b.fill("#agenda-form input[name=title]", "Бюджет на январь").await;
    b.click("#agenda-submit").await;
    b.wait_for_text("#agenda-card .agenda-item", "Бюджет на январь").await;

    // The minutes: attendance, notes, two decisions, three action items (one the client's).
    b.wait_for("#minutes-staff input[name=attendee_staff]").await;
    b.click(&format!("#minutes-staff input[value='{}']", w.manager_a.id)).await;
    b.fill("#minutes-guests", "Анна, юрист").await;
    b.fill("#minutes-notes", "Итоги **встречи**").await;
    b.click("#add-decision").await;
    b.click("#add-decision").await;
    b.fill("#minutes-decisions li:nth-child(1) input[name=decision]", "Запускаем рекламу в этом месяце").await;
    b.fill("#minutes-decisions li:nth-child(2) input[name=decision]", "Бюджет 100 000 ₽").await;
    let items = [
        ("Подготовить медиаплан", "agency", 3),
        ("Настроить аналитику", "agency", 5),
        ("Прислать доступы к рекламному кабинету", "client", 2),
    ];
    for (n, (title, side, due)) in items.iter().enumerate() {
        b.click("#add-action-item").await;
        let row = format!("#minutes-actions li:nth-child({})", n + 1);
        b.fill(&format!("{row} input[name=action_title]"), title).await;
        b.select(&format!("{row} select[name=action_side]"), side).await;
        b.select(&format!("{row} input[name=action_due]"), &in_days(*due)).await;
    }
    b.mark("#minutes-discussed label.discussed-item", "Когда запускаем рекламу?").await;
    b.click("[data-under-test] input[name=discussed]").await;
    b.click("#save-minutes").await;
    b.wait_for("#minutes-form .notice, #minutes-form [role=status]").await;
    b.wait_for("h1#meeting-title ~ .meeting-status[data-status=held]").await;
    b.wait_for_text("#meeting-action-items", "Прислать доступы к рекламному кабинету").await;
    assert_eq!(b.texts("#meeting-action-items .action-item").await.len(), 3, "three action items saved");
    // The manager's own item was not discussed: it has gone on to the next meeting.
    b.wait_for_text("#agenda-card .agenda-item[data-status=discussed]", "Когда запускаем рекламу?").await;
    b.wait_without("#agenda-card .agenda-item", "Бюджет на январь").await;
    b.click("#publish-minutes").await;
    b.wait_for("#publish-card[data-revision='1']").await;
    b.wait_for_text("#published-decisions .decision[data-number='2']", "Бюджет 100 000 ₽").await;
    b.full_shot("meeting-staff-published-en").await;

    // The approver reads the minutes in the portal and disputes decision 2.
    b.switch_to(&app, &w.approver_a1.email).await;
    b.goto("/portal/meetings").await;
    let minutes =
        b.link_in("#portal-minutes .portal-minutes-entry", "Еженедельная встреча", "a.portal-minutes-link").await;
    b.goto(&minutes).await;
    b.wait_for_text("#minutes-decisions .decision[data-number='2']", "Бюджет 100 000 ₽").await;
    b.wait_for_text("#minutes-attendees", "Анна, юрист").await;
    b.wait_for_text("#minutes-notes strong", "встречи").await;
    b.wait_for("#minutes-action-items .action-item[data-side=client]").await;
    b.click("#dispute-open").await;
    b.select("#dispute-form select[name=decision]", "2").await;
    b.fill("#dispute-form textarea[name=comment]", "Договаривались о 90 000 ₽").await;
    b.click("#dispute-submit").await;
    b.wait_for_text("#minutes-responses .response-entry[data-decision='2']", "Договаривались о 90 000 ₽").await;

    // The manager sees the dispute, revises decision 2 and publishes revision 2.
    b.switch_to(&app, &w.manager_a.email).await;
    b.goto(&format!("/app/meetings/{mid}")).await;
    b.wait_for_text("#minutes-responses .response-entry", "Договаривались о 90 000 ₽").await;
    b.wait_for(".ack-badge[data-ack=disputed]").await;
    b.wait_for("#minutes-decisions li:nth-child(2) input[name=decision]").await;
    b.fill("#minutes-decisions li:nth-child(2) input[name=decision]", "Бюджет 90 000 ₽").await;
    b.click("#save-minutes").await;
    b.wait_for("#unpublished-changes").await;
    // Before publishing, the manager sees what will change for the client.
    b.wait_for_text("#published-decisions .decision[data-changed=true]", "Бюджет 90 000 ₽").await;
    b.assert_absent("#published-decisions .decision[data-number='1'][data-changed=true]").await;
    b.wait_for_text(".meeting-event[data-kind=disputed] .event-detail", "#2: Договаривались о 90 000 ₽").await;
    b.click("#publish-minutes").await;
    b.wait_for("#publish-card[data-revision='2'][data-unpublished=false]").await;
    b.assert_absent("#publish-minutes").await;

    // The approver sees what changed and acknowledges revision 2.
    b.switch_to(&app, &w.approver_a1.email).await;
    b.goto(&minutes).await;
    b.wait_for("[data-revision='2'] #minutes-title").await;
    b.wait_for_text("#minutes-decisions .decision[data-number='2'] .decision-changed", "changed").await;
    b.wait_for_text("#minutes-decisions .decision[data-number='2'] .decision-previous", "Бюджет 100 000 ₽").await;
    b.assert_absent("#minutes-decisions .decision[data-number='1'] .decision-changed").await;
    b.click("#acknowledge-minutes").await;
    b.wait_for_text("#minutes-responses .response-entry[data-acknowledged=true]", "revision 2").await;
    // On a later visit the page says it is acknowledged rather than asking again.
    b.reload().await;
    b.wait_for_text("#minutes-acknowledged", "Revision 2 is acknowledged").await;
    b.wait_for(".minutes-published .ack-badge[data-ack=acknowledged]").await;
    b.assert_absent("#acknowledge-minutes").await;
    b.goto("/portal/meetings").await;
    b.wait_for("#portal-minutes .portal-minutes-entry[data-ack=acknowledged]").await;
    b.wait_for_text("#on-your-side .action-item", "Прислать доступы к рекламному кабинету").await;

    // The manager: the past list says acknowledged; the next meeting has the carried-over item.
    b.switch_to(&app, &w.manager_a.email).await;
    b.goto(&format!("/app/clients/{client}/meetings")).await;
    b.wait_for(&format!("#past-meetings tr.past-meeting[data-id='{mid}'][data-ack=acknowledged]")).await;
    b.wait_for_text("#series-list .series-rule", "every week").await;
    open_next_meeting(&b, client).await;
    let next = b.current_path().await;
    assert!(!next.ends_with(&mid), "the next meeting is another one");
    b.wait_for_text("#agenda-card .agenda-item[data-status=open]", "Бюджет на январь").await;
    b.wait_for_text("#agenda-card .agenda-item .agenda-carried", "Carried over").await;
    b.wait_for_text("#open-before .action-item", "Подготовить медиаплан").await;
    // Moved on again by hand: the item leaves this meeting's agenda for the one after.
    b.mark("#agenda-card .agenda-item", "Бюджет на январь").await;
    b.click("[data-under-test] button.agenda-move").await;
    b.wait_without("#agenda-card", "Бюджет на январь").await;
    let next_path = next;

    // Every meetings page, in English and then in Russian.
    let staff_pages = [
        ("meetings-tab", format!("/app/clients/{client}/meetings"), "#upcoming-card"),
        ("meeting-minutes", format!("/app/meetings/{mid}"), "#publish-card[data-revision='2']"),
        ("meeting-next", next_path.clone(), "#agenda-card"),
        ("promises", "/app/promises".to_owned(), "#promises-rates"),
        ("client-promises", format!("/app/clients/{client}/promises"), "h1"),
        ("minutes-unacknowledged", "/app/minutes/unacknowledged".to_owned(), ".unacknowledged-page .card"),
    ];
    let portal_pages = [
        ("portal-home", "/portal".to_owned(), ".portal-awaiting-card"),
        ("portal-meetings", "/portal/meetings".to_owned(), "#portal-minutes"),
        ("portal-minutes", minutes.clone(), "#minutes-answer"),
    ];
    for (lang, locale) in [("en", "en"), ("ru", "ru")] {
        for (email, pages) in [(&w.manager_a.email, &staff_pages[..]), (&w.approver_a1.email, &portal_pages[..])] {
            b.switch_to(&app, email).await;
            let script = "return fetch('/api/auth/locale', { method: 'PUT', headers: { 'X-Requested-With': 'accord-spa', \
                          'Content-Type': 'application/json' }, body: JSON.stringify({ locale: arguments[0] }) }).then(r => r.status);";
            match b.driver().execute(script, vec![json!(locale)]).await {
                Ok(s) if s.as_u64().is_some_and(|s| (200..300).contains(&s)) => {}
                other => b.fail(&format!("setting the locale to {locale} failed: {other:?}")).await,
            }
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
