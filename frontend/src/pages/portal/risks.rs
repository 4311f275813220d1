//! `/portal/risks`: the incidents the agency told the client about (`#portal-incidents`: what it
//! said, the damage, the fix plan with `button.acknowledge-plan` for approvers, when it was
//! fixed, the prevention measures when shared) and the risks the agency made visible to the
//! client (`#portal-risks`: category, probability and impact, mitigation, status, due date).
//! [`Level`] (the exposure bands) is shared with the staff register.

use crate::api::risks as api;
use crate::api::ApiError;
use crate::components::form::Text;
use crate::components::{async_view, ErrorBanner, InlineConfirm, Notice};
use crate::i18n::{fill, format_date, format_day, use_i18n, Texts};
use accord_api::risks::{Damage, IncidentStep, PortalIncident, PortalRisk, RiskStatus};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// How serious a risk is by its exposure (probability × impact, 1–25): the colour of a matrix
/// cell and of a risk's level chip.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Low,
    Medium,
    High,
    Critical,
}

impl Level {
    pub fn of(exposure: u8) -> Level {
        match exposure {
            0..=4 => Level::Low,
            5..=9 => Level::Medium,
            10..=14 => Level::High,
            _ => Level::Critical,
        }
    }

    /// The class suffix: `exposure-low` … `exposure-critical`.
    pub fn key(self) -> &'static str {
        match self {
            Level::Low => "low",
            Level::Medium => "medium",
            Level::High => "high",
            Level::Critical => "critical",
        }
    }

    pub fn label(self, t: &Texts) -> &'static str {
        let w = t.risk_words();
        match self {
            Level::Low => w.level_low,
            Level::Medium => w.level_medium,
            Level::High => w.level_high,
            Level::Critical => w.level_critical,
        }
    }
}

/// The badge tone of a risk's status.
pub fn status_tone(status: RiskStatus) -> &'static str {
    match status {
        RiskStatus::Open => "amber",
        RiskStatus::Mitigated => "green",
        RiskStatus::Occurred => "red",
        RiskStatus::Closed => "grey",
    }
}

