//! Money in the browser, as an owner meets it: A1's Money tab starts with LTV 0 and "no data"
//! for ACV; the owner adds a 50 000 ₽ retainer (ACV 600 000 ₽), issues an invoice for it from
//! the contract, records a partial payment and then the rest (LTV 50 000 ₽, nothing unpaid),
//! issues a second invoice already past its due date (30 000 ₽ unpaid and overdue), adds a
//! closing act left unsigned too long and one signed on the spot. The agency's money page shows
//! the overdue invoice (its client links to the Money tab), the unsigned act, the ABC table
//! (A1 in A after a 10 000 ₽ client imported from CSV, which lands in B; a bad CSV row is
//! refused with its row and column), every invoice with the overdue filter, and the finance
//! settings. The Money tab and the money page are photographed in English and Russian.

use accord_tests::{browser, world, TestApp};
use chrono::{Days, Utc};
use serde_json::Value;

async fn drain(app: &TestApp) {
    while accord_server::jobs::run_due(&app.state).await.unwrap() > 0 {}
}

fn day(days_ago: u64) -> String {
    (Utc::now().date_naive() - Days::new(days_ago)).format("%Y-%m-%d").to_string()
}

/// The `data-minor` of the Money tab's figure `kind`, once it reads `want`.
async fn figure(b: &browser::Browser, kind: &str, want: &str) {
    b.wait_for(&format!("#money-figures .money-figure[data-kind='{kind}'][data-minor='{want}']")).await;
}

