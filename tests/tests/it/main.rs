//! The one integration-test binary (one link of the app, not one per file).
//! Runs on SQLite by default and on PostgreSQL with `ACCORD_TEST_DB=postgres`.

mod accounts;
mod auth;
mod backlog;
mod basics;
mod browser;
mod browser_accounts;
mod browser_backlog;
mod browser_growth;
mod browser_health;
mod browser_meetings;
mod browser_money;
mod browser_reports;
mod browser_risks;
mod browser_surveys;
mod demo;
mod finance;
mod growth;
mod health;
mod invitations;
mod isolation;
mod jobs;
mod malformed;
mod meetings;
mod queries;
mod reports;
mod revenue;
mod risks;
mod rls;
mod scale;
mod security;
mod sessions;
mod surveys;
