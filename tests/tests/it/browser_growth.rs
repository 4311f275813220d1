//! Growth in the browser, as an owner and a client contact would meet it: the owner finds an
//! empty catalogue, adds "competitor analysis" and then "contextual ads" after it; on client
//! A1's Growth tab the playbook offers competitor analysis now and contextual ads only later
//! ("after: …"), until competitor analysis is recorded as had — then contextual ads is offered,
//! and the owner records it as an upsell opportunity. The owner marks the client on the
//! scorecard, writes an explainer in Russian and English, previews the server's HTML and
//! publishes it; the contact reads it in the portal in their language and sees no figure. Every
//! new page is photographed in English and in Russian.

use accord_tests::browser;
use accord_tests::world;
use serde_json::Value;

const COMPETITORS: &str = "Анализ конкурентов";
const ADS: &str = "Контекстная реклама";
const TITLE_RU: &str = "Контекстная реклама: что входит";
const TITLE_EN: &str = "Contextual ads: what is included";
const BODY_RU: &str = "## Что мы делаем\n\nНастраиваем кампании в Яндекс Директ и ведём их каждую неделю.\n\n## Чего мы не делаем\n\n- не пишем тексты для сайта\n- не платим за рекламу из своего бюджета";
const BODY_EN: &str = "## What we do\n\nWe set up Yandex Direct campaigns and tend them every week.\n\n## What we do not do\n\n- we do not write the site's copy\n- we do not pay for the ads from our budget";

/// The id of the catalogue's service called `name`, read over the owner's own session.
async fn service_id(owner: &accord_tests::Client, name: &str) -> String {
    let catalogue: Value = owner.get("/api/staff/services").await.json().await.unwrap_or_default();
    let services = catalogue["services"].as_array().cloned().unwrap_or_default();
    let found = services.iter().find(|s| s["name"] == name);
    found.and_then(|s| s["id"].as_str()).unwrap_or_else(|| panic!("no service {name:?} in {catalogue}")).to_owned()
}

