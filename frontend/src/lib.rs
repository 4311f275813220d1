//! Accord's web app, built as several bundles that share this library (see
//! `accord_api::bundles`): `entry` (sign-in and the portal home: a contact's first visit), one
//! per portal feature that e-mails link to (`backlog`, `meetings`, `minutes`, `reports`,
//! `surveys`, `risks`), `portal` (the rest of the portal and agency sign-up) and `staff` (agency staff and the
//! platform operator). Each binary in `src/bin/` mounts one route table from [`app`]; the linker
//! keeps only what that table reaches, so a client never downloads the staff pages and whatever
//! page a contact lands on stays small.

mod api;
mod app;
mod components;
mod i18n;
mod pages;
mod routes;
mod session;

pub use app::{
    BacklogApp, EntryApp, ItemApp, MeetingsApp, MinutesApp, PortalApp, ReportApp, ReportsApp, RisksApp, StaffApp,
    SurveysApp,
};

/// Mounts one bundle's app (one of the `*App` route tables) and removes the loading screen.
pub fn start<V: leptos::IntoView + 'static>(app: fn() -> V) {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app);
    remove_boot_screen();
}

/// The page's static loading screen (`#boot` in each bundle's HTML page), shown while the
/// bundle downloads, goes once the app has drawn itself.
fn remove_boot_screen() {
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
}
