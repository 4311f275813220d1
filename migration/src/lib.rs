//! Schema migrations. Every schema change is a new migration; PostgreSQL row-level security
//! policies live here too, so the second tenant wall ships with the tables it guards.

pub use sea_orm_migration::prelude::*;

mod m20261122_000001_foundation;
mod m20261122_000002_mail_invitations;
mod m20261122_000003_accounts;
mod m20261122_000004_roadmap_backlog;
mod m20261202_000005_security;
mod m20261202_000006_jobs;
mod m20261202_000007_session_lookup;
mod m20261202_000008_list_indexes;
mod m20261202_000009_portal_indexes;
mod m20261202_000010_scoped_portal_indexes;
mod m20261202_000011_meetings;
mod m20261203_000012_promise_rules;
mod m20261203_000013_reports;
mod m20261203_000014_report_auto_draft;
mod m20261203_000015_survey_settings;
mod m20261204_000016_survey_campaigns;
mod m20261204_000017_health_risks_incidents;
mod m20261204_000018_money_growth;
mod m20261206_000019_backlog_tallies;
mod m20261206_000020_survey_cell_indexes;
mod m20261206_000021_survey_day_tallies;
mod m20261207_000022_backlog_tally_agency_index;
mod m20261207_000023_client_revisions;
mod m20261207_000024_survey_segment_tallies;
mod m20261207_000025_survey_kept_sum_indexes;
mod m20261207_000026_rich_text_version_indexes;
mod m20261207_000027_users_by_agency_and_id;
mod m20261207_000028_project_agreed_waiting;
mod m20261207_000029_per_client_lookup_indexes;
mod rls;
mod shape;

pub use rls::APP_ROLE;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_foundation::Migration),
            Box::new(m20261122_000002_mail_invitations::Migration),
            Box::new(m20261122_000003_accounts::Migration),
            Box::new(m20261122_000004_roadmap_backlog::Migration),
            Box::new(m20261202_000005_security::Migration),
            Box::new(m20261202_000006_jobs::Migration),
            Box::new(m20261202_000007_session_lookup::Migration),
            Box::new(m20261202_000008_list_indexes::Migration),
            Box::new(m20261202_000009_portal_indexes::Migration),
            Box::new(m20261202_000010_scoped_portal_indexes::Migration),
            Box::new(m20261202_000011_meetings::Migration),
            Box::new(m20261203_000012_promise_rules::Migration),
            Box::new(m20261203_000013_reports::Migration),
            Box::new(m20261203_000014_report_auto_draft::Migration),
            Box::new(m20261203_000015_survey_settings::Migration),
            Box::new(m20261204_000016_survey_campaigns::Migration),
            Box::new(m20261204_000017_health_risks_incidents::Migration),
            Box::new(m20261204_000018_money_growth::Migration),
            Box::new(m20261206_000019_backlog_tallies::Migration),
            Box::new(m20261206_000020_survey_cell_indexes::Migration),
            Box::new(m20261206_000021_survey_day_tallies::Migration),
            Box::new(m20261207_000022_backlog_tally_agency_index::Migration),
            Box::new(m20261207_000023_client_revisions::Migration),
            Box::new(m20261207_000024_survey_segment_tallies::Migration),
            Box::new(m20261207_000025_survey_kept_sum_indexes::Migration),
            Box::new(m20261207_000026_rich_text_version_indexes::Migration),
            Box::new(m20261207_000027_users_by_agency_and_id::Migration),
            Box::new(m20261207_000028_project_agreed_waiting::Migration),
            Box::new(m20261207_000029_per_client_lookup_indexes::Migration),
        ]
    }
}
