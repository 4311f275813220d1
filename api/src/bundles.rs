//! The web app ships as two bundles: the **portal** (every signed-out page — sign-in, sign-up,
//! password reset, invitations — and the client portal) and the **staff** app (agency staff, the
//! platform operator, the API docs). A client never downloads the staff app.
//!
//! The server picks the HTML page for a path with [`Bundle::for_path`]; each bundle hands a path
//! that is not its own to the other with a full page load, using the same function, so the two
//! sides cannot disagree.

/// Path prefixes served by the staff bundle; everything else is the portal's.
pub const STAFF_PREFIXES: [&str; 3] = ["/app", "/platform", "/api-docs"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    Portal,
    Staff,
}

impl Bundle {
    /// The bundle that routes `path` (a URL path, with or without a query string).
    pub fn for_path(path: &str) -> Bundle {
        let path = path.split(['?', '#']).next().unwrap_or(path);
        let staff = STAFF_PREFIXES
            .iter()
            .any(|prefix| path.strip_prefix(prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with('/')));
        if staff {
            Bundle::Staff
        } else {
            Bundle::Portal
        }
    }

    /// The HTML page (in the built web app's folder) that loads this bundle.
    pub const fn html(self) -> &'static str {
        match self {
            Bundle::Portal => "index.html",
            Bundle::Staff => "staff.html",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Bundle;

    #[test]
    fn staff_paths_are_whole_segments() {
        for path in ["/app", "/app/", "/app?q=1", "/app/clients/1", "/platform", "/api-docs", "/platform/account"] {
            assert_eq!(Bundle::for_path(path), Bundle::Staff, "{path}");
        }
        for path in ["/", "/sign-in", "/portal", "/portal/backlog", "/apple", "/platforms", "/account", "/invite"] {
            assert_eq!(Bundle::for_path(path), Bundle::Portal, "{path}");
        }
    }
}
