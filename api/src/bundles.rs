//! The web app ships as several bundles, so that whatever page a client lands on — the sign-in
//! page, or a page an e-mail links to — stays small however many portal pages later features add:
//!
//! - **entry** (`index.html`): the sign-in page everyone sees first, the other signed-out pages a
//!   contact meets (an invitation, a password reset) and the portal home — a contact's whole
//!   first visit;
//! - one bundle per portal feature that e-mails link to — **backlog** (the backlog, what a
//!   "decision awaits you" e-mail opens), **item** (one backlog item's decision and
//!   conversation), **meetings** (the meetings list), **minutes** (one meeting's minutes, what a
//!   "minutes to acknowledge" e-mail opens), **reports** (the list), **report** (one report, what
//!   a "new report" e-mail opens), **surveys** (a contact's
//!   surveys and the one-time survey link), **risks** (risks and incidents) — each with the
//!   sign-in page too, so a contact following a link while signed out signs in without changing
//!   bundle;
//! - **portal** (`portal.html`): the rest of the portal (the roadmap, knowledge, the account
//!   page), agency sign-up, and every path nobody routes (its 404 page);
//! - **staff** (`staff.html`): agency staff, the platform operator, the API docs.
//!
//! The server picks the HTML page for a path with [`Bundle::for_path`]; a bundle that has no
//! route for a path hands it on with a full page load, using the same function, so the sides
//! cannot disagree. A client never downloads the staff app.

/// Path prefixes served by the staff bundle.
pub const STAFF_PREFIXES: [&str; 3] = ["/app", "/platform", "/api-docs"];

/// Exact paths (no deeper ones) that the entry bundle serves; the rest is the portal bundles'.
pub const ENTRY_PATHS: [&str; 6] = ["/", "/sign-in", "/invite", "/forgot-password", "/reset-password", "/portal"];

/// Path prefixes of the portal feature bundles, the first that matches wins: the path itself and
/// anything below it, or, for a prefix ending in `/`, only what lies below it.
pub const FEATURE_PREFIXES: [(&str, Bundle); 9] = [
    ("/portal/backlog/", Bundle::Item),
    ("/portal/backlog", Bundle::Backlog),
    ("/portal/meetings/", Bundle::Minutes),
    ("/portal/meetings", Bundle::Meetings),
    ("/portal/reports/", Bundle::Report),
    ("/portal/reports", Bundle::Reports),
    ("/portal/surveys", Bundle::Surveys),
    ("/survey", Bundle::Surveys),
    ("/portal/risks", Bundle::Risks),
];

/// The entry's pages that every portal feature bundle routes as well: `/` (which sends a
/// signed-out visitor to sign-in) and the sign-in page itself.
pub const SIGN_IN_PATHS: [&str; 2] = ["/", "/sign-in"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    Entry,
    Backlog,
    Item,
    Meetings,
    Minutes,
    Reports,
    Report,
    Surveys,
    Risks,
    Portal,
    Staff,
}

/// Whether `path` is `prefix` or lies below it (`/app/x` is under `/app`; `/apple` is not); a
/// prefix ending in `/` takes only what lies below it.
fn under(path: &str, prefix: &str) -> bool {
    match path.strip_prefix(prefix) {
        Some(rest) if prefix.ends_with('/') => !rest.is_empty(),
        Some(rest) => rest.is_empty() || rest.starts_with('/'),
        None => false,
    }
}

/// A URL's path without its query or fragment, and the same without a trailing `/` (except `/`).
fn normalised(url: &str) -> (&str, &str) {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    (path, if path.len() > 1 { path.trim_end_matches('/') } else { path })
}

impl Bundle {
    pub const ALL: [Bundle; 11] = [
        Bundle::Entry,
        Bundle::Backlog,
        Bundle::Item,
        Bundle::Meetings,
        Bundle::Minutes,
        Bundle::Reports,
        Bundle::Report,
        Bundle::Surveys,
        Bundle::Risks,
        Bundle::Portal,
        Bundle::Staff,
    ];

    /// The bundle whose page the server sends for `path` (a URL path, with or without a query
    /// string).
    pub fn for_path(path: &str) -> Bundle {
        let (path, trimmed) = normalised(path);
        if STAFF_PREFIXES.iter().any(|prefix| under(path, prefix)) {
            Bundle::Staff
        } else if ENTRY_PATHS.contains(&trimmed) {
            Bundle::Entry
        } else if let Some((_, bundle)) = FEATURE_PREFIXES.iter().find(|(prefix, _)| under(trimmed, prefix)) {
            *bundle
        } else {
            Bundle::Portal
        }
    }

