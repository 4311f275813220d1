//! Tracing setup: pretty logs in development, JSON with `ACCORD_LOG_FORMAT=json`.

use crate::config::LogFormat;
use tracing_subscriber::{fmt, EnvFilter};

pub fn init(format: LogFormat, filter: &str) {
    // The HTML sanitizer's parser warns about constructs it repairs ("foster parenting not
    // implemented" for some table payloads): not actionable, so kept out unless asked for.
    let filter = if filter.contains("html5ever") { filter.to_string() } else { format!("{filter},html5ever=error") };
    let filter = EnvFilter::try_new(&filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = fmt().with_env_filter(filter).with_target(false);
    // try_init: tests call this more than once per process.
    let _ = match format {
        LogFormat::Json => builder.json().flatten_event(true).with_current_span(true).try_init(),
        LogFormat::Pretty => builder.compact().try_init(),
    };
}
