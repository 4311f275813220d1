//! The portal bundle: what a client (and anyone not signed in) downloads.

fn main() {
    frontend::start_portal();
}
