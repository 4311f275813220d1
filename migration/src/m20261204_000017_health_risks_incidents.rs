//! Account health, risks and incidents: each agency's health weights and thresholds
//! (`health_settings`, built-in until saved); every recomputed score with its parts
//! (`health_scores`, the history the corridor is drawn from) and each client's latest one
//! (`client_health`, one row per client, so lists need no grouping); a risk register per client
//! (`risks`); and incidents taken through the five steps, each step with when and who
//! (`incidents`).

use crate::rls;
use crate::shape::{a, agency_table, client_table};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const CLIENT_TABLES: [&str; 4] = ["health_scores", "client_health", "risks", "incidents"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                agency_table("health_settings")
                    .col(text(a("weights")))
                    .col(integer(a("corridor")))
                    .col(integer(a("at_risk_below")))
                    .col(integer(a("drop_points")))
                    .col(integer(a("drop_days")))
                    .col(integer(a("incident_days")))
                    .col(uuid(a("updated_by")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("health_scores")
                    .col(date(a("day")))
                    .col(integer_null(a("score")))
                    .col(text(a("parts")))
                    .col(string(a("cause")))
                    .col(timestamp_with_time_zone(a("computed_at")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("client_health")
                    .col(integer_null(a("score")))
                    .col(text(a("parts")))
                    .col(string(a("weak")))
                    .col(timestamp_with_time_zone(a("computed_at")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("risks")
                    .col(uuid_null(a("project_id")))
                    .col(string(a("title")))
                    .col(string(a("category")))
                    .col(integer(a("probability")))
                    .col(integer(a("impact")))
                    .col(text(a("mitigation")))
                    .col(uuid_null(a("owner_id")))
                    .col(date_null(a("due_on")))
                    .col(string(a("status")))
                    .col(boolean(a("client_visible")))
                    .col(uuid(a("created_by")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                client_table("incidents")
                    .col(uuid_null(a("project_id")))
                    .col(string(a("title")))
                    .col(text(a("description")))
                    .col(string(a("step")))
                    .col(timestamp_with_time_zone(a("detected_at")))
                    .col(uuid(a("created_by")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(text(a("message")))
                    .col(timestamp_with_time_zone_null(a("notified_at")))
                    .col(uuid_null(a("notified_by")))
                    .col(text(a("damage")))
                    .col(timestamp_with_time_zone_null(a("assessed_at")))
                    .col(uuid_null(a("assessed_by")))
                    .col(text(a("plan")))
                    .col(timestamp_with_time_zone_null(a("planned_at")))
                    .col(uuid_null(a("planned_by")))
                    .col(timestamp_with_time_zone_null(a("plan_ack_at")))
                    .col(uuid_null(a("plan_ack_by")))
                    .col(text(a("fix_note")))
                    .col(timestamp_with_time_zone_null(a("fixed_at")))
                    .col(uuid_null(a("fixed_by")))
                    .col(text(a("prevention")))
                    .col(boolean(a("prevention_shared")))
                    .col(timestamp_with_time_zone_null(a("prevented_at")))
                    .col(uuid_null(a("prevented_by")))
                    .to_owned(),
            )
            .await?;
        for sql in [
            "CREATE UNIQUE INDEX ux_health_settings ON health_settings (agency_id)",
            // A client's history by day (the chart, the corridor, the drop window).
            "CREATE INDEX ix_health_scores_client ON health_scores (agency_id, client_id, day)",
            // The drop window across an agency's clients (each client's highest since a day).
            "CREATE INDEX ix_health_scores_day ON health_scores (agency_id, day, client_id, score)",
            // Each client's latest NPS and CSI answer (grouped per client, read from the index).
            "CREATE INDEX ix_survey_answers_latest ON survey_answers (agency_id, client_id, submitted_at, answered_on, \
             nps, csi)",
            "CREATE UNIQUE INDEX ux_client_health ON client_health (client_id)",
            "CREATE INDEX ix_client_health_agency ON client_health (agency_id, score)",
            "CREATE INDEX ix_risks_client ON risks (agency_id, client_id, status)",
            "CREATE INDEX ix_incidents_client ON incidents (agency_id, client_id, step)",
            // The cockpit's open incidents across clients.
            "CREATE INDEX ix_incidents_open ON incidents (agency_id, prevented_at, detected_at)",
        ] {
            rls::exec(manager, sql).await?;
        }
        if rls::is_postgres(manager) {
            rls::protect_table(manager, "health_settings", "agency_id", None).await?;
            for table in CLIENT_TABLES {
                rls::protect_table(manager, table, "agency_id", Some("client_id")).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["incidents", "risks", "client_health", "health_scores", "health_settings"] {
            manager.drop_table(Table::drop().table(a(table)).if_exists().to_owned()).await?;
        }
        Ok(())
    }
}
