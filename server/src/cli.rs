//! The `accord` command line: serve, migrate, create-platform-admin, create-agency, seed-demo.

use crate::audit::Action;
use crate::auth::password::NewPassword;
use crate::config::Settings;
use crate::db::Db;
use crate::domain::{DisplayName, Email};
use crate::error::ApiError;
use crate::platform::service::{create_agency, NewAgency, OPERATOR_FIELDS};
use crate::startup::{migrate, Application};
use accord_api::{Locale, PrincipalKind, UserId, UserStatus};
use accord_entity::users;
use clap::{Parser, Subcommand};
use sea_orm::EntityTrait;
use secrecy::ExposeSecret;

#[derive(Parser, Debug)]
#[command(name = "accord", version, about = "Accord: client partnerships for digital agencies")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Migrate the database and serve the API and web app (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create a platform operator account.
    CreatePlatformAdmin {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Password (10–128 characters); or set ACCORD_ADMIN_PASSWORD.
        #[arg(long, env = "ACCORD_ADMIN_PASSWORD", hide_env_values = true)]
        password: String,
    },
    /// Create an agency with its owner.
    CreateAgency {
        #[arg(long)]
        name: String,
        /// Short address: 3–40 latin letters, digits, hyphens.
        #[arg(long)]
        slug: String,
        #[arg(long, default_value = "ru")]
        locale: String,
        #[arg(long, default_value = "Europe/Moscow")]
        time_zone: String,
        #[arg(long)]
        owner_name: String,
        #[arg(long)]
        owner_email: String,
        /// Or set ACCORD_OWNER_PASSWORD.
        #[arg(long, env = "ACCORD_OWNER_PASSWORD", hide_env_values = true)]
        owner_password: String,
    },
    /// Create the demo agency, client and people if the database has no agency yet.
    SeedDemo,
    /// Fill the database with a hosted-size data set for the load benchmark (deterministic):
    /// 200 agencies, 20,000 clients, 1,000,000 backlog items at --scale 1.
    SeedScale {
        /// 1 = the full size; 0.1 = a tenth.
        #[arg(long, default_value_t = 0.1)]
        scale: f64,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// SQLite: afterwards, save a compacted copy of the database here.
        #[arg(long)]
        save_snapshot: Option<std::path::PathBuf>,
        /// SQLite: instead of generating, copy this snapshot over the configured database.
        #[arg(long, conflicts_with = "save_snapshot")]
        from_snapshot: Option<std::path::PathBuf>,
    },
}

pub type CliResult = Result<(), Box<dyn std::error::Error>>;

