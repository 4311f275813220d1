//! Invitations: staff invite colleagues and client contacts with one-time links (stored hashed,
//! single use, 7 days, revocable, resendable); following one sets a password and signs in.

mod accept;
mod error;
mod handlers;
mod repo;
mod service;

pub use error::InvitationError;

use utoipa_actix_web::service_config::ServiceConfig;

pub const VALID_DAYS: i64 = 7;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::invite_staff)
        .service(handlers::list_invitations)
        .service(handlers::resend_invitation)
        .service(handlers::revoke_invitation)
        .service(handlers::invite_contact)
        .service(handlers::preview_invitation)
        .service(handlers::accept_invitation);
}
