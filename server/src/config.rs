//! Layered configuration: built-in defaults → optional `accord.toml` → `ACCORD_*` variables.
//! Nothing needs configuring for the embedded SQLite default.

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Pretty,
    Json,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Address:port to serve on (`ACCORD_LISTEN`).
    pub listen: String,
    /// SQLite file or PostgreSQL URL the app uses (`ACCORD_DATABASE_URL`).
    pub database_url: SecretString,
    /// Owner connection for migrations (`ACCORD_MIGRATION_DATABASE_URL`); defaults to `database_url`.
    pub migration_database_url: Option<SecretString>,
    /// Pool size (`ACCORD_DB_MAX_CONNECTIONS`); SQLite always uses one writer connection.
    pub db_max_connections: u32,
    /// Where the built SPA lives (`ACCORD_STATIC_DIR`).
    pub static_dir: PathBuf,
    /// Local state: SQLite file, outgoing mail (`ACCORD_DATA_DIR`).
    pub data_dir: PathBuf,
    /// Public base URL used in links and to decide cookie security (`ACCORD_PUBLIC_URL`).
    pub public_url: String,
    /// Force `Secure` + `__Host-` cookies on or off (`ACCORD_COOKIE_SECURE`); default: on when
    /// `public_url` is https.
    pub cookie_secure: Option<bool>,
    /// `pretty` or `json` (`ACCORD_LOG_FORMAT`).
    pub log_format: LogFormat,
    /// tracing filter, e.g. `info,sqlx=warn` (`ACCORD_LOG`).
    pub log: String,
    /// `open` lets anyone create an agency; `closed` (default) leaves it to the platform operator.
    pub signup: String,
    /// Idle session timeout in minutes (`ACCORD_SESSION_IDLE_MINUTES`).
    pub session_idle_minutes: i64,
    /// Absolute session lifetime in hours (`ACCORD_SESSION_ABSOLUTE_HOURS`).
    pub session_absolute_hours: i64,
    /// Failed sign-ins allowed per account and address within the window.
    pub login_max_failures: u64,
    /// Failed sign-ins allowed per address (all accounts) within the window.
    pub login_max_failures_per_ip: u64,
    /// The throttling window in minutes.
    pub login_window_minutes: i64,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_proxy: bool,
    /// Create the demo agency when the database has no agencies (`ACCORD_SEED_DEMO`).
    pub seed_demo: bool,
    /// `smtp://user:pass@host:587` (STARTTLS with `?tls=required`) or `smtps://…`
    /// (`ACCORD_SMTP_URL`); unset: mail is written to `<data_dir>/mail/*.eml`.
    pub smtp_url: Option<SecretString>,
    /// The From of every mail (`ACCORD_MAIL_FROM`).
    pub mail_from: String,
    /// How often the sender looks for due mail, in milliseconds (`ACCORD_MAIL_POLL_MS`).
    pub mail_poll_ms: u64,
    /// Delivery attempts before a mail is marked failed (`ACCORD_MAIL_MAX_ATTEMPTS`).
    pub mail_max_attempts: i32,
    /// Run the background job runner in this instance (`ACCORD_JOBS`, `on`/`off`).
    pub jobs: bool,
    /// How often the job runner looks for due jobs, in milliseconds (`ACCORD_JOBS_POLL_MS`).
    pub jobs_poll_ms: u64,
    /// Megabytes of built backlog pages kept in memory, each checked against the client's
    /// revision before it is served (`ACCORD_READ_CACHE_MB`; 0 turns the cache off).
    pub read_cache_mb: u64,
    /// Agency-wide survey analytics read their months and whole months of the per-manager and
    /// per-segment tables from the sums the database keeps (`ACCORD_SURVEY_TALLIES`, `on`/`off`;
    /// `off` groups every answer of the period, as narrower views always do: a check that both
    /// agree).
    pub survey_tallies: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            listen: "127.0.0.1:8080".into(),
            database_url: SecretString::from("sqlite://data/accord.db?mode=rwc"),
            migration_database_url: None,
            db_max_connections: 10,
            static_dir: PathBuf::from("frontend/dist"),
            data_dir: PathBuf::from("data"),
            public_url: "http://127.0.0.1:8080".into(),
            cookie_secure: None,
            log_format: LogFormat::Pretty,
            log: "info,sqlx=warn,sea_orm=warn".into(),
            signup: "closed".into(),
            session_idle_minutes: 120,
            session_absolute_hours: 12,
            login_max_failures: 10,
            login_max_failures_per_ip: 50,
            login_window_minutes: 15,
            trust_proxy: false,
            seed_demo: false,
            smtp_url: None,
            mail_from: "Accord <no-reply@accord.localhost>".into(),
            mail_poll_ms: 1000,
            mail_max_attempts: 8,
            jobs: true,
            jobs_poll_ms: 1000,
            read_cache_mb: 32,
            survey_tallies: true,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("invalid {path}: {source}")]
    Toml { path: PathBuf, source: toml::de::Error },
    #[error("invalid value for {var}: {value:?} ({expected})")]
    Env { var: &'static str, value: String, expected: &'static str },
}

