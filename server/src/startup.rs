//! Building and running the application: database, migrations, routes, middleware, SPA.

use crate::clock::Clock;
use crate::config::Settings;
use crate::db::Db;
use crate::error::{self, ApiError};
use crate::http::assets::Assets;
use crate::http::headers::{security_headers, small_bodies_plain};
use crate::http::{csrf::reject_cross_site, span::request_span};
use crate::state::{AppState, Heavy};
use crate::tenancy::load_principal;
use crate::{
    auth, backlog, clients, finance, growth, health, invitations, jobs, meetings, platform, portal, projects, reports,
    revenue, risks, roadmap, staff, surveys, touchpoints,
};
use accord_migration::{Migrator, MigratorTrait};
use actix_web::dev::{Server, ServiceRequest, ServiceResponse};
use actix_web::middleware::{from_fn, Compress};
use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use secrecy::ExposeSecret;
use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::Arc;
use utoipa::openapi::OpenApi;
use utoipa_actix_web::AppExt;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("database: {0}")]
    Db(#[from] sea_orm::DbErr),
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: String, source: std::io::Error },
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Api(#[from] ApiError),
    #[error("mail: {0}")]
    Mail(String),
}

/// Applies pending migrations over the owner connection.
pub async fn migrate(settings: &Settings) -> Result<(), StartupError> {
    if settings.is_sqlite() {
        std::fs::create_dir_all(&settings.data_dir)?;
        if let Some(dir) = sqlite_parent_dir(settings.database_url.expose_secret()) {
            std::fs::create_dir_all(dir)?;
        }
    }
    let owner = Db::connect(settings.migration_url(), 2).await?;
    Migrator::up(owner.connection(), None).await?;
    owner.connection().clone().close().await?;
    Ok(())
}

fn sqlite_parent_dir(url: &str) -> Option<PathBuf> {
    let path = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = path.split('?').next()?;
    if path.is_empty() || path.starts_with(':') {
        return None;
    }
    PathBuf::from(path).parent().filter(|p| !p.as_os_str().is_empty()).map(PathBuf::from)
}

pub struct Application {
    port: u16,
    server: Server,
    pub state: web::Data<AppState>,
}

impl Application {
    /// Migrates, optionally seeds the demo agency, binds, and prepares the server.
    pub async fn build(settings: Settings) -> Result<Self, StartupError> {
        Self::build_with(settings, Clock::system(), jobs::Registry::production()).await
    }

    /// [`Application::build`] on another clock (tests hand in a manual one and move it).
    pub async fn build_with_clock(settings: Settings, clock: Clock) -> Result<Self, StartupError> {
        Self::build_with(settings, clock, jobs::Registry::production()).await
    }

