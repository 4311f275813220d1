//! Money and growth. Each agency's base currency, how long a closing document may stay
//! unsigned (`finance_settings`, built-in until saved); the profitability criteria
//! (`scorecard_criteria`, the six defaults until the agency changes them);
//! contracts (retainer or project); invoices with the rate to the base currency stored on each
//! (`invoices`), their payments (`payments`, each with its amount in the base currency so totals
//! are one sum) and the backlog change requests they bill (`billed_items`); closing documents
//! (act, УПД) signed or not (`closing_documents`); the scorecard's marks (`scorecard_scores`);
//! the service catalogue with its prerequisites (`services`, `service_prereqs`), what each client
//! has had (`client_services`), upsell opportunities (`upsells`) and service explainers
//! (`kb_articles`). Clients gain the computed ABC tier and whether their tier is a manual
//! override; tiers typed by hand before this become overrides.

use crate::rls;
use crate::shape::{a, agency_table, client_table};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const AGENCY_TABLES: [&str; 5] =
    ["finance_settings", "scorecard_criteria", "services", "service_prereqs", "kb_articles"];
const CLIENT_TABLES: [&str; 8] = [
    "contracts",
    "invoices",
    "payments",
    "billed_items",
    "closing_documents",
    "scorecard_scores",
    "client_services",
    "upsells",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                agency_table("finance_settings")
                    .col(string_len(a("base_currency"), 3))
                    .col(integer(a("act_unsigned_days")))
                    .col(uuid(a("updated_by")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                agency_table("scorecard_criteria")
                    .col(string(a("key")))
                    .col(string(a("name")))
                    .col(integer(a("position")))
                    .col(boolean(a("archived")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                agency_table("services")
                    .col(string(a("name")))
                    .col(text(a("description")))
                    .col(string(a("project_kinds")))
                    .col(integer(a("position")))
                    .col(boolean(a("archived")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                agency_table("service_prereqs")
                    .col(uuid(a("service_id")))
                    .col(uuid(a("requires_id")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_service_prereqs_service")
                            .from(a("service_prereqs"), a("service_id"))
                            .to(a("services"), a("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_service_prereqs_requires")
                            .from(a("service_prereqs"), a("requires_id"))
                            .to(a("services"), a("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                agency_table("kb_articles")
                    .col(uuid_null(a("service_id")))
                    .col(string(a("title_ru")))
                    .col(string(a("title_en")))
                    .col(text(a("body_ru")))
                    .col(text(a("body_en")))
                    .col(text(a("html_ru")))
                    .col(text(a("html_en")))
                    .col(boolean(a("published")))
                    .col(integer(a("position")))
                    .col(uuid(a("updated_by")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("contracts")
                    .col(uuid_null(a("project_id")))
                    .col(uuid_null(a("service_id")))
                    .col(string(a("title")))
                    .col(string(a("kind")))
                    .col(string_len(a("currency"), 3))
                    .col(big_integer(a("amount_minor")))
                    .col(date(a("starts_on")))
                    .col(date_null(a("ends_on")))
                    .col(date_null(a("renews_on")))
                    .col(string(a("status")))
                    .col(text(a("note")))
                    .col(uuid(a("created_by")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("invoices")
                    .col(uuid_null(a("contract_id")))
                    .col(string(a("number")))
                    .col(date(a("issued_on")))
                    .col(date(a("due_on")))
                    .col(big_integer(a("amount_minor")))
                    .col(string_len(a("currency"), 3))
                    .col(big_integer(a("rate_micro")))
                    .col(big_integer(a("base_minor")))
                    .col(string(a("status")))
                    .col(big_integer(a("paid_minor")))
                    .col(date_null(a("paid_on")))
                    .col(text(a("note")))
                    .col(uuid_null(a("created_by")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("payments")
                    .col(uuid(a("invoice_id")))
                    .col(date(a("paid_on")))
                    .col(big_integer(a("amount_minor")))
                    .col(big_integer(a("base_minor")))
                    .col(text(a("note")))
                    .col(uuid_null(a("created_by")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_payments_invoice")
                            .from(a("payments"), a("invoice_id"))
                            .to(a("invoices"), a("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("billed_items")
                    .col(uuid(a("invoice_id")))
                    .col(uuid(a("backlog_item_id")))
                    .col(big_integer(a("amount_minor")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_billed_items_invoice")
                            .from(a("billed_items"), a("invoice_id"))
                            .to(a("invoices"), a("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("closing_documents")
                    .col(uuid_null(a("invoice_id")))
                    .col(uuid_null(a("contract_id")))
                    .col(string(a("kind")))
                    .col(string(a("number")))
                    .col(date(a("issued_on")))
                    .col(big_integer(a("amount_minor")))
                    .col(string_len(a("currency"), 3))
                    .col(date_null(a("signed_on")))
                    .col(uuid_null(a("created_by")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("scorecard_scores")
                    .col(string(a("criterion")))
                    .col(integer(a("score")))
                    .col(uuid(a("updated_by")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("client_services")
                    .col(uuid(a("service_id")))
                    .col(date(a("started_on")))
                    .col(date_null(a("ended_on")))
                    .col(uuid_null(a("project_id")))
                    .col(uuid_null(a("contract_id")))
                    .col(uuid(a("created_by")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_client_services_service")
                            .from(a("client_services"), a("service_id"))
                            .to(a("services"), a("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("upsells")
                    .col(uuid_null(a("service_id")))
                    .col(string(a("title")))
                    .col(big_integer(a("expected_minor")))
                    .col(string_len(a("currency"), 3))
                    .col(integer(a("probability")))
                    .col(string(a("status")))
                    .col(text(a("lost_reason")))
                    .col(uuid_null(a("owner_id")))
                    .col(uuid_null(a("backlog_item_id")))
                    .col(uuid_null(a("contract_id")))
                    .col(date_null(a("closed_on")))
                    .col(uuid(a("created_by")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(Table::alter().table(a("clients")).add_column(string_null(a("abc_tier"))).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter().table(a("clients")).add_column(boolean(a("tier_override")).default(false)).to_owned(),
            )
            .await?;
        for sql in [
            // Tiers typed by hand so far are overrides an owner can clear.
            "UPDATE clients SET tier_override = TRUE WHERE value_tier IS NOT NULL",
            "CREATE UNIQUE INDEX ux_finance_settings ON finance_settings (agency_id)",
            "CREATE UNIQUE INDEX ux_scorecard_criteria ON scorecard_criteria (agency_id, key)",
            "CREATE INDEX ix_services_agency ON services (agency_id, archived, position)",
            "CREATE UNIQUE INDEX ux_service_prereqs ON service_prereqs (agency_id, service_id, requires_id)",
            "CREATE INDEX ix_kb_articles_agency ON kb_articles (agency_id, published, position)",
            "CREATE INDEX ix_contracts_client ON contracts (agency_id, client_id, status, starts_on)",
            "CREATE INDEX ix_contracts_status ON contracts (agency_id, status, client_id)",
            "CREATE UNIQUE INDEX ux_invoices_number ON invoices (agency_id, number)",
            "CREATE INDEX ix_invoices_client ON invoices (agency_id, client_id, issued_on)",
            // Open invoices by due date (the overdue list, unpaid totals, the health signal).
            "CREATE INDEX ix_invoices_open ON invoices (agency_id, status, due_on, client_id)",
            "CREATE INDEX ix_invoices_issued ON invoices (agency_id, issued_on)",
            // A contract's invoices (its rate for ACV, "in use" on delete, the won-upsell share).
            "CREATE INDEX ix_invoices_contract ON invoices (agency_id, contract_id)",
            // Revenue by day across the agency (trend, trailing 12 months, ABC) from the index.
            "CREATE INDEX ix_payments_day ON payments (agency_id, paid_on, client_id, base_minor)",
            "CREATE INDEX ix_payments_invoice ON payments (agency_id, invoice_id, paid_on)",
            "CREATE INDEX ix_payments_client ON payments (agency_id, client_id, paid_on)",
            "CREATE UNIQUE INDEX ux_billed_items_item ON billed_items (backlog_item_id)",
            "CREATE INDEX ix_billed_items_invoice ON billed_items (agency_id, invoice_id)",
            "CREATE INDEX ix_closing_documents_client ON closing_documents (agency_id, client_id, issued_on)",
            // An invoice's closing documents (the invoice list's counts).
            "CREATE INDEX ix_closing_documents_invoice ON closing_documents (agency_id, invoice_id)",
            "CREATE INDEX ix_closing_documents_unsigned ON closing_documents (agency_id, signed_on, issued_on)",
            "CREATE UNIQUE INDEX ux_scorecard_scores ON scorecard_scores (client_id, criterion)",
            "CREATE INDEX ix_scorecard_scores_agency ON scorecard_scores (agency_id, client_id)",
            "CREATE INDEX ix_client_services_client ON client_services (agency_id, client_id, service_id)",
            "CREATE INDEX ix_upsells_client ON upsells (agency_id, client_id, status)",
            "CREATE INDEX ix_upsells_status ON upsells (agency_id, status, closed_on)",
            "CREATE INDEX ix_clients_tier ON clients (agency_id, abc_tier)",
        ] {
            rls::exec(manager, sql).await?;
        }
        if rls::is_postgres(manager) {
            for table in AGENCY_TABLES {
                rls::protect_table(manager, table, "agency_id", None).await?;
            }
            for table in CLIENT_TABLES {
                rls::protect_table(manager, table, "agency_id", Some("client_id")).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "upsells",
            "client_services",
            "scorecard_scores",
            "closing_documents",
            "billed_items",
            "payments",
            "invoices",
            "contracts",
            "kb_articles",
            "service_prereqs",
            "services",
            "scorecard_criteria",
            "finance_settings",
        ] {
            manager.drop_table(Table::drop().table(a(table)).if_exists().to_owned()).await?;
        }
        for col in ["abc_tier", "tier_override"] {
            manager.alter_table(Table::alter().table(a("clients")).drop_column(a(col)).to_owned()).await?;
        }
        Ok(())
    }
}
