//! One folder per feature; each page component is mounted by the router in `app.rs`.

pub mod account;
pub mod auth;
pub mod backlog_parts;
pub mod clients;
pub mod docs;
pub mod growth;
pub mod health;
pub mod invitations;
pub mod meeting_parts;
pub mod meetings;
pub mod money;
pub mod not_found;
pub mod platform;
pub mod portal;
pub mod report_parts;
pub mod reports;
pub mod risks;
pub mod standard;
pub mod survey_link;
pub mod surveys;
pub mod team;