#[tokio::test]
async fn an_owner_invoices_a_retainer_records_payments_and_sees_the_money() {
    let Some((app, w, b)) = browser::with_world().await else { return };
    let (a1, a2) = (w.client_a1.0, w.client_a2.0);
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    b.sign_in_via_form(&app, &w.a.owner.email, world::PASSWORD).await;

    // Nothing yet: LTV is 0, ACV has no data (never 0), no invoices.
    b.goto(&format!("/app/clients/{a1}")).await;
    b.click("#client-tabs a.tab-money").await;
    b.wait_for_path(&format!("/app/clients/{a1}/money")).await;
    figure(&b, "ltv", "0").await;
    b.wait_for_text("#money-figures .money-figure[data-kind='acv'] .figure-value", "no data").await;
    b.assert_absent("#money-figures .money-figure[data-kind='acv'][data-minor]").await;
    b.wait_for_text("#money-figures .money-figure[data-kind='unpaid'] .figure-value", "no data").await;
    b.wait_for("#money-contracts .empty-state").await;
    b.wait_for("#money-invoices .empty-state").await;

    // A retainer of 50 000 ₽ a month since three months ago.
    b.fill("#contract-title", "SEO retainer").await;
    b.select("#contract-kind", "retainer").await;
    b.fill("#contract-amount", "50 000").await;
    b.select("#contract-starts", &day(90)).await;
    b.select("#contract-status", "active").await;
    b.click("#contract-submit").await;
    b.wait_for("#contracts-table tr.contract-row[data-kind='retainer'][data-status='active']").await;
    figure(&b, "acv", "60000000").await;

    // An invoice for it: picking the contract fills the amount.
    let contract = b.texts("#contracts-table tr.contract-row").await;
    assert_eq!(contract.len(), 1, "{contract:?}");
    b.wait_for("#invoice-contract option:not([value=''])").await;
    let contract_id = match b
        .driver()
        .execute("return document.querySelector('#invoice-contract option:not([value=\"\"])').value;", vec![])
        .await
    {
        Ok(Value::String(id)) => id,
        other => panic!("no contract to pick: {other:?}"),
    };
    b.select("#invoice-contract", &contract_id).await;
    b.wait_for_value("#invoice-amount", "50000").await;
    b.fill("#invoice-number", "A-001").await;
    b.click("#invoice-submit").await;
    b.wait_for("#invoices-table tr.invoice-row[data-number='A-001'][data-status='issued']").await;
    figure(&b, "unpaid", "5000000").await;

    // A partial payment, then the rest.
    b.click("#invoices-table tr.invoice-row[data-number='A-001'] button.pay-invoice").await;
    b.wait_for(".payment-form .payment-remaining[data-remaining='5000000']").await;
    b.fill("#payment-amount", "20000").await;
    b.click("#payment-submit").await;
    b.wait_for("#invoices-table tr.invoice-row[data-number='A-001'][data-status='partly_paid']").await;
    figure(&b, "ltv", "2000000").await;
    figure(&b, "unpaid", "3000000").await;
    b.click("#invoices-table tr.invoice-row[data-number='A-001'] button.pay-invoice").await;
    b.wait_for(".payment-form .payment-remaining[data-remaining='3000000']").await;
    // More than what remains is stopped before it is sent.
    b.fill("#payment-amount", "40000").await;
    b.wait_for(".payment-form .form-error").await;
    b.click(".payment-form button.pay-rest").await;
    b.wait_for_value("#payment-amount", "30000").await;
    b.click("#payment-submit").await;
    b.wait_for("#invoices-table tr.invoice-row[data-number='A-001'][data-status='paid']").await;
    figure(&b, "ltv", "5000000").await;
    figure(&b, "unpaid", "0").await;
    b.wait_for("#money-figures .money-figure[data-kind='lifetime'][data-minor]").await;

    // A second invoice, due a month ago and unpaid.
    b.fill("#invoice-number", "A-002").await;
    b.fill("#invoice-amount", "30 000").await;
    b.select("#invoice-issued", &day(40)).await;
    b.select("#invoice-due", &day(30)).await;
    b.click("#invoice-submit").await;
    b.wait_for("#invoices-table tr.invoice-row[data-number='A-002'][data-overdue='true'] .overdue-marker").await;
    figure(&b, "overdue", "3000000").await;
    figure(&b, "unpaid", "3000000").await;

    // Closing acts: one issued 45 days ago and not signed (flagged), one signed today.
    b.select("#document-kind", "act").await;
    b.fill("#document-number", "Act-1").await;
    b.select("#document-issued", &day(45)).await;
    b.fill("#document-amount", "50000").await;
    b.click("#document-submit").await;
    b.wait_for("#documents-table tr.document-row[data-flagged='true'] .unsigned-flag").await;
    b.fill("#document-number", "Act-2").await;
    b.fill("#document-amount", "30000").await;
    b.click("#document-submit").await;
    b.mark("#documents-table tr.document-row", "Act-2").await;
    b.click("[data-under-test] button.sign-document").await;
    b.click(".sign-row button.confirm-sign").await;
    b.wait_for("#documents-table tr.document-row[data-signed='true']").await;
    b.wait_for("#documents-table tr.document-row[data-signed='false'][data-flagged='true']").await;

    // The API agrees with what the tab shows.
    let money: Value = owner.get(&format!("/api/staff/clients/{a1}/money")).await.json().await.unwrap();
    assert_eq!(money["ltv"]["amount_minor"], 5_000_000, "{money}");
    assert_eq!(money["acv"]["amount_minor"], 60_000_000, "{money}");
    assert_eq!(money["unpaid"]["amount"]["amount_minor"], 3_000_000, "{money}");
    assert_eq!(money["overdue"]["count"], 1, "{money}");

    // A 10 000 ₽ client from CSV (after a refused file that imports nothing).
    drain(&app).await;
    b.click("#nav-money").await;
    b.wait_for_path("/app/money").await;
    b.fill(
        "#invoice-import-csv",
        "client,number,issued_on,due_on,amount\nNo such client,X-1,2026-01-01,2026-01-10,100",
    )
    .await;
    b.click("#invoice-import-submit").await;
    b.wait_for("#invoice-import .import-errors tr.import-error[data-row]").await;
    let csv = format!(
        "client,number,issued_on,due_on,amount,currency,rate,contract,status,paid_on,paid_amount\n{},H-1,{},{},10000,,,,,{},10000",
        w.client_a2.1,
        day(70),
        day(60),
        day(65)
    );
    b.fill("#invoice-import-csv", &csv).await;
    b.click("#invoice-import-submit").await;
    b.wait_for("#invoice-import .import-result[data-invoices='1'][data-payments='1']").await;
    drain(&app).await;

    // The agency's page: the overdue invoice, the unsigned act, ABC, every invoice.
    b.goto("/app/money").await;
    b.wait_for_text("#money-overdue tr.overdue-row", "A-002").await;
    b.wait_for_text("#money-unsigned tr.unsigned-row", "Act-1").await;
    b.wait_for(&format!("#money-abc tr.abc-row[data-client='{a1}'][data-computed='a']")).await;
    b.wait_for(&format!("#money-abc tr.abc-row[data-client='{a2}'][data-computed='b']")).await;
    b.wait_for("#money-totals .money-figure[data-kind='paid_all_time'][data-minor='6000000']").await;
    b.wait_for("#money-trend rect.money-bar[data-minor]").await;
    b.wait_for_text("#all-invoices-table", "H-1").await;
    assert_eq!(b.texts("#all-invoices-table tr.invoice-row").await.len(), 3);
    b.click("#invoices-overdue").await;
    b.wait_without("#all-invoices-table", "H-1").await;
    assert_eq!(b.texts("#all-invoices-table tr.invoice-row").await.len(), 1);
    b.wait_for("a#invoice-export[href='/api/staff/invoices/export.csv?overdue=true']").await;
    let csv = owner.get("/api/staff/invoices/export.csv?overdue=true").await.text().await.unwrap();
    assert!(csv.contains("A-002") && !csv.contains("A-001"), "{csv}");
    b.wait_for_value("#base-currency", "RUB").await;
    // The overdue row leads to the client's Money tab.
    b.click(&format!("#money-overdue tr.overdue-row[data-client='{a1}'] a.row-link")).await;
    b.wait_for_path(&format!("/app/clients/{a1}/money")).await;
    b.wait_for("#invoices-table tr.invoice-row[data-overdue='true']").await;

    for lang in ["en", "ru"] {
        b.set_locale(lang).await;
        b.goto(&format!("/app/clients/{a1}/money")).await;
        b.wait_for(&format!("html[lang='{lang}']")).await;
        b.wait_for("#money-chart rect.money-bar").await;
        b.wait_for("#documents-table tr.document-row").await;
        b.full_shot(&format!("money-tab-{lang}")).await;
        b.goto("/app/money").await;
        b.wait_for(&format!("html[lang='{lang}']")).await;
        b.wait_for("#money-abc tr.abc-row").await;
        b.wait_for("#all-invoices-table tr.invoice-row").await;
        b.wait_for("#base-currency").await;
        b.full_shot(&format!("money-{lang}")).await;
    }
    b.wait_for_text("#money-overdue", "просрочен").await;
    b.close().await;
}
