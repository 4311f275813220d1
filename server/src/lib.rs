//! Accord's server: actix-web + SeaORM. `startup` assembles the app; each feature folder
//! (`auth`, `platform`, `clients`, `staff`, `portal`) owns its routes, rules and queries.

pub mod audit;
pub mod auth;
pub mod backlog;
pub mod cli;
pub mod clients;
pub mod clock;
pub mod config;
pub mod db;
pub mod domain;
pub mod error;
pub mod health;
pub mod http;
pub mod invitations;
pub mod jobs;
pub mod mail;
pub mod meetings;
pub mod paging;
pub mod pdf;
pub mod platform;
pub mod portal;
pub mod projects;
pub mod reports;
pub mod rich;
pub mod risks;
pub mod roadmap;
pub mod seed;
pub mod seed_scale;
pub mod staff;
pub mod startup;
pub mod state;
pub mod surveys;
pub mod telemetry;
pub mod tenancy;
pub mod touchpoints;