impl Settings {
    /// Defaults, then `ACCORD_CONFIG` (or `./accord.toml` if present), then the environment.
    pub fn load() -> Result<Self, ConfigError> {
        let explicit = std::env::var("ACCORD_CONFIG").ok().map(PathBuf::from);
        let path = explicit.clone().unwrap_or_else(|| PathBuf::from("accord.toml"));
        let mut settings = if path.exists() || explicit.is_some() {
            let text =
                std::fs::read_to_string(&path).map_err(|source| ConfigError::Read { path: path.clone(), source })?;
            toml::from_str(&text).map_err(|source| ConfigError::Toml { path, source })?
        } else {
            Settings::default()
        };
        settings.apply_env(|k| std::env::var(k).ok())?;
        Ok(settings)
    }

    /// Overlays `ACCORD_*` variables read through `get` (a function so tests need no globals).
    pub fn apply_env(&mut self, get: impl Fn(&str) -> Option<String>) -> Result<(), ConfigError> {
        fn parse<T: std::str::FromStr>(
            var: &'static str,
            value: String,
            expected: &'static str,
        ) -> Result<T, ConfigError> {
            value.trim().parse().map_err(|_| ConfigError::Env { var, value, expected })
        }
        fn boolean(var: &'static str, value: String) -> Result<bool, ConfigError> {
            match value.trim().to_ascii_lowercase().as_str() {
                "1" | "true" | "yes" | "on" => Ok(true),
                "0" | "false" | "no" | "off" => Ok(false),
                _ => Err(ConfigError::Env { var, value, expected: "true or false" }),
            }
        }
        if let Some(v) = get("ACCORD_LISTEN") {
            self.listen = v;
        }
        if let Some(v) = get("ACCORD_DATABASE_URL") {
            self.database_url = SecretString::from(v);
        }
        if let Some(v) = get("ACCORD_MIGRATION_DATABASE_URL") {
            self.migration_database_url = Some(SecretString::from(v));
        }
        if let Some(v) = get("ACCORD_DB_MAX_CONNECTIONS") {
            self.db_max_connections = parse("ACCORD_DB_MAX_CONNECTIONS", v, "a positive number")?;
        }
        if let Some(v) = get("ACCORD_STATIC_DIR") {
            self.static_dir = PathBuf::from(v);
        }
        if let Some(v) = get("ACCORD_DATA_DIR") {
            self.data_dir = PathBuf::from(v);
            // The embedded database lives in the data folder unless a database is named.
            if get("ACCORD_DATABASE_URL").is_none() {
                self.database_url =
                    SecretString::from(format!("sqlite://{}?mode=rwc", self.data_dir.join("accord.db").display()));
            }
        }
        if let Some(v) = get("ACCORD_PUBLIC_URL") {
            self.public_url = v.trim_end_matches('/').to_string();
        }
        if let Some(v) = get("ACCORD_COOKIE_SECURE") {
            self.cookie_secure = Some(boolean("ACCORD_COOKIE_SECURE", v)?);
        }
        if let Some(v) = get("ACCORD_LOG_FORMAT") {
            self.log_format = match v.trim() {
                "json" => LogFormat::Json,
                "pretty" => LogFormat::Pretty,
                _ => return Err(ConfigError::Env { var: "ACCORD_LOG_FORMAT", value: v, expected: "pretty or json" }),
            };
        }
        if let Some(v) = get("ACCORD_LOG") {
            self.log = v;
        }
        if let Some(v) = get("ACCORD_SIGNUP") {
            if v != "open" && v != "closed" {
                return Err(ConfigError::Env { var: "ACCORD_SIGNUP", value: v, expected: "open or closed" });
            }
            self.signup = v;
        }
        if let Some(v) = get("ACCORD_SESSION_IDLE_MINUTES") {
            self.session_idle_minutes = parse("ACCORD_SESSION_IDLE_MINUTES", v, "minutes")?;
        }
        if let Some(v) = get("ACCORD_SESSION_ABSOLUTE_HOURS") {
            self.session_absolute_hours = parse("ACCORD_SESSION_ABSOLUTE_HOURS", v, "hours")?;
        }
        if let Some(v) = get("ACCORD_LOGIN_MAX_FAILURES") {
            self.login_max_failures = parse("ACCORD_LOGIN_MAX_FAILURES", v, "a number")?;
        }
        if let Some(v) = get("ACCORD_LOGIN_MAX_FAILURES_PER_IP") {
            self.login_max_failures_per_ip = parse("ACCORD_LOGIN_MAX_FAILURES_PER_IP", v, "a number")?;
        }
        if let Some(v) = get("ACCORD_LOGIN_WINDOW_MINUTES") {
            self.login_window_minutes = parse("ACCORD_LOGIN_WINDOW_MINUTES", v, "minutes")?;
        }
        if let Some(v) = get("ACCORD_TRUST_PROXY") {
            self.trust_proxy = boolean("ACCORD_TRUST_PROXY", v)?;
        }
        if let Some(v) = get("ACCORD_SEED_DEMO") {
            self.seed_demo = boolean("ACCORD_SEED_DEMO", v)?;
        }
        if let Some(v) = get("ACCORD_SMTP_URL").filter(|v| !v.trim().is_empty()) {
            self.smtp_url = Some(SecretString::from(v));
        }
        if let Some(v) = get("ACCORD_MAIL_FROM") {
            self.mail_from = v;
        }
        if let Some(v) = get("ACCORD_MAIL_POLL_MS") {
            self.mail_poll_ms = parse("ACCORD_MAIL_POLL_MS", v, "milliseconds")?;
        }
        if let Some(v) = get("ACCORD_MAIL_MAX_ATTEMPTS") {
            self.mail_max_attempts = parse("ACCORD_MAIL_MAX_ATTEMPTS", v, "a number")?;
        }
        if let Some(v) = get("ACCORD_JOBS") {
            self.jobs = boolean("ACCORD_JOBS", v)?;
        }
        if let Some(v) = get("ACCORD_JOBS_POLL_MS") {
            self.jobs_poll_ms = parse("ACCORD_JOBS_POLL_MS", v, "milliseconds")?;
        }
        if let Some(v) = get("ACCORD_READ_CACHE_MB") {
            self.read_cache_mb = parse("ACCORD_READ_CACHE_MB", v, "megabytes")?;
        }
        if let Some(v) = get("ACCORD_SURVEY_TALLIES") {
            self.survey_tallies = boolean("ACCORD_SURVEY_TALLIES", v)?;
        }
        Ok(())
    }

