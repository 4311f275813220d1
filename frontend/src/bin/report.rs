//! The report bundle: one report, its questions and answers (with sign-in).

fn main() {
    frontend::start(frontend::ReportApp);
}
