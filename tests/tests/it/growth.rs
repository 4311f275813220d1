//! Growth as a new user meets it: a playbook that suggests "contextual ads" only once the client
//! has had "competitor analysis" (and refuses a prerequisite cycle); the profitability scorecard
//! where a 30k client out-ranks a 50k one on marks, its fee shown beside; upsells taken from idea
//! to won and the pipeline per manager with the won upsell share of hand-made payments; and a
//! contact reading a published explainer in the portal in their language, never a figure.

use accord_api::finance::{ContractKind, ContractStatus, InvoiceStatus};
use accord_api::{AgencyId, BacklogItemId, BilledItemId, ClientId, ContractId, InvoiceId, PaymentId, UserId};
use accord_entity::{billed_items, contracts, invoices, payments};
use accord_tests::{spawn_app, world, Client, TestApp};
use chrono::NaiveDate;
use sea_orm::EntityTrait;
use serde_json::{json, Value};

async fn ok(res: reqwest::Response, want: u16) -> Value {
    let status = res.status().as_u16();
    let text = res.text().await.unwrap_or_default();
    assert_eq!(status, want, "{text}");
    if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or(Value::String(text))
    }
}

async fn refused(res: reqwest::Response, status: u16, code: &str, field: Option<&str>) {
    let err = ok(res, status).await;
    assert_eq!((err["code"].as_str(), err["field"].as_str()), (Some(code), field), "{err}");
}

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

fn names(list: &Value) -> Vec<String> {
    list.as_array().unwrap().iter().map(|s| s["service"]["name"].as_str().unwrap().to_string()).collect()
}

