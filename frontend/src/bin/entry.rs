//! The entry bundle: what everyone downloads first — sign-in, invitations, password resets —
//! and a contact's portal home.

fn main() {
    frontend::start(frontend::EntryApp);
}
