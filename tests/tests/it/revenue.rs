//! Money figures as a new user meets them: a client with contracts in two currencies, invoices
//! paid in full, in part and not at all (one cancelled, one in dollars at stored rates) shows
//! the LTV, lifetime, ACV, unpaid and overdue figures computed by hand; a client with nothing
//! shows LTV 0 and "no data"; the overview lists the overdue invoice and the unsigned act in a
//! constant number of statements; ABC tiers on hand-made revenue match the hand computation,
//! a tier set by hand is marked and an owner clears it; the health score gains its money
//! signal; specialists and contacts see none of it.
//!
//! The documents are written straight to the database (the finance endpoints are another
//! part's), exactly as those endpoints store them: `base_minor` converted at the invoice's
//! rate, `paid_minor` the sum of the payments, the status following from it.

use accord_api::finance::{ClosingKind, ContractKind, ContractStatus, InvoiceStatus};
use accord_api::money::convert_minor;
use accord_api::{ClientId, ClientStatus, ClosingDocumentId, ContractId, InvoiceId, PaymentId};
use accord_entity::{clients, closing_documents, contracts, invoices, payments};
use accord_server::jobs::{self, NewJob};
use accord_server::revenue::FinanceAbc;
use accord_tests::{world, TestApp};
use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, EntityTrait};
use serde_json::{json, Value};

fn at(s: &str) -> chrono::DateTime<chrono::Utc> {
    s.parse().unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

async fn ok(res: reqwest::Response, want: u16) -> Value {
    let status = res.status().as_u16();
    let text = res.text().await.unwrap_or_default();
    assert_eq!(status, want, "{text}");
    serde_json::from_str(&text).unwrap_or(Value::String(text))
}

async fn drain(app: &TestApp) {
    while jobs::run_due(&app.state).await.unwrap() > 0 {}
}

/// Writes money documents of one agency as the finance endpoints store them.
struct Ledger<'a> {
    app: &'a TestApp,
    w: &'a world::World,
}