    /// A bundle of one portal feature (not entry, the rest of the portal, or staff).
    pub const fn is_feature(self) -> bool {
        matches!(
            self,
            Bundle::Backlog
                | Bundle::Item
                | Bundle::Meetings
                | Bundle::Minutes
                | Bundle::Reports
                | Bundle::Report
                | Bundle::Surveys
                | Bundle::Risks
        )
    }

    /// Whether this bundle has a page for `path`: its own paths; for a feature bundle also `/`
    /// and the sign-in page; for the portal bundle every entry page too (the way it has always
    /// been reached: agency sign-up and the account page link to them).
    pub fn routes(self, path: &str) -> bool {
        let owner = Bundle::for_path(path);
        if owner == self {
            return true;
        }
        let (_, trimmed) = normalised(path);
        (self == Bundle::Portal && owner == Bundle::Entry) || (self.is_feature() && SIGN_IN_PATHS.contains(&trimmed))
    }

    /// The HTML page (in the built web app's folder) that loads this bundle.
    pub const fn html(self) -> &'static str {
        match self {
            Bundle::Entry => "index.html",
            Bundle::Backlog => "backlog.html",
            Bundle::Item => "item.html",
            Bundle::Meetings => "meetings.html",
            Bundle::Minutes => "minutes.html",
            Bundle::Reports => "reports.html",
            Bundle::Report => "report.html",
            Bundle::Surveys => "surveys.html",
            Bundle::Risks => "risks.html",
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
            ["/portal/roadmap", "/portal/knowledge/1", "/apple", "/platforms", "/account", "/sign-up", "/portals"]
        {
            assert_eq!(Bundle::for_path(path), Bundle::Portal, "{path}");
        }
        for (path, bundle) in [
            ("/portal/backlog", Bundle::Backlog),
            ("/portal/backlog/", Bundle::Backlog),
            ("/portal/backlog?section=planned", Bundle::Backlog),
            ("/portal/backlog/5f0c1b9e?x=1", Bundle::Item),
            ("/portal/risks/", Bundle::Risks),
            ("/portal/meetings", Bundle::Meetings),
            ("/portal/meetings/", Bundle::Meetings),
            ("/portal/meetings?x=1", Bundle::Meetings),
            ("/portal/meetings/1", Bundle::Minutes),
            ("/portal/meetings/1/", Bundle::Minutes),
            ("/portal/reports", Bundle::Reports),
            ("/portal/reports/", Bundle::Reports),
            ("/portal/reports/1", Bundle::Report),
            ("/portal/surveys/2", Bundle::Surveys),
            ("/survey", Bundle::Surveys),
            ("/survey#token", Bundle::Surveys),
            ("/surveys", Bundle::Portal),
            ("/portal/backlogs", Bundle::Portal),
        ] {
            assert_eq!(Bundle::for_path(path), bundle, "{path}");
        }
    }

    #[test]
    fn every_bundle_has_its_own_page() {
        let mut pages: Vec<&str> = Bundle::ALL.iter().map(|b| b.html()).collect();
        pages.sort_unstable();
        pages.dedup();
        assert_eq!(pages.len(), Bundle::ALL.len());
    }

    #[test]
    fn the_portal_bundle_also_routes_the_entry_pages() {
        assert!(Bundle::Portal.routes("/portal") && Bundle::Portal.routes("/sign-in"));
        assert!(!Bundle::Entry.routes("/portal/backlog") && !Bundle::Portal.routes("/app"));
        assert!(!Bundle::Staff.routes("/portal"));
    }

    #[test]
    fn a_feature_bundle_signs_in_but_hands_other_pages_on() {
        for bundle in Bundle::ALL.into_iter().filter(|b| b.is_feature()) {
            assert!(bundle.routes("/sign-in?next=/portal/x") && bundle.routes("/"), "{bundle:?}");
            assert!(!bundle.routes("/portal") && !bundle.routes("/forgot-password"), "{bundle:?}");
            assert!(!bundle.routes("/app") && !bundle.routes("/portal/roadmap"), "{bundle:?}");
        }
        assert!(Bundle::Minutes.routes("/portal/meetings/1") && !Bundle::Meetings.routes("/portal/meetings/1"));
        assert!(Bundle::Item.routes("/portal/backlog/1") && !Bundle::Backlog.routes("/portal/backlog/1"));
        assert!(Bundle::Backlog.routes("/portal/backlog") && !Bundle::Item.routes("/portal/backlog"));
        assert!(Bundle::Meetings.routes("/portal/meetings") && !Bundle::Minutes.routes("/portal/meetings"));
        assert!(Bundle::Report.routes("/portal/reports/1") && !Bundle::Reports.routes("/portal/reports/1"));
        assert!(!Bundle::Meetings.routes("/portal/reports/1") && !Bundle::Report.routes("/portal/reports"));
        assert!(!Bundle::Portal.routes("/portal/backlog") && !Bundle::Entry.routes("/survey"));
    }
}
