//! Money documents as an agency would keep them: contracts, invoices with partial and full
//! payments, mixed currencies at stored rates, cancelled invoices, billable change requests,
//! closing documents, the CSV import (all or nothing) and export (read back by an independent
//! CSV parser), and who may see any of it.

use accord_api::money::convert_minor;
use accord_tests::{spawn_app, world, Client};
use chrono::{Duration, NaiveDate, Utc};
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

async fn refused(res: reqwest::Response, status: u16, code: &str, field: Option<&str>) -> Value {
    let err = ok(res, status).await;
    assert_eq!((err["code"].as_str(), err["field"].as_str()), (Some(code), field), "{err}");
    err
}

/// A day `n` days before today (UTC; the tests keep clear of the day's edges).
fn ago(n: i64) -> NaiveDate {
    Utc::now().date_naive() - Duration::days(n)
}

fn client_path(id: impl std::fmt::Display) -> String {
    format!("/api/staff/clients/{id}")
}

fn retainer(title: &str, fee: i64) -> Value {
    json!({ "title": title, "kind": "retainer", "amount_minor": fee, "starts_on": ago(200), "status": "active" })
}

fn invoice(number: &str, amount: i64, issued: i64, due: i64) -> Value {
    json!({ "number": number, "issued_on": ago(issued), "due_on": ago(due), "amount_minor": amount })
}

fn id(v: &Value) -> String {
    v["id"].as_str().expect("id").to_string()
}

async fn pay(c: &Client, invoice: &str, amount: i64, days_ago: i64) -> reqwest::Response {
    c.post(
        &format!("/api/staff/invoices/{invoice}/payments"),
        json!({ "paid_on": ago(days_ago), "amount_minor": amount }),
    )
    .await
}

fn unique() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..8].to_string()
}