impl Ledger<'_> {
    async fn contract(
        &self,
        client: ClientId,
        kind: ContractKind,
        (amount, currency): (i64, &str),
        (starts, ends): (&str, Option<&str>),
        status: ContractStatus,
    ) -> ContractId {
        let tx = self.app.db.unscoped("test ledger").await.unwrap();
        let now = chrono::Utc::now();
        let row = contracts::Model {
            id: ContractId::new(),
            agency_id: self.w.a.id,
            client_id: client,
            project_id: None,
            service_id: None,
            title: format!("{kind:?} {currency}"),
            kind,
            currency: currency.into(),
            amount_minor: amount,
            starts_on: day(starts),
            ends_on: ends.map(day),
            renews_on: None,
            status,
            note: String::new(),
            created_by: self.w.a.owner.id,
            created_at: now,
            updated_at: now,
        };
        let id = row.id;
        contracts::ActiveModel::from(row).insert(tx.conn()).await.unwrap();
        tx.commit().await.unwrap();
        id
    }

    /// An invoice with its payments (day, amount in the invoice's currency).
    #[allow(clippy::too_many_arguments)]
    async fn invoice(
        &self,
        client: ClientId,
        contract: Option<ContractId>,
        number: &str,
        (amount, currency, rate): (i64, &str, i64),
        (issued, due): (&str, &str),
        paid: &[(&str, i64)],
        cancelled: bool,
    ) -> InvoiceId {
        let tx = self.app.db.unscoped("test ledger").await.unwrap();
        let now = chrono::Utc::now();
        let paid_minor: i64 = paid.iter().map(|p| p.1).sum();
        let status = if cancelled {
            InvoiceStatus::Cancelled
        } else if paid_minor == amount {
            InvoiceStatus::Paid
        } else if paid_minor > 0 {
            InvoiceStatus::PartlyPaid
        } else {
            InvoiceStatus::Issued
        };
        let id = InvoiceId::new();
        let row = invoices::Model {
            id,
            agency_id: self.w.a.id,
            client_id: client,
            contract_id: contract,
            number: number.into(),
            issued_on: day(issued),
            due_on: day(due),
            amount_minor: amount,
            currency: currency.into(),
            rate_micro: rate,
            base_minor: convert_minor(amount, currency, rate, "RUB"),
            status,
            paid_minor,
            paid_on: (status == InvoiceStatus::Paid).then(|| day(paid.last().unwrap().0)),
            note: String::new(),
            created_by: None,
            created_at: now,
            updated_at: now,
        };
        invoices::ActiveModel::from(row).insert(tx.conn()).await.unwrap();
        for (on, minor) in paid {
            let p = payments::Model {
                id: PaymentId::new(),
                agency_id: self.w.a.id,
                client_id: client,
                invoice_id: id,
                paid_on: day(on),
                amount_minor: *minor,
                base_minor: convert_minor(*minor, currency, rate, "RUB"),
                note: String::new(),
                created_by: None,
                created_at: now,
            };
            payments::ActiveModel::from(p).insert(tx.conn()).await.unwrap();
        }
        tx.commit().await.unwrap();
        id
    }

    async fn act(&self, client: ClientId, number: &str, issued: &str, signed: Option<&str>) -> ClosingDocumentId {
        let tx = self.app.db.unscoped("test ledger").await.unwrap();
        let now = chrono::Utc::now();
        let row = closing_documents::Model {
            id: ClosingDocumentId::new(),
            agency_id: self.w.a.id,
            client_id: client,
            invoice_id: None,
            contract_id: None,
            kind: ClosingKind::Act,
            number: number.into(),
            issued_on: day(issued),
            amount_minor: 5_000_000,
            currency: "RUB".into(),
            signed_on: signed.map(day),
            created_by: None,
            created_at: now,
            updated_at: now,
        };
        let id = row.id;
        closing_documents::ActiveModel::from(row).insert(tx.conn()).await.unwrap();
        tx.commit().await.unwrap();
        id
    }

    async fn set_started(&self, client: ClientId, started: Option<&str>) {
        let tx = self.app.db.unscoped("test ledger").await.unwrap();
        let mut c: clients::ActiveModel =
            clients::Entity::find_by_id(client).one(tx.conn()).await.unwrap().unwrap().into();
        c.started_on = sea_orm::ActiveValue::Set(started.map(day));
        c.ended_on = sea_orm::ActiveValue::Set(None);
        c.update(tx.conn()).await.unwrap();
        tx.commit().await.unwrap();
    }
}

const RATE_1: i64 = 1_000_000;

