//! Accord's wire contract: the JSON shapes the server sends and accepts, shared with the SPA.
//!
//! Only serde, uuid and chrono here (utoipa behind the `openapi` feature and SeaORM's value types
//! behind the `sea-orm` feature, both for the server), so the crate compiles to wasm32 and the
//! SPA never sees the database layer.

pub mod auth;
pub mod backlog;
pub mod bundles;
pub mod clients;
pub mod error;
pub mod finance;
pub mod growth;
pub mod health;
pub mod ids;
pub mod input;
pub mod invitations;
pub mod meetings;
pub mod money;
pub mod platform;
pub mod portal;
pub mod projects;
pub mod reports;
pub mod revenue;
pub mod risks;
pub mod roadmap;
pub mod staff;
pub mod surveys;
pub mod types;

pub use error::ErrorBody;
pub use ids::*;
pub use types::*;

/// One page of a list, with the total so the UI can show counts and page links.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
}

impl<T> Page<T> {
    pub fn page_count(&self) -> u64 {
        if self.per_page == 0 {
            return 0;
        }
        self.total.div_ceil(self.per_page)
    }
}
