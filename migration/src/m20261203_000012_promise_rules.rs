//! Promise rules, exactly as agreed: a promise with no assignee belongs to whoever managed the
//! client when it fell due (`action_items.due_owner`, stamped when the account manager changes),
//! and a renegotiation can be agreed through minutes — the new date is a decision of a meeting
//! (`promise_changes.meeting_id`, with the decision's text) that the client acknowledges.
//! Meetings and series name whom they invite (`invitees`, JSON; none = the account manager and
//! every contact with portal access).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn a(name: &str) -> Alias {
    Alias::new(name)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER.
        manager
            .alter_table(Table::alter().table(a("action_items")).add_column(uuid_null(a("due_owner"))).to_owned())
            .await?;
        for mut col in [uuid_null(a("meeting_id")), text_null(a("minutes_text"))] {
            manager.alter_table(Table::alter().table(a("promise_changes")).add_column(&mut col).to_owned()).await?;
        }
        for table in ["meeting_series", "meetings"] {
            manager.alter_table(Table::alter().table(a(table)).add_column(text_null(a("invitees"))).to_owned()).await?;
        }
        for sql in [
            // Acknowledging minutes agrees the renegotiations recorded in them.
            "CREATE INDEX ix_promise_changes_meeting ON promise_changes (meeting_id, agreed_at)",
            // The portal home counts a client's minutes awaiting acknowledgement; without this the
            // planner walks the whole agency's awaiting minutes (ix_meetings_agency_ack).
            "CREATE INDEX ix_meetings_client_ack ON meetings (client_id, agency_id, ack, revision)",
        ] {
            manager.get_connection().execute_unprepared(sql).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for index in ["ix_promise_changes_meeting", "ix_meetings_client_ack"] {
            manager.get_connection().execute_unprepared(&format!("DROP INDEX {index}")).await?;
        }
        for col in ["meeting_id", "minutes_text"] {
            manager.alter_table(Table::alter().table(a("promise_changes")).drop_column(a(col)).to_owned()).await?;
        }
        manager.alter_table(Table::alter().table(a("action_items")).drop_column(a("due_owner")).to_owned()).await?;
        for table in ["meeting_series", "meetings"] {
            manager.alter_table(Table::alter().table(a(table)).drop_column(a("invitees")).to_owned()).await?;
        }
        Ok(())
    }
}