/// Client A1, by hand (base RUB, today 4 Dec 2026):
/// - contracts: retainer 50,000 ₽ (Jan 2026), retainer 1,000 $ (Jun 2026), a project of
///   2,000 € with no invoice (no rate: left out), an ended retainer;
/// - INV-1 50,000 ₽ paid 5 Oct; INV-2 50,000 ₽ due 10 Nov, 20,000 paid 15 Nov (overdue 30,000,
///   24 days); INV-3 1,000 $ at 90 paid 600 $ on 10 Jul (54,000 ₽) and 400 $ on 1 Aug
///   (36,000 ₽); INV-4 1,000 $ at 95.5 due 20 Dec unpaid (95,500 ₽); INV-5 70,000 ₽
///   cancelled; INV-6 10,000 ₽ paid 5 Jun 2025 (before the 12 months).
/// - LTV 50,000 + 20,000 + 54,000 + 36,000 + 10,000 = 170,000 ₽; paid 80,000 ₽ and 1,000 $;
///   12 months 160,000 ₽; unpaid 30,000 + 95,500 = 125,500 ₽ (2); overdue 30,000 ₽ (1);
///   ACV 50,000 × 12 + 1,000 × 95.5 (the dollar contract's latest rate) × 12 = 1,746,000 ₽;
///   lifetime from the first contract (1 Jan 2026) to today: 12 months.
async fn hand_made_set(app: &TestApp, w: &world::World) {
    use ContractKind::*;
    use ContractStatus::*;
    let l = Ledger { app, w };
    let a1 = w.client_a1.0;
    l.set_started(a1, None).await;
    l.set_started(w.client_a2.0, None).await;
    let rub = l.contract(a1, Retainer, (5_000_000, "RUB"), ("2026-01-01", None), Active).await;
    let usd = l.contract(a1, Retainer, (100_000, "USD"), ("2026-06-01", None), Active).await;
    l.contract(a1, Project, (200_000, "EUR"), ("2026-03-01", Some("2026-08-31")), Active).await;
    l.contract(a1, Retainer, (9_900_000, "RUB"), ("2026-02-01", None), Ended).await;
    l.invoice(
        a1,
        Some(rub),
        "INV-1",
        (5_000_000, "RUB", RATE_1),
        ("2026-10-01", "2026-10-10"),
        &[("2026-10-05", 5_000_000)],
        false,
    )
    .await;
    l.invoice(
        a1,
        Some(rub),
        "INV-2",
        (5_000_000, "RUB", RATE_1),
        ("2026-11-01", "2026-11-10"),
        &[("2026-11-15", 2_000_000)],
        false,
    )
    .await;
    l.invoice(
        a1,
        Some(usd),
        "INV-3",
        (100_000, "USD", 90_000_000),
        ("2026-07-01", "2026-07-15"),
        &[("2026-07-10", 60_000), ("2026-08-01", 40_000)],
        false,
    )
    .await;
    l.invoice(a1, Some(usd), "INV-4", (100_000, "USD", 95_500_000), ("2026-11-20", "2026-12-20"), &[], false).await;
    l.invoice(a1, None, "INV-5", (7_000_000, "RUB", RATE_1), ("2026-09-01", "2026-09-10"), &[], true).await;
    l.invoice(
        a1,
        None,
        "INV-6",
        (1_000_000, "RUB", RATE_1),
        ("2025-06-01", "2025-06-10"),
        &[("2025-06-05", 1_000_000)],
        false,
    )
    .await;
    l.act(a1, "ACT-OLD", "2026-10-01", None).await;
    l.act(a1, "ACT-SIGNED", "2026-09-01", Some("2026-09-05")).await;
    l.act(a1, "ACT-NEW", "2026-11-20", None).await;
}

fn rub(minor: i64) -> Value {
    json!({ "amount_minor": minor, "currency": "RUB" })
}

