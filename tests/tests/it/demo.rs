//! The demo data the run command seeds: every demo login works and lands where it belongs.

use accord_server::seed::{DEMO_LOGINS, DEMO_PASSWORD};
use accord_tests::spawn_app_with;
use serde_json::Value;

#[tokio::test]
async fn every_demo_user_signs_in_to_a_live_looking_account() {
    let app = spawn_app_with(|s| s.seed_demo = true).await;
    let mut kinds = Vec::new();
    for login in DEMO_LOGINS {
        let c = app.client();
        let res = c.sign_in(login.email, DEMO_PASSWORD).await;
        assert_eq!(res.status(), 200, "{} ({})", login.who, login.email);
        let me: Value = res.json().await.unwrap();
        kinds.push(me["membership"]["kind"].as_str().unwrap().to_string());
    }
    assert_eq!(kinds, vec!["platform", "staff", "staff", "contact", "contact"]);

    let manager = app.signed_in(DEMO_LOGINS[2].email, DEMO_PASSWORD).await;
    let clients: Value = manager.get("/api/staff/clients").await.json().await.unwrap();
    assert_eq!(clients["total"], 1, "the manager manages the demo client");
    assert_eq!(clients["items"][0]["days_since_touch"], 2);
    assert_eq!(clients["items"][0]["touch_overdue"], false);
    let id = clients["items"][0]["id"].as_str().unwrap().to_string();
    let history: Vec<Value> =
        manager.get(&format!("/api/staff/clients/{id}/status-history")).await.json().await.unwrap();
    assert_eq!(history.len(), 2);

    let approver = app.signed_in(DEMO_LOGINS[3].email, DEMO_PASSWORD).await;
    let home: Value = approver.get("/api/portal/home").await.json().await.unwrap();
    assert_eq!(home["account_manager"]["email"], DEMO_LOGINS[2].email);
    let projects = home["projects"].as_array().unwrap();
    assert_eq!(projects.len(), 2);
    assert_eq!(projects.iter().filter(|p| !p["budget"].is_null()).count(), 1, "one budget is shared");
    // A roadmap under way and items awaiting the approver's decision.
    let roadmap: Value = approver.get("/api/portal/roadmap").await.json().await.unwrap();
    assert_eq!(roadmap["goals"].as_array().unwrap().len(), 2);
    assert_eq!(roadmap["stages"].as_array().unwrap().len(), 3);
    assert!(roadmap["goals"][0]["progress_pct"].as_u64().unwrap() > 0);
    let backlog: Value = approver.get("/api/portal/backlog").await.json().await.unwrap();
    assert_eq!(backlog["awaiting"].as_array().unwrap().len(), 2);
    assert_eq!(backlog["planned"].as_array().unwrap().len(), 2);
    assert!(!backlog.to_string().contains("Чат-бот"), "the internal idea stays internal");

    // Health: a year of history with a dip below the corridor; two risks, one shown to the
    // client; a mistake handled in five steps with its prevention measures shared.
    let health: Value = manager.get(&format!("/api/staff/clients/{id}/health")).await.json().await.unwrap();
    let days = health["history"].as_array().unwrap();
    assert!(days.len() >= 365, "a year of daily points: {}", days.len());
    assert!(days.iter().any(|d| d["below"] == true), "the dip shows below the corridor");
    assert!(health["current"]["score"].is_u64(), "{health}");
    let risks: Value = manager.get(&format!("/api/staff/clients/{id}/risks")).await.json().await.unwrap();
    assert_eq!(risks["items"].as_array().unwrap().len(), 2);
    let portal: Value = approver.get("/api/portal/risks").await.json().await.unwrap();
    assert_eq!(portal["risks"].as_array().unwrap().len(), 1, "only the client-visible risk");
    assert!(!portal.to_string().contains("Ведущий разработчик"), "the internal risk stays internal");
    assert_eq!(portal["incidents"][0]["step"], "prevented");
    assert!(portal["incidents"][0]["prevention"].as_str().unwrap().contains("Автотест"));

    // Seeding twice does nothing.
    assert!(!accord_server::seed::seed_demo_if_empty(&app.db).await.unwrap());
}
