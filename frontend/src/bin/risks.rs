//! The risks bundle: a contact's risks and incidents (with sign-in).

fn main() {
    frontend::start(frontend::RisksApp);
}
