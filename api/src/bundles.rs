//! The web app ships as three bundles, so what a client downloads first stays small however many
//! portal pages later features add:
//!
//! - **entry** (`index.html`): the sign-in page everyone sees first, the other signed-out pages a
//!   contact meets (an invitation, a password reset) and the portal home — a contact's whole
//!   first visit;
//! - **portal** (`portal.html`): every portal page (and, again, the signed-out ones, so moving
//!   around inside the portal never reloads), plus agency sign-up;
//! - **staff** (`staff.html`): agency staff, the platform operator, the API docs.
//!
//! The server picks the HTML page for a path with [`Bundle::for_path`]; a bundle that has no
//! route for a path hands it on with a full page load, using the same function, so the sides
//! cannot disagree. A client never downloads the staff app.

/// Path prefixes served by the staff bundle.
pub const STAFF_PREFIXES: [&str; 3] = ["/app", "/platform", "/api-docs"];

/// Exact paths (no deeper ones) that the entry bundle serves; the rest is the portal bundle's.
pub const ENTRY_PATHS: [&str; 6] = ["/", "/sign-in", "/invite", "/forgot-password", "/reset-password", "/portal"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    Entry,
    Portal,
    Staff,
}

impl Bundle {
    pub const ALL: [Bundle; 3] = [Bundle::Entry, Bundle::Portal, Bundle::Staff];

    /// The bundle whose page the server sends for `path` (a URL path, with or without a query
    /// string).
    pub fn for_path(path: &str) -> Bundle {
        let path = path.split(['?', '#']).next().unwrap_or(path);
        let staff = STAFF_PREFIXES
            .iter()
            .any(|prefix| path.strip_prefix(prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with('/')));
        let trimmed = if path.len() > 1 { path.trim_end_matches('/') } else { path };
        if staff {
            Bundle::Staff
        } else if ENTRY_PATHS.contains(&trimmed) {
            Bundle::Entry
        } else {
            Bundle::Portal
        }
    }

    /// Whether this bundle has a page for `path`: its own paths, and for the portal bundle the
    /// entry's too (the portal routes everything a contact can reach).
    pub fn routes(self, path: &str) -> bool {
        let owner = Bundle::for_path(path);
        owner == self || (self == Bundle::Portal && owner == Bundle::Entry)
    }

    /// The HTML page (in the built web app's folder) that loads this bundle.
    pub const fn html(self) -> &'static str {
        match self {
            Bundle::Entry => "index.html",
            Bundle::Portal => "portal.html",
            Bundle::Staff => "staff.html",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Bundle;

    #[test]
    fn each_path_has_one_bundle() {
        for path in ["/app", "/app/", "/app?q=1", "/app/clients/1", "/platform", "/api-docs", "/platform/account"] {
            assert_eq!(Bundle::for_path(path), Bundle::Staff, "{path}");
        }
        for path in
            ["/", "/sign-in", "/sign-in?next=/portal/backlog", "/portal", "/portal/", "/invite", "/reset-password"]
        {
            assert_eq!(Bundle::for_path(path), Bundle::Entry, "{path}");
        }
        for path in
            ["/portal/backlog", "/portal/meetings/1", "/apple", "/platforms", "/account", "/sign-up", "/portals"]
        {
            assert_eq!(Bundle::for_path(path), Bundle::Portal, "{path}");
        }
    }

    #[test]
    fn the_portal_bundle_also_routes_the_entry_pages() {
        assert!(Bundle::Portal.routes("/portal") && Bundle::Portal.routes("/sign-in"));
        assert!(!Bundle::Entry.routes("/portal/backlog") && !Bundle::Portal.routes("/app"));
        assert!(!Bundle::Staff.routes("/portal"));
    }
}
