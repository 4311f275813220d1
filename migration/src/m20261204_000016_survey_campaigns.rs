//! Survey campaigns and answers: campaigns (what is asked, of whom, how often, reminders,
//! closing), their waves (one round each, with the questions frozen as asked), invitations
//! (one contact in one wave: reminders, a saved draft) and their links (the SHA-256 of every token
//! mailed for it, the first and each reminder's), answers (portal, link, phone or import; the client's manager and segment as they were when
//! it was submitted), each criterion's two ratings, and the follow-up a detractor's answer opens.

use crate::rls;
use crate::shape::{a, agency_table, client_table};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const CLIENT_TABLES: [&str; 5] =
    ["survey_invitations", "survey_links", "survey_answers", "survey_ratings", "survey_followups"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                agency_table("survey_campaigns")
                    .col(string(a("name")))
                    .col(boolean(a("ask_nps")))
                    .col(boolean(a("ask_csi")))
                    .col(text(a("extras")))
                    .col(string(a("target")))
                    .col(text(a("target_clients")))
                    .col(text(a("segment")))
                    .col(string(a("recipients")))
                    .col(integer_null(a("repeat_months")))
                    .col(integer(a("remind_after_days")))
                    .col(integer(a("remind_max")))
                    .col(integer(a("close_after_days")))
                    .col(string(a("status")))
                    .col(date_null(a("next_wave_on")))
                    .col(uuid(a("created_by")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                agency_table("survey_waves")
                    .col(uuid(a("campaign_id")))
                    .col(integer(a("number")))
                    .col(timestamp_with_time_zone(a("opened_at")))
                    .col(timestamp_with_time_zone(a("closes_at")))
                    .col(timestamp_with_time_zone_null(a("closed_at")))
                    .col(text(a("questions")))
                    .col(integer(a("invited")))
                    .col(integer(a("skipped")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_survey_waves_campaign")
                            .from(a("survey_waves"), a("campaign_id"))
                            .to(a("survey_campaigns"), a("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("survey_invitations")
                    .col(uuid(a("campaign_id")))
                    .col(uuid(a("wave_id")))
                    .col(uuid(a("contact_id")))
                    .col(timestamp_with_time_zone(a("expires_at")))
                    .col(integer(a("reminders_sent")))
                    .col(timestamp_with_time_zone(a("last_sent_at")))
                    .col(text_null(a("draft")))
                    .col(timestamp_with_time_zone_null(a("answered_at")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_survey_invitations_wave")
                            .from(a("survey_invitations"), a("wave_id"))
                            .to(a("survey_waves"), a("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_survey_invitations_contact")
                            .from(a("survey_invitations"), a("contact_id"))
                            .to(a("contacts"), a("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("survey_links")
                    .col(uuid(a("invitation_id")))
                    .col(string(a("token_hash")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_survey_links_invitation")
                            .from(a("survey_links"), a("invitation_id"))
                            .to(a("survey_invitations"), a("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("survey_answers")
                    .col(uuid_null(a("campaign_id")))
                    .col(uuid_null(a("wave_id")))
                    .col(uuid_null(a("contact_id")))
                    .col(string(a("source")))
                    .col(integer_null(a("nps")))
                    .col(string_null(a("nps_class")))
                    .col(text(a("why")))
                    .col(text(a("extras")))
                    .col(double_null(a("csi")))
                    .col(uuid_null(a("manager_id")))
                    .col(boolean(a("manager_known")))
                    .col(string_null(a("temperament")))
                    .col(string_null(a("activity")))
                    .col(string_null(a("tier")))
                    .col(boolean(a("temperament_known")))
                    .col(boolean(a("activity_known")))
                    .col(boolean(a("tier_known")))
                    .col(date(a("answered_on")))
                    .col(timestamp_with_time_zone(a("submitted_at")))
                    .col(uuid_null(a("taken_by")))
                    .col(string_null(a("mark")))
                    .col(string_null(a("import_key")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_survey_answers_wave")
                            .from(a("survey_answers"), a("wave_id"))
                            .to(a("survey_waves"), a("id"))
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_survey_answers_contact")
                            .from(a("survey_answers"), a("contact_id"))
                            .to(a("contacts"), a("id"))
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("survey_ratings")
                    .col(uuid(a("answer_id")))
                    .col(string(a("criterion_key")))
                    .col(integer(a("importance")))
                    .col(integer(a("satisfaction")))
                    // The answer's day, manager and segment as recorded (never change), so the
                    // analytics sum ratings without joining their answers.
                    .col(date(a("answered_on")))
                    .col(uuid_null(a("manager_id")))
                    .col(boolean(a("manager_known")))
                    .col(string_null(a("temperament")))
                    .col(string_null(a("activity")))
                    .col(string_null(a("tier")))
                    .col(boolean(a("temperament_known")))
                    .col(boolean(a("activity_known")))
                    .col(boolean(a("tier_known")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_survey_ratings_answer")
                            .from(a("survey_ratings"), a("answer_id"))
                            .to(a("survey_answers"), a("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("survey_followups")
                    .col(uuid(a("answer_id")))
                    .col(uuid_null(a("assignee_id")))
                    .col(date(a("due_on")))
                    .col(string_null(a("outcome")))
                    .col(text(a("note")))
                    .col(uuid_null(a("closed_by")))
                    .col(timestamp_with_time_zone_null(a("closed_at")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_survey_followups_answer")
                            .from(a("survey_followups"), a("answer_id"))
                            .to(a("survey_answers"), a("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for sql in [
            "CREATE INDEX ix_survey_campaigns_agency ON survey_campaigns (agency_id, created_at)",
            "CREATE INDEX ix_survey_campaigns_due ON survey_campaigns (status, next_wave_on)",
            "CREATE UNIQUE INDEX ux_survey_waves ON survey_waves (campaign_id, number)",
            "CREATE INDEX ix_survey_waves_open ON survey_waves (closed_at, closes_at)",
            // Every link mailed for an invitation (the first and each reminder's) works until it
            // is answered or closes.
            "CREATE UNIQUE INDEX ux_survey_links_token ON survey_links (token_hash)",
            "CREATE INDEX ix_survey_links_invitation ON survey_links (invitation_id)",
            "CREATE UNIQUE INDEX ux_survey_invitations_contact ON survey_invitations (wave_id, contact_id)",
            // The recontact guard and the portal's open surveys: one contact's invitations by time.
            "CREATE INDEX ix_survey_invitations_contact ON survey_invitations (contact_id, created_at)",
            "CREATE INDEX ix_survey_invitations_unanswered ON survey_invitations (wave_id, answered_at)",
            // Analytics, verbatims and export: an agency's answers by day, by client, by manager.
            // Covering for the analytics' grouped passes: a period's answers are read from the index.
            "CREATE INDEX ix_survey_answers_day ON survey_answers (agency_id, answered_on, nps_class, csi, client_id, \
             manager_known, manager_id, temperament_known, temperament, activity_known, activity, tier_known, tier)",
            "CREATE INDEX ix_survey_answers_client ON survey_answers (client_id, agency_id, answered_on)",
            "CREATE INDEX ix_survey_answers_manager ON survey_answers (agency_id, manager_id, answered_on)",
            "CREATE INDEX ix_survey_answers_wave ON survey_answers (wave_id)",
            "CREATE INDEX ix_survey_answers_contact ON survey_answers (contact_id, submitted_at)",
            "CREATE INDEX ix_survey_answers_import ON survey_answers (agency_id, import_key)",
            // (answer, agency): SQLite's planner takes it over the one below for an answer's ratings.
            "CREATE INDEX ix_survey_ratings_answer ON survey_ratings (answer_id, agency_id)",
            "CREATE INDEX ix_survey_ratings_day ON survey_ratings (agency_id, answered_on, criterion_key, importance, \
             satisfaction, client_id, manager_known, manager_id, temperament_known, temperament, activity_known, \
             activity, tier_known, tier)",
            "CREATE UNIQUE INDEX ux_survey_followups_answer ON survey_followups (answer_id)",
            "CREATE INDEX ix_survey_followups_open ON survey_followups (agency_id, closed_at, due_on)",
        ] {
            rls::exec(manager, sql).await?;
        }
        if rls::is_postgres(manager) {
            for table in ["survey_campaigns", "survey_waves"] {
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
            "survey_followups",
            "survey_ratings",
            "survey_answers",
            "survey_invitations",
            "survey_waves",
            "survey_campaigns",
        ] {
            manager.drop_table(Table::drop().table(a(table)).if_exists().to_owned()).await?;
        }
        Ok(())
    }
}
