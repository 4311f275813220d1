//! The reports bundle: a contact's reports and their questions (with sign-in).

fn main() {
    frontend::start(frontend::ReportsApp);
}
