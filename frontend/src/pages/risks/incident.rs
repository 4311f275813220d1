//! `/app/clients/:id/incidents/:inc`: one incident. Beside the steps: when it was found, by
//! whom, days open, the "open too long" flag, the time from detection to telling the client
//! (`#notify-time`) and the internal details. The five steps (`ol#incident-steps`) as a vertical
//! stepper: `li.incident-step[data-step][data-state=done|next|waiting]`, each done one with when
//! and who and what was written (the client's acknowledgement of the plan under step 3), the
//! next one with its form (`steps.rs`) for those who may take it.

use super::duration_text;
use super::steps::NextStep;
use crate::api;
use crate::api::ApiError;
use crate::components::{ErrorBanner, Loading, Notice};
use crate::i18n::{fill, format_date, format_date_time, use_i18n};
use crate::pages::portal::risks::damage_view;
use crate::routes::{ClientTab, Route};
use accord_api::error::Code;
use accord_api::risks::{IncidentStep, IncidentView, StepDone};
use accord_api::IncidentId;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn IncidentPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let client = super::client_param();
    let id = Memo::new(move |_| params.read().get("inc").and_then(|s| s.parse::<IncidentId>().ok()));
    let incident = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::risks::incident(id).await,
                None => Err(ApiError::local(Code::NotFound, String::new())),
            }
        }
    });
    let back = client.map(|c| Route::StaffClientTab(c, ClientTab::Incidents).path()).unwrap_or_default();
    let body = move || match incident.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(found)) if client.is_none_or(|c| c == found.client_id) => {
            view! { <IncidentBody incident=found /> }.into_any()
        }
        Some(Ok(_)) => view! { <Missing /> }.into_any(),
        Some(Err(e)) if e.status == 403 || e.status == 404 || e.is(Code::NotFound) => view! { <Missing /> }.into_any(),
        Some(Err(error)) => {
            view! { <ErrorBanner error=error on_retry=Callback::new(move |_| incident.refetch()) /> }.into_any()
        }
    };
    view! {
        <div class="incident-page" id="incident-page">
            <A href=back attr:class="back-link incident-back">"← " {move || i18n.t().risks().back_to_incidents}</A>
            {body}
        </div>
    }
}

#[component]
fn Missing() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="card unavailable" id="incident-missing">
            <div class="unavailable-mark" aria-hidden="true">"?"</div>
            <h2>{move || i18n.t().risks().incident_missing}</h2>
            <p class="subtitle">{move || i18n.t().risks().incident_missing_hint}</p>
        </div>
    }
}

#[component]
fn IncidentBody(incident: IncidentView) -> impl IntoView {
    let i18n = use_i18n();
    let current = RwSignal::new(incident);
    let saved = RwSignal::new(false);
    let step = move || current.with(|c| c.step.number());
    let closed = move || current.with(|c| c.step == IncidentStep::Prevented);
    view! {
        <div class="incident-heading">
            <div class="title-row">
                <h2 id="incident-title">{move || current.with(|c| c.title.clone())}</h2>
                <span class="badge incident-step-badge" id="incident-step" data-step=move || step().to_string()
                    class:badge-blue=move || { step() > 0 } class:badge-amber=move || { step() == 0 }
                    title=move || (step() == 0).then(|| i18n.t().risks().not_told_hint)>
                    {move || match step() {
                        0 => i18n.t().risks().not_told_badge.to_owned(),
                        n => fill(i18n.t().risk_words().step_of, &[&n]),
                    }}
                </span>
                {move || current.with(|c| c.too_long).then(|| view! {
                    <span class="badge badge-red too-long-badge" title=move || i18n.t().risks().too_long_hint>
                        {move || i18n.t().risks().too_long}
                    </span>
                })}
                <Show when=closed>
                    <span class="badge badge-green closed-badge">{move || i18n.t().risks().closed_badge}</span>
                </Show>
            </div>
            {move || current.with(|c| c.project_name.clone()).map(|p| view! { <p class="subtitle incident-project">{p}</p> })}
        </div>
        <div class="tab-grid tab-grid-wide-side">
            <div class="tab-main">
                <div class="card incident-steps-card">
                    <h3 class="card-title">{move || i18n.t().risks().steps_title}</h3>
                    <Show when=move || saved.get()>
                        <Notice text=Signal::derive(move || i18n.t().risks().step_saved.to_owned()) />
                    </Show>
                    {move || {
                        let c = current.get();
                        view! { <Stepper incident=c current=current saved=saved /> }
                    }}
                </div>
            </div>
            <aside class="tab-side">
                <Facts current=current />
            </aside>
        </div>
    }
}

