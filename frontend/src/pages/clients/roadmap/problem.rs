//! Why a roadmap form was not accepted, in words that name the roadmap's own fields.

use crate::api::ApiError;
use crate::i18n::{error_text, fill, use_i18n, Texts};
use accord_api::error::Code;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Api(ApiError),
    /// Not a number; names the wire field.
    Number(&'static str),
    /// Left empty; names the wire field.
    Missing(&'static str),
    /// Not a date; names the wire field.
    Date(&'static str),
    EndBeforeStart,
}

impl From<ApiError> for Problem {
    fn from(error: ApiError) -> Self {
        Problem::Api(error)
    }
}

impl Problem {
    /// The input the problem is about, if any (it gets `aria-invalid`).
    pub fn field(&self) -> Option<&str> {
        match self {
            Problem::Api(e) => e.field.as_deref(),
            Problem::Number(f) | Problem::Missing(f) | Problem::Date(f) => Some(f),
            Problem::EndBeforeStart => Some("ends_on"),
        }
    }

    pub fn text(&self, t: &'static Texts) -> String {
        match self {
            Problem::Api(e) if e.is(Code::ValidationFailed) => match e.field.as_deref() {
                Some("ends_on") => t.errors().end_before_start.to_owned(),
                Some("value" | "baseline" | "target") => t.roadmap().err_number.to_owned(),
                Some(field) => fill(t.errors().validation_field, &[&field_label(t, field)]),
                None => t.errors().validation.to_owned(),
            },
            Problem::Api(e) => error_text(t, e),
            Problem::Number(_) => t.roadmap().err_number.to_owned(),
            Problem::Missing(field) => fill(t.roadmap().err_required, &[&field_label(t, field)]),
            Problem::Date(_) => t.roadmap().err_date.to_owned(),
            Problem::EndBeforeStart => t.errors().end_before_start.to_owned(),
        }
    }
}

/// The roadmap's wire fields as their form labels.
fn field_label(t: &Texts, field: &str) -> String {
    match field {
        "point_a" => t.roadmap().point_a.to_owned(),
        "point_b" => t.roadmap().point_b.to_owned(),
        "name" => t.roadmap().goal_name.to_owned(),
        "unit" => t.roadmap().goal_unit.to_owned(),
        "baseline" => t.roadmap().goal_baseline.to_owned(),
        "target" => t.roadmap().goal_target.to_owned(),
        "value" => t.roadmap().value.to_owned(),
        "measured_on" => t.roadmap().measured_on.to_owned(),
        "title" => t.roadmap().stage_title.to_owned(),
        "starts_on" => t.projects().starts_on.to_owned(),
        "ends_on" => t.projects().ends_on.to_owned(),
        "status" => t.common().status.to_owned(),
        other => other.to_owned(),
    }
}

/// Whether the problem names `field` (for `aria-invalid`).
pub fn names(problem: RwSignal<Option<Problem>>, field: &'static str) -> impl Fn() -> String + Copy {
    move || problem.with(|p| p.as_ref().and_then(Problem::field) == Some(field)).to_string()
}

/// The form's one error line (`p.form-error`), shown while there is a problem.
#[component]
pub fn ProblemLine(problem: RwSignal<Option<Problem>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        problem.get().map(|p| {
            view! { <p class="form-error" role="alert">{move || p.text(i18n.t())}</p> }
        })
    }
}
