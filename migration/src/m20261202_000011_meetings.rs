//! Meetings and agreements: series, stored meetings (one-offs and occurrences that were edited,
//! prepared or held), their history, the agenda, draft decisions, published revisions of the
//! minutes, the client's answers, action items (agency-side ones are promises), renegotiations
//! of a promise's date, and per-user calendar feeds; the agency's acknowledgement window.

use crate::rls;
use crate::shape::{a, client_table};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn meeting_fk(name: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{name}_meeting"))
        .from(a(name), a("meeting_id"))
        .to(a("meetings"), a("id"))
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

pub const TABLES: [&str; 9] = [
    "meeting_series",
    "meetings",
    "meeting_events",
    "agenda_items",
    "meeting_decisions",
    "minutes_revisions",
    "minutes_responses",
    "action_items",
    "promise_changes",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                client_table("meeting_series")
                    .col(string(a("uid")))
                    .col(string(a("title")))
                    .col(string(a("frequency")))
                    .col(integer(a("interval_n")))
                    .col(integer_null(a("weekday")))
                    .col(integer_null(a("month_day")))
                    .col(integer_null(a("week_of_month")))
                    .col(date(a("starts_on")))
                    .col(string(a("local_time")))
                    .col(string(a("time_zone")))
                    .col(integer(a("duration_minutes")))
                    .col(text_null(a("place")))
                    .col(date_null(a("until_on")))
                    .col(integer_null(a("count_n")))
                    .col(integer(a("sequence")))
                    .col(uuid(a("created_by")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("meetings")
                    .col(uuid_null(a("series_id")))
                    .col(date_null(a("occurrence_on")))
                    .col(string(a("uid")))
                    .col(string(a("title")))
                    .col(timestamp_with_time_zone(a("starts_at")))
                    .col(string(a("time_zone")))
                    .col(integer(a("duration_minutes")))
                    .col(text_null(a("place")))
                    .col(string(a("status")))
                    .col(text_null(a("cancel_reason")))
                    .col(text(a("notes")))
                    .col(text(a("notes_html")))
                    .col(integer(a("notes_version")))
                    .col(text(a("attendees")))
                    .col(integer(a("revision")))
                    .col(boolean(a("draft_changed")))
                    .col(timestamp_with_time_zone_null(a("published_at")))
                    .col(string(a("ack")))
                    .col(timestamp_with_time_zone_null(a("ack_at")))
                    .col(integer(a("sequence")))
                    .col(timestamp_with_time_zone_null(a("reminded_at")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_meetings_series")
                            .from(a("meetings"), a("series_id"))
                            .to(a("meeting_series"), a("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("meeting_events")
                    .col(uuid(a("meeting_id")))
                    .col(string(a("kind")))
                    .col(text_null(a("detail")))
                    .col(string(a("actor_name")))
                    .col(timestamp_with_time_zone(a("at")))
                    .foreign_key(&mut meeting_fk("meeting_events"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("agenda_items")
                    .col(uuid(a("meeting_id")))
                    .col(integer(a("position")))
                    .col(string(a("title")))
                    .col(text_null(a("details")))
                    .col(uuid_null(a("backlog_item_id")))
                    .col(uuid(a("added_by")))
                    .col(boolean(a("added_by_client")))
                    .col(string(a("status")))
                    .col(date_null(a("carried_from_on")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .foreign_key(&mut meeting_fk("agenda_items"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("meeting_decisions")
                    .col(uuid(a("meeting_id")))
                    .col(integer(a("number")))
                    .col(text(a("text")))
                    .foreign_key(&mut meeting_fk("meeting_decisions"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("minutes_revisions")
                    .col(uuid(a("meeting_id")))
                    .col(integer(a("revision")))
                    .col(text(a("attendees")))
                    .col(text(a("notes_html")))
                    .col(text(a("decisions")))
                    .col(uuid(a("published_by")))
                    .col(timestamp_with_time_zone(a("published_at")))
                    .foreign_key(&mut meeting_fk("minutes_revisions"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("minutes_responses")
                    .col(uuid(a("meeting_id")))
                    .col(integer(a("revision")))
                    .col(uuid(a("contact_id")))
                    .col(boolean(a("acknowledged")))
                    .col(integer_null(a("decision_number")))
                    .col(text_null(a("comment")))
                    .col(timestamp_with_time_zone(a("at")))
                    .foreign_key(&mut meeting_fk("minutes_responses"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("action_items")
                    .col(uuid_null(a("meeting_id")))
                    .col(integer(a("position")))
                    .col(string(a("title")))
                    .col(string(a("side")))
                    .col(uuid_null(a("assignee_user")))
                    .col(uuid_null(a("assignee_contact")))
                    .col(string_null(a("promised_to")))
                    .col(date(a("original_due_on")))
                    .col(date(a("due_on")))
                    .col(date_null(a("done_on")))
                    .col(uuid(a("created_by")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .foreign_key(&mut meeting_fk("action_items"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("promise_changes")
                    .col(uuid(a("action_item_id")))
                    .col(date(a("from_on")))
                    .col(date(a("to_on")))
                    .col(text(a("reason")))
                    .col(uuid(a("proposed_by")))
                    .col(timestamp_with_time_zone(a("proposed_at")))
                    .col(uuid_null(a("agreed_by")))
                    .col(timestamp_with_time_zone_null(a("agreed_at")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_promise_changes_item")
                            .from(a("promise_changes"), a("action_item_id"))
                            .to(a("action_items"), a("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("calendar_feeds"))
                    .col(pk_uuid(a("id")))
                    .col(uuid(a("agency_id")))
                    .col(uuid(a("user_id")))
                    .col(string(a("token_hash")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_calendar_feeds_user")
                            .from(a("calendar_feeds"), a("user_id"))
                            .to(a("users"), a("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(Table::alter().table(a("agencies")).add_column(integer(a("ack_days")).default(3)).to_owned())
            .await?;
        // Mail may carry one attachment (a meeting's .ics); SQLite adds one column per ALTER.
        for mut col in
            [string_null(a("attachment_name")), string_null(a("attachment_type")), text_null(a("attachment"))]
        {
            manager.alter_table(Table::alter().table(a("outbox")).add_column(&mut col).to_owned()).await?;
        }
        for sql in [
            "CREATE INDEX ix_meeting_series_client ON meeting_series (client_id, agency_id)",
            "CREATE INDEX ix_meetings_client_start ON meetings (client_id, agency_id, starts_at)",
            "CREATE UNIQUE INDEX ux_meetings_occurrence ON meetings (series_id, occurrence_on)",
            "CREATE INDEX ix_meetings_agency_ack ON meetings (agency_id, ack, published_at)",
            "CREATE INDEX ix_meetings_reminders ON meetings (status, starts_at)",
            // Staff names for meeting views and promise lists: the index alone answers, and only
            // for staff (contacts' logins are most of an agency's users).
            "CREATE INDEX ix_users_staff_names ON users (agency_id, staff_role, id, name)",
            "CREATE INDEX ix_meeting_events_meeting ON meeting_events (meeting_id, at)",
            "CREATE INDEX ix_agenda_items_meeting ON agenda_items (meeting_id, position)",
            "CREATE INDEX ix_meeting_decisions_meeting ON meeting_decisions (meeting_id, number)",
            "CREATE UNIQUE INDEX ux_minutes_revisions ON minutes_revisions (meeting_id, revision)",
            "CREATE INDEX ix_minutes_responses_meeting ON minutes_responses (meeting_id, at)",
            "CREATE INDEX ix_action_items_meeting ON action_items (meeting_id, position)",
            "CREATE INDEX ix_action_items_client_due ON action_items (client_id, agency_id, due_on)",
            "CREATE INDEX ix_action_items_client_side_due ON action_items (client_id, agency_id, side, due_on)",
            "CREATE INDEX ix_action_items_agency_due ON action_items (agency_id, due_on)",
            "CREATE INDEX ix_promise_changes_item ON promise_changes (action_item_id, proposed_at)",
            "CREATE UNIQUE INDEX ux_calendar_feeds_token ON calendar_feeds (token_hash)",
            "CREATE UNIQUE INDEX ux_calendar_feeds_user ON calendar_feeds (user_id)",
        ] {
            rls::exec(manager, sql).await?;
        }
        fall_back_unknown_zones(manager).await?;
        if rls::is_postgres(manager) {
            for table in TABLES {
                rls::protect_table(manager, table, "agency_id", Some("client_id")).await?;
            }
            rls::protect_table(manager, "calendar_feeds", "agency_id", None).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table(a("agencies")).drop_column(a("ack_days")).to_owned()).await?;
        for col in ["attachment_name", "attachment_type", "attachment"] {
            manager.alter_table(Table::alter().table(a("outbox")).drop_column(a(col)).to_owned()).await?;
        }
        manager.drop_table(Table::drop().table(a("calendar_feeds")).if_exists().to_owned()).await?;
        for table in TABLES.iter().rev() {
            manager.drop_table(Table::drop().table(a(table)).if_exists().to_owned()).await?;
        }
        Ok(())
    }
}

/// Agencies' zones were checked by shape only before; one the zone database does not know
/// falls back to Europe/Moscow (the product's home zone), and the change is logged.
async fn fall_back_unknown_zones(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};
    let conn = manager.get_connection();
    let backend = manager.get_database_backend();
    let rows = conn.query_all(Statement::from_string(backend, "SELECT DISTINCT time_zone FROM agencies")).await?;
    for row in rows {
        let zone: String = row.try_get("", "time_zone")?;
        if zone.parse::<chrono_tz::Tz>().is_ok() {
            continue;
        }
        eprintln!("migration: agencies with the unknown time zone {zone:?} now use Europe/Moscow");
        let sql = match backend {
            sea_orm_migration::sea_orm::DbBackend::Postgres => {
                "UPDATE agencies SET time_zone = 'Europe/Moscow' WHERE time_zone = $1"
            }
            _ => "UPDATE agencies SET time_zone = 'Europe/Moscow' WHERE time_zone = ?",
        };
        conn.execute(Statement::from_sql_and_values(backend, sql, [zone.into()])).await?;
    }
    Ok(())
}
