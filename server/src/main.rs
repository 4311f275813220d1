//! The `accord` binary: parse the command line, load settings, start tracing, run.

use accord_server::{cli, config::Settings, telemetry};
use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args = cli::Cli::parse();
    let settings = match Settings::load() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("accord: configuration error: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    telemetry::init(settings.log_format, &settings.log);
    match cli::run(args, settings).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("accord: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