/// The issue's new-user flow: an owner adds retainer contracts for three clients, issues
/// invoices and records a partial and a full payment; statuses, paid and remaining amounts
/// follow, and the agency's overdue list shows the unpaid one.
#[tokio::test]
async fn an_owner_issues_invoices_and_records_partial_and_full_payments() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let t = unique();

    let settings = ok(owner.get("/api/staff/finance-settings").await, 200).await;
    assert_eq!((settings["base_currency"].as_str(), settings["act_unsigned_days"].as_u64()), (Some("RUB"), Some(30)));
    assert_eq!((settings["saved"].as_bool(), settings["can_edit"].as_bool()), (Some(false), Some(true)));
    let bad = json!({ "base_currency": "RUR", "act_unsigned_days": 30 });
    refused(
        owner.send("PUT", "/api/staff/finance-settings", Some(bad)).await,
        422,
        "validation_failed",
        Some("base_currency"),
    )
    .await;
    let saved = ok(
        owner
            .send(
                "PUT",
                "/api/staff/finance-settings",
                Some(json!({ "base_currency": "rub", "act_unsigned_days": 30 })),
            )
            .await,
        200,
    )
    .await;
    assert_eq!((saved["base_currency"].as_str(), saved["saved"].as_bool()), (Some("RUB"), Some(true)));

    let third = ok(owner.post("/api/staff/clients", json!({ "name": format!("Third {t}") })).await, 201).await;
    let clients = [w.client_a1.0.to_string(), w.client_a2.0.to_string(), id(&third)];
    let mut contracts = Vec::new();
    for (i, c) in clients.iter().enumerate() {
        let fee = [3_000_000, 5_000_000, 4_000_000][i];
        let made = ok(owner.post(&format!("{}/contracts", client_path(c)), retainer("Retainer", fee)).await, 201).await;
        assert_eq!((made["currency"].as_str(), made["status"].as_str()), (Some("RUB"), Some("active")), "{made}");
        assert_eq!(made["amount_minor"], fee);
        contracts.push(id(&made));
    }
    // A contract ending before it starts is refused, naming the field.
    let mut wrong = retainer("Backwards", 1);
    wrong["ends_on"] = json!(ago(300));
    refused(
        owner.post(&format!("{}/contracts", client_path(&clients[0])), wrong).await,
        422,
        "validation_failed",
        Some("ends_on"),
    )
    .await;

    // One invoice per client: A1 paid in two parts, A2 paid at once, the third unpaid and overdue.
    let mut invoices = Vec::new();
    for (i, c) in clients.iter().enumerate() {
        let mut body = invoice(&format!("{t}-{i}"), [3_000_000, 5_000_000, 4_000_000][i], 40, 30);
        body["contract_id"] = json!(contracts[i]);
        let made = ok(owner.post(&format!("{}/invoices", client_path(c)), body).await, 201).await;
        assert_eq!(made["status"], "issued");
        assert_eq!(
            (made["remaining_minor"].as_i64(), made["overdue"].as_bool()),
            (made["amount_minor"].as_i64(), Some(true))
        );
        assert_eq!(made["contract_title"], "Retainer");
        invoices.push(id(&made));
    }
    let partly = ok(pay(&owner, &invoices[0], 1_000_000, 20).await, 201).await;
    assert_eq!(partly["status"], "partly_paid");
    assert_eq!((partly["paid_minor"].as_i64(), partly["remaining_minor"].as_i64()), (Some(1_000_000), Some(2_000_000)));
    assert_eq!(partly["paid_on"], Value::Null);
    assert_eq!(partly["overdue"], true, "partly paid past its due date is still overdue");
    let paid = ok(pay(&owner, &invoices[0], 2_000_000, 10).await, 201).await;
    assert_eq!(paid["status"], "paid");
    assert_eq!((paid["paid_minor"].as_i64(), paid["remaining_minor"].as_i64()), (Some(3_000_000), Some(0)));
    assert_eq!(paid["paid_on"], json!(ago(10)), "paid on the day of the payment that completed it");
    assert_eq!(paid["overdue"], false);
    assert_eq!(paid["payments"].as_array().unwrap().len(), 2);
    let full = ok(pay(&owner, &invoices[1], 5_000_000, 25).await, 201).await;
    assert_eq!((full["status"].as_str(), full["paid_on"].clone()), (Some("paid"), json!(ago(25))));

    // A client's invoices; the contract now has one, so it stays.
    let list = ok(owner.get(&format!("{}/invoices", client_path(&clients[0]))).await, 200).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    let cs = ok(owner.get(&format!("{}/contracts", client_path(&clients[0]))).await, 200).await;
    assert_eq!(cs[0]["invoice_count"], 1);
    refused(owner.send("DELETE", &format!("/api/staff/contracts/{}", contracts[0]), None).await, 409, "conflict", None)
        .await;
    let spare =
        ok(owner.post(&format!("{}/contracts", client_path(&clients[0])), retainer("Spare", 1)).await, 201).await;
    ok(owner.send("DELETE", &format!("/api/staff/contracts/{}", id(&spare)), None).await, 204).await;

    // The agency's overdue list shows the unpaid invoice only; deleting a payment reopens one.
    let overdue = ok(owner.get("/api/staff/invoices?overdue=true&per_page=100").await, 200).await;
    let numbers: Vec<&str> =
        overdue["items"].as_array().unwrap().iter().map(|i| i["number"].as_str().unwrap()).collect();
    assert_eq!(numbers, vec![format!("{t}-2")], "{overdue}");
    let paid_list = ok(owner.get(&format!("/api/staff/invoices?status=paid&client={}", clients[1])).await, 200).await;
    assert_eq!(paid_list["total"], 1);
    let payment = paid["payments"][1]["id"].as_str().unwrap().to_string();
    let reopened = ok(owner.send("DELETE", &format!("/api/staff/payments/{payment}"), None).await, 200).await;
    assert_eq!((reopened["status"].as_str(), reopened["paid_minor"].as_i64()), (Some("partly_paid"), Some(1_000_000)));
    assert_eq!(reopened["paid_on"], Value::Null);
    let all = ok(owner.get("/api/staff/invoices?per_page=2").await, 200).await;
    assert_eq!((all["total"].as_u64(), all["items"].as_array().unwrap().len()), (Some(3), 2));
}

