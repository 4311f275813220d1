//! The staff home (`/app`: the client list) and one client's page with its contacts.

mod contacts;
mod detail;
mod list;
mod new_client;

pub use detail::ClientPage;
pub use list::ClientsPage;

use crate::components::Badge;
use crate::i18n::use_i18n;
use crate::session::Session;
use accord_api::auth::Membership;
use accord_api::{ClientStatus, StaffRole};
use leptos::prelude::*;

pub fn client_status_badge(status: ClientStatus) -> impl IntoView {
    let i18n = use_i18n();
    let tone = match status {
        ClientStatus::Onboarding => "blue",
        ClientStatus::Active => "green",
        ClientStatus::Paused => "amber",
        ClientStatus::Churned => "grey",
    };
    view! { <Badge tone=tone label=Signal::derive(move || i18n.t().client_status(status).to_owned()) /> }
}

/// Owners, admins and account managers create clients and contacts; specialists do not.
pub fn can_manage_clients(session: Session) -> bool {
    session
        .me()
        .is_some_and(|me| matches!(me.membership, Membership::Staff { role, .. } if role != StaffRole::Specialist))
}
