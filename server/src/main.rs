//! The `accord` binary: parse the command line, load settings, start tracing, run.

use accord_server::{cli, config::Settings, telemetry};
use clap::Parser;

/// jemalloc rather than glibc's malloc: measured on the portal home at 32 connections, one
/// core, about 20 % more requests a second (malloc and free were 18 % of the server's time).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

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