/// `#incident-facts`: found when and by whom, days open, the time to tell the client, details.
#[component]
fn Facts(current: RwSignal<IncidentView>) -> impl IntoView {
    let i18n = use_i18n();
    let c = current.get_untracked();
    let (detected, by) = (c.detected_at, c.created_by.name.clone());
    let notify = move || {
        current.with(|c| c.notify_minutes).map_or_else(
            || {
                view! { <p class="notify-figure notify-waiting">{move || i18n.t().risks().notify_waiting}</p> }
                    .into_any()
            },
            |m| view! { <p class="notify-figure" data-minutes=m>{move || duration_text(i18n.t(), m)}</p> }.into_any(),
        )
    };
    let days = move || current.with(|c| c.days_open).max(0).unsigned_abs();
    let description = move || current.with(|c| c.description.clone());
    view! {
        <div class="card incident-facts" id="incident-facts">
            <p class="incident-fact">{move || fill(i18n.t().risks().found_at, &[&format_date_time(i18n.locale(), &detected)])}</p>
            <p class="incident-fact muted">{move || fill(i18n.t().risks().recorded_by, &[&by])}</p>
            <p class="incident-fact">
                <span class="fact-label">{move || i18n.t().risks().col_open_for} ": "</span>
                <b id="incident-days">{move || i18n.t().risks().days.count(days())}</b>
            </p>
            <div class="notify-time" id="notify-time">
                <p class="fact-label">{move || i18n.t().risks().notify_time}</p>
                {notify}
            </div>
        </div>
        <Show when=move || !description().trim().is_empty()>
            <div class="card incident-details">
                <h3 class="card-title">{move || i18n.t().risks().internal_details}</h3>
                <p class="prose-text">{description}</p>
            </div>
        </Show>
    }
}

/// Whether step `n` is done, the next one, or after it.
fn state(n: u8, at: u8) -> &'static str {
    match n.cmp(&(at + 1)) {
        std::cmp::Ordering::Less => "done",
        std::cmp::Ordering::Equal => "next",
        std::cmp::Ordering::Greater => "waiting",
    }
}

