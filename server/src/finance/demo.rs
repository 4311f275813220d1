//! The demo agency's money, so the first run shows figures: a retainer contract for the demo
//! client, six months of invoices (paid, one partly paid, one overdue, one not yet due, one in
//! euros at a stored rate) with their payments, and closing acts — one signed, one unsigned for
//! longer than the agency's limit.

use crate::db::PlatformTx;
use crate::error::ApiResult;
use accord_api::finance::{ClosingKind, ContractKind, ContractStatus, InvoiceStatus};
use accord_api::money::{convert_minor, RATE_ONE};
use accord_api::{AgencyId, ClientId, ClosingDocumentId, ContractId, InvoiceId, PaymentId, UserId};
use accord_entity::{closing_documents, contracts, invoices, payments};
use chrono::{DateTime, Duration, Utc};
use sea_orm::EntityTrait;

/// (number, issued days ago, amount, currency, rate, payments as (days after issue, amount))
type DemoInvoice = (&'static str, i64, i64, &'static str, i64, Vec<(i64, i64)>);

/// The monthly fee: 120 000 ₽.
const FEE: i64 = 12_000_000;

/// Writes the demo money of `client` (called once from the demo seed).
pub async fn seed(
    tx: &PlatformTx,
    agency: AgencyId,
    client: ClientId,
    manager: UserId,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let today = now.date_naive();
    let contract = contracts::Model {
        id: ContractId::new(),
        agency_id: agency,
        client_id: client,
        project_id: None,
        service_id: None,
        title: "Поддержка сайта и SEO".into(),
        kind: ContractKind::Retainer,
        currency: "RUB".into(),
        amount_minor: FEE,
        starts_on: today - Duration::days(190),
        ends_on: None,
        renews_on: Some(today + Duration::days(175)),
        status: ContractStatus::Active,
        note: "Ежемесячная абонентская плата, счёт до 10-го числа.".into(),
        created_by: manager,
        created_at: now,
        updated_at: now,
    };
    contracts::Entity::insert(contracts::ActiveModel::from(contract.clone())).exec_without_returning(tx.conn()).await?;

    let eur_rate = 100_500_000; // 1 EUR = 100.50 ₽
    let plan: [DemoInvoice; 7] = [
        ("2025-101", 155, FEE, "RUB", RATE_ONE, vec![(6, FEE)]),
        ("2025-102", 125, FEE, "RUB", RATE_ONE, vec![(8, FEE)]),
        ("2025-103", 120, 30_000, "EUR", eur_rate, vec![(5, 30_000)]),
        ("2025-104", 95, FEE, "RUB", RATE_ONE, vec![(4, 6_000_000), (9, FEE - 6_000_000)]),
        ("2025-105", 65, FEE, "RUB", RATE_ONE, vec![(9, 5_000_000)]),
        ("2025-106", 35, FEE, "RUB", RATE_ONE, vec![]),
        ("2025-107", 4, FEE, "RUB", RATE_ONE, vec![]),
    ];
    let mut issued = Vec::new();
    for (number, ago, amount, currency, rate, pays) in plan {
        let issued_on = today - Duration::days(ago);
        let id = InvoiceId::new();
        let paid: i64 = pays.iter().map(|(_, a)| a).sum();
        let last = pays.last().map(|(d, _)| issued_on + Duration::days(*d));
        let status = match paid {
            0 => InvoiceStatus::Issued,
            p if p < amount => InvoiceStatus::PartlyPaid,
            _ => InvoiceStatus::Paid,
        };
        let row = invoices::Model {
            id,
            agency_id: agency,
            client_id: client,
            contract_id: (currency == "RUB").then_some(contract.id),
            number: number.into(),
            issued_on,
            due_on: issued_on + Duration::days(10),
            amount_minor: amount,
            currency: currency.into(),
            rate_micro: rate,
            base_minor: convert_minor(amount, currency, rate, "RUB"),
            status,
            paid_minor: paid,
            paid_on: (status == InvoiceStatus::Paid).then_some(last).flatten(),
            note: if currency == "EUR" {
                "Лицензия на плагин (в евро)".into()
            } else {
                String::new()
            },
            created_by: Some(manager),
            created_at: now,
            updated_at: now,
        };
        invoices::Entity::insert(invoices::ActiveModel::from(row.clone())).exec_without_returning(tx.conn()).await?;
        for (after, a) in pays {
            let p = payments::Model {
                id: PaymentId::new(),
                agency_id: agency,
                client_id: client,
                invoice_id: id,
                paid_on: issued_on + Duration::days(after),
                amount_minor: a,
                base_minor: convert_minor(a, currency, rate, "RUB"),
                note: String::new(),
                created_by: Some(manager),
                created_at: now,
            };
            payments::Entity::insert(payments::ActiveModel::from(p)).exec_without_returning(tx.conn()).await?;
        }
        issued.push(row);
    }
    // Acts: the oldest two signed, the one for invoice 104 unsigned for two months (flagged).
    for (i, signed_after) in [(0_usize, Some(12_i64)), (1, Some(15)), (3, None)] {
        let inv = &issued[i];
        let doc = closing_documents::Model {
            id: ClosingDocumentId::new(),
            agency_id: agency,
            client_id: client,
            invoice_id: Some(inv.id),
            contract_id: Some(contract.id),
            kind: ClosingKind::Act,
            number: format!("А-{}", &inv.number[5..]),
            issued_on: inv.issued_on + Duration::days(5),
            amount_minor: inv.amount_minor,
            currency: inv.currency.clone(),
            signed_on: signed_after.map(|d| inv.issued_on + Duration::days(d)),
            created_by: Some(manager),
            created_at: now,
            updated_at: now,
        };
        closing_documents::Entity::insert(closing_documents::ActiveModel::from(doc))
            .exec_without_returning(tx.conn())
            .await?;
    }
    Ok(())
}
