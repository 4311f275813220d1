//! The backlog bundle: a contact's backlog and item decisions (with sign-in).

fn main() {
    frontend::start(frontend::BacklogApp);
}
