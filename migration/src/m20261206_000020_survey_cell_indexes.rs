//! Survey analytics group a period's answers and ratings by client with the account manager and
//! segment values each answer recorded (one grouping answers the per-client, per-manager and
//! per-segment tables). These indexes hold the rows in that order after the agency, with the
//! day and the summed columns at the end: SQLite groups while it reads the index (no sort of
//! the period's rows in a temporary tree) and never visits the table. On the 0.1 scale set's
//! largest agency (15,550 answers, 24,258 ratings over two years), with the SQLite the server
//! links (3.46), the two grouped passes take 5 and 15 ms instead of 14–21 and 29–48 ms.

use crate::rls;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const CELL: &str = "client_id, manager_known, manager_id, temperament_known, temperament, activity_known, activity, \
                    tier_known, tier";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        rls::exec(
            manager,
            &format!("CREATE INDEX ix_survey_answers_cell ON survey_answers (agency_id, {CELL}, nps_class, answered_on, csi)"),
        )
        .await?;
        rls::exec(
            manager,
            &format!(
                "CREATE INDEX ix_survey_ratings_cell ON survey_ratings (agency_id, {CELL}, criterion_key, answered_on, \
                 importance, satisfaction)"
            ),
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        rls::exec(manager, "DROP INDEX IF EXISTS ix_survey_ratings_cell").await?;
        rls::exec(manager, "DROP INDEX IF EXISTS ix_survey_answers_cell").await
    }
}