/// The four axes of a damage assessment with their labels, the empty ones left out.
pub fn damage_rows(damage: &Damage) -> Vec<(&'static str, Text, String)> {
    let rows: [(&'static str, Text, &String); 4] = [
        ("timeline", |t| t.risk_words().damage_timeline, &damage.timeline),
        ("quality", |t| t.risk_words().damage_quality, &damage.quality),
        ("result", |t| t.risk_words().damage_result, &damage.result),
        ("reputation", |t| t.risk_words().damage_reputation, &damage.reputation),
    ];
    rows.into_iter()
        .filter(|(_, _, text)| !text.trim().is_empty())
        .map(|(key, label, text)| (key, label, text.clone()))
        .collect()
}

/// `dl.damage-list`: a `div.damage-row[data-axis]` per written axis.
pub fn damage_view(damage: &Damage) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <dl class="damage-list">
            {damage_rows(damage).into_iter().map(|(key, label, text)| view! {
                <div class="damage-row" data-axis=key>
                    <dt>{move || label(i18n.t())}</dt>
                    <dd class="prose-text">{text}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
}

#[component]
pub fn PortalRisksPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = LocalResource::new(api::portal);
    view! {
        <section class="page portal-page portal-risks-page" id="portal-risks-page">
            <div class="portal-page-head">
                <h1>{move || i18n.t().portal_risks().title}</h1>
                <p class="portal-intro">{move || i18n.t().portal_risks().intro}</p>
            </div>
            {async_view(data, |d| view! {
                <IncidentsCard incidents=d.incidents />
                <RisksCard risks=d.risks />
            })}
        </section>
    }
}

/// `#portal-incidents`: `li.portal-incident` per incident, newest first as the server sends.
#[component]
fn IncidentsCard(incidents: Vec<PortalIncident>) -> impl IntoView {
    let i18n = use_i18n();
    let count = incidents.len() as u64;
    let body = if incidents.is_empty() {
        view! {
            <div class="portal-empty" id="portal-no-incidents">
                <p class="empty-title">{move || i18n.t().portal_risks().no_incidents}</p>
                <p class="empty-hint">{move || i18n.t().portal_risks().no_incidents_hint}</p>
            </div>
        }
        .into_any()
    } else {
        view! {
            <ul class="portal-incidents">
                {incidents.into_iter().map(|i| view! { <IncidentEntry incident=i /> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <div class="card portal-card" id="portal-incidents">
            <div class="portal-section-head">
                <h2 class="card-title">{move || i18n.t().portal_risks().incidents_title}</h2>
                {(count > 0).then(|| view! {
                    <span class="count-badge count-badge-muted">{move || i18n.t().portal_risks().incidents_count.count(count)}</span>
                })}
            </div>
            {body}
        </div>
    }
}

/// `li.portal-incident[data-id][data-step]`: the five steps as dots, what the agency said, and
/// the later steps as they come.
#[component]
fn IncidentEntry(incident: PortalIncident) -> impl IntoView {
    let i18n = use_i18n();
    let id = incident.id;
    let current = RwSignal::new(incident);
    let acked_now = RwSignal::new(false);
    let step = move || current.with(|c| c.step.number());
    let title = current.with_untracked(|c| c.title.clone());
    let project = current.with_untracked(|c| c.project_name.clone());
    let notified = current.with_untracked(|c| c.notified_at);
    view! {
        <li class="portal-incident" data-id=id.to_string() data-step=move || step().to_string()>
            <div class="portal-incident-head">
                <div class="portal-item-main">
                    <p class="portal-incident-title">{title}</p>
                    <p class="portal-item-meta">
                        {project.map(|p| view! {
                            <span class="portal-item-project">{p}</span>
                            <span class="meta-sep" aria-hidden="true">"·"</span>
                        })}
                        <span>{move || fill(i18n.t().portal_risks().told_at, &[&format_date(i18n.locale(), &notified)])}</span>
                    </p>
                </div>
                <StepDots step=Signal::derive(step) />
            </div>
            <div class="incident-part incident-message">
                <p class="incident-part-label">{move || i18n.t().portal_risks().what_we_told}</p>
                <p class="prose-text">{current.with_untracked(|c| c.message.clone())}</p>
            </div>
            {move || current.with(|c| c.damage.clone()).filter(|d| !damage_rows(d).is_empty()).map(|d| view! {
                <div class="incident-part incident-damage">
                    <p class="incident-part-label">{move || i18n.t().portal_risks().damage}</p>
                    {damage_view(&d)}
                </div>
            })}
            {move || current.with(|c| c.plan.clone()).map(|plan| view! {
                <div class="incident-part incident-plan">
                    <p class="incident-part-label">
                        {move || i18n.t().portal_risks().plan}
                        {move || current.with(|c| c.planned_at).map(|at| view! {
                            <span class="incident-part-when">
                                {move || fill(i18n.t().portal_risks().plan_proposed, &[&format_date(i18n.locale(), &at)])}
                            </span>
                        })}
                    </p>
                    <p class="prose-text">{plan}</p>
                    <PlanAcknowledgement current=current acked_now=acked_now />
                </div>
            })}
            {move || current.with(|c| c.fixed_at).map(|at| view! {
                <p class="incident-fixed">
                    <span class="incident-fixed-mark" aria-hidden="true">"✓"</span>
                    {move || fill(i18n.t().portal_risks().fixed, &[&format_date(i18n.locale(), &at)])}
                </p>
            })}
            {move || current.with(|c| c.prevention.clone()).filter(|p| !p.trim().is_empty()).map(|p| view! {
                <div class="incident-part incident-prevention">
                    <p class="incident-part-label">{move || i18n.t().portal_risks().prevention}</p>
                    <p class="prose-text">{p}</p>
                </div>
            })}
        </li>
    }
}

/// `ol.step-dots`: five dots, the done ones filled, with "Step n of 5" for screen readers and
/// as a caption.
#[component]
fn StepDots(#[prop(into)] step: Signal<u8>) -> impl IntoView {
    let i18n = use_i18n();
    let caption = move || {
        let n = step.get();
        if n >= IncidentStep::Prevented.number() {
            i18n.t().portal_risks().all_steps_done.to_owned()
        } else {
            fill(i18n.t().risk_words().step_of, &[&n])
        }
    };
    view! {
        <div class="step-progress">
            <ol class="step-dots" aria-hidden="true">
                {(1..=5u8).map(|n| view! { <li class="step-dot" class:done=move || { step.get() >= n }></li> }).collect_view()}
            </ol>
            <span class="step-caption">{caption}</span>
        </div>
    }
}

/// Who acknowledged the plan and when; or, for an approver, `button.acknowledge-plan` and its
/// confirmation; or, for a viewer, that an approver's acknowledgement is awaited.
#[component]
fn PlanAcknowledgement(current: RwSignal<PortalIncident>, acked_now: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let confirming = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let id = current.with_untracked(|c| c.id);
    let acknowledge = Callback::new(move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let answer = api::acknowledge_plan(id).await;
            pending.set(false);
            match answer {
                Ok(fresh) => {
                    confirming.set(false);
                    acked_now.set(true);
                    current.set(fresh);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    });
    move || {
        let (at, by, can) =
            current.with(|c| (c.plan_acknowledged_at, c.plan_acknowledged_by.clone(), c.can_acknowledge));
        match at {
            Some(at) => {
                let by = by.unwrap_or_default();
                view! {
                    <p class="plan-acknowledged">
                        <span class="plan-ack-mark" aria-hidden="true">"✓"</span>
                        {move || fill(i18n.t().portal_risks().acknowledged, &[&by, &format_date(i18n.locale(), &at)])}
                    </p>
                    <Show when=move || acked_now.get()>
                        <Notice text=Signal::derive(move || i18n.t().portal_risks().acknowledged_now.to_owned()) />
                    </Show>
                }
                .into_any()
            }
            None if can => view! {
                <div class="plan-actions">
                    <Show when=move || !confirming.get()>
                        <button type="button" class="btn btn-primary acknowledge-plan" on:click=move |_| confirming.set(true)>
                            {move || i18n.t().portal_risks().acknowledge}
                        </button>
                    </Show>
                    <Show when=move || confirming.get()>
                        <InlineConfirm action="acknowledge" class="inline-confirm-left plan-confirm"
                            text=Signal::derive(move || i18n.t().portal_risks().acknowledge_confirm.to_owned())
                            pending=pending label=|t| t.portal_risks().acknowledge_button on_confirm=acknowledge
                            on_cancel=Callback::new(move |_| confirming.set(false)) />
                    </Show>
                    {move || error.get().map(|e| view! { <ErrorBanner error=e /> })}
                </div>
            }
            .into_any(),
            None => view! { <p class="plan-awaits muted">{move || i18n.t().portal_risks().awaits_approver}</p> }.into_any(),
        }
    }
}

/// `#portal-risks`: `li.portal-risk[data-id][data-status]` per client-visible risk.
#[component]
fn RisksCard(risks: Vec<PortalRisk>) -> impl IntoView {
    let i18n = use_i18n();
    let count = risks.len() as u64;
    let body = if risks.is_empty() {
        view! {
            <div class="portal-empty" id="portal-no-risks">
                <p class="empty-title">{move || i18n.t().portal_risks().no_risks}</p>
                <p class="empty-hint">{move || i18n.t().portal_risks().no_risks_hint}</p>
            </div>
        }
        .into_any()
    } else {
        view! { <ul class="portal-risks">{risks.into_iter().map(|r| view! { <RiskEntry risk=r /> }).collect_view()}</ul> }
            .into_any()
    };
    view! {
        <div class="card portal-card" id="portal-risks">
            <div class="portal-section-head">
                <h2 class="card-title">{move || i18n.t().portal_risks().risks_title}</h2>
                {(count > 0).then(|| view! {
                    <span class="count-badge count-badge-muted">{move || i18n.t().portal_risks().risks_count.count(count)}</span>
                })}
            </div>
            {body}
        </div>
    }
}

#[component]
fn RiskEntry(risk: PortalRisk) -> impl IntoView {
    let i18n = use_i18n();
    let r = risk;
    let (category, status, p, imp, due) = (r.category, r.status, r.probability, r.impact, r.due_on);
    let level = Level::of(p.saturating_mul(imp));
    let mitigation = r.mitigation.clone();
    view! {
        <li class="portal-risk" data-id=r.id.to_string() data-status=status.as_str()>
            <div class="portal-risk-head">
                <div class="portal-item-main">
                    <p class="portal-risk-title">{r.title.clone()}</p>
                    <p class="portal-item-meta">
                        <span class="portal-risk-category">{move || i18n.t().risk_category(category)}</span>
                        {r.project_name.clone().map(|name| view! {
                            <span class="meta-sep" aria-hidden="true">"·"</span>
                            <span class="portal-item-project">{name}</span>
                        })}
                        {due.map(|d| view! {
                            <span class="meta-sep" aria-hidden="true">"·"</span>
                            <span class="portal-risk-due">{move || fill(i18n.t().portal_risks().due, &[&format_day(i18n.locale(), &d)])}</span>
                        })}
                    </p>
                </div>
                <span class=format!("badge badge-{}", status_tone(status))>{move || i18n.t().risk_status(status)}</span>
            </div>
            <div class="portal-risk-scores">
                <span class="risk-score">
                    {move || i18n.t().portal_risks().probability} " "
                    <b>{move || fill(i18n.t().portal_risks().out_of_five, &[&p])}</b>
                </span>
                <span class="risk-score">
                    {move || i18n.t().portal_risks().impact} " "
                    <b>{move || fill(i18n.t().portal_risks().out_of_five, &[&imp])}</b>
                </span>
                <span class=format!("level-chip exposure-{}", level.key())>
                    {move || fill(i18n.t().portal_risks().level, &[&level.label(i18n.t())])}
                </span>
            </div>
            {(!mitigation.trim().is_empty()).then(|| view! {
                <div class="incident-part portal-risk-mitigation">
                    <p class="incident-part-label">{move || i18n.t().portal_risks().mitigation}</p>
                    <p class="prose-text">{mitigation}</p>
                </div>
            })}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::Level;

    #[test]
    fn exposure_bands_cover_the_matrix() {
        assert_eq!(Level::of(1), Level::Low);
        assert_eq!(Level::of(4), Level::Low);
        assert_eq!(Level::of(5), Level::Medium);
        assert_eq!(Level::of(9), Level::Medium);
        assert_eq!(Level::of(10), Level::High);
        assert_eq!(Level::of(12), Level::High);
        assert_eq!(Level::of(15), Level::Critical);
        assert_eq!(Level::of(25), Level::Critical);
    }
}