/// Invoices in other currencies carry their rate (required; 1 in the base currency); the
/// invoice and each payment are converted exactly as `convert_minor` does, and a new rate
/// converts them again. The currency is fixed once paid into.
#[tokio::test]
async fn mixed_currencies_are_converted_at_the_rate_stored_on_each_invoice() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let a1 = client_path(w.client_a1.0);
    let t = unique();

    let mut usd = invoice(&format!("{t}-usd"), 123_457, 20, 5);
    usd["currency"] = json!("usd");
    refused(owner.post(&format!("{a1}/invoices"), usd.clone()).await, 422, "validation_failed", Some("rate")).await;
    usd["rate"] = json!("92,123456");
    let made = ok(owner.post(&format!("{a1}/invoices"), usd.clone()).await, 201).await;
    assert_eq!((made["currency"].as_str(), made["rate_micro"].as_i64()), (Some("USD"), Some(92_123_456)));
    assert_eq!(made["rate"], "92.123456");
    let base = convert_minor(123_457, "USD", 92_123_456, "RUB");
    assert_eq!(base, 11_373_286, "1234.57 USD × 92.123456 = 113732.85507392 ₽ → 113732.86");
    assert_eq!((made["base_minor"].as_i64(), made["base_currency"].as_str()), (Some(base), Some("RUB")));
    let inv = id(&made);
    let paid = ok(pay(&owner, &inv, 100_001, 3).await, 201).await;
    assert_eq!(paid["payments"][0]["base_minor"], convert_minor(100_001, "USD", 92_123_456, "RUB"));
    assert_eq!(paid["payments"][0]["currency"], "USD");

    // A new rate converts the invoice and its payment again; the currency cannot change now.
    usd["rate"] = json!("90");
    let changed = ok(owner.send("PUT", &format!("/api/staff/invoices/{inv}"), Some(usd.clone())).await, 200).await;
    assert_eq!(changed["base_minor"], convert_minor(123_457, "USD", 90_000_000, "RUB"));
    assert_eq!(changed["payments"][0]["base_minor"], 9_000_090);
    assert_eq!(changed["status"], "partly_paid");
    let mut eur = usd.clone();
    eur["currency"] = json!("EUR");
    refused(owner.send("PUT", &format!("/api/staff/invoices/{inv}"), Some(eur)).await, 409, "conflict", None).await;
    let mut below = usd.clone();
    below["amount_minor"] = json!(100_000);
    refused(
        owner.send("PUT", &format!("/api/staff/invoices/{inv}"), Some(below)).await,
        422,
        "validation_failed",
        Some("amount_minor"),
    )
    .await;

    // Yen have no minor units: 1500 JPY at 0.61 ₽ = 915.00 ₽. The base currency needs no rate.
    let mut jpy = invoice(&format!("{t}-jpy"), 1500, 20, 5);
    (jpy["currency"], jpy["rate"]) = (json!("JPY"), json!("0.61"));
    let made = ok(owner.post(&format!("{a1}/invoices"), jpy).await, 201).await;
    assert_eq!(made["base_minor"], 91_500);
    let mut rub = invoice(&format!("{t}-rub"), 777, 20, 5);
    rub["rate"] = json!("55");
    let made = ok(owner.post(&format!("{a1}/invoices"), rub).await, 201).await;
    assert_eq!((made["rate_micro"].as_i64(), made["base_minor"].as_i64()), (Some(1_000_000), Some(777)));
    let mut unknown = invoice(&format!("{t}-xyz"), 1, 2, 1);
    (unknown["currency"], unknown["rate"]) = (json!("XYZ"), json!("1"));
    refused(owner.post(&format!("{a1}/invoices"), unknown).await, 422, "validation_failed", Some("currency")).await;
}

