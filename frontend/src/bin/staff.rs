//! The staff bundle: loaded only on staff and platform pages.

fn main() {
    frontend::start(frontend::StaffApp);
}
