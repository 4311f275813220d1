//! A client's risks and incidents (staff): the Risks tab (the probability × impact matrix, the
//! register and its form), the Incidents tab (the list and recording one) and an incident's page
//! (the five steps as a stepper, with the form for the next one). Styles: `risks-staff.css`.

mod incident;
mod incidents;
mod matrix;
mod register;
mod risk_form;
mod steps;

pub use incident::IncidentPage;
pub use incidents::IncidentsTab;
pub use register::RisksTab;

use crate::components::form::Text;
use crate::components::Problem;
use crate::i18n::{fill, use_i18n, Texts};
use accord_api::error::Code;
use accord_api::ClientId;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The client of the page (`/app/clients/:id/…`), from the address.
fn client_param() -> Option<ClientId> {
    use_params_map().with_untracked(|p| p.get("id")).and_then(|s| s.parse().ok())
}

/// The line under one field: for a `validation_failed` naming `field`, "Check “<label>”" in the
/// reader's language (the field names of this feature are not in the shared label list);
/// any other problem naming the field in its own words.
#[component]
fn FieldProblem(field: &'static str, label: Text, problem: RwSignal<Option<Problem>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        problem.get().filter(|p| p.field() == Some(field)).map(|p| {
            let text = move || match &p {
                Problem::Api(e) if e.is(Code::ValidationFailed) => {
                    fill(i18n.t().risks().field_value, &[&label(i18n.t())])
                }
                other => other.field_text(i18n.t()),
            };
            view! { <p class="field-error" role="alert" data-field=field>{text}</p> }
        })
    }
}

/// `(days, hours, minutes)` of a span in minutes (negative spans count as none).
fn split_minutes(minutes: i64) -> (u64, u64, u64) {
    let m = minutes.max(0).unsigned_abs();
    (m / 1440, m % 1440 / 60, m % 60)
}

/// "2 дня 3 часа", "45 minutes": the two largest units of a span, the zero ones left out.
fn duration_text(t: &Texts, minutes: i64) -> String {
    let r = t.risks();
    match split_minutes(minutes) {
        (0, 0, m) => r.minutes.count(m),
        (0, h, 0) => r.hours.count(h),
        (0, h, m) => format!("{} {}", r.hours.count(h), r.minutes.count(m)),
        (d, 0, _) => r.days.count(d),
        (d, h, _) => format!("{} {}", r.days.count(d), r.hours.count(h)),
    }
}

#[cfg(test)]
mod tests {
    use super::split_minutes;

    #[test]
    fn spans_split_into_days_hours_and_minutes() {
        assert_eq!(split_minutes(0), (0, 0, 0));
        assert_eq!(split_minutes(45), (0, 0, 45));
        assert_eq!(split_minutes(60), (0, 1, 0));
        assert_eq!(split_minutes(135), (0, 2, 15));
        assert_eq!(split_minutes(1440), (1, 0, 0));
        assert_eq!(split_minutes(2 * 1440 + 3 * 60 + 7), (2, 3, 7));
        assert_eq!(split_minutes(-5), (0, 0, 0), "a clock skew shows as no time");
    }
}
