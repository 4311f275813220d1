//! `/portal/roadmap`: the client's roadmap as the agency wrote it — point A → point B, goals with
//! progress and trend, and the stages on a time axis (`.timeline` with `.stage` entries). Read-only.

use crate::api;
use crate::components::async_view;
use crate::i18n::use_i18n;
use crate::pages::backlog_parts::{Reader, StatusBadge};
use crate::pages::clients::roadmap::shared::{stage_badge, stage_timeline, GoalFigures, PointsPair, StageProgress};
use crate::routes::Route;
use accord_api::roadmap::{GoalView, RoadmapView, StageView};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn PortalRoadmapPage() -> impl IntoView {
    let i18n = use_i18n();
    let roadmap = LocalResource::new(api::roadmap::portal_roadmap);
    view! {
        <section class="page portal-page portal-roadmap" id="portal-roadmap">
            <div class="portal-page-head">
                <h1>{move || i18n.t().clients().tab_roadmap}</h1>
                <p class="portal-intro">{move || i18n.t().roadmap().portal_intro}</p>
            </div>
            {async_view(roadmap, |r| view! { <PortalRoadmap roadmap=r /> })}
        </section>
    }
}

fn points_empty(r: &RoadmapView) -> bool {
    r.point_a.html.trim().is_empty() && r.point_b.html.trim().is_empty()
}

#[component]
fn PortalRoadmap(roadmap: RoadmapView) -> impl IntoView {
    let i18n = use_i18n();
    if points_empty(&roadmap) && roadmap.goals.is_empty() && roadmap.stages.is_empty() {
        return view! {
            <div class="card portal-card roadmap-portal-empty" id="roadmap-empty">
                <div class="empty-state">
                    <div class="points-empty-mark" aria-hidden="true">{move || i18n.t().roadmap().points_mark}</div>
                    <p class="empty-title">{move || i18n.t().roadmap().portal_empty_title}</p>
                    <p class="empty-hint">{move || i18n.t().roadmap().portal_empty_hint}</p>
                </div>
            </div>
        }
        .into_any();
    }
    let points = if points_empty(&roadmap) {
        view! { <p class="muted roadmap-section-empty">{move || i18n.t().roadmap().portal_points_empty}</p> }.into_any()
    } else {
        let (a, b) = (roadmap.point_a.clone(), roadmap.point_b.clone());
        view! { <PointsPair point_a=Signal::stored(a) point_b=Signal::stored(b) portal=true /> }.into_any()
    };
    let goals = if roadmap.goals.is_empty() {
        view! { <p class="muted roadmap-section-empty">{move || i18n.t().roadmap().portal_no_goals}</p> }.into_any()
    } else {
        view! {
            <div class="goals">
                {roadmap.goals.into_iter().map(|g| view! { <PortalGoal goal=g /> }).collect_view()}
            </div>
        }
        .into_any()
    };
    let stages = if roadmap.stages.is_empty() {
        view! { <p class="muted roadmap-section-empty">{move || i18n.t().roadmap().portal_no_stages}</p> }.into_any()
    } else {
        stage_timeline(roadmap.stages, "stage", "timeline portal-timeline", Some(stage_details)).into_any()
    };
    view! {
        <div class="card portal-card roadmap-card" id="roadmap-points">
            <h2 class="card-title">{move || i18n.t().roadmap().points_title}</h2>
            {points}
        </div>
        <div class="card portal-card roadmap-card" id="roadmap-goals">
            <h2 class="card-title">{move || i18n.t().roadmap().goals_title}</h2>
            {goals}
        </div>
        <div class="card portal-card roadmap-card" id="roadmap-stages">
            <h2 class="card-title">{move || i18n.t().roadmap().stages_title}</h2>
            {stages}
        </div>
    }
    .into_any()
}

#[component]
fn PortalGoal(goal: GoalView) -> impl IntoView {
    let (name, unit) = (goal.name.clone(), goal.unit.clone());
    let has_unit = !unit.trim().is_empty();
    let id = goal.id.to_string();
    view! {
        <article class="goal" data-id=id>
            <div class="goal-head">
                <div class="goal-heading">
                    <h3 class="goal-name">{name}</h3>
                    {has_unit.then(|| view! { <span class="goal-unit">{unit}</span> })}
                </div>
            </div>
            <GoalFigures goal=Signal::stored(goal) />
        </article>
    }
}

/// Under a stage's bar: status, progress ("3 of 5 done") and the items the client can see.
fn stage_details(stage: StageView) -> AnyView {
    let status = stage.status;
    let items = stage.items.clone();
    view! {
        <div class="stage-summary">
            {stage_badge(status)}
            <StageProgress stage=Signal::stored(stage) />
        </div>
        {(!items.is_empty()).then(|| view! {
            <ul class="stage-items">
                {items.into_iter().map(|item| view! {
                    <li class="stage-item" data-id=item.id.to_string() data-status=item.status.as_str()>
                        <A href=Route::PortalBacklogItem(item.id).path() attr:class="stage-item-link">
                            {item.title.clone()}
                        </A>
                        <StatusBadge status=item.status reader=Reader::Client />
                    </li>
                }).collect_view()}
            </ul>
        })}
    }
    .into_any()
}
