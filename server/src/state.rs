//! Shared application state handed to every handler.

use crate::config::Settings;
use crate::db::Db;
use crate::jobs::Jobs;
use std::sync::Arc;

pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    /// Where outgoing mail goes: "SMTP" or the `.eml` folder.
    pub mail_target: String,
    /// The job kinds this instance runs and its name in `job_runs`.
    pub jobs: Jobs,
}