#[tokio::test]
async fn a_clients_figures_match_the_hand_computation() {
    let clock = accord_server::clock::Clock::manual(at("2026-12-04T09:00:00Z"));
    let app = accord_tests::spawn_app_with_clock(clock.clone(), |_| {}).await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    hand_made_set(&app, &w).await;

    let m = ok(manager.get(&format!("/api/staff/clients/{}/money", w.client_a1.0)).await, 200).await;
    assert_eq!(m["base_currency"], "RUB");
    assert_eq!(m["ltv"], rub(17_000_000), "{m}");
    assert_eq!(m["paid_by_currency"], json!([rub(8_000_000), { "amount_minor": 100_000, "currency": "USD" }]));
    assert_eq!(m["paid_12m"], rub(16_000_000));
    assert_eq!(m["unpaid"], json!({ "amount": rub(12_550_000), "count": 2 }));
    assert_eq!(m["overdue"], json!({ "amount": rub(3_000_000), "count": 1 }));
    assert_eq!(m["oldest_overdue_days"], 24);
    assert_eq!(m["invoices"], 5, "the cancelled invoice is not counted");
    assert_eq!(m["acv"], rub(174_600_000));
    assert_eq!((m["acv_contracts"].clone(), m["acv_unrated"].clone()), (json!(2), json!(1)));
    assert_eq!((m["lifetime_from"].clone(), m["lifetime_months"].clone()), (json!("2026-01-01"), json!(12)));
    let trend = m["trend"].as_array().unwrap();
    assert_eq!(trend.len(), 12);
    assert_eq!(trend[0], json!({ "month": "2026-01-01", "amount_minor": 0 }));
    let month =
        |mm: &str| trend.iter().find(|p| p["month"] == format!("2026-{mm}-01")).unwrap()["amount_minor"].clone();
    assert_eq!(
        [month("07"), month("08"), month("10"), month("11"), month("12")],
        [json!(5_400_000), json!(3_600_000), json!(5_000_000), json!(2_000_000), json!(0)]
    );

    // A client with nothing: LTV 0, every other figure "no data" or empty.
    let m = ok(owner.get(&format!("/api/staff/clients/{}/money", w.client_a2.0)).await, 200).await;
    assert_eq!(m["ltv"], rub(0));
    assert_eq!(m["acv"], Value::Null);
    assert_eq!(m["lifetime_months"], Value::Null);
    assert_eq!(m["oldest_overdue_days"], Value::Null);
    assert_eq!(m["paid_by_currency"], json!([]));
    assert_eq!(m["unpaid"], json!({ "amount": rub(0), "count": 0 }));
    // With a start date, the lifetime counts from it (20 May 2025 → 4 Dec 2026: 19 months begun).
    Ledger { app: &app, w: &w }.set_started(w.client_a2.0, Some("2025-05-20")).await;
    let m = ok(owner.get(&format!("/api/staff/clients/{}/money", w.client_a2.0)).await, 200).await;
    assert_eq!(m["lifetime_months"], 19);

    // The overview: totals, the overdue invoice, the act unsigned for over 30 days.
    let o = ok(owner.get("/api/staff/money").await, 200).await;
    assert_eq!(o["totals"]["paid_all_time"], rub(17_000_000), "{o}");
    assert_eq!(o["totals"]["paid_12m"], rub(16_000_000));
    assert_eq!(o["totals"]["overdue"], json!({ "amount": rub(3_000_000), "count": 1 }));
    assert_eq!(o["overdue"]["total"], 1);
    let inv = &o["overdue"]["items"][0];
    assert_eq!((inv["number"].clone(), inv["days_overdue"].clone()), (json!("INV-2"), json!(24)));
    assert_eq!(inv["remaining_base"], rub(3_000_000));
    assert_eq!(o["unsigned"]["total"], 1);
    assert_eq!(o["unsigned"]["items"][0]["number"], "ACT-OLD");
    assert_eq!(o["unsigned"]["items"][0]["days"], 64);
    assert_eq!(o["unsigned_after_days"], 30);
    assert_eq!(o["trend"].as_array().unwrap().len(), 12);

    // The health score's money signal: one invoice 24 days overdue → 10 − 2.5 = 7.5; A2 has
    // never been invoiced, so the signal is left out for it.
    let h = ok(owner.get(&format!("/api/staff/clients/{}/health", w.client_a1.0)).await, 200).await;
    let part = h["current"]["parts"].as_array().unwrap().iter().find(|p| p["key"] == "money").unwrap().clone();
    assert_eq!(part["grade"], 7.5);
    assert_eq!(part["reason"], json!({ "signal": "money", "overdue": 1, "oldest_days": 24 }));
    let h = ok(owner.get(&format!("/api/staff/clients/{}/health", w.client_a2.0)).await, 200).await;
    assert!(h["current"]["left_out"].as_array().unwrap().contains(&json!("money")), "{h}");

    // The overview takes the same statements with 40 more invoices and payments.
    let before = app.queries_for(&owner, "/api/staff/money").await;
    let before_client = app.queries_for(&owner, &format!("/api/staff/clients/{}/money", w.client_a2.0)).await;
    let l = Ledger { app: &app, w: &w };
    for i in 0..40 {
        let paid: &[(&str, i64)] = if i % 2 == 0 { &[("2026-11-02", 100)] } else { &[] };
        l.invoice(
            w.client_a2.0,
            None,
            &format!("BULK-{i}"),
            (100, "RUB", RATE_1),
            ("2026-10-01", "2026-10-15"),
            paid,
            false,
        )
        .await;
    }
    assert_eq!(app.queries_for(&owner, "/api/staff/money").await, before);
    assert_eq!(app.queries_for(&owner, &format!("/api/staff/clients/{}/money", w.client_a2.0)).await, before_client);
    // About a dozen, counting the session lookup and (on PostgreSQL) the tenant settings.
    assert!(before <= 16, "the overview takes {before} statements");
}

