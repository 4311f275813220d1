//! The load benchmark's yardstick: a bare actix-web JSON endpoint (same framework and worker
//! count as Accord; no database, no middleware). `accord-bare 127.0.0.1:PORT`.

use actix_web::{web, App, HttpResponse, HttpServer};

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let addr = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:8090".into());
    HttpServer::new(|| {
        App::new().route(
            "/hello",
            web::get().to(|| async { HttpResponse::Ok().json(serde_json::json!({ "hello": "world" })) }),
        )
    })
    .workers(2)
    .bind(addr)?
    .run()
    .await
}
