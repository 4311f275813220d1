//! SeaORM entities, one module per table. Id columns hold the typed ids of `accord-api` and
//! enumerated columns its wire enums (stored as their snake_case names), so rows come back typed.

pub mod action_items;
pub mod agencies;
pub mod agenda_items;
pub mod audit_log;
pub mod backlog_comments;
pub mod backlog_events;
pub mod backlog_items;
pub mod calendar_feeds;
pub mod client_status_changes;
pub mod clients;
pub mod contact_events;
pub mod contacts;
pub mod goal_values;
pub mod invitations;
pub mod job_runs;
pub mod jobs;
pub mod login_attempts;
pub mod meeting_decisions;
pub mod meeting_events;
pub mod meeting_series;
pub mod meetings;
pub mod minutes_responses;
pub mod minutes_revisions;
pub mod outbox;
pub mod password_resets;
pub mod project_members;
pub mod projects;
pub mod promise_changes;
pub mod roadmap_goals;
pub mod roadmap_stages;
pub mod roadmaps;
pub mod sessions;
pub mod touchpoints;
pub mod users;
