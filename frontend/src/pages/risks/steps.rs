//! `form#step-form[data-step]`: the form for an incident's next step only. 1 the message the
//! client will read (`#step-message`), sent after `button.confirm-notify` says the approvers
//! will be mailed; 2 the damage on four axes (`#damage-timeline`, `#damage-quality`,
//! `#damage-result`, `#damage-reputation`); 3 the fix plan (`#step-plan`); 4 what was done
//! (`#step-note`); 5 the prevention measures (`#step-measures`) and whether the client sees
//! them (`#step-share`). The answer replaces the incident on the page.

use crate::api::risks as api;
use crate::api::ApiError;
use crate::components::form::Text;
use crate::components::InlineConfirm;
use crate::i18n::{error_text, use_i18n};
use accord_api::error::Code;
use accord_api::risks::{Damage, IncidentStep, IncidentView, StepInput};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Why a step was not recorded.
#[derive(Clone, PartialEq)]
enum StepProblem {
    /// Nothing written where something must be.
    Empty,
    Api(ApiError),
}

#[component]
pub fn NextStep(incident: IncidentView, current: RwSignal<IncidentView>, saved: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let id = incident.id;
    let next = match incident.step {
        IncidentStep::Detected => 1,
        IncidentStep::Notified => 2,
        IncidentStep::Assessed => 3,
        IncidentStep::Planned => 4,
        IncidentStep::Fixed => 5,
        IncidentStep::Prevented => return ().into_any(),
    };
    let first = RwSignal::new(String::new());
    let quality = RwSignal::new(String::new());
    let result = RwSignal::new(String::new());
    let reputation = RwSignal::new(String::new());
    let share = RwSignal::new(false);
    let problem = RwSignal::new(None::<StepProblem>);
    let pending = RwSignal::new(false);
    let confirming = RwSignal::new(false);

    // What the fields make, or `None` when the step would be empty.
    let read = move || -> Option<StepInput> {
        let text = first.get_untracked().trim().to_owned();
        let input = match next {
            1 => StepInput::Notify { message: text },
            2 => StepInput::Assess {
                damage: Damage {
                    timeline: text,
                    quality: quality.get_untracked().trim().to_owned(),
                    result: result.get_untracked().trim().to_owned(),
                    reputation: reputation.get_untracked().trim().to_owned(),
                },
            },
            3 => StepInput::Plan { plan: text },
            4 => StepInput::CarryOut { note: text },
            _ => StepInput::Prevent { measures: text, share: share.get_untracked() },
        };
        let empty = match &input {
            StepInput::Notify { message: t }
            | StepInput::Plan { plan: t }
            | StepInput::CarryOut { note: t }
            | StepInput::Prevent { measures: t, .. } => t.is_empty(),
            StepInput::Assess { damage } => {
                [&damage.timeline, &damage.quality, &damage.result, &damage.reputation].iter().all(|t| t.is_empty())
            }
        };
        (!empty).then_some(input)
    };
    let send = move || {
        if pending.get_untracked() {
            return;
        }
        let Some(input) = read() else {
            confirming.set(false);
            problem.set(Some(StepProblem::Empty));
            return;
        };
        pending.set(true);
        problem.set(None);
        spawn_local(async move {
            let answer = api::take_step(id, &input).await;
            pending.set(false);
            match answer {
                Ok(fresh) => {
                    saved.set(true);
                    current.set(fresh);
                }
                Err(e) => {
                    confirming.set(false);
                    problem.set(Some(StepProblem::Api(e)));
                }
            }
        });
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        if next == 1 {
            // Telling the client mails the approvers: ask first.
            if read().is_none() {
                problem.set(Some(StepProblem::Empty));
            } else {
                problem.set(None);
                confirming.set(true);
            }
        } else {
            send();
        }
    };
    let (submit, label, hint, rows): (Text, Text, Option<Text>, u32) = match next {
        1 => (|t| t.risks().notify_submit, |t| t.risks().message_label, Some(|t| t.risks().message_hint), 5),
        2 => (|t| t.risks().assess_submit, |t| t.risk_words().damage_timeline, None, 2),
        3 => (|t| t.risks().plan_submit, |t| t.risks().plan_label, Some(|t| t.risks().plan_hint), 5),
        4 => (|t| t.risks().fix_submit, |t| t.risks().fix_label, Some(|t| t.risks().fix_hint), 3),
        _ => (|t| t.risks().prevent_submit, |t| t.risks().measures_label, None, 4),
    };
    let placeholder: Option<Text> = (next == 1).then_some(|t| t.risks().message_placeholder);
    let first_id = match next {
        1 => "step-message",
        2 => "damage-timeline",
        3 => "step-plan",
        4 => "step-note",
        _ => "step-measures",
    };
    let is_wrong_step = move || {
        problem.with(|p| matches!(p, Some(StepProblem::Api(e)) if e.is(Code::WrongStep) || e.is(Code::Conflict)))
    };
    let reload = move |_| {
        spawn_local(async move {
            if let Ok(fresh) = api::incident(id).await {
                current.set(fresh);
            }
        });
    };
    view! {
        <form id="step-form" class="form step-form" data-step=next on:submit=on_submit novalidate=true>
            {(next == 2).then(|| view! { <p class="field-hint damage-hint">{move || i18n.t().risks().damage_hint}</p> })}
            <div class=if next == 2 { "damage-fields" } else { "step-fields" }>
                <StepField id=first_id label=label hint=hint rows=rows value=first
                    placeholder=placeholder />
                {(next == 2).then(|| view! {
                    <StepField id="damage-quality" label=|t| t.risk_words().damage_quality hint=None placeholder=None rows=2 value=quality />
                    <StepField id="damage-result" label=|t| t.risk_words().damage_result hint=None placeholder=None rows=2 value=result />
                    <StepField id="damage-reputation" label=|t| t.risk_words().damage_reputation hint=None placeholder=None rows=2 value=reputation />
                })}
            </div>
            {(next == 5).then(|| view! {
                <div class="field field-check">
                    <label class="check">
                        <input type="checkbox" id="step-share" name="share" bind:checked=share />
                        <span>{move || i18n.t().risks().share_label}</span>
                    </label>
                    <p class="field-hint">{move || i18n.t().risks().share_hint}</p>
                </div>
            })}
            {move || problem.get().map(|p| match p {
                StepProblem::Empty => view! {
                    <p class="form-error" id="step-error" role="alert">{move || i18n.t().risks().empty_step}</p>
                }
                .into_any(),
                StepProblem::Api(_) if is_wrong_step() => view! {
                    <p class="form-error" id="step-error" role="alert">
                        {move || i18n.t().risks().wrong_step} " "
                        <button type="button" class="btn btn-small btn-ghost" on:click=reload>{move || i18n.t().common().retry}</button>
                    </p>
                }
                .into_any(),
                StepProblem::Api(e) => view! { <p class="form-error" id="step-error" role="alert">{move || error_text(i18n.t(), &e)}</p> }.into_any(),
            })}
            <Show when=move || !confirming.get()>
                <div class="form-actions form-actions-start">
                    <button type="submit" id="step-submit" class="btn btn-primary" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t().common().saving } else { submit(i18n.t()) }}
                    </button>
                </div>
            </Show>
            <Show when=move || confirming.get()>
                <InlineConfirm action="notify" class="inline-confirm-left notify-confirm"
                    text=Signal::derive(move || i18n.t().risks().notify_confirm.to_owned())
                    pending=pending label=|t| t.risks().notify_send
                    on_confirm=Callback::new(move |_| send()) on_cancel=Callback::new(move |_| confirming.set(false)) />
            </Show>
        </form>
    }
    .into_any()
}

#[component]
fn StepField(
    id: &'static str,
    label: Text,
    hint: Option<Text>,
    rows: u32,
    value: RwSignal<String>,
    placeholder: Option<Text>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{move || label(i18n.t())}</label>
            <textarea id=id name=id rows=rows maxlength="10000"
                placeholder=move || placeholder.map(|p| p(i18n.t())) bind:value=value></textarea>
            {hint.map(|h| view! { <p class="field-hint">{move || h(i18n.t())}</p> })}
        </div>
    }
}
