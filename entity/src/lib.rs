//! SeaORM entities, one module per table. Enumerated columns hold the snake_case names from
//! `accord-api`; the server parses them back into those types.

pub mod agencies;
pub mod audit_log;
pub mod clients;
pub mod contacts;
pub mod login_attempts;
pub mod sessions;
pub mod users;
