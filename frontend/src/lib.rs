//! Accord's web app, built as three bundles that share this library (see `accord_api::bundles`):
//! `entry` (sign-in and the portal home: a contact's first visit), `portal` (every signed-out
//! page and the whole client portal) and `staff` (agency staff and the platform operator). Each
//! binary in `src/bin/` mounts one route table from [`app`]; the linker keeps only what that
//! table reaches, so a client never downloads the staff pages and the first visit stays small.

mod api;
mod app;
mod components;
mod i18n;
mod pages;
mod routes;
mod session;

/// Mounts the entry bundle: sign-in, invitation and password-reset pages, the portal home.
pub fn start_entry() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::EntryApp);
    remove_boot_screen();
}

/// Mounts the portal: sign-in and the other signed-out pages, and the client portal.
pub fn start_portal() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::PortalApp);
    remove_boot_screen();
}

/// Mounts the staff app: clients, backlogs, team, the platform operator's pages, API docs.
pub fn start_staff() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::StaffApp);
    remove_boot_screen();
}

/// The page's static loading screen (`#boot` in each bundle's HTML page), shown while the
/// bundle downloads, goes once the app has drawn itself.
fn remove_boot_screen() {
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
}