#[component]
fn Stepper(incident: IncidentView, current: RwSignal<IncidentView>, saved: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let at = incident.step.number();
    let can_edit = incident.can_edit;
    let steps = [
        IncidentStep::Notified,
        IncidentStep::Assessed,
        IncidentStep::Planned,
        IncidentStep::Fixed,
        IncidentStep::Prevented,
    ];
    let items = steps
        .into_iter()
        .map(|s| {
            let n = s.number();
            let st = state(n, at);
            let done = step_done(&incident, s);
            let body = match st {
                "done" => view! {
                    {done.map(|d| who_when(&d))}
                    {done_body(&incident, s)}
                }
                .into_any(),
                "next" if can_edit => view! { <NextStep incident=incident.clone() current=current saved=saved /> }.into_any(),
                "next" => view! { <p class="step-note">{move || i18n.t().risks().read_only_steps}</p> }.into_any(),
                _ => view! { <p class="step-note">{move || i18n.t().risks().step_waiting}</p> }.into_any(),
            };
            view! {
                <li class=format!("incident-step step-{st}") data-step=n data-state=st>
                    <span class="step-marker" aria-hidden="true">{if st == "done" { "✓".to_owned() } else { n.to_string() }}</span>
                    <div class="step-body">
                        <h4 class="step-title">
                            {move || i18n.t().incident_step(s)}
                            {(st == "next").then(|| view! { <span class="step-next-tag">{move || i18n.t().risks().step_next}</span> })}
                        </h4>
                        {body}
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <ol class="incident-stepper" id="incident-steps">{items}</ol>
        {(at == 5).then(|| view! { <p class="stepper-done" id="incident-done">{move || i18n.t().risks().all_done}</p> })}
    }
}

fn step_done(i: &IncidentView, s: IncidentStep) -> Option<StepDone> {
    match s {
        IncidentStep::Notified => i.notified.clone(),
        IncidentStep::Assessed => i.assessed.clone(),
        IncidentStep::Planned => i.planned.clone(),
        IncidentStep::Fixed => i.fixed.clone(),
        IncidentStep::Prevented => i.prevented.clone(),
        IncidentStep::Detected => None,
    }
}

/// `p.step-who`: when the step was taken, and by whom.
fn who_when(done: &StepDone) -> impl IntoView {
    let i18n = use_i18n();
    let (at, by) = (done.at, done.by.name.clone());
    view! {
        <p class="step-who">
            <span class="step-when">{move || format_date_time(i18n.locale(), &at)}</span>
            <span class="meta-sep" aria-hidden="true">"·"</span>
            <span class="step-by">{by}</span>
        </p>
    }
}

/// What a done step wrote.
fn done_body(i: &IncidentView, s: IncidentStep) -> impl IntoView {
    let i18n = use_i18n();
    match s {
        IncidentStep::Notified => view! {
            <p class="step-label">{move || i18n.t().risks().message_label}</p>
            <p class="prose-text step-text incident-message">{i.message.clone()}</p>
        }
        .into_any(),
        IncidentStep::Assessed => damage_view(&i.damage).into_any(),
        IncidentStep::Planned => {
            let ack = i.plan_acknowledged_at.map(|at| (at, i.plan_acknowledged_by.clone().unwrap_or_default()));
            view! {
                <p class="prose-text step-text incident-plan">{i.plan.clone()}</p>
                {match ack {
                    Some((at, by)) => view! {
                        <p class="plan-acknowledged" id="plan-acknowledged">
                            <span class="plan-ack-mark" aria-hidden="true">"✓"</span>
                            {move || fill(i18n.t().risks().plan_acknowledged, &[&by, &format_date(i18n.locale(), &at)])}
                        </p>
                    }
                    .into_any(),
                    None => view! {
                        <p class="plan-awaits" id="plan-not-acknowledged">{move || i18n.t().risks().plan_not_acknowledged}</p>
                    }
                    .into_any(),
                }}
            }
            .into_any()
        }
        IncidentStep::Fixed => {
            view! { <p class="prose-text step-text incident-fix">{i.fix_note.clone()}</p> }.into_any()
        }
        IncidentStep::Prevented => {
            let shared = i.prevention_shared;
            view! {
                <p class="prose-text step-text incident-prevention">{i.prevention.clone()}</p>
                {if shared {
                    view! { <span class="badge badge-blue prevention-shared">{move || i18n.t().risks().shared_badge}</span> }.into_any()
                } else {
                    view! { <span class="badge badge-grey prevention-internal">{move || i18n.t().risks().internal_badge}</span> }.into_any()
                }}
            }
            .into_any()
        }
        IncidentStep::Detected => ().into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::state;

    #[test]
    fn steps_before_the_current_are_done_and_only_one_is_next() {
        assert_eq!(state(1, 0), "next");
        assert_eq!(state(2, 0), "waiting");
        assert_eq!(state(1, 1), "done");
        assert_eq!(state(2, 1), "next");
        assert_eq!(state(5, 4), "next");
        assert_eq!(state(5, 5), "done");
    }
}