pub async fn run(cli: Cli, settings: Settings) -> CliResult {
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings).await,
        Command::Migrate => {
            migrate(&settings).await?;
            println!("Migrations applied.");
            Ok(())
        }
        Command::CreatePlatformAdmin { email, name, password } => {
            let db = connect(&settings).await?;
            let email = Email::parse("email", &email)?;
            let name = DisplayName::parse("name", &name)?;
            // As an `ApiError`, so the refusal prints with its code as before.
            let hash = NewPassword::parse("password", &password).map_err(ApiError::from)?.hash().await?;
            let tx = db.unscoped("cli creates platform admin").await?;
            let now = tx.now();
            let row = users::Model {
                id: UserId::new(),
                agency_id: None,
                kind: PrincipalKind::Platform,
                email: email.into_inner(),
                name: name.into_inner(),
                password_hash: hash,
                locale: Locale::Ru,
                status: UserStatus::Active,
                staff_role: None,
                created_at: now,
                updated_at: now,
            };
            users::Entity::insert(users::ActiveModel::from(row)).exec_without_returning(tx.conn()).await?;
            tx.commit().await?;
            println!("Platform operator created.");
            Ok(())
        }
        Command::CreateAgency { name, slug, locale, time_zone, owner_name, owner_email, owner_password } => {
            let db = connect(&settings).await?;
            let locale = Locale::parse(&locale).ok_or("locale must be ru or en")?;
            let input = NewAgency::parse(
                &name,
                &slug,
                locale,
                &time_zone,
                &owner_name,
                &owner_email,
                &owner_password,
                &OPERATOR_FIELDS,
            )?
            .hash_password()
            .await?;
            let tx = db.unscoped("cli creates agency").await?;
            let (agency, _) = create_agency(&tx, input, None, Action::AgencyCreated).await?;
            tx.commit().await?;
            println!("Agency {} created ({}).", agency.slug, agency.id);
            Ok(())
        }
        Command::SeedScale { scale, seed, save_snapshot, from_snapshot } => {
            if let Some(snapshot) = from_snapshot {
                let url = settings.database_url.expose_secret().to_string();
                let file = url
                    .strip_prefix("sqlite://")
                    .map(|rest| rest.split('?').next().unwrap_or(rest).to_string())
                    .ok_or("--from-snapshot needs the SQLite database (on PostgreSQL use pg_restore)")?;
                for suffix in ["-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{file}{suffix}"));
                }
                std::fs::copy(&snapshot, &file)?;
                println!("Database {file} replaced by the snapshot {}.", snapshot.display());
                return Ok(());
            }
            let db = connect(&settings).await?;
            let report = crate::seed_scale::seed_scale(&db, scale, seed).await?;
            let owner = settings.migration_database_url.as_ref().unwrap_or(&settings.database_url);
            crate::seed_scale::vacuum_analyze(owner.expose_secret()).await?;
            println!(
                "Seeded at scale {scale} (seed {seed}) in {:.1} s: {} agencies, {} users, {} clients, {} contacts, \
                 {} projects, {} backlog items, {} comments, {} history events, {} meetings, {} action items, \
                 {} reports, {} survey answers, {} health scores, {} risks, {} incidents, {} contracts, \
                 {} invoices, {} payments, {} closing documents. Password: {}",
                report.seconds,
                report.agencies,
                report.users,
                report.clients,
                report.contacts,
                report.projects,
                report.items,
                report.comments,
                report.events,
                report.meetings,
                report.action_items,
                report.reports,
                report.survey_answers,
                report.health_scores,
                report.risks,
                report.incidents,
                report.contracts,
                report.invoices,
                report.payments,
                report.closing_documents,
                crate::seed_scale::SCALE_PASSWORD
            );
            if let Some(path) = save_snapshot {
                crate::seed_scale::save_snapshot(&db, &path).await?;
                println!("Snapshot saved to {}.", path.display());
            }
            Ok(())
        }
        Command::SeedDemo => {
            let db = connect(&settings).await?;
            if crate::seed::seed_demo_if_empty(&db).await? {
                print_demo_logins();
            } else {
                println!("The database already has agencies; nothing seeded.");
            }
            Ok(())
        }
    }
}

async fn connect(settings: &Settings) -> Result<Db, Box<dyn std::error::Error>> {
    migrate(settings).await?;
    Ok(Db::connect(settings.database_url.expose_secret(), 2).await?)
}

fn print_demo_logins() {
    println!("Demo logins (password: {}):", crate::seed::DEMO_PASSWORD);
    for login in crate::seed::DEMO_LOGINS {
        println!("  {:<18} {}", login.who, login.email);
    }
}

async fn serve(settings: Settings) -> CliResult {
    let seed = settings.seed_demo;
    let app = Application::build(settings.clone()).await?;
    let url = format!("http://{}", settings.listen.replace("0.0.0.0", "127.0.0.1"));
    tracing::info!(%url, "Accord is serving");
    println!("\nAccord is running at {url}/  (Ctrl+C to stop)");
    if app.state.settings.smtp_url.is_none() {
        println!("No ACCORD_SMTP_URL: outgoing mail is written to {}/ as .eml files", app.state.mail_target);
    }
    if seed {
        print_demo_logins();
    }
    app.run_until_stopped().await?;
    Ok(())
}
