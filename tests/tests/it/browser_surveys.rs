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
