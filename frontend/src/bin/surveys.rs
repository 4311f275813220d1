//! The surveys bundle: the one-time survey link and a contact's surveys (with sign-in).

fn main() {
    frontend::start(frontend::SurveysApp);
}
