//! The portal bundle: the whole client portal and every signed-out page (loaded when a contact
//! goes past the portal home, or opens agency sign-up).

fn main() {
    frontend::start_portal();
}
