//! The minutes bundle: one meeting's minutes, acknowledged or disputed (with sign-in).

fn main() {
    frontend::start(frontend::MinutesApp);
}
