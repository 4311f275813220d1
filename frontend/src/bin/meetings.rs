//! The meetings bundle: a contact's meetings and minutes (with sign-in).

fn main() {
    frontend::start(frontend::MeetingsApp);
}