/// A cancelled invoice takes no payments and drops out of what is owed; one with payments
/// cannot be cancelled; a payment over what remains and a number used anywhere in the agency
/// are refused.
#[tokio::test]
async fn cancelled_invoices_overpayments_and_duplicate_numbers() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let a1 = client_path(w.client_a1.0);
    let t = unique();

    let inv =
        id(&ok(owner.post(&format!("{a1}/invoices"), invoice(&format!("{t}-1"), 1_000_000, 30, 20)).await, 201).await);
    refused(pay(&owner, &inv, 1_000_001, 1).await, 422, "validation_failed", Some("amount_minor")).await;
    refused(pay(&owner, &inv, 0, 1).await, 422, "validation_failed", Some("amount_minor")).await;
    refused(pay(&owner, &inv, 1, -3).await, 422, "validation_failed", Some("paid_on")).await;
    let part = ok(pay(&owner, &inv, 400_000, 1).await, 201).await;
    refused(pay(&owner, &inv, 600_001, 1).await, 422, "validation_failed", Some("amount_minor")).await;
    refused(owner.post(&format!("/api/staff/invoices/{inv}/cancel"), json!({})).await, 409, "conflict", None).await;
    let payment = part["payments"][0]["id"].as_str().unwrap().to_string();
    ok(owner.send("DELETE", &format!("/api/staff/payments/{payment}"), None).await, 200).await;
    let cancelled = ok(owner.post(&format!("/api/staff/invoices/{inv}/cancel"), json!({})).await, 200).await;
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!((cancelled["remaining_minor"].as_i64(), cancelled["overdue"].as_bool()), (Some(0), Some(false)));
    refused(pay(&owner, &inv, 1, 1).await, 409, "conflict", None).await;
    let again = invoice(&format!("{t}-1"), 5, 3, 1);
    refused(owner.send("PUT", &format!("/api/staff/invoices/{inv}"), Some(again)).await, 409, "conflict", None).await;
    let overdue = ok(owner.get(&format!("/api/staff/invoices?overdue=true&client={}", w.client_a1.0)).await, 200).await;
    assert_eq!(overdue["total"], 0, "a cancelled invoice is not overdue");
    let listed = ok(owner.get("/api/staff/invoices?status=cancelled").await, 200).await;
    assert_eq!(listed["total"], 1);

    // Numbers are unique in the agency (another client's invoice too), not across agencies.
    let a2 = client_path(w.client_a2.0);
    let dup = owner.post(&format!("{a2}/invoices"), invoice(&format!("{t}-1"), 10, 3, 1)).await;
    refused(dup, 409, "already_exists", Some("number")).await;
    let owner_b = app.signed_in(&w.b.owner.email, world::PASSWORD).await;
    ok(
        owner_b.post(&format!("{}/invoices", client_path(w.client_b1.0)), invoice(&format!("{t}-1"), 10, 3, 1)).await,
        201,
    )
    .await;
    // Due before issue, zero amount.
    refused(
        owner.post(&format!("{a1}/invoices"), invoice(&format!("{t}-2"), 10, 3, 4)).await,
        422,
        "validation_failed",
        Some("due_on"),
    )
    .await;
    refused(
        owner.post(&format!("{a1}/invoices"), invoice(&format!("{t}-2"), 0, 3, 1)).await,
        422,
        "validation_failed",
        Some("amount_minor"),
    )
    .await;
}

/// A change request the client approved, with its price, is billable until an invoice bills it
/// (at the frozen price); a second invoice cannot bill it again; cancelling the invoice makes
/// it billable once more.
#[tokio::test]
async fn an_approved_change_request_is_billable_until_invoiced() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let a1 = client_path(w.client_a1.0);
    let t = unique();
    let backlog = format!("{a1}/projects/{}/backlog", w.project_a1);
    let cr = ok(
        manager
            .post(
                &backlog,
                json!({ "title": format!("CRM sync {t}"), "priority": "normal", "source": "client_request",
                "change_request": true, "price": { "amount_minor": 4_500_000, "currency": "RUB" }, "propose": true }),
            )
            .await,
        201,
    )
    .await;
    let item = id(&cr);
    let billable = ok(manager.get(&format!("{a1}/billable")).await, 200).await;
    assert!(billable.as_array().unwrap().is_empty(), "not approved yet: {billable}");
    ok(
        approver
            .post(&format!("/api/portal/backlog/{item}/decision"), json!({ "decision": "approved", "version": 1 }))
            .await,
        200,
    )
    .await;
    let billable = ok(manager.get(&format!("{a1}/billable")).await, 200).await;
    assert_eq!(billable.as_array().unwrap().len(), 1, "{billable}");
    assert_eq!(
        (billable[0]["price_minor"].as_i64(), billable[0]["status"].as_str()),
        (Some(4_500_000), Some("agreed"))
    );

    let body =
        json!({ "number": format!("{t}-cr"), "issued_on": ago(1), "due_on": ago(0), "backlog_item_ids": [item] });
    let inv = ok(manager.post(&format!("{a1}/invoices"), body).await, 201).await;
    assert_eq!(inv["amount_minor"], 4_500_000, "the amount is the billed prices when left out");
    assert_eq!(inv["billed_items"][0]["title"], format!("CRM sync {t}"));
    let billable = ok(manager.get(&format!("{a1}/billable")).await, 200).await;
    assert!(billable.as_array().unwrap().is_empty(), "billed: {billable}");
    let twice = json!({ "number": format!("{t}-cr2"), "issued_on": ago(1), "due_on": ago(0), "amount_minor": 5,
        "backlog_item_ids": [item] });
    refused(manager.post(&format!("{a1}/invoices"), twice).await, 409, "conflict", Some("backlog_item_ids")).await;
    let idea = json!({ "number": format!("{t}-cr3"), "issued_on": ago(1), "due_on": ago(0),
        "backlog_item_ids": [w.items_a1[0]] });
    refused(manager.post(&format!("{a1}/invoices"), idea).await, 422, "validation_failed", Some("backlog_item_ids"))
        .await;
    let empty = json!({ "number": format!("{t}-cr4"), "issued_on": ago(1), "due_on": ago(0) });
    refused(manager.post(&format!("{a1}/invoices"), empty).await, 422, "validation_failed", Some("amount_minor")).await;
    ok(manager.post(&format!("/api/staff/invoices/{}/cancel", id(&inv)), json!({})).await, 200).await;
    let billable = ok(manager.get(&format!("{a1}/billable")).await, 200).await;
    assert_eq!(billable.as_array().unwrap().len(), 1, "billable again after the cancel: {billable}");
}

