//! The item bundle: one backlog item's decision and conversation (with sign-in).

fn main() {
    frontend::start(frontend::ItemApp);
}
