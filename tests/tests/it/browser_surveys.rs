//! Survey settings in the browser, as an owner would set them up on the team page: the
//! built-in NPS wording and criteria are shown; the owner takes the 5P set, adds a criterion of
//! their own, rewords the Russian question and allows three asks in six months; after a reload
//! the saved settings are there (and the API says the same). Then the card is photographed in
//! English and in Russian.

use accord_tests::browser;
use accord_tests::world;

#[tokio::test]
async fn an_owner_sets_up_surveys_on_the_team_page() {
    let Some((app, w, b)) = browser::with_world().await else { return };
    b.sign_in_via_form(&app, &w.a.owner.email, world::PASSWORD).await;
    b.goto("/app/team").await;
    b.wait_for("#survey-settings .survey-built-in").await;
    b.wait_for("#survey-settings li.criterion-row[data-key='timeline']").await;
    b.wait_for_value("#nps-en-question", "{agency}").await;

    b.click("#survey-settings button.criteria-preset[data-preset='five_p']").await;
    b.wait_for("#survey-settings li.criterion-row[data-key='people']").await;
    b.click("#survey-settings button.add-criterion").await;
    b.fill("#survey-settings li.criterion-row:last-child input.criterion-ru", "Качество").await;
    b.fill("#survey-settings li.criterion-row:last-child input.criterion-en", "Quality").await;
    b.fill("#nps-ru-question", "Порекомендуете ли вы {agency} знакомым?").await;
    // A blank follow-up is refused before anything is sent.
    b.fill("#nps-en-why-passive", "   ").await;
    b.click("#save-survey-settings").await;
    b.wait_for("#survey-settings-form .form-error").await;
    b.fill("#nps-en-why-passive", "What would make it a 10?").await;
    b.fill("#recontact-max", "3").await;
    b.click("#save-survey-settings").await;
    b.wait_for("#survey-settings .notice").await;
    b.wait_without("#survey-settings", "Accord's default settings").await;

    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let page: serde_json::Value = owner.get("/api/staff/survey-settings").await.json().await.unwrap();
    let keys: Vec<&str> =
        page["settings"]["criteria"].as_array().unwrap().iter().map(|c| c["key"].as_str().unwrap()).collect();
    assert_eq!(&keys[..5], ["product", "price", "place", "promotion", "people"]);
    assert!(keys[5].starts_with("c_"));
    assert_eq!(page["settings"]["criteria"][5]["name_ru"], "Качество");
    assert_eq!(page["settings"]["nps_ru"]["question"], "Порекомендуете ли вы {agency} знакомым?");
    assert_eq!(page["settings"]["nps_en"]["why_passive"], "What would make it a 10?");
    assert_eq!(page["settings"]["recontact_max"], 3);

    b.goto("/app/team").await;
    b.wait_for(&format!("#survey-settings li.criterion-row[data-key='{}']", keys[5])).await;
    b.wait_for_value("#recontact-max", "3").await;
    for locale in ["en", "ru"] {
        b.set_locale(locale).await;
        b.goto("/app/team").await;
        b.wait_for(&format!("html[lang='{locale}']")).await;
        b.wait_for("#survey-settings li.criterion-row[data-key='people']").await;
        b.full_shot(&format!("survey-settings-{locale}")).await;
    }
    b.close().await;
}