/// Acts and УПД: unsigned longer than the agency's limit is flagged; signing clears it; a
/// signing date before the issue or in the future is refused; a longer limit clears the flag.
#[tokio::test]
async fn an_unsigned_act_is_flagged_after_the_agencys_limit() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let a1 = client_path(w.client_a1.0);
    let inv = ok(owner.post(&format!("{a1}/invoices"), invoice(&unique(), 100_000, 50, 40)).await, 201).await;
    let act = json!({ "kind": "act", "number": "A-1", "issued_on": ago(45), "amount_minor": 100_000,
        "invoice_id": id(&inv) });
    let made = ok(owner.post(&format!("{a1}/documents"), act.clone()).await, 201).await;
    // 45 days in UTC; the agency's zone may already be a day further.
    assert_eq!(made["unsigned_too_long"], true);
    assert!(matches!(made["unsigned_days"].as_u64(), Some(45 | 46)), "{made}");
    assert_eq!((made["currency"].as_str(), made["invoice_number"].clone()), (Some("RUB"), inv["number"].clone()));
    let listed = ok(owner.get(&format!("{a1}/invoices")).await, 200).await;
    assert_eq!(listed[0]["closing_documents"], 1);
    let doc = format!("/api/staff/documents/{}", id(&made));
    let mut bad = act.clone();
    bad["signed_on"] = json!(ago(46));
    refused(owner.send("PUT", &doc, Some(bad.clone())).await, 422, "validation_failed", Some("signed_on")).await;
    bad["signed_on"] = json!(ago(-2));
    refused(owner.send("PUT", &doc, Some(bad)).await, 422, "validation_failed", Some("signed_on")).await;
    let mut signed = act.clone();
    signed["signed_on"] = json!(ago(2));
    let done = ok(owner.send("PUT", &doc, Some(signed)).await, 200).await;
    assert_eq!((done["unsigned_too_long"].as_bool(), done["unsigned_days"].clone()), (Some(false), Value::Null));
    let upd = json!({ "kind": "upd", "number": "U-1", "issued_on": ago(45), "amount_minor": 5 });
    ok(owner.post(&format!("{a1}/documents"), upd).await, 201).await;
    let settings = json!({ "base_currency": "RUB", "act_unsigned_days": 60 });
    ok(owner.send("PUT", "/api/staff/finance-settings", Some(settings)).await, 200).await;
    let docs = ok(owner.get(&format!("{a1}/documents")).await, 200).await;
    assert!(docs.as_array().unwrap().iter().all(|d| d["unsigned_too_long"] == false), "{docs}");
    let mut elsewhere = act;
    elsewhere["invoice_id"] = json!(uuid::Uuid::new_v4());
    refused(owner.post(&format!("{a1}/documents"), elsewhere).await, 422, "validation_failed", Some("invoice_id"))
        .await;
}