#[tokio::test]
async fn who_may_see_the_money() {
    let app = accord_tests::spawn_app().await;
    let w = world::build(&app).await;
    let a1 = format!("/api/staff/clients/{}/money", w.client_a1.0);
    let specialist = app.signed_in(&w.specialist_a.email, world::PASSWORD).await;
    let contact = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let other = app.signed_in(&w.b.owner.email, world::PASSWORD).await;
    for (who, path, want) in [
        (&specialist, a1.as_str(), 403),
        (&specialist, "/api/staff/money", 403),
        (&contact, a1.as_str(), 403),
        (&contact, "/api/staff/money", 403),
        (&other, a1.as_str(), 404),
        (&manager, a1.as_str(), 200),
        (&manager, "/api/staff/money", 200),
    ] {
        assert_eq!(who.get(path).await.status(), want, "{path}");
    }
    let tier_clear = format!("/api/staff/clients/{}/tier/clear", w.client_a1.0);
    assert_eq!(manager.post(&tier_clear, json!({})).await.status(), 403);
    assert_eq!(specialist.post(&tier_clear, json!({})).await.status(), 403);
    assert_eq!(contact.post(&tier_clear, json!({})).await.status(), 403);
    // The manager's overview shows only the clients they manage.
    let o = ok(manager.get("/api/staff/money").await, 200).await;
    let names: Vec<&str> = o["abc"].as_array().unwrap().iter().map(|r| r["client"]["name"].as_str().unwrap()).collect();
    assert!(names.contains(&w.client_a1.1.as_str()) && !names.contains(&w.client_a2.1.as_str()), "{names:?}");
}

