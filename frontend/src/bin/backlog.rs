//! The backlog bundle: a contact's backlog, its sections and months (with sign-in).

fn main() {
    frontend::start(frontend::BacklogApp);
}
