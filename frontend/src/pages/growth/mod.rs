//! Growth for staff: a client's Growth tab (upsells, the services the client has had, what to
//! offer next), the upsell pipeline (`/app/growth`), the profitability scorecard
//! (`/app/scorecard`), the service catalogue — the playbook (`/app/services`) — and the
//! knowledge base editor (`/app/knowledge`). Styles: `growth-staff.css`. Never in the portal.

mod article_form;
mod client_tab;
mod criteria;
mod knowledge;
mod next_services;
mod pipeline;
mod scorecard;
mod service_form;
mod services;
mod services_had;
mod upsell_form;
mod upsells;

pub use client_tab::GrowthTab;
pub use knowledge::KnowledgePage;
pub use pipeline::PipelinePage;
pub use scorecard::ScorecardPage;
pub use services::ServicesPage;

use crate::components::form::Text;
use crate::components::Problem;
use crate::i18n::{fill, format_money, use_i18n, Texts};
use crate::routes::Route;
use crate::session::use_session;
use accord_api::error::Code;
use accord_api::growth::{Criterion, UpsellStatus};
use accord_api::{ClientId, Locale, Money, StaffRole};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// Whether the signed-in person works on upsells and the pipeline (everyone on the staff but
/// specialists; the server decides per client).
fn sells() -> bool {
    use_session().staff_role().is_some_and(|role| role != StaffRole::Specialist)
}

/// The client of the page (`/app/clients/:id/…`), from the address.
fn client_param() -> Option<ClientId> {
    use_params_map().with_untracked(|p| p.get("id")).and_then(|s| s.parse().ok())
}

/// `nav#growth-sections`: the pipeline (for those who sell), the scorecard (owners and admins),
/// the catalogue and the knowledge base (everyone on the staff).
#[component]
fn SectionTabs() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let role = session.staff_role();
    let sells = role.is_some_and(|r| r != StaffRole::Specialist);
    let admin = role.is_some_and(StaffRole::is_admin);
    let tabs: [(bool, Route, &'static str, Text); 4] = [
        (sells, Route::StaffGrowth(None), "pipeline", |t| t.growth().sub_pipeline),
        (admin, Route::StaffScorecard, "scorecard", |t| t.growth().sub_scorecard),
        (true, Route::StaffServices, "services", |t| t.growth().sub_services),
        (true, Route::StaffKnowledge, "knowledge", |t| t.growth().sub_knowledge),
    ];
    let links = tabs
        .into_iter()
        .filter(|(shown, ..)| *shown)
        .map(|(_, route, key, label)| {
            view! {
                <A href=route.path() attr:class=format!("tab growth-tab-{key}")>{move || label(i18n.t())}</A>
            }
        })
        .collect_view();
    view! { <nav id="growth-sections" class="tabs growth-sections" aria-label=move || i18n.t().growth().section_label>{links}</nav> }
}

fn status_label(t: &Texts, status: UpsellStatus) -> &'static str {
    let g = t.growth();
    match status {
        UpsellStatus::Idea => g.status_idea,
        UpsellStatus::Proposed => g.status_proposed,
        UpsellStatus::Won => g.status_won,
        UpsellStatus::Lost => g.status_lost,
    }
}

fn status_tone(status: UpsellStatus) -> &'static str {
    match status {
        UpsellStatus::Idea => "grey",
        UpsellStatus::Proposed => "blue",
        UpsellStatus::Won => "green",
        UpsellStatus::Lost => "red",
    }
}

/// A criterion's name: the agency's, or for a built-in one not renamed, its standard name in the
/// reader's language.
fn criterion_name(t: &Texts, criterion: &Criterion) -> String {
    if !criterion.name.trim().is_empty() {
        return criterion.name.clone();
    }
    default_criterion_name(t, &criterion.key).unwrap_or(&criterion.key).to_owned()
}

fn default_criterion_name(t: &Texts, key: &str) -> Option<&'static str> {
    let c = t.growth_catalogue();
    Some(match key {
        "margin" => c.criterion_margin,
        "specialist_hours" => c.criterion_specialist_hours,
        "account_time" => c.criterion_account_time,
        "contract_term" => c.criterion_contract_term,
        "communication" => c.criterion_communication,
        "prospects" => c.criterion_prospects,
        _ => return None,
    })
}

/// Sums in several currencies, never added together: "150 000,00 ₽ · $1,200.00"; "—" for none.
fn money_list(locale: Locale, sums: &[Money]) -> String {
    if sums.is_empty() {
        return "—".to_owned();
    }
    sums.iter().map(|m| format_money(locale, m)).collect::<Vec<_>>().join(" · ")
}

/// The line under one field: for a `validation_failed` naming `field`, "Check “<label>”" in the
/// reader's language; any other problem naming the field in its own words.
#[component]
fn FieldProblem(field: &'static str, label: Text, problem: RwSignal<Option<Problem>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        problem.get().filter(|p| p.field() == Some(field)).map(|p| {
            let text = move || match &p {
                Problem::Api(e) if e.is(Code::ValidationFailed) => {
                    fill(i18n.t().growth().field_value, &[&label(i18n.t())])
                }
                other => other.field_text(i18n.t()),
            };
            view! { <p class="field-error" role="alert" data-field=field>{text}</p> }
        })
    }
}

/// Whether `problem` names `field` (for `aria-invalid`).
fn is_named(problem: RwSignal<Option<Problem>>, field: &str) -> bool {
    problem.with(|p| p.as_ref().and_then(Problem::field) == Some(field))
}

#[cfg(test)]
mod tests {
    use super::default_criterion_name;
    use crate::i18n::texts;
    use accord_api::growth::DEFAULT_CRITERIA;
    use accord_api::Locale;

    #[test]
    fn every_built_in_criterion_has_a_name_in_both_languages() {
        for locale in [Locale::Ru, Locale::En] {
            for key in DEFAULT_CRITERIA {
                assert!(default_criterion_name(texts(locale), key).is_some(), "{key}");
            }
        }
    }
}