/// Revenue of the last 12 months, thousands of ₽ (total 1,000): Alpha 500, Bravo 200,
/// Charlie 150, Delta 100, Echo 30, Foxtrot 20, Golf 0 (and the world's clients 0). Running
/// shares 50, 70, 85 (crosses 80: A ends), 95 (crosses 95: B ends), 98, 100: A = Alpha,
/// Bravo, Charlie; B = Delta; C = Echo, Foxtrot and everyone without revenue. A payment of
/// 2 years ago does not count.
#[tokio::test]
async fn abc_tiers_match_the_hand_computation_and_a_manual_tier_is_marked_until_cleared() {
    let clock = accord_server::clock::Clock::manual(at("2026-12-04T09:00:00Z"));
    let app = accord_tests::spawn_app_with_clock(clock.clone(), |_| {}).await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let l = Ledger { app: &app, w: &w };
    let mut ids = std::collections::HashMap::new();
    for (name, thousands) in
        [("Alpha", 500), ("Bravo", 200), ("Charlie", 150), ("Delta", 100), ("Echo", 30), ("Foxtrot", 20), ("Golf", 0)]
    {
        let c = ok(owner.post("/api/staff/clients", json!({ "name": name })).await, 201).await;
        let id: ClientId = serde_json::from_value(c["id"].clone()).unwrap();
        ids.insert(name, id);
        let minor = thousands * 100_000;
        if minor > 0 {
            // Half in dollars at a stored rate of 100 ₽, half in roubles.
            let half = minor / 2;
            let paid = [("2026-06-10", half / 100)];
            l.invoice(
                id,
                None,
                &format!("{name}-USD"),
                (half / 100, "USD", 100 * RATE_1),
                ("2026-06-01", "2026-06-30"),
                &paid,
                false,
            )
            .await;
            l.invoice(
                id,
                None,
                &format!("{name}-RUB"),
                (half, "RUB", RATE_1),
                ("2026-09-01", "2026-09-30"),
                &[("2026-09-02", half)],
                false,
            )
            .await;
        }
    }
    // Golf was paid a fortune two years ago: not in the trailing 12 months.
    l.invoice(
        ids["Golf"],
        None,
        "Golf-OLD",
        (900_000_000, "RUB", RATE_1),
        ("2024-11-01", "2024-11-30"),
        &[("2024-11-05", 900_000_000)],
        false,
    )
    .await;

    // The daily scan queues the agency's recomputation; both run.
    let tx = app.db.unscoped("test queues the ABC scan").await.unwrap();
    jobs::enqueue(&tx, NewJob::new(&FinanceAbc::default()).unwrap()).await.unwrap();
    tx.commit().await.unwrap();
    drain(&app).await;

    let o = ok(owner.get("/api/staff/money").await, 200).await;
    assert_eq!(o["abc_total_minor"], 100_000_000, "{o}");
    let row = |name: &str| o["abc"].as_array().unwrap().iter().find(|r| r["client"]["name"] == name).unwrap().clone();
    for (name, tier, cumulative) in [
        ("Alpha", "a", 50.0),
        ("Bravo", "a", 70.0),
        ("Charlie", "a", 85.0),
        ("Delta", "b", 95.0),
        ("Echo", "c", 98.0),
        ("Foxtrot", "c", 100.0),
        ("Golf", "c", 100.0),
    ] {
        let r = row(name);
        assert_eq!((r["computed"].clone(), r["tier"].clone()), (json!(tier), json!(tier)), "{name}: {r}");
        assert_eq!(r["cumulative_pct"], cumulative, "{name}");
        assert_eq!(r["overridden"], false);
    }
    assert_eq!(row("Alpha")["share_pct"], 50.0);
    assert_eq!(o["abc"][0]["client"]["name"], "Alpha", "highest first");
    assert_eq!(row(&w.client_a1.1)["computed"], "c");
    // An account manager sees their clients' tiers, never the agency's revenue behind the shares.
    let mine = ok(app.signed_in(&w.manager_a.email, world::PASSWORD).await.get("/api/staff/money").await, 200).await;
    assert_eq!(mine["abc_total_minor"], Value::Null, "{mine}");
    for r in mine["abc"].as_array().unwrap() {
        assert_eq!((r["share_pct"].clone(), r["cumulative_pct"].clone()), (Value::Null, Value::Null), "{r}");
    }
    assert!(mine["abc"].as_array().unwrap().iter().all(|r| r["client"]["name"] == w.client_a1.1.as_str()), "{mine}");

    // Echo's tier set to A by hand: marked, and the computation leaves it.
    let echo = format!("/api/staff/clients/{}", ids["Echo"]);
    let profile = ok(owner.get(&echo).await, 200).await;
    let body = json!({ "name": profile["name"], "status": ClientStatus::Active, "value_tier": "a" });
    ok(owner.send("PUT", &echo, Some(body.clone())).await, 200).await;
    let tx = app.db.unscoped("test queues the ABC job").await.unwrap();
    jobs::enqueue(&tx, NewJob::new(&FinanceAbc { agency: Some(w.a.id) }).unwrap()).await.unwrap();
    tx.commit().await.unwrap();
    drain(&app).await;
    let m = ok(owner.get(&format!("{echo}/money")).await, 200).await;
    assert_eq!(m["tier"], json!({ "tier": "a", "computed": "c", "overridden": true }));
    assert_eq!(ok(owner.get(&echo).await, 200).await["value_tier"], "a");
    // Saving the profile again with the same tier changes nothing.
    ok(owner.send("PUT", &echo, Some(body)).await, 200).await;

    // The owner clears it: the computed tier is in force again.
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    assert_eq!(manager.post(&format!("{echo}/tier/clear"), json!({})).await.status(), 404, "not their client");
    let cleared = ok(owner.post(&format!("{echo}/tier/clear"), json!({})).await, 200).await;
    assert_eq!(cleared, json!({ "tier": "c", "computed": "c", "overridden": false }));
    assert_eq!(ok(owner.get(&echo).await, 200).await["value_tier"], "c");
    // Another agency's owner finds nothing to clear.
    let b = app.signed_in(&w.b.owner.email, world::PASSWORD).await;
    assert_eq!(b.post(&format!("{echo}/tier/clear"), json!({})).await.status(), 404);
}