    pub fn signup_open(&self) -> bool {
        self.signup == "open"
    }

    pub fn cookie_secure(&self) -> bool {
        self.cookie_secure.unwrap_or_else(|| self.public_url.starts_with("https://"))
    }

    pub fn migration_url(&self) -> &str {
        self.migration_database_url.as_ref().unwrap_or(&self.database_url).expose_secret()
    }

    pub fn is_sqlite(&self) -> bool {
        self.database_url.expose_secret().starts_with("sqlite:")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_overrides_defaults_and_rejects_garbage() {
        let mut s = Settings::default();
        let env = |k: &str| match k {
            "ACCORD_LISTEN" => Some("0.0.0.0:9000".to_string()),
            "ACCORD_SIGNUP" => Some("open".to_string()),
            "ACCORD_COOKIE_SECURE" => Some("true".to_string()),
            _ => None,
        };
        s.apply_env(env).unwrap();
        assert_eq!(s.listen, "0.0.0.0:9000");
        assert!(s.signup_open());
        assert!(s.cookie_secure());

        let mut s = Settings::default();
        let err = s.apply_env(|k| (k == "ACCORD_SIGNUP").then(|| "maybe".to_string()));
        assert!(matches!(err, Err(ConfigError::Env { var: "ACCORD_SIGNUP", .. })));
    }

    #[test]
    fn the_embedded_database_follows_the_data_folder() {
        let mut s = Settings::default();
        s.apply_env(|k| (k == "ACCORD_DATA_DIR").then(|| "/srv/accord".to_string())).unwrap();
        assert_eq!(s.database_url.expose_secret(), "sqlite:///srv/accord/accord.db?mode=rwc");
        let mut s = Settings::default();
        s.apply_env(|k| match k {
            "ACCORD_DATA_DIR" => Some("/srv/accord".to_string()),
            "ACCORD_DATABASE_URL" => Some("postgres://db/accord".to_string()),
            _ => None,
        })
        .unwrap();
        assert_eq!(s.database_url.expose_secret(), "postgres://db/accord");
    }

    #[test]
    fn cookie_security_follows_public_url() {
        let mut s = Settings::default();
        assert!(!s.cookie_secure());
        s.public_url = "https://accord.example".into();
        assert!(s.cookie_secure());
    }
}
