//! The meetings bundle: a contact's upcoming meetings, agenda and action items (with sign-in).

fn main() {
    frontend::start(frontend::MeetingsApp);
}