    /// [`Application::build`] on another clock and with other job kinds (tests add their own).
    pub async fn build_with(settings: Settings, clock: Clock, registry: jobs::Registry) -> Result<Self, StartupError> {
        migrate(&settings).await?;
        let db =
            Db::connect(settings.database_url.expose_secret(), settings.db_max_connections).await?.with_clock(clock);
        if settings.seed_demo {
            crate::seed::seed_demo_if_empty(&db).await?;
        }
        let rerendered = crate::rich::rerender_outdated(&db).await?;
        if rerendered > 0 {
            tracing::info!(rows = rerendered, version = crate::rich::VERSION, "Markdown re-rendered");
        }
        let listener =
            TcpListener::bind(&settings.listen).map_err(|source| Bind { addr: settings.listen.clone(), source })?;
        let port = listener.local_addr()?.port();
        let assets = web::Data::new(Assets::load(&settings.static_dir));
        let settings = Arc::new(settings);
        let mail_target = crate::mail::sender::spawn(db.clone(), settings.clone()).map_err(StartupError::Mail)?;
        tracing::info!(target = %mail_target, "mail sender started");
        let reads = crate::read_cache::ReadCache::new(settings.read_cache_mb);
        let state = web::Data::new(AppState {
            db,
            settings,
            mail_target,
            jobs: jobs::Jobs::new(registry),
            heavy: Heavy::new(),
            reads,
        });
        if state.settings.jobs {
            jobs::spawn(state.clone().into_inner());
            tracing::info!(instance = state.jobs.instance(), "job runner started");
        }
        let server_state = state.clone();
        // One HTTP worker per core this process may run on (actix's default, which reads the
        // CPU affinity): pinned to one core, a second worker only added context switches —
        // portal home at 32 connections went from about 2,900 to 3,500 requests a second.
        // TCP_NODELAY on every accepted connection (the OS default keeps Nagle's algorithm on):
        // a response of more than a few segments ended with a short one that waited for the
        // client's ACK of the ones before it, and a client delays that ACK by up to 40 ms. The
        // load benchmark's backlog pages (50-66 KB) had a median of 44 ms at 16 connections for
        // well under a millisecond of work.
        let server = HttpServer::new(move || build_app(server_state.clone(), assets.clone()))
            .tcp_nodelay(true)
            .listen(listener)?
            .run();
        Ok(Self { port, server, state })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub async fn run_until_stopped(self) -> Result<(), std::io::Error> {
        self.server.await
    }
}

use StartupError::Bind;

/// Every API operation, collected from the handlers' `#[utoipa::path]`s — nothing listed twice.
pub fn api_document() -> OpenApi {
    let (_, doc) = App::new().into_utoipa_app().openapi(base_document()).service(api_scope()).split_for_parts();
    doc
}

fn base_document() -> OpenApi {
    let mut doc = OpenApi::default();
    doc.info.title = "Accord API".into();
    doc.info.version = env!("CARGO_PKG_VERSION").into();
    doc.info.description = Some("Session-cookie JSON API of Accord. Errors are {code, message}.".into());
    doc
}

fn api_scope() -> utoipa_actix_web::scope::Scope<
    impl actix_web::dev::ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<actix_web::body::BoxBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    utoipa_actix_web::scope("/api")
        .wrap(from_fn(load_principal))
        .wrap(from_fn(reject_cross_site))
        .configure(auth::routes)
        .configure(platform::routes)
        .configure(clients::routes)
        .configure(staff::routes)
        .configure(portal::routes)
        .configure(invitations::routes)
        .configure(projects::routes)
        .configure(touchpoints::routes)
        .configure(roadmap::routes)
        .configure(backlog::routes)
        .configure(meetings::routes)
        .configure(reports::routes)
        .configure(surveys::routes)
        .configure(health::routes)
        .configure(risks::routes)
        .configure(finance::routes)
        .configure(revenue::routes)
        .configure(growth::routes)
        .default_service(web::to(|| async { Err::<HttpResponse, _>(ApiError::not_found()) }))
}

fn build_app(
    state: web::Data<AppState>,
    assets: web::Data<Assets>,
) -> App<
    impl actix_web::dev::ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl actix_web::body::MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let (app, doc) = App::new()
        .into_utoipa_app()
        .openapi(base_document())
        .app_data(state.clone())
        .app_data(assets)
        .app_data(web::JsonConfig::default().limit(error::JSON_LIMIT).error_handler(error::json_error))
        .app_data(web::PathConfig::default().error_handler(error::path_error))
        .app_data(web::QueryConfig::default().error_handler(error::query_error))
        .route("/healthz", web::get().to(healthz))
        .route("/readyz", web::get().to(readyz))
        .route("/api/openapi.json", web::get().to(openapi_json))
        .service(api_scope())
        .split_for_parts();
    app.app_data(web::Data::new(doc))
        // Everything else is the web app: its files, or a bundle's page for a deep link.
        .default_service(web::to(|req: HttpRequest, assets: web::Data<Assets>| async move { assets.respond(&req) }))
        .wrap(from_fn(small_bodies_plain))
        .wrap(Compress::default())
        .wrap(from_fn(request_span))
        .wrap(from_fn(security_headers))
}

async fn openapi_json(doc: web::Data<OpenApi>) -> HttpResponse {
    HttpResponse::Ok().json(doc.as_ref())
}

async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({ "status": "ok" }))
}

async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    match state.db.ping().await {
        Ok(()) => HttpResponse::Ok().json(serde_json::json!({ "status": "ready" })),
        Err(e) => {
            tracing::warn!(error = %e, "database not ready");
            HttpResponse::ServiceUnavailable().json(accord_api::ErrorBody {
                code: accord_api::error::Code::Unavailable.as_str().into(),
                message: "The database does not answer.".into(),
                field: None,
                choices: Vec::new(),
                rows: Vec::new(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_dirs() {
        assert_eq!(sqlite_parent_dir("sqlite://data/accord.db?mode=rwc"), Some(PathBuf::from("data")));
        assert_eq!(sqlite_parent_dir("sqlite::memory:"), None);
        assert_eq!(sqlite_parent_dir("sqlite://accord.db"), None);
    }
}
