//! The portal bundle: the rest of the client portal (the roadmap, knowledge, the account
//! page), agency sign-up and the 404 page.

fn main() {
    frontend::start(frontend::PortalApp);
}
