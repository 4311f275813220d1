//! The kept survey sums of migration 000024 are read by ranges of months (and of years or months
//! per client), but their primary keys put the month after the segment value (segment sums) or
//! hold no sums at all (per client): on SQLite every row read went from the key's index to the
//! table. These indexes hold each table's rows by agency and month (or span and first day) with
//! the summed columns at the end, so a period's rows are one range read from the index alone.
//! The largest agency at full size, 2025-02-15 – 2026-11-20: the clients' ranking 44 → 23 ms,
//! the segment ratings 18 → 11 ms, the segment answers 9 → 3 ms.
//!
//! SQLite only. The triggers change these counters on every survey write, and on PostgreSQL an
//! index holding them would make each such update a new index entry in two indexes instead of
//! an in-place (HOT) update; PostgreSQL reads the rows through the primary key's index well
//! enough (the 0.1 set's largest agency, two years: 45 ms without these indexes).

use crate::rls;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if rls::is_postgres(manager) {
            return Ok(());
        }
        for sql in [
            "CREATE INDEX ix_survey_client_tallies_sums ON survey_client_tallies \
             (agency_id, span, start, client_id, answers, nps_n, csi_n)",
            "CREATE INDEX ix_survey_segment_tallies_sums ON survey_segment_tallies \
             (agency_id, month, dim, value, answers, promoters, passives, detractors, csi_n)",
            "CREATE INDEX ix_survey_segment_ratings_sums ON survey_segment_ratings \
             (agency_id, month, dim, value, criterion_key, importance, satisfaction, n)",
        ] {
            rls::exec(manager, sql).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if rls::is_postgres(manager) {
            return Ok(());
        }
        for index in
            ["ix_survey_segment_ratings_sums", "ix_survey_segment_tallies_sums", "ix_survey_client_tallies_sums"]
        {
            rls::exec(manager, &format!("DROP INDEX IF EXISTS {index}")).await?;
        }
        Ok(())
    }
}
