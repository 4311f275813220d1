//! `accord seed-scale`: the load benchmark's data set, generated into the real database (through
//! the app's own connection, so on PostgreSQL row-level security checks every row written).

use accord_server::seed_scale::{seed_scale, SCALE_PASSWORD};
use accord_tests::spawn_app;
use serde_json::Value;

#[tokio::test]
async fn a_scaled_data_set_is_deterministic_and_usable() {
    let (one, two) = (spawn_app().await, spawn_app().await);
    let first = seed_scale(&one.db, 0.002, 7).await.expect("seed");
    let second = seed_scale(&two.db, 0.002, 7).await.expect("seed");
    assert_eq!(first.agencies, 2);
    assert_eq!(first.clients, 40);
    assert!(first.items > 1_000, "{first:?}");
    assert!(first.comments > 0 && first.events == first.items, "{first:?}");
    assert!(first.survey_answers >= first.clients, "{first:?}");
    assert_eq!(first.survey_answers, second.survey_answers);
    assert_eq!(first.health_scores, 30 * first.clients, "a month of daily scores per client");
    assert_eq!(first.risks, first.clients);
    assert!(first.incidents >= first.clients / 5, "{first:?}");
    assert!(first.invoices >= first.clients && first.payments > 0 && first.closing_documents > 0, "{first:?}");
    assert!(first.contracts >= first.clients, "{first:?}");
    assert_eq!((first.invoices, first.payments), (second.invoices, second.payments));
    assert_eq!(
        (first.users, first.contacts, first.projects, first.items, first.comments),
        (second.users, second.contacts, second.projects, second.items, second.comments),
        "the same seed gives the same data set"
    );

    // The largest agency's owner signs in and sees its clients; the same ids on both databases.
    let mut lists = Vec::new();
    for app in [&one, &two] {
        let owner = app.signed_in("owner-0@scale.accord.test", SCALE_PASSWORD).await;
        let res = owner.get("/api/staff/clients?per_page=100").await;
        assert_eq!(res.status(), 200);
        let page: Value = res.json().await.expect("json");
        lists.push(page);
    }
    let ids = |page: &Value| {
        let mut ids: Vec<String> =
            page["items"].as_array().expect("items").iter().map(|c| c["id"].as_str().expect("id").to_owned()).collect();
        ids.sort();
        ids
    };
    assert!(lists[0]["total"].as_u64().expect("total") > 20, "skewed: agency 0 is the largest");
    assert_eq!(ids(&lists[0]), ids(&lists[1]));

    // The largest agency's survey analytics: the same figures on both databases.
    let mut figures = Vec::new();
    for app in [&one, &two] {
        let owner = app.signed_in("owner-0@scale.accord.test", SCALE_PASSWORD).await;
        let a: Value =
            owner.get("/api/staff/survey-analytics?from=2025-01-01&to=2026-12-31").await.json().await.expect("json");
        assert!(a["nps"]["n"].as_u64().is_some_and(|n| n > 0), "{a}");
        figures.push((a["nps"].clone(), a["csi"]["score"].clone()));
    }
    assert_eq!(figures[0], figures[1]);

    // Its health overview and cockpit read the seeded scores: the same on both databases.
    let mut overviews = Vec::new();
    for app in [&one, &two] {
        let owner = app.signed_in("owner-0@scale.accord.test", SCALE_PASSWORD).await;
        let h: Value = owner.get("/api/staff/health").await.json().await.expect("json");
        let scored: Vec<Value> = h["clients"].as_array().expect("clients").iter().map(|c| c["score"].clone()).collect();
        assert!(scored.iter().all(|s| s.is_u64()), "every seeded client has a score: {h}");
        let cockpit = owner.get("/api/staff/cockpit").await;
        assert_eq!(cockpit.status(), 200);
        overviews.push(scored);
    }
    assert_eq!(overviews[0], overviews[1]);

    // Its money overview: the same totals and tiers on both databases.
    let mut money = Vec::new();
    for app in [&one, &two] {
        let owner = app.signed_in("owner-0@scale.accord.test", SCALE_PASSWORD).await;
        let m: Value = owner.get("/api/staff/money").await.json().await.expect("json");
        assert!(m["totals"]["paid_all_time"]["amount_minor"].as_i64().is_some_and(|v| v > 0), "{m}");
        let tiers: Vec<Value> = m["abc"].as_array().expect("abc").iter().map(|r| r["computed"].clone()).collect();
        money.push((m["totals"].clone(), tiers));
    }
    assert_eq!(money[0], money[1]);

    // A client's approver sees the portal backlog of their client.
    let contact = one.signed_in("approver-0-0@scale.accord.test", SCALE_PASSWORD).await;
    let res = contact.get("/api/portal/backlog").await;
    assert_eq!(res.status(), 200);
    let backlog: Value = res.json().await.expect("json");
    assert!(backlog["awaiting"].as_array().is_some_and(|a| !a.is_empty()));
}