async fn import(c: &Client, csv: &str) -> reqwest::Response {
    c.post("/api/staff/invoices/import", json!({ "csv": csv })).await
}

/// The import stores nothing unless every row is good (errors name the row and the column),
/// refuses numbers stored already, and takes several payments per invoice; the export writes
/// the same columns, defuses formula-looking cells, parses with an independent CSV reader, and
/// reads back into the same invoices.
#[tokio::test]
async fn the_import_is_all_or_nothing_and_the_export_reads_back() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let t = unique();
    let a1 = &w.client_a1.1;
    let formula = format!("=HYPERLINK(\"x\") {t}");
    let odd = ok(owner.post("/api/staff/clients", json!({ "name": formula.clone() })).await, 201).await;
    ok(owner.post(&format!("{}/contracts", client_path(w.client_a1.0)), retainer("Main; \"SEO\"", 5)).await, 201).await;

    let bad = format!(
        "client,number,issued_on,due_on,amount,currency,rate,contract,status,paid_on,paid_amount\n\
         {a1},{t}-1,2025-01-10,2025-01-20,\"30 000,50\",,,\"Main; \"\"SEO\"\"\",,2025-01-15,10000\n\
         {a1},{t}-2,2025-01-10,2025-01-20,100,USD,,,,,\n\
         Nobody {t},{t}-3,10.01.2025,20.01.2025,100,,,,,,\n\
         {a1},{t}-4,2025-01-10,2025-01-20,100,,,,,2025-01-15,\n"
    );
    let err = refused(import(&owner, &bad).await, 422, "import_rejected", None).await;
    let rows: Vec<(u64, &str)> = err["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["row"].as_u64().unwrap(), r["field"].as_str().unwrap()))
        .collect();
    assert_eq!(rows, vec![(2, "rate"), (3, "client"), (4, "paid_amount")], "{err}");
    let none = ok(owner.get("/api/staff/invoices").await, 200).await;
    assert_eq!(none["total"], 0, "nothing was imported");

    // A `;` file (as Russian spreadsheets write it), a cell with `;` and quotes in it quoted.
    let good = {
        let mut wtr = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
        let (n1, n2, n3) = (format!("{t}-1"), format!("{t}-2"), format!("{t}-3"));
        let main = "Main; \"SEO\"";
        for r in [
            vec![
                "client",
                "number",
                "issued_on",
                "due_on",
                "amount",
                "currency",
                "rate",
                "contract",
                "status",
                "paid_on",
                "paid_amount",
            ],
            vec![
                a1.as_str(),
                n1.as_str(),
                "2025-01-10",
                "2025-01-20",
                "30 000,50",
                "",
                "",
                main,
                "",
                "2025-01-15",
                "10000",
            ],
            vec![
                a1.as_str(),
                n1.as_str(),
                "2025-01-10",
                "2025-01-20",
                "30 000,50",
                "",
                "",
                main,
                "",
                "2025-01-25",
                "20000.50",
            ],
            vec![
                a1.as_str(),
                n2.as_str(),
                "2025-02-10",
                "2025-02-20",
                "100",
                "usd",
                "92.5",
                "",
                "",
                "2025-02-11",
                "40",
            ],
            vec![
                formula.as_str(),
                n3.as_str(),
                "10.03.2025",
                "20.03.2025",
                "1500",
                "JPY",
                "0.61",
                "",
                "cancelled",
                "",
                "",
            ],
        ] {
            wtr.write_record(r).unwrap();
        }
        String::from_utf8(wtr.into_inner().unwrap()).unwrap()
    };
    let done = ok(import(&owner, &good).await, 200).await;
    assert_eq!((done["invoices"].as_u64(), done["payments"].as_u64()), (Some(3), Some(3)), "{done}");
    let again = refused(import(&owner, &good).await, 422, "import_rejected", None).await;
    assert_eq!(again["rows"][0]["field"], "number", "numbers stored already: {again}");

    let list = ok(owner.get("/api/staff/invoices?per_page=10").await, 200).await;
    let by_number = |n: &str| list["items"].as_array().unwrap().iter().find(|i| i["number"] == n).cloned().unwrap();
    let first = by_number(&format!("{t}-1"));
    assert_eq!((first["status"].as_str(), first["paid_minor"].as_i64()), (Some("paid"), Some(3_000_050)));
    assert_eq!(
        (first["paid_on"].as_str(), first["contract_title"].as_str()),
        (Some("2025-01-25"), Some("Main; \"SEO\""))
    );
    let second = by_number(&format!("{t}-2"));
    assert_eq!((second["status"].as_str(), second["base_minor"].as_i64()), (Some("partly_paid"), Some(925_000)));
    let third = by_number(&format!("{t}-3"));
    assert_eq!((third["status"].as_str(), third["client_id"].as_str()), (Some("cancelled"), odd["id"].as_str()));

    // The export: the import's columns, one row per payment, formulas defused.
    let res = owner.get("/api/staff/invoices/export.csv").await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let text = res.text().await.unwrap();
    let mut rdr = csv::ReaderBuilder::new().from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header, accord_api::finance::INVOICE_CSV_COLUMNS.to_vec());
    let rows: Vec<Vec<String>> =
        rdr.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect::<Vec<_>>();
    assert_eq!(rows.len(), 4, "{text}");
    let row = |n: &str, paid_on: &str| {
        rows.iter().find(|r| r[1] == n && r[9] == paid_on).unwrap_or_else(|| panic!("{n} {paid_on}: {text}")).clone()
    };
    assert_eq!(
        row(&format!("{t}-1"), "2025-01-25"),
        [
            a1,
            &format!("{t}-1"),
            "2025-01-10",
            "2025-01-20",
            "30000.50",
            "RUB",
            "1",
            "Main; \"SEO\"",
            "paid",
            "2025-01-25",
            "20000.50"
        ]
        .map(String::from)
        .to_vec()
    );
    assert_eq!(row(&format!("{t}-2"), "2025-02-11")[4..7], ["100.00", "USD", "92.5"].map(String::from));
    let cancelled = row(&format!("{t}-3"), "");
    assert_eq!(cancelled[0], format!("'{formula}"), "a formula-looking cell is defused");
    assert_eq!(cancelled[4..9], ["1500", "JPY", "0.61", "", "cancelled"].map(String::from));

    // Read back: the same file with new numbers makes the same invoices.
    let mut wtr = csv::Writer::from_writer(Vec::new());
    wtr.write_record(&header).unwrap();
    for r in &rows {
        let mut r = r.clone();
        r[1] = format!("B{}", r[1]);
        wtr.write_record(&r).unwrap();
    }
    let back = String::from_utf8(wtr.into_inner().unwrap()).unwrap();
    let done = ok(import(&owner, &back).await, 200).await;
    assert_eq!((done["invoices"].as_u64(), done["payments"].as_u64()), (Some(3), Some(3)));
    let list = ok(owner.get("/api/staff/invoices?per_page=10").await, 200).await;
    let items = list["items"].as_array().unwrap();
    for n in ["1", "2", "3"] {
        let a = items.iter().find(|i| i["number"] == format!("{t}-{n}")).unwrap();
        let b = items.iter().find(|i| i["number"] == format!("B{t}-{n}")).unwrap();
        for k in [
            "client_id",
            "issued_on",
            "due_on",
            "amount_minor",
            "currency",
            "rate_micro",
            "base_minor",
            "status",
            "paid_minor",
            "paid_on",
            "contract_id",
        ] {
            assert_eq!(a[k], b[k], "{k} of {n}");
        }
    }
    // Only owners and admins import.
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    refused(import(&manager, &back).await, 403, "forbidden", None).await;
}