/// Answering in the browser: the viewer of A1 opens the e-mailed link without signing in,
/// answers, and the link then says it was used; the approver finds the banner on the portal
/// home, saves a draft, comes back to it (in Russian) and submits. The staff figures then count
/// both answers. The form is photographed in both languages.
#[tokio::test]
async fn contacts_answer_from_the_link_and_in_the_portal() {
    let Some((app, w, b)) = browser::with_world().await else { return };
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let body = serde_json::json!({ "name": "Satisfaction 2026", "nps": true, "csi": true, "target": "clients",
        "clients": [w.client_a1.0], "recipients": "all_contacts", "remind_after_days": 3, "remind_max": 1,
        "close_after_days": 14 });
    let created: serde_json::Value = owner.post("/api/staff/survey-campaigns", body).await.json().await.unwrap();
    let id = created["summary"]["id"].as_str().unwrap();
    let launched = owner.post(&format!("/api/staff/survey-campaigns/{id}/launch"), serde_json::json!({})).await;
    assert_eq!(launched.status(), 200);

    // The viewer's link, straight from the outbox.
    let tx = app.db.unscoped("test reads the outbox").await.unwrap();
    let mail = {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        accord_entity::outbox::Entity::find()
            .filter(accord_entity::outbox::Column::Template.eq("survey_invitation"))
            .filter(accord_entity::outbox::Column::ToEmail.eq(w.viewer_a1.email.as_str()))
            .one(tx.conn())
            .await
            .unwrap()
            .expect("the viewer was invited")
    };
    tx.commit().await.unwrap();
    let at = mail.body_text.find("/survey#").expect("a link") + "/survey#".len();
    let token: String =
        mail.body_text[at..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();

    // No sign-in: the link's form.
    b.goto(&format!("/survey#{token}")).await;
    b.wait_for("form#survey-form").await;
    b.click("label.nps-score[data-score='6']").await;
    b.wait_for("#survey-why").await;
    b.fill("#survey-why", "Reports come late").await;
    for (key, i, s) in [("price", 8, 6), ("timeline", 9, 4), ("service", 6, 7)] {
        b.click(&format!("label.rating[data-criterion='{key}'][data-kind='importance'][data-value='{i}']")).await;
        b.click(&format!("label.rating[data-criterion='{key}'][data-kind='satisfaction'][data-value='{s}']")).await;
    }
    b.full_shot("survey-link-form-en").await;
    b.click("#survey-submit").await;
    b.wait_for("#survey-thanks").await;
    b.reload().await;
    b.wait_for("#survey-link-state[data-state='answered']").await;
    b.full_shot("survey-link-used-en").await;

    // The approver: banner, draft, resume in Russian, submit.
    b.sign_in_via_form(&app, &w.approver_a1.email, world::PASSWORD).await;
    b.goto("/portal").await;
    b.wait_for("#survey-banner[data-started='false']").await;
    b.full_shot("portal-survey-banner-en").await;
    b.click("#survey-banner-go").await;
    b.wait_for("form#survey-form").await;
    b.click("label.nps-score[data-score='9']").await;
    b.fill("#survey-why", "Clear plans and honest estimates").await;
    b.click("label.rating[data-criterion='price'][data-kind='importance'][data-value='7']").await;
    b.click("#survey-save").await;
    b.wait_for("#survey-saved").await;
    b.full_shot("portal-survey-form-en").await;
    b.set_locale("ru").await;
    b.goto("/portal").await;
    b.wait_for("html[lang='ru']").await;
    b.wait_for("#survey-banner[data-started='true']").await;
    b.click("#survey-banner-go").await;
    b.wait_for("label.nps-score[data-score='9'].selected").await;
    b.wait_for_value("#survey-why", "Clear plans").await;
    b.full_shot("portal-survey-form-ru").await;
    // Submitting with criteria missing is stopped in the browser.
    b.click("#survey-submit").await;
    b.wait_for("#survey-missing").await;
    b.click("label.rating[data-criterion='price'][data-kind='satisfaction'][data-value='8']").await;
    for key in ["timeline", "service"] {
        b.click(&format!("label.rating[data-criterion='{key}'][data-kind='importance'][data-value='8']")).await;
        b.click(&format!("label.rating[data-criterion='{key}'][data-kind='satisfaction'][data-value='9']")).await;
    }
    b.click("#survey-submit").await;
    b.wait_for("#survey-thanks").await;
    b.goto("/portal/surveys").await;
    b.wait_for("#survey-answered li.own-answer .nps-pill[data-score='9']").await;
    b.assert_absent("#survey-open li.portal-survey").await;
    b.full_shot("portal-surveys-ru").await;

    let a: serde_json::Value = owner.get("/api/staff/survey-analytics").await.json().await.unwrap();
    assert_eq!(a["nps"]["n"], 2);
    assert_eq!((a["nps"]["promoters"].as_u64(), a["nps"]["detractors"].as_u64()), (Some(1), Some(1)));
    b.close().await;
}

/// The staff side in the browser: an owner sets up and launches a campaign from the form; the
/// manager records a detractor by phone on the client page, closes the follow-up it opened with
/// an outcome, and reads the analytics (NPS with n, the split, CSI, the IPA scatter), each page
/// photographed in English and Russian.
#[tokio::test]
async fn staff_run_a_campaign_record_a_phone_answer_and_close_its_follow_up() {
    let Some((app, w, b)) = browser::with_world().await else { return };
    b.sign_in_via_form(&app, &w.a.owner.email, world::PASSWORD).await;
    b.click("#nav-surveys").await;
    b.wait_for("nav#survey-tabs").await;
    b.click("nav#survey-tabs a.tab-campaigns").await;
    b.click("#new-campaign").await;
    b.fill("#campaign-name", "CSI every six months").await;
    b.click("#target-clients").await;
    b.click(&format!("input.target-client[value='{}']", w.client_a1.0)).await;
    b.click("#schedule-repeat").await;
    b.fill("#campaign-repeat-months", "6").await;
    b.click("#campaign-save").await;
    b.wait_for("#campaign-page[data-status='draft']").await;
    b.click("#campaign-launch").await;
    b.click("button.confirm-launch").await;
    b.wait_for("#campaign-page[data-status='running']").await;
    b.wait_for("table#waves tr.wave-row[data-number='1']").await;
    b.full_shot("survey-campaign-en").await;

    // The manager takes a call with A1's approver: 3 of 10.
    b.switch_to(&app, &w.manager_a.email).await;
    b.goto(&format!("/app/clients/{}/touchpoints", w.client_a1.0)).await;
    b.click("#phone-answer-open").await;
    b.wait_for("form#phone-answer").await;
    b.click("#phone-answer button.nps-score[data-score='3']").await;
    b.fill("#phone-why", "The last release broke checkout").await;
    for (key, i, s) in [("price", 9, 4), ("timeline", 8, 3), ("service", 5, 8)] {
        b.click(&format!("#phone-answer button[data-criterion='{key}'][data-kind='importance'][data-value='{i}']"))
            .await;
        b.click(&format!("#phone-answer button[data-criterion='{key}'][data-kind='satisfaction'][data-value='{s}']"))
            .await;
    }
    b.click("#phone-save").await;
    b.wait_for_text("ul#client-survey-answers", "The last release broke checkout").await;

    // Its follow-up, closed with an outcome.
    b.goto("/app/surveys/follow-ups").await;
    b.mark("li.followup-row", "The last release broke checkout").await;
    b.select("[data-under-test] select.followup-outcome", "fixed").await;
    b.fill("[data-under-test] textarea.followup-note", "Hotfix shipped, called the CEO").await;
    b.full_shot("survey-followups-en").await;
    b.click("[data-under-test] button.followup-close").await;
    // Closed, it leaves the open list and shows among the closed ones with its outcome.
    b.wait_without("#followup-counts", "1 open").await;
    b.select("#followup-filter", "closed").await;
    b.wait_for("li.followup-row .followup-closed[data-outcome='fixed']").await;

    // The figures: one detractor (NPS −100, n 1), CSI 10 × (9·4 + 8·3 + 5·8) / 22 = 45.5.
    b.goto("/app/surveys").await;
    b.wait_for("#nps-score[data-score='-100.0'], #nps-score[data-score='-100']").await;
    b.wait_for("#nps-n[data-n='1']").await;
    b.wait_for("#nps-split[data-detractors='1']").await;
    b.wait_for("#csi-score[data-score='45.5']").await;
    b.wait_for("svg#ipa-scatter g.ipa-point[data-key='price'][data-quadrant='concentrate_here']").await;
    for locale in ["en", "ru"] {
        b.set_locale(locale).await;
        for (path, ready, name) in [
            ("/app/surveys", "svg#ipa-scatter", "survey-analytics"),
            ("/app/surveys/answers", "ul#answers li.answer-row", "survey-answers"),
            ("/app/surveys/campaigns", "#campaigns tr.campaign-row", "survey-campaigns"),
        ] {
            b.goto(path).await;
            b.wait_for(&format!("html[lang='{locale}']")).await;
            b.wait_for(ready).await;
            b.full_shot(&format!("{name}-{locale}")).await;
        }
    }
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let f: serde_json::Value = manager.get("/api/staff/survey-followups?filter=closed").await.json().await.unwrap();
    assert_eq!(f["items"][0]["outcome"], "fixed");
    assert_eq!(f["items"][0]["note"], "Hotfix shipped, called the CEO");
    b.close().await;
}
