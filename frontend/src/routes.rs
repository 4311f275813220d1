//! Every in-app URL the SPA links or redirects to. Pages build links from [`Route`] only; the
//! matching patterns live next to the router in `app.rs`.

use accord_api::auth::{Me, Membership};
use accord_api::ClientId;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    /// `next` is the in-app URL to return to after signing in.
    SignIn {
        next: Option<String>,
    },
    SignUp,
    StaffClients,
    StaffClient(ClientId),
    StaffTeam,
    PortalHome,
    PlatformAgencies,
    Account,
    ApiDocs,
}

impl Route {
    pub fn path(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::SignIn { next: None } => "/sign-in".into(),
            Route::SignIn { next: Some(next) } => {
                format!("/sign-in?next={}", crate::api::encode(next))
            }
            Route::SignUp => "/sign-up".into(),
            Route::StaffClients => "/app".into(),
            Route::StaffClient(id) => format!("/app/clients/{id}"),
            Route::StaffTeam => "/app/team".into(),
            Route::PortalHome => "/portal".into(),
            Route::PlatformAgencies => "/platform".into(),
            Route::Account => "/account".into(),
            Route::ApiDocs => "/api-docs".into(),
        }
    }
}

/// The three kinds of signed-in people; each has its own area of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    Staff,
    Portal,
    Platform,
}

impl Area {
    pub fn of(me: &Me) -> Area {
        match me.membership {
            Membership::Platform => Area::Platform,
            Membership::Staff { .. } => Area::Staff,
            Membership::Contact { .. } => Area::Portal,
        }
    }

    /// Where this kind of person lands after signing in.
    pub fn home(self) -> Route {
        match self {
            Area::Staff => Route::StaffClients,
            Area::Portal => Route::PortalHome,
            Area::Platform => Route::PlatformAgencies,
        }
    }

    /// Whether an in-app URL is one this kind of person may be sent back to after sign-in.
    pub fn suits(self, path: &str) -> bool {
        let under = |prefix: &str| {
            path == prefix || path.starts_with(&format!("{prefix}/")) || path.starts_with(&format!("{prefix}?"))
        };
        let own = match self {
            Area::Staff => under(&Route::StaffClients.path()),
            Area::Portal => under(&Route::PortalHome.path()),
            Area::Platform => under(&Route::PlatformAgencies.path()),
        };
        own || under(&Route::Account.path())
    }
}

/// Accepts a `next` value only if it is a local path (no `//host` or scheme tricks).
pub fn safe_next(next: &str) -> Option<String> {
    let local = next.starts_with('/') && !next.starts_with("//") && !next.contains('\\');
    (local && !next.starts_with(&Route::SignIn { next: None }.path())).then(|| next.to_owned())
}
