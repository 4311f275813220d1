//! Survey settings per agency: the NPS question and its class-dependent "why?" follow-ups in
//! both languages, the recontact guard (how often one contact may be asked in six months) and
//! the working days a detractor's follow-up gets (`survey_settings`, one row per agency once it
//! saves them; until then the built-in ones apply), and the CSI criteria (`survey_criteria`:
//! ordered, named in both languages; a criterion taken off the list is kept inactive, so past
//! answers still name it).

use crate::rls;
use crate::shape::{a, agency_table};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                agency_table("survey_settings")
                    .col(text(a("nps_texts")))
                    .col(integer(a("recontact_max")))
                    .col(integer(a("followup_days")))
                    .col(uuid(a("updated_by")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                agency_table("survey_criteria")
                    .col(string(a("key")))
                    .col(string(a("name_ru")))
                    .col(string(a("name_en")))
                    .col(integer(a("position")))
                    .col(boolean(a("active")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .to_owned(),
            )
            .await?;
        for sql in [
            "CREATE UNIQUE INDEX ux_survey_settings ON survey_settings (agency_id)",
            "CREATE UNIQUE INDEX ux_survey_criteria ON survey_criteria (agency_id, key)",
        ] {
            rls::exec(manager, sql).await?;
        }
        if rls::is_postgres(manager) {
            for table in ["survey_settings", "survey_criteria"] {
                rls::protect_table(manager, table, "agency_id", None).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["survey_criteria", "survey_settings"] {
            manager.drop_table(Table::drop().table(a(table)).if_exists().to_owned()).await?;
        }
        Ok(())
    }
}