async fn service(c: &Client, name: &str, kinds: &[&str], prerequisites: &[&str]) -> String {
    let made = ok(
        c.post("/api/staff/services", json!({ "name": name, "project_kinds": kinds, "prerequisites": prerequisites }))
            .await,
        201,
    )
    .await;
    made["id"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn a_playbook_suggests_contextual_ads_only_after_competitor_analysis() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let specialist = app.signed_in(&w.specialist_a.email, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let owner_b = app.signed_in(&w.b.owner.email, world::PASSWORD).await;

    let audit = service(&owner, "Site audit", &["website"], &[]).await;
    let competitors = service(&owner, "Competitor analysis", &[], &[]).await;
    let ads = service(&owner, "Contextual ads", &[], &[&competitors]).await;
    let _seo = service(&owner, "SEO", &["seo"], &[]).await;
    let catalogue = ok(specialist.get("/api/staff/services").await, 200).await;
    assert_eq!(catalogue["can_edit"], false);
    let listed: Vec<&str> =
        catalogue["services"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(listed, ["Site audit", "Competitor analysis", "Contextual ads", "SEO"]);
    assert_eq!(catalogue["services"][2]["prerequisites"][0]["name"], "Competitor analysis");

    // A1 has a website project: SEO (for SEO projects) is not suggested; ads wait for the analysis.
    let next_path = format!("/api/staff/clients/{}/next-services", w.client_a1.0);
    let next = ok(specialist.get(&next_path).await, 200).await;
    assert_eq!(names(&next["next"]), ["Site audit", "Competitor analysis"]);
    assert_eq!(names(&next["later"]), ["Contextual ads"]);
    assert_eq!(next["later"][0]["missing"][0]["name"], "Competitor analysis");

    // The manager records the analysis as had (from the website project): ads come next.
    let had_path = format!("/api/staff/clients/{}/services", w.client_a1.0);
    let bad = json!({ "service_id": competitors, "started_on": "2026-03-01", "ended_on": "2026-02-01" });
    refused(manager.post(&had_path, bad).await, 422, "validation_failed", Some("ended_on")).await;
    let recorded = json!({ "service_id": competitors, "started_on": "2026-02-01", "ended_on": "2026-03-01", "project_id": w.project_a1 });
    let had = ok(manager.post(&had_path, recorded.clone()).await, 201).await;
    assert_eq!(
        (had["service"]["name"].as_str(), had["project_name"].as_str()),
        (Some("Competitor analysis"), Some(format!("Website {}", w.tag).as_str()))
    );
    refused(specialist.post(&had_path, recorded.clone()).await, 403, "forbidden", None).await;
    let list = ok(specialist.get(&had_path).await, 200).await;
    assert_eq!((list["items"].as_array().unwrap().len(), &list["can_edit"]), (1, &json!(false)));
    let next = ok(manager.get(&next_path).await, 200).await;
    assert_eq!(names(&next["next"]), ["Site audit", "Contextual ads"]);
    assert!(next["later"].as_array().unwrap().is_empty());

    // Prerequisites never form a cycle, and are this agency's services.
    let edit = |prereqs: Vec<&str>| json!({ "name": "Competitor analysis", "prerequisites": prereqs });
    let path = format!("/api/staff/services/{competitors}");
    refused(owner.send("PUT", &path, Some(edit(vec![&ads]))).await, 422, "validation_failed", Some("prerequisites"))
        .await;
    refused(
        owner.send("PUT", &path, Some(edit(vec![&competitors]))).await,
        422,
        "validation_failed",
        Some("prerequisites"),
    )
    .await;
    let foreign = service(&owner_b, "B's own service", &[], &[]).await;
    refused(
        owner.send("PUT", &path, Some(edit(vec![&foreign]))).await,
        422,
        "validation_failed",
        Some("prerequisites"),
    )
    .await;
    ok(owner.send("PUT", &path, Some(edit(vec![&audit]))).await, 200).await;
    ok(owner_b.send("PUT", &path, Some(edit(vec![]))).await, 404).await;

    // Who may: specialists and managers read the catalogue but do not change it; contacts nothing.
    refused(specialist.post("/api/staff/services", json!({ "name": "X" })).await, 403, "forbidden", None).await;
    refused(manager.send("DELETE", &format!("/api/staff/services/{ads}"), None).await, 403, "forbidden", None).await;
    for path in ["/api/staff/services".to_string(), next_path.clone(), had_path.clone()] {
        assert_eq!(approver.get(&path).await.status(), 403, "{path}");
    }
    // Removed from the catalogue: no longer suggested, still on the client's record.
    ok(owner.send("DELETE", &format!("/api/staff/services/{ads}"), None).await, 204).await;
    let next = ok(manager.get(&next_path).await, 200).await;
    assert_eq!(names(&next["next"]), ["Site audit"]);
}

/// Contracts, invoices and payments written straight to the database: hand-made money.
struct Ledger<'a> {
    app: &'a TestApp,
    agency: AgencyId,
    by: UserId,
}

impl Ledger<'_> {
    async fn retainer(&self, client: ClientId, currency: &str, amount_minor: i64) -> ContractId {
        let now = chrono::Utc::now();
        let row = contracts::Model {
            id: ContractId::new(),
            agency_id: self.agency,
            client_id: client,
            project_id: None,
            service_id: None,
            title: format!("Retainer {currency} {amount_minor}"),
            kind: ContractKind::Retainer,
            currency: currency.into(),
            amount_minor,
            starts_on: day("2026-01-01"),
            ends_on: None,
            renews_on: None,
            status: ContractStatus::Active,
            note: String::new(),
            created_by: self.by,
            created_at: now,
            updated_at: now,
        };
        let tx = self.app.db.unscoped("test contract").await.unwrap();
        contracts::Entity::insert(contracts::ActiveModel::from(row.clone()))
            .exec_without_returning(tx.conn())
            .await
            .unwrap();
        tx.commit().await.unwrap();
        row.id
    }

    /// An invoice paid in full on `paid_on`, optionally on a contract or billing a backlog item.
    async fn paid(
        &self,
        client: ClientId,
        contract: Option<ContractId>,
        item: Option<BacklogItemId>,
        (currency, amount_minor, rate_micro, base_minor): (&str, i64, i64, i64),
        paid_on: &str,
    ) -> InvoiceId {
        let now = chrono::Utc::now();
        let invoice = invoices::Model {
            id: InvoiceId::new(),
            agency_id: self.agency,
            client_id: client,
            contract_id: contract,
            number: format!("T-{}", uuid::Uuid::new_v4().simple()),
            issued_on: day(paid_on),
            due_on: day(paid_on),
            amount_minor,
            currency: currency.into(),
            rate_micro,
            base_minor,
            status: InvoiceStatus::Paid,
            paid_minor: amount_minor,
            paid_on: Some(day(paid_on)),
            note: String::new(),
            created_by: Some(self.by),
            created_at: now,
            updated_at: now,
        };
        let tx = self.app.db.unscoped("test invoice").await.unwrap();
        invoices::Entity::insert(invoices::ActiveModel::from(invoice.clone()))
            .exec_without_returning(tx.conn())
            .await
            .unwrap();
        let payment = payments::Model {
            id: PaymentId::new(),
            agency_id: self.agency,
            client_id: client,
            invoice_id: invoice.id,
            paid_on: day(paid_on),
            amount_minor,
            base_minor,
            note: String::new(),
            created_by: Some(self.by),
            created_at: now,
        };
        payments::Entity::insert(payments::ActiveModel::from(payment)).exec_without_returning(tx.conn()).await.unwrap();
        if let Some(item) = item {
            let billed = billed_items::Model {
                id: BilledItemId::new(),
                agency_id: self.agency,
                client_id: client,
                invoice_id: invoice.id,
                backlog_item_id: item,
                amount_minor,
            };
            billed_items::Entity::insert(billed_items::ActiveModel::from(billed))
                .exec_without_returning(tx.conn())
                .await
                .unwrap();
        }
        tx.commit().await.unwrap();
        invoice.id
    }
}

fn row_of(card: &Value, client: ClientId) -> &Value {
    card["rows"].as_array().unwrap().iter().find(|r| r["client"]["id"] == json!(client)).expect("row")
}

#[tokio::test]
async fn the_scorecard_ranks_a_30k_client_above_a_50k_one_by_its_marks() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let specialist = app.signed_in(&w.specialist_a.email, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let ledger = Ledger { app: &app, agency: w.a.id, by: w.a.owner.id };
    let (a1, a2) = (w.client_a1.0, w.client_a2.0);
    ledger.retainer(a1, "RUB", 3_000_000).await;
    ledger.retainer(a2, "RUB", 5_000_000).await;
    // A2 also pays 100 USD a month; the rate comes from that contract's newest invoice (90 ₽).
    let usd = ledger.retainer(a2, "USD", 10_000).await;
    ledger.paid(a2, Some(usd), None, ("USD", 10_000, 90_000_000, 900_000), "2026-02-10").await;

    let criteria = ok(owner.get("/api/staff/scorecard/criteria").await, 200).await;
    let keys: Vec<&str> = criteria.as_array().unwrap().iter().map(|c| c["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["margin", "specialist_hours", "account_time", "contract_term", "communication", "prospects"]);
    assert!(criteria.as_array().unwrap().iter().all(|c| c["name"] == ""), "the UI names the built-in ones");

    let marks = |pairs: &[(&str, i64)]| json!({ "marks": pairs.iter().map(|(k, s)| json!({ "criterion": k, "score": s })).collect::<Vec<_>>() });
    let a1_path = format!("/api/staff/clients/{a1}/scorecard");
    let a2_path = format!("/api/staff/clients/{a2}/scorecard");
    refused(owner.send("PUT", &a1_path, Some(marks(&[("margin", 3)]))).await, 422, "validation_failed", Some("marks"))
        .await;
    refused(owner.send("PUT", &a1_path, Some(marks(&[("beauty", 1)]))).await, 422, "validation_failed", Some("marks"))
        .await;
    let card = ok(
        owner.send("PUT", &a1_path, Some(marks(&[("margin", 2), ("specialist_hours", 1), ("communication", 2)]))).await,
        200,
    )
    .await;
    assert_eq!(card["row"]["total"], 5);
    ok(owner.send("PUT", &a2_path, Some(marks(&[("margin", -1), ("account_time", -2), ("prospects", 1)]))).await, 200)
        .await;

    let table = ok(owner.get("/api/staff/scorecard").await, 200).await;
    assert_eq!(table["base_currency"], "RUB");
    let first = &table["rows"][0];
    assert_eq!(
        (first["client"]["id"].clone(), first["rank"].clone(), first["total"].clone()),
        (json!(a1), json!(1), json!(5))
    );
    assert_eq!(first["monthly_fee"], json!({ "amount_minor": 3_000_000, "currency": "RUB" }));
    let second = row_of(&table, a2);
    assert_eq!((second["rank"].clone(), second["total"].clone()), (json!(2), json!(-2)));
    assert_eq!(second["monthly_fee"], json!({ "amount_minor": 5_900_000, "currency": "RUB" }), "50 000 ₽ + 100 $ × 90");
    assert_eq!(second["fee_partial"], false);
    // A clearing mark and a client without a retainer: no fee ("no data", not 0).
    ok(owner.send("PUT", &a2_path, Some(json!({ "marks": [{ "criterion": "prospects", "score": null }] }))).await, 200)
        .await;
    let card = ok(owner.get(&a2_path).await, 200).await;
    assert_eq!(card["row"]["total"], -3);

    // The agency renames a criterion, adds its own and drops "prospects": marks on it stop counting.
    let saved = ok(
        owner
            .send(
                "PUT",
                "/api/staff/scorecard/criteria",
                Some(json!({ "criteria": [
                    { "key": "margin", "name": "Маржа" }, { "key": "specialist_hours" }, { "key": "account_time" },
                    { "key": "contract_term" }, { "key": "communication" }, { "name": "Referrals" }
                ] })),
            )
            .await,
        200,
    )
    .await;
    assert_eq!(saved.as_array().unwrap().len(), 6);
    assert_eq!((saved[0]["name"].as_str(), saved[5]["name"].as_str()), (Some("Маржа"), Some("Referrals")));
    assert!(saved[5]["key"].as_str().unwrap().starts_with("custom_"));
    refused(
        owner.send("PUT", "/api/staff/scorecard/criteria", Some(json!({ "criteria": [{ "name": "" }] }))).await,
        422,
        "validation_failed",
        Some("criteria"),
    )
    .await;
    refused(
        owner.send("PUT", "/api/staff/scorecard/criteria", Some(json!({ "criteria": [] }))).await,
        422,
        "validation_failed",
        Some("criteria"),
    )
    .await;

    // Who may: owners and admins only.
    for c in [&manager, &specialist] {
        refused(c.get("/api/staff/scorecard").await, 403, "forbidden", None).await;
        refused(c.get(&a1_path).await, 403, "forbidden", None).await;
        refused(c.send("PUT", &a1_path, Some(marks(&[("margin", 1)]))).await, 403, "forbidden", None).await;
    }
    assert_eq!(approver.get("/api/staff/scorecard").await.status(), 403);
}

fn upsell(title: &str, amount: i64, probability: u8, status: &str) -> Value {
    json!({ "title": title, "expected": { "amount_minor": amount, "currency": "RUB" }, "probability": probability, "status": status })
}

#[tokio::test]
async fn upsells_go_from_idea_to_won_and_the_pipeline_counts_them_per_manager() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let specialist = app.signed_in(&w.specialist_a.email, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let (a1, a2) = (w.client_a1.0, w.client_a2.0);
    let ledger = Ledger { app: &app, agency: w.a.id, by: w.a.owner.id };
    let a1_path = format!("/api/staff/clients/{a1}/upsells");

    // The manager of A1 notes an idea; it belongs to them by default.
    let idea = ok(manager.post(&a1_path, upsell("Contextual ads", 10_000_000, 50, "idea")).await, 201).await;
    assert_eq!(idea["owner"]["id"], json!(w.manager_a.id));
    assert_eq!(idea["weighted"], json!({ "amount_minor": 5_000_000, "currency": "RUB" }));
    let id = idea["id"].as_str().unwrap().to_string();
    let path = format!("/api/staff/upsells/{id}");
    refused(
        manager.send("PUT", &path, Some(upsell("Contextual ads", 10_000_000, 50, "won"))).await,
        409,
        "invalid_transition",
        Some("status"),
    )
    .await;
    refused(
        manager.post(&a1_path, upsell("Won at once", 1, 1, "won")).await,
        409,
        "invalid_transition",
        Some("status"),
    )
    .await;
    refused(
        manager.post(&a1_path, upsell("Too likely", 1, 101, "idea")).await,
        422,
        "validation_failed",
        Some("probability"),
    )
    .await;
    ok(manager.send("PUT", &path, Some(upsell("Contextual ads", 10_000_000, 60, "proposed"))).await, 200).await;
    refused(
        manager.send("PUT", &path, Some(upsell("Contextual ads", 10_000_000, 60, "lost"))).await,
        422,
        "reason_required",
        Some("lost_reason"),
    )
    .await;

    // Won: it became a contract of A1 (another client's contract is refused).
    let contract = ledger.retainer(a1, "RUB", 6_000_000).await;
    let foreign = ledger.retainer(a2, "RUB", 1_000).await;
    let mut won = upsell("Contextual ads", 10_000_000, 60, "won");
    won["contract_id"] = json!(foreign);
    refused(manager.send("PUT", &path, Some(won.clone())).await, 422, "validation_failed", Some("contract_id")).await;
    won["contract_id"] = json!(contract);
    won["closed_on"] = json!("2026-03-01");
    let done = ok(manager.send("PUT", &path, Some(won)).await, 200).await;
    assert_eq!((done["status"].as_str(), done["closed_on"].as_str()), (Some("won"), Some("2026-03-01")));
    assert_eq!(done["contract_title"], "Retainer RUB 6000000");

    // A second won upsell of A1 became a change request on its backlog.
    let second = ok(owner.post(&a1_path, upsell("Landing page", 2_000_000, 80, "proposed")).await, 201).await;
    let mut body = upsell("Landing page", 2_000_000, 80, "won");
    body["backlog_item_id"] = json!(w.items_a1[0]);
    body["closed_on"] = json!("2026-04-01");
    let second =
        ok(owner.send("PUT", &format!("/api/staff/upsells/{}", second["id"].as_str().unwrap()), Some(body)).await, 200)
            .await;
    assert_eq!(second["backlog_item"]["id"], json!(w.items_a1[0]));
    // A2 (no manager) has an open one; a lost one of A1 with its reason.
    ok(owner.post(&format!("/api/staff/clients/{a2}/upsells"), upsell("SEO", 3_000_000, 25, "proposed")).await, 201)
        .await;
    let lost = ok(owner.post(&a1_path, upsell("Photo shoot", 500_000, 10, "proposed")).await, 201).await;
    let mut body = upsell("Photo shoot", 500_000, 10, "lost");
    body["lost_reason"] = json!("No budget this year");
    body["closed_on"] = json!("2026-05-01");
    ok(owner.send("PUT", &format!("/api/staff/upsells/{}", lost["id"].as_str().unwrap()), Some(body)).await, 200).await;

    // Hand-made payments in the period: 60 000 on the won contract, 20 000 billing the won
    // change request, 40 000 from A2 unrelated to upsells; one older payment outside the period.
    ledger.paid(a1, Some(contract), None, ("RUB", 6_000_000, 1_000_000, 6_000_000), "2026-03-15").await;
    ledger.paid(a1, None, Some(w.items_a1[0]), ("RUB", 2_000_000, 1_000_000, 2_000_000), "2026-04-15").await;
    ledger.paid(a2, None, None, ("RUB", 4_000_000, 1_000_000, 4_000_000), "2026-04-20").await;
    ledger.paid(a1, Some(contract), None, ("RUB", 9_900_000, 1_000_000, 9_900_000), "2025-01-10").await;

    let period = "from=2026-01-01&to=2026-12-31";
    let board = ok(owner.get(&format!("/api/staff/pipeline?{period}")).await, 200).await;
    let share = &board["won_share"];
    assert_eq!(share["won_revenue"], json!({ "amount_minor": 8_000_000, "currency": "RUB" }));
    assert_eq!(share["paid_revenue"], json!({ "amount_minor": 12_000_000, "currency": "RUB" }));
    assert_eq!(share["share_permille"], 667, "80 000 of 120 000");
    let rows = board["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{board}");
    let mine = &rows[0];
    assert_eq!(mine["manager"]["id"], json!(w.manager_a.id));
    assert_eq!((mine["open"].clone(), mine["won"].clone(), mine["lost"].clone()), (json!(0), json!(2), json!(1)));
    assert_eq!(mine["won_value"], json!([{ "amount_minor": 12_000_000, "currency": "RUB" }]));
    let nobody = &rows[1];
    assert_eq!(nobody["manager"], Value::Null);
    assert_eq!(nobody["open"], 1);
    assert_eq!(nobody["weighted"], json!([{ "amount_minor": 750_000, "currency": "RUB" }]));
    assert_eq!(board["open"][0]["title"], "SEO");

    // A manager sees their own clients only (whatever they ask for); the owner may narrow.
    let theirs = ok(manager.get(&format!("/api/staff/pipeline?{period}&manager={}", w.a.owner.id)).await, 200).await;
    assert_eq!(theirs["rows"].as_array().unwrap().len(), 1);
    assert_eq!(theirs["won_share"]["paid_revenue"]["amount_minor"], 8_000_000, "A1's payments only");
    assert_eq!(theirs["won_share"]["share_permille"], 1000);
    let narrowed = ok(owner.get(&format!("/api/staff/pipeline?{period}&manager={}", w.manager_a.id)).await, 200).await;
    assert_eq!(narrowed["rows"], theirs["rows"]);
    let empty = ok(owner.get("/api/staff/pipeline?from=2020-01-01&to=2020-12-31").await, 200).await;
    assert_eq!(empty["won_share"]["share_permille"], Value::Null, "no payments: no share");
    refused(
        owner.get("/api/staff/pipeline?from=2026-02-01&to=2026-01-01").await,
        422,
        "validation_failed",
        Some("from"),
    )
    .await;

    // Money: specialists and contacts are refused.
    refused(specialist.get(&a1_path).await, 403, "forbidden", None).await;
    refused(specialist.post(&a1_path, upsell("X", 1, 1, "idea")).await, 403, "forbidden", None).await;
    refused(specialist.get("/api/staff/pipeline").await, 403, "forbidden", None).await;
    assert_eq!(approver.get("/api/staff/pipeline").await.status(), 403);
    assert_eq!(approver.get(&a1_path).await.status(), 403);
    let list = ok(manager.get(&a1_path).await, 200).await;
    let statuses: Vec<&str> = list["items"].as_array().unwrap().iter().map(|u| u["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["won", "won", "lost"]);
    ok(manager.send("DELETE", &path, None).await, 204).await;
    ok(manager.send("DELETE", &path, None).await, 404).await;
}

fn article(ru: &str, en: &str, body_ru: &str, body_en: &str, published: bool) -> Value {
    json!({ "title_ru": ru, "title_en": en, "body_ru": body_ru, "body_en": body_en, "published": published })
}

#[tokio::test]
async fn a_contact_reads_a_published_explainer_in_their_language_and_never_a_figure() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let specialist = app.signed_in(&w.specialist_a.email, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let other_client = app.signed_in(&w.approver_a2.email, world::PASSWORD).await;
    let owner_b = app.signed_in(&w.b.owner.email, world::PASSWORD).await;

    let ads = service(&owner, "Contextual ads", &[], &[]).await;
    let mut body = article(
        "Контекстная реклама: что входит",
        "Contextual ads: what is included",
        "## Что мы делаем\n\nВедём кампании.\n\n## Чего не делаем\n\nНе платим бюджет.<script>alert(1)</script>",
        "## What we do\n\nWe run campaigns.\n\n## What we do not do\n\nWe do not pay the budget.",
        true,
    );
    body["service_id"] = json!(ads);
    let published = ok(owner.post("/api/staff/articles", body).await, 201).await;
    assert!(published["html_ru"].as_str().unwrap().contains("<h2>Что мы делаем</h2>"));
    assert!(!published["html_ru"].as_str().unwrap().contains("<script"));
    let ru_only =
        ok(owner.post("/api/staff/articles", article("Только по-русски", "", "Текст", "", true)).await, 201).await;
    let draft = ok(owner.post("/api/staff/articles", article("Черновик", "Draft", "", "", false)).await, 201).await;
    refused(
        owner.post("/api/staff/articles", article("", "", "x", "x", true)).await,
        422,
        "validation_failed",
        Some("title_ru"),
    )
    .await;
    let foreign = ok(owner_b.post("/api/staff/articles", article("Чужое", "Foreign", "", "", true)).await, 201).await;

    // Staff read everything; only owners and admins write.
    let staff_list = ok(specialist.get("/api/staff/articles").await, 200).await;
    assert_eq!((staff_list["items"].as_array().unwrap().len(), &staff_list["can_edit"]), (3, &json!(false)));
    assert_eq!(staff_list["items"][0]["service"]["name"], "Contextual ads");
    refused(specialist.post("/api/staff/articles", article("X", "X", "", "", true)).await, 403, "forbidden", None)
        .await;
    let draft_path = format!("/api/staff/articles/{}", draft["id"].as_str().unwrap());
    ok(specialist.get(&draft_path).await, 200).await;
    refused(specialist.send("PUT", &draft_path, Some(article("X", "X", "", "", true))).await, 403, "forbidden", None)
        .await;

    // The contact reads in English; the Russian-only one falls back to Russian.
    let list = ok(approver.get("/api/portal/knowledge").await, 200).await;
    let titles: Vec<(&str, &str)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["title"].as_str().unwrap(), a["locale"].as_str().unwrap()))
        .collect();
    assert_eq!(titles, [("Contextual ads: what is included", "en"), ("Только по-русски", "ru")]);
    let one = format!("/api/portal/knowledge/{}", published["id"].as_str().unwrap());
    let read = ok(approver.get(&one).await, 200).await;
    assert!(read["html"].as_str().unwrap().contains("<h2>What we do not do</h2>"), "{read}");
    assert_eq!(read["service_name"], "Contextual ads");
    ok(approver.send("PUT", "/api/auth/locale", Some(json!({ "locale": "ru" }))).await, 200).await;
    let read = ok(approver.get(&one).await, 200).await;
    assert_eq!(
        (read["title"].as_str(), read["locale"].as_str()),
        (Some("Контекстная реклама: что входит"), Some("ru"))
    );
    assert!(!read["html"].as_str().unwrap().contains("script"));
    // Any contact of the agency reads it; a draft and another agency's are not there.
    ok(other_client.get(&one).await, 200).await;
    ok(approver.get(&format!("/api/portal/knowledge/{}", draft["id"].as_str().unwrap())).await, 404).await;
    ok(approver.get(&format!("/api/portal/knowledge/{}", foreign["id"].as_str().unwrap())).await, 404).await;
    let _ = ru_only;
    // Never a figure: no amounts, currencies or probabilities anywhere in the portal's answers.
    for path in ["/api/portal/knowledge".to_string(), one.clone()] {
        let text = approver.get(&path).await.text().await.unwrap();
        for figure in ["amount_minor", "currency", "probability", "expected", "monthly_fee"] {
            assert!(!text.contains(figure), "{path} carries {figure}: {text}");
        }
    }
    // Staff endpoints stay closed to contacts; the portal to staff.
    assert_eq!(approver.get("/api/staff/articles").await.status(), 403);
    assert_eq!(specialist.get("/api/portal/knowledge").await.status(), 403);
    ok(owner.send("DELETE", &draft_path, None).await, 204).await;
    ok(owner_b.send("DELETE", &one.replace("/portal/knowledge/", "/staff/articles/"), None).await, 404).await;
}