#[tokio::test]
async fn an_owner_sets_up_the_playbook_the_client_page_suggests_in_order_a_contact_reads_an_explainer() {
    let Some((app, w, b)) = browser::with_world().await else { return };
    let client = w.client_a1.0;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;

    // The catalogue starts empty; the owner adds the two services, the second after the first.
    b.sign_in_via_form(&app, &w.a.owner.email, world::PASSWORD).await;
    b.click("#nav-growth").await;
    b.wait_for("#pipeline-page").await;
    b.click("#growth-sections a.growth-tab-services").await;
    b.wait_for("#services-page .empty-state").await;
    b.fill("#service-name", COMPETITORS).await;
    b.fill("#service-description", "Кто конкуренты, как они продают и сколько тратят на рекламу.").await;
    b.click("#service-submit").await;
    b.wait_for_text("#services-table tr.service-row", COMPETITORS).await;
    let competitors = service_id(&owner, COMPETITORS).await;
    b.fill("#service-name", ADS).await;
    // For ads projects and websites (client A1 has a website project).
    b.click("#service-kinds input.service-kind[value='ads']").await;
    b.click("#service-kinds input.service-kind[value='website']").await;
    b.click(&format!("#service-prereqs input.service-prereq[value='{competitors}']")).await;
    b.click("#service-submit").await;
    b.wait_for_text("#services-table tr.service-row .service-after", COMPETITORS).await;
    let ads = service_id(&owner, ADS).await;

    // The client has had nothing: competitor analysis now, contextual ads only after it.
    b.goto(&format!("/app/clients/{client}/growth")).await;
    b.wait_for("#growth-tab").await;
    b.wait_for(&format!("#next-ready li.next-service[data-service='{competitors}']")).await;
    b.wait_for_text(&format!("#next-later li.later-service[data-service='{ads}'] .next-after"), COMPETITORS).await;
    b.assert_absent(&format!("#next-ready li.next-service[data-service='{ads}']")).await;
    b.wait_for("#services-had .empty-state").await;
    b.wait_for("#upsells-card .empty-state").await;

    // Competitor analysis is recorded as had: contextual ads is suggested now.
    b.wait_for(&format!("#service-had-service option[value='{competitors}']")).await;
    b.select("#service-had-service", &competitors).await;
    b.click("#service-had-submit").await;
    b.wait_for(&format!("#services-had li.service-had[data-service='{competitors}']")).await;
    b.wait_for(&format!("#next-ready li.next-service[data-service='{ads}']")).await;
    b.assert_absent(&format!("#next-ready li.next-service[data-service='{competitors}']")).await;
    b.assert_absent("#next-later").await;

    // The suggestion becomes an upsell opportunity.
    b.click(&format!("#next-ready li.next-service[data-service='{ads}'] button.offer-service")).await;
    b.wait_for_value("#upsell-title", ADS).await;
    b.wait_for(&format!("#upsell-service option[value='{ads}']")).await;
    b.fill("#upsell-expected", "120000").await;
    b.fill("#upsell-probability", "60").await;
    b.select("#upsell-status", "proposed").await;
    b.click("#upsell-submit").await;
    b.wait_for("#upsells-table tr.upsell-row[data-status='proposed']").await;
    b.wait_for_text("#upsells-table tr.upsell-row .upsell-weighted", "72").await;
    let upsells: Value =
        owner.get(&format!("/api/staff/clients/{client}/upsells")).await.json().await.unwrap_or_default();
    assert_eq!(upsells["items"][0]["service"]["id"], Value::String(ads.clone()), "{upsells}");
    assert_eq!(upsells["items"][0]["expected"]["amount_minor"], 12_000_000, "{upsells}");

    // The pipeline counts it; the scorecard takes a mark inline.
    b.goto("/app/growth").await;
    b.wait_for("#pipeline-table tr.pipeline-row").await;
    b.wait_for("#won-share").await;
    b.goto("/app/scorecard").await;
    let row = format!("#scorecard-table tr.scorecard-row[data-client='{client}']");
    b.wait_for(&format!("{row} select.mark-select[data-criterion='margin']")).await;
    b.select(&format!("{row} select.mark-select[data-criterion='margin']"), "2").await;
    b.wait_for(&format!("{row}[data-total='2'][data-rank='1']")).await;

    // An explainer in both languages, previewed and published.
    b.goto("/app/knowledge").await;
    b.wait_for("#articles-card .empty-state").await;
    b.click("#article-tab-ru").await;
    b.fill("#article-title-ru", TITLE_RU).await;
    b.fill("#article-body-ru", BODY_RU).await;
    b.click("#article-tab-en").await;
    b.fill("#article-title-en", TITLE_EN).await;
    b.fill("#article-body-en", BODY_EN).await;
    b.wait_for(&format!("#article-service option[value='{ads}']")).await;
    b.select("#article-service", &ads).await;
    b.click("#article-submit").await;
    b.wait_for("#articles li.article-item[data-published='false']").await;
    b.wait_for("#article-form[data-mode='edit']").await;
    b.click("#article-tab-preview").await;
    b.wait_for("#article-preview h2").await;
    b.click("#article-published").await;
    b.click("#article-submit").await;
    b.wait_for("#articles li.article-item[data-published='true']").await;

    // The contact reads it in the portal, in Russian, and sees no figure.
    b.switch_to(&app, &w.approver_a1.email).await;
    b.set_locale("ru").await;
    b.goto("/portal").await;
    b.wait_for("nav a.nav-knowledge").await;
    b.click("nav a.nav-knowledge").await;
    b.wait_for_text("#portal-articles li.portal-article", TITLE_RU).await;
    b.click("#portal-articles li.portal-article a").await;
    b.wait_for_text("#portal-article h1", TITLE_RU).await;
    b.wait_for_text("#portal-article .portal-article-body", "Чего мы не делаем").await;
    let text = b.page_text().await;
    for figure in ["120 000", "120\u{a0}000", "72 000", "72\u{a0}000", "₽", "%", COMPETITORS] {
        assert!(!text.contains(figure), "{figure:?} in the portal:\n{text}");
    }

    // Every new page, in English and then in Russian.
    let staff_pages = [
        ("growth-tab", format!("/app/clients/{client}/growth"), "#upsells-table"),
        ("growth-pipeline", "/app/growth".to_owned(), "#pipeline-table"),
        ("growth-scorecard", "/app/scorecard".to_owned(), "#scorecard-table"),
        ("growth-services", "/app/services".to_owned(), "#services-table"),
        ("growth-knowledge", "/app/knowledge".to_owned(), "#articles"),
    ];
    let article = b.current_path().await;
    let portal_pages = [
        ("portal-knowledge", "/portal/knowledge".to_owned(), "#portal-articles"),
        ("portal-article", article, "#portal-article"),
    ];
    for lang in ["en", "ru"] {
        for (email, pages) in [(&w.a.owner.email, &staff_pages[..]), (&w.approver_a1.email, &portal_pages[..])] {
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
