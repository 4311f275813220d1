//! Indexes SQLite's planner takes for one client's rows and for names by id. SQLite here has no
//! statistics (nothing runs `ANALYZE`), so between an index that narrows by agency alone but
//! covers the query and one that narrows by agency and client but needs the table, it takes the
//! covering one — and walks every row of the agency. At full size (the largest agency: 4,215
//! clients, 8,000+ contacts, 126,000 health scores) these were, for one client's pages:
//!
//! - the health history, `health_scores WHERE client_id = ? AND day >= ?`: 6.3 ms through
//!   `ix_health_scores_day`; covering by client now;
//! - the money page, `payments WHERE client_id = ?` (two sums): 0.9 ms each through
//!   `ix_payments_day`; covering by client now;
//! - the health facts' open invoices, `invoices WHERE client_id = ? AND status <> ?`: 1.2 ms
//!   through `ix_invoices_open`; by client and status now;
//! - the reports list's open questions, `report_messages WHERE client_id = ? AND report_id IN
//!   (…) AND side = ? AND answered_at IS NULL`: 0.6 ms through `ix_report_messages_open`;
//! - names by id for a page's rows (`clients … id IN (25 ids)` 1.2 ms, `contacts … id IN (25
//!   ids)` 3.1 ms on the survey answers list): through `ix_clients_tier` and
//!   `ix_contacts_agency_client`, every row of the agency; by (agency, id) with the name now, as
//!   migration 000027 did for users;
//! - the clients list's total, `clients WHERE agency_id = ? AND archived_at IS NULL`: 0.5 ms
//!   through `ix_clients_tier`, reading every client row; its page sorted by name then id. A
//!   partial index of the current clients by name and id counts them from the index (0.19 ms)
//!   and hands the page over in order (no sort); the contact counts beside it read
//!   `left_at` from the index too.

use crate::rls;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (index dropped, index created) — the old one's columns lead the new one's.
const REPLACED: [(&str, &str); 3] = [
    (
        "ix_health_scores_client",
        "CREATE INDEX ix_health_scores_client ON health_scores (agency_id, client_id, day, score)",
    ),
    ("ix_payments_client", "CREATE INDEX ix_payments_client ON payments (agency_id, client_id, paid_on, base_minor)"),
    ("ix_contacts_agency_client", "CREATE INDEX ix_contacts_agency_client ON contacts (agency_id, client_id, left_at)"),
];

/// What the replaced indexes were, for `down`.
const FORMER: [&str; 3] = [
    "CREATE INDEX ix_health_scores_client ON health_scores (agency_id, client_id, day)",
    "CREATE INDEX ix_payments_client ON payments (agency_id, client_id, paid_on)",
    "CREATE INDEX ix_contacts_agency_client ON contacts (agency_id, client_id)",
];

const ADDED: [(&str, &str); 5] = [
    (
        "ix_clients_current",
        "CREATE INDEX ix_clients_current ON clients (agency_id, name_search, id) WHERE archived_at IS NULL",
    ),
    ("ix_invoices_client_status", "CREATE INDEX ix_invoices_client_status ON invoices (agency_id, client_id, status)"),
    (
        "ix_report_messages_client_open",
        "CREATE INDEX ix_report_messages_client_open ON report_messages \
         (agency_id, client_id, side, answered_at, report_id)",
    ),
    ("ix_clients_agency_id", "CREATE INDEX ix_clients_agency_id ON clients (agency_id, id, name)"),
    ("ix_contacts_agency_id", "CREATE INDEX ix_contacts_agency_id ON contacts (agency_id, id, name)"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, create) in REPLACED {
            rls::exec(manager, &format!("DROP INDEX IF EXISTS {name}")).await?;
            rls::exec(manager, create).await?;
        }
        for (_, create) in ADDED {
            rls::exec(manager, create).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, _) in ADDED {
            rls::exec(manager, &format!("DROP INDEX IF EXISTS {name}")).await?;
        }
        for ((name, _), create) in REPLACED.iter().zip(FORMER) {
            rls::exec(manager, &format!("DROP INDEX IF EXISTS {name}")).await?;
            rls::exec(manager, create).await?;
        }
        Ok(())
    }
}