/// Money is for owners, admins and the client's account manager: specialists are refused every
/// money endpoint, another manager does not find the client, contacts get 403, and the
/// agency-wide list of a manager holds only their clients.
#[tokio::test]
async fn money_is_only_for_those_who_manage_the_client() {
    let app = spawn_app().await;
    let mut w = world::build(&app).await;
    world::add_insiders(&app, &mut w, 0).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let specialist = app.signed_in(&w.specialist_a.email, world::PASSWORD).await;
    let other = app.signed_in(&w.insiders.as_ref().unwrap().other_manager_a.email, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let a1 = client_path(w.client_a1.0);
    let t = unique();

    let inv = ok(manager.post(&format!("{a1}/invoices"), invoice(&format!("{t}-a1"), 100, 3, 1)).await, 201).await;
    ok(
        owner.post(&format!("{}/invoices", client_path(w.client_a2.0)), invoice(&format!("{t}-a2"), 100, 3, 1)).await,
        201,
    )
    .await;
    for path in [
        format!("{a1}/invoices"),
        format!("{a1}/contracts"),
        format!("{a1}/documents"),
        format!("{a1}/billable"),
        "/api/staff/invoices".to_string(),
        "/api/staff/invoices/export.csv".to_string(),
        "/api/staff/finance-settings".to_string(),
    ] {
        refused(specialist.get(&path).await, 403, "forbidden", None).await;
        refused(approver.get(&path).await, 403, "forbidden", None).await;
    }
    refused(pay(&specialist, &id(&inv), 1, 1).await, 403, "forbidden", None).await;
    refused(other.get(&format!("{a1}/invoices")).await, 404, "not_found", None).await;
    refused(pay(&other, &id(&inv), 1, 1).await, 404, "not_found", None).await;
    refused(other.get(&format!("/api/staff/invoices?client={}", w.client_a1.0)).await, 404, "not_found", None).await;
    let theirs = ok(other.get("/api/staff/invoices").await, 200).await;
    let numbers: Vec<&str> =
        theirs["items"].as_array().unwrap().iter().map(|i| i["number"].as_str().unwrap()).collect();
    assert_eq!(numbers, vec![format!("{t}-a2")]);
    let mine = ok(manager.get("/api/staff/invoices").await, 200).await;
    assert_eq!(mine["total"], 1);
    let all = ok(owner.get("/api/staff/invoices").await, 200).await;
    assert_eq!(all["total"], 2);
    let by_manager = ok(owner.get(&format!("/api/staff/invoices?manager={}", w.manager_a.id)).await, 200).await;
    assert_eq!(by_manager["items"][0]["number"], format!("{t}-a1"));
    assert_eq!(by_manager["total"], 1);
    let settings = ok(manager.get("/api/staff/finance-settings").await, 200).await;
    assert_eq!(settings["can_edit"], false);
    let put = json!({ "base_currency": "EUR", "act_unsigned_days": 10 });
    refused(manager.send("PUT", "/api/staff/finance-settings", Some(put)).await, 403, "forbidden", None).await;
}

/// The demo agency's first run shows money: a retainer, invoices paid, partly paid and overdue
/// (one in euros at its rate), and an act unsigned for too long.
#[tokio::test]
async fn the_demo_client_has_contracts_invoices_and_acts() {
    use accord_server::seed::{DEMO_LOGINS, DEMO_PASSWORD};
    let app = accord_tests::spawn_app_with(|s| s.seed_demo = true).await;
    let manager = app.signed_in(DEMO_LOGINS[2].email, DEMO_PASSWORD).await;
    let clients = ok(manager.get("/api/staff/clients").await, 200).await;
    let a = client_path(clients["items"][0]["id"].as_str().unwrap());
    let contracts = ok(manager.get(&format!("{a}/contracts")).await, 200).await;
    assert_eq!((contracts[0]["kind"].as_str(), contracts[0]["invoice_count"].as_u64()), (Some("retainer"), Some(6)));
    let invoices = ok(manager.get(&format!("{a}/invoices")).await, 200).await;
    let invoices = invoices.as_array().unwrap();
    let count = |f: &dyn Fn(&Value) -> bool| invoices.iter().filter(|i| f(i)).count();
    assert_eq!(invoices.len(), 7);
    assert_eq!(count(&|i| i["status"] == "paid"), 4);
    assert_eq!(count(&|i| i["status"] == "partly_paid"), 1);
    assert_eq!(count(&|i| i["overdue"] == true), 2, "the partly paid one and the unpaid one");
    assert_eq!(count(&|i| i["currency"] == "EUR" && i["base_minor"] == 3_015_000), 1);
    let docs = ok(manager.get(&format!("{a}/documents")).await, 200).await;
    let docs = docs.as_array().unwrap();
    assert_eq!(docs.len(), 3);
    assert_eq!(docs.iter().filter(|d| d["unsigned_too_long"] == true).count(), 1);
}
