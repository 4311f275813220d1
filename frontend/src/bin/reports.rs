//! The reports bundle: a contact's reports (with sign-in).

fn main() {
    frontend::start(frontend::ReportsApp);
}
